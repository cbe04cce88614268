#!/usr/bin/python3
# generate.py: deterministic benchmark data for onrecord.
#
#   bench/gen/generate.py --statements N --out DIR [--seed S]
#
# Writes, into DIR, one PostgreSQL COPY (text format) file per table with
# explicit ids (generated columns left out), manifest.tsv (table, group,
# rows, column list: what bench/gen/load reads), import.ndjson (the same
# statements as `onrecord import` lines, in id order) and params.json
# (statement ids, filter tuples and search queries for the benchmark, with
# their match counts computed here). Same N and seed -> byte-identical files:
# everything is drawn from one random.Random(seed), iterated in list order,
# never from hash() or the clock. Python 3 standard library only.
# bench/gen/README.md describes the data.

import argparse
import bisect
import datetime
import hashlib
import itertools
import json
import math
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True   # no __pycache__ next to vocab.py
import vocab as V  # noqa: E402

FIRST_YEAR, LAST_YEAR = 1991, 2026
LAST_DAY = datetime.date(2026, 10, 31)
ORD_LAST = LAST_DAY.toordinal()

# Issue words whose search lexeme is shared with another word the generator
# writes (checked against PostgreSQL, see README "Search words"): never
# offered as benchmark queries.
AMBIGUOUS = {
    # bench/gen/check-lexemes output for vocab.py as it is
    "border", "constitution", "consultations", "cooperatives", "economy", "elections", "energy",
    "journalists", "migration", "monitoring", "nationalization", "negotiations", "observers",
    "peace", "pensioners", "pensions", "security", "treaty",
    "безопасность", "выборы", "граница", "дороги", "конституция", "переговоры", "экономика",
}


def esc(s):
    """A value in COPY text format."""
    if s is None:
        return "\\N"
    if "\\" in s or "\t" in s or "\n" in s or "\r" in s:
        s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return s


def pg_array(items):
    """A text[] literal with every element quoted."""
    return "{" + ",".join('"' + i.replace("\\", "\\\\").replace('"', '\\"') + '"' for i in items) + "}"


_slug_re = re.compile(r"[^a-z0-9]+")


def slugify(s):
    return _slug_re.sub("-", s.lower()).strip("-")[:90].strip("-")


def iso(o):
    return datetime.date.fromordinal(o).isoformat()


def cap(s):
    return s[:1].upper() + s[1:]


def year_weight(y):
    w = math.exp(0.11 * (y - FIRST_YEAR))
    return w * (10 / 12) if y == LAST_YEAR else w


