import ScriptoriumModel

/// People's names, recognised without a lexicon from the document's own evidence: "President Mohamed Bazoum",
/// "Thabo Mbeki", "Kassym-Jomart Tokayev" after "President", and then a bare "Tokayev" later in the same document.
/// Typed `person`, never given an id (nothing says which Wikidata item a name is); the entity id comes from the
/// name, so the same name in several documents is one entity.
///
/// Evidence, at a capitalised word that no lexicon name or head-noun name starts with:
/// - a **title** ("President", "Prime Minister", "King", "Chancellor", "Secretary-General", "Admiral"…) followed by
///   one to three capitalised words: they are the name (the title is not part of it);
/// - a **given name** from a generated list (``GivenNames``; English words such as "Will", "May" or "Grant" are not
///   in it) followed by one or two capitalised words: the name starts at the given name;
/// - an East Asian **family name**, which is written first (``FamilyFirstNames``: "Hu Jintao", "Chiang Kai-shek",
///   "Lee Kuan Yew"), followed by a given name: one or two capitalised words or a hyphenated one ("Kai-shek",
///   "Jong-un"). A family name that is also an English word ("Park", "Moon", "Lee") needs the hyphenated given name or
///   two more words.
/// A monarch's title is part of a one-word name ("King Hussein", "Emperor Hirohito": that is how they are named);
/// other titles are not ("President Sukarno" names Sukarno). "Jr." and "Sr." end a name with their full stop.
/// The words of a name are written in lower case after their first letter ("Mbeki", "Kassym-Jomart"; not "GPL"),
/// are no sentence-opening function word ("The", "When"), no head noun ("Council", "Treaty") and start no lexicon
/// name: "Georgia Tech" is Georgia (a lexicon place wins at its own start, and "Virginia Beach" is the lexicon's or
/// nothing), "President Bush" is a person, "General Assembly" no person. A possessive ends the name ("Kabila's").
/// The family name of a name of two words or more (the last word; the first for an East Asian name) is then a short
/// form of it (see ``DocumentAliases``).
enum PersonNames {
    /// Titles that come before a person's name and before nothing else in the texts the tool is for. ("General",
    /// "Major", "Secretary" and "Minister" alone come before common nouns too: "General Public License".)
    static let titles = WordSet([
        "President", "King", "Queen", "Emperor", "Empress", "Chancellor", "Premier", "Sultan", "Emir", "Sheikh",
        "Shah", "Ayatollah", "Pope", "Admiral", "Colonel", "Marshal", "Senator", "Ambassador", "Tsar", "Czar",
        "Kaiser", "Generalissimo", "Mr", "Mrs", "Ms", "Dr",
    ])
    /// Titles of monarchs, which are part of a name of one word.
    static let regnalTitles = WordSet(["King", "Queen", "Emperor", "Empress", "Sultan", "Emir", "Shah", "Tsar", "Czar",
                                       "Kaiser", "Pope"])
    /// Nouns that end the names of streets, buildings and places, not of people: "Franklin Street", "Virginia
    /// Beach", "Carnegie Hall".
    static let placeNouns = WordSet([
        "Street", "Road", "Avenue", "Lane", "Drive", "Boulevard", "Square", "Place", "Park", "Hall", "House",
        "Building", "Tower", "Bridge", "Station", "Beach", "Hill", "Hills", "Heights", "County", "City", "Town",
        "Village", "Springs", "Falls", "Creek", "University", "College", "School", "Hospital", "Church", "Cathedral",
        "Palace", "Castle", "Stadium", "Airport", "Institute", "Museum", "Library", "Gardens", "Way", "Court",
        "Dynasty", "Empire", "Kingdom", "Province", "Temple", "Mountain",
    ])

    /// Capitalised words of credits and notices that follow names but are none: "Tim Janik Copyright 1998".
    static let notNameNouns = WordSet([
        "Copyright", "Copyleft", "Inc", "Ltd", "Limited", "Corp", "Corporation", "Company", "Software", "Project",
        "Team", "Authors", "Author", "Contributors", "Maintainer", "Maintainers", "All", "Rights", "Reserved",
        "Version", "Release", "Email", "Mail", "Web", "Page", "Home", "Thanks", "See",
    ])

    /// First words of two-word titles, with the second word each needs.
    static let titleFirstWords = WordSet(["Prime", "Foreign", "Defence", "Defense", "Field", "Vice", "Crown", "Secretary"])
    static let titleSecondWords = WordSet(["Minister", "Marshal", "President", "Prince", "General"])

