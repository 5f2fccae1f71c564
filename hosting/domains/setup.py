"""Builds the domain manager from settings: the one place that reads the domain settings."""

from __future__ import annotations

from datetime import timedelta

from redis.asyncio import Redis

from core.errors import ConfigurationError
from core.settings import Settings
from core.storage.domains import DomainStore
from core.storage.store import Store
from hosting.domains.acme import AcmeIssuer
from hosting.domains.certstore import CertificateStore, parse_key
from hosting.domains.dns import DnsChecker
from hosting.domains.manager import DomainManager, DomainPolicy


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def domains_enabled(settings: Settings) -> bool:
    """Custom domains over HTTPS need Redis (routes, challenges, certificates) and the certificate key."""
    return settings.redis_url is not None and settings.cert_key is not None


def build_domain_manager(
    settings: Settings, store: Store, redis: Redis, fallback_endpoint: str | None = None
) -> DomainManager:
    if settings.cert_key is None:
        raise ConfigurationError("custom domains over HTTPS need PAGEMAGIC_CERT_KEY")
    try:
        key = parse_key(settings.cert_key.get_secret_value())
    except ValueError as exc:
        raise ConfigurationError(str(exc)) from exc
    certs = CertificateStore(redis, key)
    issuer = AcmeIssuer(
        settings.acme_directory, redis, certs, ca_bundle=settings.acme_ca_bundle, email=settings.acme_email
    )
    policy = DomainPolicy(
        base_domain=settings.base_domain,
        edge_ipv4=_split(settings.edge_ipv4),
        edge_ipv6=_split(settings.edge_ipv6),
        renew_before=timedelta(days=settings.cert_renew_days),
        fallback_endpoint=fallback_endpoint,
        claim_ttl=timedelta(hours=settings.domain_claim_hours),
    )
    dns = DnsChecker(settings.dns_resolver, settings.dns_resolver_port)
    return DomainManager(DomainStore(store), redis, dns, issuer, certs, policy)


def deny_list(settings: Settings) -> tuple[str, ...]:
    return _split(settings.domain_deny)
