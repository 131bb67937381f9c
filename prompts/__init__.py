"""Prompt text as files, and the one small loader that renders them."""

from prompts.loader import catalogue, load, render

__all__ = ["catalogue", "load", "render"]
