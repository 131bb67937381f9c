"""A load as the athlete wrote it, before the unit they left out is filled in."""

from __future__ import annotations

from dataclasses import dataclass

from .numbers import KG_PER_POOD, MAX_LOAD, normalise_weight_unit
from .schema import WeightUnit


@dataclass(slots=True)
class RawLoad:
    """A weight as written: unit None when the athlete gave none."""

    value: float
    unit: WeightUnit | None


def make_load(value: str, unit: str | None) -> RawLoad | None:
    """A load as written, or None when no lift is that heavy (a typo or not a weight)."""
    if unit and unit.startswith("pood"):
        load = RawLoad(round(float(value) * KG_PER_POOD, 2), "kg")
    else:
        load = RawLoad(float(value), normalise_weight_unit(unit) if unit else None)
    return load if load.value <= MAX_LOAD else None
