"""The `coach` command: serve, init, repair, token, chat and extract.

Exit codes: 0 ok, 1 runtime error (clear message on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shlex
import socket
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from agent.coaches import ensure_demo_coach
from agent.errors import AgentError
from agent.events import ChatResult, DoneEvent, ErrorEvent, TokenEvent
from agent.turn import TurnRunner
from api.auth import USER_ID, issue_token
from api.runtime import (
    local_token_secret,
    open_configured_store,
    open_runtime,
    signing_secret,
)
from api.settings import Settings
from storage.errors import StorageError
from storage.ids import new_id
from storage.models import Conversation
from storage.protocols import Store

DEMO_USER = "demo"
TOKEN_TTL_S = 86400
BASE_URL = "http://127.0.0.1:8000"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `coach` command and return its exit code."""
    args = build_parser().parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        return command(args)
    except ValidationError as exc:
        return _fail(f"configuration error (COACH_* environment):\n{exc}")
    except (StorageError, AgentError, OSError, ValueError) as exc:
        return _fail(str(exc) or type(exc).__name__)
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one sub-command per verb, each with its own --help."""
    parser = argparse.ArgumentParser(
        prog="coach", description="AI coaching service: run the API, chat, extract workouts."
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the HTTP API", description="Run the HTTP API.")
    serve.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--workers",
        type=int,
        default=None,
        help="server processes, one per CPU core for throughput (default COACH_WORKERS or 1)",
    )
    serve.set_defaults(command=_serve)

    init = commands.add_parser(
        "init",
        help="create the store (idempotent)",
        description="Create the local store, or the DynamoDB table and S3 bucket. Idempotent.",
    )
    init.add_argument(
        "--demo", action="store_true", help=f"also create the demo coach for user {DEMO_USER!r}"
    )
    init.set_defaults(command=_init)

    repair = commands.add_parser(
        "repair",
        help="rewrite transcripts and workout files from the table",
        description="Bring every copy (transcripts, their metadata, workout files) back to "
        "what the table holds, remove copies of deleted conversations and workouts, and "
        "empty the outbox. Idempotent; safe while the service runs.",
    )
    repair.add_argument("--user", type=_user_id, help="only this user (default: everyone)")
    repair.set_defaults(command=_repair)

    token = commands.add_parser(
        "token",
        help="print a bearer token",
        description="Print a HS256 bearer token signed with COACH_JWT_SECRET or the local secret.",
    )
    token.add_argument("--user", required=True, type=_user_id, help="the token's subject")
    token.add_argument(
        "--ttl",
        type=_positive_int,
        help=f"lifetime in seconds (default {TOKEN_TTL_S}, at most COACH_JWT_MAX_LIFETIME_S)",
    )
    token.set_defaults(command=_token)

    chat = commands.add_parser(
        "chat",
        help="chat with a coach in the terminal",
        description="Chat in the terminal over the API's turn code path. "
        "Reads lines until EOF or /quit, so it can be piped.",
    )
    chat.add_argument("--coach", help="coach id (default: the demo coach, created if missing)")
    chat.add_argument("--user", type=_user_id, default=DEMO_USER, help="user id (default demo)")
    chat.add_argument("--conversation", help="continue this conversation (default: a new one)")
    chat.set_defaults(command=_chat)

    extract = commands.add_parser(
        "extract",
        help="print the workouts the deterministic extractor finds in TEXT",
        description='Print {"workouts": [...]} (Universal Workout Schema, nulls left out).',
    )
    extract.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    extract.add_argument("--tz", type=_zone, default="UTC", help="IANA time zone (default UTC)")
    extract.add_argument("--units", choices=["lb", "kg"], default="lb", help="default weight unit")
    extract.add_argument("text", nargs="+", metavar="TEXT", help="what the athlete said")
    extract.set_defaults(command=_extract)
    return parser


# argument types (argparse turns their ValueError into a usage error, exit 2)


def _user_id(value: str) -> str:
    if not USER_ID.fullmatch(value):
        raise argparse.ArgumentTypeError("1-128 letters, digits or _.@+- (starting alphanumeric)")
    return value


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return number


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown time zone {value!r}") from None
    return value


def _fail(message: str) -> int:
    print(f"coach: error: {message}", file=sys.stderr)
    return 1


# commands


def _serve(args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from api.main import create_app
    from api.server import server_config

    settings = Settings()
    workers = settings.workers if args.workers is None else args.workers
    if workers < 1:
        return _fail("--workers must be at least 1")
    if workers == 1:
        server = uvicorn.Server(
            server_config(create_app(settings), settings, host=args.host, port=args.port)
        )
        server.run()
        return 0 if server.started else _fail("the server did not start (see the log above)")
    # Each worker process builds its own app from the same environment. What they share
    # on disk is made once here first: the local signing secret and the store.
    if settings.storage == "local":
        signing_secret(settings)
        asyncio.run(_create_store(settings, demo=False))
    config = server_config(
        "api.main:create_app",
        settings,
        factory=True,
        workers=workers,
        host=args.host,
        port=args.port,
    )
    Multiprocess(config, sockets=[listening_socket(args.host, args.port)]).run()
    return 0


def listening_socket(host: str, port: int) -> socket.socket:
    """The socket the worker processes accept on, created as an explicit TCP socket.

    asyncio sets TCP_NODELAY only on connections accepted from a socket whose protocol
    is IPPROTO_TCP; uvicorn's own (protocol 0) left Nagle on, and each response then
    waited for the client's delayed ACK: 44 ms for /healthz, measured.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _init(args: argparse.Namespace) -> int:
    settings = Settings()
    coach_id = asyncio.run(_create_store(settings, demo=args.demo))
    where = settings.data_dir if settings.storage == "local" else settings.table
    print(f"store ready ({settings.storage}: {where})")
    if coach_id is not None:
        _print_demo_help(settings, coach_id)
    return 0