    /// The person named at the capitalised word `i..<wordEnd`, if the evidence is there: the name's range (after
    /// any title). `startsName(k)` says whether a lexicon name starts at `k`.
    static func match(at i: Int, wordEnd: Int, _ p: UnsafePointer<UInt8>, _ n: Int,
                      startsName: (Int) -> Bool) -> Range<Int>? {
        var first = -1, maxWords = 0, minWords = 1
        if titles.contains(p, i, wordEnd) {
            first = wordEnd + 1
            maxWords = 3
            if wordEnd < n, p[wordEnd] == UInt8(ascii: ".") { first += 1 }  // "Dr. Kabila"
            // "King Hussein": a monarch's title and one name are the name.
            if regnalTitles.contains(p, i, wordEnd), first < n, p[first - 1] == UInt8(ascii: " "),
               let one = nameWords(from: first, max: 3, min: 1, p, n, startsName: startsName),
               !one.contains(where: { p[$0] == UInt8(ascii: " ") }) {
                return i..<one.upperBound
            }
        } else if FamilyFirstNames.plain.contains(p, i, wordEnd) {
            return nameWords(from: i, max: 3, min: 2, p, n, startsName: startsName)
        } else if FamilyFirstNames.word.contains(p, i, wordEnd) {
            // "Park Chung-hee", "Lee Kuan Yew"; not "Park Avenue" or "Long Island". (The family name itself may be
            // a word that names no person elsewhere, such as "Park".)
            guard wordEnd + 1 < n, p[wordEnd] == UInt8(ascii: " "),
                  let given = nameWords(from: wordEnd + 1, max: 2, min: 1, p, n, startsName: startsName) else { return nil }
            return isHyphenatedGivenName(given.lowerBound, given.upperBound, p)
                || given.contains(where: { p[$0] == UInt8(ascii: " ") }) ? i..<given.upperBound : nil
        } else if titleFirstWords.contains(p, i, wordEnd), wordEnd + 1 < n,
                  p[wordEnd] == UInt8(ascii: " ") || p[wordEnd] == UInt8(ascii: "-") {
            var k = wordEnd + 1
            while k < n && WordBoundary.isASCIIWordByte(p[k]) { k += 1 }
            guard titleSecondWords.contains(p, wordEnd + 1, k) else { return nil }
            first = k + 1
            maxWords = 3
        } else if GivenNames.contains(p, i, wordEnd), !ProperNames.notNameWords.contains(p, i, wordEnd) {
            return nameWords(from: i, max: 3, min: 2, p, n, startsName: startsName)
        } else {
            return nil
        }
        guard first < n, p[first - 1] == UInt8(ascii: " ") else { return nil }
        return nameWords(from: first, max: maxWords, min: minWords, p, n, startsName: startsName)
    }

    /// `min` to `max` words of a name from `i`, separated by single spaces; nil when fewer.
    private static func nameWords(from i: Int, max: Int, min: Int, _ p: UnsafePointer<UInt8>, _ n: Int,
                                  startsName: (Int) -> Bool) -> Range<Int>? {
        var end = i, words = 0
        while words < max {
            var start = words == 0 ? i : end + 1
            if words > 0 { guard end < n, p[end] == UInt8(ascii: " ") else { break } }
            // "Charles de Gaulle", "Ursula von der Leyen": particles in lower case before a later word of the name.
            if words > 0 {
                var k = start
                while let particleEnd = particle(at: k, p, n) { k = particleEnd + 1 }
                if k > start && nameWord(at: k, p, n) != nil { start = k }
            }
            // A lexicon name may be the last word: a one-word place that is a surname too ("Bernard Montgomery",
            // "René Pleven", "Charles Darwin"), after words that already make a name; not one of several words
            // ("Joseph Montgomery County" has no person).
            guard let e = nameWord(at: start, p, n),
                  words == 0 && min > 1 || !startsName(start) || words >= 1 && words + 1 >= min && endsName(e, p, n)
            else { break }
            // A third word that is a given name and has a capitalised word after it starts the next person of a list:
            // "Jakub Stachowski James Westby", "Thomas Henlich Tim May" (but "Gamal Abdel Nasser", whose Nasser is a
            // given name too, is one).
            if words == 2 && GivenNames.contains(p, start, e) && e + 1 < n && p[e] == UInt8(ascii: " ")
                && ProperNames.isCapital(at: e + 1, p, n) { break }
            end = e
            words += 1
            if isPossessive(at: e, p, n) { break }
        }
        guard words >= min else { return nil }
        // "Ferdinand Marcos Jr.": the suffix's full stop belongs to the name.
        if words > 1, end < n, p[end] == UInt8(ascii: "."), end >= 2, p[end - 1] == UInt8(ascii: "r"),
           p[end - 2] == UInt8(ascii: "J") || p[end - 2] == UInt8(ascii: "S"), end == 2 || p[end - 3] == UInt8(ascii: " ") {
            end += 1
        }
        return i..<end
    }

