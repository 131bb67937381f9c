"""The per-user rate limit and daily quota on chat messages: two counters per message."""

from __future__ import annotations

from datetime import UTC, datetime

from storage import keys
from storage.errors import RateLimited
from storage.items import Below, Key, Update
from storage.models import utc_now
from storage.reservations import Refused, Reservation
from storage.turn_writes import Quota


class RateLimits:
    """The per-minute and daily counters one message moves, and the RateLimited of a full one.

    They are taken by a `Reservation`, outside the message's transaction.
    """

    def __init__(self, user_id: str, quota: Quota) -> None:
        now = quota.now_epoch
        minute = now // 60
        day = datetime.fromtimestamp(now, UTC).date()
        midnight = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()) + 86400
        self.slots: list[tuple[str, Update]] = [
            (
                "rate:minute",
                rate_counter(
                    keys.rate_minute(user_id, minute), quota.per_minute, expires=(minute + 2) * 60
                ),
            ),
            (
                "rate:day",
                rate_counter(keys.rate_day(user_id, day), quota.per_day, expires=midnight + 86400),
            ),
        ]
        self._waits = {"rate:minute": 60 - now % 60, "rate:day": midnight - now}

    async def take(self, reservation: Reservation) -> None:
        """Count one more message on both counters, or neither.

        Raises:
            RateLimited: a counter is full; it says when to retry.
        """
        try:
            await reservation.take(self.slots)
        except Refused as exc:
            retry_after = max(self._waits[name] for name in exc.names)
            limit = "daily quota" if "rate:day" in exc.names else "per-minute rate limit"
            raise RateLimited(
                f"the {limit} is used up; retry in {retry_after} s", retry_after
            ) from None


def rate_counter(key: Key, limit: int, *, expires: int) -> Update:
    """One more request on a rate counter, unless it has reached `limit`."""
    now = utc_now()
    return Update(
        key,
        set={"ttl": expires, "updatedAt": now},
        add={"count": 1, "version": 1},
        init={"entityType": "rateCounter", "createdAt": now},
        when=Below("count", limit),
    )
