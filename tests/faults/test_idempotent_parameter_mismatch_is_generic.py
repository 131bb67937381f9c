"""Issue 13, failure 9: DynamoDB's `IdempotentParameterMismatchException` (a transaction
token reused for other writes) surfaced as a generic 503 `storage_error`.

It now has its own code, `idempotency_mismatch` (422: the same request id was used for a
different request, which no retry can fix). DynamoDB Local enforces tokens as DynamoDB
does (moto ignores them), so the real error is provoked there; the translation of the
error response is also checked without it.
"""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError

from api.errors import STATUS_BY_CODE
from storage.aws import translate
from storage.dynamo import DynamoTable
from storage.errors import StorageError
from storage.items import Put
from tests.dynamodb_local import fresh_table_name


def test_the_mismatch_has_its_own_code_and_status() -> None:
    response = {
        "Error": {"Code": "IdempotentParameterMismatchException", "Message": ""},
        "ResponseMetadata": {"HTTPStatusCode": 400},
    }
    error = translate(ClientError(response, "TransactWriteItems"))
    assert (error.code, STATUS_BY_CODE[error.code]) == ("idempotency_mismatch", 422)


def test_a_token_reused_for_other_writes_on_dynamodb_local(dynamodb_local: str) -> None:
    client = boto3.client("dynamodb", endpoint_url=dynamodb_local, region_name="us-east-1")
    table = DynamoTable(client, fresh_table_name())
    table.create()
    first = Put({"pk": "user#u", "sk": "a", "n": 1})
    table.transact([first], "token-1")
    table.transact([first], "token-1")  # the same writes again: DynamoDB answers success
    with pytest.raises(StorageError, match="token") as raised, table.errors():
        table.transact([Put({"pk": "user#u", "sk": "a", "n": 2})], "token-1")
    assert raised.value.code == "idempotency_mismatch"
    assert table.get(("user#u", "a")) == {"pk": "user#u", "sk": "a", "n": 1}
    table.close()
