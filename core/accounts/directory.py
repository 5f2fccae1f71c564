"""Who is who: accounts, their identities, team grants. Reads and small writes over the store."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from core.accounts.records import ROLES, AccountRecord, IdentityRecord, Role
from core.accounts.tables import GrantRow
from core.errors import AlreadyLinked, LastIdentity, UnknownIdentity
from core.storage.store import Store
from core.storage.tables import ChatIdentityRow, UserRow

_IDENTITY_COLUMNS = (
    ChatIdentityRow.id, ChatIdentityRow.user_id, ChatIdentityRow.platform, ChatIdentityRow.workspace,
    ChatIdentityRow.external_id, ChatIdentityRow.created_at,
)  # IdentityRecord's fields, in its order


class AccountDirectory:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def account(self, user_id: int) -> AccountRecord | None:
        async with self.store._guard(), self.store.session() as session:
            row = await session.get(UserRow, user_id)
            return _account(row) if row is not None else None

    async def identities(self, user_id: int) -> list[IdentityRecord]:
        async with self.store._guard(), self.store.session() as session:
            rows = await session.scalars(
                select(ChatIdentityRow).where(ChatIdentityRow.user_id == user_id).order_by(ChatIdentityRow.id)
            )
            return [_identity(r) for r in rows]

    async def find(self, platform: str, workspace: str, external_id: str) -> IdentityRecord | None:
        async with self.store._guard(), self.store.session() as session:
            found = (await session.execute(  # columns, not an ORM object: every Telegram sign-in asks this
                select(*_IDENTITY_COLUMNS).where(
                    ChatIdentityRow.platform == platform,
                    ChatIdentityRow.workspace == workspace,
                    ChatIdentityRow.external_id == external_id,
                )
            )).first()
            return IdentityRecord(*found) if found is not None else None

    async def account_for(self, platform: str, workspace: str, external_id: str, name: str = "", plan: str = "free") -> int:
        """The account of an identity, made on first contact (a first sign-in on the web with Slack or Telegram)."""
        found = await self.find(platform, workspace, external_id)
        if found is not None:
            return found.user_id
        try:
            async with self.store._guard(), self.store.session() as session, session.begin():
                user = UserRow(display_name=name[:200], plan=plan)
                session.add(user)
                await session.flush()
                session.add(ChatIdentityRow(user_id=user.id, platform=platform, workspace=workspace, external_id=external_id))
                return user.id
        except IntegrityError:
            again = await self.find(platform, workspace, external_id)  # made by a concurrent request
            assert again is not None
            return again.user_id

    async def add_identity(self, user_id: int, platform: str, workspace: str, external_id: str) -> IdentityRecord:
        """Link a new identity (an email address) to the account; one already linked elsewhere is refused."""
        existing = await self.find(platform, workspace, external_id)
        if existing is not None:
            if existing.user_id == user_id:
                return existing
            raise AlreadyLinked(platform)
        try:
            async with self.store._guard(), self.store.session() as session, session.begin():
                row = ChatIdentityRow(user_id=user_id, platform=platform, workspace=workspace, external_id=external_id)
                session.add(row)
                await session.flush()
                return _identity(row)
        except IntegrityError as exc:
            raise AlreadyLinked(platform) from exc

    async def remove_identity(self, user_id: int, identity_id: int) -> IdentityRecord:
        """``/unlink``: the identity becomes an account of its own again, with nothing in it.

        The account keeps its sites and plan; the last way in cannot go (deleting the
        account is the way to leave entirely).
        """
        async with self.store._guard(), self.store.session() as session, session.begin():
            rows = list(await session.scalars(select(ChatIdentityRow).where(ChatIdentityRow.user_id == user_id)))
            target = next((r for r in rows if r.id == identity_id), None)
            if target is None:
                raise UnknownIdentity(str(identity_id))
            personal = [r for r in rows if r.platform != "email" and not r.platform.endswith("_team")]
            if target.platform != "email" and len(personal) <= 1:
                raise LastIdentity(target.platform)
            record = _identity(target)
            await session.execute(delete(ChatIdentityRow).where(ChatIdentityRow.id == identity_id))
            return record

    async def count_identities(self, user_id: int) -> int:
        async with self.store._guard(), self.store.session() as session:
            return int(await session.scalar(select(func.count(ChatIdentityRow.id)).where(ChatIdentityRow.user_id == user_id)) or 0)

    # -- team roles --------------------------------------------------------------------------

    async def granted_role(self, team_id: int, platform: str, workspace: str, external_id: str) -> Role | None:
        async with self.store._guard(), self.store.session() as session:
            role = await session.scalar(
                select(GrantRow.role).where(
                    GrantRow.team_id == team_id,
                    GrantRow.platform == platform,
                    GrantRow.workspace == workspace,
                    GrantRow.external_id == external_id,
                )
            )
            return role if role in ROLES else None

    async def grant(self, team_id: int, platform: str, workspace: str, external_id: str, role: Role) -> None:
        """Give ``role`` to a person of the team; "member" removes our grant (the platform's role stays)."""
        async with self.store._guard(), self.store.session() as session, session.begin():
            await session.execute(
                delete(GrantRow).where(
                    GrantRow.team_id == team_id,
                    GrantRow.platform == platform,
                    GrantRow.workspace == workspace,
                    GrantRow.external_id == external_id,
                )
            )
            if role != "member":
                session.add(GrantRow(team_id=team_id, platform=platform, workspace=workspace, external_id=external_id, role=role))


def _account(row: UserRow) -> AccountRecord:
    return AccountRecord(
        id=row.id, kind=row.kind, plan=row.plan, display_name=row.display_name, language=row.language,
        created_at=row.created_at,
    )


def _identity(row: ChatIdentityRow) -> IdentityRecord:
    return IdentityRecord(
        id=row.id, user_id=row.user_id, platform=row.platform, workspace=row.workspace,
        external_id=row.external_id, created_at=row.created_at,
    )
