"""DynamoDB engine of the item layer, on an already-built boto3 client.

Numbers cross the boundary in one place (`to_dynamo`/`from_dynamo`): floats go in as
Decimal (boto3 refuses float) and come back as float, integral numbers come back as
int. DynamoDB normalises `3.0` to `3`, so a whole float in an untyped payload reads
back as the equal int; typed fields (pydantic `float`) are unaffected.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from contextlib import AbstractContextManager
from decimal import Decimal, DecimalException
from typing import Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.client import BaseClient
from botocore.exceptions import ClientError
from typing_extensions import override

from storage.aws import aws_errors
from storage.calls import Transient
from storage.items import (
    Absent,
    AllOf,
    AnyOf,
    Below,
    Check,
    Condition,
    Delete,
    Equals,
    Exists,
    Item,
    Key,
    Put,
    Query,
    QueryResult,
    Table,
    Update,
    VersionIs,
    Write,
)

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()

INDEXES = {"GSI1": ("gsi1pk", "gsi1sk"), "GSI2": ("gsi2pk", "gsi2sk"), "GSI3": ("entityType", "pk")}
"""GSI name → (partition key, sort key); all project ALL."""


def to_dynamo(value: Any) -> dict[str, Any]:
    """A plain JSON-like value as a DynamoDB AttributeValue.

    Raises:
        ValueError: a number DynamoDB cannot hold (38 digits, magnitude 1E-130..1E+126).
    """
    try:
        serialized: dict[str, Any] = _serializer.serialize(_decimals(value))
        return serialized
    except DecimalException as exc:
        raise ValueError(f"a number in {value!r} is outside DynamoDB's range") from exc


def from_dynamo(value: dict[str, Any]) -> Any:
    """A DynamoDB AttributeValue as a plain value: Decimal → int if integral, else float."""
    return _plain(_deserializer.deserialize(value))


def _decimals(value: Any) -> Any:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} cannot be stored: DynamoDB numbers are finite")
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {key: _decimals(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_decimals(item) for item in value]
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _item(raw: dict[str, Any]) -> Item:
    return {name: from_dynamo(value) for name, value in raw.items()}


class _Expression:
    """Placeholders for one request, so any attribute name (`ttl`, `count`) is safe."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._values: dict[str, Any] = {}

    def path(self, dotted: str) -> str:
        parts = []
        for name in dotted.split("."):
            parts.append(self._names.setdefault(name, f"#n{len(self._names)}"))
        return ".".join(parts)

    def value(self, value: Any) -> str:
        placeholder = f":v{len(self._values)}"
        self._values[placeholder] = to_dynamo(value)
        return placeholder

    def condition(self, when: Condition) -> str:
        match when:
            case Absent():
                return f"attribute_not_exists({self.path('pk')})"
            case Exists():
                return f"attribute_exists({self.path('pk')})"
            case VersionIs(version=version):
                return f"{self.path('version')} = {self.value(version)}"
            case Below(path=path, limit=limit):
                at = self.path(path)
                return f"(attribute_not_exists({at}) OR {at} < {self.value(limit)})"
            case Equals(path=path, value=expected):
                return f"{self.path(path)} = {self.value(expected)}"
            case AnyOf(conditions=conditions):
                return "(" + " OR ".join(self.condition(c) for c in conditions) + ")"
            case AllOf(conditions=conditions):
                return "(" + " AND ".join(self.condition(c) for c in conditions) + ")"

    def update(self, op: Update) -> str:
        sets = [f"{self.path(path)} = {self.value(value)}" for path, value in op.set.items()]
        for path, value in op.init.items():
            at = self.path(path)
            sets.append(f"{at} = if_not_exists({at}, {self.value(value)})")
        for path, step in op.add.items():
            # An atomic increment, like ADD, that also works on paths inside maps.
            at = self.path(path)
            sets.append(f"{at} = if_not_exists({at}, {self.value(0)}) + {self.value(step)}")
        clauses = [f"SET {', '.join(sets)}"] if sets else []
        if op.remove:
            clauses.append("REMOVE " + ", ".join(self.path(path) for path in op.remove))
        return " ".join(clauses)

    def arguments(self) -> dict[str, Any]:
        names = {placeholder: name for name, placeholder in self._names.items()}
        arguments: dict[str, Any] = {"ExpressionAttributeNames": names} if names else {}
        if self._values:
            arguments["ExpressionAttributeValues"] = self._values
        return arguments


