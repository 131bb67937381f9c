"""A wire-level fake of the Amazon Bedrock Runtime Converse API, served on loopback.

Why wire-level: mocking `ChatBedrockConverse` (or stubbing botocore) skips the code that
actually breaks in production -- SigV4 signing, the Converse JSON shapes, AWS event-stream
framing, error-code mapping, connection handling. This fake speaks HTTP on 127.0.0.1 so the
real langchain-aws -> boto3 -> botocore -> urllib3 stack runs unmodified, pointed at it
through `endpoint_url`.

Stdlib only. The package: `responses` (what a test scripts), `fake` (`FakeBedrock`: lifecycle,
script, request log), `server` (HTTP routing and fault delivery), `rendering` (a reply in
Converse's JSON and stream shapes), `eventstream` (AWS event-stream framing), `validation`
(Bedrock's request checks), `recording` (requests as received). Usage::

    with FakeBedrock() as fake:
        fake.add_text("Hello there")
        fake.add_tool_call("log_workout", {"kind": "run", "km": 5})
        fake.add_error(429, "ThrottlingException")
        model = ChatBedrockConverse(model=..., endpoint_url=fake.endpoint_url, ...)
        ...
        assert fake.system_text(0) == "You are a coach."

Scripted responses form one FIFO queue shared by `converse` and `converse-stream`: each
request takes the next one and renders it in that operation's wire format. When the queue
is empty, the `handler` hook (if any) is asked, then the `default` response is used.
"""

from tests.fakes.bedrock.eventstream import encode_event_frame
from tests.fakes.bedrock.fake import FakeBedrock
from tests.fakes.bedrock.recording import Operation, RecordedRequest, forced_tool_name
from tests.fakes.bedrock.responses import (
    DEFAULT_TEXT,
    BreakMode,
    BrokenStream,
    ErrorReply,
    Handler,
    Reply,
    Response,
    ToolUse,
)

__all__ = [
    "DEFAULT_TEXT",
    "BreakMode",
    "BrokenStream",
    "ErrorReply",
    "FakeBedrock",
    "Handler",
    "Operation",
    "RecordedRequest",
    "Reply",
    "Response",
    "ToolUse",
    "encode_event_frame",
    "forced_tool_name",
]
