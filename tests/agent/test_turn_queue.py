"""TurnQueue: one conversation's turns one at a time in arrival order; a resend of a
queued or running message skips the line; other conversations do not wait."""

from __future__ import annotations

import asyncio

from agent.turn_queue import TurnQueue


async def _turn(queue: TurnQueue, log: list[str], chat: str, key: str | None, name: str) -> None:
    async with queue.turn("u", chat, key):
        log.append(f"{name} in")
        await asyncio.sleep(0.02)
        log.append(f"{name} out")


async def test_turns_on_one_conversation_run_in_arrival_order() -> None:
    queue, log = TurnQueue(), list[str]()
    await asyncio.gather(*(_turn(queue, log, "c", f"k{i}", f"t{i}") for i in range(3)))
    assert log == ["t0 in", "t0 out", "t1 in", "t1 out", "t2 in", "t2 out"]
    assert not queue._lines  # noqa: SLF001 - no line is kept once empty


async def test_a_resend_skips_the_line_and_other_conversations_do_not_wait() -> None:
    queue, log = TurnQueue(), list[str]()
    await asyncio.gather(
        _turn(queue, log, "c", "k1", "first"),
        _turn(queue, log, "c", "k1", "resend"),
        _turn(queue, log, "other", None, "other"),
    )
    assert set(log[:3]) == {"first in", "resend in", "other in"}  # none waited
