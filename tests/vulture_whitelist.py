"""Names vulture cannot see used: hooks that LangChain, pydantic or Starlette call."""

from agent.offline import OfflineCoachModel
from agent.offline_context import OfflineContextMiddleware
from agent.resilience import TimedCall

OfflineCoachModel.bind_tools  # LangChain binds the agent's tools through it
OfflineCoachModel._agenerate
OfflineCoachModel._stream
OfflineCoachModel._astream
OfflineContextMiddleware.awrap_model_call  # LangChain's middleware hook
TimedCall.awrap_model_call
