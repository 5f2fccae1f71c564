"""One error tree for the whole product.

Each error carries the data an adapter needs to explain it (``retry_after``,
the JSON path, ...) and a stable ``code`` that selects the user-facing message
in the user's language (see ``core.messages``). Foreign exceptions are mapped
into this tree, with ``from``, at the boundary where they are caught.
"""

from __future__ import annotations

from typing import Any


class PageMagicError(Exception):
    """Base of every error a user may be told about."""

    code = "internal"

    def __init__(self, detail: str = "", **params: Any) -> None:
        super().__init__(detail or self.code)
        self.detail = detail
        self.params: dict[str, Any] = params


class ConfigurationError(PageMagicError):
    """A setting is missing, contradicts another or does not parse: the operator fixes it, not the code."""

    code = "configuration"


class InvalidSpec(PageMagicError):
    """A spec (from a file or a model) does not match the schema."""

    code = "invalid_spec"

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}", path=path, message=message)
        self.path = path
        self.message = message


class EmptyMessage(PageMagicError):
    code = "empty_message"


class MessageTooLong(PageMagicError):
    code = "message_too_long"


class UnknownCommand(PageMagicError):
    code = "unknown_command"


class NoSiteYet(PageMagicError):
    code = "no_site"


class NotPublished(PageMagicError):
    code = "not_published"


class NothingToUndo(PageMagicError):
    code = "nothing_to_undo"


class NothingToRedo(PageMagicError):
    code = "nothing_to_redo"


class NotUnderstood(PageMagicError):
    """The generator could not turn a refinement into a change."""

    code = "not_understood"


class InvalidDomain(PageMagicError):
    code = "invalid_domain"


class DomainTaken(PageMagicError):
    code = "domain_taken"


class InvalidPhone(PageMagicError):
    """A phone number that is not valid in the business's country (``country``: ISO code, "" if unknown);
    ``example`` shows a valid one."""

    code = "invalid_phone"

    def __init__(self, phone: str, country: str, example: str) -> None:
        super().__init__(f"{phone!r} is not a valid number in {country or 'any country'}", phone=phone, country=country, example=example)


class QuotaExceeded(PageMagicError):
    """``monthly``: the limit resets with the billing period; otherwise it counts what exists now
    (sites online, domains attached) and freeing one makes room at once."""

    code = "quota_exceeded"

    def __init__(self, metric: str, limit: int, used: int, monthly: bool = True) -> None:
        super().__init__(f"{metric}: {used}/{limit}", metric=metric, limit=limit, used=used, monthly=monthly)
        self.metric = metric


class SpendingCapReached(PageMagicError):
    """More overage would pass the account's monthly spending cap (amounts in cents)."""

    code = "spending_cap_reached"

    def __init__(self, metric: str, cap_cents: int, overage_cents: int, currency: str = "usd") -> None:
        super().__init__(
            f"{metric}: {overage_cents}/{cap_cents}", metric=metric, cap=cap_cents, spent=overage_cents, currency=currency
        )
        self.metric = metric


class BillingUnavailable(PageMagicError):
    """The payment provider cannot be reached or refused the request; nothing was charged."""

    code = "billing_unavailable"


class BillingNotConfigured(PageMagicError):
    """This server sells no plans (no Stripe key or no price for the next plan): a setup matter, not an outage."""

    code = "billing_not_configured"


class GenerationFailed(PageMagicError):
    code = "generation_failed"


class PublishFailed(PageMagicError):
    code = "publish_failed"


class FirstPublishFailed(PublishFailed):
    """A publish failed while nothing of the site was online: no previous release serves."""

    code = "first_publish_failed"


class UnpublishFailed(PageMagicError):
    """Taking a site offline did not finish; it may still be online."""

    code = "unpublish_failed"


class RolledBack(PageMagicError):
    """The new version failed after it started; the previous one was restored and still serves."""

    code = "publish_rolled_back"


class FirstPublishRolledBack(RolledBack):
    """The new version failed its health check while nothing of the site was online before."""

    code = "first_publish_rolled_back"


class Superseded(PageMagicError):
    """A later publish or unpublish of the same site was asked for: this older one is dropped, never run."""

    code = "publish_superseded"


class BackendUnavailable(PageMagicError):
    """The hosting backend (Docker engine, registry) cannot be reached; the job will be retried."""

    code = "backend_unavailable"


class QueueUnavailable(PageMagicError):
    """The job queue (Redis) cannot be reached: the job was not handed over and nothing changed."""

    code = "queue_unavailable"


class TokenKeyMissing(PageMagicError):
    """A secret stored encrypted (a Slack bot token) cannot be sealed or opened: its key is not configured."""

    code = "token_key_missing"


class StorageUnavailable(PageMagicError):
    code = "storage_unavailable"


class ConcurrentChange(PageMagicError):
    """Another chat changed the same site at the same moment; nothing was lost."""

    code = "concurrent_change"


class ImageRejected(PageMagicError):
    """An image a user sent cannot be used; ``reason`` picks the explanation (``image_rejected_<reason>``).

    Reasons: ``too_big`` (bytes), ``too_many_pixels`` (a decompression bomb or a huge scan),
    ``vector`` (SVG can carry script), ``pdf``, ``animated``, ``damaged`` (truncated or
    undecodable), ``not_image``, ``too_small``, ``download`` (the chat platform did not hand
    the file over). Nothing is stored when an image is rejected.
    """

    code = "image_rejected"

    def __init__(self, reason: str, detail: str = "", **params: object) -> None:
        super().__init__(detail or reason, reason=reason, **params)
        self.reason = reason


class ImageNotFound(PageMagicError):
    """An edit names an image the site does not have (a photo removed, a number out of range)."""

    code = "image_not_found"


# -- accounts ------------------------------------------------------------------------------


class TooManyAttempts(PageMagicError):
    """Too many wrong codes, links or sign-ins from one account or address; ``minutes`` to wait."""

    code = "too_many_attempts"

    def __init__(self, retry_after: float) -> None:
        minutes = max(1, int(retry_after + 59) // 60)
        super().__init__(f"retry after {retry_after:.0f}s", minutes=minutes)
        self.retry_after = retry_after


class LinkCodeInvalid(PageMagicError):
    """A /link code that is unknown, expired or already used."""

    code = "link_code_invalid"


class AlreadyLinked(PageMagicError):
    code = "already_linked"


class LastIdentity(PageMagicError):
    """An account's only way in cannot be unlinked (delete the account instead)."""

    code = "last_identity"


class UnknownIdentity(PageMagicError):
    """/unlink of something not linked to this account."""

    code = "unknown_identity"


class NotAllowed(PageMagicError):
    """The role this person has in a shared chat does not allow the command (``needed``: the least role)."""

    code = "not_allowed"

    def __init__(self, command: str, needed: str) -> None:
        super().__init__(f"/{command} needs {needed}", command=command, needed=needed)


class SiteOnline(PageMagicError):
    """A site must be taken offline before it is deleted (the dashboard's delete)."""

    code = "site_online"


class ConfirmationExpired(PageMagicError):
    """A confirmation button pressed too late, twice, or by someone else."""

    code = "confirmation_expired"


class SignInInvalid(PageMagicError):
    """A sign-in link, Telegram data or Slack answer that is forged, stale or already used."""

    code = "sign_in_invalid"


class SecondFactorInvalid(PageMagicError):
    code = "second_factor_invalid"


class TeamAccountCommand(PageMagicError):
    """An account command (/link, /export, /delete-account...) sent in a group: it is asked in a private chat."""

    code = "account_command_private"
