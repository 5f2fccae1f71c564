"""``AccountService``: the account rules in one object Studio and ``web/`` hold.

Each part has one job (``directory``, ``codes``, ``sessions``, ``two_factor``...); this
class wires them to one store, one clock and one limiter, and owns the two flows that
span several: merging two accounts and deleting one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from core.accounts.api_tokens import ApiTokens
from core.accounts.attempts import AttemptLimiter, MemoryAttempts
from core.accounts.deletion import AccountEraser
from core.accounts.directory import AccountDirectory
from core.accounts.export import AccountExport, AccountImages
from core.accounts.linking import LinkCodes, PendingActions
from core.accounts.merge import AccountMerger
from core.accounts.passkeys import Passkeys
from core.accounts.sealing import Sealer
from core.accounts.sessions import SessionPolicy, Sessions
from core.accounts.sign_in_links import SignInLinks
from core.accounts.two_factor import TwoFactor
from core.observability.context import current_request_id
from core.ports import AccountBillingPort, BillingMerge
from core.storage.audit import AuditLog
from core.storage.store import Store
from core.storage.tables import utcnow

_PLAN_ORDER = ("free", "pro", "business")


@dataclass(frozen=True)
class MergeOutcome:
    plan: str
    billing: BillingMerge
    moved: dict[str, int]


class AccountService:
    def __init__(
        self,
        store: Store,
        sealer: Sealer,
        *,
        attempts: AttemptLimiter | None = None,
        billing: AccountBillingPort | None = None,
        images: AccountImages | None = None,
        public_url: str = "http://127.0.0.1:8400",
        policy: SessionPolicy | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.clock = clock
        self.attempts: AttemptLimiter = attempts or MemoryAttempts(clock)
        self.billing = billing
        self.images = images
        self.public_url = public_url.rstrip("/")
        self.directory = AccountDirectory(store)
        self.codes = LinkCodes(store, self.attempts, clock)
        self.pending = PendingActions(store, clock)
        self.merger = AccountMerger(store)
        self.sessions = Sessions(store, policy or SessionPolicy(), clock)
        self.links = SignInLinks(store, clock)
        self.two_factor = TwoFactor(store, sealer, self.attempts, clock)
        self.tokens = ApiTokens(store, clock)
        site = urlsplit(self.public_url)
        self.passkeys = Passkeys(store, self.attempts, site.hostname or "localhost", f"{site.scheme}://{site.netloc}", clock)
        self.export = AccountExport(store, self.directory, billing, images)
        self.eraser = AccountEraser(store, clock)
        self.audit = AuditLog(store)

    def sign_in_url(self, token: str, path: str = "/auth/link") -> str:
        """The link a chat hands out; the token rides in the fragment, which no server ever sees."""
        return f"{self.public_url}{path}#{token}"

    def higher_plan(self, one: str, other: str) -> str:
        if self.billing is not None:
            return self.billing.higher_plan(one, other)
        rank = {p: i for i, p in enumerate(_PLAN_ORDER)}
        return one if rank.get(one, 0) >= rank.get(other, 0) else other

    async def record(self, action: str, user_id: int | None, detail: str, site_id: int | None = None) -> None:
        await self.audit.record(action, site_id=site_id, user_id=user_id, detail=detail, request_id=current_request_id())

    async def merge(self, keep: int, other: int) -> MergeOutcome:
        """``other`` joins ``keep``: sites, identities, usage, history; the higher plan; one subscription."""
        kept = await self.directory.account(keep)
        gone = await self.directory.account(other)
        assert kept is not None and gone is not None
        plan = self.higher_plan(kept.plan, gone.plan)
        billing = await self.billing.merge(keep, other) if self.billing is not None else BillingMerge(plan=plan)
        moved = await self.merger.merge(keep, other, plan)
        detail = f"account {other} merged in; plan {plan}; " + ", ".join(f"{k} {v}" for k, v in sorted(moved.items()))
        if billing.ended_plan:
            detail += f"; {billing.ended_plan} subscription ends {billing.ends_at.date() if billing.ends_at else '?'}"
        await self.record("merge", keep, detail)
        return MergeOutcome(plan, billing, moved)