class Gen:
    def __init__(self, n, seed, out):
        self.n = n
        self.seed = seed
        self.out = out
        self.r = random.Random(seed)
        s = n / 1_000_000
        self.n_actors = max(400, round(10_000 * s))
        self.n_sources = max(300, round(100_000 * s))
        self.n_topics = max(20, round(200 * s))
        self.n_outlets = max(12, round(100 * s))
        self.n_recognitions = max(20, round(300 * s))
        self.n_events = max(10, round(200 * s))
        self.manifest = []
        self.year_cw = list(itertools.accumulate(year_weight(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)))

    # ------------------------------------------------------------ helpers

    def open(self, table, group, columns):
        f = open(os.path.join(self.out, table + ".copy"), "w", encoding="utf-8", newline="\n")
        self.manifest.append([table, group, 0, ",".join(columns), f])
        return f

    def close_all(self, counts):
        for m in self.manifest:
            m[4].close()
            m[2] = counts[m[0]]
        with open(os.path.join(self.out, "manifest.tsv"), "w", encoding="utf-8") as f:
            for table, group, rows, cols, _ in self.manifest:
                f.write(f"{table}\t{group}\t{rows}\t{cols}\n")

    def year(self, lo=FIRST_YEAR, hi=LAST_YEAR):
        """A year in [lo, hi], weighted toward recent years."""
        a = self.year_cw[lo - FIRST_YEAR - 1] if lo > FIRST_YEAR else 0.0
        b = self.year_cw[hi - FIRST_YEAR]
        return FIRST_YEAR + bisect.bisect_left(self.year_cw, self.r.uniform(a, b))

    def day_in_year(self, y, first_half=None):
        start = datetime.date(y, 1, 1).toordinal()
        end = min(datetime.date(y, 12, 31).toordinal(), ORD_LAST)
        if first_half is True:
            end = min(end, start + 180)
        elif first_half is False:
            start = min(start + 182, end)
        return self.r.randint(start, end)

    def partial(self, o, weights=(90, 8, 2)):
        """(first day, precision) for a day ordinal: day / month / year."""
        x = self.r.random() * 100
        if x < weights[0]:
            return o, "day"
        d = datetime.date.fromordinal(o)
        if x < weights[0] + weights[1]:
            return datetime.date(d.year, d.month, 1).toordinal(), "month"
        return datetime.date(d.year, 1, 1).toordinal(), "year"

    @staticmethod
    def period_end(o, prec):
        if prec == "day":
            return o
        d = datetime.date.fromordinal(o)
        if prec == "year":
            return datetime.date(d.year, 12, 31).toordinal()
        nm = datetime.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return nm.toordinal() - 1

    @staticmethod
    def date_text(o, prec):
        s = iso(o)
        return s if prec == "day" else s[:7] if prec == "month" else s[:4]

    # ------------------------------------------------------------ entities

    def build_places(self):
        # Every state, territory and bloc: English, Russian forms.
        self.places = {}
        for slug, en, code, nom, gen, other in V.STATES:
            the = en in ("United States", "United Kingdom")
            self.places[slug] = dict(slug=slug, en=("the " if the else "") + en, name=en, kind="state",
                                     code=code, nom=nom, gen=gen, prep=gen, acc=nom,
                                     other=[other] if other else [])
        for slug, en, nom, gen, prep, other, parent in V.TERRITORIES:
            self.places[slug] = dict(slug=slug, en=en, name=en, kind="territory", code=None,
                                     nom=nom, gen=gen, prep=prep, acc=nom, other=list(other),
                                     parent=parent)
        short = {"european-union": "the EU", "csto": "the CSTO", "eaeu": "the EAEU",
                 "union-state": "the Union State", "cis": "the CIS", "united-nations": "the UN",
                 "osce": "the OSCE", "council-of-europe": "the Council of Europe"}
        for slug, en, nom, gen, acc, other in V.BLOCS:
            self.places[slug] = dict(slug=slug, en=short.get(slug, en), name=en,
                                     kind="international_entity", code=None, nom=nom, gen=gen,
                                     prep=gen, acc=acc, other=list(other))

    def build_topics(self):
        P = self.places
        states = [s[0] for s in V.STATES]
        terrs = [t[0] for t in V.TERRITORIES]
        blocs = [b[0] for b in V.BLOCS if b[0] not in ("united-nations", "osce")]
        cands = []
        near = ["georgia", "russia", "moldova", "armenia", "azerbaijan", "ukraine", "belarus",
                "serbia", "cyprus", "turkey", "kazakhstan"]
        for a in terrs + near:
            for b in blocs + ["russia"]:
                if a == b or (a == "russia" and b in ("union-state", "eaeu", "csto", "cis")):
                    continue
                pa, pb = P[a], P[b]
                if b == "russia":
                    ru = f"вхождение {pa['gen']} в состав России"
                else:
                    ru = f"вступление {pa['gen']} в {pb['acc']}"
                cands.append((f"{a}-joins-{b}", f"{cap(pa['en'])} should join {pb['en']}",
                              f"the accession of {pa['en']} to {pb['en']}", ru, (a, b)))
        for s in states:
            for t in terrs:
                ps, pt = P[s], P[t]
                cands.append((f"{s}-recognizes-{t}", f"{cap(ps['en'])} should recognize {pt['en']}",
                              f"the recognition of {pt['en']} by {ps['en']}",
                              f"признание {pt['gen']} со стороны {ps['gen']}", (s, t)))
        sanctioners = ["georgia", "moldova", "armenia", "kazakhstan", "turkey", "serbia", "united-states",
                       "united-kingdom", "japan", "israel", "hungary", "european-union"]
        targets = ["russia", "belarus", "iran", "syria", "north-korea", "china", "azerbaijan", "georgia"]
        for a in sanctioners:
            for b in targets:
                if a == b:
                    continue
                pa, pb = P[a], P[b]
                cands.append((f"{a}-sanctions-{b}", f"{cap(pa['en'])} should impose sanctions on {pb['en']}",
                              f"sanctions by {pa['en']} against {pb['en']}",
                              f"санкции {pa['gen']} против {pb['gen']}", (a, b)))
        for t in terrs:
            pt = P[t]
            cands.append((f"{t}-independence-referendum", f"{pt['en']} should hold a referendum on independence",
                          f"a referendum on independence in {pt['en']}",
                          f"референдум о независимости в {pt['prep']}", (t,)))
        for a in ["russia", "turkey", "armenia", "azerbaijan", "united-states"]:
            for t in terrs:
                pa, pt = P[a], P[t]
                cands.append((f"{a}-withdraws-troops-from-{t}",
                              f"{cap(pa['en'])} should withdraw its troops from {pt['en']}",
                              f"the withdrawal of {pa['en']}'s troops from {pt['en']}",
                              f"вывод войск {pa['gen']} из {pt['gen']}", (a, t)))
        # Topics around the seed's region first, then the rest, shuffled.
        core = {"south-ossetia", "abkhazia", "georgia", "russia", "transnistria", "moldova",
                "belarus", "union-state", "european-union", "nato", "ukraine", "armenia", "azerbaijan",
                "nagorno-karabakh"}
        cands.sort(key=lambda c: c[0])
        self.r.shuffle(cands)
        cands.sort(key=lambda c: -sum(e in core for e in c[4]))
        head = cands[: max(self.n_topics, 1) * 3 // 2]
        self.r.shuffle(head)
        self.topics = []
        for i, (slug, prop, np, ru, ents) in enumerate(head[: self.n_topics]):
            self.topics.append(dict(id=i + 1, slug=slug, prop=prop, np=np, ru=ru, ents=ents))
        # Popularity: Zipf over a shuffled order.
        w = [1 / (k + 2) for k in range(len(self.topics))]
        self.topic_cw = list(itertools.accumulate(w))
        self.topics_by_entity = {}
        for t in self.topics:
            for e in t["ents"]:
                self.topics_by_entity.setdefault(e, []).append(t["id"])

    def build_actors(self):
        r = self.r
        P = self.places
        A = []   # dicts with the row and the generator's notes

        def add(slug, name, kind, country, other, desc=None, note=None, **kw):
            a = dict(id=len(A) + 1, slug=slug, name=name, kind=kind, country=country, other=other,
                     desc=desc, note=note, home=kw.pop("home", None), g=kw.pop("g", "n"),
                     ru=kw.pop("ru", None), y0=kw.pop("y0", FIRST_YEAR), y1=kw.pop("y1", LAST_YEAR))
            A.append(a)
            return a

        self.place_actor = {}
        for p in P.values():
            other = p["other"] + [p["nom"]]
            desc = None
            if p["kind"] == "territory":
                par = p.get("parent")
                desc = (f"Breakaway region of {P[par]['name']}." if par else "Self-declared state.")
            a = add(p["slug"], p["name"], p["kind"], p["code"], other, desc, home=p["slug"], ru=p["nom"])
            self.place_actor[p["slug"]] = a
        homes = [s[0] for s in V.STATES] + [t[0] for t in V.TERRITORIES]
        # Home weights: the region the seed covers speaks most.
        region = {"south-ossetia": 8, "abkhazia": 6, "georgia": 10, "russia": 10, "transnistria": 3,
                  "moldova": 4, "belarus": 4, "ukraine": 5, "armenia": 3, "azerbaijan": 3,
                  "nagorno-karabakh": 2, "united-states": 3, "european-union": 2}
        home_cw = list(itertools.accumulate(region.get(h, 1) for h in homes))

        def pick_home():
            return homes[bisect.bisect_left(home_cw, r.random() * home_cw[-1])]

        n_rest = self.n_actors - len(A)
        n_bodies = min(len(homes) * len(V.BODIES), max(6, round(n_rest * 0.035)))
        n_parties = max(5, round(n_rest * 0.03))
        n_orgs = max(5, round(n_rest * 0.03))
        n_people = n_rest - n_bodies - n_parties - n_orgs
        self.bodies = {}
        pairs = [(h, b) for h in homes for b in V.BODIES]
        pairs.sort(key=lambda x: -region.get(x[0], 1) - r.random() * 6)
        for h, (suffix, pat) in pairs[:n_bodies]:
            p = P[h]
            a = add(f"{h}-{suffix}", pat.format(x=p["name"]), "government_body", p["code"], [], home=h)
            self.bodies[(h, suffix)] = a
        used = set(a["slug"] for a in A)

        def unique(slug):
            base, k = slug, 2
            while slug in used:
                slug = f"{base}-{k}"
                k += 1
            used.add(slug)
            return slug

        self.parties = []
        self.parties_of = {}
        for _ in range(n_parties):
            h = pick_home()
            name = f"{r.choice(V.PARTY_ADJ)} {r.choice(V.PARTY_NOUN)}"
            slug = unique(slugify(name + " " + (P[h]["code"] or h)))
            a = add(slug, name, "party", P[h]["code"], [],
                    f"Political party in {P[h]['name']}.", home=h, y0=self.year(1991, 2020))
            self.parties.append(a)
            self.parties_of.setdefault(h, []).append(a)
        self.orgs = []
        for _ in range(n_orgs):
            h = pick_home()
            name = r.choice(V.ORG_FORMS).format(c=r.choice(V.CITIES)[0], f=r.choice(V.ORG_FIELDS))
            slug = unique(slugify(name))
            a = add(slug, name, "organization", P[h]["code"], [], "Research organization (think tank).",
                    home=h, y0=self.year(1991, 2020))
            self.orgs.append(a)
        combos = [(f, l) for f in V.FIRST_NAMES for l in V.LAST_NAMES]
        r.shuffle(combos)
        self.people = []
        for i in range(n_people):
            (fe, fr, g), (le, lr) = combos[i % len(combos)]
            if g == "f" and le.endswith(("ov", "ev", "in")):
                le, lr = le + "a", lr + "а"
            name = f"{fe} {le}"
            slug = unique(slugify(name))
            h = pick_home()
            y0 = max(FIRST_YEAR, self.year() - r.randint(0, 15))
            y1 = min(LAST_YEAR, y0 + r.randint(3, 35))
            other = [f"{fr} {lr}"]
            if r.random() < 0.15:
                other.append(f"{fe} {le}y" if le.endswith("ev") else f"{fe[0]}. {le}")
            a = add(slug, name, "person", P[h]["code"] if r.random() < 0.9 else None, other,
                    home=h, g=g, ru=f"{fr} {lr}", y0=y0, y1=y1)
            self.people.append(a)
        self.actors = A
        # Who speaks how often: Zipf-Mandelbrot over a shuffled order; states,
        # territories and blocs speak rarely (through their bodies).
        order = [a for a in A if a["kind"] not in ("state", "territory", "international_entity")]
        r.shuffle(order)
        rare = [a for a in A if a["kind"] in ("state", "territory", "international_entity")]
        order += rare
        self.speakers = order
        w = [(k + 20) ** -1.5 for k in range(1, len(order) + 1)]
        self.speaker_cw = list(itertools.accumulate(w))
        # Language: a third of the speakers are Russian-speaking.
        ru_homes = {"russia", "belarus", "south-ossetia", "abkhazia", "transnistria", "kazakhstan",
                    "donetsk-peoples-republic", "luhansk-peoples-republic", "kyrgyzstan", "tajikistan"}
        for a in A:
            p = 0.7 if a["home"] in ru_homes else 0.12
            a["ru_p"] = 0.85 if r.random() < p else 0.05
            # Topics this actor talks about, with weights and a usual position.
            k = r.randint(2, 8)
            near = self.topics_by_entity.get(a["home"], [])
            chosen = []
            while len(chosen) < k:
                if near and r.random() < 0.6:
                    t = r.choice(near)
                else:
                    t = 1 + bisect.bisect_left(self.topic_cw, r.random() * self.topic_cw[-1])
                if t not in chosen:
                    chosen.append(t)
                if len(chosen) >= len(self.topics):
                    break
            a["topics"] = chosen
            a["topic_cw"] = list(itertools.accumulate(1 / (i + 1) for i in range(len(chosen))))
            a["pos"] = {t: ("supports" if r.random() < 0.55 else "opposes") for t in chosen}
            a["year_lo"], a["year_hi"] = a["y0"], a["y1"]
            if a["kind"] == "person":
                a["S_en"] = a["name"]
                a["pn"] = "he" if a["g"] == "m" else "she"
                a["S_ru"] = a["ru"]
                a["said"] = "заявил" if a["g"] == "m" else "заявила"
                a["past_f"] = "" if a["g"] == "m" else "ла"
                a["refl"] = "ся" if a["g"] == "m" else "ась"
            else:
                a["S_en"] = ("the " if a["kind"] in ("government_body", "organization") else "") + a["name"]
                a["pn"] = "it"
                a["S_ru"] = "Официальный представитель"
                a["said"], a["past_f"], a["refl"] = "заявил", "", "ся"

    # ------------------------------------------------------------ tables

    def write_base(self):
        r = self.r
        P = self.places
        # actors
        f = self.open("actors", "base", ["id", "slug", "name", "kind", "country", "other_names",
                                         "description", "note"])
        for a in self.actors:
            f.write(f"{a['id']}\t{a['slug']}\t{esc(a['name'])}\t{a['kind']}\t{esc(a['country'])}\t"
                    f"{esc(pg_array(a['other']))}\t{esc(a['desc'])}\t{esc(a['note'])}\n")
        self.counts = {"actors": len(self.actors)}
        # roles
        f = self.open("roles", "base", ["id", "actor_id", "title", "organization_id", "start_date",
                                        "start_precision", "end_date", "end_precision", "note"])
        role_cw = list(itertools.accumulate(t[2] for t in V.ROLE_TITLES))
        rid = 0
        places = [s[0] for s in V.STATES] + [t[0] for t in V.TERRITORIES]
        for a in self.people:
            k = r.choice((1, 1, 2, 2, 2, 3))
            span = list(range(a["y0"], a["y1"] + 1))
            k = min(k, len(span))
            cuts = sorted(r.sample(span[1:], k - 1)) if k > 1 else []
            bounds = [a["y0"]] + cuts + [a["y1"] + 1]
            for i in range(k):
                ya, yb = bounds[i], max(bounds[i], bounds[i + 1] - 1)
                pat, org_kind, _ = V.ROLE_TITLES[bisect.bisect_left(role_cw, r.random() * role_cw[-1])]
                home = P[a["home"]]
                org = None
                o_name = ""
                if org_kind == "home":
                    org = self.place_actor[a["home"]]
                elif org_kind and org_kind.startswith("body:"):
                    org = self.bodies.get((a["home"], org_kind[5:])) or self.place_actor[a["home"]]
                elif org_kind == "party":
                    org = r.choice(self.parties_of.get(a["home"]) or self.parties)
                    o_name = org["name"]
                elif org_kind == "org":
                    org = r.choice(self.orgs)
                    o_name = org["name"]
                title = pat.format(x=home["name"], y=P[r.choice(places)]["name"], o=o_name,
                                   c=r.choice(V.CITIES)[0])
                if r.random() < 0.1:
                    s_o, s_p = None, "day"
                else:
                    s_o, s_p = self.partial(self.day_in_year(ya, True), (80, 15, 5))
                if i == k - 1 and a["y1"] == LAST_YEAR:
                    e_o, e_p = None, "day"
                else:
                    e_o, e_p = self.partial(self.day_in_year(yb, False), (80, 15, 5))
                    if e_p == "year" and yb == ya:
                        e_p = "day"
                        e_o = self.day_in_year(yb, False)
                rid += 1
                note = "Term dates from official biography." if r.random() < 0.05 else None
                f.write(f"{rid}\t{a['id']}\t{esc(title)}\t{org['id'] if org else chr(92) + 'N'}\t"
                        f"{iso(s_o) if s_o else chr(92) + 'N'}\t{s_p}\t{iso(e_o) if e_o else chr(92) + 'N'}\t"
                        f"{e_p}\t{esc(note)}\n")
        self.counts["roles"] = rid
        # outlets
        f = self.open("outlets", "base", ["id", "slug", "name", "country", "state_owned", "url", "note"])
        city_code = {"Tbilisi": "GE", "Moscow": "RU", "Minsk": "BY", "Kyiv": "UA", "Brussels": "BE",
                     "Geneva": "CH", "Yerevan": "AM", "Baku": "AZ", "Chisinau": "MD", "Vienna": "AT",
                     "Washington": "US", "Paris": "FR", "Berlin": "DE", "London": "GB", "Ankara": "TR",
                     "Astana": "KZ", "Beijing": "CN", "Istanbul": "TR", "Sochi": "RU", "Vladikavkaz": "RU",
                     "Batumi": "GE", "Kutaisi": "GE", "Gori": "GE", "Strasbourg": "FR", "Warsaw": "PL",
                     "Vilnius": "LT", "Riga": "LV", "Tallinn": "EE", "Bucharest": "RO", "Belgrade": "RS",
                     "Nicosia": "CY", "Rabat": "MA", "New York": "US", "Helsinki": "FI"}
        ru_cities = {"Moscow", "Minsk", "Sochi", "Vladikavkaz", "Tskhinvali", "Sukhumi", "Tiraspol",
                     "Donetsk", "Luhansk", "Astana"}
        self.outlets = []
        seen = set()
        while len(self.outlets) < self.n_outlets:
            city = r.choice(V.CITIES)[0]
            form = r.choice(V.OUTLET_FORMS)
            name = form.format(c=city)
            if name in seen:
                name = f"{name} {len(seen)}"
            seen.add(name)
            lang = "ru" if (city in ru_cities and r.random() < 0.8) or r.random() < 0.1 else "en"
            o = dict(id=len(self.outlets) + 1, slug=slugify(name), name=name, lang=lang)
            self.outlets.append(o)
            note = "Russian-language outlet." if lang == "ru" else None
            f.write(f"{o['id']}\t{o['slug']}\t{esc(name)}\t{esc(city_code.get(city))}\t"
                    f"{'t' if r.random() < 0.25 else 'f'}\thttps://{o['slug']}.example\t{esc(note)}\n")
        self.counts["outlets"] = len(self.outlets)
        outlets_by_lang = {"en": [o for o in self.outlets if o["lang"] == "en"],
                           "ru": [o for o in self.outlets if o["lang"] == "ru"] or self.outlets}
        # sources: dates first, sorted, so ids grow with the date
        kinds_cw = list(itertools.accumulate(k[1] for k in V.SOURCE_KINDS))
        dates = sorted(self.day_in_year(self.year()) for _ in range(self.n_sources))
        f = self.open("sources", "base", ["id", "outlet_id", "title", "url", "published_on",
                                          "published_precision", "language", "kind", "relays_source_id",
                                          "note"])
        self.src_by_lang = {"en": ([], []), "ru": ([], [])}   # (ordinals, ids)
        self.src_dates = dates
        for i, o in enumerate(dates):
            sid = i + 1
            lang = "ru" if r.random() < 0.3 else "en"
            kind = V.SOURCE_KINDS[bisect.bisect_left(kinds_cw, r.random() * kinds_cw[-1])][0]
            outlet = None if kind in ("telegram_post", "website_post") and r.random() < 0.7 else \
                r.choice(outlets_by_lang[lang])
            t = self.topics[r.randrange(len(self.topics))]
            w = r.choice(self.speakers[:200])
            i1, i2 = self.issue(lang), self.issue(lang)
            if lang == "en":
                title = r.choice(V.HEADLINES_EN).format(W=w["name"], np=t["np"], city=r.choice(V.CITIES)[0],
                                                        i1=i1, i2=i2)
            else:
                title = r.choice(["{W}: {np}", "{W} о главном: {i1}", "Переговоры в {city}: {i1} и {i2}",
                                  "{W}: {i1}, {np}"]).format(W=w["ru"] or w["name"], np=t["ru"], i1=i1,
                                                             i2=i2, city=r.choice(V.CITIES)[1])
            title = cap(title)
            d = datetime.date.fromordinal(o)
            if outlet:
                url = f"https://{outlet['slug']}.example/{d.year}/{d.month:02d}/{d.day:02d}/{sid}"
            elif r.random() < 0.9:
                url = f"https://t.me/{w['slug'].replace('-', '_')}/{sid}"
            else:
                url = None
            pub, prec = self.partial(o, (97, 2, 1))
            if kind == "reference" and r.random() < 0.5:
                pub = None
            relays = None
            if sid > 10 and r.random() < 0.05:
                relays = r.randint(max(1, sid - 500), sid - 1)
            note = "Machine-translated copy." if r.random() < 0.02 else None
            f.write(f"{sid}\t{outlet['id'] if outlet else chr(92) + 'N'}\t{esc(title[:500])}\t{esc(url)}\t"
                    f"{iso(pub) if pub else chr(92) + 'N'}\t{prec}\t{lang}\t{kind}\t"
                    f"{relays if relays else chr(92) + 'N'}\t{esc(note)}\n")
            self.src_by_lang[lang][0].append(o)
            self.src_by_lang[lang][1].append(sid)
        self.counts["sources"] = self.n_sources
        # topics
        f = self.open("topics", "base", ["id", "slug", "proposition", "description"])
        for t in self.topics:
            desc = f"Statements on {t['np']}." if r.random() < 0.3 else None
            f.write(f"{t['id']}\t{t['slug']}\t{esc(t['prop'])}\t{esc(desc)}\n")
        self.counts["topics"] = len(self.topics)
        # recognitions
        f = self.open("recognitions", "base", ["id", "state_id", "territory_id", "recognized_on",
                                               "recognized_precision", "withdrawn_on", "withdrawn_precision",
                                               "note"])
        fs = self.open("recognition_sources", "base", ["recognition_id", "source_id"])
        states = [self.place_actor[s[0]] for s in V.STATES]
        terrs = [self.place_actor[t[0]] for t in V.TERRITORIES]
        seen = set()
        nrs = 0
        rec = 0
        while rec < self.n_recognitions:
            s, t = r.choice(states), r.choice(terrs)
            o, prec = self.partial(self.day_in_year(self.year(1991, 2025)), (85, 10, 5))
            if (s["id"], t["id"], o) in seen:
                continue
            seen.add((s["id"], t["id"], o))
            rec += 1
            w_o, w_p = None, "day"
            if r.random() < 0.1:
                y = datetime.date.fromordinal(o).year
                w_o, w_p = self.partial(self.day_in_year(min(LAST_YEAR, y + r.randint(1, 10)), False),
                                        (85, 10, 5))
                if w_o < o:
                    w_o, w_p = o + 400, "day"
            note = r.choice([None, None, None, "Announced by the foreign ministry.",
                             "Diplomatic relations established the same day.",
                             "Reported by state media; no official document published."])
            f.write(f"{rec}\t{s['id']}\t{t['id']}\t{iso(o)}\t{prec}\t{iso(w_o) if w_o else chr(92) + 'N'}\t"
                    f"{w_p}\t{esc(note)}\n")
            i = bisect.bisect_left(self.src_dates, o)
            for sid in sorted(set(min(self.n_sources, i + 1 + r.randint(0, 20))
                                  for _ in range(r.randint(1, 3)))):
                fs.write(f"{rec}\t{sid}\n")
                nrs += 1
        self.counts["recognitions"] = rec
        self.counts["recognition_sources"] = nrs
        # events
        f = self.open("events", "base", ["id", "slug", "title", "occurred_on", "occurred_precision",
                                         "actor_id", "source_id", "description"])
        for i in range(1, self.n_events + 1):
            city = r.choice(V.CITIES)[0]
            i1 = self.issue("en")
            title = r.choice(["Talks in {c} on {i}", "Summit in {c}", "Referendum decree on {i}",
                              "Protest in {c} over {i}", "Agreement on {i} signed in {c}"]).format(c=city, i=i1)
            o, prec = self.partial(self.day_in_year(self.year()))
            a = r.choice(self.speakers[:500]) if r.random() < 0.7 else None
            sid = min(self.n_sources, bisect.bisect_left(self.src_dates, o) + 1)
            f.write(f"{i}\t{slugify(title)}-{i}\t{esc(title)}\t{iso(o)}\t{prec}\t"
                    f"{a['id'] if a else chr(92) + 'N'}\t{sid}\t\\N\n")
        self.counts["events"] = self.n_events

    # ------------------------------------------------------------ statements

    def issue(self, lang):
        words, cw = self.issues[lang]
        return words[bisect.bisect_left(cw, self.r.random() * cw[-1])]

    def setup_issues(self):
        self.issues = {}
        for lang, words in (("en", V.ISSUES_EN), ("ru", V.ISSUES_RU)):
            # 1/(k+3), thinned out exponentially toward the tail: at 1M
            # statements the commonest words are in ~15% of them, the rarest
            # in ~100-200.
            cw = list(itertools.accumulate(math.exp(-k / 80) / (k + 3) for k in range(len(words))))
            self.issues[lang] = (words, cw)
        # Searchable issue words: one word, lexeme not shared (AMBIGUOUS).
        self.term_of = {}
        for words in (V.ISSUES_EN, V.ISSUES_RU):
            for w in words:
                if " " not in w and "-" not in w and w not in AMBIGUOUS:
                    self.term_of[w] = w

    def sentence_en(self, a, stance, t, direct, S, pn, terms):
        r = self.r
        if direct:
            pool = {"supports": V.SUPPORT_EN, "opposes": V.OPPOSE_EN, "conditional": V.COND_LEAD_EN,
                    "neutral": V.NEUTRAL_EN}[stance[1]]
        else:
            pool = {"supports": V.PARA_SUPPORT_EN, "opposes": V.PARA_OPPOSE_EN,
                    "conditional": V.PARA_COND_EN, "neutral": V.PARA_NEUTRAL_EN}[stance[1]]
        s = r.choice(pool)
        return s.format(np=t["np"], NP=cap(t["np"]), prop=t["prop"], when=r.choice(V.WHEN_EN),
                        cond=stance[3] or r.choice(V.COND_EN), S=cap(S), pn=pn)

    def filler(self, lang, direct, pn, terms):
        r = self.r
        if lang == "en":
            s = r.choice(V.FILLER_EN if direct else V.PARA_FILLER_EN)
        else:
            s = r.choice(V.FILLER_RU if direct else V.PARA_FILLER_RU)
        used = []
        for slot in ("1", "2", "3"):
            if "{i" + slot + "}" in s or "{I" + slot + "}" in s:
                used.append(self.issue(lang))
            else:
                used.append("")
        i1, i2, i3 = used
        if lang == "en":
            s = s.format(i1=i1, i2=i2, i3=i3, I1=cap(i1), adj=r.choice(V.ADJ_EN), when=r.choice(V.WHEN_EN),
                         city=r.choice(V.CITIES)[0], Pn=cap(pn))
        else:
            s = s.format(i1=i1, i2=i2, i3=i3, city=r.choice(V.CITIES)[1])
        tf = self.term_of
        for w in used:
            if w in tf:
                terms.add(w)
        return s

    def sentence_ru(self, a, stance, t, direct, terms):
        r = self.r
        if direct:
            pool = {"supports": V.SUPPORT_RU, "opposes": V.OPPOSE_RU, "conditional": V.COND_LEAD_RU,
                    "neutral": V.NEUTRAL_RU}[stance[1]]
        else:
            pool = {"supports": V.PARA_SUPPORT_RU, "opposes": V.PARA_OPPOSE_RU,
                    "conditional": V.PARA_COND_RU, "neutral": V.PARA_NEUTRAL_RU}[stance[1]]
        s = r.choice(pool)
        if a is None:
            S, said, past_f, refl = "Официальный представитель", "заявил", "", "ся"
        else:
            S, said, past_f, refl = a["S_ru"], a["said"], a["past_f"], a["refl"]
        return s.format(np=t["ru"], NP=cap(t["ru"]), when=r.choice(V.WHEN_RU),
                        cond=stance[4] or r.choice(V.COND_RU), S=S, said=said, past_f=past_f, refl=refl)

    def write_statements(self):
        r = self.r
        N = self.n
        self.setup_issues()
        cols_s = ["id", "actor_id", "attribution", "said_on", "said_precision", "kind", "language",
                  "context", "summary", "note", "status", "status_note"]
        fs = self.open("statements", "statements", cols_s)
        fr = self.open("statement_reports", "statements", ["statement_id", "source_id", "wording", "note"])
        ft = self.open("stances", "statements", ["id", "statement_id", "topic_id", "position", "condition",
                                                 "note"])
        nd = open(os.path.join(self.out, "import.ndjson"), "w", encoding="utf-8", newline="\n")
        speakers = r.choices(self.speakers, cum_weights=self.speaker_cw, k=N)
        cond_pairs = list(zip(V.COND_EN, V.COND_RU))
        place_names = [p for p in self.places.values() if p["kind"] in ("state", "territory")]
        n_reports = n_stances = 0
        seen_lines = set()
        single = {}
        pairs = {}
        # For the filter scenario: dates of (busy actor, topic) statements.
        busy = set(a["id"] for a in self.speakers[:150])
        at_dates = {}
        self.actor_count = {}
        ids = 0
        while ids < N:
            a = speakers[ids]
            # ~5% attribution only, ~1% actor and attribution.
            x = r.random()
            attribution = None
            if x < 0.05:
                attribution = r.choice(V.ATTRIBUTIONS_EN).format(x=r.choice(place_names)["name"])
                speaker = None
            else:
                speaker = a
                if x < 0.06 and a["kind"] != "person":
                    attribution = r.choice(V.ATTRIBUTIONS_EN).format(x=self.places[a["home"]]["name"])
            ref = speaker or self.speakers[r.randrange(len(self.speakers))]
            y = self.year(ref["year_lo"], ref["year_hi"])
            said, prec = self.partial(self.day_in_year(y))
            until = self.period_end(said, prec)
            lang = "ru" if r.random() < ref["ru_p"] else "en"
            direct = r.random() < 0.6
            # stances
            k = 1 if r.random() < 0.55 else 2 if r.random() < 0.67 else 3
            k = min(k, len(ref["topics"]))
            chosen = []
            while len(chosen) < k:
                t = ref["topics"][bisect.bisect_left(ref["topic_cw"], r.random() * ref["topic_cw"][-1])]
                if t not in chosen:
                    chosen.append(t)
            stances = []
            for t in chosen:
                x = r.random()
                base = ref["pos"][t]
                if x < 0.7:
                    pos = base
                elif x < 0.8:
                    pos = "opposes" if base == "supports" else "supports"
                elif x < 0.9:
                    pos = "conditional"
                else:
                    pos = "neutral"
                ce = cr = None
                if pos == "conditional":
                    ce, cr = r.choice(cond_pairs)
                note = "Position inferred from the context." if r.random() < 0.03 else None
                stances.append((t, pos, note, ce, cr))
            # summary (English, as editors write it)
            S_sum = speaker["S_en"] if speaker else attribution
            t0 = self.topics[stances[0][0] - 1]
            p0 = stances[0][1]
            summary = cap(S_sum) + " " + {
                "supports": f"supports {t0['np']}.", "opposes": f"rejects {t0['np']}.",
                "conditional": f"would accept {t0['np']} only {stances[0][3]}.",
                "neutral": f"declines to take a position on {t0['np']}."}[p0]
            for st in stances[1:]:
                tt = self.topics[st[0] - 1]
                summary += " Also " + {"supports": "supports", "opposes": "rejects",
                                       "conditional": "conditionally accepts",
                                       "neutral": "is noncommittal on"}[st[1]] + f" {tt['np']}."
            context = None
            if r.random() < 0.5:
                context = r.choice(V.CONTEXTS_EN).format(outlet=r.choice(self.outlets)["name"],
                                                         city=r.choice(V.CITIES)[0])
            note = r.choice(["Date from the source's dateline.", "Wording differs between sources.",
                             "Translated by the outlet."]) if r.random() < 0.03 else None
            x = r.random()
            status, status_note = "published", None
            if x < 0.03:
                status, status_note = "disputed", r.choice(V.STATUS_NOTES["disputed"])
            elif x < 0.04:
                status, status_note = "retracted", r.choice(V.STATUS_NOTES["retracted"])
            # reports
            nrep = 1 if r.random() < 0.55 else 2 if r.random() < 0.67 else 3
            dates, sids = self.src_by_lang[lang]
            i = bisect.bisect_left(dates, said)
            srcs = []
            while len(srcs) < nrep:
                j = i + r.randint(0, 40)
                if j >= len(sids):
                    j = len(sids) - 1 - r.randint(0, min(40, len(sids) - 1))
                if sids[j] not in srcs:
                    srcs.append(sids[j])
            reports = []
            rep_terms = []
            for sid in srcs:
                terms = set()
                parts = []
                if lang == "en":
                    if speaker is None:
                        S, pn = attribution, "they"
                    else:
                        S, pn = speaker["S_en"], speaker["pn"]
                    for st in stances:
                        parts.append(self.sentence_en(speaker, st, self.topics[st[0] - 1], direct, S, pn, terms))
                        if r.random() < 0.6:
                            parts.append(self.filler("en", direct, pn, terms))
                else:
                    for st in stances:
                        parts.append(self.sentence_ru(speaker, st, self.topics[st[0] - 1], direct, terms))
                        if r.random() < 0.6:
                            parts.append(self.filler("ru", direct, "", terms))
                if r.random() < 0.3:
                    parts.append(self.filler(lang, direct, (speaker or {}).get("pn", "they"), terms))
                wording = " ".join(parts)
                if direct and lang == "en" and r.random() < 0.5:
                    wording = "\u201c" + wording + "\u201d"
                rnote = "Relays another outlet." if r.random() < 0.02 else None
                reports.append((sid, wording, rnote))
                rep_terms.append(terms)
            obj = {"type": "statement"}
            if speaker:
                obj["actor"] = speaker["slug"]
            if attribution:
                obj["attribution"] = attribution
            obj["said_on"] = self.date_text(said, prec)
            obj["kind"] = "direct_quote" if direct else "paraphrase"
            obj["language"] = lang
            if context:
                obj["context"] = context
            obj["summary"] = summary
            if note:
                obj["note"] = note
            if status != "published":
                obj["status"] = status
                obj["status_note"] = status_note
            obj["reports"] = [dict([("source", s), ("wording", w)] + ([("note", n)] if n else []))
                              for s, w, n in reports]
            obj["stances"] = [dict([("topic", self.topics[t - 1]["slug"]), ("position", p)]
                                   + ([("condition", ce)] if ce else []) + ([("note", n)] if n else []))
                              for t, p, n, ce, cr in stances]
            line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            digest = hashlib.blake2b(line.encode(), digest_size=12).digest()
            if digest in seen_lines:
                continue   # an identical line would be skipped by import: draw again
            seen_lines.add(digest)
            ids += 1
            sid_ = ids
            nd.write(line + "\n")
            fs.write(f"{sid_}\t{speaker['id'] if speaker else chr(92) + 'N'}\t{esc(attribution)}\t{iso(said)}\t"
                     f"{prec}\t{obj['kind']}\t{lang}\t{esc(context)}\t{esc(summary)}\t{esc(note)}\t{status}\t"
                     f"{esc(status_note)}\n")
            for s, w, n in reports:
                fr.write(f"{sid_}\t{s}\t{esc(w)}\t{esc(n)}\n")
            for t, p, n, ce, cr in stances:
                n_stances += 1
                ft.write(f"{n_stances}\t{sid_}\t{t}\t{p}\t{esc(ce)}\t{esc(n)}\n")
            n_reports += len(reports)
            # search counts: a statement matches a word when one report has it,
            # a pair when one report has both.
            u = set()
            up = set()
            for terms in rep_terms:
                u |= terms
                if len(terms) > 1:
                    up.update(itertools.combinations(sorted(terms), 2))
            for w in u:
                single[w] = single.get(w, 0) + 1
            for p in up:
                pairs[p] = pairs.get(p, 0) + 1
            if speaker:
                self.actor_count[speaker["id"]] = self.actor_count.get(speaker["id"], 0) + 1
                if speaker["id"] in busy:
                    for st in stances:
                        at_dates.setdefault((speaker["id"], st[0]), []).append((said, until))
        nd.close()
        self.counts.update(statements=N, statement_reports=n_reports, stances=n_stances)
        self.single, self.pairs, self.at_dates = single, pairs, at_dates

    # ------------------------------------------------------------ params

    def write_params(self):
        r = random.Random(f"{self.seed}/params")
        N = self.n
        ids = sorted(r.sample(range(1, N + 1), min(1000, N)))
        r.shuffle(ids)
        # filtered list: (actor, topic, from, to) with >= 50 matches (fewer
        # at small N: the most the busiest pairs have)
        need = max(5, min(50, round(50 * N / 1_000_000 * 20)))
        tuples = []
        keys = sorted(self.at_dates, key=lambda k: (-len(self.at_dates[k]), k))
        by_id = {a["id"]: a for a in self.actors}
        for key in keys:
            if len(tuples) >= 50:
                break
            ds = self.at_dates[key]
            if len(ds) < need:
                continue
            years = sorted(set(datetime.date.fromordinal(d[0]).year for d in ds))
            for _ in range(6):
                span = r.randint(2, 5)
                y0 = r.choice(years)
                lo = datetime.date(y0, 1, 1).toordinal()
                hi = datetime.date(min(LAST_YEAR, y0 + span - 1), 12, 31).toordinal()
                c = sum(1 for s, u in ds if u >= lo and s <= hi)
                if c >= need:
                    tuples.append({"actor": by_id[key[0]]["slug"], "topic": self.topics[key[1] - 1]["slug"],
                                   "from": iso(lo), "to": iso(hi), "matches": c})
                    break
        # full-text search
        lo_c = max(2, round(100 * N / 1_000_000))
        hi_c = max(lo_c * 10, round(20_000 * N / 1_000_000))
        queries = []

        def spread(cands, k):
            cands = sorted(cands, key=lambda c: (c[1], c[0]))
            if len(cands) <= k:
                return cands
            # evenly over log(count)
            out = []
            logs = [math.log(c[1]) for c in cands]
            for i in range(k):
                target = logs[0] + (logs[-1] - logs[0]) * i / max(1, k - 1)
                j = min(range(len(cands)), key=lambda j: (abs(logs[j] - target), j))
                if cands[j] not in out:
                    out.append(cands[j])
            return out

        def is_ru(w):
            return w[0] >= "\u0400"

        s_en = [(w, c) for w, c in self.single.items() if lo_c <= c <= hi_c and not is_ru(w)]
        s_ru = [(w, c) for w, c in self.single.items() if lo_c <= c <= hi_c and is_ru(w)]
        p_en = [(a + " " + b, c) for (a, b), c in self.pairs.items() if lo_c <= c <= hi_c and not is_ru(a)]
        p_ru = [(a + " " + b, c) for (a, b), c in self.pairs.items() if lo_c <= c <= hi_c and is_ru(a)]
        for cands, k, lang, kind in ((s_en, 18, "en", "word"), (s_ru, 10, "ru", "word"),
                                     (p_en, 14, "en", "pair"), (p_ru, 8, "ru", "pair")):
            for q, c in spread(cands, k):
                queries.append({"q": q, "lang": lang, "kind": kind, "matches": c})
        top = sorted(self.actor_count.items(), key=lambda x: (-x[1], x[0]))[:20]
        params = {
            "generator": {"statements": N, "seed": self.seed},
            "statement_ids": ids,
            "filtered": tuples,
            "search": queries,
            "busiest_actors": [{"actor": by_id[i]["slug"], "statements": c} for i, c in top],
            "topics": [t["slug"] for t in self.topics[:20]],
        }
        with open(os.path.join(self.out, "params.json"), "w", encoding="utf-8") as f:
            json.dump(params, f, ensure_ascii=False, indent=1)
            f.write("\n")

    def run(self):
        self.build_places()
        self.build_topics()
        self.build_actors()
        self.setup_issues()
        self.write_base()
        self.write_statements()
        self.write_params()
        self.close_all(self.counts)
        return self.counts

    def vocabulary(self):
        """Every word the generator can write (for the lexeme check)."""
        self.build_places()
        self.build_topics()
        self.build_actors()
        texts = []
        for name in dir(V):
            v = getattr(V, name)
            if isinstance(v, list) and name not in ("ISSUES_EN", "ISSUES_RU"):
                for x in v:
                    texts.extend(str(y) for y in (x if isinstance(x, (tuple, list)) else [x]))
        for t in self.topics:
            texts += [t["prop"], t["np"], t["ru"]]
        for a in self.actors:
            texts += [a["name"]] + a["other"]
        words = set()
        for s in texts:
            words.update("other\t" + w.lower() for w in re.findall(r"\w+", s))
        for s in V.ISSUES_EN + V.ISSUES_RU:
            words.update("issue\t" + w.lower() for w in re.findall(r"\w+", s))
        return sorted(words)


def main():
    ap = argparse.ArgumentParser(description="Deterministic onrecord benchmark data.")
    ap.add_argument("--statements", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--vocabulary", action="store_true",
                    help="print every word the generator can write (issue or other, tab, word) and exit")
    a = ap.parse_args()
    if a.statements < 100:
        ap.error("--statements must be at least 100")
    g = Gen(a.statements, a.seed, a.out)
    if a.vocabulary:
        sys.stdout.write("\n".join(g.vocabulary()) + "\n")
        return
    os.makedirs(a.out, exist_ok=True)
    t0 = time.monotonic()
    counts = g.run()
    for k, v in counts.items():
        print(f"{k:20s} {v:>10d}")
    print(f"generated in {time.monotonic() - t0:.1f}s -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
