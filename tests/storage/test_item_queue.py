"""ItemQueue: a process's writes to one item wait for each other; writes to other items
do not, and keys are taken in order so two writes never wait for each other."""

from __future__ import annotations

import asyncio

from storage.item_queue import ItemQueue

A, B, C = ("p", "a"), ("p", "b"), ("p", "c")


async def _write(queue: ItemQueue, log: list[str], keys: list[tuple[str, str]], name: str) -> None:
    async with queue.holding(keys):
        log.append(f"{name} in")
        await asyncio.sleep(0.02)
        log.append(f"{name} out")


async def test_writes_sharing_an_item_take_turns_and_others_do_not_wait() -> None:
    queue, log = ItemQueue(), list[str]()
    await asyncio.gather(
        _write(queue, log, [A, B], "one"),
        _write(queue, log, [B, A], "two"),  # the same items, listed the other way round
        _write(queue, log, [C], "three"),
    )
    assert set(log[:2]) == {"one in", "three in"}
    assert log.index("two in") > log.index("one out")
    assert not queue._lines  # noqa: SLF001 - no line is kept once empty
