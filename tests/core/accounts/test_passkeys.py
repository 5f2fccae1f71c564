"""Passkeys on SQLite and PostgreSQL: registered, used, and every replayed or forged answer refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.accounts.service import AccountService
from core.accounts.tables import PasskeyRow
from core.errors import SecondFactorInvalid, TooManyAttempts
from core.storage.records import ChatRef
from core.storage.store import Store
from tests.clock import FakeClock
from tests.core.accounts.authenticator import SoftAuthenticator

TG = ChatRef(platform="telegram", chat_id="100", user_id="100", user_name="Ana")
OTHER = ChatRef(platform="telegram", chat_id="200", user_id="200", user_name="Bia")
ORIGIN, RP = "http://127.0.0.1:9", "127.0.0.1"


async def _registered(accounts: AccountService, store: Store) -> tuple[int, SoftAuthenticator]:
    user = (await store.conversation(TG)).user_id
    key = SoftAuthenticator(ORIGIN, RP)
    options = await accounts.passkeys.registration_options(user, "Ana")
    assert options["rp"]["id"] == RP and options["attestation"] == "none"
    await accounts.passkeys.register(user, key.create(options), name="Laptop")
    return user, key


async def test_a_passkey_is_registered_used_and_removed(accounts: AccountService, store: Store) -> None:
    user, key = await _registered(accounts, store)
    [passkey] = await accounts.passkeys.of_account(user)
    assert passkey.name == "Laptop" and passkey.last_used_at is None
    await accounts.passkeys.verify(user, key.get(await accounts.passkeys.authentication_options(user)))
    async with store.session() as session:
        row = await session.scalar(select(PasskeyRow).where(PasskeyRow.user_id == user))
        assert row is not None and row.sign_count == 1 and row.credential_id == key.id
    assert (await accounts.passkeys.of_account(user))[0].last_used_at is not None
    assert await accounts.passkeys.remove(user, passkey.id)
    assert await accounts.passkeys.of_account(user) == []
    with pytest.raises(SecondFactorInvalid):
        await accounts.passkeys.authentication_options(user)


async def test_a_replayed_assertion_is_refused(accounts: AccountService, store: Store) -> None:
    user, key = await _registered(accounts, store)
    answer = key.get(await accounts.passkeys.authentication_options(user))
    await accounts.passkeys.verify(user, answer)
    with pytest.raises(SecondFactorInvalid):
        await accounts.passkeys.verify(user, answer)  # its challenge was used


async def test_a_counter_that_goes_back_is_refused(accounts: AccountService, store: Store) -> None:
    """A cloned authenticator: a fresh challenge, a good signature, but the counter did not move forward."""
    user, key = await _registered(accounts, store)
    await accounts.passkeys.verify(user, key.get(await accounts.passkeys.authentication_options(user), counter=5))
    with pytest.raises(SecondFactorInvalid):
        await accounts.passkeys.verify(user, key.get(await accounts.passkeys.authentication_options(user), counter=5))


async def test_forged_assertions_are_refused(accounts: AccountService, store: Store) -> None:
    user, key = await _registered(accounts, store)
    with pytest.raises(SecondFactorInvalid):  # signed by another key
        await accounts.passkeys.verify(user, key.get(await accounts.passkeys.authentication_options(user), forge=True))
    with pytest.raises(SecondFactorInvalid):  # another site asked for it (phishing)
        await accounts.passkeys.verify(user, key.get(await accounts.passkeys.authentication_options(user), origin="https://evil.test"))
    with pytest.raises(SecondFactorInvalid):  # a challenge we never handed out
        await accounts.passkeys.verify(user, key.get({"challenge": "bm90LW91cnM"}))
    other = (await store.conversation(OTHER)).user_id
    stolen = key.get(await accounts.passkeys.authentication_options(user))
    with pytest.raises(SecondFactorInvalid):  # Ana's answer offered for Bia's account
        await accounts.passkeys.verify(other, stolen)
    await accounts.passkeys.verify(user, key.get(await accounts.passkeys.authentication_options(user)))  # the real one works


async def test_challenges_are_short_lived(accounts: AccountService, store: Store, clock: FakeClock) -> None:
    user, key = await _registered(accounts, store)
    options = await accounts.passkeys.authentication_options(user)
    clock.advance(timedelta(minutes=6))
    with pytest.raises(SecondFactorInvalid):
        await accounts.passkeys.verify(user, key.get(options))
    late = SoftAuthenticator(ORIGIN, RP)
    options = await accounts.passkeys.registration_options(user, "Ana")
    clock.advance(timedelta(minutes=6))
    with pytest.raises(SecondFactorInvalid):
        await accounts.passkeys.register(user, late.create(options))
    assert len(await accounts.passkeys.of_account(user)) == 1


async def test_wrong_passkey_answers_count_like_wrong_codes(accounts: AccountService, store: Store) -> None:
    user, key = await _registered(accounts, store)
    with pytest.raises(TooManyAttempts):
        for _ in range(30):
            with pytest.raises(SecondFactorInvalid):
                await accounts.passkeys.verify(user, key.get({"challenge": "bm90LW91cnM"}))


async def test_passkeys_follow_a_merge_and_go_with_the_account(accounts: AccountService, store: Store) -> None:
    user, key = await _registered(accounts, store)
    other = (await store.conversation(OTHER)).user_id
    await accounts.merge(other, user)
    await accounts.passkeys.verify(other, key.get(await accounts.passkeys.authentication_options(other)))
    await accounts.eraser.erase(other, "", 0)
    async with store.session() as session:
        assert list(await session.scalars(select(PasskeyRow))) == []


async def test_the_export_names_the_passkeys(accounts: AccountService, store: Store) -> None:
    import json

    user, _key = await _registered(accounts, store)
    files = await accounts.export.files(user, two_factor=True)
    account = json.loads(files["account.json"])
    assert [k["name"] for k in account["passkeys"]] == ["Laptop"]
    assert "public_key" not in files["account.json"].decode()
