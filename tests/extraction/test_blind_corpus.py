"""The held-out workout corpora: written blind (by people who had not read `extraction/`
or the tuned corpora), scored before any change, and never tuned case by case.

## blind_corpus.jsonl

Scored first on 2026-12-06 at 0.793 of field checks (125 of 208 messages fully right,
non-log precision 0.628, recall 0.750). After the fixes by kind of issue 15 (new
disciplines and cue scoring, number words, whole-message non-log frames, per-line and
ordinal dates, passing dates, fuzzy vocabulary, carried units, more movements): 0.856
(842/984 checks), non-log precision 0.857, recall 0.833. Second round (pool yards and
course codes, no total from a main set, compact hour-minute durations, bare erg metres,
rounds-plus-reps in words, an AMRAP's length in its name, wishes as non-logs): 0.858
(844/984 checks), non-log precision 0.857, recall 0.833. Third round, tuned against a new
dev corpus (test_dev_corpus.py) and never against this one (loads written after their
sets, with "w", as dumbbell pairs and as lists; units carried forward only; plans and
requests covering the clauses after them; diary entries without a colon; a class as one
session; run kinds and disciplines by scored cues; more movements; programs' numbered days
and corrections as non-logs): 0.888 (874/984 checks), non-log precision 0.861, recall
0.861. Fourth round, tuned against a second dev corpus (test_dev2_corpus.py), blind run only
before and after (headings naming a plan, calendar or list, reviews, numbered days, other
people's sets as non-logs; a walk's own distance; '5/5/5', 'N times M', 'N series of M' and
reps before sets; a gym session's length; paces and splits no session time; short cardio
finishers; boat and ruck cues; event runs as races; diary lines labelled 'M -', 'Th -'):
0.888 before, 0.892 after (878/984 checks), non-log precision 0.868, recall 0.917. Fifth
round, the exercise vocabulary, tuned against the second dev corpus, blind run only before
and after (an alias as written beats another's generated plural, so "bss"; five-letter words
corrected for two swapped letters; typo choices by first letter; gym abbreviations, verb
and plural forms; a line's label naming a lift; a modifier between number and lift): 0.892
before, 0.892 after (878/984; exercises 0.796 and sets 0.800 both unchanged), floor kept.
Sixth round, tuned against two new dev corpora by blind writers (test_dev3_corpus.py,
test_dev4_corpus.py: 25 and 20 invented athletes in their own voices) and never against
this one: a lift then a WOD as one class, lifter talk (tempo codes, plates, a second unit,
"pulled 600"), complexes, carried and attempted loads, names in shorthand and other
languages, sets to failure, meet results; distances (parkrun, laps, each way), totals and
paces, run types by indirect cues, dates in shorthand and other languages, sessions split
by parts of the day, non-log frames (availability, totals, targets); the discipline scored
from all cues. Run before, between merges (aggregate only) and after: 0.892 before, 0.922 after
(907/984; exercises 0.796 -> 0.828, sets 0.800 -> 0.900, discipline 0.886 -> 0.908,
run_type 0.619 -> 0.667, non-log precision 0.868 -> 0.917). Disclosure: in this round two
engineers' greps over tests/extraction/*.jsonl printed about a dozen lines of this file
(ids and text around "fly" and "531"); nothing was tuned on them, and one "cable flys"
case here now scores as a miss because the vocabulary had already chosen `cable_fly`.
Seventh and eighth rounds (2026-12-06), tuned only against five new dev corpora by blind
writers (test_dev5..dev9_corpus.py: dates and sessions, discipline boundaries, a vocabulary
of 259 exercises, runners, lifting notation) and never against this one: numeric dates by
locale, foreign day names, posts after midnight, branded classes, backpacking by pack and
trip, the vocabulary as data (336 movements), rep and load lists, dumbbells by load, run
kinds scored in many languages. Run before, after each merge (aggregate only) and after:
0.922 before, 0.927 after (912/984; exercises 0.828 -> 0.849, run_type 0.667 -> 0.714,
discipline 0.908 -> 0.913, date 0.957 -> 0.967, count 0.948 -> 0.959, non-log precision
0.917 -> 0.943; sets 0.900 -> 0.850 and weights 0.926 -> 0.897 fell).
Ninth round, tuned only against three new dev corpora by blind writers (test_dev10..dev12:
gym notation, mixed and boundary sessions, endurance) and on what surrounds a message
(greetings, openers, " Thoughts?", a question on its own line; test_perturbations.py):
0.927 before, 0.929 after (914/984; time_s 0.975 -> 0.987, non-log recall 0.917 -> 0.944).
The floor below guards against regressions; the target is 0.95 (issue: understanding that
generalises).

## blind2_corpus.jsonl

A second held-out set, written in the seventh round (2026-12-06) by a writer who read only
the schema and the label format (/work/devcorpus/SPEC.md), never the code or any corpus:
160 messages (130 logs holding 144 workouts, 30 non-logs) sampled across every kind of
training in the styles athletes use. It measures whether a round generalises without the
history of the first set (run many times, a dozen lines seen). Scored on main before the
round's tuning was merged (4999179): 0.945 (716/758; count 0.962, date 0.958, discipline
0.951, distance 0.964, exercises 0.943, non_log 0.900, run_type 0.850, sets 0.903, time_s
0.894; non-log precision 0.931). After the round's merges: 0.962 (729/758; count 0.969,
date 0.972, discipline 0.965, distance 0.982, exercises 0.962, run_type 0.950, sets 0.935,
time_s 0.929, weights 0.973; non-log precision 0.931, recall 0.900). Ninth round (as
above): 0.962 before, 0.968 after (734/758; count 0.977, distance 1.000, time_s 0.953,
non-log recall 0.933).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .scoring import load_cases, score_cases

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("name", "label", "floor"),
    [
        ("blind_corpus.jsonl", "blind workout corpus", 0.92),
        ("blind2_corpus.jsonl", "second blind workout corpus", 0.965),
    ],
)
def test_blind_corpus_holds_its_floor(
    capsys: pytest.CaptureFixture[str], name: str, label: str, floor: float
) -> None:
    cases = load_cases(HERE / name)
    assert len(cases) >= 150
    report = score_cases(cases)
    with capsys.disabled():
        print(f"\n{label}\n" + report.render())
    assert report.accuracy >= floor, report.render()
