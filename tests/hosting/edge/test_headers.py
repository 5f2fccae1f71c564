"""Security headers on every answer (proxied, 404, 429, ACME; HSTS only on TLS) and ACME HTTP-01."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Callable
from pathlib import Path

import httpx

from hosting.edge.nginx import EdgeProcess
from hosting.routes import PREFIX
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import RawClient, Upstream, free_port, unique
from tests.waiting import eventually

SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy")


async def test_every_answer_carries_the_security_headers(
    tmp_path: Path, keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    site = upstream("site")
    host = f"{unique('padaria')}.test"
    plan = await keys.limits(unique("plan"), rps=1, burst=1)
    await keys.route(unique("padaria"), [host], [site.endpoint], plan=plan)
    token = unique("tok")
    await keys.redis.set(f"{PREFIX}acme:{token}", f"{token}.thumbprint", ex=60)
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={host}",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    proxy = edge(https_port=free_port(), tls_cert=cert, tls_key=key)

    def fetch() -> list[tuple[int, dict[str, str], bytes]]:
        client = RawClient(proxy.config.port)
        answers = [client.get(host), client.get(host), client.get(f"{unique('x')}.test"),
                   client.get(host, f"/.well-known/acme-challenge/{token}"),
                   client.get(host, "/.well-known/acme-challenge/unknown-token")]
        client.close()
        return [(a.status, a.headers, a.body) for a in answers]

    answers = await asyncio.to_thread(fetch)
    assert [a[0] for a in answers] == [200, 429, 404, 200, 404]
    for _status, headers, _body in answers:
        for name in SECURITY:
            assert name in headers, (name, headers)
        assert headers["x-content-type-options"] == "nosniff"
        assert "strict-transport-security" not in headers  # plain HTTP: no HSTS
    assert answers[0][1]["content-security-policy"].startswith("default-src 'self'")
    assert answers[2][1]["content-security-policy"].startswith("default-src 'none'; style-src 'sha256-")
    assert answers[3][2] == f"{token}.thumbprint".encode()

    async with httpx.AsyncClient(verify=False) as client:  # a self-signed test certificate

        async def served() -> httpx.Response | None:  # once the 1 request/s bucket has refilled
            answer = await client.get(f"https://127.0.0.1:{proxy.config.https_port}/", headers={"Host": host})
            return answer if answer.status_code != 429 else None

        tls = await eventually(served, what="an HTTPS answer past the rate limit")
    assert tls.status_code == 200
    assert tls.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    for name in SECURITY:
        assert name in tls.headers
