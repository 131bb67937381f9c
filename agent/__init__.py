"""The coaching agent: runs a chat turn from the stored message to the committed reply."""
