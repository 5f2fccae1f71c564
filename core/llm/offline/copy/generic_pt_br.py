"""Copy every kind shares, in Brazilian Portuguese (pt-BR): written for Brazilian readers, prices in reais."""

from __future__ import annotations

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

PT_BR = LanguageCopy(
    currency="BRL",
    headings={
        "hero": "Seja bem-vindo",
        "about": "Quem somos",
        "features": "Por que escolher a gente",
        "services": "Serviços",
        "menu": "Cardápio",
        "pricing": "Planos e preços",
        "gallery": "Galeria",
        "testimonials": "O que os clientes dizem",
        "team": "Nossa equipe",
        "faq": "Dúvidas frequentes",
        "contact": "Contato",
        "cta": "Fale conosco",
        "stats": "Em números",
        "footer": "",
    },
    intros={
        "services": "Tudo o que a gente faz, com o mesmo capricho de sempre.",
        "menu": "Pergunte pelas sugestões do dia.",
        "pricing": "Planos simples, sem letras miúdas. Mude ou cancele quando quiser.",
        "gallery": "Um pouco do nosso dia a dia.",
        "team": "As pessoas que fazem tudo acontecer.",
        "contact": "Ligue, mande uma mensagem ou venha nos visitar. Respondemos no mesmo dia útil.",
    },
    contact_action="Mandar e-mail",
    footer="© {name}. Todos os direitos reservados.",
    footer_links={
        "about": "Quem somos",
        "services": "Serviços",
        "menu": "Cardápio",
        "pricing": "Preços",
        "faq": "Dúvidas",
        "contact": "Contato",
    },
    first_names=("Ana", "João", "Mariana", "Lucas", "Juliana", "Pedro", "Camila", "Rafael", "Beatriz", "Gustavo"),
    last_names=("Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Carvalho", "Ribeiro"),
    streets=(
        "Rua das Palmeiras",
        "Avenida Brasil",
        "Rua XV de Novembro",
        "Rua Sete de Setembro",
        "Avenida Getúlio Vargas",
        "Rua Tiradentes",
        "Rua da Consolação",
    ),
    days=("Seg", "Ter", "Qua", "Qui", "Sex", "Sáb", "Dom"),
    every_day="Todos os dias",
    services=(
        Svc("Primeira conversa", "A gente entende o que você precisa e indica o melhor caminho, sem compromisso.", 0.0),
        Svc("Serviço sob medida", "Pensado para o seu caso, com prazo e valor combinados desde o início.", 290.0),
        Svc("Acompanhamento", "Seguimos do seu lado depois da entrega, para ajustar o que for preciso.", 170.0),
    ),
    plans=(
        Tier("Básico", 49.90, "/mês", "Para começar com o pé direito.", ("O essencial incluso", "Suporte por e-mail")),
        Tier(
            "Completo",
            99.90,
            "/mês",
            "O preferido dos nossos clientes.",
            ("Tudo do Básico", "Suporte prioritário", "Reunião mensal de acompanhamento"),
            True,
        ),
        Tier(
            "Premium",
            199.90,
            "/mês",
            "Para quem quer deixar tudo com a gente.",
            ("Tudo do Completo", "Gerente exclusivo", "Resposta em até 2 horas"),
        ),
    ),
    gallery=(
        Pic("O espaço visto da entrada, com bastante luz natural", "Nosso espaço"),
        Pic("Detalhe de um trabalho finalizado", "Feito com capricho"),
        Pic("A equipe trabalhando", "Mão na massa"),
        Pic("Clientes satisfeitos no fim do dia", "Quem vem nos visitar"),
    ),
    team=(
        Person("Fundadora", "Começou o negócio há mais de dez anos e até hoje põe a mão em tudo."),
        Person("Gerente de operações", "Cuida para que tudo funcione bem, todos os dias, sem ninguém perceber."),
        Person("Atendimento", "A primeira voz que você ouve quando liga. Resolve quase tudo de primeira."),
    ),
    stats=(
        Figure("10+", "anos de estrada"),
        Figure("2.000+", "clientes satisfeitos"),
        Figure("4,9/5", "nota média"),
        Figure("24 h", "tempo médio de resposta"),
    ),
    faq=(
        QA("Qual é o horário de funcionamento?", "O horário completo está na seção de contato, logo abaixo."),
        QA("Quais formas de pagamento vocês aceitam?", "Pix, cartão de crédito e débito, e dinheiro."),
        QA("Como falo com vocês?", "Por telefone, WhatsApp, e-mail ou pessoalmente. Respondemos no mesmo dia útil."),
    ),
    testimonials=(
        Quote("Atendimento nota dez e um resultado que superou as expectativas. Recomendo de olhos fechados.", "Cliente fiel"),
        Quote("Profissionais, simpáticos e rápidos. Já indiquei para a família toda.", "Cliente desde 2019"),
    ),
    menu=(
        Course(
            "Sugestões",
            (
                Dish("Prato do dia", "Pergunte o que saiu hoje da cozinha.", 34.90),
                Dish("Sobremesa da casa", "Feita aqui, todos os dias.", 14.90),
            ),
        ),
    ),
    features=(
        Feat("Atendimento de perto", "A gente conhece os clientes pelo nome e trata cada caso com atenção.", "heart"),
        Feat("Qualidade sem atalho", "Fazemos bem feito de primeira, com material e processo de confiança.", "star"),
        Feat("Sempre no prazo", "Cumprimos o combinado e avisamos antes se alguma coisa mudar.", "clock"),
    ),
)
