"""Every sentence the product says to a user, in Portuguese, English and Spanish.

Adapters never write user-facing text of their own: Studio picks the message
here by key and fills it in the conversation's language.
"""

from __future__ import annotations

from typing import Any

from core.site.values import Language

CATALOG: dict[str, dict[Language, str]] = {
    "generating_create": {
        "en": "Designing your site…",
        "pt": "A criar o seu site…",
        "es": "Diseñando tu sitio…",
    },
    "generating_refine": {
        "en": "Updating your site…",
        "pt": "A atualizar o seu site…",
        "es": "Actualizando tu sitio…",
    },
    "section_ready": {
        "en": "{label}: {heading}",
        "pt": "{label}: {heading}",
        "es": "{label}: {heading}",
    },
    "preview_ready_create": {
        "en": "Your site “{name}” is ready (version {version}). Live preview: {url}",
        "pt": "O seu site “{name}” está pronto (versão {version}). Pré-visualização ao vivo: {url}",
        "es": "Tu sitio “{name}” está listo (versión {version}). Vista previa en vivo: {url}",
    },
    "preview_ready_refine": {
        "en": "Updated to version {version} ({changed} sections changed). Preview: {url}",
        "pt": "Atualizado para a versão {version} ({changed} secções alteradas). Pré-visualização: {url}",
        "es": "Actualizado a la versión {version} ({changed} secciones cambiadas). Vista previa: {url}",
    },
    "preview_ready_refine_one": {
        "en": "Updated to version {version} (1 section changed). Preview: {url}",
        "pt": "Atualizado para a versão {version} (1 secção alterada). Pré-visualização: {url}",
        "es": "Actualizado a la versión {version} (1 sección cambiada). Vista previa: {url}",
    },
    "preview_ready_refine_none": {
        "en": "Updated to version {version} (the look changed, no section text). Preview: {url}",
        "pt": "Atualizado para a versão {version} (mudou o aspeto, nenhum texto de secção). Pré-visualização: {url}",
        "es": "Actualizado a la versión {version} (cambió el aspecto, ningún texto de sección). Vista previa: {url}",
    },
    "preview_ready_undo": {
        "en": "Back to version {version}. Preview: {url}",
        "pt": "De volta à versão {version}. Pré-visualização: {url}",
        "es": "De vuelta a la versión {version}. Vista previa: {url}",
    },
    "cancelled": {
        "en": "Stopped the previous request; your site is as it was before it.",
        "pt": "Parei o pedido anterior; o seu site ficou como estava antes dele.",
        "es": "Detuve la petición anterior; tu sitio quedó como estaba antes.",
    },
    "published": {
        "en": "Published version {version}: {url}",
        "pt": "Versão {version} publicada: {url}",
        "es": "Versión {version} publicada: {url}",
    },
    "published_domains": {
        "en": "Also served for: {domains}",
        "pt": "Também servido em: {domains}",
        "es": "También servido en: {domains}",
    },
    "domain_attached_local": {
        "en": "{domain} is mapped to your site: requests with the Host header {domain} to {server} get it "
        "(try: curl -H 'Host: {domain}' {server}/). Point the domain's DNS at this server; HTTPS comes with the edge.",
        "pt": "{domain} está associado ao seu site: pedidos com o cabeçalho Host {domain} para {server} recebem-no "
        "(experimente: curl -H 'Host: {domain}' {server}/). Aponte o DNS do domínio para este servidor; o HTTPS vem com o edge.",
        "es": "{domain} quedó asociado a tu sitio: las peticiones con la cabecera Host {domain} a {server} lo reciben "
        "(prueba: curl -H 'Host: {domain}' {server}/). Apunta el DNS del dominio a este servidor; el HTTPS llega con el edge.",
    },
    "domain_needs_publish": {
        "en": "It will answer as soon as you /publish.",
        "pt": "Vai responder assim que fizer /publish.",
        "es": "Responderá en cuanto hagas /publish.",
    },
    "domain_already_yours": {
        "en": "{domain} is already attached to this site.",
        "pt": "{domain} já está associado a este site.",
        "es": "{domain} ya está asociado a este sitio.",
    },
    "usage_header": {
        "en": "Usage from {start} to {end} — plan {plan}:",
        "pt": "Utilização de {start} a {end} — plano {plan}:",
        "es": "Uso del {start} al {end} — plan {plan}:",
    },
    "usage_line": {
        "en": "• {label}: {used} of {limit}",
        "pt": "• {label}: {used} de {limit}",
        "es": "• {label}: {used} de {limit}",
    },
    "usage_line_unlimited": {
        "en": "• {label}: {used} (no limit)",
        "pt": "• {label}: {used} (sem limite)",
        "es": "• {label}: {used} (sin límite)",
    },
    "history_header": {
        "en": "Versions of “{name}”:",
        "pt": "Versões de “{name}”:",
        "es": "Versiones de “{name}”:",
    },
    "history_line": {
        "en": "{marker} v{version} · {when} · {instruction}",
        "pt": "{marker} v{version} · {when} · {instruction}",
        "es": "{marker} v{version} · {when} · {instruction}",
    },
    "new_site": {
        "en": "Fresh start. Describe the site you want, e.g. “a bakery in Lisbon with a menu and opening hours”.",
        "pt": "Novo começo. Descreva o site que quer, por exemplo “uma padaria em Lisboa com menu e horário”.",
        "es": "Empezamos de nuevo. Describe el sitio que quieres, por ejemplo “una panadería en Madrid con menú y horario”.",
    },
    "help": {
        "en": "Describe a site in a sentence and I'll build it, section by section, with a live preview. "
        "Then refine it in plain words (“make it dark green”, “add a FAQ”, “move the menu to the top”).\n"
        "Commands:\n/new — start a new site\n/undo — back to the previous version\n/history — list versions\n"
        "/publish — put the site online\n/domain NAME — serve it at your own domain\n/usage — what you used this month\n"
        "/help — this message",
        "pt": "Descreva um site numa frase e eu construo-o, secção a secção, com pré-visualização ao vivo. "
        "Depois afine-o por palavras (“deixa-o verde escuro”, “adiciona perguntas frequentes”, “move o menu para o topo”).\n"
        "Comandos:\n/new — começar um site novo\n/undo — voltar à versão anterior\n/history — listar versões\n"
        "/publish — pôr o site online\n/domain NOME — servi-lo no seu domínio\n/usage — o que usou este mês\n"
        "/help — esta mensagem",
        "es": "Describe un sitio en una frase y lo construyo, sección a sección, con vista previa en vivo. "
        "Después ajústalo con tus palabras (“ponlo verde oscuro”, “añade preguntas frecuentes”, “mueve el menú arriba”).\n"
        "Comandos:\n/new — empezar un sitio nuevo\n/undo — volver a la versión anterior\n/history — ver versiones\n"
        "/publish — publicar el sitio\n/domain NOMBRE — servirlo en tu dominio\n/usage — lo que usaste este mes\n"
        "/help — este mensaje",
    },
    # Errors: what happened and what to do.
    "error_empty_message": {
        "en": "That message was empty. Describe the site you want, or type /help.",
        "pt": "Essa mensagem estava vazia. Descreva o site que quer, ou escreva /help.",
        "es": "Ese mensaje estaba vacío. Describe el sitio que quieres o escribe /help.",
    },
    "error_message_too_long": {
        "en": "That message is {length} characters long; I can take up to {limit}. Send a shorter description — your site is unchanged.",
        "pt": "Essa mensagem tem {length} caracteres; aceito até {limit}. Envie uma descrição mais curta — o seu site não mudou.",
        "es": "Ese mensaje tiene {length} caracteres; acepto hasta {limit}. Envía una descripción más corta — tu sitio no cambió.",
    },
    "error_unknown_command": {
        "en": "I don't know the command {command}. Type /help to see what I can do.",
        "pt": "Não conheço o comando {command}. Escreva /help para ver o que posso fazer.",
        "es": "No conozco el comando {command}. Escribe /help para ver lo que puedo hacer.",
    },
    "error_no_site": {
        "en": "There is no site yet. Describe the one you want first, e.g. “a café in Porto with a menu”.",
        "pt": "Ainda não há site. Descreva primeiro o que quer, por exemplo “um café no Porto com menu”.",
        "es": "Todavía no hay sitio. Describe primero el que quieres, por ejemplo “una cafetería en Sevilla con menú”.",
    },
    "error_nothing_to_undo": {
        "en": "Nothing to undo: this is the first version of the site.",
        "pt": "Nada para desfazer: esta é a primeira versão do site.",
        "es": "Nada que deshacer: esta es la primera versión del sitio.",
    },
    "error_invalid_domain": {
        "en": "“{domain}” is not a valid domain name ({reason}). Use a name like example.com or www.example.com.",
        "pt": "“{domain}” não é um nome de domínio válido ({reason}). Use um nome como exemplo.pt ou www.exemplo.pt.",
        "es": "“{domain}” no es un nombre de dominio válido ({reason}). Usa un nombre como ejemplo.es o www.ejemplo.es.",
    },
    "error_domain_taken": {
        "en": "{domain} is already attached to another site, so it can't be used here. If it's yours, remove it there first.",
        "pt": "{domain} já está associado a outro site, por isso não pode ser usado aqui. Se é seu, remova-o lá primeiro.",
        "es": "{domain} ya está asociado a otro sitio, así que no puede usarse aquí. Si es tuyo, quítalo allí primero.",
    },
    "error_domain_usage": {
        "en": "Tell me the domain: /domain example.com",
        "pt": "Diga-me o domínio: /domain exemplo.pt",
        "es": "Dime el dominio: /domain ejemplo.es",
    },
    "error_quota_exceeded": {
        "en": "You've reached your plan's limit for {label} this month ({used} of {limit}). Your site is safe; the limit resets on {reset}.",
        "pt": "Atingiu o limite do seu plano para {label} este mês ({used} de {limit}). O seu site está seguro; o limite renova a {reset}.",
        "es": "Alcanzaste el límite de tu plan para {label} este mes ({used} de {limit}). Tu sitio está a salvo; el límite se renueva el {reset}.",
    },
    "error_invalid_spec": {
        "en": "The generated site was not valid at {path}: {message}. Nothing was saved; try rephrasing.",
        "pt": "O site gerado não era válido em {path}: {message}. Nada foi guardado; tente reformular.",
        "es": "El sitio generado no era válido en {path}: {message}. No se guardó nada; prueba a reformularlo.",
    },
    "error_generation_failed": {
        "en": "I couldn't generate that ({detail}). Your site is unchanged; please try again.",
        "pt": "Não consegui gerar isso ({detail}). O seu site não mudou; tente de novo.",
        "es": "No pude generar eso ({detail}). Tu sitio no cambió; inténtalo de nuevo.",
    },
    "error_publish_failed": {
        "en": "Publishing failed ({detail}). The previous release is still online; try /publish again.",
        "pt": "A publicação falhou ({detail}). A versão anterior continua online; tente /publish de novo.",
        "es": "La publicación falló ({detail}). La versión anterior sigue en línea; prueba /publish de nuevo.",
    },
    "error_concurrent_change": {
        "en": "The site changed in another chat at the same moment. Nothing was lost; send your request again to apply it to the newest version.",
        "pt": "O site foi alterado noutra conversa ao mesmo tempo. Nada se perdeu; envie o pedido de novo para o aplicar à versão mais recente.",
        "es": "El sitio cambió en otro chat al mismo tiempo. No se perdió nada; envía tu petición de nuevo para aplicarla a la versión más reciente.",
    },
    "error_storage_unavailable": {
        "en": "I can't reach the database right now. Nothing was lost; try again in a moment.",
        "pt": "Não consigo aceder à base de dados neste momento. Nada se perdeu; tente daqui a pouco.",
        "es": "No puedo acceder a la base de datos ahora mismo. No se perdió nada; inténtalo en un momento.",
    },
    "error_internal": {
        "en": "Something went wrong on our side. Your site and history are safe; please try again.",
        "pt": "Algo correu mal do nosso lado. O seu site e o histórico estão seguros; tente de novo.",
        "es": "Algo salió mal de nuestro lado. Tu sitio y tu historial están a salvo; inténtalo de nuevo.",
    },
    # -- chat front doors with buttons and command menus (Telegram, Slack) --------------
    "unsupported_content": {
        "en": "I can only read text for now — stickers, voice notes, photos and files are not something I can use. "
        "Describe the site in words, e.g. “a bakery in Lisbon with a menu and opening hours”, or send /help.",
        "pt": "Por agora só leio texto — autocolantes, mensagens de voz, fotos e ficheiros não consigo usar. "
        "Descreva o site por palavras, por exemplo “uma padaria em Lisboa com menu e horário”, ou envie /help.",
        "es": "Por ahora solo leo texto — stickers, notas de voz, fotos y archivos no los puedo usar. "
        "Describe el sitio con palabras, por ejemplo “una panadería en Madrid con menú y horario”, o envía /help.",
    },
    "button_publish": {"en": "Publish", "pt": "Publicar", "es": "Publicar"},
    "button_undo": {"en": "Undo", "pt": "Desfazer", "es": "Deshacer"},
    "button_open_preview": {"en": "Open preview", "pt": "Abrir pré-visualização", "es": "Abrir vista previa"},
    "button_open_site": {"en": "Open site", "pt": "Abrir site", "es": "Abrir sitio"},
    "command_start": {"en": "Start and see what I can do", "pt": "Começar e ver o que sei fazer", "es": "Empezar y ver qué sé hacer"},
    "command_new": {"en": "Start a new site", "pt": "Começar um site novo", "es": "Empezar un sitio nuevo"},
    "command_publish": {"en": "Put the site online", "pt": "Pôr o site online", "es": "Poner el sitio en línea"},
    "command_domain": {
        "en": "Serve the site at your own domain",
        "pt": "Servir o site no seu domínio",
        "es": "Servir el sitio en tu dominio",
    },
    "command_usage": {"en": "What you used this month", "pt": "O que usou este mês", "es": "Lo que usaste este mes"},
    "command_undo": {"en": "Back to the previous version", "pt": "Voltar à versão anterior", "es": "Volver a la versión anterior"},
    "command_history": {"en": "List the site's versions", "pt": "Listar as versões do site", "es": "Ver las versiones del sitio"},
    "command_help": {"en": "What Page Magic can do", "pt": "O que o Page Magic sabe fazer", "es": "Qué sabe hacer Page Magic"},
    # -- chat front doors with buttons and command menus (Telegram, Slack) --------------
    "unsupported_content": {
        "en": "I can only read text for now — stickers, voice notes, photos and files are not something I can use. "
        "Describe the site in words, e.g. “a bakery in Lisbon with a menu and opening hours”, or send /help.",
        "pt": "Por agora só leio texto — autocolantes, mensagens de voz, fotos e ficheiros não consigo usar. "
        "Descreva o site por palavras, por exemplo “uma padaria em Lisboa com menu e horário”, ou envie /help.",
        "es": "Por ahora solo leo texto — stickers, notas de voz, fotos y archivos no los puedo usar. "
        "Describe el sitio con palabras, por ejemplo “una panadería en Madrid con menú y horario”, o envía /help.",
    },
    "button_publish": {"en": "Publish", "pt": "Publicar", "es": "Publicar"},
    "button_undo": {"en": "Undo", "pt": "Desfazer", "es": "Deshacer"},
    "button_open_preview": {"en": "Open preview", "pt": "Abrir pré-visualização", "es": "Abrir vista previa"},
    "button_open_site": {"en": "Open site", "pt": "Abrir site", "es": "Abrir sitio"},
    "command_start": {"en": "Start and see what I can do", "pt": "Começar e ver o que sei fazer", "es": "Empezar y ver qué sé hacer"},
    "command_new": {"en": "Start a new site", "pt": "Começar um site novo", "es": "Empezar un sitio nuevo"},
    "command_publish": {"en": "Put the site online", "pt": "Pôr o site online", "es": "Poner el sitio en línea"},
    "command_domain": {
        "en": "Serve the site at your own domain",
        "pt": "Servir o site no seu domínio",
        "es": "Servir el sitio en tu dominio",
    },
    "command_usage": {"en": "What you used this month", "pt": "O que usou este mês", "es": "Lo que usaste este mes"},
    "command_undo": {"en": "Back to the previous version", "pt": "Voltar à versão anterior", "es": "Volver a la versión anterior"},
    "command_history": {"en": "List the site's versions", "pt": "Listar as versões do site", "es": "Ver las versiones del sitio"},
    "command_help": {"en": "What Page Magic can do", "pt": "O que o Page Magic sabe fazer", "es": "Qué sabe hacer Page Magic"},
}

