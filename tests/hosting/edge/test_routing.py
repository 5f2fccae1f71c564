"""Host -> site routing, spreading over endpoints, failover, the unknown-host page."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from hosting.edge.nginx import EdgeProcess
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import RawClient, Upstream, unique


async def test_host_header_picks_the_site(keys: Keys, upstream: Callable[..., Upstream],
                                          edge: Callable[..., EdgeProcess]) -> None:
    a, b = upstream("a"), upstream("b")
    host_a, host_b = f"{unique('padaria')}.test", f"{unique('oficina')}.test"
    await keys.route(unique("padaria"), [host_a], [a.endpoint], plan=unique("plan"))
    await keys.route(unique("oficina"), [host_b, f"www.{host_b}"], [b.endpoint], plan=unique("plan"))
    proxy = edge()

    def fetch() -> list[bytes]:
        client = RawClient(proxy.config.port)
        bodies = [client.get(h).body for h in (host_a, host_b, f"www.{host_b}", host_a.upper())]
        client.close()
        return bodies

    bodies = await asyncio.to_thread(fetch)
    assert bodies == [b"upstream a\n", b"upstream b\n", b"upstream b\n", b"upstream a\n"]


async def test_a_host_with_a_trailing_dot_is_the_same_site(keys: Keys, upstream: Callable[..., Upstream],
                                                           edge: Callable[..., EdgeProcess]) -> None:
    """nginx's ``$host`` drops the trailing dot of a fully qualified name; ``pagemagic serve`` answers the
    same (tests/hosting/test_server.py, issue 14 item 9)."""
    a = upstream("a")
    host = f"{unique('padaria')}.test"
    await keys.route(unique("padaria"), [host], [a.endpoint], plan=unique("plan"))
    proxy = edge()

    def fetch() -> list[tuple[int, bytes]]:
        client = RawClient(proxy.config.port)
        answers = [client.get(h) for h in (host, host + ".", host.upper() + ".")]
        client.close()
        return [(answer.status, answer.body) for answer in answers]

    assert await asyncio.to_thread(fetch) == [(200, b"upstream a\n")] * 3


async def test_unknown_host_gets_a_friendly_page_in_the_visitors_language(
    edge: Callable[..., EdgeProcess],
) -> None:
    proxy = edge()

    def fetch() -> list[tuple[int, str, str]]:
        client = RawClient(proxy.config.port)
        answers = []
        for accept in (None, "pt-BR,pt;q=0.9,en;q=0.5", "pt-PT,pt;q=0.9,en;q=0.5"):
            headers = {"Accept-Language": accept} if accept else {}
            answer = client.get(f"{unique('nowhere')}.test", headers=headers)
            answers.append((answer.status, answer.headers.get("content-language", ""), answer.body.decode()))
        client.close()
        return answers

    (status, lang, body), (br_status, br_lang, br_body), (pt_status, pt_lang, pt_body) = await asyncio.to_thread(fetch)
    assert status == 404 and lang == "en" and "There is no site at this address" in body
    # Brazilian and European visitors each read their own Portuguese.
    assert br_status == 404 and br_lang == "pt-BR" and "Não existe nenhum site neste endereço. Confira o link que você recebeu." in br_body
    assert '<html lang="pt-BR">' in br_body
    assert pt_status == 404 and pt_lang == "pt-PT" and "Não há nenhum site neste endereço. Verifique o link que recebeu." in pt_body


async def test_requests_spread_evenly_over_endpoints(keys: Keys, upstream: Callable[..., Upstream],
                                                     edge: Callable[..., EdgeProcess]) -> None:
    replicas = [upstream(f"r{i}") for i in range(3)]
    host = f"{unique('loja')}.test"
    await keys.route(unique("loja"), [host], [r.endpoint for r in replicas], plan=unique("plan"))
    proxy = edge(workers=1)

    def fetch() -> None:
        client = RawClient(proxy.config.port)
        for _ in range(300):
            assert client.get(host).status == 200
        client.close()

    await asyncio.to_thread(fetch)
    assert [r.hits for r in replicas] == [100, 100, 100]


async def test_a_dead_endpoint_fails_over_without_an_error(keys: Keys, upstream: Callable[..., Upstream],
                                                           edge: Callable[..., EdgeProcess]) -> None:
    alive, dying = upstream("alive"), upstream("dying")
    host = f"{unique('bar')}.test"
    await keys.route(unique("bar"), [host], [alive.endpoint, dying.endpoint], plan=unique("plan"))
    proxy = edge()

    def fetch(n: int) -> list[int]:
        client = RawClient(proxy.config.port)
        statuses = [client.get(host).status for _ in range(n)]
        client.close()
        return statuses

    assert await asyncio.to_thread(fetch, 20) == [200] * 20
    assert alive.hits > 0 and dying.hits > 0
    dying.close()  # the replica dies mid-test; the route still lists it
    before = alive.hits
    assert await asyncio.to_thread(fetch, 40) == [200] * 40
    assert alive.hits - before == 40
    assert "failed; trying the next" in proxy.error_log()
