"""Pen-test checks of issue #16 on export and erase: the export holds everything, and an
erase leaves nothing behind (a scan for leftovers on both stores).
"""

from __future__ import annotations

import asyncio
import io
import json
import sqlite3
import zipfile

import boto3
from httpx import AsyncClient

from api.settings import Settings
from tests.api.helpers import ALICE, BOB, auth, messages_url, new_coach, new_conversation, serve

# -- 9. export and erase -------------------------------------------------------------------


def marker(user: str) -> str:
    """A word only this user's data holds, searched for after their erase."""
    return f"Zanzibar7731{user}"


async def _athlete_with_everything(http: AsyncClient, user: str) -> None:
    """Profile (with its email index entry), coach, conversation with messages and a summary,
    a logged workout and its record, memories."""
    profile = {"display_name": marker(user), "email": f"{marker(user)}@example.com"}
    assert (await http.put("/v1/profile", json=profile, headers=auth(user))).is_success
    coach_id = await new_coach(http, user=user, name=f"Coach {marker(user)}")
    conversation_id = await new_conversation(http, coach_id, user=user)
    url = messages_url(coach_id, conversation_id)
    for text in (
        "Did Fran in 8:57 at 95 lb",
        f"remember that my dog is called {marker(user)}",
        "how's my week looking?",
    ):
        assert (await http.post(url, json={"content": text}, headers=auth(user))).is_success
    summary = f"/v1/coaches/{coach_id}/conversations/{conversation_id}/summary"
    for _ in range(100):  # the summary is written after the turn
        if (await http.get(summary, headers=auth(user))).status_code == 200:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("no summary was written")


def _leftovers(settings: Settings, user: str) -> list[str]:
    """Whatever of `user` the table, its indexes, the bucket or the data directory hold."""
    found: list[str] = []
    if settings.storage == "local":
        with sqlite3.connect(settings.data_dir / "coach.sqlite3") as db:
            rows = db.execute(
                "SELECT pk, sk FROM items WHERE pk = ? OR gsi1pk LIKE ? OR item LIKE ?",
                (f"user#{user}", f"%{marker(user)}%", f"%{marker(user)}%"),
            ).fetchall()
        found += [f"row {pk} {sk}" for pk, sk in rows]
        for path in settings.data_dir.rglob("*"):
            if user in path.parts or (
                path.is_file() and marker(user).encode() in path.read_bytes()
            ):
                found.append(f"file {path}")
        return found
    dynamodb = boto3.client("dynamodb", region_name="us-east-1")
    items = dynamodb.scan(TableName=settings.table)["Items"]
    found += [f"item {i['pk']['S']} {i['sk']['S']}" for i in items if marker(user) in str(i)]
    found += [f"item {i['sk']['S']}" for i in items if i["pk"]["S"] == f"user#{user}"]
    for index in ("GSI1", "GSI2", "GSI3"):
        entries = dynamodb.scan(TableName=settings.table, IndexName=index)["Items"]
        found += [
            f"{index} {e['sk']['S']}"
            for e in entries
            if marker(user) in str(e) or e["pk"]["S"] == f"user#{user}"
        ]
    s3 = boto3.client("s3", region_name="us-east-1")
    versions = s3.list_object_versions(Bucket=settings.bucket, Prefix=f"athletes/{user}/")
    for kind in ("Versions", "DeleteMarkers"):
        found += [f"object {v['Key']}" for v in versions.get(kind, [])]
    return found


async def test_export_holds_everything_and_erase_leaves_nothing_on_both_stores(
    storage_settings: Settings,
) -> None:
    async with serve(storage_settings.model_copy(update={"summary_every": 2})) as http:
        for user in (ALICE, BOB):
            await _athlete_with_everything(http, user)
        exported = await http.post("/v1/account/export", headers=auth())
        assert exported.status_code == 200, exported.text
        if storage_settings.storage == "local":
            assert exported.headers["content-type"] == "application/zip"
            archive = exported.content
        else:
            link = exported.json()
            assert link["key"].startswith(f"athletes/{ALICE}/exports/") and link["url"]
            s3 = boto3.client("s3", region_name="us-east-1")
            tags = s3.get_object_tagging(Bucket=storage_settings.bucket, Key=link["key"])
            assert tags["TagSet"] == [{"Key": "coach-kind", "Value": "export"}]
            archive = s3.get_object(Bucket=storage_settings.bucket, Key=link["key"])["Body"].read()
        with zipfile.ZipFile(io.BytesIO(archive)) as opened:
            files = {name: json.loads(opened.read(name)) for name in opened.namelist()}
        assert files["profile.json"]["displayName"] == marker(ALICE)
        assert [c["coach_name"] for c in files["coaches.json"]] == [f"Coach {marker(ALICE)}"]
        [chat] = [v for k, v in files.items() if k.startswith("conversations/")]
        assert len(chat["messages"]) == 6 and chat["summary"]["summaryText"]
        assert [w["workoutData"]["workout_name"] for w in files["workouts.json"]] == ["Fran"]
        assert any(marker(ALICE) in m["content"] for m in files["memories.json"])
        assert files["records.json"] and files["manifest.json"]["userId"] == ALICE
        assert BOB not in json.dumps(files)

        assert (await http.delete("/v1/account", headers=auth())).status_code == 204
        assert (await http.delete("/v1/account", headers=auth())).status_code == 204  # again
        assert _leftovers(storage_settings, ALICE) == []
        assert _leftovers(storage_settings, BOB) != []  # bob's account is untouched
        profile = (await http.get("/v1/profile", headers=auth())).json()
        assert (
            profile["version"] == 0
            and (await http.get("/v1/coaches", headers=auth())).json()["items"] == []
        )
        assert (await http.get("/v1/coaches", headers=auth(BOB))).json()["items"]
