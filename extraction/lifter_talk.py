"""How lifters talk, rewritten into plain notation before the message is read.

A tempo code ("31X1", "tempo 3-1-1-0") is no set or load; a load said in plates ("3 plates
x 2", "2 plates for 3 sets of 5") is the bar's weight; a second unit in brackets ("120kg
(265 lb)") repeats the first; "pulled 600" is a deadlift; a miss after made attempts
("120/125/130, 135 missed") is a failed attempt of the list, not a session not done; reps
"broken up in 20s" are sets of 20; "sled push 8 x 25m" is eight sets; "the 70s" are a pair
of dumbbells. Each rewrite works on the cased text; lengths may change (offsets are taken
after this step).
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated
from .plate_combos import plate_combos_as_loads
from .schema import WeightUnit

_LEAD = r"(?:(?:@|\bat|\bw/?|\bwith)\s?)?"
_TEMPO_CODE = compile_gated(
    _LEAD + r"\(?(?<![\d.:/-])\b(?:[0-9x](?:\s?-\s?[0-9x]){2,3}|[0-9]{2}[0-9x]{2})\b\)?"
    r"(?![\d.:/-]|\s?(?:k|km|mi|m|min|miles?|x)\b)",
    re.IGNORECASE,
)
"""A tempo code: "3-1-1-0", "3-1-1", "31x1", "3010" (with the "@" or "w" before it); not a
ladder of distances ("3-2-1 km")."""
_TEMPO_WORD = compile_gated(r"\btempo\b", re.IGNORECASE)
_TEMPO_NEAR = 30
"""A code this many characters from the word "tempo" is a tempo."""
_CAPITAL_X = compile_gated(_LEAD + r"\(?\b[2-5][0-9]X[0-2]\b\)?")
"""A code with a capital X is a tempo without the word ("incline bench @ 31X1")."""
_PLATES = compile_gated(
    r"(?<![\d.])(?<!leg press )(?<!hack squat )(?<!sled )(?P<n>[1-6])\s?(?:plates?|pl)"
    r"(?:\s?/\s?side|\s(?:a|per|each|on each)\s?side)?"
    r"(?=\s?(?:x\s?\d|for\b|\d{1,2}\s?x\s?\d))"
    r"|(?<=@ )(?P<m>[1-6])\s?plates?\b|(?<=at )(?P<k>[1-6])\s?plates?\b",
    re.IGNORECASE,
)
"""A load counted in plates a side: "3 plates x 2", "2 plates for 5", "@ 4 plates"."""
_ONE_PLATE = compile_gated(
    r"(?:(?<=w/ )|(?<=with ))a (?P<v>45|35|25|20|15|10) ?(?:lb |kg |# )?plate\b"
    r"(?! ?(?:carr|pinch|hold|in)\b)"
)
"""A single plate as added weight ("weighted pull ups w/ a 45 plate")."""
_SCHEME_NAME = compile_gated(
    r"(?<![\d.x])\d{1,2}\s?x\s?\d{1,2}(?=\s(?:day|program|programme|routine|style|template)\b)",
    re.IGNORECASE,
)
"""A scheme naming the day or the program ("classic 5x5 day"), not sets of its own."""
_PLATE = {"lb": 45.0, "kg": 20.0}
"""A big plate, and the bar weighs as much."""
_CONVERSION = compile_gated(
    r"(?P<first>\d{1,4}(?:\.\d{1,2})?\s?(?P<u1>lbs?|#|kgs?|kilos?))\s?[(/]\s?~?"
    r"\d{1,4}(?:\.\d{1,2})?\s?(?P<u2>lbs?|#|kgs?|kilos?)\s?\)?",
    re.IGNORECASE,
)
"""A load followed by the same load in the other unit: "120kg (265 lb)", "245#/111kg"."""
_PULLED = compile_gated(
    r"\bpulled (?=(?:a |an )?(?:\d{3}|\d{2,3}\s?(?:lbs?|kgs?|#|kilos?)\b)"
    r"(?![\d:]|\s?(?:m|k|km|cal)\b))",
    re.IGNORECASE,
)
"""A deadlift said with its verb: "pulled 600", "PULLED 240kg"."""
_LOAD = r"\d{2,3}(?:\.5)?"
_MISSED_ATTEMPT = compile_gated(
    rf"(?P<made>(?:{_LOAD}\s?/\s?){{1,3}}{_LOAD})\s?,?\s?(?:(?:and|then)\s)?"
    rf"(?:(?P<a>{_LOAD})\s?(?:kg\s|lbs?\s|#\s?)?(?:x\s)?missed\b(?:\s(?:the|my)\s(?:jerk|clean|"
    rf"snatch|lockout|catch|recovery|lift|third|last))?|missed\s(?:at\s)?(?P<b>{_LOAD})(?![\d.]))",
    re.IGNORECASE,
)
"""A failed attempt after the made ones: "120/125/130, 135 missed the jerk", "80/85 missed
88" (written as the failed attempt of the list, "120/125/130/135x")."""
_BROKEN_UP = compile_gated(
    r"\b(?:broken|broke it|split)(?:\sup)?\s(?:in|into)\s(?:sets\sof\s)?(?P<n>\d{1,3})s?\b",
    re.IGNORECASE,
)
"""Reps split into smaller sets: "100 swings broken up in 20s", "split into sets of 25"."""
_DISTANCE_SETS = compile_gated(
    r"(?P<move>\b(?:sled|prowler|carry|carries|farmers?|yoke|lunges?)\b[^,;\n\d]{0,12}?)"
    r"(?P<n>\d{1,2})\s?x\s?(?P<d>\d{1,3}\s?(?:m|yds?|meters?|metres?)\b)",
    re.IGNORECASE,
)
"""Sets of a sled or carry counted in distance: "sled push 8 x 25m" is eight sets, not 25
reps (a run's "8 x 400m" is left alone)."""

