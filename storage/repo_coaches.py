"""The athlete's profile and coaches (`CoachStore`)."""

from __future__ import annotations

from typing_extensions import override

from storage import keys
from storage.codec import decode
from storage.errors import NotFound
from storage.items import Query
from storage.models import CoachConfig, Page, Profile
from storage.protocols import CoachStore
from storage.repo_conversations import ConversationRepository


class CoachRepository(ConversationRepository, CoachStore):
    """Profile and coaches; deleting a coach takes its conversations and coach-only memories."""

    @override
    async def get_profile(self, user_id: str) -> Profile | None:
        item = await self.items.get(keys.profile(user_id))
        return None if item is None else decode(Profile, item)

    @override
    async def put_profile(self, profile: Profile) -> Profile:
        index: dict[str, str] = {}
        if profile.email:
            index |= {"gsi1pk": f"email#{profile.email}", "gsi1sk": "profile"}
        if profile.username:
            index |= {"gsi2pk": f"username#{profile.username}", "gsi2sk": "profile"}
        return await self._save(keys.profile(profile.user_id), "user", profile, index)

    @override
    async def create_coach(self, coach: CoachConfig) -> CoachConfig:
        key = keys.coach(coach.user_id, coach.coach_id)
        counter = self.quotas.coaches(coach.user_id)
        return await self._create(key, "coachConfig", coach, counter=counter)

    @override
    async def get_coach(self, user_id: str, coach_id: str) -> CoachConfig:
        return await self._get(CoachConfig, keys.coach(user_id, coach_id))

    @override
    async def list_coaches(
        self, user_id: str, *, limit: int = 50, next: str | None = None
    ) -> Page[CoachConfig]:
        query = Query(keys.user(user_id), prefix=keys.COACHES)
        return await self._pages.page(CoachConfig, query, "coaches", limit, next)

    @override
    async def replace_coach(self, coach: CoachConfig) -> CoachConfig:
        return await self._replace(keys.coach(coach.user_id, coach.coach_id), coach)

    @override
    async def delete_coach(self, user_id: str, coach_id: str) -> None:
        """Delete the coach with its conversations and the memories that only it uses.

        Conversations go with their messages, summaries and transcripts; the athlete's
        workouts and records stay. The coach goes last, so an interrupted delete can
        simply be run again.
        """
        key = keys.coach(user_id, coach_id)
        if await self.items.get(key) is None:
            raise NotFound("coach not found")
        pk = keys.user(user_id)
        chats = Query(pk, prefix=keys.conversations(coach_id), limit=1000)
        for item in await self._pages.all(chats):
            await self.delete_conversation(user_id, coach_id, item["attributes"]["conversationId"])
        memories = Query(pk, prefix=keys.MEMORIES, limit=1000)
        await self._delete_counted(
            [
                (item["pk"], item["sk"])
                for item in await self._pages.all(memories)
                if item["attributes"].get("coachId") == coach_id
            ],
            self.quotas.memories(user_id),
        )
        await self._delete_counted([key], self.quotas.coaches(user_id))
