"""What a finished turn stores and reports.

The reply, workouts, records, edits, conversation state and memory changes go into one
`TurnCommit` (one transaction); the same outcome, as a `ChatResult`, is what the caller
gets back and what a retried turn replays.
"""

from __future__ import annotations

from collections.abc import Iterator

from agent.events import (
    ChatResult,
    MemoryEvent,
    ReplyOut,
    Usage,
    WorkoutChangeOut,
    WorkoutEvent,
)
from agent.work import TurnWork
from extraction.schema import Workout
from storage.ids import reply_id
from storage.models import ConversationState, Message, MessageMetadata, PendingQuestion
from storage.turn_writes import TurnCommit


def turn_outcome(work: TurnWork, model_name: str) -> tuple[ChatResult, TurnCommit]:
    """The turn's result for the caller and the transaction that stores it with the reply."""
    ctx = work.context
    logged = [w.record for w in work.book.logged]
    changes = _workout_changes(work)
    reply = Message(
        message_id=reply_id(work.message.message_id),
        conversation_id=ctx.conversation.conversation_id,
        coach_id=ctx.coach.coach_id,
        role="assistant",
        content=work.reply_text,
        metadata=MessageMetadata(
            workout_detected=bool(logged),
            workout_ids=list(dict.fromkeys(c.workout_id for c in changes)),
            memory_ids=[m.memory_id for m in work.memory.puts],
            model=model_name,
        ),
    )
    result = ChatResult(
        message_id=work.message.message_id,
        conversation_id=ctx.conversation.conversation_id,
        reply=ReplyOut(message_id=reply.message_id, content=reply.content),
        workouts=[w.workout for w in work.book.logged],
        workout_changes=changes,
        memories=work.memory.changes,
        usage=Usage(
            input_tokens=work.spend.input_tokens,
            output_tokens=work.spend.output_tokens,
            model=model_name,
            model_calls=work.spend.model_calls,
        ),
    )
    commit = TurnCommit(
        user_id=ctx.user_id,
        coach_id=ctx.coach.coach_id,
        conversation_id=ctx.conversation.conversation_id,
        reply=reply,
        workouts=[*logged, *work.editor.restored],
        edits=list(work.editor.edits.values()),
        state=_next_state(work),
        memory_puts=work.memory.puts,
        memory_deletes=work.memory.deletes,
        memories_used=work.used_memory_ids,
        client_message_id=work.message.metadata.client_message_id,
        owner=work.owner,
        result=result,
    )
    return result, commit


def outcome_events(result: ChatResult) -> Iterator[WorkoutEvent | MemoryEvent]:
    """The workout and memory events that announce a committed result, before `done`."""
    for change in result.workout_changes:
        yield WorkoutEvent(
            action=change.action,
            workout=change.workout,
            workout_id=change.workout_id,
            summary=change.summary,
        )
    for memory in result.memories.saved:
        yield MemoryEvent(action="saved", memory=memory)
    for memory in result.memories.updated:
        yield MemoryEvent(action="updated", memory=memory)
    for forgotten in result.memories.forgotten:
        yield MemoryEvent(action="forgotten", memory=forgotten)


def _workout_changes(work: TurnWork) -> list[WorkoutChangeOut]:
    """What the turn logged, then what it changed, as the reply reports them."""
    out = [
        WorkoutChangeOut(
            action="logged",
            workout_id=w.record.workout_id,
            summary=w.description,
            workout=w.workout,
        )
        for w in work.book.logged
    ]
    out += [
        WorkoutChangeOut(
            action=e.action,
            workout_id=e.workout_id,
            summary=e.summary,
            workout=Workout.model_validate(e.workout),
        )
        for e in work.editor.events
    ]
    return out


def _next_state(work: TurnWork) -> ConversationState:
    """The conversation's state after this reply, for the next turn.

    The question this reply asks (a logged workout's missing detail) and the change
    "undo" would reverse.
    """
    asking = next((w for w in work.book.logged if w.missing), None)
    pending = (
        PendingQuestion(workout_id=asking.record.workout_id, fields=asking.missing)
        if asking
        else None
    )
    editor = work.editor
    changed = editor.undone or editor.events or work.book.logged
    last = editor.last_change if changed else work.context.conversation.state.last_change
    return ConversationState(pending=pending, last_change=last)
