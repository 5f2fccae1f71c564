from __future__ import annotations

from datetime import timedelta

from core.llm.offline.textfit import slug
from core.slugs import is_reserved, slugify
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from tests.core.scripted import sample_site


def test_slugify_strips_accents_and_symbols() -> None:
    assert slugify("Padaria São João!") == "padaria-sao-joao"
    assert slugify("🍞🍞") == "site"


def test_email_slug_is_the_same_slug_without_hyphens() -> None:
    assert slug("Padaria Artesanal de Lisboa") == "padariaartesanaldelisboa"
    assert slug("x" * 50) == "x" * 30


def test_the_reserved_list_holds_the_platforms_own_host_names() -> None:
    for name in ("www", "app", "api", "admin", "mail", "edge", "status", "smtp", "ftp", "ns1", "dashboard",
                 "billing", "static", "cdn", "assets", "docs", "help", "support", "login", "auth", "autodiscover"):
        assert is_reserved(name), name
    assert not is_reserved("padaria-estrela") and not is_reserved("site")


async def test_a_site_is_never_given_a_reserved_host_name(store: Store) -> None:
    conversation = await store.conversation(ChatRef(platform="console", chat_id="slugs", user_id="u"))
    for name in ("Admin", "WWW", "Mail", "Status", "Support!", "API"):
        site = sample_site().model_copy(update={"name": name})
        record = await store.create_site(
            conversation.id, conversation.user_id, site, "x", new_preview_token(), timedelta(hours=1)
        )
        assert not is_reserved(record.slug), record.slug
        assert record.slug.startswith(slugify(name) + "-"), record.slug  # still recognisably the name


async def test_renaming_a_draft_never_moves_it_to_a_reserved_host_name(store: Store) -> None:
    conversation = await store.conversation(ChatRef(platform="console", chat_id="rename", user_id="u"))
    record = await store.create_site(
        conversation.id, conversation.user_id, sample_site(), "x", new_preview_token(), timedelta(hours=1)
    )
    renamed = sample_site().model_copy(update={"name": "Login"})
    await store.add_version(record.id, renamed, "call it Login", 1, timedelta(hours=1))
    moved = await store.follow_name_in_slug(record.id)
    assert moved.slug != "login" and moved.slug.startswith("login-")
