-- 0001_south_ossetia.sql: the seed dataset built from the five seed articles
-- on South Ossetia joining Russia or the Union State of Russia and Belarus.
--
-- Facts come from the seed articles (/work/shared/seeds/) and the checked
-- facts in DOMAIN.md; role dates from the project brief and a few checked
-- pages named in the role notes. db/seed/README.md lists every statement and
-- every judgement call.
--
--   seed 000  JAMnews, August 2024: Gagloev on the Union State, Dzhanayev,
--             an anonymous official, United Ossetia, Gobozov, Lukashenko
--             -> source 1; statements 19-22, 37-45
--   seed 001  Civil.ge on Gagloev's interview with Izvestia (late 2024)
--             -> source 2; statements 24-31, 37
--   seed 002  machine-translated copy of The Washington Post explainer
--             (first published 2022-03-31, updated 2022-05-13)
--             -> source 3; statements 3-18
--   seed 003  article on Bibilov's referendum announcement (outlet unknown)
--             -> source 4; statements 1-2, 14-17
--   seed 004  article relaying RIA News on Alborov (2024, outlet unknown)
--             -> source 5; statements 23, 32-36
--   DOMAIN.md recognitions table -> sources 20-26, recognitions, events
--
-- Conventions for statement_reports.wording:
--   * a direct quote printed as one passage: the words inside the quotation
--     marks, exactly as printed (a trailing comma that belongs to the
--     reporter's "he said" is left out);
--   * a quote the reporter breaks with an attribution tag: the printed text
--     from the first opening quotation mark to the last closing one, tag and
--     marks included, so quoted words stay distinguishable;
--   * a paraphrase: the source's own sentence(s) (or clause, where one
--     sentence reports two speakers).
--
-- Plain SQL, no BEGIN/COMMIT: the loader wraps the file in one transaction.

-------------------------------------------------------------------------------
-- Actors
-------------------------------------------------------------------------------

INSERT INTO actors (slug, name, kind, country, other_names, description, note) VALUES
-- people
('alan-gagloev', 'Alan Gagloev', 'person', NULL,
 ARRAY['Alan Gagloyev', 'Gagloyev', 'Алан Гаглоев'],
 'President of South Ossetia since 2022-05-24; earlier leader of the Nykhas party.', NULL),
('anatoly-bibilov', 'Anatoly Bibilov', 'person', NULL,
 ARRAY['Anatoliy Bibilov', 'Анатолий Бибилов'],
 'President of South Ossetia 2017-04-21 to 2022-05-24.', NULL),
('dmitry-peskov', 'Dmitry Peskov', 'person', 'RU',
 ARRAY['Dmitri Peskov', 'Дмитрий Песков'],
 'Press secretary of the President of Russia (Kremlin spokesman).', NULL),
('david-zalkaliani', 'David Zalkaliani', 'person', 'GE',
 ARRAY['დავით ზალკალიანი', 'Давид Залкалиани'],
 'Foreign Minister of Georgia 2018-2022 and Deputy Prime Minister.', NULL),
('alan-alborov', 'Alan Alborov', 'person', NULL,
 ARRAY['Алан Алборов'],
 'Chairman (speaker) of the Parliament of South Ossetia 2022-09-15 to 2024-06-24.',
 'Seed 004 wrongly calls him the parliament''s "spokesperson".'),
('dmitry-medvedev', 'Dmitry Medvedev', 'person', 'RU',
 ARRAY['Dmitri Medvedev', 'Дмитрий Медведев'],
 'Deputy chairman of the Security Council of the Russian Federation since 2020-01-16.', NULL),
('vyacheslav-gobozov', 'Vyacheslav Gobozov', 'person', NULL,
 ARRAY['Viacheslav Gobozov', 'Вячеслав Гобозов'],
 'State advisor to the President of South Ossetia and chairman of the Fatherland party (so described by JAMnews for August 2023).', NULL),
('azamat-dzhanayev', 'Azamat Dzhanayev', 'person', NULL,
 ARRAY['Azamat Dzhanaev', 'Азамат Джанаев'],
 'Majoritarian deputy of the Parliament of South Ossetia (so described by JAMnews, August 2024).', NULL),
('alexander-lukashenko', 'Alexander Lukashenko', 'person', 'BY',
 ARRAY['Aliaksandr Lukashenka', 'Alexandre Loukachenko', 'Александр Лукашенко', 'Аляксандр Лукашэнка'],
 'President of Belarus since 1994-07-20.', NULL),
('maia-otarashvili', 'Maia Otarashvili', 'person', NULL,
 ARRAY[]::text[],
 'Researcher and Deputy Director of Research at the Foreign Policy Research Institute (so described by The Washington Post, 2022).', NULL),
('irakli-gharibashvili', 'Irakli Gharibashvili', 'person', 'GE',
 ARRAY['Irakli Garibashvili', 'ირაკლი ღარიბაშვილი'],
 'Prime Minister of Georgia 2021-02-22 to 2024-02-08.', NULL),
('salome-zurabishvili', 'Salome Zurabishvili', 'person', 'GE',
 ARRAY['Salomé Zourabichvili', 'Salome Zourabichvili', 'სალომე ზურაბიშვილი'],
 'President of Georgia 2018-12-16 to 2024-12-29.', NULL),
('vladimir-putin', 'Vladimir Putin', 'person', 'RU',
 ARRAY['Владимир Путин'],
 'President of Russia (2000-2008 and since 2012-05-07).', NULL),
-- parties
('united-ossetia', 'United Ossetia', 'party', NULL,
 ARRAY['Единая Осетия'],
 'South Ossetian party of former president Anatoly Bibilov; in opposition to Alan Gagloev.', NULL),
('fatherland', 'Fatherland', 'party', NULL,
 ARRAY[]::text[],
 'Pro-government South Ossetian party chaired by Vyacheslav Gobozov (JAMnews, August 2023).', NULL),
('united-russia', 'United Russia', 'party', 'RU',
 ARRAY['Единая Россия'],
 'Russia''s ruling party; its press service published Bibilov''s remarks of 2022-03-30.', NULL),
-- government bodies and organizations
('parliament-of-south-ossetia', 'Parliament of South Ossetia', 'government_body', NULL,
 ARRAY['Parliament of the Republic of South Ossetia'],
 'Unicameral legislature of the de facto Republic of South Ossetia.', NULL),
('kremlin', 'Kremlin', 'government_body', 'RU',
 ARRAY['Presidential Administration of Russia', 'Administration of the President of the Russian Federation'],
 'The Russian presidency and its administration.', NULL),
('georgian-ministry-of-foreign-affairs', 'Ministry of Foreign Affairs of Georgia', 'government_body', 'GE',
 ARRAY['Georgian Foreign Ministry'], NULL, NULL),
('russian-security-council', 'Security Council of the Russian Federation', 'government_body', 'RU',
 ARRAY['Russian Security Council'], NULL, NULL),
('foreign-policy-research-institute', 'Foreign Policy Research Institute', 'organization', 'US',
 ARRAY['FPRI'], 'Think tank based in Philadelphia.', NULL),
-- states (UN members)
('russia', 'Russia', 'state', 'RU', ARRAY['Russian Federation'], NULL, NULL),
('georgia', 'Georgia', 'state', 'GE', ARRAY['Sakartvelo'], NULL, NULL),
('belarus', 'Belarus', 'state', 'BY', ARRAY['Republic of Belarus'], NULL,
 'Has not recognized South Ossetia or Abkhazia.'),
('nicaragua', 'Nicaragua', 'state', 'NI', ARRAY[]::text[], NULL, NULL),
('venezuela', 'Venezuela', 'state', 'VE', ARRAY[]::text[], NULL, NULL),
('nauru', 'Nauru', 'state', 'NR', ARRAY[]::text[], NULL, NULL),
('vanuatu', 'Vanuatu', 'state', 'VU', ARRAY[]::text[], NULL, NULL),
('tuvalu', 'Tuvalu', 'state', 'TV', ARRAY[]::text[], NULL, NULL),
('syria', 'Syria', 'state', 'SY', ARRAY['Syrian Arab Republic'], NULL, NULL),
('ukraine', 'Ukraine', 'state', 'UA', ARRAY[]::text[], NULL, NULL),
-- disputed territories (no ISO code)
('south-ossetia', 'South Ossetia', 'territory', NULL,
 ARRAY['Tskhinvali region', 'Tskhinvali', 'Tskhinval', 'Republic of South Ossetia',
       'Republic of South Ossetia – the State of Alania', 'Samachablo',
       'Ossétie du Sud', 'Южная Осетия'],
 'Breakaway region of Georgia, recognized by Russia since 2008-08-26; about 3,900 km² (1,500 sq mi), 53,532 people at the 2015 census.',
 'Georgian usage calls it the Tskhinvali region; Civil.ge writes "so-called South Ossetia".'),
