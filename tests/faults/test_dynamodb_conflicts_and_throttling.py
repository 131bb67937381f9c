"""Issue 13, failure 8: DynamoDB's transaction conflicts, throttling and 5xx were never
tested, since neither moto nor DynamoDB Local produces them.

They are injected here into the store's real boto3 client (`dynamodb_faults`), on moto
(`aws`) and on DynamoDB Local, and the store's one retry policy (`storage.calls.Calls`;
botocore's retries are off) must absorb them: every fault is retried, a failed condition
is not, and turns complete exactly once under 10 % of requests failing. A reply lost
after DynamoDB applied a transaction is absorbed by its `ClientRequestToken`, which
DynamoDB Local honours and moto ignores (moto would apply the retry a second time).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import ExitStack
from functools import partial
from pathlib import Path

import anyio
import pytest

from storage.calls import CONTENDED_ATTEMPTS
from storage.errors import Conflict, StorageUnavailable
from storage.items import Absent, ConditionFailed, Put
from storage.repository import Repository
from storage.turn_writes import TurnCommit
from tests.faults.dynamodb_faults import Fault, Injector, injected
from tests.storage.builders import (
    COACH,
    CONVERSATION,
    USER,
    Outcome,
    coach,
    conversation,
    message,
    seed_conversation,
)
from tests.storage.conftest import moto, open_kind  # noqa: F401  (moto: a fixture)

RETRIED: list[Fault] = [
    "TransactionConflict",
    "ProvisionedThroughputExceeded",
    "ThrottlingException",
    "InternalServerError",
    "ServiceUnavailable",
]


@pytest.fixture(params=["aws", "dynamodb-local"])
def kind(request: pytest.FixtureRequest) -> str:
    request.getfixturevalue("moto")  # S3 for both; DynamoDB too for `aws`
    return str(request.param)


Opener = Callable[[Injector], Awaitable[Repository]]


@pytest.fixture
async def faulty_store(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[Opener]:
    """Opens an initialised `kind` store with a coach and a conversation, its DynamoDB
    requests sent through the injector given from then on, to the end of the test."""
    with ExitStack() as stack:
        opened: list[Repository] = []

        async def open_store(injector: Injector) -> Repository:
            stack.enter_context(injected(injector))
            injector.active = False
            store = open_kind(kind, tmp_path, request)
            opened.append(store)
            await store.init()
            await seed_conversation(store)
            injector.active = True
            return store

        yield open_store
        for store in opened:
            await store.close()


async def turn(store: Repository, n: int, conversation_id: str = CONVERSATION) -> None:
    """One chat turn as the runner writes it: the message and its claim, then the reply."""
    key = f"{conversation_id}-k{n}"
    begun = await store.begin_turn(
        USER, message(2 * n, conversation_id=conversation_id, client_id=key)
    )
    assert begun.created
    reply = message(2 * n + 1, conversation_id=conversation_id, role="assistant")
    await store.commit_turn(
        TurnCommit(
            user_id=USER,
            coach_id=COACH,
            conversation_id=conversation_id,
            reply=reply,
            client_message_id=key,
            result=Outcome.model_validate({"reply": reply.content}),
        )
    )


async def check_turns(store: Repository, conversation_id: str, turns: list[int]) -> None:
    """Each turn stored once, answered, and replayed (not redone) on a client's retry."""
    latest = await store.latest_messages(USER, conversation_id, 100)
    assert [m.message_id for m in latest] == [
        f"m{i:06d}" for n in sorted(turns) for i in (2 * n, 2 * n + 1)
    ]
    assert [m.role for m in latest] == ["user", "assistant"] * len(turns)
    stored = await store.get_conversation(USER, COACH, conversation_id)
    assert stored.metadata.total_messages == 2 * len(turns)
    for n in turns:
        key = f"{conversation_id}-k{n}"
        again = await store.begin_turn(
            USER, message(900_000 + n, conversation_id=conversation_id, client_id=key)
        )
        assert not again.created and again.state.status == "done"


@pytest.mark.parametrize("fault", RETRIED)
async def test_each_fault_is_retried_until_it_clears(fault: Fault, faulty_store: Opener) -> None:
    """Every operation's first two requests fail with `fault`; the third goes through."""
    injector = Injector((fault,), first=2)
    store = await faulty_store(injector)
    before = store.items.calls.counts.copy()
    await turn(store, 1)
    await check_turns(store, CONVERSATION, [1])
    injector.active = False

    sent = store.items.calls.counts - before
    assert {"TransactWriteItems", "GetItem", "Query"} <= set(injector.seen)
    assert injector.injected == Counter({(op, fault): 2 for op in injector.seen})
    assert sum(sent.values()) == sum(injector.seen.values())  # each fault, one more try


