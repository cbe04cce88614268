# vocab.py: the word lists bench/gen/generate.py builds its data from:
# places (English and Russian case forms), names, offices, and the English and
# Russian sentence templates and issue vocabularies that statement wordings
# are made of. Plain data; imported by generate.py only.
#
# Russian forms: nom = nominative, gen = genitive, acc = accusative,
# prep = prepositional. A word's position in an issue list is its frequency
# rank (generate.py draws them Zipf-like), so the first words are common and
# the last ones rare.

# (slug, English name, ISO 3166-1, ru nom, ru gen, other English name or None)
STATES = [
    ("russia", "Russia", "RU", "Россия", "России", "Russian Federation"),
    ("georgia", "Georgia", "GE", "Грузия", "Грузии", "Sakartvelo"),
    ("belarus", "Belarus", "BY", "Беларусь", "Беларуси", "Republic of Belarus"),
    ("ukraine", "Ukraine", "UA", "Украина", "Украины", None),
    ("moldova", "Moldova", "MD", "Молдова", "Молдовы", "Republic of Moldova"),
    ("armenia", "Armenia", "AM", "Армения", "Армении", None),
    ("azerbaijan", "Azerbaijan", "AZ", "Азербайджан", "Азербайджана", None),
    ("kazakhstan", "Kazakhstan", "KZ", "Казахстан", "Казахстана", None),
    ("turkey", "Turkey", "TR", "Турция", "Турции", "Turkiye"),
    ("united-states", "United States", "US", "США", "США", "USA"),
    ("france", "France", "FR", "Франция", "Франции", None),
    ("germany", "Germany", "DE", "Германия", "Германии", None),
    ("united-kingdom", "United Kingdom", "GB", "Великобритания", "Великобритании", "Britain"),
    ("china", "China", "CN", "Китай", "Китая", "People's Republic of China"),
    ("nicaragua", "Nicaragua", "NI", "Никарагуа", "Никарагуа", None),
    ("venezuela", "Venezuela", "VE", "Венесуэла", "Венесуэлы", None),
    ("syria", "Syria", "SY", "Сирия", "Сирии", "Syrian Arab Republic"),
    ("serbia", "Serbia", "RS", "Сербия", "Сербии", None),
    ("iran", "Iran", "IR", "Иран", "Ирана", None),
    ("poland", "Poland", "PL", "Польша", "Польши", None),
    ("lithuania", "Lithuania", "LT", "Литва", "Литвы", None),
    ("latvia", "Latvia", "LV", "Латвия", "Латвии", None),
    ("estonia", "Estonia", "EE", "Эстония", "Эстонии", None),
    ("romania", "Romania", "RO", "Румыния", "Румынии", None),
    ("cyprus", "Cyprus", "CY", "Кипр", "Кипра", None),
    ("greece", "Greece", "GR", "Греция", "Греции", None),
    ("morocco", "Morocco", "MA", "Марокко", "Марокко", None),
    ("nauru", "Nauru", "NR", "Науру", "Науру", None),
    ("vanuatu", "Vanuatu", "VU", "Вануату", "Вануату", None),
    ("tuvalu", "Tuvalu", "TV", "Тувалу", "Тувалу", None),
    ("uzbekistan", "Uzbekistan", "UZ", "Узбекистан", "Узбекистана", None),
    ("kyrgyzstan", "Kyrgyzstan", "KG", "Киргизия", "Киргизии", "Kyrgyz Republic"),
    ("tajikistan", "Tajikistan", "TJ", "Таджикистан", "Таджикистана", None),
    ("italy", "Italy", "IT", "Италия", "Италии", None),
    ("spain", "Spain", "ES", "Испания", "Испании", None),
    ("japan", "Japan", "JP", "Япония", "Японии", None),
    ("india", "India", "IN", "Индия", "Индии", None),
    ("brazil", "Brazil", "BR", "Бразилия", "Бразилии", None),
    ("israel", "Israel", "IL", "Израиль", "Израиля", None),
    ("hungary", "Hungary", "HU", "Венгрия", "Венгрии", None),
    ("bulgaria", "Bulgaria", "BG", "Болгария", "Болгарии", None),
    ("finland", "Finland", "FI", "Финляндия", "Финляндии", None),
    ("sweden", "Sweden", "SE", "Швеция", "Швеции", None),
    ("canada", "Canada", "CA", "Канада", "Канады", None),
    ("pakistan", "Pakistan", "PK", "Пакистан", "Пакистана", None),
    ("albania", "Albania", "AL", "Албания", "Албании", None),
    ("montenegro", "Montenegro", "ME", "Черногория", "Черногории", None),
    ("north-korea", "North Korea", "KP", "КНДР", "КНДР", "DPRK"),
]

