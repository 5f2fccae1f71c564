"""English copy for every business kind."""

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
        noun="restaurant",
        name="The Good Table",
        name_in_city="{city} Kitchen",
        tagline="Seasonal cooking, honest ingredients, a table worth lingering at",
        hero=(
            "Real food, cooked with time",
            "Classic dishes, fresh produce from the market and a table you won't want to leave.",
        ),
        action="See the menu",
        about=(
            "Our kitchen",
            (
                "We started with a simple idea: cook the way we do at home, but for everyone. We buy from growers we "
                "know, follow the seasons and let slow cooking do the work.",
                "Come for lunch, for dinner, or just to share a few small plates as the evening begins.",
            ),
            ("Seasonal produce", "Family recipes", "Curated wine list"),
        ),
        features=(
            Feat("Market to table", "Fish and vegetables chosen fresh every morning.", "leaf"),
            Feat("Recipes with a story", "Traditional dishes, cooked slowly, no shortcuts.", "heart"),
            Feat("A thoughtful wine list", "Bottles picked to go with every plate.", "star"),
        ),
        menu=(
            Course(
                "Starters",
                (
                    Dish(
                        "Bread and olive oil",
                        "Slow-fermented sourdough with cold-pressed olive oil.",
                        5.0,
                        ("vegetarian",),
                    ),
                    Dish("Crispy green beans", "Light tempura with lemon aioli.", 8.0, ("vegetarian",)),
                    Dish("Garlic clams", "White wine, coriander and lemon.", 15.0),
                ),
            ),
            Course(
                "Mains",
                (
                    Dish("Roast cod", "With crushed potatoes, greens and salsa verde.", 22.0),
                    Dish("Slow-cooked duck rice", "Baked with chorizo and orange.", 21.0),
                    Dish("Grilled octopus", "Smashed potatoes and garlic oil.", 26.0),
                ),
            ),
            Course(
                "Desserts",
                (
                    Dish("Rice pudding", "Cinnamon and lemon zest.", 7.0),
                    Dish("Chocolate tart", "Dark chocolate, sea salt and cream.", 8.0),
                ),
            ),
        ),
        testimonials=(
            Quote(
                "The duck rice is the best thing I've eaten all year. Attentive service, never rushed.",
                "Regular guest",
            ),
            Quote("We came as a family and left planning our next visit. That cod!", "Birthday dinner"),
        ),
        faq=(
            QA("Do I need to book?", "We recommend it at weekends. On weekdays there's usually a table."),
            QA(
                "Do you have vegetarian options?",
                "Yes, there are always vegetarian starters and at least one main.",
            ),
            QA("Can you host groups?", "We welcome groups of up to 20 with a set menu agreed in advance."),
        ),
        cta=(
            "Book your table",
            "Call or email us and we'll save you the best seat in the house.",
            "Book now",
        ),
        keywords=("restaurant", "seasonal food", "lunch", "dinner", "reservations"),
        headings={"menu": "Our menu", "features": "Why it's worth the trip"},
    ),
    "cafe": KindCopy(
        noun="café",
        name="Corner Café",
        name_in_city="{city} Coffee House",
        tagline="Specialty coffee, home baking and good conversation",
        hero=(
            "Your favourite spot for a break",
            "Carefully brewed coffee, cakes baked on site and tables where time slows down.",
        ),
        action="See the menu",
        about=(
            "Made for staying",
            (
                "We're a neighbourhood café with a specialty heart. We roast in small batches and pour every cup as "
                "if it were the first of the day.",
                "Bring a book, your laptop or your friends: there's wi-fi, plugs and a sofa by the window.",
            ),
            ("Specialty coffee", "Home baking", "Free wi-fi"),
        ),
        features=(
            Feat("Single-origin beans", "Coffee from small farms, roasted fresh.", "cup"),
            Feat("Baked here", "Cakes, scones and toasties made every morning.", "bread"),
            Feat("Good for working", "Fast wi-fi, plenty of plugs, just the right buzz.", "bolt"),
        ),
        menu=(
            Course(
                "Coffee",
                (
                    Dish("Espresso", "Rich and balanced.", 2.5),
                    Dish("Cappuccino", "Velvety milk, double shot.", 3.8),
                    Dish("Flat white", "Double ristretto with silky milk.", 4.0),
                ),
            ),
            Course(
                "To eat",
                (
                    Dish("Grilled cheese", "Sourdough, mature cheddar, pickles.", 7.5),
                    Dish("Carrot cake", "With cream cheese frosting.", 4.5, ("homemade",)),
                    Dish("Scone with jam", "House jam and butter.", 3.5),
                ),
            ),
        ),
        testimonials=(
            Quote("The best flat white around and a lovely place to work in the morning.", "Neighbour"),
            Quote("Carrot cake just like grandma's. I'm here every Saturday.", "Regular"),
        ),
        faq=(
            QA("Do you have dairy-free milk?", "Yes, oat and almond milk at no extra charge."),
            QA("Can I work from the café?", "Of course. Free wi-fi and plenty of tables with plugs."),
            QA("Do you take cake orders?", "We do, with 48 hours' notice."),
        ),
        cta=("Come say hello", "Mention this website and your next coffee is on us.", "Get directions"),
        keywords=("café", "specialty coffee", "breakfast", "homemade cakes", "brunch"),
    ),
    "bakery": KindCopy(
        noun="bakery",
        name="The Artisan Bakery",
        name_in_city="{city} Artisan Bakery",
        tagline="Slow-fermented bread, baked fresh every morning",
        hero=(
            "Warm bread, shaped by hand every day",
            "Sourdough, stone-ground flour and an oven that's been on since five in the morning.",
        ),
        action="See the menu",
        about=(
            "Up early, hands in the dough",
            (
                "We're a neighbourhood artisan bakery. We work with natural leaven, stone-ground flour and plenty of "
                "time: our dough rests for 24 hours before it meets the oven.",
                "Besides bread, there are custard tarts still warm from the oven, weekend cakes and rustic loaves.",
            ),
            ("Natural sourdough", "No additives", "Wood-fired oven"),
        ),
        features=(
            Feat("Slow fermentation", "24 hours of rest for lighter, tastier bread.", "clock"),
            Feat("Honest ingredients", "Flour, water, salt and time. Nothing else.", "leaf"),
            Feat(
                "Straight from the oven", "Fresh batches all morning, so your bread is always warm.", "bread"
            ),
        ),
        menu=(
            Course(
                "Bread",
                (
                    Dish("Sourdough loaf", "Crackling crust, moist crumb. 800 g.", 6.5),
                    Dish("Rye and seeds", "Dense, nutty and keeps for days.", 5.5),
                    Dish("Baguette", "Crisp and golden, baked hourly.", 3.0),
                ),
            ),
            Course(
                "Pastries",
                (
                    Dish("Custard tart", "Flaky pastry, warm creamy custard.", 2.5, ("favourite",)),
                    Dish("Butter croissant", "Light, golden and properly flaky.", 3.0),
                    Dish("Cinnamon bun", "Cardamom dough and brown butter.", 3.5),
                ),
            ),
            Course(
                "Cakes",
                (
                    Dish("Orange loaf cake", "Moist, with fresh orange juice. Per slice.", 3.5),
                    Dish("Sponge cake", "Light and golden, whole, serves 8.", 22.0),
                ),
            ),
        ),
        testimonials=(
            Quote(
                "The sourdough lasts all week and still tastes great. I've stopped buying supermarket bread.",
                "Local customer",
            ),
            Quote(
                "Warm custard tarts at eight in the morning. There's no better way to start the day.",
                "Regular",
            ),
        ),
        faq=(
            QA(
                "Can I order bread for the next day?",
                "Yes. Orders placed by 6 pm are ready the following morning.",
            ),
            QA(
                "Do you bake gluten-free?",
                "We don't: flour is everywhere in our kitchen and we won't take the risk.",
            ),
            QA("Do you make birthday cakes?", "We do, with 48 hours' notice. Ask us about flavours."),
        ),
        cta=(
            "Order your bread",
            "Tell us what you'd like and when; it'll be ready right on time.",
            "Place an order",
        ),
        keywords=("bakery", "artisan bread", "sourdough", "pastries", "cakes"),
        headings={"menu": "From our oven", "features": "How we bake"},
        intros={"menu": "Prices per item. Batches sell out early!"},
    ),
    "salon": KindCopy(
        noun="salon",
        name="Studio Belle",
        name_in_city="{city} Hair Studio",
        tagline="Cuts, colour and care, with time for you",
        hero=(
            "Leave feeling like your best self",
            "Tailored cuts, gentle colour and a calm space to switch off.",
        ),
        action="Book an appointment",
        about=(
            "A salon that listens",
            (
                "Before we pick up the scissors, we talk. We want to understand your style, your routine and what "
                "you'd like to change, so the result is easy to keep at home.",
                "We use professional products with naturally derived ingredients and train every year in the latest techniques.",
            ),
            ("Free consultation", "Natural products", "Online booking"),
        ),
        features=(
            Feat("Style consultation", "We suggest the cut and colour that suit you best.", "sparkle"),
            Feat("Kind colour", "Techniques that protect your hair.", "heart"),
            Feat("On time", "Your slot is yours: no waiting around.", "clock"),
        ),
        services=(
            Svc("Women's cut", "Wash, cut and blow-dry.", 45.0, "1 h"),
            Svc("Men's cut", "Scissor or clipper cut, finished and styled.", 28.0, "30 min"),
            Svc("Full colour", "Ammonia-free colour, root to tip.", 75.0, "1 h 30"),
            Svc("Highlights / balayage", "Natural, hand-painted brightness.", 120.0, "2 h 30"),
            Svc("Deep conditioning", "Intensive mask and scalp massage.", 30.0, "30 min"),
        ),
        gallery=(
            Pic("Honey balayage on long wavy hair", "Honey balayage"),
            Pic("Short bob with a soft fringe", "Classic bob"),
            Pic("Salon interior with mirrors and plants", "Our space"),
            Pic("Bridal updo with soft waves", "Bridal"),
        ),
        testimonials=(
            Quote(
                "Finally someone who understood what I wanted. The balayage is perfect.", "Client since 2021"
            ),
            Quote("Calm atmosphere, lovely team, and the cut keeps its shape for months.", "Regular client"),
        ),
        faq=(
            QA("Do I need an appointment?", "We recommend booking, but we take walk-ins whenever we can."),
            QA("Do you do wedding hair?", "Yes, in the salon or on location, with a trial beforehand."),
            QA(
                "Which products do you use?",
                "Professional brands with naturally derived, ammonia-free formulas.",
            ),
        ),
        cta=("Book your appointment", "Pick a service and we'll take care of the rest.", "Book now"),
        keywords=("hair salon", "hairdresser", "balayage", "hair colour", "haircut"),
        headings={"services": "Services and prices", "gallery": "Recent work"},
    ),
    "gym": KindCopy(
        noun="gym",
        name="Forge Fitness",
        name_in_city="{city} Strength Club",
        tagline="Serious training, friendly atmosphere",
        hero=("Stronger every week", "Coached training, classes for every level and doors open early."),
        action="See memberships",
        about=(
            "A gym built around people",
            (
                "Nobody trains alone here. Every member starts with an assessment and a personal plan, reviewed every month.",
                "From your first squat to your first marathon, we'll be with you.",
            ),
            ("Fitness assessment", "Group classes", "Personal trainers"),
        ),
        features=(
            Feat("Your own plan", "An assessment and a programme built around your goals.", "dumbbell"),
            Feat("Group classes", "40+ classes a week: HIIT, pilates, cycling and mobility.", "users"),
            Feat("Open early", "Doors open at 6 am so you can train before work.", "clock"),
            Feat("No contracts", "Cancel whenever you like, no penalties.", "shield"),
        ),
        plans=(
            Tier(
                "Open gym",
                39.0,
                "/month",
                "Full access to the training floor.",
                ("Training floor", "Initial assessment"),
            ),
            Tier(
                "All-in",
                59.0,
                "/month",
                "Gym plus every group class.",
                ("Everything in Open gym", "Unlimited classes", "Monthly plan review"),
                True,
            ),
            Tier(
                "Personal",
                160.0,
                "/month",
                "Training with a personal coach.",
                ("Everything in All-in", "8 one-to-one sessions", "Nutrition plan"),
            ),
        ),
        stats=(
            Figure("40+", "classes a week"),
            Figure("1,200", "active members"),
            Figure("12", "certified coaches"),
        ),
        testimonials=(
            Quote(
                "I lost 10 kilos in six months and, more importantly, built the habit. The coaches make all the difference.",
                "Member for 2 years",
            ),
            Quote("The 7 am classes are the best part of my day. Fantastic crowd.", "Member since 2020"),
        ),
        faq=(
            QA("Can I try before I join?", "Absolutely: your first class is free."),
            QA("Is there a minimum contract?", "No. You can cancel at any time."),
            QA("Are there showers and lockers?", "Yes, with towels included in the All-in membership."),
        ),
        cta=(
            "Try a week for free",
            "Bring comfortable clothes. We'll handle the rest.",
            "Start my free week",
        ),
        keywords=("gym", "fitness", "personal trainer", "group classes", "strength training"),
        headings={"pricing": "Memberships", "features": "What to expect"},
    ),
    "clinic": KindCopy(
        noun="clinic",
        name="Wellspring Clinic",
        name_in_city="{city} Family Clinic",
        tagline="Caring, local healthcare without the wait",
        hero=(
            "Your health, in good hands",
            "Appointments across specialities, fast booking and a team that makes time for you.",
        ),
        action="Book an appointment",
        about=(
            "Medicine with time to listen",
            (
                "We believe a good appointment starts with listening. That's why we give every patient the time they "
                "need and explain everything in plain language.",
                "We work with most major health insurers.",
            ),
            ("Same-day appointments", "Insurance accepted", "Multidisciplinary team"),
        ),
        features=(
            Feat("Fast booking", "Same-day appointments for urgent needs.", "calendar"),
            Feat("Insurance", "We work with most major health insurers.", "shield"),
            Feat("All under one roof", "Tests and scans without leaving the clinic.", "stethoscope"),
        ),
        services=(
            Svc("General practice", "Routine appointments, check-ups and follow-up.", 80.0, "30 min"),
            Svc("Dentistry", "Hygiene, fillings and orthodontics.", 90.0, "45 min"),
            Svc("Physiotherapy", "Rehabilitation and pain treatment.", 70.0, "45 min"),
            Svc("Nutrition", "Personalised eating plans.", 65.0, "45 min"),
        ),
        team=(
            Person("Medical director, GP", "Over 15 years of experience in family medicine."),
            Person("Dentist", "Specialist in orthodontics and restorative dentistry."),
            Person("Physiotherapist", "Focused on sports rehabilitation and chronic pain."),
        ),
        testimonials=(
            Quote(
                "I was seen the same day and everything was explained patiently. Highly recommended.",
                "Patient",
            ),
            Quote("A caring team and spotless facilities. I feel in safe hands.", "Patient since 2018"),
        ),
        faq=(
            QA("Do you accept insurance?", "Yes, most major insurers. Get in touch to confirm yours."),
            QA("How do I book?", "By phone, by email or at reception."),
            QA("Are you open on Saturdays?", "Yes, in the morning, for general practice and dentistry."),
        ),
        cta=(
            "Book your appointment",
            "We reply the same day and find a time that works for you.",
            "Book now",
        ),
        keywords=("clinic", "doctor", "general practice", "dentist", "physiotherapy"),
        headings={"services": "Specialities", "team": "Our clinical team"},
    ),
    "law_firm": KindCopy(
        noun="law firm",
        name="Hartley & Partners",
        name_in_city="{city} Legal",
        tagline="Clear, rigorous legal advice from people who listen",
        hero=(
            "On your side, at every decision",
            "We advise businesses and individuals with rigour, discretion and language you can understand.",
        ),
        action="Request a meeting",
        about=(
            "A firm built on commitment",
            (
                "We're an independent law firm with over twenty years of practice. Every client has one responsible "
                "lawyer who knows the matter from start to finish.",
                "We explain risks and options without jargon, with fees agreed up front.",
            ),
            ("Transparent fees", "Reply within 24 hours", "Multilingual team"),
        ),
        features=(
            Feat("Rigour", "Careful analysis of every detail of your case.", "scale"),
            Feat("Discretion", "Absolute confidentiality.", "shield"),
            Feat("Accessibility", "One responsible lawyer, always reachable.", "chat"),
        ),
        services=(
            Svc("Corporate law", "Company formation, contracts and governance."),
            Svc("Employment law", "Contracts, dismissals and employment disputes."),
            Svc("Real estate", "Sales and purchases, leases and planning."),
            Svc("Family and estates", "Divorce, wills, probate and inheritance."),
        ),
        team=(
            Person("Founding partner", "A lawyer for 25 years, specialising in corporate law."),
            Person("Partner", "Focuses on employment law and dispute mediation."),
            Person("Associate", "Handles real estate and foreign investment matters."),
        ),
        testimonials=(
            Quote(
                "They walked us through every step of the deal and met every deadline. Complete trust.",
                "CFO, manufacturing company",
            ),
            Quote("A difficult matter handled with great sensitivity.", "Private client"),
        ),
        faq=(
            QA(
                "Is the first meeting free?",
                "Our first 30-minute meeting is for assessing your case and is free of charge.",
            ),
            QA("How are fees calculated?", "We agree a fixed or hourly fee up front, always in writing."),
            QA("Do you work with international clients?", "Yes, we work in English, Portuguese and Spanish."),
        ),
        cta=("Talk to a lawyer", "Book a first meeting and leave with a clear plan.", "Request a meeting"),
        keywords=("law firm", "lawyers", "corporate law", "employment law", "legal advice"),
        headings={"services": "Practice areas", "team": "Our lawyers"},
    ),
    "accounting": KindCopy(
        noun="accounting firm",
        name="Clear Ledger",
        name_in_city="{city} Accounting",
        tagline="Books in order, peace of mind",
        hero=(
            "Your numbers in order, your time back",
            "Bookkeeping, tax and payroll done on time, with an accountant always on hand.",
        ),
        action="Get a quote",
        about=(
            "Accountants who explain",
            (
                "We help small businesses and freelancers stay on top of their obligations without the stress. "
                "Everything is digital, with monthly reports that are easy to read.",
                "We're chartered accountants and we answer your questions the same day.",
            ),
            ("Chartered accountants", "100% digital", "Monthly reports"),
        ),
        features=(
            Feat("No paperwork", "Snap your receipts on your phone; we handle the rest.", "bolt"),
            Feat("Never miss a deadline", "Reminders before every tax date.", "calendar"),
            Feat("A clear view", "A monthly report with what matters for your business.", "chart"),
        ),
        services=(
            Svc("Bookkeeping", "For limited companies and sole traders.", 180.0, "per month"),
            Svc("Freelancers", "Tax returns and filings, always on time.", 75.0, "per month"),
            Svc("Payroll", "Payslips, pensions and monthly filings.", 15.0, "per employee"),
            Svc("Company set-up", "From registration to your first tax return.", 400.0),
        ),
        testimonials=(
            Quote(
                "Since switching I haven't paid a single late fee. They always reply the same day.",
                "Freelance designer",
            ),
            Quote(
                "Reports I finally understand. We make better decisions because of them.", "Restaurant owner"
            ),
        ),
        faq=(
            QA(
                "Can I switch accountants mid-year?",
                "Yes. We handle the handover with your previous accountant.",
            ),
            QA(
                "How do I send documents?",
                "Through our platform, by email, or just photographed on your phone.",
            ),
            QA("Do you do personal tax returns?", "Yes, by appointment during tax season."),
        ),
        cta=("Get a free quote", "Tell us what you do and we'll reply within 24 hours.", "Get a quote"),
        keywords=("accounting", "accountant", "bookkeeping", "tax returns", "payroll"),
        headings={"services": "Services and prices"},
    ),
    "agency": KindCopy(
        noun="agency",
        name="North Studio",
        name_in_city="{city} Creative",
        tagline="Brands, websites and campaigns that deliver",
        hero=(
            "Ideas that grow brands",
            "Strategy, design and digital marketing focused on results you can measure.",
        ),
        action="Our services",
        about=(
            "Small by choice",
            (
                "We're a compact, senior team: the people who pitch your project are the people who build it.",
                "We work with companies that want to grow, from strategy to execution.",
            ),
            ("Senior team", "Measured results", "On-time delivery"),
        ),
        features=(
            Feat("Strategy first", "We start with the business problem, not the aesthetics.", "chart"),
            Feat("Design that converts", "Beautiful and effective, tested with real users.", "sparkle"),
            Feat("Clear reporting", "You always know what was done and what it earned.", "check"),
        ),
        services=(
            Svc("Branding", "Naming, visual identity and tone of voice."),
            Svc("Websites and online stores", "Fast, accessible and easy to manage."),
            Svc("Digital marketing", "Paid campaigns, SEO and email marketing."),
            Svc("Content and social media", "Planning, production and community management."),
        ),
        team=(
            Person("Creative director", "15 years building brands for local and international clients."),
            Person("Strategy director", "Turns data into decisions and profitable campaigns."),
            Person("Product designer", "Designs websites and apps around the people who use them."),
        ),
        stats=(
            Figure("120+", "projects delivered"),
            Figure("35%", "average online sales growth"),
            Figure("9", "years in business"),
            Figure("4.9/5", "client satisfaction"),
        ),
        testimonials=(
            Quote(
                "The new website doubled our quote requests in three months.",
                "Sales director, engineering firm",
            ),
            Quote("They understood our brand better than we did. Real partners.", "Startup founder"),
        ),
        faq=(
            QA(
                "How much does a project cost?",
                "It depends on the scope; we send a fixed proposal after our first meeting.",
            ),
            QA("How long does a website take?", "Between 4 and 8 weeks, depending on size."),
            QA("Do you work with clients abroad?", "Yes, we work remotely with clients in many countries."),
        ),
        cta=(
            "Got a project in mind?",
            "Tell us your goal and we'll propose a plan within a week.",
            "Talk to us",
        ),
        keywords=("agency", "digital marketing", "branding", "web design", "advertising"),
        headings={"services": "What we do", "team": "Who we are"},
    ),
    "software": KindCopy(
        noun="app",
        name="Flowly",
        name_in_city="Flowly {city}",
        tagline="Your team's work, organised in one place",
        hero=(
            "Fewer spreadsheets, more work done",
            "Tasks, deadlines and documents for your whole team in one place. Start in two minutes, no card needed.",
        ),
        action="Start free",
        about=(
            "Built by people who felt the pain",
            (
                "We built this app after years of losing time between emails, spreadsheets and chat threads.",
                "Today it helps thousands of teams know, at any moment, who is doing what and by when.",
            ),
            ("Nothing to install", "EU data hosting", "Human support"),
        ),
        features=(
            Feat("Boards and lists", "See work your way and drag tasks between stages.", "check"),
            Feat("Automations", "Reminders and assignments on autopilot, no code.", "bolt"),
            Feat("Reports", "Spot delays before they happen.", "chart"),
            Feat("Security", "Encryption, daily backups and EU servers.", "shield"),
        ),
        plans=(
            Tier(
                "Free",
                0.0,
                "/month",
                "For small teams getting started.",
                ("Up to 3 users", "Unlimited projects"),
            ),
            Tier(
                "Team",
                8.0,
                "/user/month",
                "For teams ready to grow.",
                ("Automations", "Reports", "Priority support"),
                True,
            ),
            Tier(
                "Business",
                16.0,
                "/user/month",
                "Advanced control and security.",
                ("SSO and audit log", "Account manager", "99.9% uptime SLA"),
            ),
        ),
        stats=(
            Figure("12,000+", "active teams"),
            Figure("99.9%", "uptime"),
            Figure("4.8/5", "average rating"),
        ),
        testimonials=(
            Quote("We've dropped our status meetings. Everything's on the board.", "Project manager"),
            Quote("Within two weeks the whole team was on it. Simple and fast.", "Startup CTO"),
        ),
        faq=(
            QA("Do I need a card to try it?", "No. The free plan never asks for a card."),
            QA("Where is my data stored?", "On servers in the European Union, with daily backups."),
            QA("Can I cancel at any time?", "Yes, at no cost. You can export everything before you go."),
        ),
        cta=(
            "Start today, for free",
            "Create your account in two minutes and invite your team.",
            "Create account",
        ),
        keywords=("software", "project management", "productivity", "SaaS", "team app"),
        headings={"features": "Everything your team needs", "pricing": "Simple pricing"},
    ),
    "portfolio": KindCopy(
        noun="portfolio",
        name="Studio Lumen",
        name_in_city="Studio {city}",
        tagline="Photography and design with an author's eye",
        hero=(
            "Images that tell your story",
            "Photography and design for brands and people who want to be remembered.",
        ),
        action="See my work",
        about=(
            "Hi, I'm the one behind the camera",
            (
                "I've spent over ten years working across editorial photography, portraits and visual identity.",
                "I love natural light, long conversations before every project and delivering on time.",
            ),
            ("10 years' experience", "Published in magazines", "Clients in 8 countries"),
        ),
        features=(
            Feat("A signature style", "Consistent from the first project to the last.", "camera"),
            Feat("A clear process", "Proposal, schedule and delivery agreed in writing.", "check"),
            Feat("Fast turnaround", "Previews within 48 hours.", "bolt"),
        ),
        services=(
            Svc("Portrait session", "Studio or outdoors, 15 edited photos.", 250.0, "2 h"),
            Svc("Product photography", "For online shops and catalogues.", 45.0, "per photo"),
            Svc("Visual identity", "Logo, palette and style guide.", 1200.0),
        ),
        gallery=(
            Pic("Black-and-white portrait of a woman by a window", "Portrait, 2024"),
            Pic("Product shot of ceramic cups on a wooden table", "Handmade ceramics"),
            Pic("City street at dusk with a yellow tram", "City at dusk"),
            Pic("Visual identity for a tea brand, with packaging", "Tea brand"),
            Pic("Couple laughing in a wheat field", "Engagement session"),
            Pic("Fashion editorial in an old warehouse", "Editorial"),
        ),
        testimonials=(
            Quote(
                "The photos transformed our online shop. Sales went up in the very first month.",
                "Founder, ceramics brand",
            ),
            Quote("Put us at ease from the first minute. The photos are breathtaking.", "Portrait client"),
        ),
        faq=(
            QA(
                "How long until I get my photos?",
                "A preview within 48 hours and the final delivery within a week.",
            ),
            QA("Do you travel?", "Yes, with travel costs agreed in the quote."),
            QA(
                "Can I use the photos commercially?",
                "Yes, a usage licence is included and explained in the proposal.",
            ),
        ),
        cta=(
            "Shall we work together?",
            "Tell me your idea and I'll reply within 24 hours.",
            "Send a message",
        ),
        keywords=("portfolio", "photographer", "designer", "photography", "visual identity"),
        headings={"gallery": "Selected work", "about": "About me", "services": "How I can help"},
    ),
    "event": KindCopy(
        noun="event",
        name="Gather 2025",
        name_in_city="{city} Summit",
        tagline="Two days of ideas, people and great conversations",
        hero=(
            "Leave with new ideas",
            "Inspiring speakers, hands-on workshops and plenty of time to meet people.",
        ),
        action="Get your ticket",
        about=(
            "About the event",
            (
                "We bring together the doers, the thinkers and the just-getting-started. Two days of short talks, "
                "workshops and hallway conversations worth as much as the stage.",
                "Places are limited to keep it personal.",
            ),
            ("20 speakers", "Hands-on workshops", "Limited places"),
        ),
        features=(
            Feat("Talks", "Big ideas in 20 minutes, from people who've done it.", "chat"),
            Feat("Workshops", "Practical sessions in small groups.", "users"),
            Feat("Networking", "Lunches and evening drinks to meet people.", "heart"),
            Feat("Closing party", "Live music to end on a high.", "music"),
        ),
        gallery=(
            Pic("Packed audience watching a talk", "Last year's edition"),
            Pic("Group workshop around a table", "Workshops"),
            Pic("Attendees chatting during a break", "Networking"),
            Pic("Outdoor concert at sunset", "Closing party"),
        ),
        testimonials=(
            Quote(
                "I left with three business contacts and a list of ideas to put into practice.",
                "Attendee, last edition",
            ),
        ),
        faq=(
            QA("Does the ticket include meals?", "Yes, lunch and coffee breaks on both days."),
            QA("Can I transfer my ticket?", "Yes, up to one week before the event, free of charge."),
            QA("Is the venue accessible?", "Yes, the venue is fully wheelchair accessible."),
        ),
        cta=("Places are limited", "Get your ticket now at the early-bird price.", "Buy a ticket"),
        keywords=("event", "conference", "workshops", "networking", "tickets"),
        headings={"features": "The programme", "gallery": "Moments"},
    ),
    "school": KindCopy(
        noun="school",
        name="Bright Minds School",
        name_in_city="{city} School of Learning",
        tagline="Learning you'll enjoy, in small groups",
        hero=(
            "Learning is better with the right people",
            "Practical courses, experienced teachers and small classes, in person or online.",
        ),
        action="See courses",
        about=(
            "A different kind of school",
            (
                "We believe people learn by doing. That's why our classes have at most 10 students and every "
                "lesson ends with something put into practice.",
                "There are courses for every age and level, with a certificate at the end.",
            ),
            ("Small classes", "Certificates", "Online lessons"),
        ),
        features=(
            Feat("Small classes", "No more than 10 students per group.", "users"),
            Feat("Flexible times", "Mornings, evenings or Saturdays.", "clock"),
            Feat("Certificate", "Issued at the end of every course.", "book"),
        ),
        services=(
            Svc("Spanish for adults", "Conversation and grammar, A1 to C1.", None, "3 months"),
            Svc("Tutoring", "Maths, English and science.", None, "per session"),
            Svc("Coding for teens", "Logic and Python projects, ages 12 to 17.", None, "10 weeks"),
        ),
        plans=(
            Tier("Monthly", 90.0, "/month", "Two lessons a week.", ("Materials included", "Platform access")),
            Tier(
                "Term",
                240.0,
                "/term",
                "Our most popular option.",
                ("Everything in Monthly", "Make-up lesson", "Certificate"),
                True,
            ),
            Tier(
                "Intensive",
                390.0,
                "/course",
                "Four weeks of daily lessons.",
                ("20 lessons", "Certificate", "One-to-one support"),
            ),
        ),
        testimonials=(
            Quote("In three months I went from nervous to confident in meetings.", "Language student"),
            Quote("My son discovered he loves coding. Amazing teachers.", "Parent"),
        ),
        faq=(
            QA("Can I try a lesson?", "Yes, your first lesson is free."),
            QA("Do you teach online?", "Yes, every course has a live online option."),
            QA("How do I know my level?", "We run a free placement test before you enrol."),
        ),
        cta=(
            "Book a trial lesson",
            "No commitment: come and meet the school and the teachers.",
            "Sign me up",
        ),
        keywords=("school", "courses", "tutoring", "classes", "learning"),
        headings={"services": "Courses", "pricing": "Fees"},
    ),
    "shop": KindCopy(
        noun="shop",
        name="The Corner Shop",
        name_in_city="{city} Goods",
        tagline="Hand-picked products from independent makers",
        hero=(
            "Beautiful things, made to last",
            "A curated selection from independent brands, shipped fast nationwide.",
        ),
        action="Shop now",
        about=(
            "Chosen one by one",
            (
                "Everything we sell has been tried by us. We favour small makers, durable materials and plastic-free packaging.",
                "Visit the shop or order online: we wrap everything with care.",
            ),
            ("Independent makers", "48-hour shipping", "Easy returns"),
        ),
        features=(
            Feat("Fast shipping", "Delivered within 48 hours.", "bag"),
            Feat("Easy returns", "30 days to return, no questions asked.", "shield"),
            Feat("Gift wrapping", "Free on every order.", "heart"),
        ),
        services=(
            Svc("Ceramic mug", "Handmade, 350 ml.", 24.0),
            Svc("Organic cotton tote", "Sturdy and washable.", 16.0),
            Svc("Soy candle", "Fig and cedar, 40-hour burn.", 28.0),
            Svc("Linen notebook", "A5, recycled paper.", 19.0),
        ),
        testimonials=(
            Quote("Ordered on Monday, arrived on Tuesday, beautifully wrapped.", "Online customer"),
            Quote("My go-to shop for gifts. Always something new.", "Regular customer"),
        ),
        faq=(
            QA("How much is shipping?", "Free over 50; a flat fee below that, shown at checkout."),
            QA("Can I return an item?", "Yes, within 30 days of purchase."),
            QA("Do you have a physical shop?", "Yes, the address and hours are in the contact section."),
        ),
        cta=("Looking for a gift?", "Tell us who it's for and we'll help you choose.", "Ask for ideas"),
        keywords=("shop", "gifts", "handmade products", "online store", "independent brands"),
        headings={"services": "Featured products"},
    ),
    "other": KindCopy(
        noun="business",
        name="Common Ground",
        name_in_city="{city} Services",
        tagline="Done well, the first time",
        hero=(
            "Made with care, designed around you",
            "Friendly, professional service with the attention you deserve.",
        ),
        action="Learn more",
        about=(
            "Who we are",
            (
                "We're a small team with a big commitment to doing things well. We treat every client the way we'd "
                "like to be treated.",
                "Tell us what you need: if we're not the best fit, we'll tell you who is.",
            ),
            ("Personal service", "Clear quotes", "Quick replies"),
        ),
        features=(),
        testimonials=(),
        faq=(),
        cta=("Shall we talk?", "Tell us what you need and we'll reply the same day.", "Contact us"),
        keywords=("services", "quality", "customer care"),
    ),
}
