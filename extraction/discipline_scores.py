"""What a session of lifts or a WOD adds up to when no word names its discipline.

The clause cues (`cues.keyword_discipline`) catch a discipline named outright ("hyrox",
"HIIT class"). A session that names none is judged here on all it holds at once, not on
its first cue: the kinds of movement (kettlebells, bodyweight, the Olympic lifts, Hyrox
stations), how it is written (a 5/3/1 week, lettered supersets, tempo digits, a Tabata's
20/10) and whether anything marks it as CrossFit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import cues
from .literal_gate import compile_gated
from .numbers import find_weights
from .schema import Discipline
from .vocabulary import Movement, find_mentions

if TYPE_CHECKING:
    from .sessions import Clause

_CROSSFIT = compile_gated(
    r"\b(?:crossfit|wod|metcon|rx'?d?|scaled|open|class|rft|for time|amrap|chipper)\b|"
    r"\b(?:at|my|our|the) box\b(?! (?:jump|squat|step))|\d\s?cals?\b"
)
"""What marks a WOD as CrossFit rather than a class or a home circuit."""
_TABATA = compile_gated(
    r"\btabata\b|(?<![\d:/.])20\s?(?:s|sec)?\s?(?:on\s?)?/\s?10\b|"
    r"\d\s?(?:s|sec|secs)\s?(?:on|work)\s?/\s?\d+\s?(?:s|sec|secs)?\s?(?:off|rest)\b"
)
_MINUTE_FORMAT = compile_gated(
    r"\bemom\b|\be\d+mom\b|\bon the minute\b|\bevery minute\b|\btabata\b|\bamrap\b|"
    r"\b(?:odd|even) min"
)
_WORK_REST = compile_gated(
    r"\d\s?(?:s|sec|secs|min|mins|minutes?)?\s?(?:on|work)\b[\s/,]{0,3}\d+\s?"
    r"(?:s|sec|secs|min|mins|minutes?)?\s?(?:off|rest)\b"
)
"""Work and rest on the clock: "1 min on 30s off", "40 work 20 rest"."""
_KETTLEBELL = compile_gated(r"\b(?:kb|kbs|kettlebells?|bells?|s&s|simple (?:and|&) sinister)\b")
_BARBELL = compile_gated(r"\b(?:barbell|bb|bar)\b")
_PL_PROGRAM = compile_gated(
    r"\b(?:5/3/1|531 (?:week|wk|day|cycle)|wendler|bbb|conjugate|max effort|dynamic effort|"
    r"(?:me|de) (?:upper|lower|squat|bench|deadlift|pull)|\d\s?rm|openers?|top single|"
    r"meet prep|work(?:ed|ing)? up to|back-?offs?|backoff sets?|top (?:set|triple|double)|"
    r"heavy singles?)\b"
)
_BB_PROGRAM = compile_gated(
    r"\b(?:ppl|push[/ ]pull[/ ]legs?|hypertrophy|bro split|drop ?sets?|to failure|pump|"
    r"(?:push|pull|legs?) (?:day|session|workout|again)|(?:push|pull|legs) [ab])\b"
    r"(?<!body pump)"
)
_GYM_CIRCUIT = compile_gated(
    r"\b(?:giant ?sets?|super ?sets?|super-?sett?ed|tri-?sets?|finisher)\b"
)
"""A bodybuilder's rounds: exercises back to back between rests, where no WOD is named."""
_WOD_NAMED = compile_gated(r"\b(?:wod|metcon|amrap|emom|for time|rft|chipper|tabata)\b")
_FBB_FORM = compile_gated(r"\btempo\b[^,.\n]{0,24}\b[\dx]{4}\b|(?:^|[\s,.])[a-e][1-3]:")
"""Tempo digits ("tempo front squat 3111") and lettered supersets ("B1:"), FBB's way of
writing."""
_REHAB = compile_gated(r"\b(?:physio|physiotherapy|pt exercises|rehab|prehab)\b")
_COMPROMISED = compile_gated(r"\bcompromised run|\b(?:1|one) ?k(?:m)? run\b")
_HYROX_STATIONS = frozenset(
    {"sled_push", "sled_pull", "ski_erg", "burpee_broad_jump", "farmers_carry", "sandbag_lunge"}
    | {"wall_ball"}
)
_HYROX_ONLY = frozenset({"sled_push", "sled_pull", "ski_erg", "burpee_broad_jump"})
_KETTLEBELL_READINGS = frozenset(
    {"clean", "power_clean", "overhead_press", "front_squat", "snatch", "deadlift"}
    | {"push_press", "goblet_squat", "farmers_carry", "suitcase_carry"}
)
"""Lifts a kettlebell session names without the word: "5 cleans, 5 presses" of a complex."""
_FUNCTIONAL = frozenset(
    {"farmers_carry", "suitcase_carry", "sandbag_carry", "yoke_carry", "sled_push"}
    | {"sled_pull", "wall_ball", "medicine_ball_slam", "inverted_row", "turkish_get_up"}
    | {"sandbag_lunge"}
    | {"sled_drag", "tire_flip", "atlas_stone", "stone_to_shoulder", "sandbag_to_shoulder"}
    | {"sandbag_clean", "zercher_carry", "husafell_carry", "overhead_carry", "front_rack_carry"}
    | {"keg_carry", "truck_pull", "conan_wheel", "frame_carry"}
)
"""Accessories that make a strength day functional bodybuilding, with a kettlebell."""
_WOD_MOVES = frozenset(
    {"thruster", "wall_ball", "double_under", "toes_to_bar", "muscle_up", "bar_muscle_up"}
    | {"handstand_push_up", "rope_climb", "box_jump", "burpee_box_jump_over"}
)
"""CrossFit's own gymnastics and conditioning movements."""
_CROSSFIT_MOVES = _WOD_MOVES | frozenset(
    {"pull_up", "chest_to_bar_pull_up", "clean_and_jerk", "snatch", "power_snatch"}
    | {"power_clean", "hang_power_clean", "burpee", "dumbbell_snatch"}
)
"""Movements a home circuit rarely holds: a WOD with them stays CrossFit."""