_LOAD_THEN_SETS = compile_gated(
    r"(?<=[\d,] |[a-z] |, )(?P<load>\d{1,4}(?:\.\d{1,2})?\s?(?:kgs?|lbs?|#))\s"
    r"(?P<sets>\d{1,2}\s?x\s?\d{1,2})(?![\d.]|\s?(?:x|kg|lb|#|@|at\b|m\b|s\b|sec|min))",
    re.IGNORECASE,
)
"""A load said before its sets after an earlier set ("3x5, 50kg 2x8"): the sets at that load."""

_SLASHED_REPS = compile_gated(
    r"(?<![\d/.])(?P<n>[2-9])\s?x\s?(?P<reps>\d{1,2}(?:\s?/\s?\d{1,2}){1,8})(?![\d/])"
)
"""Each set's reps after the count, slash-separated ("4 x 6/6/5/5"), one per set."""
_SLASHED_SETS = compile_gated(
    r"(?P<rep>x\s?\d{1,2})\s?/\s?(?=\d{1,4}(?:\.\d{1,2})?\s?(?:kgs?|lbs?|#)?\s?x\s?\d)",
    re.IGNORECASE,
)
"""Sets split by slashes ("40 kg x 8 / 45 kg x 6"): a comma, so the slash lists no loads."""
_APPROX_CONVERSION = compile_gated(
    r"\(\s?(?:~|≈|=|approx\.?\s|about\s|around\s)\s?\d{1,4}(?:\.\d{1,2})?\s?"
    r"(?:kgs?|lbs?|#|kilos?|pounds)\s?\)",
    re.IGNORECASE,
)
"""A load restated in the other unit in brackets ("225 3x5 (~102kg)"): no set of its own."""
_BARE_LOAD = re.compile(r"(?<![\d.])\d{2,4}(?![\d.%]|\s?(?:%|kgs?|lbs?|#|x))")
_LOAD_X_REP_LIST = compile_gated(
    r"(?<![\d/.])(?P<load>\d{1,3}(?:\.5)?)\s?(?P<unit>kgs?|lbs?|#)?\s?x\s?"
    r"(?P<reps>\d{1,2}(?:\s?/\s?\d{1,2}){1,8})(?![\d/])",
    re.IGNORECASE,
)
"""A load, then each set's reps ("bench 85 x 8/8/7", "lat raise 10kg x 15/15/12")."""