('abkhazia', 'Abkhazia', 'territory', NULL,
 ARRAY['Republic of Abkhazia', 'Apsny', 'Abkhazie', 'Абхазия'],
 'Breakaway region of Georgia, recognized by Russia since 2008-08-26.',
 'Statements by unnamed Abkhazian officials point to this actor (its de facto authorities).'),
-- international entity
('union-state', 'Union State of Russia and Belarus', 'international_entity', NULL,
 ARRAY['Union State', 'Russia–Belarus Union State', 'Союзное государство'],
 'Supranational entity created by Russia and Belarus in the late 1990s.', NULL);

-------------------------------------------------------------------------------
-- Roles (offices in force on a statement's date settle what a speaker was)
-------------------------------------------------------------------------------

-- Only DOMAIN.md gives term dates (Bibilov, Gagloev). Every other role is
-- stored without dates, as the seed articles describe the person at the
-- time they spoke; a NULL start/end means "not recorded", and the note says
-- which source describes the role.
INSERT INTO roles (actor_id, title, organization_id, start_date, start_precision, end_date, end_precision, note) VALUES
((SELECT id FROM actors WHERE slug = 'anatoly-bibilov'), 'President of South Ossetia',
 (SELECT id FROM actors WHERE slug = 'south-ossetia'), DATE '2017-04-21', 'day', DATE '2022-05-24', 'day',
 'Dates from DOMAIN.md. The handover day 2022-05-24 is both his last and Gagloev''s first day.'),
((SELECT id FROM actors WHERE slug = 'alan-gagloev'), 'President of South Ossetia',
 (SELECT id FROM actors WHERE slug = 'south-ossetia'), DATE '2022-05-24', 'day', NULL, 'day',
 'From DOMAIN.md. Seed 004 calls him "former president" for a 2024 remark: wrong, he was in office.'),
((SELECT id FROM actors WHERE slug = 'dmitry-peskov'), 'Kremlin spokesman (Press Secretary of the President of Russia)',
 (SELECT id FROM actors WHERE slug = 'kremlin'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; seed 002 (2022-03-31) calls him "Kremlin spokesman".'),
((SELECT id FROM actors WHERE slug = 'david-zalkaliani'), 'Minister of Foreign Affairs of Georgia',
 (SELECT id FROM actors WHERE slug = 'georgian-ministry-of-foreign-affairs'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; seed 002 (2022-03-31) calls him "Georgian Foreign Minister and Deputy Prime Minister".'),
((SELECT id FROM actors WHERE slug = 'david-zalkaliani'), 'Deputy Prime Minister of Georgia',
 (SELECT id FROM actors WHERE slug = 'georgia'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; seed 002 (2022-03-31) calls him "Georgian Foreign Minister and Deputy Prime Minister".'),
((SELECT id FROM actors WHERE slug = 'dmitry-medvedev'), 'Deputy Chairman of the Security Council of Russia',
 (SELECT id FROM actors WHERE slug = 'russian-security-council'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; DOMAIN.md and seed 004 give this office for his remarks of 2023-08-23.'),
((SELECT id FROM actors WHERE slug = 'alan-alborov'), 'Chairman of the Parliament of South Ossetia',
 (SELECT id FROM actors WHERE slug = 'parliament-of-south-ossetia'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; DOMAIN.md: chairman (speaker) when he spoke on 2024-03-17. Seed 004 wrongly calls him a "spokesperson" of the parliament.'),
((SELECT id FROM actors WHERE slug = 'vyacheslav-gobozov'), 'State Advisor to the President of South Ossetia',
 (SELECT id FROM actors WHERE slug = 'south-ossetia'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; JAMnews (August 2024) says he held the post in August 2023.'),
((SELECT id FROM actors WHERE slug = 'vyacheslav-gobozov'), 'Chairman of the Fatherland party',
 (SELECT id FROM actors WHERE slug = 'fatherland'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; JAMnews (August 2024) says he held the post in August 2023.'),
((SELECT id FROM actors WHERE slug = 'azamat-dzhanayev'), 'Majoritarian deputy of the Parliament of South Ossetia',
 (SELECT id FROM actors WHERE slug = 'parliament-of-south-ossetia'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; so described by JAMnews in August 2024.'),
((SELECT id FROM actors WHERE slug = 'maia-otarashvili'), 'Deputy Director of Research (researcher)',
 (SELECT id FROM actors WHERE slug = 'foreign-policy-research-institute'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; so described by The Washington Post explainer of 2022-03-31 (seed 002).'),
((SELECT id FROM actors WHERE slug = 'alexander-lukashenko'), 'President of Belarus',
 (SELECT id FROM actors WHERE slug = 'belarus'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; seed 000 (August 2024) calls him "Belarusian president".'),
((SELECT id FROM actors WHERE slug = 'vladimir-putin'), 'President of Russia',
 (SELECT id FROM actors WHERE slug = 'russia'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; seed 002 (2022) calls him "Russian President".'),
((SELECT id FROM actors WHERE slug = 'irakli-gharibashvili'), 'Prime Minister of Georgia',
 (SELECT id FROM actors WHERE slug = 'georgia'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; seed 002 calls him "Georgian Prime Minister" in February 2022.'),
((SELECT id FROM actors WHERE slug = 'salome-zurabishvili'), 'President of Georgia',
 (SELECT id FROM actors WHERE slug = 'georgia'), NULL, 'day', NULL, 'day',
 'Term dates not recorded; seed 002 calls her "Georgian President" in March 2022.');

-------------------------------------------------------------------------------
-- Outlets
-------------------------------------------------------------------------------

INSERT INTO outlets (slug, name, country, state_owned, url, note) VALUES
('jamnews', 'JAMnews', 'GE', false, 'https://jam-news.net', 'Regional news outlet covering the South Caucasus, based in Tbilisi.'),
('civil-ge', 'Civil.ge', 'GE', false, 'https://civil.ge', 'Civil Georgia, Tbilisi.'),
('washington-post', 'The Washington Post', 'US', false, 'https://www.washingtonpost.com', NULL),
('tass', 'TASS', 'RU', true, 'https://tass.com', 'Russian state news agency.'),
('ria-novosti', 'RIA Novosti', 'RU', true, 'https://ria.ru',
 'Russian state news agency (Rossiya Segodnya); seed 004 calls it "RIA News".'),
('izvestia', 'Izvestia', 'RU', false, 'https://iz.ru',
 'Owned by National Media Group, not by the state; pro-Kremlin (Civil.ge calls it a "Russian propaganda outlet"). Recorded as not state-owned.'),
('reuters', 'Reuters', 'GB', false, 'https://www.reuters.com', NULL),
('afp', 'Agence France-Presse', 'FR', false, 'https://www.afp.com',
 'AFP; an autonomous public-status agency with substantial state funding, recorded as not state-owned. The machine translation in seed 002 calls it "France Media Agency".'),
('sputnik', 'Sputnik', 'RU', true, 'https://sputnikglobe.com', 'Russian state media (Rossiya Segodnya).'),
('united-russia-press-service', 'United Russia press service', 'RU', false, 'https://er.ru',
 'Press service of the party United Russia: a party''s publication, not a news outlet. Seed 003 calls it "the official news service of Russia''s leading party".'),
('unpo', 'Unrepresented Nations and Peoples Organization', NULL, false, 'https://unpo.org',
 'UNPO, a membership organization, cited for a recognition.'),
('tico-times', 'The Tico Times', 'CR', false, 'https://ticotimes.net', NULL),
('france-24', 'France 24', 'FR', true, 'https://www.france24.com', 'Part of the state-owned France Médias Monde.'),
('agenda-ge', 'Agenda.ge', 'GE', false, 'https://agenda.ge', 'Ownership not checked; recorded as not state-owned.'),
('oc-media', 'OC Media', 'GE', false, 'https://oc-media.org', NULL);

-------------------------------------------------------------------------------
-- Sources (explicit ids: 1-5 are the seed articles 000-004)
-------------------------------------------------------------------------------

INSERT INTO sources (id, outlet_id, title, url, published_on, published_precision, language, kind, relays_source_id, note)
OVERRIDING SYSTEM VALUE VALUES
-- Originals relayed by the seed articles come first so relays_source_id can refer to them.
(8, (SELECT id FROM outlets WHERE slug = 'united-russia-press-service'),
 'United Russia press service: Anatoly Bibilov''s remarks on unification with Russia (title not recorded)',
 NULL, DATE '2022-03-30', 'day', 'ru', 'press_release', NULL,
 'Known only through seeds 002 and 003 (via TASS); date from DOMAIN.md.'),
(9, (SELECT id FROM outlets WHERE slug = 'tass'),
 'TASS report of Anatoly Bibilov''s remarks on unification with Russia (title not recorded)',
 NULL, DATE '2022-03-30', 'day', 'ru', 'news_agency_report', 8,
 'Relayed by seeds 002 and 003; date from DOMAIN.md ("via the United Russia press service and TASS").'),
(6, (SELECT id FROM outlets WHERE slug = 'washington-post'),
 'What is happening in South Ossetia and what does it have to do with the Ukraine-Russia war? (The Washington Post explainer)',
 NULL, DATE '2022-03-31', 'day', 'en', 'article', 9,
 'First published 2022-03-31, updated 2022-05-13 (DOMAIN.md); URL not recorded. Known here only through the machine-translated copy in seed 002 (source 3). Besides TASS (relays_source_id) it relays Reuters (source 13, Peskov), AFP (source 14, Bibilov''s Telegram post) and other TASS reports (sources 10, 11).'),
(7, (SELECT id FROM outlets WHERE slug = 'izvestia'),
 'Izvestia interview with Alan Gagloev (title not recorded)',
 NULL, DATE '2024-01-01', 'year', 'ru', 'interview', NULL,
 'Known only through Civil.ge (seed 001), which does not date it. The issue treats its Union State remarks as the "mid-August" 2024 remarks JAMnews reports; its remarks on Georgia''s "internal political crisis" and EU calls "by 2030" fit late 2024 better. Stored at year precision.'),
(10, (SELECT id FROM outlets WHERE slug = 'tass'),
 'TASS report of David Zalkaliani''s remarks on a possible referendum in South Ossetia (title not recorded)',
 NULL, DATE '2022-03-01', 'month', 'ru', 'news_agency_report', NULL,
 'Relayed by seed 002 ("according to Tass"); the remarks date from 2022-03-31, the report''s own date is not printed.'),
(11, (SELECT id FROM outlets WHERE slug = 'tass'),
 'TASS report of Anatoly Bibilov''s remark on the "Russian world" (title not recorded)',
 NULL, DATE '2022-03-01', 'month', 'ru', 'news_agency_report', NULL,
 'Relayed by seed 002 ("he said Thursday, Tass reported").'),
(12, (SELECT id FROM outlets WHERE slug = 'tass'),
 'TASS report quoting an Abkhazian official on unification with Russia (title not recorded)',
 NULL, DATE '2022-01-01', 'year', 'ru', 'news_agency_report', NULL,
 'Relayed by seed 003 ("An Abkhazian official recently told TASS"); date not printed.'),
(13, (SELECT id FROM outlets WHERE slug = 'reuters'),
 'Reuters report of Dmitry Peskov''s answer on South Ossetia (title not recorded)',
 NULL, DATE '2022-03-01', 'month', 'en', 'news_agency_report', NULL,
 'Relayed by seed 002 ("according to Reuters"); the answer dates from 2022-03-31.'),
(15, NULL,
 'Anatoly Bibilov, Telegram post on South Ossetian troops fighting on Russia''s side (text not recorded)',
 NULL, DATE '2022-03-26', 'day', 'ru', 'telegram_post', NULL,
 'Date "March 26" from seed 002, via AFP.'),
(14, (SELECT id FROM outlets WHERE slug = 'afp'),
 'AFP report of Anatoly Bibilov''s Telegram post on troops (title not recorded)',
 NULL, DATE '2022-03-01', 'month', 'en', 'news_agency_report', 15,
 'Relayed by seed 002 ("France Media Agency" in the machine translation).'),
(16, NULL,
 'Anatoly Bibilov, note on his website announcing the referendum of 2022-07-17 (text not recorded)',
 NULL, DATE '2022-05-13', 'day', 'ru', 'website_post', NULL,
 'Seed 002: "On Friday, Bibilov posted a note on his website"; Friday is 2022-05-13, the date of the referendum decree (DOMAIN.md).'),
(17, (SELECT id FROM outlets WHERE slug = 'ria-novosti'),
 'RIA Novosti report of Alan Alborov''s remarks on joining Russia (title not recorded)',
 NULL, DATE '2024-03-01', 'month', 'ru', 'news_agency_report', NULL,
 'Relayed by seed 004 ("according to RIA News"); the remarks date from 2024-03-17 (DOMAIN.md).'),
(18, (SELECT id FROM outlets WHERE slug = 'sputnik'),
 'South Ossetia discussing with Russia possible incorporation - parliament chairman',
 'https://sputnikglobe.com/20240317/south-ossetia-discussing-with-russia-possible-incorporation---parliament-chairman-1117376535.html',
 DATE '2024-03-17', 'day', 'en', 'article', NULL,
 'Original report of Alborov''s remarks (statements 35-36), cited by DOMAIN.md; title reconstructed from the URL. No report row: its wording is not in the seed material.'),
(19, (SELECT id FROM outlets WHERE slug = 'tass'),
 'TASS report of Dmitry Medvedev on Abkhazia and South Ossetia joining Russia (title not recorded)',
 'https://tass.com/politics/1663973', DATE '2023-08-23', 'day', 'en', 'news_agency_report', NULL,
 'Original of statement 23, cited by DOMAIN.md (Medvedev wrote that joining Russia could happen "if there are good reasons"). No report row: its wording is not in the seed material.'),
-- The seed articles.
(1, (SELECT id FROM outlets WHERE slug = 'jamnews'),
 '"Utopia and demagogy": South Ossetian authorities discuss joining the Union State of Russia and Belarus',
 'https://jam-news.net/south-ossetia-and-russian-belarussian-union-state',
 DATE '2024-08-01', 'month', 'en', 'article', NULL,
 'Seed 000. Published August 2024 (DOMAIN.md); day not printed. Gagloev''s remarks are not attributed to a venue; the other speakers talked to JAMnews or to the public.'),
(2, (SELECT id FROM outlets WHERE slug = 'civil-ge'),
 'Civil.ge report on Alan Gagloev''s interview with Izvestia (headline not in the seed text)',
 NULL, DATE '2024-01-01', 'year', 'en', 'article', 7,
 'Seed 001. URL and publication date are not in the text; the captured page lists trending stories from December 2024, so the article is from late 2024 (stored at year precision).'),
(3, NULL,
 'What is happening in South Ossetia and what does it have to do with the Ukraine-Russia war?',
 NULL, NULL, 'day', 'en', 'article', 6,
 'Seed 002: machine translation of a copy of The Washington Post explainer (source 6), republished by an unnamed site that "translates it through programmatic technology". The wordings are this copy''s, not The Washington Post''s. It includes the 2022-05-13 update; the copy''s own date and URL are unknown.'),
(4, NULL,
 'Article on Anatoly Bibilov''s referendum announcement (outlet and headline not named in seed 003)',
 NULL, DATE '2022-01-01', 'year', 'en', 'article', 9,
 'Seed 003. Outlet, URL and date are not in the text. It says the announcement came "Wednesday" (2022-03-30) and reports reactions of 2022-03-31, so it dates from about 2022-03-31 to early April 2022 (stored at year precision). Relays TASS (source 9); also an Abkhazian official via TASS (source 12).'),
(5, NULL,
 'Article relaying RIA News on Alan Alborov (outlet and headline not named in seed 004)',
 NULL, DATE '2024-01-01', 'year', 'en', 'article', 17,
 'Seed 004, 2024; outlet, URL and exact date are not in the text. Two errors: it calls Alan Alborov "the spokesperson for the Parliament" (he was its chairman) and calls Alan Gagloev "former South Ossetian president" (he was, and is, president). Medvedev''s remarks (2023-08-23) come from TASS (source 19) but are not credited there.'),
-- Citations for the recognitions table of DOMAIN.md.
(20, (SELECT id FROM outlets WHERE slug = 'unpo'),
 'UNPO article 8564 on Russia''s recognition of Abkhazia and South Ossetia (title not recorded)',
 'https://unpo.org/article/8564', NULL, 'day', 'en', 'article', NULL, 'Publication date not recorded.'),
(21, (SELECT id FROM outlets WHERE slug = 'tico-times'),
 'Nicaragua recognizes Abkhazia, South Ossetia',
 'https://ticotimes.net/2008/09/12/nicaragua-recognizes-abkhazia-south-ossetia',
 DATE '2008-09-12', 'day', 'en', 'article', NULL, 'Title and date reconstructed from the URL.'),
(22, (SELECT id FROM outlets WHERE slug = 'france-24'),
 'Chavez recognises Georgian breakaway regions',
 'http://www.france24.com/en/20090910-chavez-recognises-georgian-breakaway-regions-',
 DATE '2009-09-10', 'day', 'en', 'article', NULL, 'Title and date reconstructed from the URL.'),
(23, (SELECT id FROM outlets WHERE slug = 'civil-ge'),
 'Civil.ge article 21790 on Nauru''s recognition of Abkhazia and South Ossetia (title not recorded)',
 'https://old.civil.ge/eng/article.php?id=21790', NULL, 'day', 'en', 'article', NULL, 'Publication date not recorded.'),
(24, (SELECT id FROM outlets WHERE slug = 'civil-ge'),
 'Civil.ge article 26273 on Vanuatu and Abkhazia (title not recorded)',
 'https://old.civil.ge/eng/_print.php?id=26273', NULL, 'day', 'en', 'article', NULL, 'Publication date not recorded.'),
(25, (SELECT id FROM outlets WHERE slug = 'agenda-ge'),
 'Agenda.ge news 2014/842 on Tuvalu withdrawing its recognition (title not recorded)',
 'https://agenda.ge/en/news/2014/842', DATE '2014-01-01', 'year', 'en', 'article', NULL, 'Year from the URL.'),
(26, (SELECT id FROM outlets WHERE slug = 'oc-media'),
 'Georgia cuts diplomatic relations with Syria after it recognises Abkhazia and Ossetia',
 'https://oc-media.org/georgia-cuts-diplomatic-relations-with-syria-after-it-recognises-abkhazia-and-ossetia/',
 NULL, 'day', 'en', 'article', NULL, 'Title reconstructed from the URL; publication date not recorded.');

-------------------------------------------------------------------------------
-- Topics
-------------------------------------------------------------------------------

INSERT INTO topics (slug, proposition, description) VALUES
('south-ossetia-joins-russia', 'South Ossetia should join the Russian Federation',
 'Accession of South Ossetia to Russia, e.g. by the referendum Bibilov set for 2022-07-17.'),
('south-ossetia-joins-union-state', 'South Ossetia should join the Union State of Russia and Belarus', NULL),
('belarus-recognizes-south-ossetia', 'Belarus should recognize South Ossetia', NULL),
('states-recognize-south-ossetia', 'More states should recognize South Ossetia''s independence', NULL),
('abkhazia-joins-russia', 'Abkhazia should join the Russian Federation', NULL),
('georgia-joins-eu', 'Georgia should join the European Union', NULL),
('south-ossetia-joins-eu', 'South Ossetia should join the European Union together with Georgia', NULL),
('russia-invasion-of-ukraine-justified', 'Russia''s invasion of Ukraine is justified', NULL),
('georgia-sanctions-russia', 'Georgia should impose economic sanctions on Russia', NULL);

-------------------------------------------------------------------------------
-- Statements, each with its reports and stances, in chronological order of
-- said_on, then by seed article.
-------------------------------------------------------------------------------

-- 1. seed 003
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(1, (SELECT id FROM actors WHERE slug = 'abkhazia'), 'Abkhazian officials (unnamed)',
 DATE '2022-01-01', 'year', 'paraphrase', 'ru', 'Reaction to Bibilov''s announcement of 2022-03-30',
 'Abkhazia supports South Ossetia''s move to explore joining Russia but has no plans to join Russia itself.',
 'Date not printed; seed 003 (about 2022-03-31 to early April 2022) reports it as a reaction to the announcement of 2022-03-30. Stored at year precision.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(1, 4, $$Abkhazia—Georgia’s other would-be separatist state—has supported South Ossetia’s decision to explore joining Russia, although officials say it has no plans to do so itself.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(1, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'supports', NULL, 'Supports South Ossetia''s decision to explore joining.'),
(1, (SELECT id FROM topics WHERE slug = 'abkhazia-joins-russia'), 'opposes', NULL, '"No plans to do so itself": a rejection for now, not in principle.');

-- 2. seed 003
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(2, (SELECT id FROM actors WHERE slug = 'abkhazia'), 'an Abkhazian official, speaking to TASS',
 DATE '2022-01-01', 'year', 'paraphrase', 'ru', 'Told TASS',
 'An Abkhazian official said it was unclear whether unification with Russia was constitutionally permitted and that it would likely be unpopular.',
 'Seed 003 says "recently" (article of about 2022-03-31 to early April 2022); stored at year precision. TASS report: source 12.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(2, 4, $$An Abkhazian official recently told TASS that it was unclear if unification was constitutionally permitted, and that such a movement would likely be unpopular amongst the public.$$, 'Relays TASS (source 12).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(2, (SELECT id FROM topics WHERE slug = 'abkhazia-joins-russia'), 'opposes', NULL, 'Argues against it (constitutional doubts, public opposition) rather than rejecting it outright.');

-- 3. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(3, (SELECT id FROM actors WHERE slug = 'vladimir-putin'), NULL,
 DATE '2022-02-01', 'month', 'paraphrase', 'ru', 'Justification of the invasion of Ukraine',
 'Putin justified the invasion of Ukraine by saying his troops would "denazify" the country.',
 'Seed 002 says he "first" justified the invasion this way, i.e. at its start (the same article dates the start to February 24); the day is not printed, so stored to the month.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(3, 3, $$Russian President Vladimir Putin first sought to justify the invasion by saying his troops planned to “denazify” the country$$, 'Clause; the rest of the sentence reports the experts'' view (statement 12).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(3, (SELECT id FROM topics WHERE slug = 'russia-invasion-of-ukraine-justified'), 'supports', NULL, NULL);

-- 4. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(4, (SELECT id FROM actors WHERE slug = 'irakli-gharibashvili'), NULL,
 DATE '2022-02-25', 'day', 'paraphrase', 'ka', NULL,
 'Georgia will not join its Western allies in imposing economic sanctions on Russia.',
 '"On February 25" (2022) per seed 002.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(4, 3, $$Georgian Prime Minister Irakli Gharibashvili said on February 25 that the country would not join its Western allies in imposing economic sanctions against Russia.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(4, (SELECT id FROM topics WHERE slug = 'georgia-sanctions-russia'), 'opposes', NULL, NULL);

-- 5. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(5, (SELECT id FROM actors WHERE slug = 'maia-otarashvili'), NULL,
 DATE '2022-03-01', 'month', 'direct_quote', 'en', 'Comment to The Washington Post',
 'Since 2008 Russia has been practically the only power controlling and supporting South Ossetia, which is cut off from Tbilisi.',
 'Reported in The Washington Post explainer first published 2022-03-31; the day she said it is not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(5, 3, $$Since 2008, when the war broke out, Russia has become pretty much the only power controlling and supporting South Ossetia, and the region has been cut off from Tbilisi, from mainland Georgia$$, NULL);

-- 6. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(6, (SELECT id FROM actors WHERE slug = 'maia-otarashvili'), NULL,
 DATE '2022-03-01', 'month', 'direct_quote', 'en', 'Comment to The Washington Post on why Moscow had earlier shut down South Ossetia''s bids to join Russia',
 'Moscow already runs South Ossetia de facto, and a formal annexation would be one more move the West would frown upon.',
 'Reported in The Washington Post explainer first published 2022-03-31; the day she said it is not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(6, 3, $$“I think there are several reasons for this,” Otarashvili said. “First, Moscow is already de facto in charge of South Ossetia and oversees all aspects of it. And secondly, an annexation… a big formal annexation, would be yet another move that Moscow would make that would be frowned upon by the West.$$,
 'The copy prints no closing quotation mark.');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(6, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'neutral', NULL, 'An analyst explaining Moscow''s reluctance, not taking a side.');

-- 7. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(7, (SELECT id FROM actors WHERE slug = 'salome-zurabishvili'), NULL,
 DATE '2022-03-01', 'month', 'paraphrase', 'und', 'Trip to Brussels and Paris',
 'Zurabishvili travelled to Brussels and Paris to express her support for Ukraine.',
 '"In early March" (2022) per seed 002. Language of her remarks unknown.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(7, 3, $$When Georgian President Salome Zurabishvili traveled to Brussels and Paris in early March to express her support for Ukraine$$, 'Clause; the rest of the sentence reports the ruling party''s reaction (statement 8).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(7, (SELECT id FROM topics WHERE slug = 'russia-invasion-of-ukraine-justified'), 'opposes', NULL, 'Implied by her support for Ukraine.');

-- 8. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(8, NULL, 'Georgia''s ruling party (not named in the source)',
 DATE '2022-03-01', 'month', 'paraphrase', 'ka', 'Reaction to President Zurabishvili''s trip to Brussels and Paris',
 'Georgia''s ruling party said the president''s trip had not been authorized and that it planned to sue her.',
 'Dated to the trip, "early March" 2022. The machine translation says "banned".');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(8, 3, $$When Georgian President Salome Zurabishvili traveled to Brussels and Paris in early March to express her support for Ukraine, the ruling party said her trip was banned and that it planned to sue her.$$, NULL);

-- 9. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(9, (SELECT id FROM actors WHERE slug = 'maia-otarashvili'), NULL,
 DATE '2022-03-01', 'month', 'direct_quote', 'en', 'Comment to The Washington Post',
 'Ordinary Georgians strongly support Ukraine, many fight there as volunteers; government and people diverge.',
 'Reported in The Washington Post explainer first published 2022-03-31; the day she said it is not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(9, 3, $$Everyday Georgians are extremely supportive of Ukraine. And many of them are even fighting in Ukraine right now as volunteers, so the government and the people are extremely divergent on Ukraine$$, NULL);

-- 10. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(10, (SELECT id FROM actors WHERE slug = 'maia-otarashvili'), NULL,
 DATE '2022-03-01', 'month', 'direct_quote', 'en', 'Comment to The Washington Post',
 'Georgia''s government, in power since 2012, follows an "extreme appeasement strategy" and avoids provoking Russia.',
 'Reported in The Washington Post explainer first published 2022-03-31; the day she said it is not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(10, 3, $$Georgia’s current government came to power in 2012 and is known for its “extreme appeasement strategy with Russia”, Otarashvili added. “There has been a lot of openness between Russia and Georgia, and the current government has worked very hard not to provoke Russia.”$$,
 'A paraphrase with a quoted phrase, then a full quote; printed text kept whole.');

-- 11. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(11, (SELECT id FROM actors WHERE slug = 'anatoly-bibilov'), NULL,
 DATE '2022-03-01', 'month', 'direct_quote', 'ru', 'Remark reported by TASS',
 'The "Russian world" defends those who oppose Nazism and respect universal humanitarian values.',
 'Seed 002 says "Thursday" (2022-03-31 for an explainer first published that day), but the same article also puts Bibilov''s "strategic goal" remark on Thursday where DOMAIN.md has Wednesday 2022-03-30; stored to the month.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(11, 3, $$The Russian world today defends the interests of its supporters, those who oppose Nazism, who respect universal humanitarian values and fundamental rights and standards shared by the entire international community$$, 'Relays TASS (source 11).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(11, (SELECT id FROM topics WHERE slug = 'russia-invasion-of-ukraine-justified'), 'supports', NULL, 'Seed 002 introduces it with "Bibilov supported Russia’s aggression in Ukraine."');

-- 12. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(12, NULL, 'experts (unnamed, cited by The Washington Post)',
 DATE '2022-03-01', 'month', 'paraphrase', 'en', NULL,
 'Experts say Putin''s "denazification" claim is part of the Kremlin''s disinformation campaign around the war.',
 'Dated to the explainer (first published 2022-03-31); when the experts said it is not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(12, 3, $$a claim that experts say is part of the Kremlin’s disinformation campaign around the war.$$, 'Clause following Putin''s claim (statement 3).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(12, (SELECT id FROM topics WHERE slug = 'russia-invasion-of-ukraine-justified'), 'opposes', NULL, NULL);

-- 13. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(13, (SELECT id FROM actors WHERE slug = 'anatoly-bibilov'), NULL,
 DATE '2022-03-26', 'day', 'paraphrase', 'ru', 'Telegram post (source 15), reported by AFP',
 'South Ossetia is sending troops to fight on Russia''s side in Ukraine to "help protect Russia".',
 '"On March 26" (2022) per seed 002, via AFP.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(13, 3, $$On the other hand, the South Ossetian leader aligned himself more with Russia, saying on Telegram on March 26 that the region was sending troops to fight on the Russian side to “help protect Russia”, the report reported. France Media Agency.$$,
 'Relays AFP (source 14); "the report reported. France Media Agency" is the machine translation''s garbling of "Agence France-Presse reported".');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(13, (SELECT id FROM topics WHERE slug = 'russia-invasion-of-ukraine-justified'), 'supports', NULL, NULL);

-- 14. seeds 002 and 003
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(14, (SELECT id FROM actors WHERE slug = 'anatoly-bibilov'), NULL,
 DATE '2022-03-30', 'day', 'paraphrase', 'ru', 'Remarks published by the United Russia press service (source 8) and reported by TASS (source 9)',
 'South Ossetia will take legal steps to join the Russian Federation in the near future.',
 'Date from DOMAIN.md; seed 003 says "Wednesday" (2022-03-30), seed 002 says "Thursday" (2022-03-31). Same remarks as statement 15.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(14, 3, $$Bibilov said on Thursday that South Ossetia would take legal steps to join the Russian Federation “in the near future”, according to remarks published by the United Russia party’s press service and reported by Russian news agency Tass.$$,
 'Says "Thursday"; DOMAIN.md dates the remarks Wednesday 2022-03-30.'),
(14, 4, $$Amid the chaos of Russia’s war in Ukraine, South Ossetian President Anatoly Bibilov has announced a referendum to decide the fate of the separatist state. Legal steps are being explored for South Ossetia—a territory of little over 50,000 people covering around 1,500 square miles of land—to officially join the Russian Federation in the “near future,” the official news service of Russia’s leading party announced Wednesday.$$,
 'Attributes the announcement to "the official news service of Russia''s leading party" (the United Russia press service).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(14, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'supports', NULL, NULL);

-- 15. seeds 002 and 003: the "strategic goal" statement
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(15, (SELECT id FROM actors WHERE slug = 'anatoly-bibilov'), NULL,
 DATE '2022-03-30', 'day', 'direct_quote', 'ru', 'Remarks published by the United Russia press service (source 8) and reported by TASS (source 9)',
 'Unification with Russia is South Ossetia''s strategic goal; the republic will become part of its historical homeland, Russia.',
 'Date from DOMAIN.md; seed 002 says "Thursday". The two seed articles translate the Russian differently ("It is our path" / "This is our way").');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(15, 3, $$I believe that unification with Russia is our strategic goal. It is our path and an aspiration of our people. We must move forward along this path$$,
 'The quote is followed by garbled, unquoted text: "he said. the near future.The Republic of South Ossetia will become part of its historical homeland, Russia." The machine translation appears to have broken the rest of the quote, which seed 003 prints inside quotation marks. Relays TASS (source 9).'),
(15, 4, $$“I believe that unification with Russia is our strategic goal. This is our way and an aspiration of our people,” Bibilov said in statements reported by TASS, Russia’s largest leading state-owned news agency. “The Republic of South Ossetia will become part of its historical motherland—Russia.”$$,
 'Relays TASS (source 9).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(15, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'supports', NULL, NULL);

-- 16. seeds 002 and 003: the Kremlin's answer
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(16, (SELECT id FROM actors WHERE slug = 'dmitry-peskov'), NULL,
 DATE '2022-03-31', 'day', 'direct_quote', 'ru', 'Answer to reporters, reported by Reuters (source 13)',
 'Russia has taken no legal or other steps; it is the South Ossetian people''s choice, which Russia respects.',
 'Date from DOMAIN.md; seed 002 says "Thursday" (2022-03-31). Seed 003 reports the same answer from "one spokesperson".');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(16, 3, $$“We have not taken any legal or other action,” Kremlin spokesman Dmitry Peskov told reporters on Thursday, according to Reuters. “This is about the choice of the South Ossetian people, which we respect.”$$,
 'Relays Reuters (source 13).'),
(16, 4, $$The Kremlin has been neutral on Bibilov’s announcement, with one spokesperson saying that the Russian government has not taken “legal or any other measures” on the matter.
“This concerns the choice of the South Ossetian people, which we respect,”$$,
 'Does not name the speaker ("one spokesperson"); identified as Peskov''s answer of 2022-03-31 reported by seed 002. Two printed paragraphs, kept with their line break.');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(16, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'neutral', NULL, 'Leaves the choice to South Ossetians; seed 002 says the Kremlin "downplayed" the suggestion.');

-- 17. seeds 002 and 003
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(17, (SELECT id FROM actors WHERE slug = 'david-zalkaliani'), NULL,
 DATE '2022-03-31', 'day', 'paraphrase', 'ka', 'Reported by TASS (source 10)',
 'Speculation about a referendum in South Ossetia on joining Russia is unacceptable.',
 'Date from DOMAIN.md; seed 002 says "Thursday" (2022-03-31). Seed 003 attributes the same position to "Georgia".');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(17, 3, $$Georgian Foreign Minister and Deputy Prime Minister David Zalkaliani said on Thursday that “speculation about a possible referendum” in South Ossetia on the possibility of joining the Russian Federation “is unacceptable”, according to Tass.$$,
 'Relays TASS (source 10).'),
(17, 4, $$Georgia has called the possible referendum vote “unacceptable.”$$,
 'Attributes it to "Georgia"; identified as Zalkaliani''s remark of 2022-03-31.');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(17, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'opposes', NULL, NULL);

-- 18. seed 002
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(18, (SELECT id FROM actors WHERE slug = 'anatoly-bibilov'), NULL,
 DATE '2022-05-13', 'day', 'paraphrase', 'ru', 'Note on his website (source 16) announcing his decree on a referendum',
 'South Ossetia will hold a referendum on joining Russia on 2022-07-17.',
 'Seed 002 (2022-05-13 update) says "on Friday", i.e. 2022-05-13, the date of the decree (DOMAIN.md). The copy also says: "On Friday, Bibilov posted a note on his website saying the referendum would take place on July 17."');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(18, 3, $$South Ossetian President Anatoly Bibilov announced on Friday that the breakaway state would hold a referendum on the joining Russia on July 17.$$,
 'A later paragraph repeats it: "On Friday, Bibilov posted a note on his website saying the referendum would take place on July 17."');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(18, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'supports', NULL, NULL);

-- 19. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(19, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2022-05-30', 'day', 'paraphrase', 'ru', 'Decree suspending Bibilov''s referendum decree of 2022-05-13',
 'Gagloev suspended his predecessor''s decree on a referendum on joining Russia, pending consultations with Moscow.',
 'Date and "pending consultations with Moscow" from DOMAIN.md; seed 000 knows it only through the United Ossetia press service ("immediately after coming to power in 2022").');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(19, 1, $$immediately after coming to power in 2022, Gagloev “suspended” a decree by his predecessor Anatoly Bibilov on holding a referendum for South Ossetia’s accession to Russia$$,
 'Clause from the United Ossetia press service''s reminder (statement 45).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(19, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'conditional', 'only after consultations with Moscow',
 'Suspends rather than cancels the referendum (DOMAIN.md: "pending consultations with Moscow").');

-- 20. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(20, (SELECT id FROM actors WHERE slug = 'alexander-lukashenko'), NULL,
 DATE '2023-07-01', 'month', 'paraphrase', 'ru', NULL,
 'Lukashenko might consider recognizing South Ossetia if its parliament formally requested it.',
 '"Back in July 2023" per seed 000; day not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(20, 1, $$Back in July 2023, Lukashenko himself mentioned that he might consider the possibility of recognition if the South Ossetian parliament formally requested it.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(20, (SELECT id FROM topics WHERE slug = 'belarus-recognizes-south-ossetia'), 'conditional', 'the South Ossetian parliament formally requests recognition',
 'JAMnews adds that no such request has been made.');

-- 21. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(21, (SELECT id FROM actors WHERE slug = 'vyacheslav-gobozov'), NULL,
 DATE '2023-08-01', 'month', 'paraphrase', 'ru', NULL,
 'South Ossetia wants to join the Union State, which makes recognition by Minsk important.',
 '"Exactly a year ago, in August 2023" per seed 000 (DOMAIN.md: August 2023); day not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(21, 1, $$For example, exactly a year ago, in August 2023, Gagloev’s state advisor and the chairman of the pro-government party “Fatherland,” Vyacheslav Gobozov, stated that South Ossetia wants to join the Union State, making recognition by Minsk important for them.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(21, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-union-state'), 'supports', NULL, NULL),
(21, (SELECT id FROM topics WHERE slug = 'belarus-recognizes-south-ossetia'), 'supports', NULL, NULL);

-- 22. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(22, (SELECT id FROM actors WHERE slug = 'vyacheslav-gobozov'), NULL,
 DATE '2023-08-01', 'month', 'direct_quote', 'ru', NULL,
 'Lukashenko will eventually see the benefits for Minsk of recognizing South Ossetia.',
 'Same occasion as statement 21 (August 2023).');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(22, 1, $$Belarusian president Alexander Lukashenko will eventually realize the benefits for Minsk in recognizing South Ossetia’s sovereignty.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(22, (SELECT id FROM topics WHERE slug = 'belarus-recognizes-south-ossetia'), 'supports', NULL, NULL);

-- 23. seed 004
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(23, (SELECT id FROM actors WHERE slug = 'dmitry-medvedev'), NULL,
 DATE '2023-08-23', 'day', 'paraphrase', 'ru', 'Written comment reported by TASS (source 19, https://tass.com/politics/1663973)',
 'Abkhazia and South Ossetia could join Russia if there are good reasons.',
 'Seed 004 gives no date ("Earlier"); date and the condition "if there are good reasons" from DOMAIN.md. Seed 004''s "described the reasons ... as compelling" is stronger than that conditional.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(23, 5, $$Earlier, Dmitry Medvedev, deputy chairman of the Security Council of the Russian Federation, spoke about the potential for unifying Abkhazia and South Ossetia with Russia. He described the reasons for such a move as compelling and grounded in strategic considerations that go beyond rhetoric. His comments touched on the historical recognition of Abkhazia and South Ossetia by the Russian Federation and the conditions under which those recognitions could be leveraged for further integration.$$,
 'Undated and uncredited here; the original is TASS (source 19). Presents the reasons as "compelling", where TASS (per DOMAIN.md) has "if there are good reasons".');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(23, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'conditional', 'if there are good reasons', 'Condition as reported by TASS (DOMAIN.md).'),
(23, (SELECT id FROM topics WHERE slug = 'abkhazia-joins-russia'), 'conditional', 'if there are good reasons', 'Condition as reported by TASS (DOMAIN.md).');

-- 24. seed 001
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(24, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-01-01', 'year', 'paraphrase', 'ru', 'Interview with Izvestia (source 7)',
 'Efforts to win recognition for South Ossetia continue, with Russia''s help, on every available platform.',
 'The interview is not dated in seed 001 (late 2024 article); stored at year precision.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(24, 2, $$Gagloev noted that efforts to secure recognition of the so-called Republic of South Ossetia are ongoing, and with Russia's assistance, every possible platform is being used to expand the scope of international cooperation.$$, 'Relays Izvestia (source 7).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(24, (SELECT id FROM topics WHERE slug = 'states-recognize-south-ossetia'), 'supports', NULL, NULL);

-- 25. seed 001
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(25, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-01-01', 'year', 'paraphrase', 'ru', 'Interview with Izvestia (source 7)',
 'Besides Belarus, there are prospects for recognition in Latin America, where Venezuela and Nicaragua will help South Ossetia build ties.',
 'The interview is not dated in seed 001 (late 2024 article); stored at year precision.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(25, 2, $$As Gagloev says, in addition to establishing contacts with Belarus, there are certain prospects for recognition in Latin America, where Venezuela and Nicaragua are prepared to help the de facto republic establish ties with other states in the region.$$, 'Relays Izvestia (source 7).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(25, (SELECT id FROM topics WHERE slug = 'states-recognize-south-ossetia'), 'supports', NULL, NULL);

-- 26. seed 001
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(26, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-01-01', 'year', 'paraphrase', 'ru', 'Interview with Izvestia (source 7)',
 'Joining Russia is not on the agenda at this stage.',
 'The interview is not dated in seed 001 (late 2024 article); stored at year precision.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(26, 2, $$Gagloev noted that the issue of so-called South Ossetia joining Russia is not on the agenda at this stage.$$, 'Relays Izvestia (source 7).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(26, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'neutral', NULL, '"Not on the agenda at this stage"; see statement 27 for his conditions.');

-- 27. seed 001
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(27, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-01-01', 'year', 'direct_quote', 'ru', 'Interview with Izvestia (source 7)',
 'If conditions bring joining Russia to the forefront, South Ossetia will consult Russia; any decision will serve both peoples'' interests.',
 'First part of a long quote that statements 28-30 continue. The interview is not dated in seed 001; stored at year precision.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(27, 2, $$If conditions arise that bring the issue of joining the republic with Russia to the forefront, we will hold consultations with our strategic partner. I am confident that any decision will be made in accordance with the interests of the people of Russia and South Ossetia.$$, 'Relays Izvestia (source 7).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(27, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'conditional',
 'conditions arise that bring the issue to the forefront, and after consultations with Russia', NULL);

-- 28. seed 001
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(28, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-01-01', 'year', 'direct_quote', 'ru', 'Interview with Izvestia (source 7)',
 'Being part of Russia is a centuries-old dream of the Ossetian people; its legal form is for joint discussion.',
 'The interview is not dated in seed 001; stored at year precision.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(28, 2, $$Being part of Russia is a centuries-old dream of the Ossetian people. As for the specific legal forms of its implementation, this will be a subject of joint discussion…$$, 'Relays Izvestia (source 7). The ellipsis is Civil.ge''s.');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(28, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'supports', NULL, 'As an aspiration; the legal form is left to joint discussion with Russia.');

-- 29. seed 001
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(29, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-01-01', 'year', 'direct_quote', 'ru', 'Interview with Izvestia (source 7)',
 'Georgia, helped by Western countries, tries to isolate South Ossetia and Abkhazia internationally, which harms relations.',
 'The interview is not dated in seed 001; stored at year precision.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(29, 2, $$Georgia, with the help of Western countries, continues its efforts to internationally isolate our republics [so-called South Ossetia and Abkhazia]. The Georgian side's approaches do not contribute to creating a more positive atmosphere in the relations between our countries.$$,
 'Relays Izvestia (source 7). The bracketed words are Civil.ge''s insertion.');

-- 30. seed 001
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(30, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-01-01', 'year', 'direct_quote', 'ru', 'Interview with Izvestia (source 7)',
 'Calls for South Ossetia to join the EU together with Georgia by 2030 are speculative; its path is integration with Russia.',
 'The interview is not dated in seed 001; stored at year precision.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(30, 2, $$Instead, we hear speculative calls to join the European Union together with Georgia by 2030. South Ossetia has long and irreversibly made its choice of friends and allies. Our path is integration with Russia$$, 'Relays Izvestia (source 7).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(30, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-eu'), 'opposes', NULL, NULL),
(30, (SELECT id FROM topics WHERE slug = 'georgia-joins-eu'), 'neutral', NULL,
 'Rejects joining the EU together with Georgia for South Ossetia; says nothing for or against Georgia''s own membership.');

-- 31. seed 001
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(31, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-01-01', 'year', 'direct_quote', 'ru', 'Interview with Izvestia (source 7), on the "internal political crisis" in Georgia',
 'Radical groups with aggressive nationalist slogans in Georgia''s political crisis worry South Ossetians.',
 'The interview is not dated in seed 001; stored at year precision.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(31, 2, $$the numerous radical groups involved in these processes, who regularly promote aggressive nationalist slogans, cannot help but cause concern for the South Ossetian community.$$, 'Relays Izvestia (source 7).');

-- 32. seed 004
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(32, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-01-01', 'year', 'paraphrase', 'ru', NULL,
 'South Ossetia sees itself as part of the Russian world and wants closer alignment with Russia.',
 'Seed 004 gives no date ("In a related thread"); stored as 2024, the year of the article, which presents it beside Alborov''s remarks of 2024-03-17.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(32, 5, $$In a related thread, former South Ossetian president Alan Gagloev has signaled that the republic views itself as part of the Russian world and desires closer alignment with Russia.$$,
 'Source error: calls Gagloev "former South Ossetian president"; he has been president since 2022-05-24 and was in office at the time.');

-- 33. seed 004
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(33, NULL, 'observers (unnamed, seed 004)',
 DATE '2024-01-01', 'year', 'paraphrase', 'en', NULL,
 'Observers see a broader strategy of strengthening ties with Russia while balancing international expectations.',
 'Unsourced generality; dated to the article''s year.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(33, 5, $$Observers note that the discussions reflect a broader strategy toward reinforcing ties with Russia while balancing international expectations and regional dynamics.$$, NULL);

-- 34. seed 004
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(34, NULL, 'analysts (unnamed, seed 004)',
 DATE '2024-01-01', 'year', 'paraphrase', 'en', NULL,
 'Analysts call the topic sensitive and complex, depending on South Ossetian politics, Moscow''s calculations and geopolitics.',
 'Unsourced generality; dated to the article''s year.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(34, 5, $$Analysts point out that the topic remains sensitive and complex, with rapid developments depending on domestic considerations within South Ossetia, the strategic calculations of Moscow, and broader geopolitical currents.$$, NULL);

-- 35. seed 004
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(35, (SELECT id FROM actors WHERE slug = 'alan-alborov'), NULL,
 DATE '2024-03-17', 'day', 'paraphrase', 'ru', 'Remarks reported by RIA Novosti (source 17) and Sputnik (source 18)',
 'Joining Russia is being discussed in close coordination with Moscow, within bilateral agreements and a shared foreign policy.',
 'Date from DOMAIN.md (Sputnik, 2024-03-17).');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(35, 5, $$The question of South Ossetia potentially joining the Russian Federation is being discussed in close coordination with Moscow, according to RIA News. The spokesperson for the Parliament of the Republic, Alan Alborov, stated that these issues are analyzed within the framework of bilateral relations and existing agreements. He emphasized that talks are conducted with careful regard to the shared foreign policy between South Ossetia and Russia and that any move would be pursued only if it aligns with a joint strategic vision.$$,
 'Relays RIA Novosti (source 17). Source error: calls Alborov "the spokesperson for the Parliament"; he was its chairman (speaker).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(35, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'conditional', 'it aligns with a joint strategic vision with Moscow', NULL);

-- 36. seed 004
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(36, (SELECT id FROM actors WHERE slug = 'alan-alborov'), NULL,
 DATE '2024-03-17', 'day', 'paraphrase', 'ru', 'Remarks reported by RIA Novosti (source 17) and Sputnik (source 18)',
 'South Ossetia and Russia coordinate foreign policy; once a consensus with Moscow is reached on accession, it will be acted upon.',
 'Date from DOMAIN.md (Sputnik, 2024-03-17). Same remarks as statement 35.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(36, 5, $$Alborov explained that the republic and the Russian Federation coordinate their approaches on foreign policy matters. When a consensus is reached in collaboration with Moscow about a possible accession to the Russian Federation, the decision will be acted upon.$$,
 'Relays RIA Novosti (source 17).');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(36, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'conditional', 'a consensus is reached with Moscow', NULL);

-- 37. seeds 000 and 001: Gagloev on the Union State
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(37, (SELECT id FROM actors WHERE slug = 'alan-gagloev'), NULL,
 DATE '2024-08-01', 'month', 'direct_quote', 'ru', 'Interview with Izvestia (source 7), per Civil.ge; JAMnews names no venue',
 'Joining the Union State is one of the most promising options; South Ossetia is building cooperation with Belarus, for now in humanitarian contacts and sports.',
 'JAMnews: said "in mid-August" 2024; stored to the month. Treated as one utterance with two translations, as the issue states. Caution: Civil.ge''s version of the Izvestia interview (late 2024) also covers Georgia''s "internal political crisis" and EU calls "by 2030", which fit a later interview; Gagloev may have repeated these words.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(37, 1, $$South Ossetia is actively working on enhancing cooperation with Belarus, which will strengthen ties with the Union State. Currently, the focus is on humanitarian contacts, sports, and so on. In the future, we hope to establish closer cooperation with the Republic of Belarus$$,
 'JAMnews also paraphrases the opening of the remarks: "South Ossetian president Alan Gagloev stated that the authorities are considering joining the Union State as one of the most promising options."'),
(37, 2, $$Joining the union state is one of the possible and most promising options for us. Currently, efforts are underway to establish cooperation with Belarus. So far, we are focusing on contacts in the humanitarian field, sports, and other areas. In the future, we expect closer cooperation with the Republic of Belarus$$,
 'Relays Izvestia (source 7). Civil.ge''s lead paraphrases it: joining the union state is "one of the possible and most promising options".');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(37, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-union-state'), 'supports', NULL, '"One of the possible and most promising options".');

-- 38. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(38, NULL, 'political circles in South Ossetia (per JAMnews)',
 DATE '2024-08-01', 'month', 'paraphrase', 'ru', 'Reaction to Gagloev''s Union State remarks',
 'South Ossetian political circles consider joining the Union State unlikely.',
 'As reported by JAMnews in August 2024; day not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(38, 1, $$However, political circles in South Ossetia view this as unlikely.$$,
 'JAMnews goes on in its own voice: without recognition by Belarus the Union State "remains unfeasible".');
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(38, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-union-state'), 'neutral', NULL, 'Judges it unlikely without taking a side.');

-- 39. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(39, (SELECT id FROM actors WHERE slug = 'azamat-dzhanayev'), NULL,
 DATE '2024-08-01', 'month', 'direct_quote', 'ru', 'Comment quoted by JAMnews',
 'Belarus must recognize South Ossetia before it can join the Union State; until then the Union State is not realistic.',
 'As reported by JAMnews in August 2024; day not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(39, 1, $$Before joining the Union State, Belarus must first recognize our independence. Since that hasn’t happened, the Union State is not a realistic option for us. These are basic things that every politician should know.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(39, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-union-state'), 'conditional', 'Belarus first recognizes South Ossetia''s independence', NULL),
(39, (SELECT id FROM topics WHERE slug = 'belarus-recognizes-south-ossetia'), 'supports', NULL, 'States it as a prerequisite ("must first recognize").');

-- 40. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(40, (SELECT id FROM actors WHERE slug = 'azamat-dzhanayev'), NULL,
 DATE '2024-08-01', 'month', 'direct_quote', 'ru', 'Comment quoted by JAMnews',
 'South Ossetia should aim to join Russia, not the Union State; it would then be part of both the Union State and a nuclear power.',
 'As reported by JAMnews in August 2024; day not printed. JAMnews introduces it: "Dzhanayev is convinced that joining Russia would bring far more benefits to South Ossetia".');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(40, 1, $$We should focus not on joining the Union State, but on fulfilling the dream of our fathers and grandfathers—becoming part of Russia. Then, we would automatically become part of both the Union State and a nuclear power.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(40, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'supports', NULL, NULL),
(40, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-union-state'), 'opposes', NULL, 'Opposes it as a goal in itself; membership would follow from joining Russia.');

-- 41. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(41, NULL, 'a South Ossetian official, speaking anonymously to JAMnews',
 DATE '2024-08-01', 'month', 'direct_quote', 'ru', 'Anonymous comment to JAMnews',
 'Talk of South Ossetia joining the Union State at this stage is pure utopia.',
 'As reported by JAMnews in August 2024; day not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(41, 1, $$talking about South Ossetia joining the Union State at this stage is pure utopia.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(41, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-union-state'), 'opposes', NULL, 'Dismisses it as unrealistic "at this stage" rather than rejecting it in principle.');

-- 42. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(42, NULL, 'a South Ossetian official, speaking anonymously to JAMnews',
 DATE '2024-08-01', 'month', 'direct_quote', 'ru', 'Anonymous comment to JAMnews',
 'Gagloev''s Union State rhetoric is demagoguery meant to distract from domestic problems and mask his ineffectiveness.',
 'Same official as statement 41; as reported by JAMnews in August 2024.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(42, 1, $$Gagloev’s rhetoric is demagoguery, intended to distract the public from domestic political problems and to somehow mask his ineffectiveness$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(42, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-union-state'), 'opposes', NULL, 'Treats the Union State talk as a distraction.');

-- 43. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(43, NULL, 'a South Ossetian official, speaking anonymously to JAMnews',
 DATE '2024-08-01', 'month', 'direct_quote', 'ru', 'Anonymous comment to JAMnews',
 'Gagloev''s efforts to win recognition for South Ossetia by other countries have failed.',
 'Same official as statement 41; as reported by JAMnews in August 2024.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(43, 1, $$Gagloev’s foreign policy efforts to gain recognition for South Ossetia by other countries have failed during his time in power.$$, NULL);

-- 44. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(44, (SELECT id FROM actors WHERE slug = 'united-ossetia'), NULL,
 DATE '2024-08-01', 'month', 'paraphrase', 'ru', 'Reaction to Gagloev''s Union State remarks',
 'The president''s Union State statements are attempts to shift attention away from joining Russia.',
 'As reported by JAMnews in August 2024; day not printed.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(44, 1, $$The opposition party “United Ossetia” believes that such statements by the president and his entourage are attempts to shift focus away from the topic of joining Russia.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(44, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'supports', NULL, 'Implied: treats joining Russia as the real question.'),
(44, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-union-state'), 'opposes', NULL, 'Implied: treats the Union State talk as a diversion.');

-- 45. seed 000
INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language, context, summary, note)
OVERRIDING SYSTEM VALUE VALUES
(45, (SELECT id FROM actors WHERE slug = 'united-ossetia'), 'the press service of the United Ossetia party',
 DATE '2024-08-01', 'month', 'paraphrase', 'ru', 'Reaction to Gagloev''s Union State remarks',
 'Right after taking power in 2022, Gagloev "suspended" Bibilov''s decree on a referendum on joining Russia.',
 'As reported by JAMnews in August 2024; day not printed. The suspension itself is statement 19.');
INSERT INTO statement_reports (statement_id, source_id, wording, note) VALUES
(45, 1, $$The party’s press service reminded that immediately after coming to power in 2022, Gagloev “suspended” a decree by his predecessor Anatoly Bibilov on holding a referendum for South Ossetia’s accession to Russia.$$, NULL);
INSERT INTO stances (statement_id, topic_id, position, condition, note) VALUES
(45, (SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia'), 'supports', NULL, 'Implied: criticizes the suspension of the referendum.');

-------------------------------------------------------------------------------
-- Recognitions (DOMAIN.md table); in force from recognized_on until
-- withdrawn_on (exclusive). Belarus has recognized neither territory.
-------------------------------------------------------------------------------

INSERT INTO recognitions (id, state_id, territory_id, recognized_on, recognized_precision, withdrawn_on, withdrawn_precision, note)
OVERRIDING SYSTEM VALUE VALUES
(1, (SELECT id FROM actors WHERE slug = 'russia'), (SELECT id FROM actors WHERE slug = 'south-ossetia'), DATE '2008-08-26', 'day', NULL, 'day',
 'Georgia cut diplomatic relations with Russia on 2008-08-29.'),
(2, (SELECT id FROM actors WHERE slug = 'russia'), (SELECT id FROM actors WHERE slug = 'abkhazia'), DATE '2008-08-26', 'day', NULL, 'day',
 'Georgia cut diplomatic relations with Russia on 2008-08-29.'),
(3, (SELECT id FROM actors WHERE slug = 'nicaragua'), (SELECT id FROM actors WHERE slug = 'south-ossetia'), DATE '2008-09-05', 'day', NULL, 'day', NULL),
(4, (SELECT id FROM actors WHERE slug = 'nicaragua'), (SELECT id FROM actors WHERE slug = 'abkhazia'), DATE '2008-09-05', 'day', NULL, 'day', NULL),
(5, (SELECT id FROM actors WHERE slug = 'venezuela'), (SELECT id FROM actors WHERE slug = 'south-ossetia'), DATE '2009-09-10', 'day', NULL, 'day', NULL),
(6, (SELECT id FROM actors WHERE slug = 'venezuela'), (SELECT id FROM actors WHERE slug = 'abkhazia'), DATE '2009-09-10', 'day', NULL, 'day', NULL),
(7, (SELECT id FROM actors WHERE slug = 'nauru'), (SELECT id FROM actors WHERE slug = 'abkhazia'), DATE '2009-12-15', 'day', NULL, 'day', NULL),
(8, (SELECT id FROM actors WHERE slug = 'nauru'), (SELECT id FROM actors WHERE slug = 'south-ossetia'), DATE '2009-12-16', 'day', NULL, 'day', NULL),
(9, (SELECT id FROM actors WHERE slug = 'vanuatu'), (SELECT id FROM actors WHERE slug = 'abkhazia'), DATE '2011-05-23', 'day', DATE '2011-06-20', 'day',
 'Abkhazia only. The recognition was reported annulled on 2011-06-20 (stored as the withdrawal); on 2013-07-12 Vanuatu signed a protocol with Georgia recognizing Georgia''s territorial integrity.'),
(10, (SELECT id FROM actors WHERE slug = 'tuvalu'), (SELECT id FROM actors WHERE slug = 'abkhazia'), DATE '2011-09-18', 'day', DATE '2014-03-31', 'day',
 'Georgia cut diplomatic relations with Tuvalu on 2012-02-16; Tuvalu withdrew its recognition on 2014-03-31.'),
(11, (SELECT id FROM actors WHERE slug = 'tuvalu'), (SELECT id FROM actors WHERE slug = 'south-ossetia'), DATE '2011-09-19', 'day', DATE '2014-03-31', 'day',
 'Georgia cut diplomatic relations with Tuvalu on 2012-02-16; Tuvalu withdrew its recognition on 2014-03-31.'),
(12, (SELECT id FROM actors WHERE slug = 'syria'), (SELECT id FROM actors WHERE slug = 'south-ossetia'), DATE '2018-05-29', 'day', NULL, 'day',
 'Georgia cut diplomatic relations with Syria the same day.'),
(13, (SELECT id FROM actors WHERE slug = 'syria'), (SELECT id FROM actors WHERE slug = 'abkhazia'), DATE '2018-05-29', 'day', NULL, 'day',
 'Georgia cut diplomatic relations with Syria the same day.');

INSERT INTO recognition_sources (recognition_id, source_id) VALUES
(1, 20), (2, 20),
(3, 21), (4, 21),
(5, 22), (6, 22),
(7, 23), (8, 23),
(9, 24),
(10, 25), (11, 25),
(12, 26), (13, 26);

-------------------------------------------------------------------------------
-- Events
-------------------------------------------------------------------------------

INSERT INTO events (slug, title, occurred_on, occurred_precision, actor_id, source_id, description) VALUES
('georgia-cuts-relations-with-russia', 'Georgia cuts diplomatic relations with Russia', DATE '2008-08-29', 'day',
 (SELECT id FROM actors WHERE slug = 'georgia'), NULL,
 'Over Russia''s recognition of Abkhazia and South Ossetia (DOMAIN.md).'),
('georgia-cuts-relations-with-tuvalu', 'Georgia cuts diplomatic relations with Tuvalu', DATE '2012-02-16', 'day',
 (SELECT id FROM actors WHERE slug = 'georgia'), NULL,
 'Over Tuvalu''s recognition of Abkhazia and South Ossetia (DOMAIN.md).'),
('georgia-cuts-relations-with-syria', 'Georgia cuts diplomatic relations with Syria', DATE '2018-05-29', 'day',
 (SELECT id FROM actors WHERE slug = 'georgia'), 26,
 'Over Syria''s recognition of Abkhazia and South Ossetia (DOMAIN.md).'),
('south-ossetia-referendum-decree', 'Bibilov decrees a referendum on joining Russia', DATE '2022-05-13', 'day',
 (SELECT id FROM actors WHERE slug = 'anatoly-bibilov'), 16,
 'Decree setting a referendum on South Ossetia joining Russia for 2022-07-17 (DOMAIN.md; seed 002). See statement 18.'),
('south-ossetia-referendum-suspended', 'Gagloev suspends the referendum decree', DATE '2022-05-30', 'day',
 (SELECT id FROM actors WHERE slug = 'alan-gagloev'), 1,
 'Suspended pending consultations with Moscow (DOMAIN.md); the vote of 2022-07-17 did not take place as decreed. See statement 19.');

-------------------------------------------------------------------------------
-- Move identity sequences past the explicit ids.
-------------------------------------------------------------------------------

SELECT setval(pg_get_serial_sequence('statements', 'id'), (SELECT max(id) FROM statements));
SELECT setval(pg_get_serial_sequence('sources', 'id'), (SELECT max(id) FROM sources));
SELECT setval(pg_get_serial_sequence('recognitions', 'id'), (SELECT max(id) FROM recognitions));
