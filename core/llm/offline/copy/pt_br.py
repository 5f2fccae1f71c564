"""Brazilian Portuguese (pt-BR) copy for every business kind.

Written for Brazilian readers, not converted from the European copy: Brazilian
dishes and habits, "você" and "a gente", prices in reais (the copy's currency,
see ``generic_pt_br.PT_BR``), Pix and WhatsApp where a Brazilian business would
mention them.
"""

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
        name="Cozinha da Vila",
        name_in_city="Restaurante {de} {city}",
        tagline="Comida brasileira caseira, feita com ingrediente fresco",
        hero=(
            "Comida de verdade, feita sem pressa",
            "Pratos com gostinho de casa, ingredientes da feira e uma mesa onde dá vontade de ficar.",
        ),
        action="Ver o cardápio",
        about=(
            "Nossa cozinha",
            (
                "A gente começou com uma ideia simples: cozinhar como se fosse para a família, só que para todo mundo. "
                "Compramos direto do produtor, respeitamos a safra e deixamos o feijão no fogo o tempo que ele precisa.",
                "Da moqueca ao escondidinho, cada prato tem uma história. Venha almoçar, jantar ou só beliscar "
                "uns petiscos no fim da tarde.",
            ),
            ("Ingredientes da estação", "Receitas de família", "Feito na hora"),
        ),
        features=(
            Feat("Da feira para a mesa", "Escolhemos o peixe e os legumes toda manhã.", "leaf"),
            Feat("Receitas com história", "Pratos tradicionais, feitos no capricho e sem atalho.", "heart"),
            Feat("Carta de bebidas", "Sucos naturais, cervejas artesanais e caipirinhas da casa.", "star"),
        ),
        menu=(
            Course(
                "Entradas",
                (
                    Dish("Pastel de feira", "Carne, queijo ou palmito. Porção com quatro.", 24.90),
                    Dish("Bolinho de mandioca", "Recheado de carne-seca, com molho da casa.", 29.90),
                    Dish("Salada tropical", "Folhas, manga, castanha-de-caju e molho de maracujá.", 27.90, ("vegetariano",)),
                ),
            ),
            Course(
                "Pratos principais",
                (
                    Dish("Moqueca de peixe", "Com leite de coco e dendê, acompanha arroz e pirão.", 79.90),
                    Dish("Feijoada completa", "Aos sábados, com couve, farofa, torresmo e laranja.", 62.90),
                    Dish("Escondidinho de carne-seca", "Purê de mandioca gratinado.", 48.90),
                ),
            ),
            Course(
                "Sobremesas",
                (
                    Dish("Pudim de leite", "Receita da vó, lisinho e sem furinho.", 16.90),
                    Dish("Cocada de forno", "Com sorvete de creme.", 18.90),
                ),
            ),
        ),
        testimonials=(
            Quote("A moqueca é a melhor que eu comi em anos. Atendimento atencioso e sem correria.", "Cliente fiel"),
            Quote("Fomos em família e todo mundo saiu querendo voltar. Que feijoada!", "Almoço de aniversário"),
        ),
        faq=(
            QA("Precisa reservar?", "No fim de semana a gente recomenda. Durante a semana quase sempre tem mesa."),
            QA("Tem opção vegetariana?", "Tem sim: sempre há entradas e um prato principal vegetariano."),
            QA("Vocês recebem grupos?", "Recebemos grupos de até 20 pessoas, com cardápio combinado antes."),
        ),
        cta=("Reserve sua mesa", "Ligue ou chame no WhatsApp que a gente separa o melhor lugar para você.", "Reservar"),
        keywords=("restaurante", "comida brasileira", "almoço", "jantar", "reservas"),
        headings={"menu": "Nosso cardápio", "features": "Por que vale a visita"},
    ),
    "cafe": KindCopy(
        noun="cafeteria",
        name="Café do Bairro",
        name_in_city="Café {de} {city}",
        tagline="Café especial, bolo caseiro e uma boa prosa",
        hero=(
            "Seu cantinho favorito para uma pausa",
            "Café passado com cuidado, bolo feito aqui e mesas onde o tempo anda mais devagar.",
        ),
        action="Ver o cardápio",
        about=(
            "Feito para ficar",
            (
                "Somos uma cafeteria de bairro com alma de café especial. Compramos grãos de pequenos produtores "
                "de Minas e do Espírito Santo e servimos cada xícara como se fosse a primeira do dia.",
                "Traga um livro, o notebook ou os amigos: tem wi-fi, tomada e um sofá perto da janela esperando por você.",
            ),
            ("Café especial", "Bolo caseiro", "Wi-fi grátis"),
        ),
        features=(
            Feat("Grão de origem", "Cafés de pequenos produtores, torrados toda semana.", "cup"),
            Feat("Feito aqui", "Bolos, pão de queijo e sanduíches preparados toda manhã.", "bread"),
            Feat("Bom para trabalhar", "Wi-fi rápido, tomada em todas as mesas e silêncio na medida.", "bolt"),
        ),
        menu=(
            Course(
                "Cafés",
                (
                    Dish("Espresso", "Encorpado e equilibrado.", 7.50),
                    Dish("Cappuccino", "Com leite vaporizado e canela.", 13.90),
                    Dish("Coado na hora", "Método V60, grão do mês.", 11.90),
                ),
            ),
            Course(
                "Para comer",
                (
                    Dish("Pão de queijo", "Porção com seis, quentinho.", 12.90, ("favorito",)),
                    Dish("Bolo de cenoura", "Com cobertura de brigadeiro.", 11.90, ("caseiro",)),
                    Dish("Misto quente", "Pão de forma, presunto e queijo.", 15.90),
                ),
            ),
        ),
        testimonials=(
            Quote("O melhor cappuccino da região e um clima ótimo para trabalhar de manhã.", "Vizinho do bairro"),
            Quote("Bolo de cenoura igual ao da minha avó. Passo aqui todo sábado.", "Cliente fiel"),
        ),
        faq=(
            QA("Tem opção sem lactose?", "Tem sim: leite de aveia e de amêndoas, sem custo a mais."),
            QA("Posso trabalhar aí?", "Claro! Tem wi-fi grátis e várias mesas com tomada."),
            QA("Vocês fazem bolo por encomenda?", "Fazemos, com 48 horas de antecedência."),
        ),
        cta=("Dá uma passada aqui", "O próximo café é por nossa conta se você disser que viu a gente aqui.", "Como chegar"),
        keywords=("cafeteria", "café especial", "café da manhã", "bolo caseiro", "pão de queijo"),
    ),
    "bakery": KindCopy(
        noun="padaria",
        name="Padaria Pão Nosso",
        name_in_city="Padaria Artesanal {de} {city}",
        tagline="Pão de fermentação natural, saindo do forno toda manhã",
        hero=(
            "Pão quentinho, feito à mão todo dia",
            "Fermentação natural, farinha de qualidade e o forno ligado desde as cinco da manhã.",
        ),
        action="Ver o cardápio",
        about=(
            "Desde cedo, com a mão na massa",
            (
                "Somos uma padaria artesanal de bairro. Trabalhamos com fermentação natural e muita paciência: "
                "nossa massa descansa 24 horas antes de ir para o forno.",
                "Além do pão, tem pão de queijo saindo a toda hora, sonho recheado e bolo caseiro para o café da tarde.",
            ),
            ("Fermentação natural", "Sem conservantes", "Fornadas o dia todo"),
        ),
        features=(
            Feat("Fermentação lenta", "24 horas de descanso para um pão mais leve e saboroso.", "clock"),
            Feat("Ingrediente honesto", "Farinha, água, sal e tempo. Mais nada.", "leaf"),
            Feat("Saindo do forno", "Fornadas ao longo do dia para você levar sempre pão quentinho.", "bread"),
        ),
        menu=(
            Course(
                "Pães",
                (
                    Dish("Pão de fermentação natural", "Casca crocante e miolo macio. 800 g.", 24.90),
                    Dish("Pão francês", "O clássico do café da manhã. Por quilo.", 19.90),
                    Dish("Pão de queijo", "Com queijo canastra. Unidade.", 4.50, ("favorito",)),
                ),
            ),
            Course(
                "Doces",
                (
                    Dish("Sonho de creme", "Massa fofinha e recheio de baunilha.", 8.90),
                    Dish("Croissant na manteiga", "Folhado, dourado e leve.", 11.90),
                    Dish("Brigadeiro de colher", "Potinho de 120 g.", 9.90),
                ),
            ),
            Course(
                "Bolos",
                (
                    Dish("Bolo de fubá com goiabada", "Fatia generosa.", 9.90),
                    Dish("Bolo de cenoura com chocolate", "Inteiro, serve 10 pessoas.", 59.90),
                ),
            ),
        ),
        testimonials=(
            Quote("O pão de fermentação natural dura a semana toda e continua ótimo. Nunca mais comprei de mercado.", "Cliente do bairro"),
            Quote("Pão de queijo quentinho às sete da manhã. Não tem jeito melhor de começar o dia.", "Cliente fiel"),
        ),
        faq=(
            QA("Posso encomendar pão para o dia seguinte?", "Pode sim. Pedidos até as 18h ficam prontos na manhã seguinte."),
            QA("Vocês têm pão sem glúten?", "Não trabalhamos com sem glúten, porque a farinha fica no ar e não queremos arriscar."),
            QA("Fazem bolo de aniversário?", "Fazemos, com 48 horas de antecedência. Pergunte pelos sabores."),
        ),
        cta=("Encomende seu pão", "Diga o que você quer e para quando; a gente deixa tudo pronto na hora certa.", "Fazer pedido"),
        keywords=("padaria", "pão artesanal", "fermentação natural", "pão de queijo", "confeitaria"),
        headings={"menu": "Direto do nosso forno", "features": "Como a gente faz"},
        intros={"menu": "Preço por unidade. As fornadas acabam cedo!"},
    ),
    "salon": KindCopy(
        noun="salão de beleza",
        name="Studio Bela",
        name_in_city="Salão {de} {city}",
        tagline="Corte, cor e cuidado, com tempo para você",
        hero=(
            "Saia se sentindo a sua melhor versão",
            "Corte pensado para você, coloração sem agressão e um espaço tranquilo para relaxar.",
        ),
        action="Agendar horário",
        about=(
            "Um salão que escuta",
            (
                "Antes de pegar na tesoura, a gente conversa. Queremos entender seu estilo, sua rotina e o que "
                "você quer mudar, para o resultado ser fácil de manter em casa.",
                "Usamos produtos profissionais com ativos naturais e fazemos cursos todo ano para acompanhar as "
                "técnicas mais novas.",
            ),
            ("Avaliação gratuita", "Produtos naturais", "Agendamento pelo WhatsApp"),
        ),
        features=(
            Feat("Consultoria de imagem", "Indicamos o corte e a cor que valorizam o seu rosto.", "sparkle"),
            Feat("Cor sem danificar", "Técnicas que protegem a fibra do cabelo.", "heart"),
            Feat("Pontualidade", "Seu horário é seu: nada de ficar esperando.", "clock"),
        ),
        services=(
            Svc("Corte feminino", "Lavagem, corte e escova.", 90.0, "1 h"),
            Svc("Corte masculino", "Tesoura ou máquina, com acabamento.", 50.0, "30 min"),
            Svc("Coloração", "Cor completa com produtos sem amônia.", 180.0, "1 h 30"),
            Svc("Mechas / balayage", "Iluminado natural, feito à mão.", 350.0, "2 h 30"),
            Svc("Hidratação", "Máscara de tratamento e massagem no couro cabeludo.", 80.0, "30 min"),
        ),
        gallery=(
            Pic("Balayage em tons de mel em cabelo longo", "Balayage mel"),
            Pic("Corte chanel curto com franja", "Chanel clássico"),
            Pic("Interior do salão com espelhos e plantas", "Nosso espaço"),
            Pic("Penteado de noiva com ondas suaves", "Noivas"),
        ),
        testimonials=(
            Quote("Finalmente alguém que entendeu o que eu queria. O balayage ficou perfeito.", "Cliente desde 2021"),
            Quote("Ambiente tranquilo, equipe simpática e o corte fica bonito por meses.", "Cliente fiel"),
        ),
        faq=(
            QA("Preciso agendar?", "A gente recomenda agendar; sem horário marcado, atendemos sempre que dá."),
            QA("Vocês fazem penteado para casamento?", "Fazemos, no salão ou no local, com teste antes."),
            QA("Quais produtos vocês usam?", "Marcas profissionais com ativos naturais e sem amônia."),
        ),
        cta=("Agende seu horário", "Escolha o serviço e a gente cuida do resto.", "Agendar agora"),
        keywords=("salão de beleza", "cabeleireiro", "balayage", "coloração", "corte de cabelo"),
        headings={"services": "Serviços e preços", "gallery": "Trabalhos recentes"},
    ),
    "gym": KindCopy(
        noun="academia",
        name="Academia Força Total",
        name_in_city="Academia {city} Fit",
        tagline="Treino de verdade, clima de família",
        hero=(
            "Mais forte a cada semana",
            "Treino com acompanhamento, aulas para todos os níveis e portas abertas desde cedo.",
        ),
        action="Ver planos",
        about=(
            "Uma academia de gente",
            (
                "Aqui ninguém treina sozinho. Todo aluno começa com uma avaliação e um treino montado para ele, "
                "revisado todo mês.",
                "Do primeiro agachamento à primeira meia maratona, a gente acompanha a sua evolução.",
            ),
            ("Avaliação física", "Aulas coletivas", "Personal trainers"),
        ),
        features=(
            Feat("Treino sob medida", "Avaliação inicial e treino ajustado aos seus objetivos.", "dumbbell"),
            Feat("Aulas coletivas", "Mais de 40 aulas por semana: funcional, pilates, bike e alongamento.", "users"),
            Feat("Aberta cedo", "Abrimos às 5h30 para você treinar antes do trabalho.", "clock"),
            Feat("Sem fidelidade", "Cancele quando quiser, sem multa.", "shield"),
        ),
        plans=(
            Tier("Musculação", 99.90, "/mês", "Acesso à área de musculação.", ("Área de treino", "Avaliação inicial")),
            Tier(
                "Total",
                149.90,
                "/mês",
                "Musculação e todas as aulas coletivas.",
                ("Tudo do plano Musculação", "Aulas à vontade", "Treino revisado todo mês"),
                True,
            ),
            Tier(
                "Personal",
                449.90,
                "/mês",
                "Treino com personal trainer.",
                ("Tudo do plano Total", "8 sessões individuais", "Orientação nutricional"),
            ),
        ),
        stats=(
            Figure("40+", "aulas por semana"),
            Figure("1.200", "alunos ativos"),
            Figure("12", "professores formados em educação física"),
        ),
        testimonials=(
            Quote(
                "Perdi 10 quilos em seis meses e, mais importante, peguei o hábito. Os professores fazem toda a diferença.",
                "Aluna há 2 anos",
            ),
            Quote("A aula das 7h é a melhor parte do meu dia. Clima sensacional.", "Aluno desde 2020"),
        ),
        faq=(
            QA("Posso fazer uma aula experimental?", "Claro: a primeira aula é por nossa conta."),
            QA("Tem fidelidade?", "Não. Você pode cancelar quando quiser."),
            QA("Tem vestiário com chuveiro?", "Tem sim, com armários e toalha inclusa no plano Total."),
        ),
        cta=("Experimente uma semana grátis", "Venha com roupa confortável. O resto é com a gente.", "Quero experimentar"),
        keywords=("academia", "musculação", "personal trainer", "aulas coletivas", "fitness"),
        headings={"pricing": "Planos", "features": "O que você encontra aqui"},
    ),
    "clinic": KindCopy(
        noun="clínica",
        name="Clínica Vida Mais",
        name_in_city="Clínica {de} {city}",
        tagline="Saúde de perto, sem fila de espera",
        hero=(
            "Sua saúde em boas mãos",
            "Consultas em várias especialidades, agendamento rápido e uma equipe que tem tempo para você.",
        ),
        action="Agendar consulta",
        about=(
            "Medicina com tempo",
            (
                "A gente acredita que uma boa consulta começa ouvindo. Por isso reservamos o tempo necessário "
                "para cada paciente e explicamos tudo de um jeito claro.",
                "Atendemos os principais convênios e também particular, com preço justo.",
            ),
            ("Consulta no mesmo dia", "Principais convênios", "Equipe multidisciplinar"),
        ),
        features=(
            Feat("Agendamento rápido", "Consulta no mesmo dia para casos urgentes.", "calendar"),
            Feat("Convênios", "Atendemos os principais planos de saúde.", "shield"),
            Feat("Tudo no mesmo lugar", "Exames e coleta sem sair da clínica.", "stethoscope"),
        ),
        services=(
            Svc("Clínica geral", "Consultas de rotina, check-up e acompanhamento.", 250.0, "30 min"),
            Svc("Odontologia", "Limpeza, restauração e ortodontia.", 200.0, "45 min"),
            Svc("Fisioterapia", "Reabilitação e tratamento da dor.", 150.0, "45 min"),
            Svc("Nutrição", "Plano alimentar personalizado.", 220.0, "45 min"),
        ),
        team=(
            Person("Diretora clínica, clínica geral", "Mais de 15 anos de experiência em medicina de família."),
            Person("Cirurgião-dentista", "Especialista em ortodontia e reabilitação oral."),
            Person("Fisioterapeuta", "Trabalha com reabilitação esportiva e dor crônica."),
        ),
        testimonials=(
            Quote("Fui atendida no mesmo dia e me explicaram tudo com paciência. Recomendo.", "Paciente"),
            Quote("Equipe atenciosa e estrutura impecável. Me sinto em boas mãos.", "Paciente desde 2018"),
        ),
        faq=(
            QA("Vocês atendem convênio?", "Atendemos os principais convênios. Confirme o seu com a gente."),
            QA("Como agendo uma consulta?", "Por telefone, WhatsApp ou direto na recepção."),
            QA("Tem atendimento no sábado?", "Tem sim, de manhã, para clínica geral e odontologia."),
        ),
        cta=("Agende sua consulta", "Respondemos no mesmo dia e encontramos o horário que for melhor para você.", "Agendar consulta"),
        keywords=("clínica", "consultas", "clínica geral", "dentista", "fisioterapia"),
        headings={"services": "Especialidades", "team": "Nossa equipe"},
    ),
    "law_firm": KindCopy(
        noun="escritório de advocacia",
        name="Almeida & Advogados Associados",
        name_in_city="Advocacia {de} {city}",
        tagline="Orientação jurídica clara, rigorosa e de perto",
        hero=(
            "Do seu lado em cada decisão",
            "Atendemos empresas e pessoas físicas com rigor, discrição e uma linguagem que dá para entender.",
        ),
        action="Agendar reunião",
        about=(
            "Um escritório comprometido",
            (
                "Somos um escritório de advocacia independente com mais de vinte anos de atuação. Cada cliente tem "
                "um advogado responsável, que acompanha o caso do começo ao fim.",
                "Explicamos riscos e opções sem juridiquês, com honorários combinados desde o início.",
            ),
            ("Honorários transparentes", "Retorno em 24 horas", "Atendimento em inglês"),
        ),
        features=(
            Feat("Rigor", "Análise cuidadosa de cada detalhe do seu caso.", "scale"),
            Feat("Discrição", "Sigilo absoluto.", "shield"),
            Feat("Proximidade", "Um advogado responsável, sempre acessível.", "chat"),
        ),
        services=(
            Svc("Direito empresarial", "Abertura de empresas, contratos e societário."),
            Svc("Direito trabalhista", "Contratos, rescisões e ações trabalhistas."),
            Svc("Direito imobiliário", "Compra e venda, locação e regularização de imóveis."),
            Svc("Família e sucessões", "Divórcio, partilha, testamento e inventário."),
        ),
        team=(
            Person("Sócio fundador", "Advogado há 25 anos, especialista em direito empresarial."),
            Person("Sócia", "Atua em direito trabalhista e mediação de conflitos."),
            Person("Advogado associado", "Cuida de casos imobiliários e de investimento estrangeiro."),
        ),
        testimonials=(
            Quote("Resolveram em semanas uma questão que se arrastava havia anos. Sempre disponíveis.", "Empresária"),
            Quote("Explicaram cada passo do inventário com paciência e clareza.", "Cliente"),
        ),
        faq=(
            QA("A primeira consulta é paga?", "A primeira conversa, de 30 minutos, é gratuita e sem compromisso."),
            QA("Vocês atendem online?", "Atendemos, por videochamada, em todo o Brasil."),
            QA("Como são cobrados os honorários?", "Valor fechado ou por hora, sempre combinado por escrito antes."),
        ),
        cta=("Vamos conversar sobre o seu caso", "Agende uma reunião sem compromisso.", "Agendar reunião"),
        keywords=("advogado", "escritório de advocacia", "direito empresarial", "direito trabalhista", "consultoria jurídica"),
        headings={"services": "Áreas de atuação", "team": "Nossos advogados"},
    ),
    "accounting": KindCopy(
        noun="escritório de contabilidade",
        name="Conta Certa Contabilidade",
        name_in_city="Contabilidade {de} {city}",
        tagline="Sua contabilidade em dia, sem dor de cabeça",
        hero=(
            "Números em ordem, cabeça tranquila",
            "Contabilidade para MEI, pequenas empresas e profissionais liberais, com atendimento de verdade.",
        ),
        action="Pedir orçamento",
        about=(
            "Contabilidade de perto",
            (
                "Há mais de quinze anos a gente cuida da contabilidade de pequenos negócios. Você fala sempre com a "
                "mesma contadora, que conhece a sua empresa.",
                "Cuidamos de impostos, folha de pagamento e obrigações, e avisamos antes de cada prazo.",
            ),
            ("Atendimento pelo WhatsApp", "Prazos sempre em dia", "Preço fixo mensal"),
        ),
        features=(
            Feat("Tudo no prazo", "Lembretes antes de cada vencimento de imposto.", "calendar"),
            Feat("Atendimento de gente", "Uma contadora responsável pela sua empresa.", "chat"),
            Feat("Preço fechado", "Mensalidade fixa, sem surpresa no fim do mês.", "shield"),
        ),
        services=(
            Svc("Contabilidade para empresas", "Simples Nacional e Lucro Presumido, com balanço anual.", 450.0, "por mês"),
            Svc("MEI", "DAS, declaração anual e nota fiscal sem complicação.", 99.0, "por mês"),
            Svc("Folha de pagamento", "Holerites, férias, 13º e eSocial.", 45.0, "por funcionário"),
            Svc("Abertura de empresa", "Do CNPJ ao alvará de funcionamento.", 990.0),
        ),
        testimonials=(
            Quote("Desde que mudei para eles, nunca mais paguei multa por atraso.", "Dona de restaurante"),
            Quote("Respondem rápido no WhatsApp e explicam tudo sem complicar.", "Profissional liberal"),
        ),
        faq=(
            QA("Vocês atendem MEI?", "Atendemos, e ajudamos quando chega a hora de virar microempresa."),
            QA("Posso trocar de contador no meio do ano?", "Pode sim. A gente cuida da transição com o contador antigo."),
            QA("O atendimento é presencial?", "Presencial ou online, como for melhor para você."),
        ),
        cta=("Peça um orçamento", "Conte um pouco sobre a sua empresa e respondemos em até um dia útil.", "Pedir orçamento"),
        keywords=("contabilidade", "contador", "MEI", "abertura de empresa", "imposto de renda"),
        headings={"services": "Serviços e valores"},
    ),
    "agency": KindCopy(
        noun="agência",
        name="Agência Faísca",
        name_in_city="Agência {city} Digital",
        tagline="Marcas que as pessoas lembram",
        hero=(
            "Ideias que fazem o seu negócio crescer",
            "Estratégia, design e conteúdo para marcas que querem ser vistas e lembradas.",
        ),
        action="Ver projetos",
        about=(
            "Criatividade com resultado",
            (
                "Somos uma agência independente de estratégia e criação. Juntamos dados e intuição para criar "
                "campanhas que vendem e marcas que duram.",
                "Trabalhamos lado a lado com o cliente, em ciclos curtos e com metas claras.",
            ),
            ("Estratégia de marca", "Conteúdo para redes sociais", "Performance"),
        ),
        features=(
            Feat("Estratégia primeiro", "Todo projeto começa com objetivos que dá para medir.", "chart"),
            Feat("Criação que se destaca", "Design e texto feitos para chamar atenção.", "sparkle"),
            Feat("Resultado na mesa", "Relatórios mensais claros, sem enrolação.", "star"),
        ),
        services=(
            Svc("Branding", "Nome, identidade visual e posicionamento."),
            Svc("Redes sociais", "Planejamento, conteúdo e gestão de comunidade."),
            Svc("Sites e landing pages", "Páginas rápidas que convertem."),
            Svc("Tráfego pago", "Campanhas no Google e no Instagram com foco em resultado."),
        ),
        team=(
            Person("Diretora de criação", "Quinze anos criando marcas para empresas de todos os tamanhos."),
            Person("Estrategista", "Transforma dados em decisões e campanhas em vendas."),
            Person("Designer", "Cuida de cada detalhe visual, do logo ao post."),
        ),
        stats=(
            Figure("120+", "marcas atendidas"),
            Figure("3x", "retorno médio das campanhas"),
            Figure("98%", "clientes que renovam"),
            Figure("15", "prêmios de criação"),
        ),
        testimonials=(
            Quote("Nossas vendas online dobraram em seis meses de trabalho com eles.", "Dono de e-commerce"),
            Quote("Entenderam a nossa marca melhor do que a gente mesmo.", "Diretora de marketing"),
        ),
        faq=(
            QA("Vocês atendem pequenas empresas?", "Atendemos, com pacotes pensados para quem está começando."),
            QA("Quanto tempo leva um projeto de marca?", "Entre quatro e oito semanas, dependendo do escopo."),
            QA("Trabalham com contrato mínimo?", "Nos serviços mensais, pedimos três meses para ver resultado."),
        ),
        cta=("Vamos tirar sua ideia do papel?", "Conte o seu desafio e mandamos uma proposta em até 48 horas.", "Falar com a agência"),
        keywords=("agência de marketing", "branding", "redes sociais", "design", "tráfego pago"),
        headings={"services": "O que a gente faz", "team": "Quem faz acontecer"},
    ),
    "software": KindCopy(
        noun="aplicativo",
        name="Tarefa Fácil",
        name_in_city="{city} App",
        tagline="Organize o trabalho da sua equipe em um só lugar",
        hero=(
            "Menos planilha, mais trabalho feito",
            "Tarefas, prazos e conversas da equipe no mesmo lugar, no computador e no celular.",
        ),
        action="Testar grátis",
        about=(
            "Feito para equipes pequenas",
            (
                "Criamos o aplicativo porque cansamos de ferramentas complicadas. Aqui, qualquer pessoa da equipe "
                "aprende a usar em cinco minutos.",
                "Seus dados ficam guardados no Brasil, com backup diário e de acordo com a LGPD.",
            ),
            ("Teste grátis de 14 dias", "Suporte em português", "Dados de acordo com a LGPD"),
        ),
        features=(
            Feat("Tudo num quadro só", "Veja quem está fazendo o quê e o que está atrasado.", "check"),
            Feat("Lembretes automáticos", "Avisos por e-mail e no celular antes de cada prazo.", "bolt"),
            Feat("Integrações", "Conecte com Google Agenda, Slack e WhatsApp.", "code"),
            Feat("Seguro", "Criptografia e backup diário dos seus dados.", "shield"),
        ),
        plans=(
            Tier("Grátis", 0.0, "/mês", "Para equipes de até 3 pessoas.", ("3 usuários", "Projetos ilimitados")),
            Tier(
                "Equipe",
                29.90,
                "/usuário/mês",
                "Para equipes que estão crescendo.",
                ("Usuários ilimitados", "Relatórios", "Suporte por chat"),
                True,
            ),
            Tier("Empresa", 59.90, "/usuário/mês", "Para quem precisa de controle total.", ("Login único (SSO)", "Gerente de conta", "SLA de 99,9%")),
        ),
        stats=(
            Figure("5.000+", "equipes usando"),
            Figure("4,8", "nota nas lojas de apps"),
            Figure("99,9%", "de disponibilidade"),
        ),
        testimonials=(
            Quote("Largamos as planilhas em uma semana. A equipe toda adotou sem treinamento.", "Gerente de projetos"),
            Quote("O suporte responde rápido e em português. Faz toda a diferença.", "Sócio de agência"),
        ),
        faq=(
            QA("Preciso de cartão de crédito para testar?", "Não. O teste de 14 dias é grátis e sem cartão."),
            QA("Dá para usar no celular?", "Dá sim: tem aplicativo para Android e iPhone."),
            QA("Posso cancelar quando quiser?", "Pode. Sem multa e sem burocracia."),
        ),
        cta=("Comece hoje, de graça", "Crie sua conta em menos de um minuto.", "Criar conta grátis"),
        keywords=("aplicativo", "gestão de tarefas", "produtividade", "software", "equipe"),
        headings={"features": "Recursos", "pricing": "Planos"},
    ),
    "portfolio": KindCopy(
        noun="portfólio",
        name="Estúdio Olhar",
        name_in_city="Fotografia {de} {city}",
        tagline="Fotografia de casamento, retrato e marca",
        hero=(
            "Histórias contadas em imagens",
            "Fotografia natural e cheia de luz para casamentos, famílias e marcas.",
        ),
        action="Ver trabalhos",
        about=(
            "Oi, prazer!",
            (
                "Sou fotógrafa há mais de dez anos e adoro registrar momentos de verdade, sem pose forçada. "
                "Cada ensaio começa com um café e uma boa conversa.",
                "Atendo em todo o Brasil e viajo com o maior prazer para casamentos no destino.",
            ),
            ("Casamentos", "Ensaios de família", "Fotos para marcas"),
        ),
        features=(
            Feat("Luz natural", "Fotos leves, com cores fiéis e sem exagero de edição.", "camera"),
            Feat("Entrega rápida", "Prévia em 48 horas e galeria completa em até 30 dias.", "clock"),
            Feat("Álbum sob medida", "Álbuns impressos com acabamento artesanal.", "heart"),
        ),
        services=(
            Svc("Casamento", "Cobertura completa, do making of à festa.", 5900.0),
            Svc("Ensaio de família", "Duas horas, ao ar livre ou em casa.", 890.0),
            Svc("Fotos para marca", "Retratos e imagens para site e redes sociais.", 1200.0),
        ),
        gallery=(
            Pic("Noivos rindo na saída da igreja", "Casamento na serra"),
            Pic("Família brincando no parque ao pôr do sol", "Ensaio em família"),
            Pic("Retrato de empreendedora no ateliê", "Marca pessoal"),
            Pic("Detalhe das alianças sobre flores", "Detalhes"),
            Pic("Festa de casamento na praia à noite", "Casamento na praia"),
            Pic("Gestante sorrindo na janela", "Ensaio gestante"),
        ),
        testimonials=(
            Quote("Cada foto conta exatamente como foi o nosso dia. Choramos vendo a galeria.", "Noivos de 2023"),
            Quote("Deixou todo mundo à vontade, até as crianças. As fotos ficaram lindas.", "Ensaio de família"),
        ),
        faq=(
            QA("Com quanto tempo de antecedência devo reservar?", "Para casamentos, de seis meses a um ano."),
            QA("Você viaja?", "Viajo sim! As despesas de viagem são combinadas no orçamento."),
            QA("Como recebo as fotos?", "Em uma galeria online privada, em alta resolução."),
        ),
        cta=("Vamos contar a sua história?", "Me conte a data e o que você imagina.", "Pedir orçamento"),
        keywords=("fotógrafa", "fotografia de casamento", "ensaio de família", "retrato", "portfólio"),
        headings={"gallery": "Trabalhos recentes", "about": "Sobre mim", "services": "Pacotes"},
    ),
    "event": KindCopy(
        noun="evento",
        name="Conexão Tech",
        name_in_city="{city} Tech Summit",
        tagline="Um dia de ideias, gente boa e networking",
        hero=(
            "O encontro de quem faz tecnologia",
            "Palestras, oficinas e muita troca com quem está construindo o futuro.",
        ),
        action="Garantir ingresso",
        about=(
            "Sobre o evento",
            (
                "Um dia inteiro com palestrantes do Brasil e de fora, oficinas práticas e espaço de sobra para "
                "conhecer gente nova.",
                "Para desenvolvedores, designers, empreendedores e quem mais estiver curioso sobre tecnologia.",
            ),
            ("20 palestras", "8 oficinas", "Festa de encerramento"),
        ),
        features=(
            Feat("Palestras", "Gente que faz, falando de casos reais.", "chat"),
            Feat("Oficinas", "Mão na massa em turmas pequenas.", "code"),
            Feat("Networking", "Intervalos longos e rodas de conversa.", "users"),
            Feat("Acessível", "Local acessível e intérprete de Libras nas palestras principais.", "heart"),
        ),
        gallery=(
            Pic("Palco principal com plateia cheia", "Palco principal"),
            Pic("Participantes conversando no intervalo", "Networking"),
            Pic("Oficina com notebooks abertos", "Oficinas"),
            Pic("Festa de encerramento com luzes coloridas", "Encerramento"),
        ),
        testimonials=(Quote("Saí cheio de ideias e com três contatos que viraram clientes.", "Participante de 2023"),),
        faq=(
            QA("Tem meia-entrada?", "Tem, para estudantes, professores e pessoas acima de 60 anos."),
            QA("As palestras são gravadas?", "As principais sim; quem comprou ingresso recebe o link."),
            QA("Posso transferir o ingresso?", "Pode, até sete dias antes do evento."),
        ),
        cta=("Garanta seu lugar", "O primeiro lote está acabando.", "Comprar ingresso"),
        keywords=("evento de tecnologia", "conferência", "palestras", "oficinas", "networking"),
        headings={"features": "O que esperar", "gallery": "Edições anteriores"},
    ),
    "school": KindCopy(
        noun="escola",
        name="Escola Saber Mais",
        name_in_city="Escola de Idiomas {de} {city}",
        tagline="Aprender de verdade, com gente que gosta de ensinar",
        hero=(
            "Seu próximo idioma começa aqui",
            "Turmas pequenas, professores experientes e aulas presenciais ou online.",
        ),
        action="Ver cursos",
        about=(
            "Uma escola que acompanha você",
            (
                "Desde 2010 a gente ensina crianças, adolescentes e adultos. Turmas de no máximo oito alunos, "
                "para todo mundo falar em toda aula.",
                "Fazemos um teste de nível gratuito e montamos o plano com você.",
            ),
            ("Turmas pequenas", "Teste de nível grátis", "Aulas online ao vivo"),
        ),
        features=(
            Feat("Turmas pequenas", "No máximo oito alunos por turma.", "users"),
            Feat("Professores experientes", "Formados e com vivência no exterior.", "book"),
            Feat("Horário flexível", "Aulas de manhã, à tarde, à noite e aos sábados.", "calendar"),
        ),
        services=(
            Svc("Inglês", "Do básico ao avançado, com preparação para certificados.", 390.0, "por mês"),
            Svc("Espanhol", "Conversação e gramática, para viagem e trabalho.", 350.0, "por mês"),
            Svc("Reforço escolar", "Português e matemática para o ensino fundamental e médio.", 290.0, "por mês"),
        ),
        plans=(
            Tier("Regular", 390.0, "/mês", "Duas aulas por semana em turma.", ("2 aulas semanais", "Material incluso")),
            Tier(
                "Intensivo",
                590.0,
                "/mês",
                "Para quem tem pressa.",
                ("4 aulas semanais", "Material incluso", "Clube de conversação"),
                True,
            ),
            Tier("Particular", 120.0, "/aula", "Aula individual no seu ritmo.", ("Horário flexível", "Plano personalizado")),
        ),
        testimonials=(
            Quote("Em um ano passei a conversar em inglês nas reuniões do trabalho sem travar.", "Aluno de inglês"),
            Quote("Meu filho melhorou as notas e hoje gosta de matemática.", "Mãe de aluno"),
        ),
        faq=(
            QA("Tem aula experimental?", "Tem sim, gratuita, depois do teste de nível."),
            QA("As aulas online são ao vivo?", "São, com o mesmo professor e a mesma turma."),
            QA("Tem desconto para irmãos?", "Tem: 10% na mensalidade do segundo irmão."),
        ),
        cta=("Faça seu teste de nível grátis", "Em 20 minutos a gente descobre o melhor curso para você.", "Agendar teste"),
        keywords=("escola de idiomas", "curso de inglês", "espanhol", "reforço escolar", "aulas"),
        headings={"services": "Cursos", "pricing": "Mensalidades"},
    ),
    "shop": KindCopy(
        noun="loja",
        name="Loja da Esquina",
        name_in_city="Loja {de} {city}",
        tagline="Produtos escolhidos a dedo, de marcas independentes",
        hero=(
            "Coisas bonitas, feitas para durar",
            "Uma seleção de produtos de marcas independentes, com entrega para todo o Brasil.",
        ),
        action="Ver produtos",
        about=(
            "Escolhidos um por um",
            (
                "Cada produto que vendemos foi testado pela gente. Preferimos pequenos produtores, materiais "
                "duráveis e embalagem sem plástico.",
                "Visite a loja física ou compre pelo site: embalamos tudo com carinho.",
            ),
            ("Marcas independentes", "Envio em 48 h", "Troca fácil"),
        ),
        features=(
            Feat("Envio rápido", "Postagem em até 48 horas para todo o Brasil.", "bag"),
            Feat("Troca fácil", "30 dias para trocar, sem complicação.", "shield"),
            Feat("Embalagem para presente", "Grátis em todos os pedidos.", "heart"),
        ),
        services=(
            Svc("Caneca de cerâmica", "Feita à mão, 350 ml.", 69.90),
            Svc("Ecobag de algodão orgânico", "Resistente e lavável.", 49.90),
            Svc("Vela de soja", "Aroma de figo e cedro, 40 horas.", 79.90),
            Svc("Caderno de capa de linho", "A5, papel reciclado.", 54.90),
        ),
        testimonials=(
            Quote("Comprei na segunda e chegou na quarta, com uma embalagem linda.", "Cliente do site"),
            Quote("Minha loja preferida para dar presente. Sempre tem novidade.", "Cliente fiel"),
        ),
        faq=(
            QA("Quanto custa o frete?", "É grátis acima de R$ 199; abaixo disso, calculamos pelo CEP."),
            QA("Posso trocar um produto?", "Pode sim, em até 30 dias depois da compra."),
            QA("Vocês têm loja física?", "Temos. O endereço e o horário estão na seção de contato."),
        ),
        cta=("Procurando um presente?", "Conte para quem é e a gente ajuda a escolher.", "Pedir sugestão"),
        keywords=("loja", "presentes", "produtos artesanais", "loja online", "marcas independentes"),
        headings={"services": "Produtos em destaque"},
    ),
    "other": KindCopy(
        noun="negócio",
        name="Ponto de Encontro",
        name_in_city="{city} Serviços",
        tagline="Bem feito, de primeira",
        hero=(
            "Feito com capricho, pensado para você",
            "Atendimento de perto, profissional e com a atenção que você merece.",
        ),
        action="Saiba mais",
        about=(
            "Quem somos",
            (
                "Somos uma equipe pequena com muita vontade de fazer bem feito. Tratamos cada cliente como a gente "
                "gostaria de ser tratado.",
                "Conte o que você precisa: se a gente não for a melhor opção, indicamos quem é.",
            ),
            ("Atendimento de perto", "Orçamento claro", "Resposta rápida"),
        ),
        features=(),
        testimonials=(),
        faq=(),
        cta=("Vamos conversar?", "Conte o que você precisa e respondemos no mesmo dia.", "Fale conosco"),
        keywords=("serviços", "qualidade", "atendimento"),
    ),
}