_DUMBBELL_PAIR = compile_gated(
    r"\b(?:the|both|(?:a )?pair of) (?P<n>[5-9]|[1-9]\d|10[5]|1[1-4][05])(?P<half>\.5)?s\b"
    r"(?!\s?(?:rest|on|off|work|recovery|between|hold|sprints?|pace|each way)\b)",
    re.IGNORECASE,
)
"""A pair of dumbbells said by their weight ("w/ the 70s", "both 30s"), not seconds."""


def rewrite_lifter_talk(text: str, units: WeightUnit) -> str:
    """The cased text with tempo codes blanked, plates as loads, conversions and verbs read."""
    text = _SCHEME_NAME.sub(lambda m: " " * len(m[0]), text)
    text = _CAPITAL_X.sub(" ", _blank_tempo_codes(text))
    text = _DUMBBELL_PAIR.sub(lambda m: f"{m['n']}{m['half'] or ''} {units} dumbbells", text)
    text = _CONVERSION.sub(_first_unit, _APPROX_CONVERSION.sub(lambda m: _restated(m, text), text))
    text = _SLASHED_SETS.sub(lambda m: f"{m['rep']}, ", text)
    text = _PLATES.sub(lambda m: _plates(m, units), plate_combos_as_loads(text, units))
    text = _ONE_PLATE.sub(lambda m: m["v"], text)
    text = _MISSED_ATTEMPT.sub(lambda m: f"{m['made']}/{m['a'] or m['b']}x", text)
    text = _BROKEN_UP.sub(lambda m: f"in sets of {m['n']}", text)
    text = _DISTANCE_SETS.sub(lambda m: f"{m['move']}{m['n']} sets ({m['d']})", text)
    text = _LOAD_X_REP_LIST.sub(_reps_at_load, _SLASHED_REPS.sub(_reps_per_set, text))
    text = _LOAD_THEN_SETS.sub(lambda m: f"{m['sets']} @ {m['load']}", text)
    return _PULLED.sub("deadlifted ", text)


def _blank_tempo_codes(text: str) -> str:
    """Tempo codes near the word "tempo", blanked (the word stays: "tempo squats")."""
    words = [m.start() for m in _TEMPO_WORD.finditer(text)]
    if not words:
        return text

    def blank(match: re.Match[str]) -> str:
        near = any(-_TEMPO_NEAR < match.start() - at < _TEMPO_NEAR for at in words)
        return " " if near else match[0]

    return _TEMPO_CODE.sub(blank, text)


def _first_unit(match: re.Match[str]) -> str:
    """The first load alone when the bracket gives it in the other unit, else all of it."""
    kilos = (match["u1"].lower()[0] == "k", match["u2"].lower()[0] == "k")
    return match["first"] if kilos[0] != kilos[1] else match[0]


def _plates(match: re.Match[str], units: WeightUnit) -> str:
    count = int(match["n"] or match["m"] or match["k"])
    value = _PLATE[units] * (1 + 2 * count)
    return f"{value:g} {units}"


def _restated(match: re.Match[str], text: str) -> str:
    """The bracket blanked after a bare load; after "@ 85%" it is the only load, and kept."""
    before = text[max(0, match.start() - 25) : match.start()]
    return " " * len(match[0]) if _BARE_LOAD.search(before) else match[0]


def _reps_at_load(match: re.Match[str]) -> str:
    """The reps listed, paired with the load before them: "85 x 8/8/7" -> "8/8/7 @ 85"."""
    load = float(match["load"])
    if not match["unit"] and (load < 10 or load == len(match["reps"].split("/"))):
        return match[0]
    return f"{match['reps']} @ {match['load']}{match['unit'] or ''}"


def _reps_per_set(match: re.Match[str]) -> str:
    """The sets with their reps in brackets, when there is one count per set.

    "4 x 6/6/5/5" -> "4 sets (6, 6, 5, 5)".
    """
    reps = [part.strip() for part in match["reps"].split("/")]
    if len(reps) != int(match["n"]):
        return match[0]
    return f"{match['n']} sets ({', '.join(reps)})"