SECTION_LABELS: dict[str, dict[Language, str]] = {
    "hero": {"en": "Hero", "pt": "Destaque", "es": "Portada"},
    "about": {"en": "About", "pt": "Sobre", "es": "Sobre nosotros"},
    "features": {"en": "Highlights", "pt": "Destaques", "es": "Ventajas"},
    "services": {"en": "Services", "pt": "Serviços", "es": "Servicios"},
    "menu": {"en": "Menu", "pt": "Menu", "es": "Menú"},
    "pricing": {"en": "Pricing", "pt": "Preços", "es": "Precios"},
    "gallery": {"en": "Gallery", "pt": "Galeria", "es": "Galería"},
    "testimonials": {"en": "Testimonials", "pt": "Testemunhos", "es": "Opiniones"},
    "team": {"en": "Team", "pt": "Equipa", "es": "Equipo"},
    "faq": {"en": "FAQ", "pt": "Perguntas frequentes", "es": "Preguntas frecuentes"},
    "contact": {"en": "Contact", "pt": "Contacto", "es": "Contacto"},
    "cta": {"en": "Call to action", "pt": "Chamada à ação", "es": "Llamada a la acción"},
    "stats": {"en": "Figures", "pt": "Números", "es": "Cifras"},
    "footer": {"en": "Footer", "pt": "Rodapé", "es": "Pie de página"},
}

