"""Process-level setup the running service does once it has started."""

from __future__ import annotations

import gc

from httpx import AsyncClient


async def test_started_service_keeps_the_collector_off_its_long_lived_objects(
    client: AsyncClient,
) -> None:
    # Full collections walking every startup object cost 12-20 % of a burst's wall time.
    assert (await client.get("/healthz")).status_code == 200
    assert gc.get_freeze_count() > 10_000
    assert gc.get_threshold()[0] == 10_000
