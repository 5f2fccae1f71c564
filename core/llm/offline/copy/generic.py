"""Copy every kind shares, per language: headings, fallback sections, people and places."""

from __future__ import annotations

from core.llm.offline.copy.generic_pt_br import PT_BR
from core.llm.offline.copy.model import (
    QA,
    Course,
    Dish,
    Feat,
    Figure,
    LanguageCopy,
    Person,
    Pic,
    Quote,
    Svc,
    Tier,
)
from core.site.values import Language

PT = LanguageCopy(
    headings={
        "hero": "Bem-vindo",
        "about": "Sobre nós",
        "features": "Porquê escolher-nos",
        "services": "Serviços",
        "menu": "Menu",
        "pricing": "Preços",
        "gallery": "Galeria",
        "testimonials": "O que dizem de nós",
        "team": "A equipa",
        "faq": "Perguntas frequentes",
        "contact": "Contacto",
        "cta": "Fale connosco",
        "stats": "Em números",
        "footer": "",
    },
    intros={
        "services": "Tudo o que fazemos, com o mesmo cuidado de sempre.",
        "menu": "Preços com IVA incluído. Pergunte-nos pelas sugestões do dia.",
        "pricing": "Planos simples, sem letras pequenas. Mude ou cancele quando quiser.",
        "gallery": "Um pouco do nosso dia a dia.",
        "team": "As pessoas que fazem acontecer.",
        "contact": "Ligue, escreva ou apareça. Respondemos no próprio dia útil.",
    },
    contact_action="Enviar e-mail",
    footer="© {name}. Todos os direitos reservados.",
    footer_links={
        "about": "Sobre",
        "services": "Serviços",
        "menu": "Menu",
        "pricing": "Preços",
        "faq": "FAQ",
        "contact": "Contacto",
    },
    first_names=("Ana", "João", "Marta", "Rui", "Inês", "Pedro", "Sofia", "Miguel", "Catarina", "Tiago"),
    last_names=("Silva", "Costa", "Ferreira", "Rodrigues", "Martins", "Sousa", "Almeida", "Pereira"),
    streets=(
        "Rua Augusta",
        "Rua das Flores",
        "Avenida da Liberdade",
        "Rua do Comércio",
        "Rua Direita",
        "Largo do Chafariz",
        "Rua de São Bento",
    ),
    days=("Seg", "Ter", "Qua", "Qui", "Sex", "Sáb", "Dom"),
    every_day="Todos os dias",
    services=(
        Svc("Primeira conversa", "Ouvimos o que precisa e propomos o melhor caminho, sem compromisso.", 0.0),
        Svc("Serviço à medida", "Pensado para o seu caso, com prazos e custos claros desde o início.", 60.0),
        Svc(
            "Acompanhamento",
            "Continuamos ao seu lado depois da entrega, para afinar o que for preciso.",
            35.0,
        ),
    ),
    plans=(
        Tier(
            "Essencial",
            19.0,
            "/mês",
            "Para começar com o pé direito.",
            ("O fundamental incluído", "Apoio por e-mail"),
        ),
        Tier(
            "Completo",
            39.0,
            "/mês",
            "O mais escolhido pelos nossos clientes.",
            ("Tudo do Essencial", "Apoio prioritário", "Sessão mensal de acompanhamento"),
            True,
        ),
        Tier(
            "Premium",
            79.0,
            "/mês",
            "Para quem quer tudo tratado por nós.",
            ("Tudo do Completo", "Gestor dedicado", "Resposta em 2 horas"),
        ),
    ),
    gallery=(
        Pic("O espaço visto da entrada, com luz natural", "O nosso espaço"),
        Pic("Detalhe de um trabalho acabado", "Feito com cuidado"),
        Pic("A equipa a trabalhar", "Mãos à obra"),
        Pic("Clientes satisfeitos no final do dia", "Quem nos visita"),
    ),
    team=(
        Person("Fundadora", "Começou o projeto há mais de dez anos e continua a pôr as mãos em tudo."),
        Person(
            "Responsável de operações",
            "Garante que tudo corre bem, todos os dias, sem que ninguém dê por isso.",
        ),
        Person(
            "Atendimento ao cliente",
            "A primeira voz que ouve quando nos liga. Resolve quase tudo à primeira.",
        ),
    ),
    stats=(
        Figure("10+", "anos de experiência"),
        Figure("2 000+", "clientes satisfeitos"),
        Figure("4,9/5", "avaliação média"),
        Figure("24 h", "tempo médio de resposta"),
    ),
    faq=(
        QA("Qual é o horário?", "O horário completo está na secção de contacto, logo abaixo."),
        QA("Que formas de pagamento aceitam?", "Aceitamos dinheiro, cartão e MB WAY."),
        QA(
            "Como posso falar convosco?",
            "Por telefone, e-mail ou pessoalmente. Respondemos no próprio dia útil.",
        ),
    ),
    testimonials=(
        Quote(
            "Atendimento impecável e um resultado que superou as expectativas. Recomendo sem hesitar.",
            "Cliente habitual",
        ),
        Quote("Profissionais, simpáticos e rápidos. Já recomendei a toda a família.", "Cliente desde 2019"),
    ),
    menu=(
        Course(
            "Sugestões",
            (
                Dish("Sugestão do dia", "Pergunte-nos o que saiu hoje da cozinha.", 9.5),
                Dish("Sobremesa da casa", "Feita cá, todos os dias.", 3.5),
            ),
        ),
    ),
    features=(
        Feat(
            "Atendimento próximo",
            "Conhecemos os nossos clientes pelo nome e tratamos cada caso com atenção.",
            "heart",
        ),
        Feat(
            "Qualidade sem atalhos", "Fazemos bem à primeira, com materiais e processos de confiança.", "star"
        ),
        Feat("Sempre a horas", "Cumprimos prazos e avisamos antes se alguma coisa mudar.", "clock"),
    ),
)

