"""Which thread of a channel holds the channel's site: answers to slash commands go there."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.storage.database import session_factory
from core.storage.slack_tables import SlackThreadRow


class ThreadBook:
    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions: async_sessionmaker[AsyncSession] = session_factory(engine)

    async def get(self, team: str, channel: str) -> str | None:
        async with self._sessions() as session:
            return await session.scalar(
                select(SlackThreadRow.thread_ts).where(
                    SlackThreadRow.team_id == team, SlackThreadRow.channel_id == channel
                )
            )

    async def set(self, team: str, channel: str, thread_ts: str) -> None:
        for _attempt in range(3):
            try:
                async with self._sessions() as session, session.begin():
                    row = await session.scalar(
                        select(SlackThreadRow).where(
                            SlackThreadRow.team_id == team, SlackThreadRow.channel_id == channel
                        )
                    )
                    if row is None:
                        session.add(SlackThreadRow(team_id=team, channel_id=channel, thread_ts=thread_ts))
                    else:
                        row.thread_ts = thread_ts
                        row.updated_at = datetime.now(UTC)
                return
            except IntegrityError:
                continue  # another replica recorded the channel's first thread a moment ago

    async def forget(self, team: str, channel: str) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(SlackThreadRow).where(SlackThreadRow.team_id == team, SlackThreadRow.channel_id == channel)
            )
