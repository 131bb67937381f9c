"""Table keys and document keys, exactly as docs/data-layout.md lays them out.

Ids arrive from URLs, so every id is checked before it becomes part of a key: one
with `#` could reach into another entity's key range, one with `/` or `..` into
another document path. Such an id cannot name anything, hence NotFound. Error
messages name the kind of item, never the id, so a foreign id and an unknown one
read the same.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from storage.errors import NotFound
from storage.items import Key

ID = re.compile(r"[^#/\\\x00-\x1f\x7f]{1,200}")
LABEL = re.compile(r"[^#\x00-\x1f\x7f]{1,200}")
WORKOUT_ID = re.compile(r"(\d{8})-.+")

COACHES = "coach#"
MEMORIES = "userMemory#"
WORKOUTS = "workout#"
EXERCISES = "exercise#"
BESTS = "best#"
OUTBOX = "outbox#"
PING: Key = ("health#ping", "ping")
"""A key no item has: reading it proves the table answers."""

NAMES = {
    "profile": "profile",
    "coach": "coach",
    "coachConversation": "conversation",
    "conversation": "summary",
    "message": "message",
    "turn": "turn",
    "workout": "workout",
    "userMemory": "memory",
    "exercise": "exercise entry",
    "best": "personal best",
    "outbox": "outbox entry",
}


def ident(value: str, what: str) -> str:
    """`value` if it can be an id inside table and document keys; NotFound otherwise."""
    if not ID.fullmatch(value) or value in (".", ".."):
        raise NotFound(f"{what} not found")
    return value


def label(value: str, what: str) -> str:
    """`value` if it can be the free-text part of a sort key (no `#`); NotFound otherwise."""
    if not LABEL.fullmatch(value):
        raise NotFound(f"{what} not found")
    return value


def name(key: Key) -> str:
    """What kind of item `key` holds, for error messages."""
    return NAMES.get(key[1].split("#", 1)[0], "item")


def user(user_id: str) -> str:
    """The partition of everything one user has: `user#{userId}`."""
    return f"user#{ident(user_id, 'user')}"


def profile(user_id: str) -> Key:
    """The athlete's profile: sort key `profile`."""
    return (user(user_id), "profile")


def coach(user_id: str, coach_id: str) -> Key:
    """A coach configuration: `coach#{coachId}`."""
    return (user(user_id), f"{COACHES}{ident(coach_id, 'coach')}")


def conversations(coach_id: str) -> str:
    """Sort-key prefix of one coach's conversations (metadata items only)."""
    return f"coachConversation#{ident(coach_id, 'coach')}#"


def conversation(user_id: str, coach_id: str, conversation_id: str) -> Key:
    """A conversation's metadata: `coachConversation#{coachId}#{conversationId}`."""
    return (user(user_id), conversations(coach_id) + ident(conversation_id, "conversation"))


SUMMARIES = "conversation#"
"""Sort-key prefix of a user's conversation summaries (one per conversation)."""


def summary(user_id: str, conversation_id: str) -> Key:
    """A conversation's latest summary: `conversation#{conversationId}#summary`."""
    return (user(user_id), f"{SUMMARIES}{ident(conversation_id, 'conversation')}#summary")


def messages(conversation_id: str) -> str:
    """Sort-key prefix of one conversation's messages, in message-id (time) order."""
    return f"message#{ident(conversation_id, 'conversation')}#"


def message(user_id: str, conversation_id: str, message_id: str) -> Key:
    """One chat message: `message#{conversationId}#{messageId}`."""
    return (user(user_id), messages(conversation_id) + ident(message_id, "message"))


def turns(conversation_id: str) -> str:
    """Sort-key prefix of one conversation's idempotency records."""
    return f"turn#{ident(conversation_id, 'conversation')}#"


def turn(user_id: str, conversation_id: str, client_message_id: str) -> Key:
    """A turn's idempotency record, by the client's message id (a label, not an id)."""
    return (user(user_id), turns(conversation_id) + label(client_message_id, "turn"))


def workout(user_id: str, workout_id: str) -> Key:
    """A logged workout: `workout#{workoutId}`, the id starting with the workout's date."""
    return (user(user_id), f"{WORKOUTS}{ident(workout_id, 'workout')}")


def memory(user_id: str, memory_id: str) -> Key:
    """A memory: `userMemory#{memoryId}`."""
    return (user(user_id), f"{MEMORIES}{ident(memory_id, 'memory')}")


def memory_types(user_id: str, memory_type: str) -> str:
    """GSI1 partition of one user's memories of one type (sort key: the memory's `sk`)."""
    return f"{user(user_id)}#memoryType#{label(memory_type, 'memory')}"


