"""Errors raised by the extraction package; callers catch `ExtractionError`."""

from __future__ import annotations


class ExtractionError(Exception):
    """Base class for every error the extraction package raises."""


class InvalidExtraction(ExtractionError):
    """An extraction request or result failed validation (bad time zone, units, or workout)."""