    /// Whether a name may end at `e`: no capitalised word or particle follows.
    private static func endsName(_ e: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        !(e + 1 < n && p[e] == UInt8(ascii: " ") && (ProperNames.isCapital(at: e + 1, p, n) || isParticle(at: e + 1, p, n)))
    }

    /// Whether `p[i..<j]` is one word of two short parts joined by a hyphen, the second in lower case: an East Asian
    /// given name ("Kai-shek", "Jong-un", "Chung-hee").
    private static func isHyphenatedGivenName(_ i: Int, _ j: Int, _ p: UnsafePointer<UInt8>) -> Bool {
        guard let h = (i..<j).first(where: { p[$0] == UInt8(ascii: "-") }) else { return false }
        return h - i <= 5 && j - h - 1 <= 5 && (h + 1..<j).allSatisfy { p[$0] >= UInt8(ascii: "a") && p[$0] <= UInt8(ascii: "z") }
    }

    /// The end of a surname particle and the space after it at `i` ("de ", "von ", "bin "), or nil; with `set`,
    /// a particle of that set (place names have their own: ``UnlistedNames``).
    static func particle(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int, in set: WordSet = particles) -> Int? {
        var j = i
        while j < n && p[j] >= UInt8(ascii: "a") && p[j] <= UInt8(ascii: "z") { j += 1 }
        guard j > i, j < n, p[j] == UInt8(ascii: " "), !WordBoundary.isWord(before: i, p, n),
              set.contains(p, i, j) else { return nil }
        return j
    }

    /// Whether a surname particle and a space start at `i` (cheap first: its first letter).
    static func isParticle(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let b = p[i]
        guard b == UInt8(ascii: "d") || b == UInt8(ascii: "v") || b == UInt8(ascii: "b") || b == UInt8(ascii: "i")
                || b == UInt8(ascii: "l") || b == UInt8(ascii: "t") else { return false }
        return particle(at: i, p, n) != nil
    }

    private static let particles = WordSet(["de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "ter",
                                            "bin", "ibn", "le", "la"])

    /// The end of a word of a name at `i`: a capital, then lower-case letters (any script; a capital after them
    /// too: "McCarthy", "MacArthur", not "GPL"), hyphenated parts alike; "al-Assad" and "el-Sisi" as well. With
    /// `anyNoun`, a noun of places and buildings or of credits may be the word too ("Province", "House",
    /// "Project": in a name of a place or a body, not of a person).
    static func nameWord(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int, anyNoun: Bool = false) -> Int? {
        if i + 3 < n, p[i + 2] == UInt8(ascii: "-"), p[i + 1] == UInt8(ascii: "l"),
           p[i] == UInt8(ascii: "a") || p[i] == UInt8(ascii: "e"), !WordBoundary.isWord(before: i, p, n),
           ProperNames.isCapital(at: i + 3, p, n), let end = nameWord(at: i + 3, p, n, anyNoun: anyNoun) {
            return end
        }
        guard i < n, ProperNames.isCapital(at: i, p, n), !WordBoundary.isWord(before: i, p, n) else { return nil }
        var j = i
        while true {
            let start = j
            j += p[j] < 0x80 ? 1 : WordBoundary.decode(p, j, n).length
            var lower = 0
            while j < n && WordBoundary.isWord(at: j, p, n) {
                let b = p[j]
                if WordBoundary.isDigit(b) || b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") && lower == 0 { return nil }
                if b < 0x80 { lower += 1; j += 1 } else { lower += 1; j += WordBoundary.decode(p, j, n).length }
            }
            guard lower > 0, !ProperNames.notNameWords.contains(p, start, j), !ProperNames.isHeadWord(p, start, j),
                  !titles.contains(p, start, j),
                  anyNoun || !placeNouns.contains(p, start, j) && !notNameNouns.contains(p, start, j)
            else { return nil }
            // "Kai-shek", "Jong-un": a short second part in lower case after a short first one.
            if j - start <= 5, j + 1 < n, p[j] == UInt8(ascii: "-") {
                var k = j + 1
                while k < n && p[k] >= UInt8(ascii: "a") && p[k] <= UInt8(ascii: "z") { k += 1 }
                if k > j + 1, k - j - 1 <= 5, !WordBoundary.isWord(at: k, p, n), k >= n || p[k] != UInt8(ascii: "-") {
                    return k
                }
            }
            // "Kassym-Jomart", "Laurent-Désiré": a hyphen joins another capitalised part.
            guard j + 1 < n, p[j] == UInt8(ascii: "-"), ProperNames.isCapital(at: j + 1, p, n) else { return j }
            j += 1
        }
    }