@dataclass(frozen=True, slots=True)
class _Counts:
    """The session's movements, by kind."""

    names: frozenset[str]
    types: Counter[str]
    families: Counter[str]
    total: int


def _counts(named: list[Movement]) -> _Counts:
    movements = [m for m in named if m.family != "cardio"]
    return _Counts(
        names=frozenset(m.name for m in named),
        types=Counter(m.movement_type for m in movements),
        families=Counter(m.family for m in movements),
        total=len(movements),
    )


def session_discipline(text: str, movements: list[Movement], wod: bool) -> Discipline | None:
    """The discipline a lifting session or a WOD adds up to, or None to keep the default.

    Args:
        text: the session's lower-case text.
        movements: the movements it names, as its reader reads them.
        wod: whether the session reads as a WOD (a format, a scheme or rounds).
    """
    counts = _counts(movements)
    if wod and _TABATA.search(text) and not counts.types["barbell"]:
        return "hiit"
    if len(counts.names) == 1 and _WORK_REST.search(text):
        return "hiit"  # one movement on a work/rest clock; several are a circuit's stations
    if counts.total == 0:
        return None
    stations = counts.names & _HYROX_STATIONS
    if len(counts.names & _HYROX_ONLY) >= 2 or (
        stations and (len(stations) >= 3 or _COMPROMISED.search(text))
    ):
        return "hyrox"
    if _REHAB.search(text) and not find_weights(text):
        return "mobility"
    bells = _kettlebell_led(text, counts)
    if bells and _MINUTE_FORMAT.search(text) and not cues.SET_NOTATION.search(text):
        return "hiit"  # bells on the clock, in a WOD or not; with sets they are FBB below
    if (
        wod
        and _GYM_CIRCUIT.search(text)
        and not (_CROSSFIT.search(text) or _WOD_NAMED.search(text))
    ):
        return "bodybuilding"
    if wod:
        return _wod_discipline(text, counts)
    if _CROSSFIT.search(text):
        # "practiced DUs after class": a CrossFitter's skill work is CrossFit
        return "crossfit" if counts.names & _WOD_MOVES else None
    if bells:
        return "functional_bodybuilding"  # sets of swings and goblet squats
    return _lifting_discipline(text, counts)


def _kettlebell_led(text: str, counts: _Counts) -> bool:
    """Kettlebells are most of the work.

    Bells named up front ("kb complex: 5 cleans, 5 presses") cover the lifts named after
    them; named later ("deadlift 5x3, kb swings") only their own.
    """
    bell = _KETTLEBELL.search(text)
    if bell is None or find_mentions(text[: bell.start()]) or _BARBELL.search(text):
        return counts.types["kettlebell"] * 2 > counts.total
    bells = counts.types["kettlebell"] + len(counts.names & _KETTLEBELL_READINGS)
    return bells * 2 >= counts.total


def _wod_discipline(text: str, counts: _Counts) -> Discipline | None:
    """A WOD is CrossFit when a word marks it so; a Tabata is HIIT, rounds at home a circuit.

    The Olympic lifts with others and nothing else, in no WOD format ("Sn 70-80-85-90x2x3. CJ
    110x1+1 x4. FS 140 3x3"), are a weightlifting session: the scheme is a lift's.
    """
    crossfit_moves = counts.types["barbell"] or counts.names & _CROSSFIT_MOVES
    if _CROSSFIT.search(text):
        return None
    lifting = counts.families["olympic"] + counts.families["powerlifting"]
    if (
        lifting == counts.total
        and counts.families["olympic"]
        and len(counts.names) >= 2
        and not cues.format_of(text)
    ):
        return "olympic_weightlifting"
    return None if crossfit_moves else "circuit_training"


