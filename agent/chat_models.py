"""The chat-model factory: `offline`, `bedrock:<id>` or `openai:<model>` from one string."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel
from pydantic import SecretStr

from agent.resilience import IncompleteModelResponse


@dataclass(frozen=True)
class ModelFamily:
    """Per-family facts, kept in one table instead of scattered string checks."""

    prefix: str
    prompt_caching: bool
    max_output_tokens: int


# Bedrock model families and what they support (checked against the Bedrock prompt-caching
# docs' supported-model list, 2026-11). Matched by substring of the model id.
BEDROCK_FAMILIES: tuple[ModelFamily, ...] = (
    ModelFamily("anthropic.claude-haiku-4", True, 4096),
    ModelFamily("anthropic.claude-sonnet-4", True, 4096),
    ModelFamily("anthropic.claude-opus-4", True, 4096),
    ModelFamily("anthropic.claude-3-7-sonnet", True, 4096),
    ModelFamily("anthropic.claude-3-5-haiku", True, 4096),
    ModelFamily("amazon.nova", True, 4096),
)
DEFAULT_FAMILY = ModelFamily("", False, 2048)


def bedrock_family(model_id: str) -> ModelFamily:
    """The family entry for a Bedrock model id (inference-profile prefixes like `us.` ok)."""
    return next((f for f in BEDROCK_FAMILIES if f.prefix in model_id), DEFAULT_FAMILY)


def supports_prompt_caching(model: BaseChatModel) -> bool:
    """Whether the system prompt should carry a Bedrock cache point."""
    model_id = getattr(model, "model_id", None)
    return isinstance(model_id, str) and bedrock_family(model_id).prompt_caching


def build_chat_model(
    model_id: str,
    *,
    timeout_s: float = 60.0,
    max_workers: int = 64,
    openai_base_url: str | None = None,
    region: str | None = None,
    endpoint_url: str | None = None,
) -> BaseChatModel:
    """Build the chat model named by `COACH_MODEL`.

    Retries are not configured here: botocore's are switched off so the agent's retry
    middleware is the one retry policy.
    """
    kind, _, name = model_id.partition(":")
    if model_id == "offline":
        from agent.offline import OfflineCoachModel

        return OfflineCoachModel()
    if kind == "bedrock" and name:
        return _bedrock(name, timeout_s, max_workers, region, endpoint_url)
    if kind == "openai" and name:
        return _openai(name, timeout_s, max_workers, openai_base_url)
    raise ValueError(f"unknown model {model_id!r}: use offline, bedrock:<id> or openai:<model>")


def _bedrock(
    name: str, timeout_s: float, max_workers: int, region: str | None, endpoint_url: str | None
) -> BaseChatModel:
    import boto3
    from langchain_aws import ChatBedrockConverse

    from storage.aws import botocore_config

    config = botocore_config(
        max_workers, connect_timeout=min(10.0, timeout_s), read_timeout=timeout_s
    )
    # An explicit client, so its config (retries off, pool, timeouts) is visibly ours.
    client = boto3.client(
        "bedrock-runtime", region_name=region, endpoint_url=endpoint_url, config=config
    )
    client.meta.events.register("after-call.bedrock-runtime.Converse", _reject_incomplete)
    family = bedrock_family(name)
    return ChatBedrockConverse(
        model=name,
        client=client,
        region_name=client.meta.region_name,
        max_tokens=family.max_output_tokens,
        temperature=0.4,
    )


def _reject_incomplete(http_response: Any, parsed: dict[str, Any], **_: Any) -> None:
    """Raise IncompleteModelResponse for a 2xx Converse answer without its `output`.

    Such a body was cut off or is not JSON: botocore parses it to nothing, and
    langchain-aws would fail the turn on it instead of retrying.
    """
    if http_response.status_code < 300 and "output" not in parsed:
        raise IncompleteModelResponse("the model's reply arrived incomplete or unreadable")


def _openai(name: str, timeout_s: float, max_workers: int, base_url: str | None) -> BaseChatModel:
    try:
        import httpx2
        import openai
        from langchain_openai import ChatOpenAI
    except ImportError as exc:  # optional extra
        raise ImportError(
            "openai:<model> needs the optional extra: pip install 'coach-agent[openai]'"
        ) from exc
    # Our own connection pool, sized for concurrent turns like Bedrock's; langchain-openai
    # would otherwise share one cached client per URL across models and event loops.
    pool = httpx2.Limits(max_connections=max_workers, max_keepalive_connections=max_workers)
    return ChatOpenAI(
        model=name,
        base_url=base_url,
        api_key=SecretStr("not-needed"),
        timeout=timeout_s,
        max_retries=0,
        # Token usage arrives in a last chunk only when asked for (OpenAI-compatible
        # servers answer `stream_options.include_usage`).
        stream_usage=True,
        http_async_client=openai.DefaultAsyncHttpxClient(limits=pool, timeout=timeout_s),
    )


async def close_chat_model(model: BaseChatModel | None) -> None:
    """Close the HTTP connection pool a model built here owns.

    That is the OpenAI-compatible client's; Bedrock's boto3 client needs no closing.
    """
    client = getattr(model, "http_async_client", None)
    if client is not None:
        await client.aclose()
