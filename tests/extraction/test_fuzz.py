"""Random workout-like text never crashes the extractor, and what it returns is grounded."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction import Workout, extract
from extraction.grounding import check_grounding

_WORDS = (
    "squat bench deadlift clean snatch jerk c&j ohs rdl pull-ups push ups burpees wall balls "
    "kb swings thrusters row run ran rode swam rowed bike swim erg fran grace cindy murph "
    "helen dt karen amrap emom tabata for time rft rounds rds reps sets of singles doubles "
    "x @ at with w/ each hand rpe % rest min mins sec s hr h lb lbs kg kilos # pood km k mi "
    "miles m yd yards pace /mi /km /500m split total wu cd pool laps lengths yesterday today "
    "this morning last night monday saturday march 15 the next day am: pm: then and , . ! ? "
    "( ) + - : / did hit worked up to built to got pr new easy tempo long race intervals "
    "repeats trail hyrox ruck hybrid hiit circuit yoga calisthenics rx scaled vest cal cals "
    "i want to tomorrow remember my wife should if"
).split()
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(0, 3000).map(str),
    st.builds(lambda a, b: f"{a}x{b}", st.integers(0, 600), st.integers(0, 60)),
    st.builds(lambda a, b: f"{a}:{b:02d}", st.integers(0, 200), st.integers(0, 59)),
    st.builds(lambda a, b: f"{a}+{b}", st.integers(0, 60), st.integers(0, 60)),
    st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 999), st.integers(0, 9)),
)


@given(
    st.lists(_TOKENS, min_size=1, max_size=40).map(" ".join),
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(["lb", "kg"]),
)
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_logs_never_crash_and_stay_grounded(text: str, today: dt.date, units: str) -> None:
    for workout in extract(text, today=today, units=units):  # type: ignore[arg-type]
        assert workout.date <= today
        assert Workout.model_validate_json(workout.model_dump_json(exclude_none=True)) == workout
        report = check_grounding(workout, text)
        assert report.ok, report.ungrounded
