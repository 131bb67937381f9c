"""The reply's tokens as the client sees them, across retried model calls.

When a model's stream breaks mid-reply, the retry (or the fallback model) writes the
reply again from its start, under a new message id in the same agent step. The API has
no event that takes tokens back, so a retried call is streamed only past the text the
client already has, and only while it agrees with that text; once it says something
else, its tokens are held back and the `done` event carries the reply as stored.
"""

from __future__ import annotations


class ReplyStream:
    """Turns the chunks of one turn's model calls into the tokens to send."""

    def __init__(self) -> None:
        self._start(step=None, message_id=None)

    def _start(self, step: object, message_id: str | None) -> None:
        """A new agent step: its first model call streams as it comes."""
        self._step, self._message_id = step, message_id
        self._first: list[str] = []  # the first call's chunks, all sent
        self._sent = ""  # what the client has of this step's reply, once retried
        self._written = ""  # what the retried call has written so far
        self._retried = False
        self._diverged = False

    def feed(self, step: object, message_id: str | None, text: str) -> str:
        """The part of `text` to send now.

        `text` is a chunk of the call `message_id` in agent step `step`: all of it is
        sent, unless an earlier call in the same step already sent some.
        """
        if step != self._step:
            self._start(step, message_id)
        elif message_id != self._message_id:
            if not self._retried:
                self._sent = "".join(self._first)
            self._message_id, self._written, self._retried = message_id, "", True
        if not self._retried:
            self._first.append(text)
            return text
        self._written += text
        if self._diverged:
            return ""
        if len(self._written) <= len(self._sent):
            self._diverged = not self._sent.startswith(self._written)
            return ""
        if not self._written.startswith(self._sent):
            self._diverged = True
            return ""
        new, self._sent = self._written[len(self._sent) :], self._written
        return new
