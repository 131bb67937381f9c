"""Errors of the agent turn; the API maps each to one HTTP status."""

from __future__ import annotations


class AgentError(Exception):
    """Base class for agent failures."""

    code = "agent_error"


class ModelUnavailable(AgentError):
    """The language model failed after retries (and fallback); the user's message is kept."""

    code = "model_unavailable"


class TurnInProgress(AgentError):
    """A turn with the same client_message_id is still running and did not finish in time."""

    code = "turn_in_progress"


class MessageRejected(AgentError):
    """The message cannot be processed (empty after trimming, or too long)."""

    code = "invalid_message"
