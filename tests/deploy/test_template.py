"""deploy/template.yaml: cfn-lint clean, the table `coach init` creates, storage locked
down, least-privilege IAM, and a service environment the service accepts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from cfnlint.api import ManualArgs, lint_file
from cfnlint.decode import decode

from agent.offline import OfflineCoachModel
from agent.resilience import model_retry
from api.cli import main as coach
from api.settings import Settings
from storage.factory import open_store
from tests.factories import PAGE_SECRET, runner, seed_athlete
from tests.storage.conftest import (
    moto,  # noqa: F401 (a fixture)
    serial_mock_aws,
)
from tests.storage.recording import ApiCall, recorded_calls

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "template.yaml"
REGIONS = ["us-east-1", "us-west-2", "eu-west-1"]
PSEUDO = {
    "AWS::Region": "us-east-1",
    "AWS::AccountId": "123456789012",
    "AWS::Partition": "aws",
    "AWS::URLSuffix": "amazonaws.com",
    "AWS::StackName": "coach",
}
MODEL_CALLS_PER_TURN = 3
"""The most model calls a turn makes in bench/bench_turn.py (a workout log whose
deterministic draft is incomplete)."""

# What a request needs from IAM, where that is not `service:Operation`.
IAM_ACTIONS = {
    ("s3", "HeadBucket"): ["s3:ListBucket"],
    ("s3", "HeadObject"): ["s3:GetObject"],
    ("s3", "ListObjectVersions"): ["s3:ListBucketVersions"],
    ("s3", "DeleteObjects"): ["s3:DeleteObject", "s3:DeleteObjectVersion"],
}
TRANSACT_ACTIONS = {
    "Put": "dynamodb:PutItem",
    "Update": "dynamodb:UpdateItem",
    "Delete": "dynamodb:DeleteItem",
    "ConditionCheck": "dynamodb:ConditionCheckItem",
}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    decoded, errors = decode(str(TEMPLATE))
    assert not errors and decoded is not None
    return dict(decoded)


def resource(template: dict[str, Any], name: str) -> dict[str, Any]:
    properties: dict[str, Any] = template["Resources"][name]["Properties"]
    return properties


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def resolve(template: dict[str, Any], value: Any) -> Any:
    """A value with Ref, Fn::GetAtt and Fn::Sub replaced: parameters by their defaults,
    resources by `<name>-id` (`<name>.<attribute>-id`), pseudo parameters by fixed values."""

    def ref(name: str) -> str:
        if name in PSEUDO:
            return PSEUDO[name]
        parameter = template["Parameters"].get(name)
        if parameter is not None:
            return str(parameter.get("Default", f"{name}-value"))
        assert name.split(".")[0] in template["Resources"], f"unknown reference {name}"
        return f"{name}-id"

    if isinstance(value, dict) and "Ref" in value:
        return ref(value["Ref"])
    if isinstance(value, dict) and "Fn::GetAtt" in value:
        return ref(".".join(value["Fn::GetAtt"]))
    if isinstance(value, dict) and "Fn::Sub" in value:
        assert isinstance(value["Fn::Sub"], str)
        return re.sub(r"\$\{([\w:.]+)\}", lambda m: ref(m.group(1)), value["Fn::Sub"])
    return value


def statements(template: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(resource name, statement) of every policy document in the template."""
    for name, body in template["Resources"].items():
        properties = body.get("Properties", {})
        documents = [properties.get("PolicyDocument"), properties.get("AssumeRolePolicyDocument")]
        if body["Type"] in ("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"):
            documents += [policy["PolicyDocument"] for policy in properties.get("Policies", [])]
        for document in filter(None, documents):
            for statement in document["Statement"]:
                yield name, statement


def task_role_grants(template: dict[str, Any]) -> dict[str, list[str]]:
    """Action → the resources the task role allows it on."""
    grants: dict[str, list[str]] = {}
    for policy in resource(template, "TaskRole")["Policies"]:
        for statement in policy["PolicyDocument"]["Statement"]:
            assert statement["Effect"] == "Allow"
            for action in as_list(statement["Action"]):
                grants.setdefault(action, []).extend(
                    str(resolve(template, r)) for r in as_list(statement["Resource"])
                )
    return grants


