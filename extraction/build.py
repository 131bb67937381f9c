"""Turn one session into a validated `Workout`.

Picks the discipline, runs its reader, and fills the metadata (confidence, completeness,
flags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import cues, discipline_scores, named_workouts
from .class_parts import split_class, strength_round
from .crossfit import parse_crossfit
from .lifting import build_lifting, lifting_discipline
from .literal_gate import compile_gated
from .mixed import CARRY, parse_hiit, parse_phases
from .movement_lists import parse_items
from .numbers import find_durations, to_metres
from .on_foot import on_foot
from .parser import parse_lifts
from .schema import (
    Discipline,
    DisciplineSpecific,
    Metadata,
    PerformanceMetrics,
    PowerliftingData,
    RunningData,
    SubjectiveFeedback,
    ValidationFlag,
    WeightUnit,
    Workout,
    WorkoutType,
)
from .sessions import Session
from .split_days import split_session
from .sports import parse_endurance
from .vocabulary import corrections, find_mentions

EXTRACTION_METHOD = "deterministic"
_PHASED = frozenset(
    {"hyrox", "hybrid", "yoga", "martial_arts", "climbing", "mobility", "sports"} | CARRY
)
_LIFTING = frozenset(
    {"powerlifting", "olympic_weightlifting", "bodybuilding", "functional_bodybuilding"}
    | {"calisthenics"}
)
_WOD_FAMILIES = frozenset({"conditioning", "calisthenics"})
_TYPES: dict[str, WorkoutType] = {
    "hyrox": "hybrid", "hybrid": "hybrid", "rucking": "cardio", "backpacking": "cardio",
    "yoga": "flexibility", "martial_arts": "skill", "climbing": "skill", "walking": "cardio",
    "hiking": "cardio", "mobility": "flexibility", "sports": "skill",
}  # fmt: skip
_NAME = compile_gated(
    r"\b((?:squat|deadlift|bench|press|leg|legs|arm|arms|push|pull|upper|lower|chest|back|"
    r"shoulder|shoulders|glute|glutes|max|test) day|mock meet|mock comp|hyrox sim|ftp test)\b"
)
_RPE = compile_gated(r"\b(?:session )?rpe\s?(10|[1-9](?:\.5)?)(?!\d|\.\d)")
_SCORED = compile_gated(r"\d:\d\d|\+")
_LOCATION = (
    ("home", re.compile(r"\b(?:at home|home gym|garage)\b")),
    ("box", re.compile(r"\bat the box\b")),
    ("gym", re.compile(r"\bgym\b")),
    ("outdoors", re.compile(r"\b(?:park|outdoors?|outside|trails?|lake|open water)\b")),
)
_DIGIT = compile_gated(r"\d")
_MAX_NOTES = 500


@dataclass(slots=True)
class _Draft:
    """A workout's parts before it becomes a validated model."""

    discipline: Discipline
    workout_type: WorkoutType
    data: object
    name: str | None = None
    duration: float | None = None
    flags: set[ValidationFlag] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


_OVER_GROUND = compile_gated(r"\d\s?(?:km|mi|miles?|kilomet(?:er|re)s?)\b")
"""A climb that covers kilometres or miles is a hike up a mountain, not a route."""
_ROCK = compile_gated(
    r"\b(?:pitch(?:es)?|routes?|boulder\w*|crag|belay\w*|top ?rop\w*|sends?|sent|approach|"
    r"v\d{1,2}|5\.\d{1,2}[a-d]?)\b"
)
"""A climber's words: with them, the miles are the approach to the rock."""
_MIN_SESSION = 10 * 60
"""A gym session lasts at least this long; shorter durations are a set's or a hold's."""


def build_workout(
    session: Session, units: WeightUnit, stated: WeightUnit | None = None
) -> Workout | None:
    """The workout a session logs, or None when it holds nothing to log.

    Args:
        session: the session's clauses and date.
        units: the unit of a load written without one and with none stated before it (the
            last one the message stated, else the athlete's).
        stated: the one unit the session states, if it states only one; sessions read
            without the lifting grammar give it to all their bare loads.
    """
    kind, named = session.kind, session.discipline
    if kind == "endurance" and (walked := on_foot(session.text)):
        kind, named = "keyword", walked
    if named == "climbing" and _OVER_GROUND.search(session.text) and not _ROCK.search(session.text):
        named = "hiking"  # "climbed Peñalara, 12 km, 650 m up": a mountain walked up
    lifting_units, units = units, stated or units
    wod = kind == "crossfit" or named == "crossfit" or _wod_list(session)
    scored = _scored(session, wod) if kind in ("crossfit", "lifting") and named is None else None
    named = scored or named
    if kind == "endurance":
        draft: _Draft | None = _endurance(session, units)
    elif scored == "crossfit" or (scored is None and wod and not _calisthenics_only(session)):
        draft = _crossfit(session, units)
    elif scored is None and (kind == "crossfit" or named == "crossfit"):
        draft = _lifting(session, "calisthenics", lifting_units)
    elif named in ("hiit", "circuit_training"):
        mixed = parse_hiit(session.text, units)
        draft = _Draft(named, "hybrid", mixed.data, duration=mixed.duration)
        draft.flags |= {"unit_assumed"} if mixed.unit_assumed else set()
    elif named in _PHASED:
        if named in CARRY:
            # the whole session's cues (pack, days, climb) decide walk, hike, ruck or trip
            rescored = cues.keyword_discipline(session.text)
            named = rescored if rescored in CARRY else named
        draft = _phased(session, named, units)
    else:
        draft = _lifting(session, named if named in _LIFTING else None, lifting_units)
    return _workout(session, draft, units) if draft else None


