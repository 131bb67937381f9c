"""The kind of run, said by name in several languages, by structure, or by the event."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.run_kinds import run_type_of
from extraction.schema import RunningData

TODAY = dt.date(2025, 6, 14)


@pytest.mark.parametrize(
    ("text", "run_type"),
    [
        # races by event words and results, in several languages
        ("club champs 3000m, 9:58", "race"),
        ("4x100 relay at the county meet, we won", "race"),
        ("ran the mile at the masters games, 6:40", "race"),
        ("did the santa mile, 7:02", "race"),
        ("10k this morning, 4th in my age group", "race"),
        ("came 12th overall, 41:20 for 10k", "race"),
        ("got a finisher medal, 5:02:11", "race"),
        ("100 miler, 27 hours, slept at an aid station", "race"),
        ("halbmarathon in 1:31:40", "race"),
        ("maraton de valencia, 3:05:12", "race"),
        ("lidingoloppet 30 km, 2:31", "race"),
        ("ran the last mile hard, 8 total", None),
        ("pb&j before 6 mi easy", "easy"),
        # long in other languages
        ("tirada larga 24k a 5:30", "long"),
        ("sortie longue 22 km", "long"),
        ("langer lauf 25 km", "long"),
        ("longao de 20 km", "long"),
        # easy and recovery in other languages
        ("lugnt 8 km", "easy"),
        ("rolig tur 6 km", "easy"),
        ("footing de recup 35'", "recovery"),
        ("regenerativo 5 km", "recovery"),
        ("regenerationslauf 7 km, locker", "recovery"),
        # hills: the word in other languages; a course's hills are no hill session
        ("cuestas 10 x 150 m", "hills"),
        ("backintervaller 8 x 60 sek", "hills"),
        ("30k, the hills at 20k were brutal", None),
        ("recovery 40 min, 7 km", "recovery"),
        # structure: repeats with rests are intervals, the rest no recovery run
        ("6 x 1k @ 3:35 off 90s", "intervals"),
        ("5 x 1 mile with 2 min jog recovery", "intervals"),
        ("400m x 10, 200 jog", "intervals"),
        ("1km x 5, rest 90 sec", "intervals"),
        ("fractionne 10 x 400, recup 1'", "intervals"),
        ("series de 1000 x 6", "intervals"),
        ("30 min with 1' hard / 2' easy", "fartlek"),
        # an explicit kind outweighs the structure it is run in
        ("2 x 20' at lt, 3' jog recovery", "threshold"),
        ("3 x 3k @ t pace, 1' rest", "threshold"),
        ("schwellenlauf 3 x 10 min", "threshold"),
        ("tempolauf 8 km", "tempo"),
    ],
)
def test_the_kind_of_run_is_read_from_every_cue(text: str, run_type: str | None) -> None:
    assert run_type_of(text) == run_type


@pytest.mark.parametrize(
    ("message", "run_type"),
    [
        ("インターバル 1000m x 5 今日", "intervals"),
        ("오늘 파틀렉 30분", "fartlek"),
        ("马拉松 3:29:50 今天", "race"),
        ("Lockerer Dauerlauf 10 km, 52:30, im Regen", "easy"),
    ],
)
def test_runs_in_other_scripts_and_languages_are_runs_of_their_kind(
    message: str, run_type: str
) -> None:
    (workout,) = extract(message, today=TODAY, tz="UTC", units="kg")
    data = workout.discipline_specific.running
    assert isinstance(data, RunningData)
    assert workout.discipline == "running"
    assert data.run_type == run_type


@pytest.mark.parametrize(
    "message",
    [
        "my little brother ran his first half today, 2:05!",
        "my best friend did her first parkrun this morning, 31:10",
        "Mi hermana corrió 10 km hoy en 55 min",
        "Ma femme a couru 12 km hier",
        "Meine Frau ist heute 8 km gelaufen",
        "Here's my 16-week marathon plan: wk 1 base 40 mi, wk 2 42 mi with strides",
        "tell me if this is too much: mon 8 km easy, wed 6 x 800, sat 20 km long",
        "Session for Thursday: 5 x 2k. The trail's a 30 min drive, worth it?",
        "Vou correr a meia de Lisboa em março, pode me dar um treino?",
        "Voy a correr 15 km el domingo",
        "내일 계획: 인터벌 1km x 6",
        "下周 计划: 马拉松 配速跑 20 km",
    ],
)
def test_other_peoples_runs_plans_and_asks_are_no_logs(message: str) -> None:
    assert extract(message, today=TODAY, tz="UTC", units="kg") == []


@pytest.mark.parametrize(
    ("message", "seconds"),
    [
        ("rodaje 10 km ayer, 52'40''", 3160),
        ("12 km easy, 61'05", 3665),
        ("trail 30 km, 3h12'20", 11540),
        ("half marathon, 1h38:05", 5885),
        ("marathon done in 4 hours 2 minutes 30 seconds", 14550),
        ("sortie longue 20 km, 1h52, a 5:36", 6720),
        ("10 min wu, 5 x 3 min hard, 10 min cd. 5.2 mi, 45 min", 2700),
        ("treadmill 5 km, 25 min flat", 1500),
    ],
)
def test_a_runs_time_is_read_in_every_notation(message: str, seconds: float) -> None:
    (workout,) = extract(message, today=TODAY, tz="UTC", units="kg")
    data = workout.discipline_specific.running or workout.discipline_specific.trail_running
    assert data is not None
    assert data.total_time == seconds
