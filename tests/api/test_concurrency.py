"""Concurrent turns through the service as it is configured, on the real Bedrock path."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from api.settings import Settings
from tests.api.helpers import auth, messages_url, new_coach, new_conversation, serve
from tests.fakes.bedrock import FakeBedrock, Reply

MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
TURNS = 40
"""More than any default thread pool holds (`min(32, cores + 4)`)."""


async def test_concurrent_turns_call_the_model_all_at_once(settings: Settings) -> None:
    """The Converse client is synchronous: each call holds a thread while the model
    thinks. Every turn's call must be in flight together, none queued behind a pool: the
    fake answers none until all are in (a timed window flaked on a loaded machine), and one
    queued call would hold the others past the barrier's timeout."""
    all_in = threading.Barrier(TURNS, timeout=30)

    def answer_when_all_are_in(_body: dict[str, Any]) -> Reply:
        all_in.wait()
        return Reply(text="Nice.")

    with FakeBedrock(handler=answer_when_all_are_in) as fake:
        configured = settings.model_copy(
            update={
                "model": f"bedrock:{MODEL}",
                "bedrock_endpoint_url": fake.endpoint_url,
                "aws_region": "us-east-1",
                "rate_limit_per_minute": 1000,
            }
        )
        async with serve(configured) as http:
            coach_id = await new_coach(http)
            conversations = [await new_conversation(http, coach_id) for _ in range(TURNS)]
            responses = await asyncio.gather(
                *(
                    http.post(
                        messages_url(coach_id, c),
                        json={"content": "how's it going?"},
                        headers=auth(),
                    )
                    for c in conversations
                )
            )
        assert [r.status_code for r in responses] == [200] * TURNS
        assert {r.json()["reply"]["content"] for r in responses} == {"Nice."}
        assert fake.max_in_flight == TURNS