# (slug, English name, ru nom, ru gen, ru prep, other names, the state it
# breaks away from or None)
TERRITORIES = [
    ("south-ossetia", "South Ossetia", "Южная Осетия", "Южной Осетии", "Южной Осетии",
     ["Tskhinvali region", "Republic of South Ossetia"], "georgia"),
    ("abkhazia", "Abkhazia", "Абхазия", "Абхазии", "Абхазии", ["Republic of Abkhazia", "Apsny"], "georgia"),
    ("transnistria", "Transnistria", "Приднестровье", "Приднестровья", "Приднестровье",
     ["Pridnestrovie", "Pridnestrovian Moldavian Republic"], "moldova"),
    ("northern-cyprus", "Northern Cyprus", "Северный Кипр", "Северного Кипра", "Северном Кипре",
     ["Turkish Republic of Northern Cyprus", "TRNC"], "cyprus"),
    ("kosovo", "Kosovo", "Косово", "Косово", "Косово", ["Republic of Kosovo"], "serbia"),
    ("western-sahara", "Western Sahara", "Западная Сахара", "Западной Сахары", "Западной Сахаре",
     ["Sahrawi Arab Democratic Republic"], "morocco"),
    ("nagorno-karabakh", "Nagorno-Karabakh", "Нагорный Карабах", "Нагорного Карабаха",
     "Нагорном Карабахе", ["Artsakh", "Republic of Artsakh"], "azerbaijan"),
    ("somaliland", "Somaliland", "Сомалиленд", "Сомалиленда", "Сомалиленде", ["Republic of Somaliland"], None),
    ("taiwan", "Taiwan", "Тайвань", "Тайваня", "Тайване", ["Republic of China"], "china"),
    ("donetsk-peoples-republic", "Donetsk People's Republic", "ДНР", "ДНР", "ДНР", ["DPR", "DNR"], "ukraine"),
    ("luhansk-peoples-republic", "Luhansk People's Republic", "ЛНР", "ЛНР", "ЛНР", ["LPR", "LNR"], "ukraine"),
]

# (slug, English name, ru nom, ru gen, ru acc, other names)
BLOCS = [
    ("european-union", "European Union", "Евросоюз", "Евросоюза", "Евросоюз", ["EU"]),
    ("nato", "NATO", "НАТО", "НАТО", "НАТО", ["North Atlantic Treaty Organization"]),
    ("csto", "Collective Security Treaty Organization", "ОДКБ", "ОДКБ", "ОДКБ", ["CSTO"]),
    ("eaeu", "Eurasian Economic Union", "ЕАЭС", "ЕАЭС", "ЕАЭС", ["EAEU"]),
    ("union-state", "Union State of Russia and Belarus", "Союзное государство",
     "Союзного государства", "Союзное государство", ["Union State"]),
    ("cis", "Commonwealth of Independent States", "СНГ", "СНГ", "СНГ", ["CIS"]),
    ("united-nations", "United Nations", "ООН", "ООН", "ООН", ["UN"]),
    ("osce", "Organization for Security and Co-operation in Europe", "ОБСЕ", "ОБСЕ", "ОБСЕ", ["OSCE"]),
    ("council-of-europe", "Council of Europe", "Совет Европы", "Совета Европы", "Совет Европы", []),
    ("brics", "BRICS", "БРИКС", "БРИКС", "БРИКС", []),
]

