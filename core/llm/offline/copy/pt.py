"""Portuguese (pt-PT) copy for every business kind."""

from __future__ import annotations

from core.llm.offline.copy.model import (
    QA,
    Course,
    Dish,
    Feat,
    Figure,
    KindCopy,
    Person,
    Pic,
    Quote,
    Svc,
    Tier,
)
from core.site.business import BusinessKind

KINDS: dict[BusinessKind, KindCopy] = {
    "restaurant": KindCopy(
        noun="restaurante",
        name="Casa do Sabor",
        name_in_city="Taberna {de} {city}",
        tagline="Cozinha portuguesa de tradição, com produtos da época",
        hero=(
            "Comida de verdade, feita com tempo",
            "Pratos de sempre, produtos frescos do mercado e uma mesa onde apetece ficar.",
        ),
        action="Ver o menu",
        about=(
            "A nossa cozinha",
            (
                "Começámos com uma ideia simples: cozinhar como em casa, mas para toda a gente. Compramos ao produtor, "
                "respeitamos as estações e deixamos o tempo fazer o seu trabalho nos tachos.",
                "Da açorda ao arroz de pato, cada prato conta uma história. Venha almoçar, jantar ou simplesmente "
                "partilhar uns petiscos ao fim da tarde.",
            ),
            ("Produtos da época", "Receitas de família", "Vinhos portugueses"),
        ),
        features=(
            Feat("Do mercado para a mesa", "Escolhemos o peixe e os legumes todas as manhãs.", "leaf"),
            Feat("Receitas com história", "Pratos tradicionais, cozinhados devagar e sem atalhos.", "heart"),
            Feat("Garrafeira nacional", "Uma carta de vinhos pensada para acompanhar cada prato.", "star"),
        ),
        menu=(
            Course(
                "Entradas",
                (
                    Dish(
                        "Pão, azeite e azeitonas",
                        "Pão de fermentação lenta e azeite do Alentejo.",
                        3.5,
                        ("vegetariano",),
                    ),
                    Dish(
                        "Peixinhos da horta", "Feijão-verde panado, estaladiço e leve.", 6.0, ("vegetariano",)
                    ),
                    Dish("Amêijoas à Bulhão Pato", "Alho, coentros, azeite e limão.", 13.5),
                ),
            ),
            Course(
                "Pratos principais",
                (
                    Dish("Bacalhau à Brás", "O clássico, com ovo cremoso e batata palha.", 15.5),
                    Dish("Arroz de pato", "À moda antiga, com chouriço e laranja.", 16.0),
                    Dish("Polvo à lagareiro", "Com batata a murro e muito azeite.", 19.5),
                ),
            ),
            Course(
                "Sobremesas",
                (
                    Dish("Arroz doce", "Com canela e raspa de limão.", 4.5),
                    Dish("Pudim abade de Priscos", "Receita minhota, rico e sedoso.", 5.0),
                ),
            ),
        ),
        testimonials=(
            Quote(
                "O arroz de pato é o melhor que comi em anos. Serviço atento e sem pressas.",
                "Cliente habitual",
            ),
            Quote(
                "Fomos em família e saímos todos a planear o regresso. Que bacalhau!", "Jantar de aniversário"
            ),
        ),
        faq=(
            QA(
                "É preciso reservar?", "Ao fim de semana recomendamos. Durante a semana há quase sempre mesa."
            ),
            QA("Têm opções vegetarianas?", "Sim, há sempre entradas e um prato principal vegetariano."),
            QA("Aceitam grupos?", "Aceitamos grupos até 20 pessoas, com menu combinado previamente."),
        ),
        cta=(
            "Reserve a sua mesa",
            "Ligue-nos ou envie um e-mail e guardamos-lhe o melhor lugar.",
            "Reservar",
        ),
        keywords=("restaurante", "cozinha portuguesa", "almoço", "jantar", "reservas"),
        headings={"menu": "O nosso menu", "features": "Porque vale a visita"},
    ),
    "cafe": KindCopy(
        noun="café",
        name="Café Central",
        name_in_city="Café {de} {city}",
        tagline="Café de especialidade, bolos caseiros e boa conversa",
        hero=(
            "O seu canto favorito para uma pausa",
            "Café tirado com cuidado, bolos feitos cá e mesas onde o tempo abranda.",
        ),
        action="Ver o menu",
        about=(
            "Feito para ficar",
            (
                "Somos um café de bairro com alma de especialidade. Torramos em pequenos lotes e servimos cada chávena "
                "como se fosse a primeira do dia.",
                "Traga um livro, o portátil ou os amigos: há wi-fi, tomadas e um sofá junto à janela à sua espera.",
            ),
            ("Café de especialidade", "Bolos caseiros", "Wi-fi grátis"),
        ),
        features=(
            Feat("Grão de origem", "Cafés de pequenos produtores, torrados com frescura.", "cup"),
            Feat("Feito cá", "Bolos, scones e tostas preparados todas as manhãs.", "bread"),
            Feat("Bom para trabalhar", "Wi-fi rápido, tomadas e silêncio q.b.", "bolt"),
        ),
        menu=(
            Course(
                "Cafés",
                (
                    Dish("Espresso", "Intenso e equilibrado.", 1.2),
                    Dish("Galão", "Leite cremoso e um shot de espresso.", 1.8),
                    Dish("Flat white", "Duplo, com leite texturizado.", 3.0),
                ),
            ),
            Course(
                "Para comer",
                (
                    Dish("Tosta mista", "Pão de forma, fiambre e queijo da Serra.", 3.5),
                    Dish("Bolo de cenoura", "Com cobertura de chocolate.", 2.8, ("caseiro",)),
                    Dish("Scone com compota", "Compota da casa e manteiga.", 2.5),
                ),
            ),
        ),
        testimonials=(
            Quote(
                "O melhor flat white da zona e um ambiente ótimo para trabalhar de manhã.",
                "Vizinho do bairro",
            ),
            Quote("Bolo de cenoura como o da avó. Passo cá todos os sábados.", "Cliente habitual"),
        ),
        faq=(
            QA("Há opções sem lactose?", "Sim, temos bebida de aveia e de amêndoa sem custo extra."),
            QA("Posso trabalhar aí?", "Claro. Temos wi-fi gratuito e várias mesas com tomadas."),
            QA("Fazem encomendas de bolos?", "Fazemos, com 48 horas de antecedência."),
        ),
        cta=(
            "Passe por cá",
            "A próxima chávena é por nossa conta se disser que nos viu aqui.",
            "Como chegar",
        ),
        keywords=("café", "café de especialidade", "pequeno-almoço", "bolos caseiros", "brunch"),
    ),
    "bakery": KindCopy(
        noun="padaria",
        name="Padaria Artesanal",
        name_in_city="Padaria Artesanal {de} {city}",
        tagline="Pão de fermentação lenta, cozido todas as manhãs",
        hero=(
            "Pão quente, feito à mão todos os dias",
            "Massa-mãe, farinhas portuguesas e o forno aceso desde as cinco da manhã.",
        ),
        action="Ver o menu",
        about=(
            "Desde cedo, com as mãos na massa",
            (
                "Somos uma padaria artesanal de bairro. Trabalhamos com massa-mãe, farinhas de moagem tradicional e "
                "muito tempo: a nossa massa descansa 24 horas antes de ir ao forno.",
                "Além do pão, há pastéis de nata ainda mornos, bolos de fim de semana e broas que lembram a aldeia.",
            ),
            ("Massa-mãe", "Sem aditivos", "Forno a lenha"),
        ),
        features=(
            Feat("Fermentação lenta", "24 horas de descanso para um pão mais leve e saboroso.", "clock"),
            Feat("Ingredientes honestos", "Farinha, água, sal e tempo. Nada mais.", "leaf"),
            Feat("Acabado de sair", "Fornadas ao longo da manhã para levar sempre pão quente.", "bread"),
        ),
        menu=(
            Course(
                "Pão",
                (
                    Dish("Pão de massa-mãe", "Casca estaladiça e miolo húmido. 800 g.", 3.8),
                    Dish("Broa de milho", "Receita tradicional, densa e aromática.", 2.5),
                    Dish("Papo-seco", "O clássico de todas as manhãs.", 0.25),
                ),
            ),
            Course(
                "Pastelaria",
                (
                    Dish("Pastel de nata", "Massa folhada estaladiça e creme morno.", 1.3, ("favorito",)),
                    Dish("Bola de Berlim", "Com creme pasteleiro.", 1.6),
                    Dish("Croissant de manteiga", "Folhado, dourado e leve.", 1.5),
                ),
            ),
            Course(
                "Bolos",
                (
                    Dish("Bolo de laranja", "Húmido, com sumo de laranja do Algarve. Fatia.", 2.2),
                    Dish("Pão de ló", "Fofo e dourado, inteiro, para 8 pessoas.", 14.0),
                ),
            ),
        ),
        testimonials=(
            Quote(
                "O pão de massa-mãe dura a semana inteira e continua ótimo. Nunca mais comprei de supermercado.",
                "Cliente do bairro",
            ),
            Quote(
                "Pastéis de nata ainda mornos às oito da manhã. Não há melhor forma de começar o dia.",
                "Cliente habitual",
            ),
        ),
        faq=(
            QA(
                "Posso encomendar pão para o dia seguinte?",
                "Sim. Encomendas até às 18h ficam prontas na manhã seguinte.",
            ),
            QA(
                "Têm pão sem glúten?",
                "Não trabalhamos sem glúten, porque a farinha anda no ar e não queremos arriscar.",
            ),
            QA(
                "Fazem bolos de aniversário?",
                "Fazemos, com 48 horas de antecedência. Pergunte-nos pelos sabores.",
            ),
        ),
        cta=(
            "Encomende o seu pão",
            "Diga-nos o que quer e quando; nós temos tudo pronto à hora certa.",
            "Encomendar",
        ),
        keywords=("padaria", "pão artesanal", "massa-mãe", "pastel de nata", "pastelaria"),
        headings={"menu": "Do nosso forno", "features": "Como fazemos"},
        intros={"menu": "Preços por unidade, com IVA incluído. As fornadas esgotam cedo!"},
    ),
    "salon": KindCopy(
        noun="salão",
        name="Estúdio Bela",
        name_in_city="Salão {de} {city}",
        tagline="Cortes, cor e cuidados com tempo para si",
        hero=(
            "Saia a sentir-se a melhor versão de si",
            "Cortes à medida, coloração sem agressões e um espaço calmo para desligar.",
        ),
        action="Marcar hora",
        about=(
            "Um salão onde se ouve",
            (
                "Antes de pegar na tesoura, conversamos. Queremos perceber o seu estilo, a sua rotina e o que "
                "quer mudar, para que o resultado seja fácil de manter em casa.",
                "Usamos produtos profissionais com ingredientes de origem natural e formamo-nos todos os anos nas "
                "técnicas mais recentes.",
            ),
            ("Diagnóstico gratuito", "Produtos naturais", "Marcação online"),
        ),
        features=(
            Feat("Consulta de imagem", "Aconselhamos o corte e a cor que valorizam o seu rosto.", "sparkle"),
            Feat("Cor sem danos", "Técnicas que protegem a fibra do cabelo.", "heart"),
            Feat("Pontualidade", "A sua hora é sua: sem esperas.", "clock"),
        ),
        services=(
            Svc("Corte feminino", "Lavagem, corte e brushing.", 28.0, "1 h"),
            Svc("Corte masculino", "Corte à tesoura ou máquina, com acabamento.", 15.0, "30 min"),
            Svc("Coloração", "Cor integral com produtos sem amoníaco.", 45.0, "1 h 30"),
            Svc("Madeixas / balayage", "Luminosidade natural, feita à mão.", 70.0, "2 h 30"),
            Svc("Tratamento de hidratação", "Máscara profunda e massagem capilar.", 20.0, "30 min"),
        ),
        gallery=(
            Pic("Balayage em tons de mel em cabelo comprido", "Balayage mel"),
            Pic("Corte bob curto com franja", "Bob clássico"),
            Pic("Interior do salão com espelhos e plantas", "O nosso espaço"),
            Pic("Penteado de noiva com ondas suaves", "Noivas"),
        ),
        testimonials=(
            Quote(
                "Finalmente alguém que percebeu o que eu queria. O balayage ficou perfeito.",
                "Cliente desde 2021",
            ),
            Quote("Ambiente tranquilo, equipa simpática e o corte dura meses em forma.", "Cliente habitual"),
        ),
        faq=(
            QA(
                "Preciso de marcar?",
                "Recomendamos marcação; aceitamos clientes sem hora sempre que possível.",
            ),
            QA("Fazem penteados para casamentos?", "Sim, no salão ou no local, com prova prévia."),
            QA(
                "Que produtos usam?",
                "Marcas profissionais com ingredientes de origem natural e sem amoníaco.",
            ),
        ),
        cta=("Marque a sua hora", "Escolha o serviço e nós tratamos do resto.", "Marcar agora"),
        keywords=("cabeleireiro", "salão", "balayage", "coloração", "corte de cabelo"),
        headings={"services": "Serviços e preços", "gallery": "Trabalhos recentes"},
    ),
    "gym": KindCopy(
        noun="ginásio",
        name="Ginásio Força",
        name_in_city="Ginásio {city} Fit",
        tagline="Treino a sério, ambiente de família",
        hero=(
            "Mais forte a cada semana",
            "Treino acompanhado, aulas para todos os níveis e um espaço aberto desde cedo.",
        ),
        action="Ver planos",
        about=(
            "Um ginásio de pessoas",
            (
                "Aqui ninguém treina sozinho. Cada sócio começa com uma avaliação e um plano feito à medida, "
                "revisto todos os meses.",
                "Do primeiro agachamento à primeira maratona, acompanhamos a sua evolução.",
            ),
            ("Avaliação física", "Aulas de grupo", "Personal trainers"),
        ),
        features=(
            Feat("Plano à medida", "Avaliação inicial e treino ajustado aos seus objetivos.", "dumbbell"),
            Feat(
                "Aulas de grupo",
                "Mais de 40 aulas por semana: HIIT, pilates, ciclismo e mobilidade.",
                "users",
            ),
            Feat("Aberto cedo", "Abrimos às 6h30 para treinar antes do trabalho.", "clock"),
            Feat("Sem fidelização", "Cancele quando quiser, sem multas.", "shield"),
        ),
        plans=(
            Tier(
                "Livre", 29.0, "/mês", "Acesso à sala de musculação.", ("Sala de treino", "Avaliação inicial")
            ),
            Tier(
                "Total",
                45.0,
                "/mês",
                "Sala e todas as aulas de grupo.",
                ("Tudo do Livre", "Aulas ilimitadas", "Plano revisto mensalmente"),
                True,
            ),
            Tier(
                "Personal",
                120.0,
                "/mês",
                "Treino com personal trainer.",
                ("Tudo do Total", "8 sessões individuais", "Plano alimentar"),
            ),
        ),
        stats=(
            Figure("40+", "aulas por semana"),
            Figure("1 200", "sócios ativos"),
            Figure("12", "treinadores certificados"),
        ),
        testimonials=(
            Quote(
                "Perdi 10 quilos em seis meses e, mais importante, ganhei o hábito. Os treinadores fazem toda a diferença.",
                "Sócia há 2 anos",
            ),
            Quote("As aulas das 7h são a melhor parte do meu dia. Ambiente fantástico.", "Sócio desde 2020"),
        ),
        faq=(
            QA("Posso experimentar antes de me inscrever?", "Claro: a primeira aula é gratuita."),
            QA("Há fidelização?", "Não. Pode cancelar a qualquer momento."),
            QA("Têm balneários com duche?", "Sim, com cacifos e toalhas incluídas no plano Total."),
        ),
        cta=(
            "Experimente uma semana grátis",
            "Traga roupa confortável. Nós tratamos do resto.",
            "Quero experimentar",
        ),
        keywords=("ginásio", "treino", "personal trainer", "aulas de grupo", "fitness"),
        headings={"pricing": "Planos", "features": "O que o espera"},
    ),
    "clinic": KindCopy(
        noun="clínica",
        name="Clínica Saúde Mais",
        name_in_city="Clínica {de} {city}",
        tagline="Cuidados de saúde próximos, sem esperas",
        hero=(
            "A sua saúde em boas mãos",
            "Consultas de várias especialidades, marcação rápida e uma equipa que tem tempo para si.",
        ),
        action="Marcar consulta",
        about=(
            "Medicina com tempo",
            (
                "Acreditamos que uma boa consulta começa por ouvir. Por isso reservamos o tempo necessário "
                "para cada pessoa e explicamos tudo em linguagem clara.",
                "Trabalhamos com os principais seguros e subsistemas de saúde.",
            ),
            ("Consultas no próprio dia", "Acordos com seguros", "Equipa multidisciplinar"),
        ),
        features=(
            Feat("Marcação rápida", "Consultas no próprio dia para situações urgentes.", "calendar"),
            Feat("Acordos", "Trabalhamos com os principais seguros de saúde.", "shield"),
            Feat("Tudo no mesmo sítio", "Análises e exames sem sair da clínica.", "stethoscope"),
        ),
        services=(
            Svc("Medicina geral", "Consultas de rotina, check-ups e acompanhamento.", 45.0, "30 min"),
            Svc("Medicina dentária", "Higiene oral, restaurações e ortodontia.", 50.0, "45 min"),
            Svc("Fisioterapia", "Reabilitação e tratamento da dor.", 35.0, "45 min"),
            Svc("Nutrição", "Planos alimentares personalizados.", 40.0, "45 min"),
        ),
        team=(
            Person(
                "Diretora clínica, medicina geral", "Mais de 15 anos de experiência em medicina familiar."
            ),
            Person("Médico dentista", "Especialista em ortodontia e reabilitação oral."),
            Person("Fisioterapeuta", "Dedica-se à reabilitação desportiva e à dor crónica."),
        ),
        testimonials=(
            Quote("Fui atendida no próprio dia e explicaram-me tudo com paciência. Recomendo.", "Paciente"),
            Quote("Equipa atenciosa e instalações impecáveis. Sinto-me em boas mãos.", "Paciente desde 2018"),
        ),
        faq=(
            QA(
                "Trabalham com seguros?",
                "Sim, com os principais seguros e subsistemas. Confirme connosco o seu.",
            ),
            QA("Como marco uma consulta?", "Por telefone, e-mail ou diretamente na receção."),
            QA("Fazem consultas ao sábado?", "Sim, de manhã, para medicina geral e medicina dentária."),
        ),
        cta=(
            "Marque a sua consulta",
            "Respondemos no mesmo dia e encontramos o horário que lhe convém.",
            "Marcar consulta",
        ),
        keywords=("clínica", "consultas", "medicina geral", "dentista", "fisioterapia"),
        headings={"services": "Especialidades", "team": "A nossa equipa clínica"},
    ),
    "law_firm": KindCopy(
        noun="escritório de advogados",
        name="Almeida & Associados",
        name_in_city="Advogados {de} {city}",
        tagline="Aconselhamento jurídico claro, rigoroso e próximo",
        hero=(
            "Do seu lado, em cada decisão",
            "Aconselhamos empresas e particulares com rigor, discrição e linguagem que se entende.",
        ),
        action="Pedir reunião",
        about=(
            "Um escritório com compromisso",
            (
                "Somos uma sociedade de advogados independente com mais de vinte anos de prática. Cada cliente tem "
                "um advogado responsável, que conhece o processo do início ao fim.",
                "Explicamos os riscos e as opções sem jargão, com honorários acordados à partida.",
            ),
            ("Honorários transparentes", "Resposta em 24 horas", "Atendimento em inglês"),
        ),
        features=(
            Feat("Rigor", "Análise cuidada de cada detalhe do seu caso.", "scale"),
            Feat("Discrição", "Confidencialidade absoluta.", "shield"),
            Feat("Proximidade", "Um advogado responsável, sempre contactável.", "chat"),
        ),
        services=(
            Svc("Direito empresarial", "Constituição de sociedades, contratos e governo societário."),
            Svc("Direito do trabalho", "Contratos, despedimentos e contencioso laboral."),
            Svc("Direito imobiliário", "Compra e venda, arrendamento e licenciamento."),
            Svc("Família e sucessões", "Divórcios, partilhas, testamentos e heranças."),
        ),
        team=(
            Person("Sócio fundador", "Advogado há 25 anos, especialista em direito empresarial."),
            Person("Sócia", "Dedica-se ao direito do trabalho e à mediação de conflitos."),
            Person("Advogado associado", "Acompanha processos de imobiliário e investimento estrangeiro."),
        ),
        testimonials=(
            Quote(
                "Explicaram-nos cada passo da operação e cumpriram todos os prazos. Confiança total.",
                "Diretor financeiro, PME industrial",
            ),
            Quote("Um processo difícil conduzido com enorme sensibilidade.", "Cliente particular"),
        ),
        faq=(
            QA(
                "A primeira reunião tem custo?",
                "A primeira reunião de 30 minutos serve para avaliar o caso e não tem custo.",
            ),
            QA(
                "Como são calculados os honorários?",
                "Acordamos à partida um valor fixo ou por hora, sempre por escrito.",
            ),
            QA("Atendem clientes estrangeiros?", "Sim, trabalhamos em português, inglês e espanhol."),
        ),
        cta=(
            "Fale com um advogado",
            "Marque uma primeira reunião e saia com um plano claro.",
            "Pedir reunião",
        ),
        keywords=(
            "advogados",
            "escritório de advogados",
            "direito empresarial",
            "direito do trabalho",
            "consultoria jurídica",
        ),
        headings={"services": "Áreas de prática", "team": "Advogados"},
    ),
    "accounting": KindCopy(
        noun="gabinete de contabilidade",
        name="Conta Certa",
        name_in_city="Contabilidade {de} {city}",
        tagline="Contabilidade em dia, cabeça tranquila",
        hero=(
            "Os números em ordem, o seu tempo livre",
            "Contabilidade, impostos e salários tratados a tempo, com um contabilista sempre disponível.",
        ),
        action="Pedir orçamento",
        about=(
            "Contabilistas que explicam",
            (
                "Ajudamos pequenas empresas e trabalhadores independentes a cumprir obrigações fiscais sem stress. "
                "Tudo digital, com relatórios mensais fáceis de ler.",
                "Somos contabilistas certificados e respondemos às suas dúvidas no próprio dia.",
            ),
            ("Contabilistas certificados", "Processo 100% digital", "Relatórios mensais"),
        ),
        features=(
            Feat("Sem papelada", "Envie faturas pelo telemóvel; nós tratamos do resto.", "bolt"),
            Feat("Prazos cumpridos", "Alertas antes de cada obrigação fiscal.", "calendar"),
            Feat("Visão clara", "Relatório mensal com o essencial do seu negócio.", "chart"),
        ),
        services=(
            Svc(
                "Contabilidade organizada",
                "Para sociedades e empresários em nome individual.",
                150.0,
                "por mês",
            ),
            Svc("Trabalhadores independentes", "IVA, IRS e segurança social em dia.", 60.0, "por mês"),
            Svc("Processamento salarial", "Recibos, seguros e declarações mensais.", 12.0, "por colaborador"),
            Svc("Constituição de empresa", "Do registo à primeira declaração de IVA.", 350.0),
        ),
        testimonials=(
            Quote(
                "Desde que mudei para cá nunca mais paguei uma coima. Respondem sempre no mesmo dia.",
                "Designer independente",
            ),
            Quote(
                "Relatórios claros que finalmente percebo. Decidimos melhor com eles.",
                "Sócia-gerente de restaurante",
            ),
        ),
        faq=(
            QA(
                "Posso mudar de contabilista a meio do ano?",
                "Pode. Tratamos da passagem de pasta com o contabilista anterior.",
            ),
            QA(
                "Como envio os documentos?", "Pela nossa plataforma, por e-mail ou fotografados no telemóvel."
            ),
            QA("Fazem o IRS de particulares?", "Sim, entre abril e junho, com marcação."),
        ),
        cta=(
            "Peça um orçamento sem compromisso",
            "Diga-nos o tipo de atividade e respondemos em 24 horas.",
            "Pedir orçamento",
        ),
        keywords=("contabilidade", "contabilista certificado", "IRS", "IVA", "processamento salarial"),
        headings={"services": "Serviços e preços"},
    ),
    "agency": KindCopy(
        noun="agência",
        name="Estúdio Norte",
        name_in_city="Agência {city} Criativa",
        tagline="Marcas, sites e campanhas que dão resultados",
        hero=(
            "Ideias que fazem crescer marcas",
            "Estratégia, design e marketing digital com foco em resultados que se medem.",
        ),
        action="Ver serviços",
        about=(
            "Pequenos por opção",
            (
                "Somos uma equipa sénior e compacta: quem apresenta o projeto é quem o faz.",
                "Trabalhamos com empresas que querem crescer, da estratégia à execução.",
            ),
            ("Equipa sénior", "Resultados medidos", "Prazos cumpridos"),
        ),
        features=(
            Feat("Estratégia primeiro", "Começamos pelo problema de negócio, não pela estética.", "chart"),
            Feat("Design que converte", "Bonito e eficaz, testado com utilizadores reais.", "sparkle"),
            Feat("Relatórios claros", "Sabe sempre o que foi feito e o que rendeu.", "check"),
        ),
        services=(
            Svc("Branding", "Nome, identidade visual e tom de voz."),
            Svc("Sites e lojas online", "Rápidos, acessíveis e fáceis de gerir."),
            Svc("Marketing digital", "Campanhas pagas, SEO e e-mail marketing."),
            Svc("Conteúdos e redes sociais", "Planeamento, produção e gestão de comunidade."),
        ),
        team=(
            Person(
                "Diretora criativa", "15 anos a construir marcas para clientes nacionais e internacionais."
            ),
            Person("Diretor de estratégia", "Transforma dados em decisões e campanhas rentáveis."),
            Person("Designer de produto", "Desenha sites e apps centrados em quem os usa."),
        ),
        stats=(
            Figure("120+", "projetos entregues"),
            Figure("35%", "crescimento médio das vendas online"),
            Figure("9", "anos de estúdio"),
            Figure("4,9/5", "satisfação dos clientes"),
        ),
        testimonials=(
            Quote(
                "O novo site duplicou os pedidos de orçamento em três meses.",
                "Diretora comercial, empresa de engenharia",
            ),
            Quote("Perceberam a nossa marca melhor do que nós. Parceiros a sério.", "Fundador de startup"),
        ),
        faq=(
            QA(
                "Quanto custa um projeto?",
                "Depende do âmbito; enviamos proposta fechada após a primeira reunião.",
            ),
            QA("Quanto tempo demora um site?", "Entre 4 e 8 semanas, conforme a dimensão."),
            QA(
                "Trabalham com empresas fora de Portugal?",
                "Sim, trabalhamos remotamente com clientes de vários países.",
            ),
        ),
        cta=(
            "Tem um projeto em mente?",
            "Conte-nos o objetivo e propomos o caminho numa semana.",
            "Falar connosco",
        ),
        keywords=("agência", "marketing digital", "branding", "web design", "publicidade"),
        headings={"services": "O que fazemos", "team": "Quem somos"},
    ),
    "software": KindCopy(
        noun="aplicação",
        name="Fluxo",
        name_in_city="Fluxo {city}",
        tagline="Organize o trabalho da equipa num só lugar",
        hero=(
            "Menos folhas de cálculo, mais trabalho feito",
            "Tarefas, prazos e documentos da equipa num só lugar. Comece em dois minutos, sem cartão.",
        ),
        action="Experimentar grátis",
        about=(
            "Feito por quem sentiu o problema",
            (
                "Criámos esta aplicação depois de anos a perder tempo entre e-mails, folhas de cálculo e chats.",
                "Hoje ajuda milhares de equipas a saber, em cada momento, quem faz o quê e até quando.",
            ),
            ("Sem instalação", "Dados na UE", "Apoio em português"),
        ),
        features=(
            Feat("Quadros e listas", "Veja o trabalho como preferir e arraste tarefas entre fases.", "check"),
            Feat("Automatizações", "Lembretes e atribuições automáticas, sem código.", "bolt"),
            Feat("Relatórios", "Saiba onde está o atraso antes de ele acontecer.", "chart"),
            Feat("Segurança", "Encriptação, cópias de segurança diárias e servidores na UE.", "shield"),
        ),
        plans=(
            Tier(
                "Grátis",
                0.0,
                "/mês",
                "Para equipas pequenas a começar.",
                ("Até 3 utilizadores", "Projetos ilimitados"),
            ),
            Tier(
                "Equipa",
                8.0,
                "/utilizador/mês",
                "Para equipas que querem crescer.",
                ("Automatizações", "Relatórios", "Apoio prioritário"),
                True,
            ),
            Tier(
                "Empresa",
                16.0,
                "/utilizador/mês",
                "Controlo e segurança avançados.",
                ("SSO e auditoria", "Gestor de conta", "SLA de 99,9%"),
            ),
        ),
        stats=(
            Figure("12 000+", "equipas ativas"),
            Figure("99,9%", "disponibilidade"),
            Figure("4,8/5", "avaliação média"),
        ),
        testimonials=(
            Quote(
                "Acabámos com as reuniões de ponto de situação. Está tudo no quadro.", "Gestora de projetos"
            ),
            Quote("Em duas semanas toda a equipa estava a usar. Simples e rápido.", "CTO de uma startup"),
        ),
        faq=(
            QA("Preciso de cartão para experimentar?", "Não. O plano gratuito não pede cartão."),
            QA("Onde ficam os meus dados?", "Em servidores na União Europeia, com cópias diárias."),
            QA("Posso cancelar a qualquer momento?", "Sim, sem custos. Pode exportar tudo antes de sair."),
        ),
        cta=("Comece hoje, grátis", "Crie a sua conta em dois minutos e convide a equipa.", "Criar conta"),
        keywords=("software", "gestão de projetos", "produtividade", "SaaS", "aplicação"),
        headings={"features": "Tudo o que a sua equipa precisa", "pricing": "Planos simples"},
    ),
    "portfolio": KindCopy(
        noun="portfólio",
        name="Estúdio Luz",
        name_in_city="Estúdio {city}",
        tagline="Fotografia e design com olhar de autor",
        hero=(
            "Imagens que contam a sua história",
            "Fotografia e design para marcas e pessoas que querem ser lembradas.",
        ),
        action="Ver trabalhos",
        about=(
            "Olá, sou eu quem está por trás da câmara",
            (
                "Trabalho há mais de dez anos entre a fotografia editorial, retratos e identidade visual.",
                "Gosto de luz natural, de conversas longas antes de cada projeto e de entregar a tempo.",
            ),
            ("10 anos de experiência", "Publicado em revistas", "Clientes em 8 países"),
        ),
        features=(
            Feat("Olhar de autor", "Um estilo consistente, do primeiro ao último projeto.", "camera"),
            Feat("Processo claro", "Proposta, calendário e entrega acordados por escrito.", "check"),
            Feat("Entrega rápida", "Pré-visualização em 48 horas.", "bolt"),
        ),
        services=(
            Svc("Retrato", "Sessão em estúdio ou exterior, 15 fotografias editadas.", 180.0, "2 h"),
            Svc("Fotografia de produto", "Para lojas online e catálogos.", 35.0, "por fotografia"),
            Svc("Identidade visual", "Logótipo, paleta e guia de estilo.", 900.0),
        ),
        gallery=(
            Pic("Retrato a preto e branco de uma mulher junto a uma janela", "Retrato, 2024"),
            Pic("Fotografia de produto: chávenas de cerâmica sobre madeira", "Cerâmica artesanal"),
            Pic("Paisagem urbana ao entardecer com elétrico amarelo", "Cidade ao fim do dia"),
            Pic("Identidade visual para uma marca de chá, com embalagens", "Marca de chá"),
            Pic("Casal a rir num campo de trigo", "Sessão de noivado"),
            Pic("Editorial de moda num armazém antigo", "Editorial"),
        ),
        testimonials=(
            Quote(
                "As fotografias transformaram a nossa loja online. As vendas subiram logo no primeiro mês.",
                "Fundadora de marca de cerâmica",
            ),
            Quote(
                "Deixou-nos à vontade desde o primeiro minuto. As fotos são de cortar a respiração.",
                "Cliente de retrato",
            ),
        ),
        faq=(
            QA("Quanto tempo demora a entrega?", "Pré-visualização em 48 horas e entrega final numa semana."),
            QA("Trabalha fora da cidade?", "Sim, com deslocação combinada no orçamento."),
            QA(
                "Posso usar as fotografias comercialmente?",
                "Sim, a licença de uso está incluída e é explicada na proposta.",
            ),
        ),
        cta=("Vamos trabalhar juntos?", "Conte-me a sua ideia e respondo em 24 horas.", "Enviar mensagem"),
        keywords=("portfólio", "fotógrafo", "designer", "fotografia", "identidade visual"),
        headings={"gallery": "Trabalhos selecionados", "about": "Sobre mim", "services": "Como posso ajudar"},
    ),
    "event": KindCopy(
        noun="evento",
        name="Encontro 2025",
        name_in_city="Encontro {city}",
        tagline="Dois dias de ideias, pessoas e boas conversas",
        hero=(
            "Um encontro para sair com ideias novas",
            "Oradores inspiradores, workshops práticos e muito tempo para conhecer pessoas.",
        ),
        action="Garantir lugar",
        about=(
            "Sobre o evento",
            (
                "Juntamos quem faz, quem pensa e quem quer começar. Dois dias de palestras curtas, workshops e "
                "conversas de corredor que valem tanto quanto o palco.",
                "Os lugares são limitados para manter o ambiente próximo.",
            ),
            ("20 oradores", "Workshops práticos", "Lugares limitados"),
        ),
        features=(
            Feat("Palestras", "Ideias em 20 minutos, de quem já fez.", "chat"),
            Feat("Workshops", "Sessões práticas em pequenos grupos.", "users"),
            Feat("Networking", "Almoço e fim de tarde para conhecer pessoas.", "heart"),
            Feat("Festa de encerramento", "Música ao vivo para fechar em grande.", "music"),
        ),
        gallery=(
            Pic("Plateia cheia a assistir a uma palestra", "Edição anterior"),
            Pic("Grupo em workshop à volta de uma mesa", "Workshops"),
            Pic("Participantes a conversar no intervalo", "Networking"),
            Pic("Concerto ao ar livre ao pôr do sol", "Festa de encerramento"),
        ),
        testimonials=(
            Quote(
                "Saí com três contactos de negócio e uma lista de ideias para pôr em prática.",
                "Participante da última edição",
            ),
        ),
        faq=(
            QA("O bilhete inclui refeições?", "Sim, almoço e coffee breaks nos dois dias."),
            QA("Posso transferir o meu bilhete?", "Pode, até uma semana antes, sem custos."),
            QA("O espaço é acessível?", "Sim, o recinto é totalmente acessível a cadeiras de rodas."),
        ),
        cta=(
            "Os lugares são limitados",
            "Garanta já o seu bilhete ao preço de lançamento.",
            "Comprar bilhete",
        ),
        keywords=("evento", "conferência", "workshops", "networking", "bilhetes"),
        headings={"features": "O programa", "gallery": "Momentos"},
    ),
    "school": KindCopy(
        noun="escola",
        name="Escola Saber",
        name_in_city="Escola {de} {city}",
        tagline="Aprender com gosto, em turmas pequenas",
        hero=(
            "Aprender é melhor com as pessoas certas",
            "Cursos práticos, professores experientes e turmas pequenas, presencial ou online.",
        ),
        action="Ver cursos",
        about=(
            "Uma escola diferente",
            (
                "Acreditamos que se aprende fazendo. Por isso as nossas turmas têm no máximo 10 alunos e cada aula "
                "termina com algo posto em prática.",
                "Há cursos para todas as idades e níveis, com certificado no final.",
            ),
            ("Turmas pequenas", "Certificado", "Aulas online"),
        ),
        features=(
            Feat("Turmas pequenas", "No máximo 10 alunos por turma.", "users"),
            Feat("Horários flexíveis", "Manhã, fim de tarde ou sábado.", "clock"),
            Feat("Certificado", "Reconhecido e emitido no fim de cada curso.", "book"),
        ),
        services=(
            Svc("Inglês para adultos", "Conversação e gramática, do A1 ao C1.", None, "3 meses"),
            Svc("Explicações", "Matemática, português e físico-química.", None, "por sessão"),
            Svc(
                "Programação para jovens",
                "Lógica e projetos em Python, dos 12 aos 17 anos.",
                None,
                "10 semanas",
            ),
        ),
        plans=(
            Tier(
                "Mensal", 65.0, "/mês", "Duas aulas por semana.", ("Material incluído", "Acesso à plataforma")
            ),
            Tier(
                "Trimestral",
                175.0,
                "/trimestre",
                "A opção mais escolhida.",
                ("Tudo do Mensal", "Aula de reposição", "Certificado"),
                True,
            ),
            Tier(
                "Intensivo",
                290.0,
                "/curso",
                "Quatro semanas, aulas diárias.",
                ("20 aulas", "Certificado", "Acompanhamento individual"),
            ),
        ),
        testimonials=(
            Quote("Em três meses passei a fazer reuniões em inglês com confiança.", "Aluna de inglês"),
            Quote(
                "O meu filho descobriu que adora programar. Professores incríveis.", "Encarregado de educação"
            ),
        ),
        faq=(
            QA("Posso experimentar uma aula?", "Sim, a primeira aula é gratuita."),
            QA("Há aulas online?", "Sim, todos os cursos têm opção online em direto."),
            QA("Como sei o meu nível?", "Fazemos um teste de nível gratuito antes da inscrição."),
        ),
        cta=(
            "Inscreva-se numa aula experimental",
            "Sem compromisso: venha conhecer a escola e os professores.",
            "Inscrever-me",
        ),
        keywords=("escola", "cursos", "explicações", "formação", "aulas"),
        headings={"services": "Cursos", "pricing": "Propinas"},
    ),
    "shop": KindCopy(
        noun="loja",
        name="Loja da Esquina",
        name_in_city="Loja {de} {city}",
        tagline="Produtos escolhidos a dedo, de marcas independentes",
        hero=(
            "Coisas bonitas, feitas para durar",
            "Uma seleção de produtos de marcas independentes, com envio rápido para todo o país.",
        ),
        action="Ver produtos",
        about=(
            "Escolhemos um a um",
            (
                "Cada produto que vendemos foi testado por nós. Preferimos pequenos produtores, materiais "
                "duradouros e embalagens sem plástico.",
                "Visite a loja física ou encomende online: embrulhamos tudo com cuidado.",
            ),
            ("Marcas independentes", "Envio em 48 h", "Trocas fáceis"),
        ),
        features=(
            Feat("Envio rápido", "Entrega em 48 horas em Portugal continental.", "bag"),
            Feat("Trocas fáceis", "30 dias para trocar, sem perguntas.", "shield"),
            Feat("Embrulho oferta", "Gratuito em todas as encomendas.", "heart"),
        ),
        services=(
            Svc("Caneca de cerâmica", "Feita à mão, 350 ml.", 18.0),
            Svc("Saco de algodão orgânico", "Resistente e lavável.", 12.0),
            Svc("Vela de soja", "Aroma a figo e cedro, 40 horas.", 22.0),
            Svc("Caderno de linho", "A5, papel reciclado.", 15.0),
        ),
        testimonials=(
            Quote("Encomendei numa segunda e recebi na terça, lindamente embrulhado.", "Cliente online"),
            Quote("A minha loja preferida para presentes. Há sempre novidades.", "Cliente habitual"),
        ),
        faq=(
            QA("Quanto custa o envio?", "É grátis acima de 40 €; abaixo disso custa 3,90 €."),
            QA("Posso trocar um produto?", "Sim, até 30 dias após a compra."),
            QA("Têm loja física?", "Sim, a morada e o horário estão na secção de contacto."),
        ),
        cta=("Procura um presente?", "Diga-nos para quem é e ajudamos a escolher.", "Pedir sugestão"),
        keywords=("loja", "presentes", "produtos artesanais", "loja online", "marcas independentes"),
        headings={"services": "Produtos em destaque"},
    ),
    "other": KindCopy(
        noun="negócio",
        name="Ponto de Encontro",
        name_in_city="{city} Serviços",
        tagline="Fazemos bem, à primeira",
        hero=(
            "Feito com cuidado, pensado para si",
            "Serviço próximo, profissional e com a atenção que merece.",
        ),
        action="Saber mais",
        about=(
            "Quem somos",
            (
                "Somos uma equipa pequena com uma grande vontade de fazer bem. Tratamos cada cliente como gostaríamos "
                "de ser tratados.",
                "Conte-nos o que precisa: se não formos a melhor opção, dizemos-lhe quem é.",
            ),
            ("Atendimento próximo", "Orçamentos claros", "Resposta rápida"),
        ),
        features=(),
        testimonials=(),
        faq=(),
        cta=("Vamos conversar?", "Conte-nos o que precisa e respondemos no próprio dia.", "Contactar"),
        keywords=("serviços", "qualidade", "atendimento"),
    ),
}