def _paced(text: str, data: RunningData) -> Discipline | None:
    metres = (
        to_metres(data.total_distance, data.distance_unit or "m") if data.total_distance else None
    )
    climb = data.elevation_gain
    climbed = climb.value * (0.3048 if climb.unit == "ft" else 1.0) if climb else None
    # a tempo, repeats or a warm-up make it a run, whatever the numbers
    plain = data.run_type is None and not data.segments and not cues.WARMUP.search(text)
    return discipline_scores.paced_discipline(text, metres, data.total_time, climbed, plain)


def _scored(session: Session, wod: bool) -> Discipline | None:
    """What the session's movements and wording add up to, unless it is a benchmark."""
    if named_workouts.find(session.text, session.cased):
        return None
    text = session.text
    movements = (
        [item.movement for item in parse_items(text)]
        if wod
        else [lift.movement for lift in parse_lifts(text, loaded=False)]
    )
    return discipline_scores.session_discipline(text, movements, wod)


def _phased(session: Session, named: Discipline, units: WeightUnit) -> _Draft:
    mixed = parse_phases(session.text, named, units)
    draft = _Draft(named, _TYPES[named], mixed.data, duration=mixed.duration)
    draft.flags |= {"unit_assumed"} if mixed.unit_assumed else set()
    return draft


def _endurance(session: Session, units: WeightUnit) -> _Draft:
    sport = cues.sport_of(session.text)
    carried = [c.discipline for c in session.clauses if c.kind == "endurance" and c.strong]
    if sport is None and carried and carried[0] is not None:
        sport = (carried[0], True)  # the sport said for an earlier day (elided_sport)
    result = parse_endurance(session.text, sport[0] if sport else "running")
    if isinstance(result.data, RunningData) and not (sport and sport[1]):
        # a distance no sport word named: its speed and climb say what it was
        paced = _paced(session.text, result.data)
        if paced in CARRY:
            return _phased(session, paced, units)
        if paced == "trail_running":
            result.discipline = paced
        elif paced is not None:
            result = parse_endurance(session.text, paced)
    draft = _Draft(result.discipline, result.workout_type, result.data, duration=result.duration)
    if result.data.total_time is None:
        draft.flags.add("missing_time")
    if getattr(result.data, "total_distance", None) is None:
        draft.flags.add("missing_distance")
    return draft


def _crossfit(session: Session, units: WeightUnit) -> _Draft:
    strength, wod = split_class(session)
    cf = parse_crossfit(wod.text, wod.cased, units)
    lifted, assumed = strength_round(strength.text, units) if strength else (None, False)
    if lifted is not None:
        rounds = [r.model_copy(update={"round_number": 2}) for r in cf.data.rounds]
        cf.data = cf.data.model_copy(update={"rounds": [lifted, *rounds]})
    draft = _Draft("crossfit", "hybrid", cf.data, cf.name, cf.duration, notes=cf.notes)
    if cf.unit_assumed or assumed:
        draft.flags.add("unit_assumed")
    if cf.benchmark:
        draft.flags.add("benchmark_expanded")
        draft.notes.append(f"{cf.benchmark.name}: movements and scheme from the benchmark table")
    if cf.data.workout_format == "for_time" and cf.duration is None:
        draft.flags.add("missing_time")
    return draft


def _lifting(session: Session, discipline: Discipline | None, units: WeightUnit) -> _Draft | None:
    text = session.text
    lifts = parse_lifts(text, loaded=discipline != "calisthenics")
    if not lifts:
        return _split_day(session)
    discipline = discipline or lifting_discipline(lifts)
    result = build_lifting(lifts, discipline, text, units)
    name = _NAME.search(text)
    workout_type: WorkoutType = "strength"
    if isinstance(result.data, PowerliftingData) and result.data.session_type == "competition":
        workout_type = "competition"
    label = session.cased[name.start() : name.end()] if name else None
    draft = _Draft(discipline, workout_type, result.data, label, flags=set(result.missing))
    draft.duration = session_length(session)
    if result.unit_assumed:
        draft.flags.add("unit_assumed")
    return draft


