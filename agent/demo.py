"""Re-export of the demo coach helper under the name the API and CLI use."""

from agent.coaches import DEMO_COACH_ID, ensure_demo_coach

__all__ = ["DEMO_COACH_ID", "ensure_demo_coach"]