def container(template: dict[str, Any]) -> dict[str, Any]:
    (definition,) = resource(template, "TaskDefinition")["ContainerDefinitions"]
    return dict(definition)


# -- lint ----------------------------------------------------------------------------


def test_cfn_lint_finds_nothing_informational_checks_included() -> None:
    matches = lint_file(TEMPLATE, config=ManualArgs(regions=REGIONS, include_checks=["I"]))
    assert [str(match) for match in matches] == []


# -- storage ---------------------------------------------------------------------------


def describe_what_coach_init_creates(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """`coach init` on moto, then the table as DynamoDB describes it."""
    monkeypatch.setenv("COACH_STORAGE", "aws")
    monkeypatch.setenv("COACH_TABLE", "coach-init")
    monkeypatch.setenv("COACH_BUCKET", "coach-init-athletes")
    monkeypatch.setenv("COACH_JWT_SECRET", "s" * 32)
    with serial_mock_aws():
        assert coach(["init"]) == 0
        client = boto3.client("dynamodb", region_name="us-east-1")
        table = client.describe_table(TableName="coach-init")["Table"]
        ttl = client.describe_time_to_live(TableName="coach-init")["TimeToLiveDescription"]
    return {
        "BillingMode": table["BillingModeSummary"]["BillingMode"],
        "AttributeDefinitions": table["AttributeDefinitions"],
        "KeySchema": table["KeySchema"],
        "GlobalSecondaryIndexes": table["GlobalSecondaryIndexes"],
        "TimeToLive": ttl["AttributeName"],
    }


def comparable(table: dict[str, Any]) -> dict[str, Any]:
    """The parts of a table definition both sides must agree on, in one order."""
    return {
        "BillingMode": table["BillingMode"],
        "AttributeDefinitions": sorted(
            (a["AttributeName"], a["AttributeType"]) for a in table["AttributeDefinitions"]
        ),
        "KeySchema": [(k["AttributeName"], k["KeyType"]) for k in table["KeySchema"]],
        "GlobalSecondaryIndexes": sorted(
            (
                index["IndexName"],
                tuple((k["AttributeName"], k["KeyType"]) for k in index["KeySchema"]),
                index["Projection"]["ProjectionType"],
            )
            for index in table["GlobalSecondaryIndexes"]
        ),
        "TimeToLive": table["TimeToLive"],
    }


def test_table_is_the_one_coach_init_creates(
    template: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    table = resource(template, "Table")
    ours = {**table, "TimeToLive": table["TimeToLiveSpecification"]["AttributeName"]}
    assert table["TimeToLiveSpecification"]["Enabled"] is True
    assert comparable(ours) == comparable(describe_what_coach_init_creates(monkeypatch))


def test_table_is_recoverable_encrypted_and_kept(template: dict[str, Any]) -> None:
    table = resource(template, "Table")
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["SSESpecification"] == {"SSEEnabled": True}
    assert table["DeletionProtectionEnabled"] is True
    for name in ("Table", "Bucket", "UserPool"):
        assert template["Resources"][name]["DeletionPolicy"] == "Retain"


def test_bucket_is_encrypted_versioned_and_private(template: dict[str, Any]) -> None:
    bucket = resource(template, "Bucket")
    (rule,) = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("AES256", "aws:kms")
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    assert bucket["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "IgnorePublicAcls": True,
        "BlockPublicPolicy": True,
        "RestrictPublicBuckets": True,
    }


def test_bucket_refuses_plain_http(template: dict[str, Any]) -> None:
    policy = resource(template, "BucketPolicy")
    assert policy["Bucket"] == {"Ref": "Bucket"}
    denials = [
        statement
        for statement in policy["PolicyDocument"]["Statement"]
        if statement["Effect"] == "Deny"
        and statement["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    ]
    (tls_only,) = denials
    assert tls_only["Principal"] == "*" and tls_only["Action"] == "s3:*"
    assert tls_only["Resource"] == [
        {"Fn::GetAtt": ["Bucket", "Arn"]},
        {"Fn::Sub": "${Bucket.Arn}/*"},
    ]


def test_exports_expire_and_old_versions_do_not_pile_up(template: dict[str, Any]) -> None:
    rules = {r["Id"]: r for r in resource(template, "Bucket")["LifecycleConfiguration"]["Rules"]}
    exports = rules["expire-exports"]
    assert exports["Status"] == "Enabled" and "ExpirationInDays" in exports
    assert exports["TagFilters"] == [{"Key": "coach-kind", "Value": "export"}]
    versions = rules["expire-old-versions"]
    assert "Prefix" not in versions and "TagFilters" not in versions  # the whole bucket
    assert "NoncurrentDays" in versions["NoncurrentVersionExpiration"]


# -- IAM -------------------------------------------------------------------------------


def test_no_statement_allows_a_wildcard_action(template: dict[str, Any]) -> None:
    found = list(statements(template))
    assert len(found) >= 8
    for name, statement in found:
        if statement["Effect"] != "Allow":
            continue
        resources = as_list(statement.get("Resource", []))
        for action in as_list(statement["Action"]):
            assert action != "*" and not action.endswith(":*"), f"{name}: {action}"
            assert "*" not in action or "*" not in resources, f"{name}: {action} on *"


def test_task_role_names_its_model_table_and_bucket(template: dict[str, Any]) -> None:
    grants = task_role_grants(template)
    assert all("*" != r for resources in grants.values() for r in resources)
    model = resolve(template, {"Ref": "ModelId"})
    foundation = resolve(template, {"Ref": "FoundationModelId"})
    for action in ("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"):
        assert grants[action] == [
            f"arn:aws:bedrock:us-east-1:123456789012:inference-profile/{model}",
            f"arn:aws:bedrock:*::foundation-model/{foundation}",
        ]
    for action, resources in grants.items():
        if action.startswith("dynamodb:"):
            assert set(resources) <= {"Table.Arn-id", "Table.Arn-id/index/*"}, action
        if action.startswith("s3:"):
            assert resources in (["Bucket.Arn-id"], ["Bucket.Arn-id/*"]), action


def iam_actions(call: ApiCall) -> list[str]:
    """The IAM actions one recorded request needs."""
    if call.operation == "TransactWriteItems":
        return [TRANSACT_ACTIONS[next(iter(item))] for item in call.params["TransactItems"]]
    if call.operation == "PutObject" and "Tagging" in call.params:
        return ["s3:PutObject", "s3:PutObjectTagging"]
    return IAM_ACTIONS.get((call.service, call.operation), [f"{call.service}:{call.operation}"])


@pytest.mark.usefixtures("moto")
async def test_task_role_allows_every_request_the_service_makes(
    template: dict[str, Any], tmp_path: Path
) -> None:
    """Turns of every kind, summaries, reads, deletes, an export, an account erase and
    /readyz on moto (one request at a time, as the contract suite runs it): each request
    they send is one the task role allows."""
    with recorded_calls() as calls:
        store = open_store(
            "aws",
            data_dir=tmp_path,
            table="coach",
            bucket="coach-athletes",
            page_secret=PAGE_SECRET,
        )
        await store.init()
        calls.clear()  # `coach init`'s requests are the operator's, not the service's
        coach_id, conversation_id = await seed_athlete(store, "ann")
        turns = runner(store, OfflineCoachModel(), summary_every=2)
        for text in (
            "Did Fran in 8:57 with 95 lb thrusters",
            "remember that I have a bad left knee",
            "forget about my knee",
            "how's it going?",
        ):
            await turns.run("ann", coach_id, conversation_id, text, client_message_id=text)
        await turns.drain()
        await store.ping()
        [workout] = (await store.list_workouts("ann")).items
        await store.delete_workout("ann", workout.workout_id)
        await store.delete_conversation("ann", coach_id, conversation_id)
        await store.delete_coach("ann", coach_id)
        await store.publish_export("ann", await store.export_user("ann"))
        await store.erase_user("ann")
        await store.close()
    needed = {action for call in calls for action in iam_actions(call)}
    assert {"dynamodb:TransactWriteItems", "s3:PutObject"} & {
        f"{c.service}:{c.operation}" for c in calls
    }
    assert needed - set(task_role_grants(template)) == set()


# -- the service -----------------------------------------------------------------------


def container_environment(template: dict[str, Any]) -> dict[str, str]:
    """The container's environment and secrets, resolved with placeholder values."""
    definition = container(template)
    env = {
        item["Name"]: str(resolve(template, item["Value"])) for item in definition["Environment"]
    }
    for secret in definition["Secrets"]:
        assert resolve(template, secret["ValueFrom"]) == "PageSecret-id"
        env[secret["Name"]] = "p" * 48
    return env


def test_service_environment_is_one_the_service_starts_with(
    template: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    env = container_environment(template)
    fields = {f"COACH_{name.upper()}" for name in Settings.model_fields}
    assert set(env) <= fields | {"COACH_AWS_REGION"}, "every variable is a setting"
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert settings.storage == "aws" and settings.table == "Table-id"
    assert settings.bucket == "Bucket-id" and settings.aws_region == "us-east-1"
    assert settings.model == "bedrock:" + resolve(template, {"Ref": "ModelId"})
    assert settings.jwt_secret is None and settings.page_secret == "p" * 48
    pool = "https://cognito-idp.us-east-1.amazonaws.com/UserPool-id"
    assert settings.jwks_url == f"{pool}/.well-known/jwks.json"
    assert settings.jwt_issuer == pool and settings.jwt_audience == "UserPoolClient-id"


def test_idle_timeout_outlasts_the_longest_turn(template: dict[str, Any]) -> None:
    """A JSON reply sends no byte until its turn is done: every model call of the turn may
    use all its attempts, each to the timeout, with the backoff between them."""
    parameters = template["Parameters"]
    attempts = int(parameters["ModelMaxAttempts"]["Default"])
    timeout_s = int(parameters["ModelTimeoutSeconds"]["Default"])
    backoff_s = model_retry(max_attempts=attempts).max_delay
    longest_turn_s = MODEL_CALLS_PER_TURN * (attempts * timeout_s + (attempts - 1) * backoff_s)
    idle = next(
        attribute["Value"]
        for attribute in resource(template, "LoadBalancer")["LoadBalancerAttributes"]
        if attribute["Key"] == "idle_timeout.timeout_seconds"
    )
    idle_s = int(resolve(template, idle))
    assert idle_s >= longest_turn_s
    keepalive_timeout_s = int(container_environment(template)["COACH_KEEPALIVE_TIMEOUT_S"])
    assert keepalive_timeout_s > int(parameters["IdleTimeoutSeconds"]["MaxValue"]) >= idle_s


def test_health_checks_hit_healthz(template: dict[str, Any]) -> None:
    assert resource(template, "TargetGroup")["HealthCheckPath"] == "/healthz"
    command = container(template)["HealthCheck"]["Command"]
    assert command[:2] == ["CMD", "python"] and "/healthz" in command[-1]


def test_alarms_watch_errors_latency_and_throttling(template: dict[str, Any]) -> None:
    metrics = set()
    for body in template["Resources"].values():
        if body["Type"] != "AWS::CloudWatch::Alarm":
            continue
        properties = body["Properties"]
        assert properties["AlarmActions"] == [{"Ref": "AlarmTopic"}]
        if "MetricName" in properties:
            metrics.add(properties["MetricName"])
        for query in properties.get("Metrics", []):
            if "MetricStat" in query:
                metrics.add(query["MetricStat"]["Metric"]["MetricName"])
    assert {
        "HTTPCode_Target_5XX_Count",
        "HTTPCode_ELB_5XX_Count",
        "TargetResponseTime",
        "InvocationThrottles",
        "ReadThrottleEvents",
        "WriteThrottleEvents",
    } <= metrics
