"""Field-level scoring of extractions against the labelled corpus (corpus.jsonl).

Reads the `Workout` records directly (not through extraction helpers), so the scorer checks
the extractor instead of sharing its mistakes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from extraction import Workout, extract

CORPUS = Path(__file__).with_name("corpus.jsonl")
METRES = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "yd": 0.9144}


@dataclass(frozen=True)
class Case:
    """One labelled message."""

    id: str
    message: str
    today: dt.date
    tz: str
    units: Literal["lb", "kg"]
    expected: list[dict[str, Any]]


def load_cases(path: Path = CORPUS) -> list[Case]:
    """The corpus cases, in file order."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            raw["today"] = dt.date.fromisoformat(raw["today"])
            cases.append(Case(**raw))
    return cases


@dataclass
class Report:
    """Check counts per field, plus how non-logs were handled."""

    passed: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    empty_predicted: int = 0
    empty_correct: int = 0
    nonlogs: int = 0
    nonlogs_kept_empty: int = 0

    @property
    def accuracy(self) -> float:
        """Passed checks over all checks."""
        return sum(self.passed.values()) / max(1, sum(self.total.values()))

    @property
    def nonlog_precision(self) -> float:
        """Of the messages the extractor returned no workout for, the share that were non-logs."""
        return self.empty_correct / max(1, self.empty_predicted)

    @property
    def nonlog_recall(self) -> float:
        """Of the non-log messages, the share the extractor returned no workout for."""
        return self.nonlogs_kept_empty / max(1, self.nonlogs)

    def add(self, case_id: str, name: str, ok: bool, detail: str = "") -> None:
        """Record one check."""
        self.total[name] += 1
        self.passed[name] += ok
        if not ok:
            self.failures.append((case_id, f"{name}: {detail}"))

    def render(self) -> str:
        """A printable summary: overall accuracy, per-field breakdown, non-log figures."""
        lines = [
            f"field-level accuracy: {self.accuracy:.3f} "
            f"({sum(self.passed.values())}/{sum(self.total.values())} checks)",
            f"non-log precision: {self.nonlog_precision:.3f}  "
            f"non-log recall: {self.nonlog_recall:.3f} ({self.nonlogs} non-log messages)",
        ]
        for name in sorted(self.total):
            lines.append(
                f"  {name:<10} {self.passed[name] / self.total[name]:.3f} "
                f"({self.passed[name]}/{self.total[name]})"
            )
        return "\n".join(lines)


def score_cases(cases: list[Case]) -> Report:
    """The report of the extractor on `cases`, each read with its own day, zone and units."""
    report = Report()
    for case in cases:
        score_case(
            report, case, extract(case.message, today=case.today, tz=case.tz, units=case.units)
        )
    return report


def score_case(report: Report, case: Case, workouts: list[Workout]) -> None:
    """Add one case's checks to the report."""
    if not case.expected:
        report.nonlogs += 1
        report.nonlogs_kept_empty += not workouts
        report.add(case.id, "non_log", not workouts, f"got {len(workouts)} workouts")
    else:
        report.add(
            case.id, "count", len(workouts) == len(case.expected),
            f"expected {len(case.expected)}, got {len(workouts)}",
        )  # fmt: skip
    if not workouts:
        report.empty_predicted += 1
        report.empty_correct += not case.expected
    for index, expected in enumerate(case.expected):
        actual = workouts[index] if index < len(workouts) else None
        for name, want in expected.items():
            check = _CHECKS[name]
            ok, got = (False, "no workout") if actual is None else check(actual, want)
            report.add(case.id, name, ok, f"want {want!r}, got {got!r}")


def facts(workout: Workout) -> dict[str, Any]:
    """What the checks compare, read from the workout's discipline structure."""
    structure = getattr(workout.discipline_specific, workout.discipline).model_dump()
    names: list[str] = []
    sets: dict[str, list[int | None]] = {}
    weights: list[tuple[str, float, str]] = []
    for node in _walk(structure):
        name = node.get("exercise_name") or node.get("lift_name")
        if not name:
            continue
        names.append(name)
        if node.get("weight"):
            weights.append((name, node["weight"]["value"], node["weight"]["unit"]))
        for one in node.get("sets") or []:
            sets.setdefault(name, []).append(one.get("reps"))
            if one.get("weight"):
                weights.append((name, one["weight"]["value"], one["weight"]["unit"]))
    performance = structure.get("performance_data") or {}
    score = performance.get("score") or {}
    time = performance.get("total_time") if workout.discipline == "crossfit" else None
    time = time if time is not None else structure.get("total_time")
    time = time if time is not None else workout.duration
    distance = None
    if structure.get("total_distance") is not None:
        unit = structure.get("distance_unit") or "m"
        distance = structure["total_distance"] * METRES[unit]
    return {
        "names": names,
        "sets": sets,
        "weights": weights,
        "time": time,
        "distance": distance,
        "score": score.get("value") if score.get("type") == "rounds" else None,
        "format": structure.get("workout_format") or structure.get("protocol"),
        "run_type": structure.get("run_type"),
    }


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _date(w: Workout, want: str) -> tuple[bool, Any]:
    return w.date.isoformat() == want, w.date.isoformat()


def _discipline(w: Workout, want: list[str]) -> tuple[bool, Any]:
    return w.discipline in want, w.discipline


def _name(w: Workout, want: str) -> tuple[bool, Any]:
    return (w.workout_name or "").casefold() == want.casefold(), w.workout_name


def _exercises(w: Workout, want: list[str]) -> tuple[bool, Any]:
    names = facts(w)["names"]
    return all(name in names for name in want), names


def _time(w: Workout, want: float) -> tuple[bool, Any]:
    got = facts(w)["time"]
    return got is not None and abs(got - want) <= 1, got


def _distance(w: Workout, want: dict[str, Any]) -> tuple[bool, Any]:
    got = facts(w)["distance"]
    metres = want["value"] * METRES[want["unit"]]
    return got is not None and abs(got - metres) <= max(1.0, 0.01 * metres), got


def _score(w: Workout, want: str) -> tuple[bool, Any]:
    got = facts(w)["score"]
    return _rounds(str(got)) == _rounds(want), got


def _rounds(score: str) -> str:
    """A rounds score in one spelling: "20", "20+0" and "20 + 0" are the same whole rounds."""
    score = score.replace(" ", "")
    return score.removesuffix("+0")


def _weights(w: Workout, want: list[dict[str, Any]]) -> tuple[bool, Any]:
    got = facts(w)["weights"]
    ok = all(
        any(n == e["exercise"] and abs(v - e["value"]) < 0.01 and u == e["unit"] for n, v, u in got)
        for e in want
    )
    return ok, got


def _sets(w: Workout, want: list[dict[str, Any]]) -> tuple[bool, Any]:
    got = facts(w)["sets"]
    ok = all(got.get(e["exercise"], []).count(e["reps"]) == e["sets"] for e in want)
    return ok, got


def _format(w: Workout, want: str) -> tuple[bool, Any]:
    got = facts(w)["format"]
    return got == want, got


def _run_type(w: Workout, want: str) -> tuple[bool, Any]:
    got = facts(w)["run_type"]
    return got == want, got


_CHECKS: dict[str, Callable[[Workout, Any], tuple[bool, Any]]] = {
    "date": _date,
    "discipline": _discipline,
    "workout_name": _name,
    "exercises": _exercises,
    "time_s": _time,
    "distance": _distance,
    "score": _score,
    "weights": _weights,
    "sets": _sets,
    "format": _format,
    "run_type": _run_type,
}
