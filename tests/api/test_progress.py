"""Progress: the series computed from workouts, and the records/progress endpoints over HTTP."""

from __future__ import annotations

import datetime as dt

import pytest
from httpx import AsyncClient

from api.progress import lift_series, run_points, week_totals
from extraction import extract
from storage.models import WorkoutRecord
from tests.api.helpers import auth, messages_url, new_coach, new_conversation

TODAY = dt.date(2026, 11, 20)


def logged(text: str, n: int = 0) -> WorkoutRecord:
    """The one workout the deterministic extractor finds in `text`, as the store keeps it."""
    [workout] = extract(text, today=TODAY, tz="UTC", units="lb")
    return WorkoutRecord(
        workout_id=f"{workout.date:%Y%m%d}-w{n}",
        user_id="alice",
        date=workout.date.isoformat(),
        discipline=workout.discipline,
        workout_data=workout.model_dump(mode="json", exclude_none=True),
    )


def test_lift_series_top_set_and_e1rm_per_session_in_the_athletes_units() -> None:
    workouts = [
        logged("On 2026-11-10 back squat 1x3 at 110 kg then 2x8 at 90 kg", 2),
        logged("On 2026-11-02 back squat 3x5 at 100 kg", 1),
        logged("On 2026-11-03 bench press 5x5 at 185 lb", 3),
        logged("Ran 5 km in 24:30 on 2026-11-04", 4),
    ]
    kg = {s.exercise: s.points for s in lift_series(workouts, "kg")}
    assert list(kg) == ["back_squat", "bench_press"]
    squat = kg["back_squat"]
    assert [p.date for p in squat] == ["2026-11-02", "2026-11-10"]
    assert (squat[0].top_set_weight, squat[0].top_set_reps, squat[0].e1rm) == (100, 5, 116.7)
    # The heaviest set is the top set; the estimate is the best over the session's sets.
    assert (squat[1].top_set_weight, squat[1].top_set_reps) == (110, 3)
    assert squat[1].e1rm == round(max(110 * (1 + 3 / 30), 90 * (1 + 8 / 30)), 1)
    assert kg["bench_press"][0].top_set_weight == 83.9  # 185 lb
    lb = {s.exercise: s.points for s in lift_series(workouts, "lb")}
    assert (
        lb["bench_press"][0].top_set_weight == 185 and lb["back_squat"][0].top_set_weight == 220.5
    )


def test_week_totals_per_discipline() -> None:
    workouts = [
        logged("On 2026-11-02 back squat 3x5 at 100 kg", 1),  # Monday
        logged("On 2026-11-08 bench press 5x5 at 100 kg", 2),  # Sunday, same week
        logged("Ran 10 km in 50:00 on 2026-11-04", 3),
        logged("Ran 5 km in 24:30 on 2026-11-09", 4),  # next Monday
    ]
    weeks = {(w.week, w.discipline): w for w in week_totals(workouts, "kg")}
    assert list(weeks) == [
        ("2026-11-02", "powerlifting"),
        ("2026-11-02", "running"),
        ("2026-11-09", "running"),
    ]
    lifting = weeks["2026-11-02", "powerlifting"]
    assert (lifting.sessions, lifting.volume, lifting.distance_m) == (
        2,
        3 * 5 * 100 + 5 * 5 * 100,
        0,
    )
    run = weeks["2026-11-02", "running"]
    assert (run.sessions, run.duration_s, run.distance_m, run.volume) == (1, 3000, 10_000, 0)


def test_run_points_pace_per_km() -> None:
    workouts = [
        logged("Ran 3 miles in 24:00 on 2026-11-05", 2),
        logged("Ran 5 km in 24:30 on 2026-11-04", 1),
        logged("On 2026-11-02 back squat 3x5 at 100 kg", 3),
    ]
    points = run_points(workouts)
    assert [p.date for p in points] == ["2026-11-04", "2026-11-05"]
    assert (points[0].distance_m, points[0].time_s, points[0].pace_s_per_km) == (5000, 1470, 294)
    assert points[1].distance_m == pytest.approx(4828.0, abs=0.1)
    assert points[1].pace_s_per_km == round(1440 / 4.828032, 1)


async def _chat(client: AsyncClient, *texts: str) -> None:
    coach_id = await new_coach(client)
    conversation_id = await new_conversation(client, coach_id)
    for text in texts:
        response = await client.post(
            messages_url(coach_id, conversation_id), json={"content": text}, headers=auth()
        )
        assert response.status_code == 200, response.text


async def test_progress_and_records_over_http(client: AsyncClient) -> None:
    await _chat(
        client,
        "On 2026-11-02 back squat 3x5 at 200",
        "On 2026-11-09 back squat 3x5 at 225",
        "Ran 5 km in 24:30 on 2026-11-04",
    )
    params = {"from": "2026-11-01", "to": "2026-11-30"}
    response = await client.get("/v1/progress", params=params, headers=auth())
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["unit"] == "lb" and body["date_from"] == "2026-11-01"
    [squat] = body["lifts"]
    assert [p["top_set_weight"] for p in squat["points"]] == [200, 225]
    assert [(w["week"], w["discipline"]) for w in body["weeks"]] == [
        ("2026-11-02", "powerlifting"),
        ("2026-11-02", "running"),
        ("2026-11-09", "powerlifting"),
    ]
    assert [r["pace_s_per_km"] for r in body["runs"]] == [294]

    before = await client.get("/v1/progress", params={"to": "2026-11-01"}, headers=auth())
    assert before.json()["lifts"] == [] and before.json()["runs"] == []

    records = (await client.get("/v1/records", headers=auth())).json()
    bests = {(r["exercise"], r["measure"]): r for r in records["items"]}
    assert bests["back_squat", "weight"]["value"] == 225
    assert bests["run_5k", "time"]["value"] == 1470 and records["next"] is None


async def test_progress_is_the_callers_own_and_checks_dates(client: AsyncClient) -> None:
    await _chat(client, "On 2026-11-02 back squat 3x5 at 200")
    other = (await client.get("/v1/progress", headers=auth("bob"))).json()
    assert other["lifts"] == [] and other["weeks"] == []
    assert (await client.get("/v1/records", headers=auth("bob"))).json()["items"] == []
    assert (await client.get("/v1/records")).status_code == 401
    for params in ({"from": "2026-11-02", "to": "2026-11-01"}, {"from": "2020-01-01"}):
        response = await client.get("/v1/progress", params=params, headers=auth())
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "invalid_date_range"


@pytest.mark.parametrize(
    "params",
    [{"to": "0001-01-05"}, {"from": "9999-12-30", "to": "9999-12-31"}, {"to": "0001-01-01"}],
)
async def test_progress_at_the_ends_of_the_calendar_answers_without_a_server_error(
    client: AsyncClient, params: dict[str, str]
) -> None:
    """Found by the API fuzzer: `to` in the year 1 made the default `from` overflow (500)."""
    response = await client.get("/v1/progress", params=params, headers=auth())
    assert response.status_code == 200, response.text
    assert response.json()["lifts"] == []
