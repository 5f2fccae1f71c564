"""What can go wrong while getting a certificate; each says when to try again."""

from __future__ import annotations

from core.errors import PageMagicError


class CertificateError(PageMagicError):
    """The certificate could not be issued this time; ``retry_after`` seconds before the next try."""

    code = "certificate_failed"

    def __init__(self, detail: str, retry_after: float = 600.0) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class RateLimited(CertificateError):
    """The certificate authority refused more orders for now."""

    code = "certificate_rate_limited"


class ChallengeFailed(CertificateError):
    """The authority could not fetch the HTTP-01 answer through the edge (DNS or routing wrong)."""

    code = "certificate_challenge_failed"


class AuthorityUnavailable(CertificateError):
    """The ACME directory could not be reached or answered with an error."""

    code = "certificate_authority_unavailable"
