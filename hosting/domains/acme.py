"""Orders certificates over ACME with certbot's ``acme`` library, answering HTTP-01 through the edge.

The library is blocking (``requests``), so every call to the authority runs in a
thread; the HTTP-01 key authorizations go to Redis (``pm:acme:<token>``), where
``lua/acme.lua`` on every edge instance answers the authority's request for
``/.well-known/acme-challenge/<token>``. ``badNonce`` refusals are retried (the
library retries once; this module once more per step), rate limits and failed
challenges come back as ``CertificateError`` subclasses with a retry time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import josepy as jose
import requests
from acme import challenges, client, crypto_util, errors, messages
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from redis.asyncio import Redis

from hosting.domains.certstore import CertificateStore
from hosting.domains.errors import AuthorityUnavailable, CertificateError, ChallengeFailed, RateLimited
from hosting.routes import PREFIX

log = logging.getLogger(__name__)
T = TypeVar("T")

RATE_LIMITED = "urn:ietf:params:acme:error:rateLimited"
BAD_NONCE = "urn:ietf:params:acme:error:badNonce"


def challenge_key(token: str) -> str:
    return f"{PREFIX}acme:{token}"


@dataclass(frozen=True)
class Issued:
    fullchain_pem: str
    key_pem: str
    not_after: datetime


def _new_key_pem() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


class AcmeIssuer:
    def __init__(
        self,
        directory_url: str,
        redis: Redis,
        store: CertificateStore,
        *,
        ca_bundle: Path | None = None,
        email: str | None = None,
        timeout: float = 90.0,
    ) -> None:
        self.directory_url = directory_url
        self.redis = redis
        self.store = store
        self.ca_bundle = ca_bundle
        self.email = email
        self.timeout = timeout
        self._client: client.ClientV2 | None = None
        self._lock = asyncio.Lock()

    async def issue(self, name: str) -> Issued:
        """A fresh key and certificate for ``name``; raises ``CertificateError`` saying when to retry."""
        try:
            return await self._issue(name)
        except CertificateError:
            raise
        except messages.Error as exc:
            if exc.typ == RATE_LIMITED:
                raise RateLimited(f"rate limited by the certificate authority: {exc.detail}", 3600.0) from exc
            raise AuthorityUnavailable(f"the certificate authority refused: {exc.detail or exc.typ}") from exc
        except errors.ValidationError as exc:
            raise ChallengeFailed(_validation_detail(exc), 900.0) from exc
        except errors.TimeoutError as exc:
            raise ChallengeFailed("the certificate authority did not validate in time", 900.0) from exc
        except (requests.RequestException, errors.Error, OSError) as exc:
            raise AuthorityUnavailable(f"the certificate authority could not be reached ({type(exc).__name__})") from exc

    async def _issue(self, name: str) -> Issued:
        acme = await self._account()
        key_pem = await asyncio.to_thread(_new_key_pem)
        csr = crypto_util.make_csr(key_pem, [name])
        order = await self._call(acme.new_order, csr)
        tokens: list[str] = []
        try:
            for authz in order.authorizations:
                if authz.body.status == messages.STATUS_VALID:
                    continue  # the authority still remembers this proof
                challenge = next(
                    (c for c in authz.body.challenges if isinstance(c.chall, challenges.HTTP01)), None
                )
                if challenge is None:
                    raise ChallengeFailed("the certificate authority offered no HTTP-01 challenge", 3600.0)
                response, validation = challenge.chall.response_and_validation(acme.net.key)
                token = challenge.chall.encode("token")
                await self.redis.set(challenge_key(token), validation, ex=int(self.timeout) + 600)
                tokens.append(token)
                await self._call(acme.answer_challenge, challenge, response)
            deadline = datetime.now() + timedelta(seconds=self.timeout)
            done = await self._call(acme.poll_and_finalize, order, deadline)
        finally:
            if tokens:
                await self.redis.delete(*(challenge_key(t) for t in tokens))
        fullchain = done.fullchain_pem
        leaf = x509.load_pem_x509_certificate(fullchain.encode())
        return Issued(fullchain, key_pem.decode(), leaf.not_valid_after_utc.astimezone(UTC))

    async def _account(self) -> client.ClientV2:
        async with self._lock:
            if self._client is None:
                stored = await self.store.load_account()
                key_pem = stored if stored is not None else await self.store.save_account(_new_key_pem())
                self._client = await asyncio.to_thread(self._register, key_pem)
            return self._client

    def _register(self, key_pem: bytes) -> client.ClientV2:
        private = serialization.load_pem_private_key(key_pem, password=None)
        assert isinstance(private, ec.EllipticCurvePrivateKey)
        jwk = jose.jwk.JWKEC(key=private)
        verify: bool | str = str(self.ca_bundle) if self.ca_bundle else True
        net = client.ClientNetwork(jwk, alg=jose.jwa.ES256, verify_ssl=verify, user_agent="pagemagic")  # type: ignore[arg-type]
        directory = client.ClientV2.get_directory(self.directory_url, net)
        acme = client.ClientV2(directory, net)
        registration = messages.NewRegistration.from_data(email=self.email, terms_of_service_agreed=True)
        try:
            _retry_bad_nonce(lambda: acme.new_account(registration))
        except errors.ConflictError as exc:  # this key already has an account: use it
            net.account = messages.RegistrationResource(uri=exc.location, body=messages.Registration())
        return acme

    async def _call(self, fn: Callable[..., T], *args: object) -> T:
        return await asyncio.to_thread(_retry_bad_nonce, lambda: fn(*args))


def _retry_bad_nonce(call: Callable[[], T], attempts: int = 3) -> T:
    """The library retries a badNonce once; an unlucky second refusal is retried here."""
    for attempt in range(attempts):
        try:
            return call()
        except messages.Error as exc:
            if exc.typ != BAD_NONCE or attempt == attempts - 1:
                raise
            log.info("ACME badNonce, retrying")
    raise AssertionError("unreachable")


def _validation_detail(exc: errors.ValidationError) -> str:
    for authz in exc.failed_authzrs:
        for challenge in authz.body.challenges:
            if challenge.error is not None:
                return f"the certificate authority could not validate: {challenge.error.detail or challenge.error.typ}"
    return "the certificate authority could not validate the domain"