async def _create_store(settings: Settings, *, demo: bool) -> str | None:

    store = open_configured_store(settings)
    try:
        await store.init()
        return (await ensure_demo_coach(store, DEMO_USER)).coach_id if demo else None
    finally:
        await store.close()


def _repair(args: argparse.Namespace) -> int:
    users = asyncio.run(_repair_store(Settings(), args.user))
    print(f"copies repaired for {users} user{'' if users == 1 else 's'}")
    return 0


async def _repair_store(settings: Settings, user_id: str | None) -> int:
    store = open_configured_store(settings)
    try:
        return await store.repair_copies(user_id)
    finally:
        await store.close()


def _program() -> str:
    """How the user can run this same `coach` again (e.g. `.venv/bin/coach` from make)."""
    path = Path(sys.argv[0])
    if path.name != "coach" or str(path.parent) in ("", "."):
        return "coach"
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _print_demo_help(settings: Settings, coach_id: str) -> None:
    print(f"demo coach {coach_id!r} ready for user {DEMO_USER!r}. Chat in the terminal:")
    print(f"  {_program()} chat --coach {coach_id}")
    if local_token_secret(settings) is None:
        print("Over HTTP, use a token from your identity provider (COACH_JWKS_URL).")
        return
    token = _local_token(settings, DEMO_USER, None)
    # The token rides in the fragment, which the browser never sends to the server.
    print(f"Open the web app (after `coach serve`), signed in as {DEMO_USER!r}:")
    print(f"  {BASE_URL}/#token={token}")
    print("Or over HTTP, start a conversation:")
    print(
        f"  curl -s -X POST -H {shlex.quote('Authorization: Bearer ' + token)} "
        f"{BASE_URL}/v1/coaches/{coach_id}/conversations"
    )
    print("then send a message with the returned conversation_id:")
    print(
        f"  curl -s -H {shlex.quote('Authorization: Bearer ' + token)} "
        "-H 'Content-Type: application/json' "
        '-d \'{"content": "Did Fran in 8:57 with 95 lb thrusters"}\' '
        f"{BASE_URL}/v1/coaches/{coach_id}/conversations/CONVERSATION_ID/messages"
    )


def _token(args: argparse.Namespace) -> int:
    print(_local_token(Settings(), args.user, args.ttl))
    return 0