def _split_day(session: Session) -> _Draft | None:
    """A gym session named only by its split or muscles ("back and biceps, 1 hr")."""
    named = [c for c in session.clauses if c.kind == "lifting" or c.discipline in _LIFTING]
    if not any(not find_mentions(c.text) for c in named):  # "arms & delts bro day" is named
        return None
    spans = [s for s in find_durations(session.text) if s.value >= _MIN_SESSION]
    duration = spans[0].value if len(spans) == 1 else None
    return _Draft("bodybuilding", "strength", split_session(session.text), duration=duration)


def session_length(session: Session) -> float | None:
    """How long a gym session took, from a clause that says only that ("… 40 min").

    A duration beside a movement is that movement's ("plank 60s", "15 min bike"); one in a
    clause naming none ("whole thing done in 70 min", "(Thu, 1h 04m)") is the session's.
    """
    for clause in session.clauses:
        if clause.kind != "neutral" or find_mentions(clause.text):
            continue
        spans = [s for s in find_durations(clause.text) if s.value >= _MIN_SESSION]
        if len(spans) == 1:
            return spans[0].value
    return None


def _wod_list(session: Session) -> bool:
    """A list of counted movements done for a time, though it names no format: a WOD.

    "50 double unders, 40 sit ups, 30 box jumps, 20 thrusters @ 95. took me 18 min".
    """
    text = session.text
    if session.kind != "lifting" or cues.SET_NOTATION.search(text) or not find_durations(text):
        return False
    items = parse_items(text)
    counted = [i for i in items if i.reps and i.movement.family in _WOD_FAMILIES]
    return len(items) >= 3 and 2 * len(counted) > len(items)


def _calisthenics_only(session: Session) -> bool:
    """A "pull-up ladder" with no benchmark, no score and only bodyweight moves."""
    text = session.text
    fmt = cues.format_of(text)
    if (
        named_workouts.find(text, session.cased)
        or (fmt and fmt[1] != "ladder")
        or _SCORED.search(text)
    ):
        return False
    families = [item.movement.family for item in parse_items(text)]
    return bool(families) and all(f == "calisthenics" for f in families)


def _workout(session: Session, draft: _Draft, units: WeightUnit) -> Workout:
    if session.date_assumed:
        draft.flags.add("date_assumed")
        draft.notes.append("no date said: logged for today")
    fixed = corrections(session.text)
    if fixed:
        draft.flags.add("name_corrected")
        draft.notes.append("read as typos: " + ", ".join(f"{a} = {b}" for a, b in fixed))
    if "unit_assumed" in draft.flags:
        draft.notes.append(f"weights without a unit read as {units}")
    text = session.text
    rpe = _RPE.search(text) if draft.discipline not in _LIFTING else None
    location = next((place for place, pattern in _LOCATION if pattern.search(text)), None)
    remarks = [
        c.cased for c in session.clauses if c.kind == "neutral" and not _DIGIT.search(c.text)
    ]
    flags = sorted(draft.flags)
    return Workout(
        date=session.date or session.today,
        discipline=draft.discipline,
        workout_type=draft.workout_type,
        workout_name=draft.name,
        duration=draft.duration,
        location=location,  # type: ignore[arg-type]
        performance_metrics=PerformanceMetrics(perceived_exertion=float(rpe[1])) if rpe else None,
        discipline_specific=DisciplineSpecific.model_validate({draft.discipline: draft.data}),
        subjective_feedback=(
            SubjectiveFeedback(notes="; ".join(remarks)[:_MAX_NOTES]) if remarks else None
        ),
        metadata=Metadata(
            logged_via="conversation",
            ai_extracted=False,
            schema_version="2.0",
            extraction_method=EXTRACTION_METHOD,
            data_confidence=_confidence(flags),
            data_completeness=_completeness(flags),
            validation_flags=flags,
            extraction_notes="; ".join(draft.notes) or None,
        ),
    )


def _confidence(flags: list[ValidationFlag]) -> float:
    """High for a clean parse; each assumption or gap lowers it."""
    penalty = sum(0.15 if flag.startswith("missing") else 0.05 for flag in flags)
    return round(max(0.3, 0.95 - penalty), 2)


def _completeness(flags: list[ValidationFlag]) -> float:
    """The share of the key facts (time, distance, weight, reps) the athlete gave."""
    missing = sum(flag.startswith("missing") for flag in flags)
    return round(max(0.0, 1.0 - 0.25 * missing), 2)