EN = LanguageCopy(
    headings={
        "hero": "Welcome",
        "about": "About us",
        "features": "Why choose us",
        "services": "Services",
        "menu": "Menu",
        "pricing": "Pricing",
        "gallery": "Gallery",
        "testimonials": "What people say",
        "team": "Meet the team",
        "faq": "Frequently asked questions",
        "contact": "Get in touch",
        "cta": "Let's talk",
        "stats": "By the numbers",
        "footer": "",
    },
    intros={
        "services": "Everything we do, done with the same care.",
        "menu": "Ask us about today's specials.",
        "pricing": "Simple plans, no fine print. Change or cancel any time.",
        "gallery": "A glimpse of our everyday.",
        "team": "The people who make it happen.",
        "contact": "Call, write or drop by. We reply the same working day.",
    },
    contact_action="Send an email",
    footer="© {name}. All rights reserved.",
    footer_links={
        "about": "About",
        "services": "Services",
        "menu": "Menu",
        "pricing": "Pricing",
        "faq": "FAQ",
        "contact": "Contact",
    },
    first_names=("Emma", "James", "Olivia", "Daniel", "Sophie", "Michael", "Grace", "Ethan", "Chloe", "Ryan"),
    last_names=("Taylor", "Walker", "Bennett", "Hughes", "Carter", "Morgan", "Reed", "Foster"),
    streets=(
        "Main Street",
        "High Street",
        "Market Street",
        "Park Avenue",
        "Oak Lane",
        "Church Road",
        "King Street",
    ),
    days=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    every_day="Every day",
    services=(
        Svc(
            "First conversation",
            "We listen to what you need and suggest the best way forward, no strings attached.",
            0.0,
        ),
        Svc(
            "Tailored service",
            "Designed around your situation, with clear timings and costs from day one.",
            60.0,
        ),
        Svc("Ongoing support", "We stay with you after delivery to fine-tune whatever needs it.", 35.0),
    ),
    plans=(
        Tier(
            "Starter",
            19.0,
            "/month",
            "Everything you need to get going.",
            ("The essentials included", "Email support"),
        ),
        Tier(
            "Complete",
            39.0,
            "/month",
            "Our customers' favourite.",
            ("Everything in Starter", "Priority support", "Monthly check-in session"),
            True,
        ),
        Tier(
            "Premium",
            79.0,
            "/month",
            "For those who want it all taken care of.",
            ("Everything in Complete", "Dedicated manager", "Two-hour response time"),
        ),
    ),
    gallery=(
        Pic("Our space seen from the entrance, in natural light", "Our space"),
        Pic("Close-up of finished work", "Made with care"),
        Pic("The team at work", "Hands on"),
        Pic("Happy customers at the end of the day", "Our guests"),
    ),
    team=(
        Person("Founder", "Started it all more than ten years ago and still has a hand in everything."),
        Person("Operations lead", "Makes sure everything runs smoothly, every day, without anyone noticing."),
        Person(
            "Customer care", "The first voice you hear when you call. Solves nearly everything on the spot."
        ),
    ),
    stats=(
        Figure("10+", "years of experience"),
        Figure("2,000+", "happy customers"),
        Figure("4.9/5", "average rating"),
        Figure("24 h", "average reply time"),
    ),
    faq=(
        QA(
            "What are your opening hours?", "You'll find our full opening hours in the contact section below."
        ),
        QA("Which payment methods do you accept?", "We accept cash and all major cards."),
        QA("How can I reach you?", "By phone, email or in person. We reply the same working day."),
    ),
    testimonials=(
        Quote(
            "Flawless service and a result that exceeded our expectations. Highly recommended.",
            "Regular customer",
        ),
        Quote("Professional, friendly and quick. I've already sent the whole family.", "Customer since 2019"),
    ),
    menu=(
        Course(
            "Specials",
            (
                Dish("Today's special", "Ask us what came out of the kitchen today.", 12.0),
                Dish("House dessert", "Made here, every day.", 5.0),
            ),
        ),
    ),
    features=(
        Feat(
            "Personal service",
            "We know our customers by name and give every request our full attention.",
            "heart",
        ),
        Feat(
            "Quality, no shortcuts",
            "We get it right the first time, with materials and methods we trust.",
            "star",
        ),
        Feat("Always on time", "We keep to our deadlines and tell you early if anything changes.", "clock"),
    ),
)

