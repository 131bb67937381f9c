"""Errors of the agent turn, each with a stable `code` (the API maps codes to statuses)."""

from __future__ import annotations


class AgentError(Exception):
    """Base class for agent failures."""

    code = "agent_error"


class ModelUnavailable(AgentError):
    """The language model failed after retries (and fallback); the user's message is kept."""

    code = "model_unavailable"


class TurnInProgress(AgentError):
    """A turn with the same client_message_id is still running.

    Retry after `retry_after` seconds: its result is kept for the retry.
    """

    code = "turn_in_progress"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TurnTimeout(AgentError):
    """The turn's deadline passed before the coach answered; the message is kept."""

    code = "turn_timeout"


class MessageRejected(AgentError):
    """The message cannot be processed (empty after trimming)."""

    code = "invalid_message"


class MessageTooLong(MessageRejected):
    """The message is over the configured length (`COACH_MAX_MESSAGE_CHARS`)."""

    code = "message_too_long"


class TurnFailed(AgentError):
    """A turn that ended with an error event; carries that event's stable code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
