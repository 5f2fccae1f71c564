"""Faults: a challenge the authority cannot reach is reported and retried later; an expired
certificate is never served (HTTP stops redirecting, the handshake gets the default certificate);
names we must not hand out are refused with the reason."""

from __future__ import annotations

import asyncio
import base64
import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from redis.asyncio import Redis

from core.domain_flow import status_event
from core.domains import check_allowed, normalise_domain
from core.errors import InvalidDomain
from core.storage.domains import DomainStore
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from hosting.domains.acme import AcmeIssuer
from hosting.domains.certstore import CertificateStore
from hosting.domains.dns import DnsChecker
from hosting.domains.manager import DomainManager, DomainPolicy
from hosting.routes import Route, RouteTable
from tests.core.scripted import sample_site
from tests.hosting.domains.conftest import Stack
from tests.hosting.domains.tls import https_get
from tests.hosting.edge.harness import Upstream

BASE = "sites-pagemagic.net"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """SQLite only: these tests are about DNS, ACME and the edge (the root ``store`` fixture uses it)."""
    return f"sqlite+aiosqlite:///{tmp_path / 'pm.db'}"


@pytest.fixture
async def redis(stack: Stack) -> AsyncIterator[Redis]:
    client = Redis.from_url(stack.redis_url)
    try:
        yield client
    finally:
        await client.aclose()


def manager(stack: Stack, store: Store, redis: Redis, edge_ipv4: tuple[str, ...] = ()) -> DomainManager:
    certs = CertificateStore(redis, base64.b64decode(stack.cert_key))
    issuer = AcmeIssuer(stack.acme_directory, redis, certs, ca_bundle=stack.acme_ca_bundle, timeout=20)
    policy = DomainPolicy(base_domain=BASE, edge_ipv4=edge_ipv4)
    return DomainManager(DomainStore(store), redis, DnsChecker("127.0.0.1", stack.dns_port), issuer, certs, policy)


async def site_with_domain(store: Store, name: str) -> tuple[int, str, str]:
    conversation = await store.conversation(ChatRef("console", secrets.token_hex(4), "ana"))
    site = await store.create_site(
        conversation.id, conversation.user_id, sample_site(), "x", new_preview_token(), timedelta(hours=1)
    )
    domain, _ = await store.attach_domain(site.id, name, "pending_dns")
    return site.id, site.slug, domain.token


async def test_unreachable_challenge_fails_with_the_reason_and_is_retried(
    stack: Stack, store: Store, redis: Redis
) -> None:
    name = f"loja-{secrets.token_hex(3)}.pt"  # an apex: A record to the edge's address
    site_id, slug, token = await site_with_domain(store, name)
    site = Upstream("padaria")
    await RouteTable(redis).put(Route(slug, 1, 1, "free", (f"{slug}.{BASE}",), (site.endpoint,)))
    # DNS points at 127.0.0.2, which the checker accepts as an edge address, but no edge listens there.
    domains = manager(stack, store, redis, edge_ipv4=("127.0.0.2",))
    stack.dns("set-txt", host=f"_pagemagic.{name}.", value=token)
    stack.dns("add-a", host=f"{name}.", addresses=["127.0.0.2"])
    try:
        await domains.attached(site_id, name)
        assert await domains.run_once() >= 1
        failed = await DomainStore(store).get(name)
        assert failed is not None and failed.status == "failed", failed
        assert "could not validate" in failed.detail  # the authority's words, kept for operators
        progress = await domains.status(site_id, name)
        assert progress is not None and progress.cause == "certificate_challenge_failed"
        told = status_event("pt_PT", progress)
        assert "não conseguiu chegar ao site por este domínio; verifique os registos DNS" in told.text, told.text
        assert "validate" not in told.text
        assert failed.next_check_at is not None and failed.next_check_at > datetime.now(UTC) + timedelta(minutes=10)
        assert name in (await RouteTable(redis).get(slug)).hosts  # type: ignore[union-attr]  # DNS proved it
        assert await CertificateStore(redis, base64.b64decode(stack.cert_key)).get(name) is None

        # Fixed DNS; the retry happens when its time comes, not before.
        stack.dns("clear-a", host=f"{name}.")
        assert await domains.run_once() == 0
        await domains.run_once(now=failed.next_check_at + timedelta(seconds=1))
        active = await DomainStore(store).get(name)
        assert active is not None and active.status == "active", active
        answer = await asyncio.to_thread(https_get, stack.https_port, name, stack.root_ca())
        assert answer.status == 200 and answer.body.startswith(b"upstream padaria")
    finally:
        site.close()
        await domains.remove(slug, name)
        stack.dns("clear-txt", host=f"_pagemagic.{name}.")


def expired_certificate(name: str) -> tuple[str, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=90))
        .not_valid_after(now - timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return cert.public_bytes(serialization.Encoding.PEM).decode(), key_pem.decode()


async def test_an_expired_certificate_is_never_served(stack: Stack, redis: Redis) -> None:
    name = f"velha-{secrets.token_hex(3)}.pt"
    site = Upstream("velha")
    slug = f"velha-{secrets.token_hex(3)}"
    await RouteTable(redis).put(Route(slug, 1, 1, "free", (name,), (site.endpoint,)))
    certs = CertificateStore(redis, base64.b64decode(stack.cert_key))
    pem, key = expired_certificate(name)
    await certs.put(name, pem, key)
    try:
        async with httpx.AsyncClient() as client:
            plain = await client.get(f"http://127.0.0.1:{stack.http_port}/", headers={"Host": name})
        assert plain.status_code == 200 and plain.text.startswith("upstream velha")  # HTTP, no redirect
        served = await asyncio.to_thread(https_get, stack.https_port, name, None)
        expired_der = x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER)
        assert served.certificate != expired_der  # the default certificate, not the expired one
        assert "expired" in stack.edge.error_log()
    finally:
        site.close()
        await certs.delete(name)
        await RouteTable(redis).remove(slug)


def test_names_we_must_not_hand_out_are_refused_with_the_reason() -> None:
    cases = {
        "192.168.1.10": "ip_address",
        "[2001:db8::1]": "ip_address",
        f"loja.{BASE}": "ours",
        "shop.blocked-brand.com": "denied",
        "exa mple.com": "characters",
    }
    for raw, reason in cases.items():
        with pytest.raises(InvalidDomain) as error:
            check_allowed(normalise_domain(raw), BASE, ("blocked-brand.com",))
        assert error.value.params["reason"] == reason, raw