ES = LanguageCopy(
    headings={
        "hero": "Bienvenido",
        "about": "Sobre nosotros",
        "features": "Por qué elegirnos",
        "services": "Servicios",
        "menu": "Carta",
        "pricing": "Precios",
        "gallery": "Galería",
        "testimonials": "Lo que dicen de nosotros",
        "team": "El equipo",
        "faq": "Preguntas frecuentes",
        "contact": "Contacto",
        "cta": "Hablemos",
        "stats": "En cifras",
        "footer": "",
    },
    intros={
        "services": "Todo lo que hacemos, con el mismo cuidado de siempre.",
        "menu": "IVA incluido. Pregúntanos por las sugerencias del día.",
        "pricing": "Planes sencillos, sin letra pequeña. Cambia o cancela cuando quieras.",
        "gallery": "Un poco de nuestro día a día.",
        "team": "Las personas que lo hacen posible.",
        "contact": "Llámanos, escríbenos o ven a vernos. Respondemos el mismo día laborable.",
    },
    contact_action="Enviar un correo",
    footer="© {name}. Todos los derechos reservados.",
    footer_links={
        "about": "Nosotros",
        "services": "Servicios",
        "menu": "Carta",
        "pricing": "Precios",
        "faq": "FAQ",
        "contact": "Contacto",
    },
    first_names=(
        "Lucía",
        "Javier",
        "Carmen",
        "Pablo",
        "Elena",
        "Diego",
        "Marta",
        "Álvaro",
        "Laura",
        "Sergio",
    ),
    last_names=("García", "Martínez", "López", "Sánchez", "Romero", "Navarro", "Torres", "Ruiz"),
    streets=(
        "Calle Mayor",
        "Calle del Carmen",
        "Avenida de la Constitución",
        "Calle de la Paz",
        "Plaza del Sol",
        "Calle Real",
        "Paseo del Prado",
    ),
    days=("Lun", "Mar", "Mié", "Jue", "Vie", "Sáb", "Dom"),
    every_day="Todos los días",
    services=(
        Svc(
            "Primera conversación",
            "Escuchamos lo que necesitas y te proponemos el mejor camino, sin compromiso.",
            0.0,
        ),
        Svc(
            "Servicio a medida", "Pensado para tu caso, con plazos y costes claros desde el principio.", 60.0
        ),
        Svc("Seguimiento", "Seguimos a tu lado después de la entrega para ajustar lo que haga falta.", 35.0),
    ),
    plans=(
        Tier(
            "Básico",
            19.0,
            "/mes",
            "Todo lo necesario para empezar.",
            ("Lo esencial incluido", "Soporte por correo"),
        ),
        Tier(
            "Completo",
            39.0,
            "/mes",
            "El favorito de nuestros clientes.",
            ("Todo lo del Básico", "Soporte prioritario", "Sesión mensual de seguimiento"),
            True,
        ),
        Tier(
            "Premium",
            79.0,
            "/mes",
            "Para quien quiere que nos ocupemos de todo.",
            ("Todo lo del Completo", "Gestor dedicado", "Respuesta en 2 horas"),
        ),
    ),
    gallery=(
        Pic("Nuestro espacio visto desde la entrada, con luz natural", "Nuestro espacio"),
        Pic("Detalle de un trabajo terminado", "Hecho con cariño"),
        Pic("El equipo trabajando", "Manos a la obra"),
        Pic("Clientes contentos al final del día", "Quien nos visita"),
    ),
    team=(
        Person("Fundadora", "Empezó el proyecto hace más de diez años y sigue implicada en todo."),
        Person(
            "Responsable de operaciones", "Se asegura de que todo funcione, cada día, sin que nadie lo note."
        ),
        Person(
            "Atención al cliente", "La primera voz que oyes al llamar. Lo resuelve casi todo a la primera."
        ),
    ),
    stats=(
        Figure("10+", "años de experiencia"),
        Figure("2.000+", "clientes satisfechos"),
        Figure("4,9/5", "valoración media"),
        Figure("24 h", "tiempo medio de respuesta"),
    ),
    faq=(
        QA("¿Cuál es el horario?", "Encontrarás el horario completo en la sección de contacto, justo abajo."),
        QA("¿Qué formas de pago aceptáis?", "Aceptamos efectivo, tarjeta y Bizum."),
        QA(
            "¿Cómo puedo contactaros?",
            "Por teléfono, correo o en persona. Respondemos el mismo día laborable.",
        ),
    ),
    testimonials=(
        Quote(
            "Un trato impecable y un resultado que superó nuestras expectativas. Totalmente recomendable.",
            "Cliente habitual",
        ),
        Quote(
            "Profesionales, amables y rápidos. Ya se lo he recomendado a toda la familia.",
            "Cliente desde 2019",
        ),
    ),
    menu=(
        Course(
            "Sugerencias",
            (
                Dish("Plato del día", "Pregúntanos qué ha salido hoy de la cocina.", 11.0),
                Dish("Postre de la casa", "Hecho aquí, cada día.", 4.5),
            ),
        ),
    ),
    features=(
        Feat(
            "Trato cercano", "Conocemos a nuestros clientes por su nombre y cuidamos cada detalle.", "heart"
        ),
        Feat(
            "Calidad sin atajos",
            "Lo hacemos bien a la primera, con materiales y procesos de confianza.",
            "star",
        ),
        Feat("Siempre a tiempo", "Cumplimos los plazos y avisamos con antelación si algo cambia.", "clock"),
    ),
)

GENERIC: dict[Language, LanguageCopy] = {"pt_PT": PT, "pt_BR": PT_BR, "en": EN, "es": ES}
