"""Accounts on SQLite and PostgreSQL: link codes, merging, sessions, links, two-factor, tokens, erasure."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.accounts.service import AccountService
from core.accounts.tables import TotpRow
from core.errors import LastIdentity, LinkCodeInvalid, SecondFactorInvalid, SignInInvalid, TooManyAttempts
from core.site.schema import parse_site
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from core.storage.tables import ChatIdentityRow, SiteRow, UserRow
from tests.clock import FakeClock
from tests.core.site.samples import sample_site_data

TG = ChatRef(platform="telegram", chat_id="100", user_id="100", user_name="Ana")
SLACK = ChatRef(platform="slack", workspace="T1", chat_id="D1", user_id="U1", user_name="ana")


async def _site(store: Store, chat: ChatRef) -> int:
    conv = await store.conversation(chat)
    record = await store.create_site(
        conv.id, conv.user_id, parse_site(sample_site_data()), "x", new_preview_token(), timedelta(hours=1)
    )
    return record.id


async def test_a_link_code_works_once_within_ten_minutes(accounts: AccountService, store: Store, clock: FakeClock) -> None:
    a = (await store.conversation(TG)).user_id
    code = await accounts.codes.issue(a)
    code_id, issuer = await accounts.codes.peek(code.lower().replace("-", " "), "slack:T1:U1")
    assert issuer == a
    assert await accounts.codes.use(code_id) == a
    with pytest.raises(LinkCodeInvalid):
        await accounts.codes.use(code_id)
    with pytest.raises(LinkCodeInvalid):
        await accounts.codes.peek(code, "slack:T1:U1")
    late = await accounts.codes.issue(a)
    clock.advance(timedelta(minutes=10, seconds=1))
    with pytest.raises(LinkCodeInvalid):
        await accounts.codes.peek(late, "slack:T1:U1")


async def test_link_code_guesses_are_limited_per_identity(accounts: AccountService, store: Store, clock: FakeClock) -> None:
    a = (await store.conversation(TG)).user_id
    code = await accounts.codes.issue(a)
    for _ in range(5):
        with pytest.raises(LinkCodeInvalid):
            await accounts.codes.peek("AAAA-AAAA", "slack:T1:U9")
    with pytest.raises(TooManyAttempts):
        await accounts.codes.peek(code, "slack:T1:U9")  # even the right code, until the window passes
    await accounts.codes.peek(code, "slack:T1:U8")  # another identity is not slowed down
    clock.advance(timedelta(minutes=10))
    await accounts.codes.peek(await accounts.codes.issue(a), "slack:T1:U9")


async def test_merging_keeps_every_site_identity_and_the_higher_plan(accounts: AccountService, store: Store) -> None:
    site_a = await _site(store, TG)
    site_b = await _site(store, SLACK)
    a = (await store.conversation(TG)).user_id
    b = (await store.conversation(SLACK)).user_id
    async with store.session() as session, session.begin():
        (await session.get(UserRow, b)).plan = "pro"  # type: ignore[union-attr]
    outcome = await accounts.merge(keep=a, other=b)
    assert outcome.plan == "pro"
    async with store.session() as session:
        owners = {r.id: r.owner_id for r in await session.scalars(select(SiteRow))}
        assert owners == {site_a: a, site_b: a}
        assert await session.get(UserRow, b) is None
        ids = {(r.platform, r.external_id) for r in await session.scalars(select(ChatIdentityRow).where(ChatIdentityRow.user_id == a))}
    assert ids == {("telegram", "100"), ("slack", "U1")}
    assert (await store.conversation(SLACK)).user_id == a
    assert (await accounts.directory.account(a)).plan == "pro"  # type: ignore[union-attr]
    trail = await accounts.audit.for_user(a)
    assert trail[-1].action == "merge" and "sites 1" in trail[-1].detail


async def test_the_last_way_in_cannot_be_unlinked(accounts: AccountService, store: Store) -> None:
    a = (await store.conversation(TG)).user_id
    [only] = await accounts.directory.identities(a)
    with pytest.raises(LastIdentity):
        await accounts.directory.remove_identity(a, only.id)
    email = await accounts.directory.add_identity(a, "email", "", "ana@example.com")
    await accounts.directory.remove_identity(a, email.id)  # an address can always go


async def test_sessions_expire_when_idle_and_absolutely_and_rotate(accounts: AccountService, store: Store, clock: FakeClock) -> None:
    a = (await store.conversation(TG)).user_id
    token, record = await accounts.sessions.start(a, "link", second_factor=True)
    assert (await accounts.sessions.resume(token)) is not None
    new, rotated = await accounts.sessions.rotate(record.id, verified=True)
    assert await accounts.sessions.resume(token) is None  # the old token no longer works
    assert rotated.csrf != record.csrf and accounts.sessions.recently_verified(rotated)
    clock.advance(timedelta(hours=12))
    assert await accounts.sessions.resume(new) is None  # idle too long
    token, _record = await accounts.sessions.start(a, "link", True)
    for hour in range(11, 7 * 24, 11):  # active every 11 hours: the absolute limit still ends it after 7 days
        clock.advance(timedelta(hours=11))
        assert await accounts.sessions.resume(token) is not None, hour
    clock.advance(timedelta(hours=11))
    assert await accounts.sessions.resume(token) is None


async def test_sign_out_everywhere(accounts: AccountService, store: Store) -> None:
    a = (await store.conversation(TG)).user_id
    tokens = [(await accounts.sessions.start(a, "link", True))[0] for _ in range(3)]
    assert await accounts.sessions.end_all(a) == 3
    assert [await accounts.sessions.resume(t) for t in tokens] == [None, None, None]


async def test_sign_in_links_are_single_use_and_short_lived(accounts: AccountService, store: Store, clock: FakeClock) -> None:
    a = (await store.conversation(TG)).user_id
    token = await accounts.links.issue(a)
    assert await accounts.links.redeem(token) == (a, "")
    with pytest.raises(SignInInvalid):
        await accounts.links.redeem(token)
    stale = await accounts.links.issue(a)
    clock.advance(timedelta(minutes=11))
    with pytest.raises(SignInInvalid):
        await accounts.links.redeem(stale)
    verify = await accounts.links.issue(a, "verify_email", "ana@example.com")
    with pytest.raises(SignInInvalid):
        await accounts.links.redeem(verify)  # not a sign-in link


async def test_totp_enrolment_replay_and_recovery_codes(accounts: AccountService, store: Store, clock: FakeClock) -> None:
    a = (await store.conversation(TG)).user_id
    uri = await accounts.two_factor.begin(a, "Ana")
    totp = pyotp.parse_uri(uri)
    assert not await accounts.two_factor.enabled(a)
    codes = await accounts.two_factor.confirm(a, totp.at(clock.now()))
    assert len(codes) == 10 and len(set(codes)) == 10 and await accounts.two_factor.enabled(a)
    async with store.session() as session:
        stored = await session.get(TotpRow, a)
        assert stored is not None and totp.secret not in stored.secret  # sealed at rest
    with pytest.raises(SecondFactorInvalid):
        await accounts.two_factor.verify(a, totp.at(clock.now()))  # the same step again: a replay
    clock.advance(timedelta(seconds=30))
    assert await accounts.two_factor.verify(a, totp.at(clock.now())) == "totp"
    assert await accounts.two_factor.verify(a, codes[0].upper().replace("-", "")) == "recovery"
    with pytest.raises(SecondFactorInvalid):
        await accounts.two_factor.verify(a, codes[0])  # each recovery code works once
    assert await accounts.two_factor.recovery_left(a) == 9


async def test_wrong_second_factor_codes_are_limited(accounts: AccountService, store: Store, clock: FakeClock) -> None:
    a = (await store.conversation(TG)).user_id
    totp = pyotp.parse_uri(await accounts.two_factor.begin(a, "Ana"))
    await accounts.two_factor.confirm(a, totp.at(clock.now()))
    for _ in range(5):
        with pytest.raises(SecondFactorInvalid):
            await accounts.two_factor.verify(a, "000000")
    clock.advance(timedelta(seconds=30))
    with pytest.raises(TooManyAttempts):
        await accounts.two_factor.verify(a, totp.at(clock.now()))


async def test_api_tokens_are_shown_once_kept_hashed_and_revocable(accounts: AccountService, store: Store) -> None:
    a = (await store.conversation(TG)).user_id
    token, record = await accounts.tokens.create(a, "ci", ("read", "publish"))
    assert token.startswith("pm_") and record.scopes == ("read", "publish")
    assert (await accounts.tokens.authenticate(token)).id == record.id  # type: ignore[union-attr]
    assert await accounts.tokens.authenticate(token + "x") is None
    assert await accounts.tokens.revoke(a, record.id)
    assert await accounts.tokens.authenticate(token) is None


async def test_a_link_sign_in_uses_the_link_and_makes_the_session_together(accounts: AccountService, store: Store, clock: FakeClock) -> None:
    """One transaction (one commit on the hot path of bench/auth.py): a refused link writes no session nor audit."""
    a = (await store.conversation(TG)).user_id
    stale = await accounts.links.issue(a)
    clock.advance(timedelta(minutes=11))

    async def redeem(session: AsyncSession, token: str) -> int:
        return (await accounts.links.redeem_in(session, token))[0]

    with pytest.raises(SignInInvalid):
        await accounts.sessions.sign_in(lambda s: redeem(s, stale), "link")
    assert await accounts.sessions.of_account(a) == []
    assert [e for e in await accounts.audit.for_user(a) if e.action == "sign_in"] == []
    fresh = await accounts.links.issue(a)
    token, record = await accounts.sessions.sign_in(lambda s: redeem(s, fresh), "link")
    assert record.user_id == a and await accounts.sessions.resume(token) == record
    with pytest.raises(SignInInvalid):  # used
        await accounts.sessions.sign_in(lambda s: redeem(s, fresh), "link")
    assert len(await accounts.sessions.of_account(a)) == 1


async def test_a_sign_in_waits_for_the_second_factor_only_once_totp_is_confirmed(accounts: AccountService, store: Store, clock: FakeClock) -> None:
    """The TOTP check is part of the session's INSERT (one statement fewer per sign-in): the same answers."""
    a = (await store.conversation(TG)).user_id
    assert (await accounts.sessions.sign_in(a, "link"))[1].second_factor  # no TOTP: done
    totp = pyotp.parse_uri(await accounts.two_factor.begin(a, "Ana"))
    assert (await accounts.sessions.sign_in(a, "link"))[1].second_factor  # enrolment unfinished: still done
    await accounts.two_factor.confirm(a, totp.at(clock.now()))
    _token, record = await accounts.sessions.sign_in(a, "link")
    assert not record.second_factor
    [stored] = [s for s in await accounts.sessions.of_account(a) if s.id == record.id]
    assert not stored.second_factor
    details = [e.detail for e in await accounts.audit.for_user(a) if e.action == "sign_in"]
    assert sorted(details) == ["link", "link", "link (second factor asked)"]