METRIC_LABELS: dict[str, dict[Language, str]] = {
    "generations": {"en": "generations", "pt": "gerações", "es": "generaciones"},
    "sections": {"en": "sections generated", "pt": "secções geradas", "es": "secciones generadas"},
    "tokens": {"en": "model tokens", "pt": "tokens do modelo", "es": "tokens del modelo"},
    "previews": {"en": "previews", "pt": "pré-visualizações", "es": "vistas previas"},
    "publishes": {"en": "publishes", "pt": "publicações", "es": "publicaciones"},
    "published_sites": {"en": "published sites", "pt": "sites publicados", "es": "sitios publicados"},
    "domains": {"en": "custom domains", "pt": "domínios próprios", "es": "dominios propios"},
    "requests": {"en": "requests served", "pt": "pedidos servidos", "es": "peticiones servidas"},
    "bytes": {"en": "bandwidth", "pt": "tráfego", "es": "tráfico"},
}


def say(language: Language, key: str, **params: Any) -> str:
    """The message ``key`` in ``language``, with ``params`` filled in."""
    return CATALOG[key][language].format(**params)


def section_label(language: Language, kind: str) -> str:
    return SECTION_LABELS.get(kind, {}).get(language, kind)


def metric_label(language: Language, metric: str) -> str:
    return METRIC_LABELS.get(metric, {}).get(language, metric)
