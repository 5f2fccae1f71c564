"""An AccountService on the real store (SQLite and PostgreSQL), with a clock the test moves."""

from __future__ import annotations

import secrets

import pytest

from core.accounts.attempts import MemoryAttempts
from core.accounts.sealing import Sealer
from core.accounts.service import AccountService
from core.storage.store import Store
from tests.clock import FakeClock


@pytest.fixture
def accounts(store: Store, clock: FakeClock) -> AccountService:
    return AccountService(
        store, Sealer(secrets.token_bytes(32)), attempts=MemoryAttempts(clock.now), clock=clock.now,
        public_url="http://127.0.0.1:9",
    )
