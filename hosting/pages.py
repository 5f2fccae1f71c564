"""Small self-contained status pages (not found, expired) in the three languages at once.

The visitor's language is unknown here, so each page says it in pt, en and es.
"""

from __future__ import annotations

from html import escape

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;"
    "line-height:1.5;color:#1f2328;background:#fff}h1{font-size:1.5rem}p{margin:.5rem 0}"
)


def status_page(title: str, lines: list[str]) -> str:
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body><main><h1>{escape(title)}</h1>{body}</main></body></html>"
    )


NOT_FOUND = status_page(
    "Not found",
    [
        "There is no site here. Check the link you were given.",
        "Não há nenhum site aqui. Verifique o link que recebeu.",
        "No hay ningún sitio aquí. Revisa el enlace que recibiste.",
    ],
)
PREVIEW_EXPIRED = status_page(
    "Preview expired",
    [
        "This preview link has expired. Send a new message in the chat to get a fresh one.",
        "Este link de pré-visualização expirou. Envie uma nova mensagem na conversa para receber outro.",
        "Este enlace de vista previa caducó. Envía un mensaje nuevo en el chat para recibir otro.",
    ],
)
NOT_PUBLISHED = status_page(
    "Not published yet",
    [
        "This site exists but has not been published yet. Use /publish in the chat.",
        "Este site existe mas ainda não foi publicado. Use /publish na conversa.",
        "Este sitio existe pero aún no se ha publicado. Usa /publish en el chat.",
    ],
)