    /// Whether a possessive's apostrophe (' or ’) is at `j`.
    static func isPossessive(at j: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        j < n && p[j] == UInt8(ascii: "'") || j + 2 < n && p[j] == 0xE2 && p[j + 1] == 0x80 && p[j + 2] == 0x99
    }

    /// The family name in the name `p[name]` of more than one word, a short form of it: the last word ("Mbeki"), or
    /// the first of an East Asian name ("Hu" of "Hu Jintao", "Kim" of "Kim Jong-un"; "Kim Dotcom" keeps "Dotcom").
    /// Nil after a particle or a monarch's title ("de Gaulle" and "King Hussein" have no short form of one word).
    static func familyName(of name: Range<Int>, _ p: UnsafePointer<UInt8>) -> Range<Int>? {
        var f = name.lowerBound
        while f < name.upperBound && p[f] != UInt8(ascii: " ") { f += 1 }
        guard f < name.upperBound else { return nil }
        if regnalTitles.contains(p, name.lowerBound, f) { return nil }
        if FamilyFirstNames.plain.contains(p, name.lowerBound, f) && !GivenNames.contains(p, name.lowerBound, f)
            || FamilyFirstNames.word.contains(p, name.lowerBound, f)
            || FamilyFirstNames.plain.contains(p, name.lowerBound, f) && isHyphenatedGivenName(f + 1, wordEnd(f + 1, p, name.upperBound), p) {
            return name.lowerBound..<f
        }
        var end = name.upperBound
        if p[end - 1] == UInt8(ascii: ".") {  // "Marcos Jr.": the family name is before the suffix.
            end -= 1
            while end > name.lowerBound && p[end - 1] != UInt8(ascii: " ") { end -= 1 }
            end -= 1
        }
        guard let s = surnameStart(name.lowerBound..<end, p) else { return nil }
        return s..<end
    }

    private static func wordEnd(_ i: Int, _ p: UnsafePointer<UInt8>, _ limit: Int) -> Int {
        var j = i
        while j < limit && p[j] != UInt8(ascii: " ") { j += 1 }
        return j
    }

    /// The start of the last word of the name `p[name]`, when it has more than one word.
    private static func surnameStart(_ name: Range<Int>, _ p: UnsafePointer<UInt8>) -> Int? {
        var s = name.upperBound
        while s > name.lowerBound && p[s - 1] != UInt8(ascii: " ") { s -= 1 }
        guard s > name.lowerBound, p[s] >= UInt8(ascii: "A") && p[s] <= UInt8(ascii: "Z") else { return nil }
        // After a particle the surname is "de Gaulle", not "Gaulle": no short form of one word.
        var w = s - 1
        while w > name.lowerBound && p[w - 1] != UInt8(ascii: " ") { w -= 1 }
        return p[w] >= UInt8(ascii: "a") && p[w] <= UInt8(ascii: "z") ? nil : s
    }
}

/// A sorted table of fixed-width records compiled into the binary (a generated `StaticString`: each record padded
/// with "." to `width` bytes and followed by a line feed) and searched in place by bisection, so no set of tens of
/// thousands of words is built at each run.
struct SortedWordTable {
    let data: StaticString
    let width: Int

    private var count: Int { (data.utf8CodeUnitCount + 1) / (width + 1) }

    /// Whether `p[i..<j]` is one of the words.
    func contains(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int) -> Bool {
        guard j > i, j - i <= width else { return false }
        let table = data.utf8Start, stride = width + 1
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let c = compare(p, i, j, table + mid * stride)
            if c == 0 { return true }
            if c > 0 { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// The word against a record, as their padded bytes compare: negative, zero or positive.
    @inline(__always)
    private func compare(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int, _ record: UnsafePointer<UInt8>) -> Int {
        for k in 0..<width {
            let a = i + k < j ? p[i + k] : UInt8(ascii: "."), b = record[k]
            if a != b { return Int(a) - Int(b) }
        }
        return 0
    }
}

/// First names, generated by `Tools/names/generate.py`.
enum GivenNames {
    static let table = SortedWordTable(data: data, width: width)
    static func contains(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int) -> Bool { table.contains(p, i, j) }
}

/// Family names that East Asian names put first, generated by `Tools/names/generate.py`: `plain` ones, and those
/// that are also English words (`word`: "Park", "Moon", "Lee"), which need more evidence.
enum FamilyFirstNames {
    static let plain = SortedWordTable(data: plainData, width: width)
    static let word = SortedWordTable(data: wordData, width: width)
}

/// Short English words in capitals ("OF", "IT", "RATS"), generated by `Tools/names/generate.py`.
enum EnglishWords {
    static let table = SortedWordTable(data: data, width: width)
    static func contains(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int) -> Bool { table.contains(p, i, j) }
}
