"""The deterministic extractor: chat message in, Universal Workout Schema workouts out."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .build import build_workout
from .chat_words import join_question_lines, plain_english, without_salutation
from .class_times import blank_class_times
from .cleaning import blank_idioms, looks_like_text, normalise
from .day_lists import one_sentence_per_day
from .days_ahead import mark_days_ahead
from .declared_units import declared_unit
from .effort_talk import rewrite_effort_talk
from .errors import InvalidExtraction
from .foreign_days import english_days
from .late_posts import after_midnight
from .lifter_talk import rewrite_lifter_talk
from .list_marks import drop_list_marks
from .meet_results import name_meet_lifts
from .named_workouts import pair_scores
from .number_words import digits_for_words
from .numbers import Span, carry_distance_unit, find_weights
from .numeric_dates import spell_numeric_dates
from .race_mentions import blank_past_races
from .schema import WEIGHT_UNIT_ALIASES, WeightUnit, Workout
from .sessions import split_sessions
from .shorthand import complete_shorthand
from .split_days import join_muscle_pairs
from .swim_events import name_swim_events
from .written_numbers import plain_notation

MAX_WORKOUTS = 50
"""Sessions read from one message at most (bounds the work); a turn logs at most 20 and
says so (agent/tools.py)."""


def extract(
    text: str, *, today: dt.date, tz: str = "UTC", units: Literal["lb", "kg"] = "lb"
) -> list[Workout]:
    """The finished workouts a message logs; [] for questions, plans, goals and small talk.

    Args:
        text: the athlete's message (only the first 4,000 characters are read).
        today: the athlete's local date; relative words resolve against it ("last night" is
            the evening before it), and no workout is dated after it. The caller computes it
            in the athlete's zone, so UTC+14 and UTC-12 need no special handling here.
        tz: the athlete's IANA time zone; validated so a bad profile fails loudly instead
            of dating workouts wrongly.
        units: the athlete's weight unit, used when a message gives a weight without one.

    Raises:
        InvalidExtraction: `today`, `tz` or `units` is not valid.
    """
    day = _check(text, today, tz, units)
    cased = join_question_lines(without_salutation(normalise(text)))
    if not looks_like_text(text, cased):
        return []
    units = declared_unit(cased) or units
    cased, late = after_midnight(blank_class_times(drop_list_marks(cased)))
    day -= dt.timedelta(days=late)
    cased = mark_days_ahead(english_days(cased), day)
    cased = one_sentence_per_day(spell_numeric_dates(cased, day, tz))
    cased = join_muscle_pairs(cased)
    cased = blank_past_races(plain_notation(digits_for_words(plain_english(cased))))
    cased = rewrite_lifter_talk(name_swim_events(cased), WEIGHT_UNIT_ALIASES[units.lower()])
    cased = complete_shorthand(rewrite_effort_talk(name_meet_lifts(cased)))
    miles = "mi" if units.lower() == "lb" else "km"
    cased = blank_idioms(pair_scores(carry_distance_unit(cased, miles)))
    workouts = []
    carried = WEIGHT_UNIT_ALIASES[units.lower()]
    for session in split_sessions(cased.lower(), cased, day)[:MAX_WORKOUTS]:
        stated = find_weights(session.text)
        workout = build_workout(session, carried, stated_unit(stated))
        if workout is not None:
            workouts.append(workout)
        carried = stated[-1].unit if stated else carried  # type: ignore[assignment]
    return workouts


def stated_unit(weights: list[Span]) -> WeightUnit | None:
    """The weight unit a session states, when it states only one.

    Sessions read without a unit grammar (CrossFit, circuits) give it to all their bare
    numbers; lifting sessions carry each stated unit forward instead (`parser`).
    """
    found = {span.unit for span in weights}
    return found.pop() if len(found) == 1 else None  # type: ignore[return-value]


def is_workout_log(text: str) -> bool:
    """Whether a message logs at least one finished workout."""
    return bool(extract(text, today=dt.date.today()))


def _check(text: object, today: object, tz: str, units: str) -> dt.date:
    if not isinstance(text, str):
        raise InvalidExtraction(f"text must be a string, not {type(text).__name__}")
    if not isinstance(today, dt.date):
        raise InvalidExtraction("today must be a datetime.date (the athlete's local date)")
    if not isinstance(units, str) or units.lower() not in WEIGHT_UNIT_ALIASES:
        raise InvalidExtraction(f"units must be 'lb' or 'kg', not {units!r}")
    if not _valid_zone(tz):
        raise InvalidExtraction(f"unknown time zone {tz!r}; use an IANA name like 'Europe/Berlin'")
    return today.date() if isinstance(today, dt.datetime) else today


@functools.lru_cache(maxsize=256)
def _valid_zone(tz: object) -> bool:
    if not isinstance(tz, str) or not tz or len(tz) > 64:
        return False
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
