"""Studio's shared state: configuration, collaborators and the helpers every flow uses."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from core.accounts.sealing import Sealer
from core.accounts.service import AccountService
from core.domains import DomainPort
from core.errors import (
    NoSiteYet,
    PageMagicError,
)
from core.events import (
    Event,
    Failed,
)
from core.i18n.formatting import country_name, day_month
from core.images.port import ImageStore
from core.llm.port import (
    SiteGenerator,
)
from core.messages import domain_reason, metric_label, say
from core.observability.context import current_request_id
from core.observability.logging import get_logger
from core.observability.metrics import NO_METRICS, Metrics
from core.ports import (
    BillingPort,
    HostingBackend,
    JobQueue,
    PreviewChannel,
    QuotaPolicy,
    UsageMeter,
)
from core.site.values import Language
from core.storage.audit import AuditLog
from core.storage.jobs import JobStore
from core.storage.records import ChatRef, ConversationRecord, SiteRecord
from core.storage.store import Store
from core.studio.account_flow import AccountFlow, MailPort
from core.studio.formatting import _amount, _money
from core.studio.images import ImageSettings, ImagesFlow
from core.studio.page_edits import PageEdits
from core.studio.stats_flow import StatsFlow

log = get_logger("pagemagic.studio")


@dataclass(frozen=True)
class StudioConfig:
    max_message_chars: int = 4000
    preview_ttl: timedelta = timedelta(hours=72)
    default_plan: str = "free"
    publish_wait: timedelta = timedelta(minutes=5)
    base_domain: str = ""  # our own domain: users may not attach it or names under it
    domain_deny: tuple[str, ...] = ()  # names (and everything under them) no user may attach
    domain_wait: timedelta = timedelta(seconds=60)  # how long /domain check follows a certificate order
    model: str = "offline"  # the generator's model: the label of generation metrics
    publish_needs_admin: bool = False  # in shared chats only team admins and owners publish


@dataclass
class _Conversation:
    """In-process state of one conversation: who runs, and how to stop them."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    cancel: asyncio.Event | None = None
    finished: int = 0  # messages handled so far: tells a waiting message its snapshot may be stale


class StudioBase:
    """What every part of Studio shares: its collaborators and a few helpers."""

    def __init__(
        self,
        store: Store,
        generator: SiteGenerator,
        hosting: HostingBackend,
        previews: PreviewChannel,
        meter: UsageMeter,
        quotas: QuotaPolicy,
        queue: JobQueue,
        config: StudioConfig = StudioConfig(),
        billing: BillingPort | None = None,
        domains: DomainPort | None = None,
        images: ImageStore | None = None,
        image_settings: ImageSettings | None = None,
        accounts: AccountService | None = None,
        mail: MailPort | None = None,
    ) -> None:
        self.store = store
        self.generator = generator
        self.hosting = hosting
        self.previews = previews
        self.meter = meter
        self.quotas = quotas
        self.queue = queue
        self.jobs = JobStore(store)
        self.config = config
        self.metrics: Metrics = NO_METRICS  # the wiring sets the Prometheus one
        self.audit = AuditLog(store)
        self.billing = billing
        self.domains = domains  # DNS proof + certificates; None: domains map by Host header only
        self.images = images  # None: photos are not accepted (a Studio built without storage)
        self.image_flow = (
            ImagesFlow(
                store, images, generator, previews, quotas, meter, image_settings or ImageSettings(), config.preview_ttl
            )
            if images is not None
            else None
        )
        self._conversations: dict[tuple[str, str, str], _Conversation] = {}  # by (platform, workspace, chat)
        # Accounts: the wiring hands the configured service; alone (tests, scripts) a process-local one.
        self.accounts = accounts or AccountService(store, Sealer(secrets.token_bytes(32)))
        self.account_flow = AccountFlow(store, self.accounts, mail)
        self.stats_flow = StatsFlow(store)  # /stats; tests hand it a clock
        self.page_edits = PageEdits(store, previews, config.preview_ttl)  # the dashboard's visual editor

    # -- helpers -----------------------------------------------------------------------

    async def _audit(
        self,
        action: str,
        record: SiteRecord,
        conversation: ConversationRecord,
        chat: ChatRef | None,
        detail: str,
    ) -> None:
        """One audit row: who (the chat user), what, when, from which chat."""
        await self.audit.record(
            action,
            site_id=record.id,
            user_id=conversation.user_id,
            chat=chat,
            detail=detail,
            request_id=current_request_id(),
        )
        log.info("audit", action=action, site=record.slug, detail=detail)

    async def _site_of(self, conversation: ConversationRecord) -> SiteRecord:
        if conversation.site_id is None:
            raise NoSiteYet()
        return await self.store.site(conversation.site_id)

    @staticmethod
    async def _single(event: Event) -> AsyncIterator[Event]:
        yield event

    def _failed(self, error: PageMagicError, language: Language) -> Failed:
        language = error.params.get("language", language)
        params = {k: v for k, v in error.params.items() if k != "language"}
        key = f"error_{error.code}"
        if error.code == "quota_exceeded":
            if not params.pop("monthly", True):
                key = f"error_quota_exceeded_{params['metric']}"  # no monthly reset: freeing one makes room
            now = datetime.now(UTC)
            reset = day_month((now.replace(day=1) + timedelta(days=32)).replace(day=1).date(), language)
            params.update(label=metric_label(language, params["metric"]), reset=reset)
            params["used"] = _amount(params["metric"], params["used"], language)
            params["limit"] = _amount(params["metric"], params["limit"], language)
        elif error.code == "spending_cap_reached":
            currency = params.pop("currency", "usd")
            params.update(label=metric_label(language, params["metric"]))
            params["cap"] = _money(params["cap"], currency, language)
            params["spent"] = _money(params["spent"], currency, language)
        elif error.code == "invalid_phone":
            params["country"] = country_name(params["country"], language)
        elif error.code == "image_rejected":
            key = f"error_image_rejected_{params.pop('reason', 'not_image')}"
            for name in ("size", "limit"):
                if isinstance(params.get(name), int) and key.endswith("too_big"):
                    params[name] = _amount("bytes", params[name], language)
        elif error.code == "invalid_domain":
            params["reason"] = domain_reason(language, **{k: v for k, v in params.items() if k != "domain"})
        params.setdefault("detail", error.detail or error.code)
        try:
            text = say(language, key, **params)
        except (KeyError, IndexError):
            text = say(language, "error_internal")
        return Failed(error.code, text, {k: str(v) for k, v in params.items()})
