"""Named CrossFit benchmark workouts ("the Girls", Heroes) and their standard prescriptions.

Numbers from this table may appear in an extraction ("Fran" -> 21-15-9, thruster 95 lb when
done Rx); grounding accepts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .literal_gate import compile_gated
from .schema import CrossfitFormat, DistanceUnit


@dataclass(frozen=True, slots=True)
class Part:
    """One movement of a benchmark with its per-round prescription."""

    name: str
    reps: int | None = None
    distance: float | None = None
    distance_unit: DistanceUnit | None = None
    rx_lb: float | None = None
    rx_kg: float | None = None


@dataclass(frozen=True, slots=True)
class Benchmark:
    """A benchmark's standard form."""

    name: str
    format: CrossfitFormat
    parts: tuple[Part, ...]
    rep_scheme: str | None = None
    rounds: int | None = None
    time_cap: int | None = None
    """Seconds: the AMRAP or EMOM length, or a cap."""

    def numbers(self) -> set[float]:
        """Every number this prescription states (for grounding)."""
        found: set[float] = {float(n) for n in re.findall(r"\d+", self.rep_scheme or "")}
        for value in (self.rounds, self.time_cap):
            if value:
                found |= {float(value), value / 60}
        for part in self.parts:
            found |= {float(v) for v in (part.reps, part.distance) if v}
            found |= {float(v) for v in (part.rx_lb, part.rx_kg) if v}
        return found


def _p(
    name: str,
    reps: int | None = None,
    *,
    m: float | None = None,
    rx: tuple[float, float] | None = None,
) -> Part:
    """A part; a distance of 1609 m is written as the mile it is."""
    distance, unit = (1.0, "mi") if m == 1609 else (m, "m" if m else None)
    return Part(name, reps, distance, unit, *(rx or (None, None)))  # type: ignore[arg-type]


_ROW = [
    Benchmark("Fran", "for_time", (_p("thruster", rx=(95, 43)), _p("pull_up")), "21-15-9"),
    Benchmark("Grace", "for_time", (_p("clean_and_jerk", 30, rx=(135, 61)),)),
    Benchmark("Isabel", "for_time", (_p("snatch", 30, rx=(135, 61)),)),
    Benchmark(
        "Helen",
        "for_time",
        (_p("run", m=400), _p("kettlebell_swing", 21, rx=(53, 24)), _p("pull_up", 12)),
        rounds=3,
    ),
    Benchmark(
        "Cindy",
        "amrap",
        (_p("pull_up", 5), _p("push_up", 10), _p("air_squat", 15)),
        time_cap=1200,
    ),
    Benchmark(
        "Murph",
        "for_time",
        (
            _p("run", m=1609),
            _p("pull_up", 100),
            _p("push_up", 200),
            _p("air_squat", 300),
            _p("run", m=1609),
        ),
    ),
    Benchmark(
        "Diane", "for_time", (_p("deadlift", rx=(225, 102)), _p("handstand_push_up")), "21-15-9"
    ),
    Benchmark("Elizabeth", "for_time", (_p("clean", rx=(135, 61)), _p("ring_dip")), "21-15-9"),
    Benchmark("Annie", "for_time", (_p("double_under"), _p("sit_up")), "50-40-30-20-10"),
    Benchmark("Karen", "for_time", (_p("wall_ball", 150, rx=(20, 9)),)),
    Benchmark(
        "Jackie",
        "for_time",
        (_p("row", m=1000), _p("thruster", 50, rx=(45, 20)), _p("pull_up", 30)),
    ),
    Benchmark(
        "DT",
        "for_time",
        (
            _p("deadlift", 12, rx=(155, 70)),
            _p("hang_power_clean", 9, rx=(155, 70)),
            _p("push_jerk", 6, rx=(155, 70)),
        ),
        rounds=5,
    ),
    Benchmark(
        "Nancy", "for_time", (_p("run", m=400), _p("overhead_squat", 15, rx=(95, 43))), rounds=5
    ),
    Benchmark(
        "Kelly",
        "for_time",
        (_p("run", m=400), _p("box_jump", 30), _p("wall_ball", 30, rx=(20, 9))),
        rounds=5,
    ),
    Benchmark(
        "Chelsea",
        "emom",
        (_p("pull_up", 5), _p("push_up", 10), _p("air_squat", 15)),
        time_cap=1800,
    ),
    Benchmark(
        "Barbara",
        "for_time",
        (_p("pull_up", 20), _p("push_up", 30), _p("sit_up", 40), _p("air_squat", 50)),
        rounds=5,
    ),
    Benchmark(
        "Angie",
        "for_time",
        (_p("pull_up", 100), _p("push_up", 100), _p("sit_up", 100), _p("air_squat", 100)),
    ),
    Benchmark(
        "Mary",
        "amrap",
        (_p("handstand_push_up", 5), _p("pistol_squat", 10), _p("pull_up", 15)),
        time_cap=1200,
    ),
    Benchmark(
        "Nate",
        "amrap",
        (_p("muscle_up", 2), _p("handstand_push_up", 4), _p("kettlebell_swing", 8, rx=(70, 32))),
        time_cap=1200,
    ),
    Benchmark(
        "Eva",
        "for_time",
        (_p("run", m=800), _p("kettlebell_swing", 30, rx=(70, 32)), _p("pull_up", 30)),
        rounds=5,
    ),
    Benchmark("Amanda", "for_time", (_p("muscle_up"), _p("snatch", rx=(135, 61))), "9-7-5"),
    Benchmark(
        "Linda",
        "for_time",
        (_p("deadlift"), _p("bench_press"), _p("clean")),
        "10-9-8-7-6-5-4-3-2-1",
    ),
    Benchmark("Lynne", "other", (_p("bench_press"), _p("pull_up")), rounds=5),
    Benchmark("Randy", "for_time", (_p("power_snatch", 75, rx=(75, 34)),)),
    Benchmark("Nicole", "amrap", (_p("run", m=400), _p("pull_up")), time_cap=1200),
    Benchmark(
        "Michael",
        "for_time",
        (_p("run", m=800), _p("back_extension", 50), _p("sit_up", 50)),
        rounds=3,
    ),
    Benchmark("Jerry", "for_time", (_p("run", m=1609), _p("row", m=2000), _p("run", m=1609))),
    Benchmark(
        "Fight Gone Bad",
        "intervals",
        (
            _p("wall_ball", rx=(20, 9)),
            _p("sumo_deadlift_high_pull", rx=(75, 34)),
            _p("box_jump"),
            _p("push_press", rx=(75, 34)),
            _p("row"),
        ),
        rounds=3,
    ),
    Benchmark(
        "Filthy Fifty",
        "chipper",
        (
            _p("box_jump", 50),
            _p("pull_up", 50),
            _p("kettlebell_swing", 50, rx=(35, 16)),
            _p("lunge", 50),
            _p("knees_to_elbow", 50),
            _p("push_press", 50, rx=(45, 20)),
            _p("back_extension", 50),
            _p("wall_ball", 50, rx=(20, 9)),
            _p("burpee", 50),
            _p("double_under", 50),
        ),
    ),
]

