"""`Store`, implemented once over the item layer and the document layer.

Both backends are this class over different engines (`open_store` picks them), so
the domain rules (keys, versions, transactions, pagination, quotas) cannot drift
between `local` and `aws`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection, Mapping
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, TypeVar
from weakref import WeakValueDictionary

from pydantic import BaseModel

from storage import keys
from storage.base import (
    Conflict,
    NotFound,
    Quota,
    RateLimited,
    StorageError,
    TurnBegin,
    TurnCommit,
)
from storage.calls import concurrently
from storage.codec import (
    conversation_bump,
    decode,
    message_put,
    new_item,
    rate_counter,
    replacement,
    turn_outcome,
    versioned,
)
from storage.documents import Documents
from storage.items import (
    MAX_TRANSACTION,
    Absent,
    Check,
    ConditionFailed,
    Delete,
    Exists,
    Item,
    Items,
    Key,
    Put,
    Query,
    Update,
    Write,
)
from storage.models import (
    CoachConfig,
    Conversation,
    Memory,
    Message,
    Page,
    PersonalRecord,
    Profile,
    Summary,
    TurnState,
    WorkoutRecord,
    utc_now,
)
from storage.pages import MAX_LIMIT, Pager, clamp
from storage.transcripts import TranscriptAppend, UnreadableTranscript

R = TypeVar("R", bound=BaseModel)

log = logging.getLogger(__name__)

TURN_TTL = timedelta(days=7)
HIGHEST = "\U0010ffff"
"""Sorts after every character, to close a key range."""


class Repository:
    """The service's store: items in one table, documents in one bucket.

    `items.calls.counts` (shared with `documents`) counts the backend requests made.
    """

    def __init__(self, items: Items, documents: Documents, *, page_secret: bytes) -> None:
        self.items = items
        self.documents = documents
        self._pages = Pager(items, page_secret)
        self._transcripts: WeakValueDictionary[tuple[str, str], asyncio.Lock] = (
            WeakValueDictionary()
        )

    # lifecycle

    async def init(self) -> None:
        await self.items.create()
        await self.documents.create()

    async def ping(self) -> None:
        await self.items.get(keys.PING)
        await self.documents.ping()

    async def close(self) -> None:
        await self.items.close()
        await self.documents.close()

    # profiles

    async def get_profile(self, user_id: str) -> Profile | None:
        item = await self.items.get(keys.profile(user_id))
        return None if item is None else decode(Profile, item)

    async def put_profile(self, profile: Profile) -> Profile:
        index: dict[str, str] = {}
        if profile.email:
            index |= {"gsi1pk": f"email#{profile.email}", "gsi1sk": "profile"}
        if profile.username:
            index |= {"gsi2pk": f"username#{profile.username}", "gsi2sk": "profile"}
        return await self._save(keys.profile(profile.user_id), "user", profile, index)

    # coaches

    async def create_coach(self, coach: CoachConfig) -> CoachConfig:
        return await self._create(keys.coach(coach.user_id, coach.coach_id), "coachConfig", coach)

    async def get_coach(self, user_id: str, coach_id: str) -> CoachConfig:
        return await self._get(CoachConfig, keys.coach(user_id, coach_id))

    async def list_coaches(
        self, user_id: str, *, limit: int = 50, next: str | None = None
    ) -> Page[CoachConfig]:
        query = Query(keys.user(user_id), prefix=keys.COACHES)
        return await self._pages.page(CoachConfig, query, "coaches", limit, next)

    async def replace_coach(self, coach: CoachConfig) -> CoachConfig:
        return await self._replace(keys.coach(coach.user_id, coach.coach_id), coach)

    async def delete_coach(self, user_id: str, coach_id: str) -> None:
        """The coach with its conversations (messages, summaries, transcripts) and the
        memories that only it uses; the athlete's workouts and records stay. The coach
        goes last, so an interrupted delete can simply be run again."""
        key = keys.coach(user_id, coach_id)
        if await self.items.get(key) is None:
            raise NotFound("coach not found")
        pk = keys.user(user_id)
        chats = Query(pk, prefix=keys.conversations(coach_id), limit=1000)
        for item in await self._pages.all(chats):
            await self.delete_conversation(user_id, coach_id, item["attributes"]["conversationId"])
        memories = Query(pk, prefix=keys.MEMORIES, limit=1000)
        await self.items.delete_many(
            [
                (item["pk"], item["sk"])
                for item in await self._pages.all(memories)
                if item["attributes"].get("coachId") == coach_id
            ]
        )
        await self.items.delete(Delete(key))

    # conversations and messages

    async def create_conversation(self, conversation: Conversation) -> Conversation:
        """Conditional create, in one transaction with a check that the coach exists."""
        user_id, coach_id = conversation.user_id, conversation.coach_id
        key = keys.conversation(user_id, coach_id, conversation.conversation_id)
        item = new_item(key, "coachConversation", conversation)
        try:
            await self.items.transact(
                [Put(item, Absent()), Check(keys.coach(user_id, coach_id), Exists())]
            )
        except ConditionFailed as exc:
            if 1 in exc.failed:
                raise NotFound("coach not found") from None
            raise Conflict("conversation exists already") from None
        return decode(Conversation, item)

    async def get_conversation(
        self, user_id: str, coach_id: str, conversation_id: str
    ) -> Conversation:
        return await self._get(Conversation, keys.conversation(user_id, coach_id, conversation_id))

    async def list_conversations(
        self, user_id: str, coach_id: str, *, limit: int = 20, next: str | None = None
    ) -> Page[Conversation]:
        """Newest first (conversation ids are time-sortable); never reads messages."""
        query = Query(keys.user(user_id), prefix=keys.conversations(coach_id), descending=True)
        return await self._pages.page(Conversation, query, f"conversations:{coach_id}", limit, next)

    async def rename_conversation(
        self, user_id: str, coach_id: str, conversation_id: str, title: str
    ) -> Conversation:
        key = keys.conversation(user_id, coach_id, conversation_id)
        change = {"attributes.title": title, "updatedAt": utc_now()}
        try:
            item = await self.items.update(
                Update(key, set=change, add={"version": 1}, when=Exists())
            )
        except ConditionFailed:
            raise NotFound("conversation not found") from None
        return decode(Conversation, item)

    async def delete_conversation(self, user_id: str, coach_id: str, conversation_id: str) -> None:
        """Metadata goes last, so an interrupted delete can simply be run again."""
        key = keys.conversation(user_id, coach_id, conversation_id)
        if await self.items.get(key) is None:
            raise NotFound("conversation not found")
        pk = keys.user(user_id)
        doomed: list[Key] = [keys.summary(user_id, conversation_id)]
        for prefix in (keys.messages(conversation_id), keys.turns(conversation_id)):
            query = Query(pk, prefix=prefix, limit=1000, keys_only=True)
            doomed += [(item["pk"], item["sk"]) for item in await self._pages.all(query)]
        await self.items.delete_many(doomed)
        await concurrently(
            partial(self.documents.delete, keys.transcript_document(user_id, conversation_id)),
            partial(self.documents.delete, keys.metadata_document(user_id, conversation_id)),
        )
        await self.items.delete(Delete(key))

    async def begin_turn(
        self, user_id: str, message: Message, quota: Quota | None = None
    ) -> TurnBegin:
        """One transaction: the message, the conversation's counters, the claim and the
        rate counters (a message is admitted and stored by one write, or not at all).

        Without a client_message_id there is no claim; the state returned is keyed by
        the message id and is not stored.
        """
        cid, client_id = message.conversation_id, message.metadata.client_message_id
        state = TurnState(
            conversation_id=cid,
            client_message_id=client_id or message.message_id,
            user_message_id=message.message_id,
        )
        writes: list[Write] = [message_put(user_id, message), conversation_bump(user_id, message)]
        if client_id is not None:
            expires = int((datetime.now(UTC) + TURN_TTL).timestamp())
            claim = new_item(
                keys.turn(user_id, cid, client_id), "turnState", state, {"ttl": expires}
            )
            state = decode(TurnState, claim)  # as get_turn will read it back
            writes.append(Put(claim, Absent()))
        limits = _RateLimits(user_id, quota, first=len(writes)) if quota else None
        try:
            await self.items.transact(writes + (limits.writes if limits else []))
        except ConditionFailed as exc:
            if 1 in exc.failed:
                raise NotFound("conversation not found") from None
            if 2 in exc.failed and client_id is not None:
                earlier = await self.get_turn(user_id, cid, client_id)
                if earlier is not None:
                    return TurnBegin(created=False, state=earlier)
            if limits and (error := limits.error(exc.failed)):
                raise error from None
            raise Conflict("message exists already") from None
        return TurnBegin(created=True, state=state)

    async def get_turn(
        self, user_id: str, conversation_id: str, client_message_id: str
    ) -> TurnState | None:
        item = await self.items.get(keys.turn(user_id, conversation_id, client_message_id))
        return None if item is None else decode(TurnState, item)

    async def fail_turn(self, user_id: str, conversation_id: str, client_message_id: str) -> None:
        key = keys.turn(user_id, conversation_id, client_message_id)
        try:
            await self.items.update(turn_outcome(key, "failed", None))
        except ConditionFailed:
            raise NotFound("turn not found") from None

    async def commit_turn(self, commit: TurnCommit) -> None:
        """One transaction; the workout log documents are written after it succeeds.

        Memory puts are conditional (version 0 creates, else that version is replaced).
        Memory uses are counted without touching `version`: usage is bookkeeping, so it
        never makes a concurrent edit of the memory fail with Conflict.

        Raises:
            ValueError: a workout id does not start with its date, so date-range
                queries could never find it.
        """
        user_id = commit.user_id
        for workout in commit.workouts:
            if keys.dated(workout.workout_id) is None:
                raise ValueError(
                    f"workout id {workout.workout_id!r} must start with its date: YYYYMMDD-…"
                )
        logs = {keys.workout_document(user_id, w.workout_id): w for w in commit.workouts}
        writes: list[Write] = [
            message_put(user_id, commit.reply),
            conversation_bump(user_id, commit.reply),
            *(
                Put(new_item(keys.workout(user_id, w.workout_id), "workout", w), Absent())
                for w in commit.workouts
            ),
            *(
                versioned(keys.record(user_id, r.exercise, r.measure), "personalRecord", r)
                for r in commit.records
            ),
            *(
                versioned(keys.memory(user_id, m.memory_id), "userMemory", m)
                for m in commit.memory_puts
            ),
            # Unconditional: forgetting a memory that is already gone is still done.
            *(Delete(keys.memory(user_id, m.memory_id)) for m in commit.memory_deletes),
        ]
        if commit.client_message_id is not None:
            key = keys.turn(user_id, commit.conversation_id, commit.client_message_id)
            result = (
                commit.result.model_dump(mode="json", exclude_none=True) if commit.result else None
            )
            writes.append(turn_outcome(key, "done", result))
        used = list(dict.fromkeys(commit.memories_used))[: MAX_TRANSACTION - len(writes)]
        touches = [_memory_touch(keys.memory(user_id, memory_id)) for memory_id in used]
        while True:
            try:
                await self.items.transact([*writes, *touches])
                break
            except ConditionFailed as exc:
                gone = {index - len(writes) for index in exc.failed if index >= len(writes)}
                if gone and len(gone) == len(exc.failed):  # only deleted memories: skip them
                    touches = [t for index, t in enumerate(touches) if index not in gone]
                    continue
                if 1 in exc.failed:
                    raise NotFound("conversation not found") from None
                raise Conflict(
                    "the reply, a workout, a personal record or the turn changed meanwhile; "
                    "nothing was written: reload and retry"
                ) from None
        await concurrently(*(partial(self._put_log, key, w) for key, w in logs.items()))

    async def latest_messages(self, user_id: str, conversation_id: str, n: int) -> list[Message]:
        if n < 1:
            return []
        query = Query(
            keys.user(user_id),
            prefix=keys.messages(conversation_id),
            descending=True,
            limit=clamp(n),
        )
        result = await self.items.query(query)
        return [decode(Message, item) for item in reversed(result.items)]

    async def list_messages(
        self, user_id: str, conversation_id: str, *, limit: int = 50, next: str | None = None
    ) -> Page[Message]:
        query = Query(keys.user(user_id), prefix=keys.messages(conversation_id))
        return await self._pages.page(Message, query, f"messages:{conversation_id}", limit, next)

    # summaries

    async def get_summary(self, user_id: str, conversation_id: str) -> Summary | None:
        item = await self.items.get(keys.summary(user_id, conversation_id))
        return None if item is None else decode(Summary, item)

    async def put_summary(self, summary: Summary) -> Summary:
        key = keys.summary(summary.user_id, summary.conversation_id)
        return await self._save(key, "conversationSummary", summary)

    # memories

    async def list_memories(
        self,
        user_id: str,
        *,
        coach_id: str | None = None,
        memory_type: str | None = None,
        limit: int = 200,
        next: str | None = None,
    ) -> Page[Memory]:
        """Filters run on the user's own memory range, never across users."""

        def keep(item: Item) -> bool:
            attributes = item["attributes"]
            in_scope = coach_id is None or attributes.get("coachId") in (None, coach_id)
            return in_scope and (memory_type is None or attributes.get("memoryType") == memory_type)

        query = Query(keys.user(user_id), prefix=keys.MEMORIES)
        scope = f"memories:{coach_id!r}:{memory_type!r}"
        filtered = coach_id is not None or memory_type is not None
        return await self._pages.page(Memory, query, scope, limit, next, keep if filtered else None)

    async def get_memory(self, user_id: str, memory_id: str) -> Memory:
        return await self._get(Memory, keys.memory(user_id, memory_id))

    async def add_memory(self, memory: Memory) -> Memory:
        return await self._create(
            keys.memory(memory.user_id, memory.memory_id), "userMemory", memory
        )

    async def update_memory(self, memory: Memory) -> Memory:
        return await self._replace(keys.memory(memory.user_id, memory.memory_id), memory)

    async def delete_memory(self, user_id: str, memory_id: str) -> None:
        await self._delete(keys.memory(user_id, memory_id))

    # workouts and personal records

    async def get_workout(self, user_id: str, workout_id: str) -> WorkoutRecord:
        return await self._get(WorkoutRecord, keys.workout(user_id, workout_id))

    async def list_workouts(
        self,
        user_id: str,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        discipline: str | None = None,
        limit: int = 50,
        next: str | None = None,
        newest_first: bool = True,
    ) -> Page[WorkoutRecord]:
        """One sk BETWEEN query on the date-prefixed ids; discipline filters that range."""
        low = keys.WORKOUTS + (keys.workout_day(date_from) if date_from else "")
        high = keys.WORKOUTS + (keys.workout_day(date_to) if date_to else "") + HIGHEST
        query = Query(keys.user(user_id), between=(low, high), descending=newest_first)
        scope = f"workouts:{low}:{high}:{discipline!r}:{newest_first}"

        def keep(item: Item) -> bool:
            return bool(item["attributes"].get("discipline") == discipline)

        return await self._pages.page(
            WorkoutRecord, query, scope, limit, next, keep if discipline is not None else None
        )

    async def replace_workout(self, workout: WorkoutRecord) -> WorkoutRecord:
        document = keys.workout_document(workout.user_id, workout.workout_id)
        stored = await self._replace(keys.workout(workout.user_id, workout.workout_id), workout)
        await self._put_log(document, stored)
        return stored

    async def delete_workout(self, user_id: str, workout_id: str) -> None:
        """The log document first: a failure leaves the workout, never an orphaned log."""
        key = keys.workout(user_id, workout_id)
        await self.documents.delete(keys.workout_document(user_id, workout_id))
        await self._delete(key)

    async def list_records(self, user_id: str) -> list[PersonalRecord]:
        query = Query(keys.user(user_id), prefix=keys.RECORDS, limit=MAX_LIMIT)
        return [decode(PersonalRecord, item) for item in await self._pages.all(query)]

    # documents

    async def put_document(self, key: str, body: dict[str, Any]) -> None:
        await self.documents.put(key, body)

    async def get_document(self, key: str) -> dict[str, Any] | None:
        return await self.documents.get(key)

    async def append_transcript(
        self, user_id: str, conversation: Conversation, messages: list[Message]
    ) -> None:
        """Append to the transcript and replace its metadata document, in one worker call.

        The rewrite is atomic against other processes (see `Documents.rewrite`); the lock
        here only spares S3 compare-and-swap retries between this process's own turns.
        Appending a message already in the transcript (a retried turn) changes nothing.
        A transcript that is no longer JSON (a torn in-place write) is written again from
        the messages in the table.
        """
        cid = conversation.conversation_id
        metadata = conversation.model_dump(by_alias=True, mode="json")
        added = [message.model_dump(by_alias=True, mode="json") for message in messages]
        key = keys.transcript_document(user_id, cid)
        also = {keys.metadata_document(user_id, cid): metadata}
        lock = self._transcripts.setdefault((user_id, cid), asyncio.Lock())
        async with lock:
            try:
                await self.documents.rewrite(key, TranscriptAppend.of(metadata, added), also=also)
            except UnreadableTranscript:
                log.warning("transcript %s unreadable; writing it again from the table", key)
                query = Query(keys.user(user_id), prefix=keys.messages(cid), limit=1000)
                every = [
                    decode(Message, item).model_dump(by_alias=True, mode="json")
                    for item in await self._pages.all(query)
                ]
                whole = TranscriptAppend.of(metadata, every)(None)
                await self.documents.rewrite(key, lambda _torn: whole, also=also)

    # helpers

    async def _get(self, model: type[R], key: Key) -> R:
        item = await self.items.get(key)
        if item is None:
            raise NotFound(f"{keys.name(key)} not found")
        return decode(model, item)

    async def _create(
        self, key: Key, entity: str, record: R, extra: Mapping[str, Any] | None = None
    ) -> R:
        item = new_item(key, entity, record, extra)
        try:
            await self.items.put(Put(item, Absent()))
        except ConditionFailed:
            raise Conflict(f"{keys.name(key)} exists already") from None
        return decode(type(record), item)

    async def _replace(self, key: Key, record: R, index: Mapping[str, str] | None = None) -> R:
        try:
            item = await self.items.update(replacement(key, record, index))
        except ConditionFailed:
            if await self.items.get(key) is None:
                raise NotFound(f"{keys.name(key)} not found") from None
            raise Conflict(f"{keys.name(key)} was changed meanwhile; reload it and retry") from None
        return decode(type(record), item)

    async def _save(
        self, key: Key, entity: str, record: R, index: Mapping[str, str] | None = None
    ) -> R:
        """Create at version 0, replace otherwise."""
        if getattr(record, "version", 0) == 0:
            return await self._create(key, entity, record, index)
        return await self._replace(key, record, index)

    async def _delete(self, key: Key) -> None:
        try:
            await self.items.delete(Delete(key, Exists()))
        except ConditionFailed:
            raise NotFound(f"{keys.name(key)} not found") from None

    async def _put_log(self, key: str, workout: WorkoutRecord) -> None:
        """Write a workout log; the table already holds the workout, so a failure is logged."""
        body = workout.model_dump(by_alias=True, mode="json", exclude={"version"})
        try:
            await self.documents.put(key, body)
        except StorageError:
            log.warning("could not write workout log %s; the workout is stored", key, exc_info=True)


