"""The store's errors, each with a stable `code` (the API maps codes to statuses)."""

from __future__ import annotations


class StorageError(Exception):
    """Base class for storage failures."""

    code = "storage_error"


class NotFound(StorageError):
    """The item does not exist in the caller's partition."""

    code = "not_found"


class Conflict(StorageError):
    """A conditional write lost: the item exists already or its version moved on."""

    code = "conflict"


class PayloadTooLarge(StorageError):
    """The item or document is over the size cap; nothing was written."""

    code = "payload_too_large"


class InvalidPageToken(StorageError):
    """A `next` token that was not issued for this list of this user."""

    code = "invalid_page_token"


class RateLimited(StorageError):
    """The per-minute rate or the daily quota is used up."""

    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class IdempotencyMismatch(StorageError):
    """A write reused an idempotency token for other writes.

    DynamoDB's IdempotentParameterMismatchException: nothing was written, and no retry
    can help.
    """

    code = "idempotency_mismatch"


class StorageUnavailable(StorageError):
    """The backing service failed or throttled after retries; the caller may retry."""

    code = "storage_unavailable"


class QuotaExceeded(StorageError):
    """A write would keep more of something than the user's quota allows.

    Nothing was written. Deleting some gives the room back.
    """

    code = "quota_exceeded"


class CoachQuotaExceeded(QuotaExceeded):
    """The user has as many coaches as `COACH_MAX_COACHES` allows."""

    code = "coach_quota_exceeded"


class ConversationQuotaExceeded(QuotaExceeded):
    """The user has as many conversations as `COACH_MAX_CONVERSATIONS` allows."""

    code = "conversation_quota_exceeded"


class MemoryQuotaExceeded(QuotaExceeded):
    """The user has as many memories as `COACH_MAX_MEMORIES` allows."""

    code = "memory_quota_exceeded"


class WorkoutQuotaExceeded(QuotaExceeded):
    """One date holds as many workouts as `COACH_MAX_WORKOUTS_PER_DAY` allows."""

    code = "workout_quota_exceeded"