BENCHMARKS: dict[str, Benchmark] = {b.name.lower(): b for b in _ROW}
_ALIASES = {"fgb": "fight gone bad", "filthy 50": "filthy fifty"}
_NAMES = "|".join(sorted([*BENCHMARKS, *_ALIASES], key=len, reverse=True))
NAME_RE = re.compile(rf"\b({_NAMES})\b")
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
# Possessive (`*+`): whitespace is taken once, never re-split between alternatives,
# so the match stays linear on long runs of spaces and newlines.
_AND = r"\s*+(?:,\s*+(?:\band\b\s*+|&\s*+)?|\band\b\s*+|&\s*+)"
_PAIRED = compile_gated(
    rf"\b(?P<names>(?:{_NAMES})(?:{_AND}(?:{_NAMES}))+)\b"
    rf"\s*+(?::|,|-|=|\bin\b|\bwere\b)?\s*+"
    rf"(?P<scores>{_CLOCK}(?:{_AND}{_CLOCK})+)(?![\d:])",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(_AND, re.IGNORECASE)


def pair_scores(text: str) -> str:
    """Put each benchmark beside its score, since the extractor reads one per clause.

    "Fran and Grace: 6:10 and 3:30" becomes "Fran 6:10, Grace 3:30", read as two workouts.
    Lists of different lengths are left as they are.
    """

    def pair(match: re.Match[str]) -> str:
        names = _SEPARATOR.split(match["names"])
        scores = _SEPARATOR.split(match["scores"])
        if len(names) != len(scores):
            return match[0]
        return ", ".join(f"{name} {score}" for name, score in zip(names, scores, strict=True))

    if text.count(":") < 2:  # two scores at least; most messages stop here, cheaply
        return text
    return _PAIRED.sub(pair, text)


def lookup(name: str) -> Benchmark | None:
    """The benchmark called `name` (any case), or None."""
    key = name.strip().lower()
    return BENCHMARKS.get(_ALIASES.get(key, key))


# A benchmark name is also a person's name: "with Karen" or "my friend Grace" is not a workout.
_NOT_AFTER = compile_gated(
    r"(?:\bwith|\bw/|\band|\bmy|\bto|\bfor|\bfrom|\bby|\blike|\bthan|\babout|\bnamed|\bcalled|"
    r"\bsaw|\bmet|\btold|\basked|\bsaving)\s*$"
)
_DOING_BEFORE = compile_gated(
    r"\b(?:did|do|doing|done|hit|finished|completed|crushed|smashed|tested|retested|attempted|"
    r"tackled|survived|benchmark|girl|hero|half|partner|team|modified|mini)\s*$"
)
# "Karen was at the gym", "Grace is my favourite": a person or a topic, not a workout done.
_PERSON_AFTER = compile_gated(
    r"\s?(?:(?:and|&) (?:i|me)|was|is|were|came|said|says|told|asked|went|has|had|will|would|"
    r"wants|called|'s)\b"
)
_SCORE_AFTER = compile_gated(r"^\W{0,4}(?:[a-z]+\W+){0,3}?(?:\d|rx\b|scaled\b|in\b|pr\b|done\b)")


def find(text: str, cased: str) -> Benchmark | None:
    """The benchmark a lower-case text logs, judged from how its name is used.

    The name counts when it is capitalised, opens the clause, follows a verb of doing
    ("did Helen") or comes with a score ("fran 8:57"); never after "with", "my", ….

    Args:
        text: lower-case text.
        cased: the same text in its original case.
    """
    for match in NAME_RE.finditer(text):
        before = text[max(0, match.start() - 24) : match.start()]
        after = text[match.end() : match.end() + 40]
        if _NOT_AFTER.search(before) or _PERSON_AFTER.match(after):
            continue
        if (
            cased[match.start()].isupper()
            or not before.strip(" :-,.")
            or _DOING_BEFORE.search(before)
            or _SCORE_AFTER.match(after)
        ):
            return lookup(match[1])
    return None