def _lifting_discipline(text: str, counts: _Counts) -> Discipline | None:
    """A lifting session's discipline from its program's words and its movements."""
    if _FBB_FORM.search(text) or (
        counts.types["kettlebell"] and len(counts.names & _FUNCTIONAL) >= 1
    ):
        return "functional_bodybuilding"
    if len(counts.names & _FUNCTIONAL) >= 2:
        return "functional_bodybuilding"
    free_weights = counts.types["barbell"] + counts.types["dumbbell"] + counts.types["kettlebell"]
    bodyweight = counts.types["bodyweight"] + counts.types["gymnastics"]
    if not free_weights and bodyweight * 4 >= counts.total * 3:
        return "calisthenics"
    olympic, strength = counts.families["olympic"], counts.families["powerlifting"]
    if olympic and strength > olympic:
        return "powerlifting"
    if _PL_PROGRAM.search(text) and not olympic:
        return "powerlifting"
    if _BB_PROGRAM.search(text):
        return "bodybuilding"
    return None


_MULTISPORT = compile_gated(
    r"\b(?:triathlon|duathlon|aquathlon|ironman|70\.3|sprint tri|olympic tri)\b|"
    r"\bt1\b[^.]*\bt2\b"
)
"""A multisport race: its legs and transitions are one session."""
_RACED = compile_gated(r"\brac(?:e|ed|ing)\b(?! pace)")
_FINISH_TIME = compile_gated(
    r"(?<![\d:.])\d{1,2}:[0-5]\d(?::[0-5]\d)?(?![\d:])(?!\s?(?:am|pm|a\.m|p\.m|start|gun|wave))"
)
"""A race and a finish time, no sport named ("Race: Carlsbad 5000, 17:48"): a run, the
race most said without its sport; a start time ("8:00 start") is no result."""
_CLIMB_SAID = compile_gated(r"\d\s?(?:ft|feet|hm)\b|\b(?:vert|elevation|climbing|gain)\b")
_FASTEST_RUN = 6.0
"""Metres a second (21.6 km/h) no one logging a run without naming it holds: a ride."""
_SLOWEST_RUN = 1.6
"""Metres a second (5.8 km/h, 10:20 a km) below which a distance no sport named is walked."""
_TRAIL_CLIMB = 30.0
"""Metres climbed a kilometre (160 ft a mile) from which a run is in the hills, off road."""


def paced_discipline(
    text: str, metres: float | None, seconds: float | None, climbed: float | None, plain: bool
) -> Discipline | None:
    """What a run's numbers say it was, when no word named the sport: speed and climb.

    "118 km in 5h22" is a ride; "5.4 miles RT, 1,500 ft, took us 4 hours" a hike; "18.6
    miles, 3,900 ft of climbing, 4:12 moving" a trail run. Only a `plain` distance (no
    kind of run, no repeats) is read as walked.
    """
    if metres and seconds:
        speed = metres / seconds
        if speed > _FASTEST_RUN:
            return "cycling"
        if speed < _SLOWEST_RUN and plain:
            return "hiking" if climbed or _CLIMB_SAID.search(text) else "walking"
    if metres and climbed and climbed / (metres / 1000) >= _TRAIL_CLIMB:
        return "trail_running"
    return None


def name_by_sentence(clauses: list[Clause], sentence: str) -> None:
    """Name a sentence's clauses by what the whole sentence says.

    A race in three sports ("Swim 27:40, T1 3:10, bike 1:16:20, T2 1:45, run 49:56") is one
    multisport session, not three. "Crew outing in the quad with the lads, 90 mins": the cue
    and the time are in different clauses, and each alone names nothing.
    """
    if _MULTISPORT.search(sentence):
        legs = [c for c in clauses if c.kind == "endurance"]
        for leg in legs[1:]:
            leg.kind = "neutral"
        if legs:
            legs[0].kind, legs[0].discipline, legs[0].strong = "keyword", "hybrid", True
        return
    if not clauses or any(c.kind != "neutral" for c in clauses):
        return
    timed = next((c for c in clauses if c.quantity), None)
    if timed is None:
        return
    keyword = cues.keyword_discipline(sentence)
    sport = cues.sport_of(sentence)
    if keyword is not None:
        timed.kind, timed.discipline, timed.strong = "keyword", keyword, True
    elif sport is not None:
        timed.kind, timed.discipline, timed.strong = "endurance", sport[0], sport[1]
    elif _RACED.search(sentence) and _FINISH_TIME.search(timed.text):
        timed.kind, timed.discipline = "endurance", "running"
