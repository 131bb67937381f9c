"""Hypothesis strategies that build valid `Workout` records for round-trip tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from extraction.schema import (
    CrossfitData,
    CrossfitExercise,
    CrossfitReps,
    CrossfitRound,
    DisciplineSpecific,
    Load,
    Metadata,
    PerformanceData,
    PerformanceMetrics,
    PowerliftingData,
    PowerliftingExercise,
    RowingData,
    RunningData,
    RunSegment,
    Score,
    StrengthSet,
    SubjectiveFeedback,
    Weight,
    Workout,
)

_names = st.sampled_from(["back_squat", "bench_press", "deadlift", "thruster", "pull_up"])
_seconds = st.floats(min_value=0, max_value=200_000, allow_nan=False)
_amount = st.floats(min_value=0, max_value=100_000, allow_nan=False)
_rating = st.floats(min_value=1, max_value=10, allow_nan=False)
_paces = st.builds(lambda m, s: f"{m}:{s:02d}", st.integers(0, 59), st.integers(0, 59))
weights = st.builds(
    Weight,
    value=st.floats(min_value=0, max_value=2000, allow_nan=False),
    unit=st.sampled_from(["lb", "kg", "lbs", "pounds", "#", "kilos", "kgs"]),
)
_sets = st.lists(
    st.builds(
        StrengthSet,
        set_number=st.integers(1, 20),
        weight=st.none() | weights,
        reps=st.none() | st.integers(0, 100),
        rpe=st.none() | _rating,
        rest_time=st.none() | _seconds,
        failed=st.none() | st.booleans(),
    ),
    max_size=6,
)
_powerlifting = st.builds(
    PowerliftingData,
    session_type=st.none() | st.sampled_from(["volume", "max_effort", "competition"]),
    exercises=st.lists(
        st.builds(PowerliftingExercise, exercise_name=_names, sets=_sets), max_size=4
    ),
)
_crossfit = st.builds(
    CrossfitData,
    workout_format=st.none() | st.sampled_from(["for_time", "amrap", "emom"]),
    rx_status=st.none() | st.sampled_from(["rx", "scaled", "rx_plus"]),
    rounds=st.lists(
        st.builds(
            CrossfitRound,
            round_number=st.integers(1, 10),
            rep_scheme=st.none() | st.just("21-15-9"),
            exercises=st.lists(
                st.builds(
                    CrossfitExercise,
                    exercise_name=_names,
                    weight=st.none()
                    | st.builds(
                        Load,
                        value=st.floats(0, 2000, allow_nan=False),
                        unit=st.sampled_from(["lb", "kg"]),
                    ),
                    reps=st.none() | st.builds(CrossfitReps, prescribed=st.integers(0, 500)),
                    calories=st.none() | _amount,
                ),
                max_size=4,
            ),
        ),
        max_size=2,
    ),
    performance_data=st.none()
    | st.builds(
        PerformanceData,
        total_time=st.none() | _seconds,
        rounds_completed=st.none() | st.integers(0, 100),
        score=st.none()
        | st.builds(
            Score, value=_seconds | st.just("12+5"), type=st.sampled_from(["time", "rounds"])
        ),
    ),
)
_running = st.builds(
    RunningData,
    run_type=st.none() | st.sampled_from(["easy", "tempo", "race", "intervals"]),
    total_distance=st.none() | _amount,
    distance_unit=st.none() | st.sampled_from(["m", "km", "mi", "yd"]),
    total_time=st.none() | _seconds,
    average_pace=st.none() | _paces,
    segments=st.lists(
        st.builds(RunSegment, segment_number=st.integers(1, 30), distance=st.none() | _amount),
        max_size=3,
    ),
)
_rowing = st.builds(
    RowingData,
    erg=st.none() | st.booleans(),
    total_distance=st.none() | _amount,
    total_time=st.none() | _seconds,
    average_split=st.none() | _paces,
)
_structures = st.one_of(
    _powerlifting.map(lambda d: ("powerlifting", d)),
    _powerlifting.map(lambda d: ("powerlifting", d)),
    _crossfit.map(lambda d: ("crossfit", d)),
    _running.map(lambda d: ("running", d)),
    _running.map(lambda d: ("trail_running", d)),
    _rowing.map(lambda d: ("rowing", d)),
)


@st.composite
def workouts(draw: st.DrawFn) -> Workout:
    """A random valid workout of one of several disciplines."""
    discipline, data = draw(_structures)
    return Workout(
        date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))),
        discipline=discipline,
        workout_type=draw(st.sampled_from(["strength", "cardio", "hybrid", "competition"])),
        workout_name=draw(st.none() | st.text(min_size=1, max_size=30)),
        duration=draw(st.none() | _seconds),
        performance_metrics=draw(
            st.none() | st.builds(PerformanceMetrics, intensity=st.none() | _rating)
        ),
        discipline_specific=DisciplineSpecific(**{discipline: data}),
        subjective_feedback=draw(
            st.none() | st.builds(SubjectiveFeedback, notes=st.none() | st.text(max_size=50))
        ),
        metadata=draw(
            st.builds(
                Metadata,
                data_confidence=st.none() | st.floats(0, 1, allow_nan=False),
                validation_flags=st.lists(st.sampled_from(["unit_assumed", "date_assumed"])),
            )
        ),
    )
