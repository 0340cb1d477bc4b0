#!/usr/bin/env python3
"""Generates the word lists that person and acronym recognition use: Sources/ScriptoriumNormalize/GivenNamesData.swift
(given names), FamilyFirstNamesData.swift (family names of East Asian names, which are written first) and
EnglishWordsData.swift (short English words in capitals, which initials must not spell), CommonWordsData.swift
(every English word in lower case: a capitalised word that is none may be a name no list has) and NotNamesData.swift
(capitalised words that are no names: peoples, languages, adjectives of names and creeds).

    pip install -r Tools/names/requirements.txt          # pinned versions
    apt-get install wamerican wbritish                    # the English word lists (stop lists)
    python3 Tools/names/generate.py

Source: the first-name dictionary of gender-guesser 0.4.0 (nam_dict.txt by Jörg Michael, about 48,000 first names
from 54 countries, licensed under the GNU Free Documentation License 1.2 or any later version). Only the names
are kept, not genders or frequencies. A name is left out when:
- it is an English word in lower case in Debian's wamerican list ("will", "may", "grant", "page"): such a word
  begins sentences and titles in any text, and capitals say nothing there; unless it is a common name (frequency
  5 or more in some country), of four letters or more, that the list also has as a proper noun (John, Peter, Mark,
  Harry, Martin);
- it is a particle of surnames and place names ("van", "bin", "san"), shorter than three letters ("Wa", "Li": too
  often a syllable of other words and names), or
  not made of letters (a "+" in the source joins the parts of Asian names; each part is kept on its own).
Family names written before the given name ("Hu Jintao", "Chiang Kai-shek", "Kim Jong-un", "Nguyen Van Thieu"):
the romanised Chinese family names of Faker's zh_CN (pinyin) and zh_TW (Wade-Giles) person providers and the
Vietnamese ones of vi_VN with their diacritics removed (Faker, MIT licence), and the common Korean family names in
their usual romanisations (listed below: Faker's ko_KR has them in Hangul only). Those that are English words in
lower case ("he", "long", "park", "moon") go to a second table: they name a person only before a hyphenated given
name ("Park Chung-hee", "Moon Jae-in").
The common words are the words of Debian's wamerican and wbritish (British spellings: "defence", "organisation",
"centre") that begin in lower case (no possessives), grouped by their length in bytes. The words that are no names are wamerican's capitalised words that are no English word in lower case and
have a plural in the list ("Korean", "Koreans"; a people or a family more often than a name) or end like an
adjective or a creed ("-ese", "-ish", "-ian", "-ean", "-ic", "-ism", "-ist"), and the one-word names of languages in
ISO 639-3 (pycountry).
Each output is one Swift string literal of fixed-width records (a name of at most 16 UTF-8 bytes padded with "."),
sorted by their bytes, so the tool searches it in place; re-running with the pinned version gives it byte for byte.
"""
import os, sys, unicodedata

import pycountry
import faker.providers.person.vi_VN as faker_vi
import faker.providers.person.zh_CN as faker_zh_cn
import faker.providers.person.zh_TW as faker_zh_tw
import gender_guesser

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
WIDTH = 16
OUT = os.path.join(ROOT, "Sources", "ScriptoriumNormalize", "GivenNamesData.swift")
WORDS_WIDTH = 5
FAMILY_WIDTH = 8
COMMON_OUT = os.path.join(ROOT, "Sources", "ScriptoriumNormalize", "CommonWordsData.swift")
NOT_NAMES_WIDTH = 16
NOT_NAMES_OUT = os.path.join(ROOT, "Sources", "ScriptoriumNormalize", "NotNamesData.swift")
FAMILY_OUT = os.path.join(ROOT, "Sources", "ScriptoriumNormalize", "FamilyFirstNamesData.swift")
# Common Korean family names as English prose romanises them (Revised and McCune-Reischauer spellings).
KOREAN_FAMILY_NAMES = ["Ahn", "Bae", "Baek", "Chae", "Cho", "Choe", "Choi", "Chun", "Chung", "Ha", "Han", "Heo",
                       "Hong", "Hwang", "Jang", "Jeon", "Jeong", "Jo", "Jung", "Kang", "Kim", "Ko", "Kwon", "Lee",
                       "Lim", "Moon", "Nam", "Noh", "Oh", "Pak", "Park", "Rhee", "Ri", "Roh", "Ryu", "Seo", "Shin",
                       "Son", "Song", "Yang", "Yi", "Yoo", "Yoon", "Yu", "Yun"]