async def test_a_failed_condition_is_not_retried(faulty_store: Opener) -> None:
    """A transaction cancelled for ConditionalCheckFailed is answered at once, naming the
    write whose condition failed (the repositories read it by slot)."""
    injector = Injector(
        ("ConditionalCheckFailed",), operations=frozenset({"TransactWriteItems"}), first=1
    )
    store = await faulty_store(injector)
    before = store.items.calls.counts["items.transact"]
    writes = [Put({"pk": f"user#{USER}", "sk": f"note#{n}"}, Absent()) for n in range(3)]
    with pytest.raises(ConditionFailed) as raised:
        await store.items.transact(writes)
    assert len(raised.value.failed) == 1 and raised.value.failed <= {0, 1, 2}
    assert store.items.calls.counts["items.transact"] == before + 1

    # The real thing: the second claim of one client_message_id fails its condition.
    await store.begin_turn(USER, message(1, client_id="k1"))
    again = await store.begin_turn(USER, message(2, client_id="k1"))
    assert not again.created
    assert store.items.calls.counts["items.transact"] == before + 3


async def test_turns_complete_exactly_once_under_10_percent_faults(faulty_store: Opener) -> None:
    """30 turns on three conversations, ten at a time, with a tenth of all DynamoDB
    requests failing with a conflict, throttling or a 5xx."""
    injector = Injector(tuple(RETRIED), rate=0.1)
    store = await faulty_store(injector)
    chats = [CONVERSATION, "v2", "v3"]
    injector.active = False
    for chat in chats[1:]:
        await store.create_conversation(conversation(conversation_id=chat))
    injector.active = True
    before = store.items.calls.counts.copy()
    plan = [(chats[n % 3], n) for n in range(1, 31)]
    limiter = anyio.CapacityLimiter(10)

    async def one(chat: str, n: int) -> None:
        async with limiter:
            await turn(store, n, chat)

    async with anyio.create_task_group() as group:
        for chat, n in plan:
            group.start_soon(partial(one, chat, n))
    for chat in chats:
        await check_turns(store, chat, [n for c, n in plan if c == chat])
    injector.active = False
    sent = sum((store.items.calls.counts - before).values())
    assert sent == sum(injector.seen.values())  # every request, faults and retries
    assert injector.total() >= 5, injector.injected  # a tenth of about 100 requests


@pytest.mark.parametrize("kind", ["dynamodb-local"], indirect=True)
async def test_a_transaction_whose_reply_was_lost_is_applied_once(faulty_store: Opener) -> None:
    """DynamoDB applied the transaction, the 500 came after; the retry carries the same
    ClientRequestToken, so DynamoDB answers success without applying it again (moto
    ignores the token and would store the message and count it twice)."""
    injector = Injector(("LostReply",), operations=frozenset({"TransactWriteItems"}), first=1)
    store = await faulty_store(injector)
    key = f"{CONVERSATION}-k1"
    begun = await store.begin_turn(USER, message(2, client_id=key))
    injector.seen.clear()  # the reply's transaction loses its answer too
    reply = message(3, role="assistant")
    await store.commit_turn(
        TurnCommit(
            user_id=USER,
            coach_id=COACH,
            conversation_id=CONVERSATION,
            reply=reply,
            client_message_id=key,
            result=Outcome.model_validate({"reply": reply.content}),
        )
    )
    assert begun.created
    await check_turns(store, CONVERSATION, [1])
    assert injector.total() == 2


async def test_conflicts_that_never_clear_are_unavailable_not_conflict(
    faulty_store: Opener,
) -> None:
    """Conflicts on every try give 503 `storage_unavailable` (retry later), not 409
    `conflict` (which tells the client its data changed), after CONTENDED_ATTEMPTS tries
    (more than an outage gets: the other writer is making progress)."""
    injector = Injector(
        ("TransactionConflict",), operations=frozenset({"TransactWriteItems"}), first=100
    )
    store = await faulty_store(injector)
    with pytest.raises(StorageUnavailable) as raised:
        await store.begin_turn(USER, message(1, client_id="k1"))
    assert not isinstance(raised.value, Conflict)
    assert injector.seen["TransactWriteItems"] == CONTENDED_ATTEMPTS


@pytest.mark.parametrize("kind", ["dynamodb-local"], indirect=True)
async def test_a_create_whose_reply_was_lost_is_not_a_conflict(faulty_store: Opener) -> None:
    """A coach created, its reply lost (a read timeout after DynamoDB applied the write):
    the retry must not read its own write as a conflict. A create now moves its quota
    counter in the same transaction, whose ClientRequestToken makes the retry a no-op."""
    injector = Injector(
        ("LostReply",), operations=frozenset({"PutItem", "TransactWriteItems"}), first=1
    )
    store = await faulty_store(injector)
    await store.create_coach(coach(coach_id="c2"))
    assert (await store.get_coach(USER, "c2")).coach_id == "c2"
