"""Every insight route checks the session, the site's owner and (on a change) the CSRF secret.
The routes are read from ``insights_routes()``, so a route added later is tried too."""

from __future__ import annotations

from typing import Any

from starlette.routing import Route

from tests.web.insights.two_accounts import two_accounts
from tests.web.signing import Browser
from web.insights.routes import insights_routes

ROUTES = [(r.path, method) for r in insights_routes() if isinstance(r, Route) for method in sorted(r.methods or ())
          if method != "HEAD"]


def concrete(path: str, site_id: int) -> str:
    return path.replace("{site_id:int}", str(site_id))


async def test_every_route_refuses_another_accounts_site_strangers_and_forged_posts(serve: Any) -> None:
    assert len(ROUTES) >= 7
    async with serve() as served:
        two = await two_accounts(served)
        stranger = Browser(served.http)
        for path, method in ROUTES:
            if method == "GET":
                anonymous = await stranger.get(concrete(path, two.mine))
                assert anonymous.status_code == 303, path
                assert anonymous.headers["location"] in ("/auth/sign-in", "/account"), path
                if "{site_id" in path:
                    assert (await two.browser.get(concrete(path, two.theirs))).status_code == 404, path
                    assert (await two.browser.get(concrete(path, 10**8))).status_code == 404, path
                    assert (await two.browser.get(concrete(path, two.mine))).status_code == 200, path
            else:
                form = {"site": str(two.theirs), "domain": "theirs-example.pt"}
                forged = await two.browser.post(concrete(path, two.mine), form=form, csrf=False)
                assert forged.status_code == 403, path
                anonymous = await stranger.post(concrete(path, two.mine), form=form, csrf=False)
                assert anonymous.status_code in (303, 403), path
                answer = await two.browser.post(concrete(path, two.mine), form=form)
                assert answer.status_code in (200, 400, 404), path  # their site: 404; no payments: 400; a cap: 200
        assert not await served.rt.store.domains_of(two.theirs)
