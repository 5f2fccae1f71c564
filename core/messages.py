"""Every sentence the product says to a user: the gettext catalog, looked up by key.

Adapters never write user-facing text of their own: Studio picks the message
by key and fills it in the conversation's locale (``pt_BR``, ``pt_PT``, ``en``,
``es``). The text lives in ``core/i18n/locale/<locale>/LC_MESSAGES/messages.po``;
see docs/languages.md.

``CATALOG`` below is only an inbox for messages written on another branch in
the old dict form (``"key": {"en": ..., "pt": ..., "es": ...}``): ``say`` reads
it first, and ``make messages-import`` moves its entries into the ``.po`` files
(a test fails while it holds any).
"""

from __future__ import annotations

from typing import Any

from core.i18n import catalog
from core.i18n.catalog import MessageMissing, say_in, say_plural
from core.i18n.locales import Locale, family

__all__ = ["CATALOG", "certificate_reason", "domain_reason", "metric_label", "say", "say_in", "say_plural", "section_label"]

# Messages still to import into the catalogs (see the module docstring); normally empty.
CATALOG: dict[str, dict[str, str]] = {
    "publish_waiting": {
        "en": "Another publish of this site is still running; this one goes next.",
        "pt_PT": "Outra publicação deste site ainda está a decorrer; esta vem a seguir.",
        "pt_BR": "Outra publicação deste site ainda está em andamento; esta vem em seguida.",
        "es": "Otra publicación de este sitio sigue en curso; esta va a continuación.",
    },
    "error_publish_superseded": {
        "en": "Version {version} was not published: a later publish of this site was asked for, and that one decides "
        "what is online. /history shows what is live.",
        "pt_PT": "A versão {version} não foi publicada: foi pedida depois outra publicação deste site, e é essa que "
        "decide o que está online. /history mostra o que está no ar.",
        "pt_BR": "A versão {version} não foi publicada: depois foi pedida outra publicação deste site, e é ela que "
        "decide o que fica no ar. /history mostra o que está no ar.",
        "es": "La versión {version} no se publicó: después se pidió otra publicación de este sitio, y esa decide lo que "
        "está en línea. /history muestra lo que está publicado.",
    },
    "history_live": {
        "en": "Live: version {version} at {url}",
        "pt_PT": "Online: versão {version} em {url}",
        "pt_BR": "No ar: versão {version} em {url}",
        "es": "En línea: versión {version} en {url}",
    },
    "history_offline": {
        "en": "Not online (never published, or taken offline).",
        "pt_PT": "Não está online (nunca publicado, ou retirado).",
        "pt_BR": "Não está no ar (nunca publicado, ou retirado do ar).",
        "es": "No está en línea (nunca publicado, o retirado).",
    },
    "error_queue_unavailable": {
        "en": "{command} could not be queued: the job queue is not reachable right now. Nothing changed; "
        "try {command} again in a moment.",
        "pt_PT": "Não foi possível pôr {command} na fila: a fila de trabalhos não está acessível agora. Nada mudou; "
        "tente {command} de novo daqui a pouco.",
        "pt_BR": "Não foi possível colocar {command} na fila: a fila de tarefas não está acessível agora. Nada mudou; "
        "tente {command} de novo daqui a pouco.",
        "es": "No se pudo poner {command} en cola: la cola de trabajos no está accesible ahora. No cambió nada; "
        "prueba {command} de nuevo en un momento.",
    },
    "domain_claim_lost": {
        "en": "{domain}: someone else proved this name first (their TXT record was found), so it now belongs to "
        "another site and this claim was withdrawn. If the name is yours, check who can change its DNS. "
        "/domain remove {domain} clears it from this list.",
        "pt_PT": "{domain}: outra pessoa provou este nome primeiro (o registo TXT dela foi encontrado), por isso "
        "pertence agora a outro site e este pedido foi retirado. Se o nome é seu, verifique quem pode alterar o DNS "
        "dele. /domain remove {domain} tira-o desta lista.",
        "pt_BR": "{domain}: outra pessoa provou este nome primeiro (o registro TXT dela foi encontrado), por isso ele "
        "agora pertence a outro site e este pedido foi retirado. Se o nome é seu, verifique quem pode alterar o DNS "
        "dele. /domain remove {domain} tira ele desta lista.",
        "es": "{domain}: otra persona demostró este nombre primero (se encontró su registro TXT), así que ahora "
        "pertenece a otro sitio y esta solicitud se retiró. Si el nombre es tuyo, revisa quién puede cambiar su DNS. "
        "/domain remove {domain} lo quita de esta lista.",
    },
    "domain_claim_expired": {
        "en": "{domain}: the claim expired because DNS did not prove it in time, so the name is free for whoever "
        "proves it. Send /domain {domain} to claim it again.",
        "pt_PT": "{domain}: o pedido expirou porque o DNS não o provou a tempo, por isso o nome fica livre para quem "
        "o provar. Envie /domain {domain} para o pedir de novo.",
        "pt_BR": "{domain}: o pedido expirou porque o DNS não o comprovou a tempo, então o nome fica livre para quem "
        "o comprovar. Envie /domain {domain} para pedir de novo.",
        "es": "{domain}: la solicitud caducó porque el DNS no la demostró a tiempo, así que el nombre queda libre para "
        "quien lo demuestre. Envía /domain {domain} para pedirlo de nuevo.",
    },
}


def _pending(entry: dict[str, str], language: Locale) -> str:
    return entry.get(language) or entry.get(family(language)) or entry["en"]


def say(language: Locale, key: str, **params: Any) -> str:
    """The message ``key`` in ``language``, with ``params`` filled in."""
    entry = CATALOG.get(key)
    if entry is not None:
        return _pending(entry, language).format(**params)
    return catalog.say(language, key, **params)


def section_label(language: Locale, kind: str) -> str:
    """A section kind as the chat names it ("Cardápio" in Brazil); an unknown kind as it is."""
    try:
        return say_in(language, "section", kind)
    except MessageMissing:
        return kind


def metric_label(language: Locale, metric: str) -> str:
    try:
        return say_in(language, "metric", metric)
    except MessageMissing:
        return metric


def domain_reason(language: Locale, reason: str, **params: Any) -> str:
    """Why a domain was refused, in ``language``; an unknown code is shown as it is."""
    try:
        return say_in(language, "domain_reason", reason, **params)
    except MessageMissing:
        return reason


def certificate_reason(language: Locale, cause: str) -> str | None:
    """Why a certificate could not be had, in ``language``; None for a cause we have no words for."""
    try:
        return say_in(language, "certificate_reason", cause)
    except MessageMissing:
        return None
