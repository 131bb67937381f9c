"""The chat endpoint: one message in, the coach's reply out (JSON or Server-Sent Events)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response
from sse_starlette import EventSourceResponse

from api.deps import ChatDep, CoachId, ConversationId, UserDep
from api.schemas.chat import ChatReply, ChatRequest

router = APIRouter(prefix="/v1/coaches/{coach_id}/conversations", tags=["chat"])

_SSE_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The turn's result, or with `Accept: text/event-stream` its events: "
        "`token`…, `workout`, `memory`, then `done` (this object) or `error`. `done` has "
        "the reply as stored: if the model's stream broke and the retry wrote something "
        "else, tokens stop where it departed from what was already sent.",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    }
}


@router.post("/{conversation_id}/messages", response_model=ChatReply, responses=_SSE_DOC)
async def post_message(
    coach_id: CoachId,
    conversation_id: ConversationId,
    body: ChatRequest,
    user: UserDep,
    chat: ChatDep,
    accept: Annotated[str | None, Header(max_length=1024)] = None,
) -> Response:
    """Send one message to the coach; get the reply, logged workouts and memory changes."""
    if accept and "text/event-stream" in accept:
        events = await chat.stream(user, coach_id, conversation_id, body)
        return EventSourceResponse(events, ping=15)
    result = await chat.run(user, coach_id, conversation_id, body)
    # Already validated: serialise once instead of re-validating it.
    return Response(ChatReply.of(result).model_dump_json(), media_type="application/json")