# (English, ru prep) for "in {city}" / "в {city_prep}"
CITIES = [
    ("Tbilisi", "Тбилиси"), ("Tskhinvali", "Цхинвали"), ("Sukhumi", "Сухуми"), ("Moscow", "Москве"),
    ("Minsk", "Минске"), ("Kyiv", "Киеве"), ("Brussels", "Брюсселе"), ("Geneva", "Женеве"),
    ("Yerevan", "Ереване"), ("Baku", "Баку"), ("Chisinau", "Кишиневе"), ("Tiraspol", "Тирасполе"),
    ("Vienna", "Вене"), ("Washington", "Вашингтоне"), ("Paris", "Париже"), ("Berlin", "Берлине"),
    ("London", "Лондоне"), ("Ankara", "Анкаре"), ("Astana", "Астане"), ("Beijing", "Пекине"),
    ("Istanbul", "Стамбуле"), ("Sochi", "Сочи"), ("Vladikavkaz", "Владикавказе"), ("Batumi", "Батуми"),
    ("Kutaisi", "Кутаиси"), ("Gori", "Гори"), ("Strasbourg", "Страсбурге"), ("Warsaw", "Варшаве"),
    ("Vilnius", "Вильнюсе"), ("Riga", "Риге"), ("Tallinn", "Таллине"), ("Bucharest", "Бухаресте"),
    ("Belgrade", "Белграде"), ("Pristina", "Приштине"), ("Nicosia", "Никосии"),
    ("Stepanakert", "Степанакерте"), ("Donetsk", "Донецке"), ("Luhansk", "Луганске"),
    ("Rabat", "Рабате"), ("Hargeisa", "Харгейсе"), ("New York", "Нью-Йорке"), ("Helsinki", "Хельсинки"),
]

# (English, Russian, gender m/f)
FIRST_NAMES = [
    ("Alan", "Алан", "m"), ("Giorgi", "Георгий", "m"), ("David", "Давид", "m"), ("Irakli", "Ираклий", "m"),
    ("Nino", "Нино", "f"), ("Tamar", "Тамар", "f"), ("Salome", "Саломе", "f"), ("Dmitry", "Дмитрий", "m"),
    ("Sergey", "Сергей", "m"), ("Vladimir", "Владимир", "m"), ("Anatoly", "Анатолий", "m"),
    ("Maria", "Мария", "f"), ("Elena", "Елена", "f"), ("Olga", "Ольга", "f"), ("Anna", "Анна", "f"),
    ("Natalia", "Наталья", "f"), ("Irina", "Ирина", "f"), ("Alexander", "Александр", "m"),
    ("Mikhail", "Михаил", "m"), ("Nikolai", "Николай", "m"), ("Andrei", "Андрей", "m"), ("Pavel", "Павел", "m"),
    ("Igor", "Игорь", "m"), ("Oleg", "Олег", "m"), ("Viktor", "Виктор", "m"), ("Yuri", "Юрий", "m"),
    ("Aslan", "Аслан", "m"), ("Inal", "Инал", "m"), ("Astamur", "Астамур", "m"), ("Zaur", "Заур", "m"),
    ("Tengiz", "Тенгиз", "m"), ("Levan", "Леван", "m"), ("Zurab", "Зураб", "m"), ("Mamuka", "Мамука", "m"),
    ("Ketevan", "Кетеван", "f"), ("Eka", "Эка", "f"), ("Mariam", "Мариам", "f"), ("Armen", "Армен", "m"),
    ("Aram", "Арам", "m"), ("Gohar", "Гоар", "f"), ("Ilham", "Ильхам", "m"), ("Elchin", "Эльчин", "m"),
    ("Leyla", "Лейла", "f"), ("Maia", "Майя", "f"), ("John", "Джон", "m"), ("Michael", "Майкл", "m"),
    ("Emma", "Эмма", "f"), ("Thomas", "Томас", "m"), ("Peter", "Питер", "m"), ("Sarah", "Сара", "f"),
    ("Mark", "Марк", "m"), ("Laura", "Лаура", "f"), ("Jan", "Ян", "m"), ("Katarzyna", "Катажина", "f"),
    ("Andrius", "Андрюс", "m"), ("Ilze", "Илзе", "f"), ("Kaja", "Кая", "f"), ("Vadim", "Вадим", "m"),
    ("Ruslan", "Руслан", "m"), ("Svetlana", "Светлана", "f"), ("Tatiana", "Татьяна", "f"),
    ("Konstantin", "Константин", "m"), ("Eduard", "Эдуард", "m"), ("Lyudmila", "Людмила", "f"),
    ("Boris", "Борис", "m"), ("Gennady", "Геннадий", "m"), ("Vasily", "Василий", "m"), ("Marina", "Марина", "f"),
]