def _local_token(settings: Settings, user_id: str, ttl_s: int | None) -> str:
    """A token the configured server accepts, or ValueError (exit 1) saying why not."""
    ttl_s = ttl_s or min(TOKEN_TTL_S, settings.jwt_max_lifetime_s)
    if ttl_s > settings.jwt_max_lifetime_s:
        raise ValueError(
            f"--ttl {ttl_s} is over COACH_JWT_MAX_LIFETIME_S ({settings.jwt_max_lifetime_s}): "
            "the server would refuse the token"
        )
    secret = local_token_secret(settings)
    if secret is None and settings.jwks_url:
        raise ValueError(
            "COACH_JWKS_URL is set, so the server accepts only its identity provider's "
            "tokens; set COACH_ALLOW_LOCAL_TOKENS=true to accept local ones as well"
        )
    if secret is None:
        raise ValueError("no signing secret: set COACH_JWT_SECRET (or use COACH_STORAGE=local)")
    return issue_token(
        secret,
        user_id,
        ttl_s=ttl_s,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        token_use=settings.jwt_token_use,
    )


def _chat(args: argparse.Namespace) -> int:
    return asyncio.run(_chat_session(Settings(), args))


async def _chat_session(settings: Settings, args: argparse.Namespace) -> int:

    async with open_runtime(settings) as runtime:
        store = runtime.store
        if args.coach:
            coach = await store.get_coach(args.user, args.coach)
        else:
            coach = await ensure_demo_coach(store, args.user)
        conversation_id = await _conversation(store, args.user, coach.coach_id, args.conversation)
        print(
            f"Chatting with {coach.coach_name} (conversation {conversation_id}). "
            "Type /quit or press Ctrl-D to leave.",
            file=sys.stderr,
        )
        async for line in _input_lines():
            if line == "/quit":
                break
            if line:
                await _turn(runtime.runner, args.user, coach.coach_id, conversation_id, line)
    return 0


async def _conversation(store: Store, user_id: str, coach_id: str, wanted: str | None) -> str:
    if wanted:
        return (await store.get_conversation(user_id, coach_id, wanted)).conversation_id
    created = await store.create_conversation(
        Conversation(user_id=user_id, coach_id=coach_id, conversation_id=new_id())
    )
    return created.conversation_id


async def _input_lines() -> AsyncIterator[str]:
    """Stripped stdin lines until EOF, read off the event loop."""
    interactive = sys.stdin.isatty()
    while True:
        if interactive:
            print("you> ", end="", flush=True)
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:
            return
        yield line.strip()


async def _turn(
    runner: TurnRunner, user_id: str, coach_id: str, conversation_id: str, text: str
) -> None:
    """Stream one reply to stdout, then what was logged and remembered."""
    prefix = "coach> "
    try:
        async for event in runner.stream(user_id, coach_id, conversation_id, text):
            if isinstance(event, TokenEvent):
                print(prefix + event.text, end="", flush=True)
                prefix = ""
            elif isinstance(event, DoneEvent):
                print()
                _print_changes(event.result)
            elif isinstance(event, ErrorEvent):
                print()
                print(f"[{event.code}] {event.message}", file=sys.stderr)
    except AgentError as exc:  # e.g. MessageRejected: say so and keep chatting
        print(f"[{exc.code}] {exc}", file=sys.stderr)


def _print_changes(result: ChatResult) -> None:
    for workout in result.workouts:
        name = workout.workout_name or workout.discipline
        print(f"  logged: {name} on {workout.date} ({workout.workout_id})")
    for memory in result.memories.saved:
        print(f"  remembered: {memory.content}")
    for memory in result.memories.updated:
        print(f"  updated memory: {memory.content}")
    for forgotten in result.memories.forgotten:
        print(f"  forgot: {forgotten.content}")


def _extract(args: argparse.Namespace) -> int:
    from extraction import extract

    today = args.today or datetime.now(ZoneInfo(args.tz)).date()
    workouts = extract(" ".join(args.text), today=today, tz=args.tz, units=args.units)
    body = {"workouts": [w.model_dump(mode="json", exclude_none=True) for w in workouts]}
    print(json.dumps(body, indent=2))
    return 0
