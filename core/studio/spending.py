"""Plans and spending: /upgrade, alerts at 80% and 100%, upgrade links on refusals."""

from __future__ import annotations

from collections.abc import AsyncIterator

from core.errors import (
    BillingNotConfigured,
    PageMagicError,
)
from core.events import (
    Event,
    Failed,
    Reply,
)
from core.messages import metric_label, say
from core.ports import (
    SpendingAlert,
    UpgradeOffer,
)
from core.site.values import Language
from core.storage.records import ChatRef, ConversationRecord
from core.studio.base import StudioBase
from core.studio.formatting import _amount, _money


class SpendingFlow(StudioBase):
    """/upgrade, spending alerts and the upgrade link on quota refusals."""

    # -- plans and spending ------------------------------------------------------------

    async def upgrade(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        """A Checkout link for the next plan; the plan changes when Stripe confirms the payment."""
        if self.billing is None:
            raise BillingNotConfigured("no billing configured")
        offer = await self.billing.upgrade_offer(conversation.user_id, conversation.plan)
        if offer is None:
            yield Reply(say(language, "upgrade_top", plan=conversation.plan), kind="upgrade_top")
            return
        yield Reply(say(language, "upgrade_offer", **_offer_params(offer, language)), kind="upgrade")

    async def _alerts(
        self, conversation: ConversationRecord, chat: ChatRef, language: Language
    ) -> AsyncIterator[Event]:
        """Spending alerts not yet posted this period, after the answer to the message."""
        if self.billing is None:
            return
        try:
            alerts = await self.billing.due_alerts(conversation.user_id)
        except PageMagicError:
            return  # an alert must never spoil the answer it follows
        if not alerts:
            return
        language = (await self.store.conversation(chat, self.config.default_plan)).language or language
        for alert in alerts:
            yield Reply(_alert_text(alert, language), kind="spending_alert")

    async def _with_upgrade(
        self, failed: Failed, conversation: ConversationRecord, language: Language
    ) -> Failed:
        """A quota refusal with the link that lifts it (when payments are set up)."""
        if self.billing is None:
            return failed
        try:
            offer = await self.billing.upgrade_offer(conversation.user_id, conversation.plan)
        except PageMagicError:
            return failed
        if offer is None:
            return failed
        text = failed.text + "\n" + say(language, "quota_upgrade", **_offer_params(offer, language))
        return Failed(failed.code, text, {**failed.details, "upgrade_url": offer.url})


def _offer_params(offer: UpgradeOffer, language: Language) -> dict[str, str]:
    return {"title": offer.title, "price": _money(offer.price_cents, offer.currency, language), "url": offer.url}


def _alert_text(alert: SpendingAlert, language: Language) -> str:
    label = metric_label(language, alert.metric)
    text = say(
        language,
        f"spending_alert_{alert.threshold}",
        label=label,
        used=_amount(alert.metric, alert.used, language),
        limit=_amount(alert.metric, alert.limit, language),
    )
    follow_up = "spending_alert_metered" if alert.metered else "spending_alert_hard"
    return text + " " + say(language, follow_up)