# (English, Russian); -ov/-ev/-in surnames take -a for women.
LAST_NAMES = [
    ("Gagloev", "Гаглоев"), ("Bibilov", "Бибилов"), ("Kokoev", "Кокоев"), ("Tskhovrebov", "Цховребов"),
    ("Dzhioev", "Джиоев"), ("Pliev", "Плиев"), ("Kabisov", "Кабисов"), ("Tedeev", "Тедеев"),
    ("Valiev", "Валиев"), ("Gassiev", "Гассиев"), ("Bzhania", "Бжания"), ("Ardzinba", "Ардзинба"),
    ("Khajimba", "Хаджимба"), ("Ankvab", "Анкваб"), ("Shamba", "Шамба"), ("Beridze", "Беридзе"),
    ("Kapanadze", "Капанадзе"), ("Lomidze", "Ломидзе"), ("Gelashvili", "Гелашвили"),
    ("Kobakhidze", "Кобахидзе"), ("Chikovani", "Чиковани"), ("Tsereteli", "Церетели"),
    ("Japaridze", "Джапаридзе"), ("Abashidze", "Абашидзе"), ("Natsvlishvili", "Нацвлишвили"),
    ("Ivanov", "Иванов"), ("Petrov", "Петров"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"),
    ("Popov", "Попов"), ("Volkov", "Волков"), ("Sokolov", "Соколов"), ("Lebedev", "Лебедев"),
    ("Kozlov", "Козлов"), ("Novikov", "Новиков"), ("Morozov", "Морозов"), ("Pavlov", "Павлов"),
    ("Orlov", "Орлов"), ("Zaitsev", "Зайцев"), ("Karpov", "Карпов"), ("Belov", "Белов"),
    ("Sargsyan", "Саргсян"), ("Hakobyan", "Акопян"), ("Grigoryan", "Григорян"), ("Aliyev", "Алиев"),
    ("Mammadov", "Мамедов"), ("Huseynov", "Гусейнов"), ("Rusu", "Русу"), ("Ciobanu", "Чобану"),
    ("Popescu", "Попеску"), ("Smith", "Смит"), ("Johnson", "Джонсон"), ("Miller", "Миллер"),
    ("Schmidt", "Шмидт"), ("Dubois", "Дюбуа"), ("Rossi", "Росси"), ("Nowak", "Новак"),
    ("Kazlauskas", "Казлаускас"), ("Berzins", "Берзиньш"), ("Tamm", "Тамм"), ("Yilmaz", "Йылмаз"),
    ("Demir", "Демир"), ("Kovalenko", "Коваленко"), ("Shevchenko", "Шевченко"), ("Bondarenko", "Бондаренко"),
    ("Tkachenko", "Ткаченко"), ("Melnyk", "Мельник"), ("Nurlanov", "Нурланов"), ("Abenov", "Абенов"),
    ("Kharebov", "Харебов"), ("Tibilov", "Тибилов"), ("Kochiev", "Кочиев"), ("Gabaraev", "Габараев"),
    ("Bagapsh", "Багапш"), ("Lakoba", "Лакоба"), ("Gumba", "Гумба"), ("Kvitsinia", "Квициния"),
    ("Smirnova", None), ("Fedorov", "Федоров"), ("Egorov", "Егоров"), ("Stepanov", "Степанов"),
    ("Nikitin", "Никитин"), ("Ilyin", "Ильин"), ("Gusev", "Гусев"), ("Titov", "Титов"),
    ("Kiselev", "Киселев"), ("Makarov", "Макаров"), ("Andreev", "Андреев"), ("Zakharov", "Захаров"),
    ("Tsurtsumia", "Цурцумия"), ("Khubulava", "Хубулава"), ("Margania", "Маргания"), ("Gvenetadze", "Гвенетадзе"),
    ("Mchedlishvili", "Мчедлишвили"), ("Gogua", "Гогуа"), ("Dolidze", "Долидзе"), ("Kvaratskhelia", "Кварацхелия"),
]
LAST_NAMES = [x for x in LAST_NAMES if x[1]]

# Parties: adjective + noun, e.g. "United Ossetia", "Democratic Choice".
PARTY_ADJ = ["United", "Democratic", "Patriotic", "People's", "Social", "Green", "Free", "New",
             "National", "Civic", "Republican", "Progressive", "Popular", "Independent", "Fair"]
PARTY_NOUN = ["Movement", "Front", "Union", "Choice", "Future", "Path", "Alliance", "Party",
              "Platform", "Forum", "Homeland", "Unity", "Renewal", "Congress", "League"]
ORG_FIELDS = ["Caucasus", "Eurasian", "Black Sea", "Conflict", "Security", "Regional",
              "Strategic", "Post-Soviet", "Border", "Peace", "Migration", "Energy"]
ORG_FORMS = ["{c} Institute for {f} Studies", "Centre for {f} Research ({c})",
             "{c} Foundation for {f} Policy", "{f} Monitoring Group ({c})", "{c} {f} Council"]
ORG_NOUNS = ["Studies", "Dialogue", "Analysis", "Affairs", "Cooperation", "Democracy"]

# Government bodies of a state or territory: (slug suffix, name pattern)
BODIES = [
    ("ministry-of-foreign-affairs", "Ministry of Foreign Affairs of {x}"),
    ("parliament", "Parliament of {x}"),
    ("government", "Government of {x}"),
    ("ministry-of-defence", "Ministry of Defence of {x}"),
    ("presidential-administration", "Presidential Administration of {x}"),
    ("security-council", "Security Council of {x}"),
]

# Role titles; {x} the home state or territory, {o} the organization.
# (title pattern, organization kind: 'home', 'body:<suffix>', 'party', 'org', None; weight)
ROLE_TITLES = [
    ("President of {x}", "home", 2),
    ("Prime Minister of {x}", "body:government", 3),
    ("Minister of Foreign Affairs of {x}", "body:ministry-of-foreign-affairs", 3),
    ("Deputy Minister of Foreign Affairs of {x}", "body:ministry-of-foreign-affairs", 6),
    ("Spokesperson of the Ministry of Foreign Affairs of {x}", "body:ministry-of-foreign-affairs", 4),
    ("Minister of Defence of {x}", "body:ministry-of-defence", 2),
    ("Chairman of the Parliament of {x}", "body:parliament", 2),
    ("Member of the Parliament of {x}", "body:parliament", 30),
    ("Secretary of the Security Council of {x}", "body:security-council", 2),
    ("Head of the Presidential Administration of {x}", "body:presidential-administration", 2),
    ("Ambassador of {x} to {y}", "home", 8),
    ("Chairman of {o}", "party", 5),
    ("Deputy Chairman of {o}", "party", 6),
    ("Member of {o}", "party", 10),
    ("Director of {o}", "org", 4),
    ("Senior Fellow at {o}", "org", 8),
    ("Mayor of {c}", None, 2),
    ("Presidential Envoy for {y}", "home", 2),
]

OUTLET_FORMS = ["{c} Herald", "{c} Times", "{c} Daily", "{c} Post", "{c} Today", "{c} Observer",
                "{c} Radio", "{c} Television", "{c} News Agency", "{c} Telegraph", "{c} Courier",
                "{c} Gazette", "{c} Monitor", "{c} Review", "{c} Weekly"]
OUTLET_RU = ["Вестник", "Новости", "Обозреватель", "Курьер", "Голос", "Время", "Известия",
             "Репортер", "Взгляд", "Меридиан"]

SOURCE_KINDS = [("article", 45), ("news_agency_report", 20), ("interview", 10),
                ("telegram_post", 10), ("press_release", 8), ("website_post", 6), ("reference", 1)]

# ---------------------------------------------------------------- English text

# Issue nouns, most frequent first (generate.py draws rank r with weight 1/(r+3)).
ISSUES_EN = [
    "security", "economy", "border", "sovereignty", "trade", "energy", "peace", "stability",
    "gas", "pensions", "investment", "tourism", "infrastructure", "transit", "refugees",
    "healthcare", "education", "migration", "corruption", "tariffs", "customs", "budget",
    "inflation", "agriculture", "roads", "railway", "pipeline", "electricity", "water",
    "wages", "unemployment", "housing", "loans", "subsidies", "citizenship", "passports",
    "visas", "checkpoints", "demarcation", "ceasefire", "peacekeepers", "landmines", "hostages",
    "detentions", "monitoring", "observers", "mediation", "arbitration", "treaty", "memorandum",
    "negotiations", "consultations", "elections", "constitution", "parliamentarism", "opposition",
    "media", "censorship", "propaganda", "disinformation", "cyberattacks", "espionage",
    "smuggling", "narcotics", "terrorism", "extremism", "militarization", "drills", "missiles",
    "airspace", "shipping", "ports", "harbour", "airport", "highway", "tunnel", "bridge",
    "viaduct", "hydropower", "reservoir", "irrigation", "vineyards", "wine", "mandarins",
    "hazelnuts", "wheat", "fertilizer", "livestock", "fisheries", "forestry", "mining",
    "manganese", "copper", "gold", "coal", "oil", "refinery", "telecom", "broadband",
    "satellite", "banking", "remittances", "rouble", "lari", "dram", "manat", "eurobonds",
    "privatization", "nationalization", "monopoly", "antitrust", "procurement", "audit",
    "ombudsman", "judiciary", "prosecutors", "amnesty", "pardon", "extradition", "asylum",
    "diaspora", "language", "schools", "universities", "scholarships", "archives", "monuments",
    "churches", "monasteries", "pilgrims", "heritage", "museum", "orchestra", "football",
    "wrestling", "olympics", "vaccination", "pandemic", "hospitals", "ambulances", "pharmacies",
    "orphanages", "veterans", "widows", "pensioners", "students", "farmers", "shepherds",
    "miners", "teachers", "doctors", "journalists", "bloggers", "activists", "clergy",
    "avalanches", "floods", "earthquake", "wildfires", "drought", "landslides", "glaciers",
    "biodiversity", "reforestation", "recycling", "emissions", "smog", "sewage", "ecotourism",
    "ski", "resorts", "spa", "casinos", "lottery", "cryptocurrency", "blockchain", "startups",
    "incubators", "patents", "trademarks", "counterfeiting", "piracy", "sanitation",
    "quarantine", "veterinary", "locusts", "beekeeping", "cheesemaking", "orchards", "greenhouses",
    "tractors", "cooperatives", "microfinance", "leasing", "mortgages", "annuities", "dividends",
    "bondholders", "creditors", "arrears", "bankruptcy", "liquidation", "receivership",
    "sequestration", "escrow", "notaries", "cadastre", "zoning", "graffiti", "hooliganism",
    "vandalism", "looting", "kidnapping", "racketeering", "bribery", "embezzlement", "nepotism",
    "cronyism", "lobbying", "whistleblowers", "ombudsmen", "referees", "plebiscite", "gerrymandering",
]

ADJ_EN = ["difficult", "serious", "urgent", "complex", "sensitive", "important", "critical",
          "unresolved", "longstanding", "painful", "delicate", "pressing", "practical",
          "humanitarian", "strategic", "historic", "technical", "legal", "fundamental", "acute"]

WHEN_EN = ["this year", "next year", "in the coming months", "in the near future", "soon",
           "without delay", "after the elections", "before the end of the year", "this autumn",
           "this spring", "in due course", "step by step"]

COND_EN = ["if the people vote for it in a referendum", "if our partners guarantee our security",
           "after a comprehensive peace agreement", "if the constitution allows it",
           "if Moscow agrees", "if Tbilisi stops its provocations", "once the economy recovers",
           "under international supervision", "if the borders are recognized",
           "after broad public consultations", "if sanctions are lifted first",
           "with the consent of parliament"]

SUPPORT_EN = [
    "We fully support {np}.",
    "I have always said that {prop}, and I say it again today.",
    "There is no alternative to {np}.",
    "We will do everything we can to achieve {np} {when}.",
    "{NP} is the only right choice for our people.",
    "Our position has not changed: {prop}.",
    "Frankly, {np} is long overdue.",
]
OPPOSE_EN = [
    "{NP} is out of the question.",
    "We categorically reject any talk of {np}.",
    "I do not believe that {prop}.",
    "{NP} would be a grave mistake.",
    "Nobody is seriously discussing {np} {when}.",
    "Let me be clear: we will never accept {np}.",
]
COND_LEAD_EN = [
    "{NP} is possible, but only {cond}.",
    "We could support {np}, {cond}.",
    "I would not rule out {np}, {cond}.",
]
NEUTRAL_EN = [
    "It is too early to talk about {np}.",
    "The question of {np} is for the people to decide.",
    "We are studying the question of {np} carefully.",
    "I will not comment on {np} {when}.",
]
PARA_SUPPORT_EN = ["{S} said {pn} supported {np}.", "{S} called for {np}.",
                   "{S} argued that {prop}.", "{S} backed {np} {when}."]
PARA_OPPOSE_EN = ["{S} rejected {np}.", "{S} ruled out {np}.",
                  "{S} said {pn} did not believe that {prop}.", "{S} warned against {np}."]
PARA_COND_EN = ["{S} said {np} was possible only {cond}.", "{S} said {pn} could accept {np} {cond}."]
PARA_NEUTRAL_EN = ["{S} declined to comment on {np}.", "{S} said it was too early to discuss {np}."]

FILLER_EN = [
    "Our priorities remain {i1} and {i2}.",
    "The talks in {city} also covered {i1}, {i2} and {i3}.",
    "We cannot ignore the {adj} situation with {i1}.",
    "The {adj} question of {i1} will be on the agenda {when}.",
    "This is about {i1}, not about {i2}.",
    "We discussed {i1} with our partners in {city}.",
    "People care about {i1} and {i2} first of all.",
    "Progress on {i1} depends on {i2}.",
]
PARA_FILLER_EN = [
    "The talks in {city} also covered {i1} and {i2}.",
    "{Pn} added that {i1} and {i2} remained priorities.",
    "{Pn} also mentioned {i1}, calling it a {adj} issue.",
    "The remarks came amid a dispute over {i1}.",
]

ATTRIBUTIONS_EN = [
    "an unnamed official of the {x} foreign ministry",
    "a senior {x} diplomat, speaking anonymously",
    "sources in the government of {x}",
    "a spokesperson for the {x} delegation",
    "officials in {x} (unnamed)",
    "a member of the {x} negotiating team, speaking on condition of anonymity",
]

CONTEXTS_EN = [
    "Interview with {outlet}", "Press conference in {city}", "Speech in parliament",
    "Briefing for journalists", "Post on Telegram", "Speech at a forum in {city}",
    "Joint press conference after talks in {city}", "Answer to a journalist's question",
    "Televised address", "Statement published on the official website",
]

HEADLINES_EN = [
    "{W} on {np}", "{W} comments on {np}", "{W}: talks in {city} cover {i1}",
    "{W} speaks about {i1} and {np}", "Debate over {np} continues",
    "{city} talks: {i1} and {i2} on the agenda", "{W} interview: {i1}, {np}",
]

STATUS_NOTES = {
    "disputed": ["The speaker's office denies the quote.",
                 "Two sources give contradicting wordings; not resolved.",
                 "The date of the remark is disputed."],
    "retracted": ["Retracted: the source withdrew the report.",
                  "Retracted: misattributed; the words were said by another person.",
                  "Retracted by the outlet after a complaint."],
}

# ---------------------------------------------------------------- Russian text

# Nominative forms only (the templates put them where nominative is right).
ISSUES_RU = [
    "безопасность", "экономика", "граница", "суверенитет", "торговля", "энергетика", "мир",
    "стабильность", "газ", "пенсии", "инвестиции", "туризм", "инфраструктура", "транзит",
    "беженцы", "здравоохранение", "образование", "миграция", "коррупция", "пошлины", "таможня",
    "бюджет", "инфляция", "сельское хозяйство", "дороги", "железная дорога", "газопровод",
    "электроэнергия", "водоснабжение", "зарплаты", "безработица", "жилье", "кредиты", "субсидии",
    "гражданство", "паспорта", "визы", "пропускные пункты", "демаркация", "перемирие",
    "миротворцы", "мины", "заложники", "задержания", "мониторинг", "наблюдатели", "посредничество",
    "договор", "меморандум", "переговоры", "консультации", "выборы", "конституция", "оппозиция",
    "пропаганда", "дезинформация", "кибератаки", "шпионаж", "контрабанда", "наркотрафик",
    "терроризм", "экстремизм", "милитаризация", "учения", "ракеты", "воздушное пространство",
    "судоходство", "порты", "аэропорт", "трасса", "тоннель", "мост", "гидроэнергетика",
    "водохранилище", "ирригация", "виноградники", "вино", "мандарины", "фундук", "пшеница",
    "удобрения", "животноводство", "рыболовство", "лесозаготовки", "горнодобыча", "марганец",
    "медь", "золото", "уголь", "нефть", "нефтепереработка", "телекоммуникации", "спутник",
    "банки", "денежные переводы", "рубль", "приватизация", "национализация", "монополия",
    "госзакупки", "аудит", "омбудсмен", "правосудие", "прокуратура", "амнистия", "помилование",
    "экстрадиция", "убежище", "диаспора", "школы", "университеты", "стипендии", "архивы",
    "памятники", "храмы", "монастыри", "паломники", "наследие", "музей", "футбол", "борьба",
    "вакцинация", "пандемия", "больницы", "аптеки", "ветераны", "пенсионеры", "студенты",
    "фермеры", "шахтеры", "учителя", "врачи", "журналисты", "блогеры", "активисты",
    "лавины", "наводнения", "землетрясение", "пожары", "засуха", "оползни", "ледники",
    "экология", "переработка", "выбросы", "канализация", "курорты", "лотерея", "криптовалюта",
    "стартапы", "патенты", "контрафакт", "карантин", "саранча", "пчеловодство", "сыроварение",
    "теплицы", "тракторы", "кооперативы", "микрофинансы", "ипотека", "дивиденды", "кредиторы",
    "банкротство", "ликвидация", "нотариусы", "кадастр", "хулиганство", "вандализм",
    "мародерство", "похищения", "рэкет", "взяточничество", "растраты", "кумовство", "лоббизм",
]

WHEN_RU = ["в этом году", "в следующем году", "в ближайшие месяцы", "в ближайшее время",
           "уже скоро", "без промедления", "после выборов", "до конца года", "этой осенью",
           "этой весной", "в свое время", "шаг за шагом"]

COND_RU = ["если народ проголосует за это на референдуме", "если партнеры гарантируют нашу безопасность",
           "после всеобъемлющего мирного соглашения", "если это позволит конституция",
           "если Москва согласится", "если Тбилиси прекратит провокации", "когда восстановится экономика",
           "под международным контролем", "если границы будут признаны",
           "после широкого общественного обсуждения", "если сначала снимут санкции",
           "с согласия парламента"]

SUPPORT_RU = [
    "Мы полностью поддерживаем {np}.",
    "Я всегда выступал за {np} и сегодня повторю это.",
    "Альтернативы нет: {np} отвечает интересам нашего народа.",
    "Мы сделаем все, чтобы {np} стало реальностью {when}.",
    "Наша позиция не изменилась: мы за {np}.",
    "Откровенно говоря, {np} давно назрело.",
]
OPPOSE_RU = [
    "Мы категорически отвергаем {np}.",
    "{NP} сегодня не обсуждается.",
    "{NP} — это серьезная ошибка.",
    "Никто всерьез не говорит про {np} {when}.",
    "Скажу прямо: мы никогда не согласимся на {np}.",
]
COND_LEAD_RU = [
    "{NP} — да, но только {cond}.",
    "Мы могли бы поддержать {np}, {cond}.",
    "Я не исключаю {np}, {cond}.",
]
NEUTRAL_RU = [
    "Говорить про {np} пока рано.",
    "Вопрос про {np} должен решать народ.",
    "Мы внимательно изучаем вопрос про {np}.",
    "Я не буду комментировать {np} {when}.",
]
PARA_SUPPORT_RU = ["{S} {said} о поддержке: {np}.", "{S} {said}, что выступает за {np}.",
                   "По словам политика, {np} необходимо {when}."]
PARA_OPPOSE_RU = ["{S} {said}, что {np} исключено.", "{S} {said}, что выступает против: {np}.",
                  "{S} отверг{past_f} {np}."]
PARA_COND_RU = ["{S} {said}, что {np} возможно только {cond}."]
PARA_NEUTRAL_RU = ["{S} отказал{refl} комментировать {np}.",
                   "{S} {said}, что говорить про {np} пока рано."]

FILLER_RU = [
    "Наши приоритеты — {i1} и {i2}.",
    "На переговорах в {city} обсуждались также {i1}, {i2} и {i3}.",
    "Для нас главное сейчас — {i1}.",
    "Речь идет не о политике, а о жизни людей: {i1}, {i2}.",
    "На повестке дня — {i1} и {i2}.",
    "Отдельная тема — {i1}.",
    "Людей в первую очередь волнуют {i1} и {i2}.",
]
PARA_FILLER_RU = [
    "На переговорах в {city} обсуждались также {i1} и {i2}.",
    "Среди приоритетов были названы {i1} и {i2}.",
    "Заявление прозвучало на фоне споров вокруг темы: {i1}.",
]

ATTRIBUTIONS_RU_NOTE = "Attribution given in English, as editors record it."
