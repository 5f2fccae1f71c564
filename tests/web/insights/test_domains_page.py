"""The domains page: attach through the form (the chat's /domain, same rules), the exact records to
set with copy buttons, the live status the domain checks stored, the certificate's expiry; another
account's site cannot be used; in chromium at phone and desktop sizes the copy button copies."""

from __future__ import annotations

import base64
import secrets
from datetime import UTC, datetime
from typing import Any

from core.storage.domains import DomainStore
from tests.hosting.edge.harness import free_port
from tests.web.insights.browsing import signed_in_page
from tests.web.insights.two_accounts import two_accounts
from tests.web.test_browser import DESKTOP, PHONE


def with_dns_proof() -> dict[str, Any]:
    """Custom domains as in production: the real domain manager on the machine's Redis (a resolver
    nobody answers on: the checks are not what this page test is about)."""
    return {"redis_url": "redis://127.0.0.1:6379/0", "cert_key": base64.b64encode(secrets.token_bytes(32)).decode(),
            "edge_ipv4": "203.0.113.7", "dns_resolver": "127.0.0.1", "dns_resolver_port": free_port()}


async def test_attach_shows_the_exact_records_and_then_the_certificate(serve: Any) -> None:
    async with serve(**with_dns_proof()) as served:
        two = await two_accounts(served)
        name = f"padaria-{secrets.token_hex(3)}.pt"
        answer = await two.browser.post("/app/domains", form={"site": str(two.mine), "domain": name})
        assert answer.status_code == 200, answer.text
        stored = {d.name: d for d in await served.rt.store.domains_of(two.mine)}[name]
        assert stored.status == "pending_dns"
        page = answer.text
        assert f"<code>{name}</code>" in page and "<code>203.0.113.7</code>" in page  # apex: A to the edge
        assert f"<code>_pagemagic.{name}</code>" in page  # the TXT record's name
        assert f'data-copy="{stored.token}"' in page  # the TXT proof, exactly as stored, with its copy button
        assert 'data-status="pending_dns"' in page

        # the certificate job finished (what the domain checks store), the page says until when
        await DomainStore(served.rt.store).update(two.mine, name, "active", not_after=datetime(2027, 2, 28, tzinfo=UTC))
        again = await two.browser.get("/app/domains")
        assert 'data-status="active"' in again.text and "Certificate valid until Feb 28, 2027." in again.text

        # someone else's site id in the form: 404, nothing attached
        theirs = await two.browser.post("/app/domains", form={"site": str(two.theirs), "domain": "x-" + name})
        assert theirs.status_code == 404
        assert not await served.rt.store.domains_of(two.theirs)
        # no CSRF secret: refused, nothing attached
        forged = await two.browser.post("/app/domains", form={"site": str(two.mine), "domain": "y-" + name}, csrf=False)
        assert forged.status_code == 403
        assert {d.name for d in await served.rt.store.domains_of(two.mine)} == {name}
        bad = await two.browser.post("/app/domains", form={"site": str(two.mine), "domain": "not a domain"})
        assert bad.status_code == 400 and "not a valid domain name" in bad.text and 'value="not a domain"' in bad.text


async def test_copy_buttons_in_a_phone_and_a_desktop_browser(serve: Any, browser: Any) -> None:
    async with serve(**with_dns_proof()) as served:
        two = await two_accounts(served)
        name = f"oficina-{secrets.token_hex(3)}.pt"
        for viewport in (PHONE, DESKTOP):
            page, problems = await signed_in_page(served, browser, viewport)
            await page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url)
            await page.goto(f"{served.url}/app/domains")
            if viewport is PHONE:
                assert await page.locator("#no-domains").is_visible()
                await page.fill("#attach-domain", name)
                await page.click("#attach")
                await page.wait_for_selector(".ins-records")
            token = {d.name: d for d in await served.rt.store.domains_of(two.mine)}[name].token
            button = page.locator(f'button.copy[data-copy="{token}"]')
            await button.click()
            assert await page.evaluate("navigator.clipboard.readText()") == token
            assert await button.inner_text() == "Copied"
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], "the page scrolls sideways"
            assert not problems
            await page.context.close()