def memories_important(user_id: str) -> str:
    """GSI2 partition of one user's high-importance memories (sort key: the memory's `sk`)."""
    return f"{user(user_id)}#memoryImportance#high"


def memory_index(user_id: str, memory_id: str, memory_type: str, importance: str) -> dict[str, str]:
    """The GSI keys a memory item carries: by type always, by importance when high."""
    sk = memory(user_id, memory_id)[1]
    index = {"gsi1pk": memory_types(user_id, memory_type), "gsi1sk": sk}
    if importance == "high":
        index |= {"gsi2pk": memories_important(user_id), "gsi2sk": sk}
    return index


def exercise_history(exercise: str) -> str:
    """Sort-key prefix of one exercise's entries, in date (workout id) order."""
    return f"{EXERCISES}{label(exercise, 'exercise')}#"


def exercise_entry(user_id: str, exercise: str, workout_id: str) -> Key:
    """One exercise of one workout, in that exercise's history (date order)."""
    return (user(user_id), exercise_history(exercise) + ident(workout_id, "workout"))


def bests(exercise: str, measure: str | None = None) -> str:
    """Sort-key prefix of one exercise's ranked results (of one measure), best first."""
    return f"{BESTS}{label(exercise, 'exercise')}#" + (f"{measure}#" if measure else "")


def best(user_id: str, exercise: str, measure: str, rank: str, workout_id: str) -> Key:
    """One workout's result in a ranked range; `rank` sorts the best first."""
    return (user(user_id), f"{bests(exercise, measure)}{rank}#{ident(workout_id, 'workout')}")


def outbox(user_id: str, entry_id: str) -> Key:
    """An outbox entry: copies (transcript, metadata, workout files) still to write."""
    return (user(user_id), f"{OUTBOX}{ident(entry_id, 'outbox entry')}")


def rate_minute(user_id: str, epoch_minute: int) -> Key:
    """The messages counted in one minute, for the per-minute rate limit."""
    return (user(user_id), f"rate#m#{epoch_minute}")


def rate_day(user_id: str, day: date) -> Key:
    """The messages counted on one day, for the daily quota."""
    return (user(user_id), f"rate#d#{day.isoformat()}")


def quota(user_id: str, counted: str) -> Key:
    """The counter of what a user keeps: `coaches`, `conversations` or `memories`."""
    return (user(user_id), f"quota#{counted}")


def workout_quota(user_id: str, workout_id: str) -> Key:
    """The counter of the workouts filed under the date a workout id starts with."""
    return (user(user_id), f"quota#workouts#{ident(workout_id, 'workout')[:8]}")


def documents(user_id: str, kind: str) -> str:
    """The document prefix of one kind (`conversations`, `workouts`) of one user."""
    return f"athletes/{ident(user_id, 'user')}/{kind}/"


def transcript_document(user_id: str, conversation_id: str) -> str:
    """A conversation's transcript: `athletes/{userId}/conversations/{conversationId}.json`."""
    cid = ident(conversation_id, "conversation")
    return f"athletes/{ident(user_id, 'user')}/conversations/{cid}.json"


def metadata_document(user_id: str, conversation_id: str) -> str:
    """A conversation's metadata document, beside its transcript (`…_metadata.json`)."""
    return transcript_document(user_id, conversation_id).removesuffix(".json") + "_metadata.json"


def user_documents(user_id: str) -> str:
    """The prefix of every document of one user."""
    return f"athletes/{ident(user_id, 'user')}/"


def export_document(user_id: str, export_id: str) -> str:
    """An export archive (`coach-kind=export`-tagged on S3, expired by the bucket's rule)."""
    return f"{user_documents(user_id)}exports/{ident(export_id, 'export')}.zip"


def dated(workout_id: str) -> date | None:
    """The date a workout id starts with (`YYYYMMDD-…`), None if it does not."""
    found = WORKOUT_ID.fullmatch(workout_id)
    try:
        return datetime.strptime(found.group(1), "%Y%m%d").date() if found else None
    except ValueError:
        return None


def workout_document(user_id: str, workout_id: str) -> str:
    """The workout log, filed under the date its id starts with.

    Workouts are only stored with dated ids, so any other id is NotFound.
    """
    day = dated(ident(workout_id, "workout"))
    if day is None:
        raise NotFound("workout not found")
    return f"athletes/{ident(user_id, 'user')}/workouts/{day.isoformat()}/{workout_id}.json"


def workout_day(value: str) -> str:
    """A `YYYY-MM-DD` (or `YYYYMMDD`) date as the `YYYYMMDD` that starts workout ids."""
    return date.fromisoformat(value).strftime("%Y%m%d")
