"""Every sentence the product says to a user, in Portuguese, English and Spanish.

Adapters never write user-facing text of their own: Studio picks the message
here by key and fills it in the conversation's language.
"""

from __future__ import annotations

from typing import Any

from core.site.values import Language

CATALOG: dict[str, dict[Language, str]] = {
    # Pages the nginx edge answers itself (rendered into its config by hosting/edge/pages.py).
    "edge_not_found_title": {"en": "No site here", "pt": "Nenhum site aqui", "es": "Ningún sitio aquí"},
    "edge_not_found": {
        "en": "There is no site at this address. Check the link you were given.",
        "pt": "Não há nenhum site neste endereço. Verifique o link que recebeu.",
        "es": "No hay ningún sitio en esta dirección. Revisa el enlace que recibiste.",
    },
    "edge_rate_limited_title": {"en": "Too many requests", "pt": "Demasiados pedidos", "es": "Demasiadas peticiones"},
    "edge_rate_limited": {
        "en": "This site is receiving more requests than its plan allows. Please try again in a moment.",
        "pt": "Este site está a receber mais pedidos do que o plano permite. Tente de novo daqui a pouco.",
        "es": "Este sitio recibe más peticiones de las que permite su plan. Inténtalo de nuevo en un momento.",
    },
    "edge_quota_title": {
        "en": "This site's plan is used up",
        "pt": "O plano deste site esgotou-se",
        "es": "El plan de este sitio se agotó",
    },
    "edge_quota": {
        "en": "This site has used all the requests or bandwidth its plan includes this month. "
        "It comes back at the start of next month, or as soon as its owner upgrades the plan.",
        "pt": "Este site usou todos os pedidos ou todo o tráfego que o plano inclui este mês. "
        "Volta no início do próximo mês, ou assim que o dono mudar para um plano maior.",
        "es": "Este sitio usó todas las peticiones o todo el tráfico que incluye su plan este mes. "
        "Vuelve a principios del próximo mes, o en cuanto su dueño mejore el plan.",
    },
    "edge_unavailable_title": {
        "en": "Site temporarily unavailable",
        "pt": "Site temporariamente indisponível",
        "es": "Sitio no disponible temporalmente",
    },
    "edge_unavailable": {
        "en": "This site is starting or being updated. Please try again in a few seconds.",
        "pt": "Este site está a arrancar ou a ser atualizado. Tente de novo dentro de alguns segundos.",
        "es": "Este sitio se está iniciando o actualizando. Inténtalo de nuevo en unos segundos.",
    },
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
    "preview_ready_refine_removed": {
        "en": "Updated to version {version} (sections removed: {removed}). Preview: {url}",
        "pt": "Atualizado para a versão {version} (secções removidas: {removed}). Pré-visualização: {url}",
        "es": "Actualizado a la versión {version} (secciones quitadas: {removed}). Vista previa: {url}",
    },
    "preview_ready_refine_moved": {
        "en": "Updated to version {version} (sections in a new order). Preview: {url}",
        "pt": "Atualizado para a versão {version} (secções numa nova ordem). Pré-visualização: {url}",
        "es": "Actualizado a la versión {version} (secciones en un nuevo orden). Vista previa: {url}",
    },
    "preview_ready_refine_details": {
        "en": "Updated to version {version} (business details changed). Preview: {url}",
        "pt": "Atualizado para a versão {version} (dados do negócio alterados). Pré-visualização: {url}",
        "es": "Actualizado a la versión {version} (datos del negocio cambiados). Vista previa: {url}",
    },
    "refine_already": {
        "en": "Nothing to change: the site already looks like that, so it stays at version {version}.",
        "pt": "Nada a mudar: o site já está assim, por isso fica na versão {version}.",
        "es": "Nada que cambiar: el sitio ya está así, así que se queda en la versión {version}.",
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
    "preview_ready_redo": {
        "en": "Forward again to version {version}. Preview: {url}",
        "pt": "De novo na versão {version}. Pré-visualização: {url}",
        "es": "De nuevo en la versión {version}. Vista previa: {url}",
    },
    "unpublish_still_running": {
        "en": "Taking the site offline continues in the background (state: {state}). Send /unpublish again later to see the result.",
        "pt": "A retirada do site continua em segundo plano (estado: {state}). Envie /unpublish mais tarde para ver o resultado.",
        "es": "La retirada del sitio sigue en segundo plano (estado: {state}). Envía /unpublish más tarde para ver el resultado.",
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
    "publish_queued": {
        "en": "Publishing version {version}: queued…",
        "pt": "A publicar a versão {version}: em fila…",
        "es": "Publicando la versión {version}: en cola…",
    },
    "publish_building": {
        "en": "Building the site image…",
        "pt": "A construir a imagem do site…",
        "es": "Construyendo la imagen del sitio…",
    },
    "publish_pushing": {
        "en": "Uploading the image to the registry…",
        "pt": "A enviar a imagem para o registo…",
        "es": "Subiendo la imagen al registro…",
    },
    "publish_deploying": {
        "en": "Putting the new version online (the current one keeps serving until it is ready)…",
        "pt": "A pôr a nova versão online (a atual continua a servir até ela estar pronta)…",
        "es": "Poniendo en línea la nueva versión (la actual sigue sirviendo hasta que esté lista)…",
    },
    "publish_retrying": {
        "en": "The hosting service is not reachable right now; the publish is kept and will be retried.",
        "pt": "O serviço de alojamento não está acessível agora; a publicação fica guardada e será repetida.",
        "es": "El servicio de alojamiento no está accesible ahora; la publicación se guarda y se reintentará.",
    },
    "publish_still_running": {
        "en": "Publishing is still running in the background (state: {state}). Send /publish again later to see the result.",
        "pt": "A publicação continua em segundo plano (estado: {state}). Envie /publish mais tarde para ver o resultado.",
        "es": "La publicación sigue en segundo plano (estado: {state}). Envía /publish más tarde para ver el resultado.",
    },
    "unpublished": {
        "en": "“{name}” is offline now; its address and domains no longer answer. /publish puts it back.",
        "pt": "“{name}” está agora offline; o endereço e os domínios deixaram de responder. /publish volta a publicá-lo.",
        "es": "“{name}” ya está fuera de línea; su dirección y dominios dejaron de responder. /publish lo vuelve a publicar.",
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
    # Custom domains with DNS proof and certificates (hosting/domains).
    "domain_attached": {
        "en": "{domain} is attached. Once DNS proves it is yours, it is routed to your site and gets an HTTPS certificate.",
        "pt": "{domain} ficou associado. Quando o DNS provar que é seu, passa a levar ao seu site e recebe um certificado HTTPS.",
        "es": "{domain} quedó asociado. Cuando el DNS demuestre que es tuyo, llevará a tu sitio y recibirá un certificado HTTPS.",
    },
    "domain_records_intro": {
        "en": "Set these records at your DNS provider, then send /domain check:",
        "pt": "Crie estes registos no seu fornecedor de DNS e depois envie /domain check:",
        "es": "Crea estos registros en tu proveedor de DNS y luego envía /domain check:",
    },
    "domain_pending_dns": {
        "en": "{domain}: waiting for DNS. I look again regularly; /domain check looks now.",
        "pt": "{domain}: à espera do DNS. Volto a verificar regularmente; /domain check verifica já.",
        "es": "{domain}: esperando al DNS. Vuelvo a comprobarlo a menudo; /domain check lo comprueba ya.",
    },
    "domain_problem_txt_missing": {
        "en": "the TXT record {name} is missing (it must hold {expected})",
        "pt": "falta o registo TXT {name} (deve conter {expected})",
        "es": "falta el registro TXT {name} (debe contener {expected})",
    },
    "domain_problem_txt_wrong": {
        "en": "the TXT record {name} holds {found}, not {expected}",
        "pt": "o registo TXT {name} contém {found}, e não {expected}",
        "es": "el registro TXT {name} contiene {found}, no {expected}",
    },
    "domain_problem_pointer_missing": {
        "en": "there is no {type} record for {name} (it must point at {expected})",
        "pt": "não há registo {type} para {name} (deve apontar para {expected})",
        "es": "no hay registro {type} para {name} (debe apuntar a {expected})",
    },
    "domain_problem_pointer_wrong": {
        "en": "the {type} record of {name} points at {found}, not {expected}",
        "pt": "o registo {type} de {name} aponta para {found}, e não para {expected}",
        "es": "el registro {type} de {name} apunta a {found}, no a {expected}",
    },
    "domain_problem_dns_error": {
        "en": "the DNS lookup of {type} {name} failed ({found}); I'll try again",
        "pt": "a consulta DNS de {type} {name} falhou ({found}); volto a tentar",
        "es": "la consulta DNS de {type} {name} falló ({found}); lo intentaré de nuevo",
    },
    "domain_verified": {
        "en": "{domain}: DNS verified, it now leads to your site. Ordering its HTTPS certificate…",
        "pt": "{domain}: DNS verificado, já leva ao seu site. A pedir o certificado HTTPS…",
        "es": "{domain}: DNS verificado, ya lleva a tu sitio. Pidiendo su certificado HTTPS…",
    },
    "domain_issuing": {
        "en": "{domain}: the certificate authority is checking the domain and issuing the certificate…",
        "pt": "{domain}: a autoridade de certificação está a verificar o domínio e a emitir o certificado…",
        "es": "{domain}: la autoridad de certificación está comprobando el dominio y emitiendo el certificado…",
    },
    "domain_active": {
        "en": "{domain} is live over HTTPS: https://{domain}/ (certificate valid until {until}, renewed automatically).",
        "pt": "{domain} está no ar com HTTPS: https://{domain}/ (certificado válido até {until}, renovado automaticamente).",
        "es": "{domain} está en línea con HTTPS: https://{domain}/ (certificado válido hasta {until}, se renueva solo).",
    },
    "domain_renew_retry": {
        "en": "The last renewal failed ({reason}); I'll try again before it expires.",
        "pt": "A última renovação falhou ({reason}); volto a tentar antes de expirar.",
        "es": "La última renovación falló ({reason}); lo intentaré de nuevo antes de que caduque.",
    },
    "domain_failed": {
        "en": "{domain}: the certificate could not be issued ({reason}). The site still answers over HTTP; "
        "I'll try again automatically, and /domain check shows where it stands.",
        "pt": "{domain}: não foi possível emitir o certificado ({reason}). O site continua a responder por HTTP; "
        "volto a tentar automaticamente, e /domain check mostra o ponto da situação.",
        "es": "{domain}: no se pudo emitir el certificado ({reason}). El sitio sigue respondiendo por HTTP; "
        "lo intentaré de nuevo automáticamente, y /domain check muestra cómo va.",
    },
    "domain_still_working": {
        "en": "{domain}: still working on it in the background; /domain check shows where it stands.",
        "pt": "{domain}: continuo a tratar disto em segundo plano; /domain check mostra o ponto da situação.",
        "es": "{domain}: sigo con ello en segundo plano; /domain check muestra cómo va.",
    },
    "domain_removed": {
        "en": "{domain} was removed from your site: it no longer leads here and its certificate is deleted.",
        "pt": "{domain} foi removido do seu site: já não leva até aqui e o certificado foi apagado.",
        "es": "{domain} se quitó de tu sitio: ya no lleva aquí y su certificado se borró.",
    },
    "domain_not_attached": {
        "en": "{domain} is not attached to this site.",
        "pt": "{domain} não está associado a este site.",
        "es": "{domain} no está asociado a este sitio.",
    },
    "domain_none": {
        "en": "This site has no domains yet: /domain example.com",
        "pt": "Este site ainda não tem domínios: /domain exemplo.pt",
        "es": "Este sitio aún no tiene dominios: /domain ejemplo.es",
    },
    "error_domain_remove_usage": {
        "en": "Tell me which domain to remove: /domain remove example.com",
        "pt": "Diga-me que domínio remover: /domain remove exemplo.pt",
        "es": "Dime qué dominio quitar: /domain remove ejemplo.es",
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
    "usage_sites_header": {
        "en": "Served per site:",
        "pt": "Servido por site:",
        "es": "Servido por sitio:",
    },
    "usage_site_line": {
        "en": "  · {name}: {requests} requests, {bytes}",
        "pt": "  · {name}: {requests} pedidos, {bytes}",
        "es": "  · {name}: {requests} peticiones, {bytes}",
    },
    "usage_line_unlimited": {
        "en": "• {label}: {used} (no limit)",
        "pt": "• {label}: {used} (sem limite)",
        "es": "• {label}: {used} (sin límite)",
    },
    # Billing: /usage details, /upgrade, spending alerts.
    "usage_overage": {"en": "overage {amount}", "pt": "excedente {amount}", "es": "excedente {amount}"},
    "usage_estimate": {
        "en": "Estimated bill so far: {total} (plan {base} + overage {overage}). Usage resets on {reset}.",
        "pt": "Fatura estimada até agora: {total} (plano {base} + excedente {overage}). A utilização renova a {reset}.",
        "es": "Factura estimada hasta ahora: {total} (plan {base} + excedente {overage}). El uso se renueva el {reset}.",
    },
    "usage_cap": {
        "en": "Spending cap: {cap} of overage a month ({left} left).",
        "pt": "Limite de gastos: {cap} de excedente por mês (restam {left}).",
        "es": "Tope de gasto: {cap} de excedente al mes (quedan {left}).",
    },
    "upgrade_offer": {
        "en": "Upgrade to {title} for {price} a month — pay securely with Stripe: {url}\n"
        "Your new limits apply as soon as the payment goes through.",
        "pt": "Mude para o plano {title} por {price} por mês — pague em segurança com a Stripe: {url}\n"
        "Os novos limites valem assim que o pagamento for confirmado.",
        "es": "Pásate a {title} por {price} al mes — paga de forma segura con Stripe: {url}\n"
        "Tus nuevos límites se aplican en cuanto se confirme el pago.",
    },
    "upgrade_top": {
        "en": "You're already on the biggest plan ({plan}). Type /usage to see what you've used.",
        "pt": "Já está no plano maior ({plan}). Escreva /usage para ver o que usou.",
        "es": "Ya estás en el plan más grande ({plan}). Escribe /usage para ver lo que usaste.",
    },
    "quota_upgrade": {
        "en": "Need more now? Upgrade to {title} ({price} a month): {url}",
        "pt": "Precisa de mais já? Mude para {title} ({price} por mês): {url}",
        "es": "¿Necesitas más ahora? Pásate a {title} ({price} al mes): {url}",
    },
    "spending_alert_80": {
        "en": "Heads-up: you've used 80% of the {label} your plan includes this month ({used} of {limit}).",
        "pt": "Atenção: já usou 80% das {label} que o seu plano inclui este mês ({used} de {limit}).",
        "es": "Aviso: ya usaste el 80% de {label} que incluye tu plan este mes ({used} de {limit}).",
    },
    "spending_alert_100": {
        "en": "You've used all the {label} your plan includes this month ({used} of {limit}).",
        "pt": "Usou todas as {label} que o seu plano inclui este mês ({used} de {limit}).",
        "es": "Usaste todo lo que tu plan incluye de {label} este mes ({used} de {limit}).",
    },
    "spending_alert_metered": {
        "en": "More is billed as overage; /usage shows the estimated bill.",
        "pt": "O que passar é cobrado como excedente; /usage mostra a fatura estimada.",
        "es": "Lo que pase se cobra como excedente; /usage muestra la factura estimada.",
    },
    "spending_alert_hard": {
        "en": "Type /upgrade for a bigger plan.",
        "pt": "Escreva /upgrade para um plano maior.",
        "es": "Escribe /upgrade para un plan mayor.",
    },
    "error_billing_not_configured": {
        "en": "Plans can't be bought on this server: payments are not set up here. Your current plan keeps working; "
        "the operator can enable them (Stripe).",
        "pt": "Não é possível comprar planos neste servidor: os pagamentos não estão configurados. O seu plano atual "
        "continua a funcionar; quem gere o serviço pode ativá-los (Stripe).",
        "es": "No se pueden comprar planes en este servidor: los pagos no están configurados. Tu plan actual sigue "
        "funcionando; quien gestiona el servicio puede activarlos (Stripe).",
    },
    "error_billing_unavailable": {
        "en": "Plans can't be bought here right now. Nothing was charged; please try again later.",
        "pt": "Não é possível comprar planos aqui neste momento. Nada foi cobrado; tente mais tarde.",
        "es": "No se pueden comprar planes aquí ahora mismo. No se cobró nada; inténtalo más tarde.",
    },
    "error_spending_cap_reached": {
        "en": "That would pass your monthly spending cap ({spent} of {cap} of overage used). "
        "Your site is safe; the cap resets next month.",
        "pt": "Isso passaria o seu limite mensal de gastos ({spent} de {cap} de excedente usados). "
        "O seu site está seguro; o limite renova no próximo mês.",
        "es": "Eso superaría tu tope mensual de gasto ({spent} de {cap} de excedente usados). "
        "Tu sitio está a salvo; el tope se renueva el mes que viene.",
    },
    "command_upgrade": {"en": "A bigger plan", "pt": "Um plano maior", "es": "Un plan mayor"},
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
    "history_audit_header": {"en": "Changes:", "pt": "Alterações:", "es": "Cambios:"},
    "history_audit_line": {
        "en": "  {when} · {action} · {detail} · by {who}",
        "pt": "  {when} · {action} · {detail} · por {who}",
        "es": "  {when} · {action} · {detail} · por {who}",
    },
    "audit_publish": {"en": "publish", "pt": "publicação", "es": "publicación"},
    "audit_unpublish": {"en": "unpublish", "pt": "retirada", "es": "retirada"},
    "audit_domain": {"en": "domain", "pt": "domínio", "es": "dominio"},
    "audit_plan": {"en": "plan", "pt": "plano", "es": "plan"},
    "audit_permission": {"en": "permission", "pt": "permissão", "es": "permiso"},
    "new_site": {
        "en": "Fresh start. Describe the site you want, e.g. “a bakery in Lisbon with a menu and opening hours”.",
        "pt": "Novo começo. Descreva o site que quer, por exemplo “uma padaria em Lisboa com menu e horário”.",
        "es": "Empezamos de nuevo. Describe el sitio que quieres, por ejemplo “una panadería en Madrid con menú y horario”.",
    },
    "help": {
        "en": "Describe a site in a sentence and I'll build it, section by section, with a live preview. "
        "Then refine it in plain words (“make it dark green”, “add a FAQ”, “move the menu to the top”).\n"
        "Commands:\n/new — start a new site\n/undo — back to the previous version\n/redo — forward again after /undo\n/history — list versions\n"
        "/publish — put the site online\n/unpublish — take it offline\n/domain NAME — serve it at your own domain\n/usage — what you used this month\n/upgrade — a bigger plan\n"
        "/help — this message",
        "pt": "Descreva um site numa frase e eu construo-o, secção a secção, com pré-visualização ao vivo. "
        "Depois afine-o por palavras (“deixa-o verde escuro”, “adiciona perguntas frequentes”, “move o menu para o topo”).\n"
        "Comandos:\n/new — começar um site novo\n/undo — voltar à versão anterior\n/redo — refazer depois de /undo\n/history — listar versões\n"
        "/publish — pôr o site online\n/unpublish — tirá-lo do ar\n/domain NOME — servi-lo no seu domínio\n/usage — o que usou este mês\n/upgrade — um plano maior\n"
        "/help — esta mensagem",
        "es": "Describe un sitio en una frase y lo construyo, sección a sección, con vista previa en vivo. "
        "Después ajústalo con tus palabras (“ponlo verde oscuro”, “añade preguntas frecuentes”, “mueve el menú arriba”).\n"
        "Comandos:\n/new — empezar un sitio nuevo\n/undo — volver a la versión anterior\n/redo — rehacer tras /undo\n/history — ver versiones\n"
        "/publish — publicar el sitio\n/unpublish — desconectarlo\n/domain NOMBRE — servirlo en tu dominio\n/usage — lo que usaste este mes\n/upgrade — un plan mayor\n"
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
    "error_nothing_to_redo": {
        "en": "Nothing to redo: no version was made from this one. /history lists them all.",
        "pt": "Nada para refazer: nenhuma versão foi feita a partir desta. /history lista todas.",
        "es": "Nada que rehacer: ninguna versión se hizo a partir de esta. /history las muestra todas.",
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
    # Limits on what exists now (not monthly sums): freeing one makes room at once.
    "error_quota_exceeded_published_sites": {
        "en": "You've reached your plan's limit for published sites ({used} of {limit} online). Take one offline with /unpublish in its chat, or /upgrade.",
        "pt": "Atingiu o limite do seu plano para sites publicados ({used} de {limit} online). Retire um com /unpublish na conversa dele, ou /upgrade.",
        "es": "Alcanzaste el límite de tu plan para sitios publicados ({used} de {limit} en línea). Desconecta uno con /unpublish en su chat, o /upgrade.",
    },
    "error_quota_exceeded_domains": {
        "en": "You've reached your plan's limit for custom domains ({used} of {limit} attached). Remove one with /domain remove NAME, or /upgrade.",
        "pt": "Atingiu o limite do seu plano para domínios próprios ({used} de {limit} associados). Remova um com /domain remove NOME, ou /upgrade.",
        "es": "Alcanzaste el límite de tu plan para dominios propios ({used} de {limit} asociados). Quita uno con /domain remove NOMBRE, o /upgrade.",
    },
    "error_invalid_spec": {
        "en": "The generated site was not valid at {path}: {message}. Nothing was saved; try rephrasing.",
        "pt": "O site gerado não era válido em {path}: {message}. Nada foi guardado; tente reformular.",
        "es": "El sitio generado no era válido en {path}: {message}. No se guardó nada; prueba a reformularlo.",
    },
    "error_generation_failed": {
        "en": "I couldn't generate that: something went wrong on our side. Your site is unchanged; please try again.",
        "pt": "Não consegui gerar isso: algo correu mal do nosso lado. O seu site não mudou; tente de novo.",
        "es": "No pude generar eso: algo falló de nuestro lado. Tu sitio no cambió; inténtalo de nuevo.",
    },
    "error_publish_failed": {
        "en": "Publishing failed. The previous release is still online; try /publish again.",
        "pt": "A publicação falhou. A versão anterior continua online; tente /publish de novo.",
        "es": "La publicación falló. La versión anterior sigue en línea; prueba /publish de nuevo.",
    },
    "error_unpublish_failed": {
        "en": "Taking the site offline did not finish, so it may still be online. Try /unpublish again in a moment.",
        "pt": "A retirada do site não terminou, por isso pode continuar online. Tente /unpublish de novo daqui a pouco.",
        "es": "La retirada del sitio no terminó, así que puede seguir en línea. Prueba /unpublish de nuevo en un momento.",
    },
    "error_publish_rolled_back": {
        "en": "The new version failed its health check and was rolled back; the previous version is still online.",
        "pt": "A nova versão falhou a verificação de saúde e foi revertida; a versão anterior continua online.",
        "es": "La nueva versión falló la comprobación de salud y se revirtió; la versión anterior sigue en línea.",
    },
    "error_backend_unavailable": {
        "en": "The hosting service is not reachable. Nothing was lost; try again in a moment.",
        "pt": "O serviço de alojamento não está acessível. Nada se perdeu; tente daqui a pouco.",
        "es": "El servicio de alojamiento no está accesible. No se perdió nada; inténtalo en un momento.",
    },
    "error_not_published": {
        "en": "This site is not online (never published, or already taken offline), so there is nothing to take offline.",
        "pt": "Este site não está online (nunca foi publicado, ou já foi retirado), por isso não há nada para tirar do ar.",
        "es": "Este sitio no está en línea (nunca se publicó, o ya se desconectó), así que no hay nada que desconectar.",
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
    # The AI model (PAGEMAGIC_LLM_*): what went wrong, and that nothing was lost.
    "section_skipped": {
        "en": "I couldn't write the {label} section: the AI model's answer kept failing the site's rules, even after asking it again. "
        "Every other section is kept; ask me to add it again if you want it.",
        "pt": "Não consegui escrever a secção {label}: a resposta do modelo de IA continuou a falhar as regras do site, mesmo depois de lhe pedir de novo. "
        "Todas as outras secções ficam; peça-me para a adicionar de novo se a quiser.",
        "es": "No pude escribir la sección {label}: la respuesta del modelo de IA siguió sin cumplir las reglas del sitio, incluso tras pedírsela de nuevo. "
        "Las demás secciones se mantienen; pídeme que la añada otra vez si la quieres.",
    },
    "edit_skipped": {
        "en": "One change ({label}) couldn't be made: the AI model's answer for it kept failing the site's rules. The other changes were applied.",
        "pt": "Uma alteração ({label}) não pôde ser feita: a resposta do modelo de IA continuou a falhar as regras do site. As outras alterações foram aplicadas.",
        "es": "Un cambio ({label}) no se pudo hacer: la respuesta del modelo de IA siguió sin cumplir las reglas del sitio. Los demás cambios se aplicaron.",
    },
    "error_model_unavailable": {
        "en": "The AI model isn't answering right now. Your site is unchanged; try again in a minute.",
        "pt": "O modelo de IA não está a responder neste momento. O seu site não mudou; tente daqui a um minuto.",
        "es": "El modelo de IA no responde ahora mismo. Tu sitio no cambió; inténtalo en un minuto.",
    },
    "error_model_busy": {
        "en": "The AI model is busy. Your site is unchanged; try again in about {retry_after} seconds.",
        "pt": "O modelo de IA está ocupado. O seu site não mudou; tente daqui a cerca de {retry_after} segundos.",
        "es": "El modelo de IA está ocupado. Tu sitio no cambió; inténtalo en unos {retry_after} segundos.",
    },
    "error_model_rejected": {
        "en": "The AI service refused the request ({detail}). Your site is unchanged; if it keeps happening, tell the operator.",
        "pt": "O serviço de IA recusou o pedido ({detail}). O seu site não mudou; se continuar a acontecer, avise o operador.",
        "es": "El servicio de IA rechazó la petición ({detail}). Tu sitio no cambió; si sigue pasando, avisa al operador.",
    },
    "error_model_timeout": {
        "en": "The AI model took too long to answer. Your site is unchanged; please try again.",
        "pt": "O modelo de IA demorou demasiado a responder. O seu site não mudou; tente de novo.",
        "es": "El modelo de IA tardó demasiado en responder. Tu sitio no cambió; inténtalo de nuevo.",
    },
    "error_model_dropped": {
        "en": "The connection to the AI model dropped in the middle of the answer. Nothing half-done was saved; your site is as it was. Please try again.",
        "pt": "A ligação ao modelo de IA caiu a meio da resposta. Nada ficou guardado a meio; o seu site está como estava. Tente de novo.",
        "es": "La conexión con el modelo de IA se cortó a mitad de la respuesta. No se guardó nada a medias; tu sitio está como estaba. Inténtalo de nuevo.",
    },
    "error_model_truncated": {
        "en": "The AI model's answer was cut off before it was complete (it hit its length limit). Nothing was saved; try asking for fewer sections.",
        "pt": "A resposta do modelo de IA foi cortada antes de terminar (atingiu o limite de tamanho). Nada foi guardado; tente pedir menos secções.",
        "es": "La respuesta del modelo de IA se cortó antes de terminar (llegó a su límite de longitud). No se guardó nada; prueba a pedir menos secciones.",
    },
    "error_model_malformed": {
        "en": "The AI model answered with something that isn't valid site data. Nothing was saved; please try again.",
        "pt": "O modelo de IA respondeu com algo que não são dados de site válidos. Nada foi guardado; tente de novo.",
        "es": "El modelo de IA respondió con algo que no son datos de sitio válidos. No se guardó nada; inténtalo de nuevo.",
    },
    "error_model_refused": {
        "en": "The AI model declined this request (“{reason}”). Your site is unchanged; try describing it differently.",
        "pt": "O modelo de IA recusou este pedido (“{reason}”). O seu site não mudou; tente descrevê-lo de outra forma.",
        "es": "El modelo de IA rechazó esta petición (“{reason}”). Tu sitio no cambió; prueba a describirlo de otra manera.",
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
    "command_unpublish": {"en": "Take the site offline", "pt": "Tirar o site do ar", "es": "Desconectar el sitio"},
    "command_domain": {
        "en": "Serve the site at your own domain",
        "pt": "Servir o site no seu domínio",
        "es": "Servir el sitio en tu dominio",
    },
    "command_usage": {"en": "What you used this month", "pt": "O que usou este mês", "es": "Lo que usaste este mes"},
    "command_undo": {"en": "Back to the previous version", "pt": "Voltar à versão anterior", "es": "Volver a la versión anterior"},
    "command_redo": {"en": "Forward again after an undo", "pt": "Refazer depois de desfazer", "es": "Rehacer tras deshacer"},
    "command_history": {"en": "List the site's versions", "pt": "Listar as versões do site", "es": "Ver las versiones del sitio"},
    "command_help": {"en": "What Page Magic can do", "pt": "O que o Page Magic sabe fazer", "es": "Qué sabe hacer Page Magic"},
    # Slack: what only the Slack app says (its commands are written after the slash command).
    "slack_help": {
        "en": "Describe a site and I'll build it in a thread of this channel, section by section, with a live preview. "
        "Reply in the thread to refine it (“make it dark green”, “add a FAQ”).\n"
        "`{command} describe TEXT` (or just `{command} TEXT`) — describe or refine the site\n"
        "`{command} publish` — put it online\n`{command} domain NAME` — serve it at your domain\n"
        "`{command} undo` — back to the previous version\n`{command} redo` — forward again\n`{command} history` — list versions\n"
        "`{command} new` — start a new site\n`{command} usage` — what you used this month\n`{command} upgrade` — a bigger plan\n`{command} help` — this message",
        "pt": "Descreva um site e eu construo-o numa conversa deste canal, secção a secção, com pré-visualização ao vivo. "
        "Responda na conversa para o afinar (“deixa-o verde escuro”, “adiciona perguntas frequentes”).\n"
        "`{command} describe TEXTO` (ou só `{command} TEXTO`) — descrever ou afinar o site\n"
        "`{command} publish` — pô-lo online\n`{command} domain NOME` — servi-lo no seu domínio\n"
        "`{command} undo` — voltar à versão anterior\n`{command} redo` — refazer\n`{command} history` — listar versões\n"
        "`{command} new` — começar um site novo\n`{command} usage` — o que usou este mês\n`{command} upgrade` — um plano maior\n`{command} help` — esta mensagem",
        "es": "Describe un sitio y lo construyo en un hilo de este canal, sección a sección, con vista previa en vivo. "
        "Responde en el hilo para ajustarlo (“ponlo verde oscuro”, “añade preguntas frecuentes”).\n"
        "`{command} describe TEXTO` (o solo `{command} TEXTO`) — describir o ajustar el sitio\n"
        "`{command} publish` — publicarlo\n`{command} domain NOMBRE` — servirlo en tu dominio\n"
        "`{command} undo` — volver a la versión anterior\n`{command} redo` — rehacer\n`{command} history` — ver versiones\n"
        "`{command} new` — empezar un sitio nuevo\n`{command} usage` — lo que usaste este mes\n`{command} upgrade` — un plan mayor\n`{command} help` — este mensaje",
    },
    "slack_unknown_subcommand": {
        "en": "I don't know `{command} {word}`. Here is what I can do:",
        "pt": "Não conheço `{command} {word}`. Isto é o que sei fazer:",
        "es": "No conozco `{command} {word}`. Esto es lo que sé hacer:",
    },
    "slack_requested": {
        "en": "<@{user}> asked for a site: {text}",
        "pt": "<@{user}> pediu um site: {text}",
        "es": "<@{user}> pidió un sitio: {text}",
    },
    "slack_button_preview": {"en": "Open preview", "pt": "Abrir pré-visualização", "es": "Abrir vista previa"},
    "slack_button_publish": {"en": "Publish", "pt": "Publicar", "es": "Publicar"},
    "slack_button_undo": {"en": "Undo", "pt": "Desfazer", "es": "Deshacer"},
    "slack_button_open_site": {"en": "Open site", "pt": "Abrir site", "es": "Abrir sitio"},
    "slack_version": {
        "en": "“{name}” · version {version}",
        "pt": "“{name}” · versão {version}",
        "es": "“{name}” · versión {version}",
    },
    "slack_admins_only": {
        "en": "Only workspace admins can publish or change domains here (this workspace limits it). "
        "Ask an admin to run `{command} {action}`; your site is unchanged.",
        "pt": "Só os administradores do espaço de trabalho podem publicar ou mudar domínios aqui (este espaço limita-o). "
        "Peça a um administrador para executar `{command} {action}`; o seu site não mudou.",
        "es": "Solo los administradores del espacio de trabajo pueden publicar o cambiar dominios aquí (este espacio lo limita). "
        "Pide a un administrador que ejecute `{command} {action}`; tu sitio no cambió.",
    },
    "slack_not_installed": {
        "en": "Page Magic isn't installed in this workspace (or its access was removed). Ask a workspace admin to install it{where}.",
        "pt": "O Page Magic não está instalado neste espaço de trabalho (ou o acesso foi retirado). Peça a um administrador que o instale{where}.",
        "es": "Page Magic no está instalado en este espacio de trabajo (o se retiró su acceso). Pide a un administrador que lo instale{where}.",
    },
    "slack_install_where": {"en": " at {url}", "pt": " em {url}", "es": " en {url}"},
    "slack_revoked": {
        "en": "Page Magic's access to this workspace was revoked, so I couldn't answer. "
        "Nothing was lost; a workspace admin can reinstall the app{where} to continue.",
        "pt": "O acesso do Page Magic a este espaço de trabalho foi revogado, por isso não consegui responder. "
        "Nada se perdeu; um administrador pode reinstalar a aplicação{where} para continuar.",
        "es": "Se revocó el acceso de Page Magic a este espacio de trabajo, así que no pude responder. "
        "No se perdió nada; un administrador puede reinstalar la aplicación{where} para continuar.",
    },
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

# Why a certificate could not be had; filled into domain_failed's and domain_renew_retry's {reason}.
CERTIFICATE_REASONS: dict[str, dict[Language, str]] = {
    "certificate_rate_limited": {
        "en": "the certificate authority is limiting new certificates for this domain for now",
        "pt": "a autoridade de certificação está a limitar novos certificados para este domínio por agora",
        "es": "la autoridad de certificación está limitando nuevos certificados para este dominio por ahora",
    },
    "certificate_challenge_failed": {
        "en": "the certificate authority could not reach the site through this domain; check its DNS records",
        "pt": "a autoridade de certificação não conseguiu chegar ao site por este domínio; verifique os registos DNS",
        "es": "la autoridad de certificación no pudo llegar al sitio por este dominio; revisa los registros DNS",
    },
    "certificate_authority_unavailable": {
        "en": "the certificate authority could not be reached or refused the order",
        "pt": "não foi possível contactar a autoridade de certificação, ou ela recusou o pedido",
        "es": "no se pudo contactar con la autoridad de certificación, o rechazó el pedido",
    },
    "certificate_failed": {
        "en": "the certificate authority did not issue it",
        "pt": "a autoridade de certificação não o emitiu",
        "es": "la autoridad de certificación no lo emitió",
    },
}

# Why a domain name was refused; filled into error_invalid_domain's {reason}.
DOMAIN_REASONS: dict[str, dict[Language, str]] = {
    "empty": {"en": "it is empty", "pt": "está vazio", "es": "está vacío"},
    "ip_address": {
        "en": "an IP address is not a domain",
        "pt": "um endereço IP não é um domínio",
        "es": "una dirección IP no es un dominio",
    },
    "too_long": {
        "en": "longer than 253 characters",
        "pt": "tem mais de 253 caracteres",
        "es": "tiene más de 253 caracteres",
    },
    "characters": {
        "en": "it contains characters a domain can't have",
        "pt": "tem caracteres que um domínio não pode ter",
        "es": "tiene caracteres que un dominio no puede tener",
    },
    "no_tld": {
        "en": "it needs a dot and a top-level domain, like .com",
        "pt": "falta um ponto e um domínio de topo, como .pt",
        "es": "le falta un punto y un dominio de nivel superior, como .es",
    },
    "label": {
        "en": "the part “{label}” is not allowed",
        "pt": "a parte “{label}” não é permitida",
        "es": "la parte “{label}” no está permitida",
    },
    "reserved": {
        "en": "that name is reserved and can't be reached on the internet",
        "pt": "esse nome é reservado e não se alcança na internet",
        "es": "ese nombre está reservado y no se puede alcanzar en internet",
    },
    "unknown_tld": {
        "en": "“{tld}” is not a top-level domain on the internet; check the ending",
        "pt": "“{tld}” não é um domínio de topo na internet; verifique a terminação",
        "es": "“{tld}” no es un dominio de nivel superior en internet; revisa la terminación",
    },
    "public_suffix": {
        "en": "{suffix} is shared by everyone registered under it; use your own name, like mybakery.{suffix}",
        "pt": "{suffix} é partilhado por todos os que se registam nele; use o seu nome, como apadaria.{suffix}",
        "es": "{suffix} lo comparten todos los registrados en él; usa tu propio nombre, como mipanaderia.{suffix}",
    },
    "ours": {
        "en": "it belongs to this service",
        "pt": "pertence a este serviço",
        "es": "pertenece a este servicio",
    },
    "denied": {
        "en": "it is not allowed here",
        "pt": "não é permitido aqui",
        "es": "no está permitido aquí",
    },
}


def say(language: Language, key: str, **params: Any) -> str:
    """The message ``key`` in ``language``, with ``params`` filled in."""
    return CATALOG[key][language].format(**params)


def section_label(language: Language, kind: str) -> str:
    return SECTION_LABELS.get(kind, {}).get(language, kind)


def metric_label(language: Language, metric: str) -> str:
    return METRIC_LABELS.get(metric, {}).get(language, metric)


def domain_reason(language: Language, reason: str, **params: Any) -> str:
    """Why a domain was refused, in ``language``; an unknown code is shown as it is."""
    text = DOMAIN_REASONS.get(reason, {}).get(language)
    return text.format(**params) if text is not None else reason
