"""/language: the user picks the locale Page Magic speaks in a conversation.

Without an argument it says which locale is in use and how to change it;
with one (``pt-BR``, ``pt-PT``, ``en``, ``es``, or a name: "português do
Brasil", "español") it stores the choice, which detection then never
overrides. The site's own language is left as it is: rewriting a site in
another language is a refinement ("rewrite it in English").
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from core.events import Event, Reply
from core.i18n.locales import DEFAULT_PORTUGUESE, Locale, is_portuguese, locale_from_tag
from core.messages import say, say_in
from core.site.presets import fold
from core.storage.records import ConversationRecord
from core.storage.store import Store

_NAMES: dict[str, Locale] = {
    "brasil": "pt_BR", "brazil": "pt_BR", "brasileiro": "pt_BR", "portugues do brasil": "pt_BR",
    "portugues brasileiro": "pt_BR", "brazilian portuguese": "pt_BR", "br": "pt_BR",
    "portugal": "pt_PT", "portugues de portugal": "pt_PT", "portugues europeu": "pt_PT",
    "european portuguese": "pt_PT",
    "english": "en", "ingles": "en", "spanish": "es", "espanol": "es", "espanhol": "es", "castellano": "es",
}
_PLAIN_PORTUGUESE = ("pt", "portugues", "portuguese", "portuguesa")


def parse_choice(argument: str, current: Locale) -> Locale | None:
    """The locale ``argument`` names; plain "pt"/"português" keeps a Portuguese variant, else Brazil's."""
    folded = " ".join(fold(argument).replace("_", "-").split())
    if folded in _PLAIN_PORTUGUESE:
        return current if is_portuguese(current) else DEFAULT_PORTUGUESE
    return _NAMES.get(folded) or locale_from_tag(folded)


async def choose_language(
    store: Store, conversation: ConversationRecord, argument: str, language: Locale
) -> AsyncIterator[Event]:
    if not argument.strip():
        yield Reply(say(language, "language_menu", current=say_in(language, "language_name", language)), kind="language")
        return
    chosen = parse_choice(argument, language)
    if chosen is None:
        yield Reply(say(language, "language_unknown", value=argument.strip()[:40]), kind="usage_hint")
        return
    await store.set_language(conversation.id, chosen, chosen=True)
    yield Reply(say(chosen, "language_set", name=say_in(chosen, "language_name", chosen)), kind="language")