WORDS_OUT = os.path.join(ROOT, "Sources", "ScriptoriumNormalize", "EnglishWordsData.swift")
WORDS = "/usr/share/dict/american-english"
BRITISH_WORDS = "/usr/share/dict/british-english"
PARTICLES = {"al", "el", "la", "le", "de", "del", "della", "da", "das", "dos", "do", "di", "du", "van", "von",
             "der", "den", "ter", "ten", "bin", "ben", "ibn", "abu", "mac", "mc", "st", "san", "santa", "sao", "los",
             "las", "des", "lo", "y", "e", "ul", "ud", "ad", "ag", "ap", "au"}


def main():
    if not os.path.exists(BRITISH_WORDS):
        sys.exit("generate.py: needs Debian's wbritish (" + BRITISH_WORDS + ")")
    british_lower = {w.strip() for w in open(BRITISH_WORDS, encoding="utf-8") if w.strip() and w[0].islower()}
    if not os.path.exists(WORDS):
        sys.exit("generate.py: needs Debian's wamerican (" + WORDS + ")")
    words = [w.strip() for w in open(WORDS, encoding="utf-8") if w.strip()]
    lower = {w for w in words if w[0].islower()}
    proper = {w for w in words if w[0].isupper()}
    source = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    names = set()
    for line in open(source, encoding="utf-8"):
        if line.startswith("#") or len(line) < 30 or line[0] == "=":
            continue
        # The name's highest frequency in any country (a hex digit per country column, 1 rare to D very common).
        frequency = max((int(c, 16) for c in line[30:85] if c in "0123456789ABCDEF"), default=0)
        for part in line[3:29].strip().split("+"):
            name = unicodedata.normalize("NFC", part.strip())
            if len(name) < 3 or not name.isalpha() or not name[0].isupper() or not name[1:].islower():
                continue
            if name.lower() in PARTICLES:
                continue
            # An English word is a name only when it is a common one (frequency 5 or more), of four letters or
            # more, that the word list also has as a proper noun: John, Peter, Mark, Harry, Frank, Martin (not
            # Will, May, Can, Long's three-letter kin Tom, Son, Sun, Van).
            if name.lower() in lower and not (frequency >= 5 and len(name) >= 4 and name in proper):
                continue
            names.add(name)
    records = sorted(n.encode("utf-8").ljust(WIDTH, b".") for n in names if len(n.encode("utf-8")) <= WIDTH)
    body = "\n".join(r.decode("utf-8") for r in records)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by Tools/names/generate.py from gender-guesser 0.4.0's nam_dict.txt (Jörg Michael;\n"
                "// GNU Free Documentation License 1.2 or any later version). Do not edit by hand.\n\n"
                "extension GivenNames {\n"
                f"    /// First names of at most {WIDTH} bytes, each padded with \".\" to {WIDTH} bytes and followed by a\n"
                "    /// line feed, sorted by their bytes: searched in place, with nothing built at run time.\n"
                f"    static let width = {WIDTH}\n"
                "    static let data: StaticString = \"\"\"\n" + body + "\n\"\"\"\n}\n")
    print(f"{len(records)} given names -> {os.path.relpath(OUT, ROOT)}")

    def fold(name):
        return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)).replace(
            "Đ", "D").replace("đ", "d")
    family = {n.title() for n in list(faker_zh_cn.Provider.last_romanized_names)
              + list(faker_zh_tw.Provider.last_romanized_names)}
    family |= {fold(n) for n in faker_vi.Provider.last_names} | set(KOREAN_FAMILY_NAMES)
    family = {n for n in family if n.isascii() and n.isalpha() and 2 <= len(n) <= FAMILY_WIDTH}
    plain = sorted(n.encode().ljust(FAMILY_WIDTH, b".") for n in family if n.lower() not in lower)
    wordlike = sorted(n.encode().ljust(FAMILY_WIDTH, b".") for n in family if n.lower() in lower)
    with open(FAMILY_OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by Tools/names/generate.py from Faker's zh_CN, zh_TW and vi_VN person providers (MIT\n"
                "// licence) and a list of common Korean family names. Do not edit by hand.\n\n"
                "extension FamilyFirstNames {\n"
                f"    /// Family names of at most {FAMILY_WIDTH} letters that are no English word, each padded with \".\" to\n"
                f"    /// {FAMILY_WIDTH} bytes and followed by a line feed, sorted by their bytes.\n"
                f"    static let width = {FAMILY_WIDTH}\n"
                "    static let plainData: StaticString = \"\"\"\n" + "\n".join(w.decode() for w in plain) + "\n\"\"\"\n"
                "    /// Family names that are also English words in lower case (\"Park\", \"Moon\"), laid out alike.\n"
                "    static let wordData: StaticString = \"\"\"\n" + "\n".join(w.decode() for w in wordlike)
                + "\n\"\"\"\n}\n")
    print(f"{len(plain)} + {len(wordlike)} family names written first -> {os.path.relpath(FAMILY_OUT, ROOT)}")

    # Every English word in lower case, by length: a run of words of one length, sorted, per length.
    common = sorted({w for w in lower | british_lower if "'" not in w}, key=lambda w: (len(w.encode()), w.encode()))
    longest = max(len(w.encode()) for w in common)
    starts, text, offset = [], [], 0
    for length in range(0, longest + 2):
        starts.append(offset)
        for w in common:
            if len(w.encode()) == length:
                text.append(w)
                offset += length
    with open(COMMON_OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by Tools/names/generate.py from Debian's wamerican and wbritish word lists (SCOWL; see their\n"
                "// copyright files: free to use, copy and modify with their notice). Do not edit by hand.\n\n"
                "extension CommonWords {\n"
                "    /// English words in lower case, laid end to end without separators: the words of each length in\n"
                "    /// byte order, the lengths in turn. The words of length L are the bytes from `starts[L]` to\n"
                "    /// `starts[L + 1]`.\n"
                f"    static let starts: [Int] = {starts}\n"
                "    static let data: StaticString = \"\"\"\n" + "".join(text) + "\n\"\"\"\n}\n")
    print(f"{len(common)} common words -> {os.path.relpath(COMMON_OUT, ROOT)}")

    # Capitalised words that are no names: peoples, adjectives, creeds and languages.
    suffixes = ("ese", "ish", "ian", "ean", "ic", "ism", "ist", "ists")
    not_names = {p for p in proper if "'" not in p and p.lower() not in lower and p[1:].islower()
                 and (p + "s" in proper or p.endswith(suffixes))}
    not_names |= {x.name for x in pycountry.languages if x.name.isalpha() and x.name[0].isupper()}
    records = sorted(n.encode().ljust(NOT_NAMES_WIDTH, b".") for n in not_names
                     if len(n.encode()) <= NOT_NAMES_WIDTH)
    with open(NOT_NAMES_OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by Tools/names/generate.py from Debian's wamerican word list (SCOWL) and the language\n"
                "// names of ISO 639-3 (pycountry; Debian iso-codes). Do not edit by hand.\n\n"
                "extension NotNames {\n"
                f"    /// Capitalised words of at most {NOT_NAMES_WIDTH} bytes that are no names, each padded with \".\" to\n"
                f"    /// {NOT_NAMES_WIDTH} bytes and followed by a line feed, sorted by their bytes.\n"
                f"    static let width = {NOT_NAMES_WIDTH}\n"
                "    static let data: StaticString = \"\"\"\n" + "\n".join(r.decode() for r in records) + "\n\"\"\"\n}\n")
    print(f"{len(records)} capitalised words that are no names -> {os.path.relpath(NOT_NAMES_OUT, ROOT)}")

    # English words of two to five letters in capitals: initials that spell one ("OF", "IT", "RATS") are no acronym.
    shorts = sorted(w.upper().encode("ascii").ljust(WORDS_WIDTH, b".") for w in lower
                   if 2 <= len(w) <= WORDS_WIDTH and w.isascii() and w.isalpha())
    with open(WORDS_OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by Tools/names/generate.py from Debian's wamerican word list (SCOWL; see its copyright\n"
                "// file: free to use, copy and modify with its notice). Do not edit by hand.\n\n"
                "extension EnglishWords {\n"
                f"    /// English words of 2 to {WORDS_WIDTH} letters, in capitals, each padded with \".\" to {WORDS_WIDTH} bytes and\n"
                "    /// followed by a line feed, sorted by their bytes.\n"
                f"    static let width = {WORDS_WIDTH}\n"
                "    static let data: StaticString = \"\"\"\n" + "\n".join(w.decode() for w in shorts) + "\n\"\"\"\n}\n")
    print(f"{len(shorts)} short English words -> {os.path.relpath(WORDS_OUT, ROOT)}")


if __name__ == "__main__":
    main()
