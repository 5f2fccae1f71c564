"""Spanish (Spain) copy for every business kind."""

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
        name="Casa del Sabor",
        name_in_city="Taberna de {city}",
        tagline="Cocina de mercado, producto de temporada",
        hero=(
            "Comida de verdad, hecha sin prisas",
            "Platos de siempre, producto fresco del mercado y una mesa en la que apetece quedarse.",
        ),
        action="Ver la carta",
        about=(
            "Nuestra cocina",
            (
                "Empezamos con una idea sencilla: cocinar como en casa, pero para todo el mundo. Compramos a "
                "productores que conocemos, respetamos las estaciones y dejamos que el fuego lento haga su trabajo.",
                "Ven a comer, a cenar o simplemente a compartir unas tapas al caer la tarde.",
            ),
            ("Producto de temporada", "Recetas de familia", "Vinos de la tierra"),
        ),
        features=(
            Feat("Del mercado a la mesa", "Elegimos el pescado y la verdura cada mañana.", "leaf"),
            Feat("Recetas con historia", "Platos tradicionales, cocinados a fuego lento.", "heart"),
            Feat("Bodega cuidada", "Una carta de vinos pensada para cada plato.", "star"),
        ),
        menu=(
            Course(
                "Para compartir",
                (
                    Dish(
                        "Pan con tomate",
                        "Pan de masa madre, tomate rallado y aceite de oliva virgen extra.",
                        4.0,
                        ("vegetariano",),
                    ),
                    Dish("Croquetas de jamón", "Cremosas por dentro, crujientes por fuera. 6 unidades.", 9.0),
                    Dish("Pimientos de Padrón", "Unos pican y otros no.", 7.5, ("vegano",)),
                ),
            ),
            Course(
                "Principales",
                (
                    Dish("Arroz meloso de pato", "Con setas de temporada.", 17.0),
                    Dish("Merluza a la romana", "Con pimientos asados.", 18.5),
                    Dish("Pulpo a la gallega", "Cachelos, pimentón y aceite.", 21.0),
                ),
            ),
            Course(
                "Postres",
                (
                    Dish("Torrija casera", "Con helado de vainilla.", 6.0),
                    Dish("Tarta de queso", "Cremosa, al estilo vasco.", 6.5),
                ),
            ),
        ),
        testimonials=(
            Quote(
                "El arroz de pato es de lo mejor que he comido en años. Servicio atento y sin prisas.",
                "Cliente habitual",
            ),
            Quote(
                "Fuimos en familia y salimos planeando la próxima visita. ¡Qué tarta de queso!",
                "Cena de cumpleaños",
            ),
        ),
        faq=(
            QA(
                "¿Hace falta reservar?",
                "Los fines de semana lo recomendamos. Entre semana casi siempre hay mesa.",
            ),
            QA(
                "¿Tenéis opciones vegetarianas?",
                "Sí, siempre hay entrantes y al menos un principal vegetariano.",
            ),
            QA("¿Aceptáis grupos?", "Aceptamos grupos de hasta 20 personas con menú cerrado previamente."),
        ),
        cta=("Reserva tu mesa", "Llámanos o escríbenos y te guardamos el mejor sitio.", "Reservar"),
        keywords=("restaurante", "cocina de mercado", "comidas", "cenas", "reservas"),
        headings={"menu": "Nuestra carta", "features": "Por qué merece la pena"},
    ),
    "cafe": KindCopy(
        noun="cafetería",
        name="Café Central",
        name_in_city="Café de {city}",
        tagline="Café de especialidad, repostería casera y buena conversación",
        hero=(
            "Tu rincón favorito para hacer una pausa",
            "Café preparado con mimo, bizcochos hechos aquí y mesas donde el tiempo se detiene.",
        ),
        action="Ver la carta",
        about=(
            "Hecho para quedarse",
            (
                "Somos una cafetería de barrio con alma de especialidad. Tostamos en pequeños lotes y servimos cada "
                "taza como si fuera la primera del día.",
                "Trae un libro, el portátil o a tus amigos: hay wifi, enchufes y un sofá junto a la ventana.",
            ),
            ("Café de especialidad", "Repostería casera", "Wifi gratis"),
        ),
        features=(
            Feat("Café de origen", "Granos de pequeños productores, tostados al momento.", "cup"),
            Feat("Hecho aquí", "Bizcochos, scones y tostadas preparados cada mañana.", "bread"),
            Feat("Ideal para trabajar", "Wifi rápido, enchufes y el ambiente justo.", "bolt"),
        ),
        menu=(
            Course(
                "Cafés",
                (
                    Dish("Espresso", "Intenso y equilibrado.", 1.5),
                    Dish("Café con leche", "Leche cremosa y doble de espresso.", 2.0),
                    Dish("Flat white", "Doble ristretto con leche sedosa.", 3.2),
                ),
            ),
            Course(
                "Para comer",
                (
                    Dish("Tostada con tomate", "Pan de masa madre, tomate y aceite.", 3.0),
                    Dish("Bizcocho de zanahoria", "Con frosting de queso crema.", 3.5, ("casero",)),
                    Dish("Croissant a la plancha", "Con mantequilla y mermelada.", 2.5),
                ),
            ),
        ),
        testimonials=(
            Quote(
                "El mejor flat white de la zona y un sitio genial para trabajar por la mañana.",
                "Vecina del barrio",
            ),
            Quote("Bizcocho de zanahoria como el de mi abuela. Vengo todos los sábados.", "Cliente habitual"),
        ),
        faq=(
            QA("¿Tenéis leche sin lactosa?", "Sí, bebida de avena y de almendra sin coste extra."),
            QA("¿Puedo trabajar en la cafetería?", "Claro. Wifi gratis y mesas con enchufes."),
            QA("¿Hacéis tartas por encargo?", "Sí, con 48 horas de antelación."),
        ),
        cta=(
            "Pásate a vernos",
            "Dinos que nos has visto aquí y el próximo café corre de nuestra cuenta.",
            "Cómo llegar",
        ),
        keywords=("cafetería", "café de especialidad", "desayunos", "repostería casera", "brunch"),
    ),
    "bakery": KindCopy(
        noun="panadería",
        name="Panadería Artesana",
        name_in_city="Panadería Artesana de {city}",
        tagline="Pan de fermentación lenta, horneado cada mañana",
        hero=(
            "Pan recién hecho, a mano y cada día",
            "Masa madre, harinas de molino de piedra y el horno encendido desde las cinco de la mañana.",
        ),
        action="Ver la carta",
        about=(
            "Madrugamos con las manos en la masa",
            (
                "Somos una panadería artesana de barrio. Trabajamos con masa madre, harinas de molino de piedra y "
                "mucho tiempo: nuestra masa reposa 24 horas antes de entrar al horno.",
                "Además del pan, hay ensaimadas, bizcochos de fin de semana y hogazas de pueblo.",
            ),
            ("Masa madre", "Sin aditivos", "Horno de leña"),
        ),
        features=(
            Feat("Fermentación lenta", "24 horas de reposo para un pan más ligero y sabroso.", "clock"),
            Feat("Ingredientes honestos", "Harina, agua, sal y tiempo. Nada más.", "leaf"),
            Feat("Recién salido del horno", "Hornadas durante toda la mañana.", "bread"),
        ),
        menu=(
            Course(
                "Pan",
                (
                    Dish("Hogaza de masa madre", "Corteza crujiente y miga húmeda. 800 g.", 4.2),
                    Dish("Pan de centeno con semillas", "Denso, sabroso y aguanta días.", 3.8),
                    Dish("Barra rústica", "Crujiente y dorada.", 1.3),
                ),
            ),
            Course(
                "Bollería",
                (
                    Dish("Croissant de mantequilla", "Hojaldrado, dorado y ligero.", 1.6, ("favorito",)),
                    Dish("Ensaimada", "Tierna y espolvoreada con azúcar.", 1.8),
                    Dish("Napolitana de chocolate", "Hojaldre y chocolate negro.", 1.7),
                ),
            ),
            Course(
                "Tartas",
                (
                    Dish("Bizcocho de naranja", "Jugoso, con zumo natural. Porción.", 2.2),
                    Dish("Tarta de Santiago", "Almendra marcona, entera, para 8.", 18.0),
                ),
            ),
        ),
        testimonials=(
            Quote(
                "La hogaza de masa madre dura toda la semana y sigue buenísima. Ya no compro pan de supermercado.",
                "Vecino del barrio",
            ),
            Quote(
                "Croissants recién hechos a las ocho de la mañana. No hay mejor forma de empezar el día.",
                "Clienta habitual",
            ),
        ),
        faq=(
            QA(
                "¿Puedo encargar pan para el día siguiente?",
                "Sí. Los encargos hechos antes de las 18:00 están listos a la mañana siguiente.",
            ),
            QA(
                "¿Tenéis pan sin gluten?",
                "No: la harina está por todas partes en el obrador y no queremos arriesgarnos.",
            ),
            QA(
                "¿Hacéis tartas de cumpleaños?",
                "Sí, con 48 horas de antelación. Pregúntanos por los sabores.",
            ),
        ),
        cta=(
            "Encarga tu pan",
            "Dinos qué quieres y cuándo; lo tendremos listo a la hora justa.",
            "Hacer un encargo",
        ),
        keywords=("panadería", "pan artesano", "masa madre", "bollería", "tartas"),
        headings={"menu": "De nuestro horno", "features": "Cómo trabajamos"},
        intros={"menu": "Precios por unidad, IVA incluido. ¡Las hornadas vuelan!"},
    ),
    "salon": KindCopy(
        noun="peluquería",
        name="Estudio Bella",
        name_in_city="Peluquería {city}",
        tagline="Corte, color y cuidados, con tiempo para ti",
        hero=(
            "Sal sintiéndote la mejor versión de ti",
            "Cortes a medida, color sin agresiones y un espacio tranquilo para desconectar.",
        ),
        action="Pedir cita",
        about=(
            "Una peluquería que escucha",
            (
                "Antes de coger las tijeras, hablamos. Queremos entender tu estilo, tu rutina y lo que quieres "
                "cambiar, para que el resultado sea fácil de mantener en casa.",
                "Usamos productos profesionales con ingredientes de origen natural y nos formamos cada año.",
            ),
            ("Diagnóstico gratis", "Productos naturales", "Cita online"),
        ),
        features=(
            Feat("Asesoría de imagen", "Te aconsejamos el corte y el color que mejor te sientan.", "sparkle"),
            Feat("Color sin daños", "Técnicas que protegen la fibra del cabello.", "heart"),
            Feat("Puntualidad", "Tu cita es tuya: sin esperas.", "clock"),
        ),
        services=(
            Svc("Corte mujer", "Lavado, corte y secado.", 30.0, "1 h"),
            Svc("Corte hombre", "Tijera o máquina, con acabado.", 16.0, "30 min"),
            Svc("Color", "Tinte completo sin amoniaco.", 48.0, "1 h 30"),
            Svc("Mechas / balayage", "Luz natural, pintada a mano.", 75.0, "2 h 30"),
            Svc("Tratamiento hidratante", "Mascarilla profunda y masaje capilar.", 22.0, "30 min"),
        ),
        gallery=(
            Pic("Balayage en tonos miel sobre melena larga", "Balayage miel"),
            Pic("Bob corto con flequillo", "Bob clásico"),
            Pic("Interior de la peluquería con espejos y plantas", "Nuestro espacio"),
            Pic("Recogido de novia con ondas suaves", "Novias"),
        ),
        testimonials=(
            Quote(
                "Por fin alguien que entendió lo que quería. El balayage ha quedado perfecto.",
                "Clienta desde 2021",
            ),
            Quote("Ambiente tranquilo, equipo encantador y el corte aguanta meses.", "Clienta habitual"),
        ),
        faq=(
            QA("¿Necesito cita previa?", "La recomendamos, aunque atendemos sin cita siempre que podemos."),
            QA("¿Hacéis peinados de novia?", "Sí, en el salón o a domicilio, con prueba previa."),
            QA("¿Qué productos usáis?", "Marcas profesionales con ingredientes naturales y sin amoniaco."),
        ),
        cta=("Pide tu cita", "Elige el servicio y nosotros nos ocupamos del resto.", "Reservar ahora"),
        keywords=("peluquería", "salón de belleza", "balayage", "color", "corte de pelo"),
        headings={"services": "Servicios y precios", "gallery": "Trabajos recientes"},
    ),
    "gym": KindCopy(
        noun="gimnasio",
        name="Gimnasio Fuerza",
        name_in_city="{city} Fit Club",
        tagline="Entrenamiento en serio, ambiente de familia",
        hero=(
            "Más fuerte cada semana",
            "Entrenamiento guiado, clases para todos los niveles y abierto desde muy temprano.",
        ),
        action="Ver planes",
        about=(
            "Un gimnasio de personas",
            (
                "Aquí nadie entrena solo. Cada socio empieza con una valoración y un plan a medida que revisamos cada mes.",
                "De tu primera sentadilla a tu primer maratón, te acompañamos.",
            ),
            ("Valoración física", "Clases colectivas", "Entrenadores personales"),
        ),
        features=(
            Feat("Plan a medida", "Valoración inicial y entrenamiento según tus objetivos.", "dumbbell"),
            Feat(
                "Clases colectivas",
                "Más de 40 clases a la semana: HIIT, pilates, ciclo y movilidad.",
                "users",
            ),
            Feat("Abrimos temprano", "Desde las 6:30 para entrenar antes del trabajo.", "clock"),
            Feat("Sin permanencia", "Date de baja cuando quieras, sin penalizaciones.", "shield"),
        ),
        plans=(
            Tier(
                "Libre",
                32.0,
                "/mes",
                "Acceso a la sala de musculación.",
                ("Sala de entrenamiento", "Valoración inicial"),
            ),
            Tier(
                "Total",
                49.0,
                "/mes",
                "Sala y todas las clases colectivas.",
                ("Todo lo del Libre", "Clases ilimitadas", "Plan revisado cada mes"),
                True,
            ),
            Tier(
                "Personal",
                130.0,
                "/mes",
                "Entrenamiento con entrenador personal.",
                ("Todo lo del Total", "8 sesiones individuales", "Plan de nutrición"),
            ),
        ),
        stats=(
            Figure("40+", "clases a la semana"),
            Figure("1.200", "socios activos"),
            Figure("12", "entrenadores titulados"),
        ),
        testimonials=(
            Quote(
                "He perdido 10 kilos en seis meses y, sobre todo, he cogido el hábito. Los entrenadores marcan la diferencia.",
                "Socia desde hace 2 años",
            ),
            Quote("Las clases de las 7 son lo mejor de mi día. Un ambiente genial.", "Socio desde 2020"),
        ),
        faq=(
            QA("¿Puedo probar antes de apuntarme?", "Claro: la primera clase es gratis."),
            QA("¿Hay permanencia?", "No. Puedes darte de baja en cualquier momento."),
            QA("¿Hay vestuarios con ducha?", "Sí, con taquillas y toallas incluidas en el plan Total."),
        ),
        cta=(
            "Prueba una semana gratis",
            "Trae ropa cómoda. Del resto nos encargamos nosotros.",
            "Quiero probar",
        ),
        keywords=("gimnasio", "entrenamiento", "entrenador personal", "clases colectivas", "fitness"),
        headings={"pricing": "Planes", "features": "Qué te espera"},
    ),
    "clinic": KindCopy(
        noun="clínica",
        name="Clínica Salud Plus",
        name_in_city="Clínica {city}",
        tagline="Atención sanitaria cercana y sin esperas",
        hero=(
            "Tu salud, en buenas manos",
            "Consultas de varias especialidades, citas rápidas y un equipo que tiene tiempo para ti.",
        ),
        action="Pedir cita",
        about=(
            "Medicina con tiempo",
            (
                "Creemos que una buena consulta empieza por escuchar. Por eso dedicamos a cada paciente el tiempo "
                "que necesita y lo explicamos todo con claridad.",
                "Trabajamos con las principales aseguradoras y mutuas.",
            ),
            ("Citas en el día", "Aseguradoras", "Equipo multidisciplinar"),
        ),
        features=(
            Feat("Cita rápida", "Consultas en el mismo día para casos urgentes.", "calendar"),
            Feat("Aseguradoras", "Trabajamos con las principales compañías.", "shield"),
            Feat("Todo en un lugar", "Análisis y pruebas sin salir de la clínica.", "stethoscope"),
        ),
        services=(
            Svc("Medicina general", "Consultas, revisiones y seguimiento.", 50.0, "30 min"),
            Svc("Odontología", "Higiene, empastes y ortodoncia.", 55.0, "45 min"),
            Svc("Fisioterapia", "Rehabilitación y tratamiento del dolor.", 40.0, "45 min"),
            Svc("Nutrición", "Planes de alimentación personalizados.", 45.0, "45 min"),
        ),
        team=(
            Person(
                "Directora médica, medicina general", "Más de 15 años de experiencia en medicina de familia."
            ),
            Person("Odontólogo", "Especialista en ortodoncia y rehabilitación oral."),
            Person("Fisioterapeuta", "Centrada en la rehabilitación deportiva y el dolor crónico."),
        ),
        testimonials=(
            Quote(
                "Me atendieron el mismo día y me lo explicaron todo con paciencia. Muy recomendable.",
                "Paciente",
            ),
            Quote(
                "Un equipo atento y unas instalaciones impecables. Me siento en buenas manos.",
                "Paciente desde 2018",
            ),
        ),
        faq=(
            QA("¿Trabajáis con aseguradoras?", "Sí, con las principales compañías. Consúltanos la tuya."),
            QA("¿Cómo pido cita?", "Por teléfono, por correo o en recepción."),
            QA("¿Abrís los sábados?", "Sí, por la mañana, para medicina general y odontología."),
        ),
        cta=("Pide tu cita", "Respondemos en el día y buscamos el horario que mejor te venga.", "Pedir cita"),
        keywords=("clínica", "consultas", "medicina general", "dentista", "fisioterapia"),
        headings={"services": "Especialidades", "team": "Nuestro equipo médico"},
    ),
    "law_firm": KindCopy(
        noun="despacho de abogados",
        name="Navarro & Asociados",
        name_in_city="Abogados {city}",
        tagline="Asesoramiento jurídico claro, riguroso y cercano",
        hero=(
            "A tu lado en cada decisión",
            "Asesoramos a empresas y particulares con rigor, discreción y un lenguaje que se entiende.",
        ),
        action="Solicitar reunión",
        about=(
            "Un despacho comprometido",
            (
                "Somos un despacho independiente con más de veinte años de ejercicio. Cada cliente tiene un abogado "
                "responsable que conoce el asunto de principio a fin.",
                "Explicamos riesgos y opciones sin tecnicismos, con honorarios pactados desde el inicio.",
            ),
            ("Honorarios transparentes", "Respuesta en 24 horas", "Atención en inglés"),
        ),
        features=(
            Feat("Rigor", "Análisis minucioso de cada detalle de tu caso.", "scale"),
            Feat("Discreción", "Confidencialidad absoluta.", "shield"),
            Feat("Cercanía", "Un abogado responsable, siempre localizable.", "chat"),
        ),
        services=(
            Svc("Derecho mercantil", "Constitución de sociedades, contratos y gobierno corporativo."),
            Svc("Derecho laboral", "Contratos, despidos y conflictos laborales."),
            Svc("Derecho inmobiliario", "Compraventas, arrendamientos y licencias."),
            Svc("Familia y sucesiones", "Divorcios, testamentos y herencias."),
        ),
        team=(
            Person("Socio fundador", "Abogado desde hace 25 años, especialista en derecho mercantil."),
            Person("Socia", "Dedicada al derecho laboral y la mediación."),
            Person("Abogado asociado", "Lleva asuntos inmobiliarios y de inversión extranjera."),
        ),
        testimonials=(
            Quote(
                "Nos explicaron cada paso de la operación y cumplieron todos los plazos. Confianza total.",
                "Director financiero, pyme industrial",
            ),
            Quote("Un proceso difícil llevado con muchísima sensibilidad.", "Cliente particular"),
        ),
        faq=(
            QA(
                "¿La primera reunión tiene coste?",
                "La primera reunión de 30 minutos sirve para valorar el caso y es gratuita.",
            ),
            QA(
                "¿Cómo se calculan los honorarios?",
                "Pactamos desde el inicio una cantidad fija o por horas, siempre por escrito.",
            ),
            QA("¿Atendéis a clientes extranjeros?", "Sí, trabajamos en español, inglés y portugués."),
        ),
        cta=(
            "Habla con un abogado",
            "Reserva una primera reunión y sal con un plan claro.",
            "Solicitar reunión",
        ),
        keywords=(
            "abogados",
            "despacho de abogados",
            "derecho mercantil",
            "derecho laboral",
            "asesoría jurídica",
        ),
        headings={"services": "Áreas de práctica", "team": "Abogados"},
    ),
    "accounting": KindCopy(
        noun="asesoría contable",
        name="Cuentas Claras",
        name_in_city="Asesoría {city}",
        tagline="Contabilidad al día, cabeza tranquila",
        hero=(
            "Tus números en orden, tu tiempo libre",
            "Contabilidad, impuestos y nóminas a tiempo, con un asesor siempre disponible.",
        ),
        action="Pedir presupuesto",
        about=(
            "Asesores que explican",
            (
                "Ayudamos a pymes y autónomos a cumplir con Hacienda sin estrés. Todo digital, con informes "
                "mensuales fáciles de leer.",
                "Somos economistas colegiados y resolvemos tus dudas en el mismo día.",
            ),
            ("Economistas colegiados", "100% digital", "Informes mensuales"),
        ),
        features=(
            Feat(
                "Sin papeleo", "Envía tus facturas desde el móvil; del resto nos ocupamos nosotros.", "bolt"
            ),
            Feat("Plazos cumplidos", "Avisos antes de cada obligación fiscal.", "calendar"),
            Feat("Visión clara", "Un informe mensual con lo esencial de tu negocio.", "chart"),
        ),
        services=(
            Svc("Contabilidad de sociedades", "Para SL y SA, con cierre anual incluido.", 160.0, "al mes"),
            Svc("Autónomos", "IVA, IRPF y modelos trimestrales al día.", 55.0, "al mes"),
            Svc("Nóminas", "Nóminas, seguros sociales y modelos mensuales.", 12.0, "por trabajador"),
            Svc("Alta de empresa", "Del registro a la primera declaración.", 350.0),
        ),
        testimonials=(
            Quote(
                "Desde que estoy con ellos no he vuelto a pagar un recargo. Siempre responden en el día.",
                "Diseñadora autónoma",
            ),
            Quote(
                "Informes claros que por fin entiendo. Decidimos mejor gracias a ellos.",
                "Socia de un restaurante",
            ),
        ),
        faq=(
            QA(
                "¿Puedo cambiar de asesoría a mitad de año?",
                "Sí. Nos encargamos del traspaso con tu asesoría anterior.",
            ),
            QA(
                "¿Cómo os envío los documentos?",
                "Por nuestra plataforma, por correo o con una foto desde el móvil.",
            ),
            QA(
                "¿Hacéis la declaración de la renta?", "Sí, durante la campaña de la renta y con cita previa."
            ),
        ),
        cta=(
            "Pide presupuesto sin compromiso",
            "Cuéntanos tu actividad y te respondemos en 24 horas.",
            "Pedir presupuesto",
        ),
        keywords=("asesoría", "contabilidad", "autónomos", "impuestos", "nóminas"),
        headings={"services": "Servicios y precios"},
    ),
    "agency": KindCopy(
        noun="agencia",
        name="Estudio Norte",
        name_in_city="{city} Creativa",
        tagline="Marcas, webs y campañas que dan resultados",
        hero=(
            "Ideas que hacen crecer marcas",
            "Estrategia, diseño y marketing digital centrados en resultados medibles.",
        ),
        action="Ver servicios",
        about=(
            "Pequeños por elección",
            (
                "Somos un equipo sénior y compacto: quien presenta el proyecto es quien lo hace.",
                "Trabajamos con empresas que quieren crecer, de la estrategia a la ejecución.",
            ),
            ("Equipo sénior", "Resultados medidos", "Plazos cumplidos"),
        ),
        features=(
            Feat(
                "Primero la estrategia", "Empezamos por el problema de negocio, no por la estética.", "chart"
            ),
            Feat("Diseño que convierte", "Bonito y eficaz, probado con usuarios reales.", "sparkle"),
            Feat("Informes claros", "Siempre sabes qué se ha hecho y qué ha rendido.", "check"),
        ),
        services=(
            Svc("Branding", "Naming, identidad visual y tono de voz."),
            Svc("Webs y tiendas online", "Rápidas, accesibles y fáciles de gestionar."),
            Svc("Marketing digital", "Campañas de pago, SEO y email marketing."),
            Svc("Contenidos y redes sociales", "Planificación, producción y gestión de comunidad."),
        ),
        team=(
            Person(
                "Directora creativa", "15 años creando marcas para clientes nacionales e internacionales."
            ),
            Person("Director de estrategia", "Convierte datos en decisiones y campañas rentables."),
            Person("Diseñador de producto", "Diseña webs y apps pensando en quien las usa."),
        ),
        stats=(
            Figure("120+", "proyectos entregados"),
            Figure("35%", "crecimiento medio de ventas online"),
            Figure("9", "años de estudio"),
            Figure("4,9/5", "satisfacción de clientes"),
        ),
        testimonials=(
            Quote(
                "La nueva web duplicó las peticiones de presupuesto en tres meses.",
                "Directora comercial, ingeniería",
            ),
            Quote("Entendieron nuestra marca mejor que nosotros. Socios de verdad.", "Fundador de startup"),
        ),
        faq=(
            QA(
                "¿Cuánto cuesta un proyecto?",
                "Depende del alcance; enviamos una propuesta cerrada tras la primera reunión.",
            ),
            QA("¿Cuánto se tarda en hacer una web?", "Entre 4 y 8 semanas, según el tamaño."),
            QA(
                "¿Trabajáis con clientes de fuera?", "Sí, trabajamos en remoto con clientes de varios países."
            ),
        ),
        cta=(
            "¿Tienes un proyecto en mente?",
            "Cuéntanos tu objetivo y te proponemos un plan en una semana.",
            "Hablemos",
        ),
        keywords=("agencia", "marketing digital", "branding", "diseño web", "publicidad"),
        headings={"services": "Qué hacemos", "team": "Quiénes somos"},
    ),
    "software": KindCopy(
        noun="aplicación",
        name="Flujo",
        name_in_city="Flujo {city}",
        tagline="El trabajo de tu equipo, organizado en un solo lugar",
        hero=(
            "Menos hojas de cálculo, más trabajo hecho",
            "Tareas, plazos y documentos de todo el equipo en un solo lugar. Empieza en dos minutos, sin tarjeta.",
        ),
        action="Probar gratis",
        about=(
            "Hecho por quien sufrió el problema",
            (
                "Creamos esta aplicación tras años perdiendo el tiempo entre correos, hojas de cálculo y chats.",
                "Hoy ayuda a miles de equipos a saber, en todo momento, quién hace qué y para cuándo.",
            ),
            ("Sin instalación", "Datos en la UE", "Soporte en español"),
        ),
        features=(
            Feat(
                "Tableros y listas", "Mira el trabajo como prefieras y arrastra tareas entre fases.", "check"
            ),
            Feat("Automatizaciones", "Recordatorios y asignaciones automáticas, sin código.", "bolt"),
            Feat("Informes", "Detecta retrasos antes de que ocurran.", "chart"),
            Feat("Seguridad", "Cifrado, copias diarias y servidores en la UE.", "shield"),
        ),
        plans=(
            Tier(
                "Gratis",
                0.0,
                "/mes",
                "Para equipos pequeños que empiezan.",
                ("Hasta 3 usuarios", "Proyectos ilimitados"),
            ),
            Tier(
                "Equipo",
                8.0,
                "/usuario/mes",
                "Para equipos que quieren crecer.",
                ("Automatizaciones", "Informes", "Soporte prioritario"),
                True,
            ),
            Tier(
                "Empresa",
                16.0,
                "/usuario/mes",
                "Control y seguridad avanzados.",
                ("SSO y auditoría", "Gestor de cuenta", "SLA del 99,9%"),
            ),
        ),
        stats=(
            Figure("12.000+", "equipos activos"),
            Figure("99,9%", "disponibilidad"),
            Figure("4,8/5", "valoración media"),
        ),
        testimonials=(
            Quote(
                "Hemos eliminado las reuniones de seguimiento. Todo está en el tablero.", "Jefa de proyectos"
            ),
            Quote("En dos semanas todo el equipo lo usaba. Sencillo y rápido.", "CTO de una startup"),
        ),
        faq=(
            QA("¿Necesito tarjeta para probarlo?", "No. El plan gratuito nunca pide tarjeta."),
            QA("¿Dónde se guardan mis datos?", "En servidores de la Unión Europea, con copias diarias."),
            QA("¿Puedo cancelar cuando quiera?", "Sí, sin coste. Puedes exportarlo todo antes de irte."),
        ),
        cta=("Empieza hoy, gratis", "Crea tu cuenta en dos minutos e invita a tu equipo.", "Crear cuenta"),
        keywords=("software", "gestión de proyectos", "productividad", "SaaS", "aplicación"),
        headings={"features": "Todo lo que tu equipo necesita", "pricing": "Planes sencillos"},
    ),
    "portfolio": KindCopy(
        noun="portfolio",
        name="Estudio Luz",
        name_in_city="Estudio {city}",
        tagline="Fotografía y diseño con mirada de autor",
        hero=(
            "Imágenes que cuentan tu historia",
            "Fotografía y diseño para marcas y personas que quieren ser recordadas.",
        ),
        action="Ver trabajos",
        about=(
            "Hola, soy quien está detrás de la cámara",
            (
                "Llevo más de diez años trabajando entre la fotografía editorial, el retrato y la identidad visual.",
                "Me encanta la luz natural, las conversaciones largas antes de cada proyecto y entregar a tiempo.",
            ),
            ("10 años de experiencia", "Publicado en revistas", "Clientes en 8 países"),
        ),
        features=(
            Feat("Mirada de autor", "Un estilo coherente del primer al último proyecto.", "camera"),
            Feat("Proceso claro", "Propuesta, calendario y entrega acordados por escrito.", "check"),
            Feat("Entrega rápida", "Previsualización en 48 horas.", "bolt"),
        ),
        services=(
            Svc("Sesión de retrato", "En estudio o exterior, 15 fotos editadas.", 190.0, "2 h"),
            Svc("Fotografía de producto", "Para tiendas online y catálogos.", 35.0, "por foto"),
            Svc("Identidad visual", "Logotipo, paleta y guía de estilo.", 950.0),
        ),
        gallery=(
            Pic("Retrato en blanco y negro de una mujer junto a una ventana", "Retrato, 2024"),
            Pic("Foto de producto: tazas de cerámica sobre madera", "Cerámica artesana"),
            Pic("Calle de la ciudad al atardecer con un tranvía", "Ciudad al atardecer"),
            Pic("Identidad visual para una marca de té, con envases", "Marca de té"),
            Pic("Pareja riendo en un campo de trigo", "Preboda"),
            Pic("Editorial de moda en una nave antigua", "Editorial"),
        ),
        testimonials=(
            Quote(
                "Las fotos transformaron nuestra tienda online. Las ventas subieron el primer mes.",
                "Fundadora de una marca de cerámica",
            ),
            Quote(
                "Nos hizo sentir cómodos desde el primer minuto. Las fotos quitan el aliento.",
                "Cliente de retrato",
            ),
        ),
        faq=(
            QA("¿Cuánto tarda la entrega?", "Previsualización en 48 horas y entrega final en una semana."),
            QA("¿Trabajas fuera de la ciudad?", "Sí, con el desplazamiento incluido en el presupuesto."),
            QA(
                "¿Puedo usar las fotos con fines comerciales?",
                "Sí, la licencia de uso está incluida y se explica en la propuesta.",
            ),
        ),
        cta=("¿Trabajamos juntos?", "Cuéntame tu idea y te respondo en 24 horas.", "Enviar mensaje"),
        keywords=("portfolio", "fotógrafo", "diseñador", "fotografía", "identidad visual"),
        headings={
            "gallery": "Trabajos seleccionados",
            "about": "Sobre mí",
            "services": "Cómo puedo ayudarte",
        },
    ),
    "event": KindCopy(
        noun="evento",
        name="Encuentro 2025",
        name_in_city="Encuentro {city}",
        tagline="Dos días de ideas, personas y buenas conversaciones",
        hero=(
            "Un encuentro para salir con ideas nuevas",
            "Ponentes inspiradores, talleres prácticos y mucho tiempo para conocer gente.",
        ),
        action="Consigue tu entrada",
        about=(
            "Sobre el evento",
            (
                "Reunimos a quien hace, a quien piensa y a quien quiere empezar. Dos días de charlas cortas, "
                "talleres y conversaciones de pasillo que valen tanto como el escenario.",
                "Las plazas son limitadas para mantener un ambiente cercano.",
            ),
            ("20 ponentes", "Talleres prácticos", "Plazas limitadas"),
        ),
        features=(
            Feat("Charlas", "Grandes ideas en 20 minutos, de quien ya lo ha hecho.", "chat"),
            Feat("Talleres", "Sesiones prácticas en grupos pequeños.", "users"),
            Feat("Networking", "Comidas y afterwork para conocer gente.", "heart"),
            Feat("Fiesta de clausura", "Música en directo para cerrar por todo lo alto.", "music"),
        ),
        gallery=(
            Pic("Público llenando la sala durante una charla", "Edición anterior"),
            Pic("Grupo en un taller alrededor de una mesa", "Talleres"),
            Pic("Asistentes charlando en una pausa", "Networking"),
            Pic("Concierto al aire libre al atardecer", "Fiesta de clausura"),
        ),
        testimonials=(
            Quote(
                "Salí con tres contactos de negocio y una lista de ideas para poner en práctica.",
                "Asistente de la última edición",
            ),
        ),
        faq=(
            QA("¿La entrada incluye comidas?", "Sí, comida y pausas para el café los dos días."),
            QA("¿Puedo transferir mi entrada?", "Sí, hasta una semana antes, sin coste."),
            QA("¿El espacio es accesible?", "Sí, el recinto es totalmente accesible en silla de ruedas."),
        ),
        cta=(
            "Las plazas son limitadas",
            "Consigue ya tu entrada a precio de lanzamiento.",
            "Comprar entrada",
        ),
        keywords=("evento", "congreso", "talleres", "networking", "entradas"),
        headings={"features": "El programa", "gallery": "Momentos"},
    ),
    "school": KindCopy(
        noun="escuela",
        name="Escuela Saber",
        name_in_city="Escuela de {city}",
        tagline="Aprender con ganas, en grupos reducidos",
        hero=(
            "Se aprende mejor con las personas adecuadas",
            "Cursos prácticos, profesores con experiencia y grupos reducidos, presencial u online.",
        ),
        action="Ver cursos",
        about=(
            "Una escuela diferente",
            (
                "Creemos que se aprende haciendo. Por eso nuestros grupos tienen como máximo 10 alumnos y cada clase "
                "termina con algo puesto en práctica.",
                "Hay cursos para todas las edades y niveles, con certificado al final.",
            ),
            ("Grupos reducidos", "Certificado", "Clases online"),
        ),
        features=(
            Feat("Grupos reducidos", "Un máximo de 10 alumnos por grupo.", "users"),
            Feat("Horarios flexibles", "Mañanas, tardes o sábados.", "clock"),
            Feat("Certificado", "Al terminar cada curso.", "book"),
        ),
        services=(
            Svc("Inglés para adultos", "Conversación y gramática, del A1 al C1.", None, "3 meses"),
            Svc("Clases de refuerzo", "Matemáticas, lengua y ciencias.", None, "por sesión"),
            Svc(
                "Programación para jóvenes",
                "Lógica y proyectos en Python, de 12 a 17 años.",
                None,
                "10 semanas",
            ),
        ),
        plans=(
            Tier(
                "Mensual",
                70.0,
                "/mes",
                "Dos clases por semana.",
                ("Material incluido", "Acceso a la plataforma"),
            ),
            Tier(
                "Trimestral",
                190.0,
                "/trimestre",
                "La opción más elegida.",
                ("Todo lo del Mensual", "Clase de recuperación", "Certificado"),
                True,
            ),
            Tier(
                "Intensivo",
                310.0,
                "/curso",
                "Cuatro semanas de clases diarias.",
                ("20 clases", "Certificado", "Tutoría individual"),
            ),
        ),
        testimonials=(
            Quote("En tres meses pasé a hacer reuniones en inglés con seguridad.", "Alumna de inglés"),
            Quote(
                "Mi hijo ha descubierto que le encanta programar. Profesores increíbles.", "Padre de alumno"
            ),
        ),
        faq=(
            QA("¿Puedo probar una clase?", "Sí, la primera clase es gratis."),
            QA("¿Hay clases online?", "Sí, todos los cursos tienen opción online en directo."),
            QA("¿Cómo sé mi nivel?", "Hacemos una prueba de nivel gratuita antes de la matrícula."),
        ),
        cta=(
            "Apúntate a una clase de prueba",
            "Sin compromiso: ven a conocer la escuela y a los profesores.",
            "Apuntarme",
        ),
        keywords=("escuela", "cursos", "clases de refuerzo", "formación", "academia"),
        headings={"services": "Cursos", "pricing": "Tarifas"},
    ),
    "shop": KindCopy(
        noun="tienda",
        name="La Tienda de la Esquina",
        name_in_city="Tienda {city}",
        tagline="Productos elegidos uno a uno, de marcas independientes",
        hero=(
            "Cosas bonitas, hechas para durar",
            "Una selección de marcas independientes con envío rápido a toda España.",
        ),
        action="Ver productos",
        about=(
            "Elegidos uno a uno",
            (
                "Todo lo que vendemos lo hemos probado. Preferimos pequeños productores, materiales duraderos y "
                "envíos sin plástico.",
                "Visita la tienda o compra online: lo envolvemos todo con mimo.",
            ),
            ("Marcas independientes", "Envío en 48 h", "Cambios fáciles"),
        ),
        features=(
            Feat("Envío rápido", "Entrega en 48 horas en la península.", "bag"),
            Feat("Cambios fáciles", "30 días para cambiar, sin preguntas.", "shield"),
            Feat("Envoltorio regalo", "Gratis en todos los pedidos.", "heart"),
        ),
        services=(
            Svc("Taza de cerámica", "Hecha a mano, 350 ml.", 19.0),
            Svc("Bolsa de algodón orgánico", "Resistente y lavable.", 13.0),
            Svc("Vela de soja", "Aroma a higo y cedro, 40 horas.", 23.0),
            Svc("Cuaderno de lino", "A5, papel reciclado.", 16.0),
        ),
        testimonials=(
            Quote("Pedí el lunes y el martes ya lo tenía, precioso y bien envuelto.", "Cliente online"),
            Quote("Mi tienda favorita para regalos. Siempre hay novedades.", "Clienta habitual"),
        ),
        faq=(
            QA("¿Cuánto cuesta el envío?", "Gratis a partir de 40 €; por debajo, 3,90 €."),
            QA("¿Puedo cambiar un producto?", "Sí, hasta 30 días después de la compra."),
            QA("¿Tenéis tienda física?", "Sí, la dirección y el horario están en la sección de contacto."),
        ),
        cta=("¿Buscas un regalo?", "Dinos para quién es y te ayudamos a elegir.", "Pedir ideas"),
        keywords=("tienda", "regalos", "productos artesanos", "tienda online", "marcas independientes"),
        headings={"services": "Productos destacados"},
    ),
    "other": KindCopy(
        noun="negocio",
        name="Punto de Encuentro",
        name_in_city="Servicios {city}",
        tagline="Lo hacemos bien a la primera",
        hero=(
            "Hecho con cariño, pensado para ti",
            "Un servicio cercano, profesional y con la atención que mereces.",
        ),
        action="Saber más",
        about=(
            "Quiénes somos",
            (
                "Somos un equipo pequeño con muchas ganas de hacer las cosas bien. Tratamos a cada cliente como nos "
                "gustaría que nos trataran.",
                "Cuéntanos qué necesitas: si no somos la mejor opción, te diremos quién lo es.",
            ),
            ("Trato cercano", "Presupuestos claros", "Respuesta rápida"),
        ),
        features=(),
        testimonials=(),
        faq=(),
        cta=("¿Hablamos?", "Cuéntanos qué necesitas y te respondemos en el día.", "Contactar"),
        keywords=("servicios", "calidad", "atención al cliente"),
    ),
}
