"""Ids sort by creation, also within one millisecond (messages are ordered by id)."""

from __future__ import annotations

from datetime import date

import pytest

from storage import ids


def test_ids_made_in_a_row_are_unique_and_sorted() -> None:
    made = [ids.new_id() for _ in range(20_000)]
    assert made == sorted(made)
    assert len(set(made)) == len(made)


def test_ids_in_the_same_millisecond_still_sort_by_creation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("storage.ids.time.time_ns", lambda: 1_700_000_000_000_000_000)
    made = [ids.new_id() for _ in range(500)]
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    assert len(made[0]) == 26


def test_a_clock_stepping_back_does_not_reorder_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    later = ids.new_id()
    monkeypatch.setattr("storage.ids.time.time_ns", lambda: 1_000_000_000_000_000)
    assert ids.new_id() > later


def test_workout_ids_lead_with_their_date() -> None:
    assert ids.workout_id(date(2026, 11, 23)).startswith("20261123-")