class _RateLimits:
    """The per-minute and daily counters one message moves, as conditional writes at
    index `first` of a transaction, and the RateLimited error their failure means."""

    def __init__(self, user_id: str, quota: Quota, *, first: int) -> None:
        now = quota.now_epoch
        minute = now // 60
        day = datetime.fromtimestamp(now, UTC).date()
        midnight = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()) + 86400
        self.writes: list[Write] = [
            rate_counter(
                keys.rate_minute(user_id, minute), quota.per_minute, expires=(minute + 2) * 60
            ),
            rate_counter(keys.rate_day(user_id, day), quota.per_day, expires=midnight + 86400),
        ]
        self._first = first
        self._waits = {first: 60 - now % 60, first + 1: midnight - now}

    def error(self, failed: Collection[int]) -> RateLimited | None:
        full = [index for index in failed if index in self._waits]
        if not full:
            return None
        retry_after = max(self._waits[index] for index in full)
        limit = "daily quota" if self._first + 1 in full else "per-minute rate limit"
        return RateLimited(f"the {limit} is used up; retry in {retry_after} s", retry_after)


def _memory_touch(key: Key) -> Update:
    """One more use of a memory, if it still exists."""
    now = utc_now()
    return Update(
        key,
        set={"attributes.metadata.lastUsed": now, "updatedAt": now},
        add={"attributes.metadata.usageCount": 1},
        when=Exists(),
    )


def _as_json(result: BaseModel | None) -> dict[str, Any] | None:
    """A turn result as stored: JSON, nulls left out (they are the models' defaults)."""
    return result.model_dump(mode="json", exclude_none=True) if result else None
