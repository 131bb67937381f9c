"""S3 engine of the document layer, on an already-built boto3 client.

Every object is written with `ServerSideEncryption="AES256"`, and `create` also sets
that as the bucket default and blocks public access. `rewrite` is a compare-and-swap on
the object's ETag, so service instances appending to one transcript never lose a turn.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from botocore.client import BaseClient
from botocore.exceptions import ClientError
from typing_extensions import override

from storage.aws import aws_errors
from storage.calls import Transient
from storage.documents import Bucket, Change

NOT_FOUND = frozenset({"404", "NotFound", "NoSuchBucket"})
"""What head_bucket answers for a missing bucket."""


class S3Bucket(Bucket):
    """JSON documents as S3 objects under their layout keys."""

    def __init__(self, client: BaseClient, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    @override
    def errors(self) -> AbstractContextManager[None]:
        return aws_errors("s3")

    @override
    def create(self) -> None:
        if not self._exists():
            region = self._client.meta.region_name
            options = {}
            if region and region != "us-east-1":  # us-east-1 refuses a location constraint
                options["CreateBucketConfiguration"] = {"LocationConstraint": region}
            try:
                self._client.create_bucket(Bucket=self._bucket, **options)
            except ClientError as exc:
                if exc.response["Error"]["Code"] != "BucketAlreadyOwnedByYou":
                    raise
        self._client.put_bucket_encryption(
            Bucket=self._bucket,
            ServerSideEncryptionConfiguration={
                "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
            },
        )
        self._client.put_public_access_block(
            Bucket=self._bucket,
            PublicAccessBlockConfiguration={
                "BlockPublicAcls": True,
                "IgnorePublicAcls": True,
                "BlockPublicPolicy": True,
                "RestrictPublicBuckets": True,
            },
        )

    @override
    def ping(self) -> None:
        self._client.head_bucket(Bucket=self._bucket)

    @override
    def put(self, key: str, body: bytes, **condition: Any) -> None:
        self._client.put_object(
            Bucket=self._bucket,
            Key=key,
            Body=body,
            ContentType="application/json",
            ServerSideEncryption="AES256",
            **condition,
        )

    @override
    def get(self, key: str) -> bytes | None:
        return self._get(key)[0]

    @override
    def rewrite(self, key: str, change: Change) -> None:
        """Write `change(current)` only if nobody wrote the object since it was read.

        A lost race raises PreconditionFailed, which `Calls` retries from the read.
        """
        current, etag = self._get(key)
        condition = {"IfMatch": etag} if etag else {"IfNoneMatch": "*"}
        self.put(key, change(current), **condition)

    def _get(self, key: str) -> tuple[bytes | None, str | None]:
        try:
            response = self._client.get_object(Bucket=self._bucket, Key=key)
        except ClientError as exc:
            if exc.response["Error"]["Code"] == "NoSuchKey":
                return None, None
            raise
        return response["Body"].read(), response["ETag"]

    @override
    def delete(self, key: str) -> None:
        self._client.delete_object(Bucket=self._bucket, Key=key)

    @override
    def delete_under(self, prefix: str) -> None:
        """Delete every version and delete marker under `prefix`, 1,000 per request.

        A versioned bucket keeps old versions after a plain delete.
        """
        pages = self._client.get_paginator("list_object_versions").paginate(
            Bucket=self._bucket, Prefix=prefix
        )
        for page in pages:
            doomed = [
                {"Key": entry["Key"], "VersionId": entry["VersionId"]}
                for kind in ("Versions", "DeleteMarkers")
                for entry in page.get(kind, [])
            ]
            if doomed:
                response = self._client.delete_objects(
                    Bucket=self._bucket, Delete={"Objects": doomed, "Quiet": True}
                )
                if response.get("Errors"):
                    raise Transient(f"S3 left {len(response['Errors'])} deletes undone; retrying")

    @override
    def publish(self, key: str, body: bytes, content_type: str, expires_s: int) -> str | None:
        """Tagged `coach-kind=export`, which the bucket's lifecycle rule expires."""
        self._client.put_object(
            Bucket=self._bucket,
            Key=key,
            Body=body,
            ContentType=content_type,
            ServerSideEncryption="AES256",
            Tagging="coach-kind=export",
        )
        url: str = self._client.generate_presigned_url(
            "get_object", Params={"Bucket": self._bucket, "Key": key}, ExpiresIn=expires_s
        )
        return url

    @override
    def list(self, prefix: str) -> list[str]:
        pages = self._client.get_paginator("list_objects_v2").paginate(
            Bucket=self._bucket, Prefix=prefix
        )
        return [entry["Key"] for page in pages for entry in page.get("Contents", [])]

    @override
    def close(self) -> None:
        self._client.close()

    def _exists(self) -> bool:
        try:
            self._client.head_bucket(Bucket=self._bucket)
        except ClientError as exc:
            if exc.response["Error"]["Code"] in NOT_FOUND:
                return False
            raise
        return True