class DynamoTable(Table):
    """The single table: pk/sk strings, GSI1-3, PAY_PER_REQUEST, TTL on `ttl`."""

    def __init__(self, client: BaseClient, table: str) -> None:
        self._client = client
        self._table = table

    @override
    def errors(self) -> AbstractContextManager[None]:
        return aws_errors("dynamodb")

    @override
    def create(self) -> None:
        try:
            self._client.create_table(**self._definition())
        except ClientError as exc:
            if exc.response["Error"]["Code"] != "ResourceInUseException":
                raise
        waiter = self._client.get_waiter("table_exists")
        waiter.wait(TableName=self._table, WaiterConfig={"Delay": 1, "MaxAttempts": 120})
        ttl = self._client.describe_time_to_live(TableName=self._table)
        if ttl["TimeToLiveDescription"]["TimeToLiveStatus"] not in ("ENABLED", "ENABLING"):
            self._client.update_time_to_live(
                TableName=self._table,
                TimeToLiveSpecification={"Enabled": True, "AttributeName": "ttl"},
            )

    def _definition(self) -> dict[str, Any]:
        names = {"pk", "sk"} | {name for pair in INDEXES.values() for name in pair}
        return {
            "TableName": self._table,
            "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": _schema("pk", "sk"),
            "AttributeDefinitions": [
                {"AttributeName": name, "AttributeType": "S"} for name in sorted(names)
            ],
            "GlobalSecondaryIndexes": [
                {
                    "IndexName": index,
                    "KeySchema": _schema(*keys),
                    "Projection": {"ProjectionType": "ALL"},
                }
                for index, keys in INDEXES.items()
            ],
        }

    @override
    def get(self, key: Key) -> Item | None:
        response = self._client.get_item(
            TableName=self._table, Key=self._key(key), ConsistentRead=True
        )
        return _item(response["Item"]) if "Item" in response else None

    @override
    def put(self, op: Put) -> None:
        self._client.put_item(**self._put(op))

    @override
    def update(self, op: Update) -> Item:
        response = self._client.update_item(**self._update(op), ReturnValues="ALL_NEW")
        return _item(response["Attributes"])

    @override
    def delete(self, op: Delete) -> None:
        self._client.delete_item(**self._keyed(op))

    @override
    def transact(self, ops: Sequence[Write], token: str) -> None:
        self._client.transact_write_items(
            TransactItems=[self._transact_item(op) for op in ops], ClientRequestToken=token
        )

    @override
    def query(self, query: Query) -> QueryResult:
        expression = _Expression()
        pk_name, sk_name = INDEXES[query.index.name] if query.index else ("pk", "sk")
        condition = f"{expression.path(pk_name)} = {expression.value(query.pk)}"
        if query.prefix is not None:
            sk = expression.path(sk_name)
            condition += f" AND begins_with({sk}, {expression.value(query.prefix)})"
        elif query.between is not None:
            sk, (low, high) = expression.path(sk_name), query.between
            condition += f" AND {sk} BETWEEN {expression.value(low)} AND {expression.value(high)}"
        request: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": condition,
            "ScanIndexForward": not query.descending,
            "Limit": query.limit,
        }
        if query.index is None:
            request["ConsistentRead"] = True  # a GSI is only ever eventually consistent
        else:
            request["IndexName"] = query.index.name
        if query.start is not None and query.index is None:
            request["ExclusiveStartKey"] = self._key((query.pk, query.start))
        elif query.start is not None and query.index is not None:
            start: dict[str, str | None] = {pk_name: query.pk, sk_name: query.start}
            start |= {"pk": query.index.owner, "sk": query.start}
            request["ExclusiveStartKey"] = {k: to_dynamo(v) for k, v in start.items()}
        if query.keys_only:
            request["ProjectionExpression"] = f"{expression.path('pk')}, {expression.path('sk')}"
        response = self._client.query(**request, **expression.arguments())
        last = response.get("LastEvaluatedKey")
        return QueryResult(
            items=[_item(raw) for raw in response["Items"]],
            last=from_dynamo(last[sk_name]) if last else None,
        )

    @override
    def delete_batch(self, keys: Sequence[Key]) -> None:
        requests = [{"DeleteRequest": {"Key": self._key(key)}} for key in keys]
        response = self._client.batch_write_item(RequestItems={self._table: requests})
        if response.get("UnprocessedItems"):
            # Deletes are idempotent, so retrying the whole batch is safe.
            raise Transient("DynamoDB left deletes unprocessed; retrying the batch")

    @override
    def purge(self) -> None:
        """Nothing to do: a deleted DynamoDB item (and its index entries) is gone."""

    @override
    def close(self) -> None:
        self._client.close()

    def _key(self, key: Key) -> dict[str, Any]:
        return {"pk": to_dynamo(key[0]), "sk": to_dynamo(key[1])}

    def _request(
        self, request: dict[str, Any], when: Condition | None, expression: _Expression
    ) -> dict[str, Any]:
        if when is not None:
            request["ConditionExpression"] = expression.condition(when)
        return {**request, **expression.arguments()}

    def _put(self, op: Put) -> dict[str, Any]:
        item = {name: to_dynamo(value) for name, value in op.item.items()}
        return self._request({"TableName": self._table, "Item": item}, op.when, _Expression())

    def _update(self, op: Update) -> dict[str, Any]:
        expression = _Expression()
        request = {
            "TableName": self._table,
            "Key": self._key(op.key),
            "UpdateExpression": expression.update(op),
        }
        return self._request(request, op.when, expression)

    def _keyed(self, op: Delete | Check) -> dict[str, Any]:
        request = {"TableName": self._table, "Key": self._key(op.key)}
        return self._request(request, op.when, _Expression())

    def _transact_item(self, op: Write) -> dict[str, Any]:
        match op:
            case Put():
                return {"Put": self._put(op)}
            case Update():
                return {"Update": self._update(op)}
            case Delete():
                return {"Delete": self._keyed(op)}
            case Check():
                return {"ConditionCheck": self._keyed(op)}


def _schema(partition: str, sort: str) -> list[dict[str, str]]:
    return [
        {"AttributeName": partition, "KeyType": "HASH"},
        {"AttributeName": sort, "KeyType": "RANGE"},
    ]
