import ScriptoriumModel

/// Proper names that no list has and no head word shapes, known by their spelling alone: a capitalised word in the
/// middle of a sentence that is no English word ("Sinai", "Sukarno", "Batken", "Sde Boker"). English capitalises a
/// word inside a sentence for a name, for a word of a name's kind (a people, a language, a creed: "Korean",
/// "Urdu", "Marxist") or for a defined term ("the Program", "the Licensee"); the last two are words of the language
/// and the first has its own list (``NotNames``), so what is left is a name. Which kind of thing it names, the
/// spelling does not say: such a mention is typed `name`, never given an id.
///
/// The evidence, at a capitalised word that no lexicon name, head-noun name, short form or person starts with:
/// - it is a sentence's first word (capitalised anyway, so its spelling alone speaks: "Abkhazia declared…"), or it
///   is inside a sentence: after a word in lower case, a number, a comma or a closing bracket, or a possessive
///   ("Egypt’s Sinai"); so the words of a title in capitals ("Fix Crash When Saving") and after a colon or a
///   quotation mark are never taken;
/// - it is no English word in lower case (``CommonWords``: a defined term or a capitalised common noun), nor one
///   made from such a word by a suffix or a prefix the list does not spell out ("Licensor", "Licensee", "Unported"),
///   no word of a name's kind (``NotNames``), no given name alone, no month or weekday (nor their abbreviations), no
///   title, no head word; each part of a hyphenated word alike ("Sino-Soviet" is none, "Jalal-Abad" is one);
/// - it is written as a name: a capital, then lower-case letters (any script), three letters or more.
/// Capitalised words that follow it are part of the name ("Sde Boker", "Cabo Delgado"), up to four words in all, to a
/// word that starts a lexicon name or ends in a possessive; after a particle ("Mocímboa da Praia", "Sharm el
/// Sheikh") a lexicon name too, as a place of that name is only part of the longer one. A word with a capital inside ("GitHub", "FreeBSD",
/// "ReleaseInfoChange") is an identifier or a product's spelling, not taken.
///
/// A second shape needs no unknown word: two to five capitalised words after a "the" in lower case, inside a sentence,
/// one "of" and one "and" allowed between them ("the Joint Security Area", "the Line of Control", "the Common
/// Security and Defence Policy", "the North-West Frontier Province"). English writes a phrase so only for a name;
/// none of its words may be a people (but after "of": "Liberation Tigers of Tamil Eelam"), a title, a month, a head
/// word (the name rules take those) or start a lexicon name after the first.
///
/// A third shape is an acronym no definition ties to a name ("ONUCA", "FMLN", "NORAD"): three to nine capitals,
/// no word in capitals ("RADAR", "THE"), no Roman numeral ("XIV"), not among other words in capitals (shouting).
/// Technical text is full of such capitals (HTTP, JSON, MUST), which is why the document's evidence below matters.
///
/// The document's own evidence decides last (``DocumentEvidence``): such names are kept only in a text that names
/// at least ``evidence`` different places, organisations or people the lexicon links to an identifier, and names
/// them often (a linked mention per ``sentencesPerLinkedMention`` sentences or more): a text about the world. A
/// licence that lists its authors' addresses names places, but seldom, and its title-case phrases are defined terms
/// ("the Licensed Material", "the Original Work"). A licence, a manual or release notes, whose capitalised words are defined terms, programs and commands,
/// rarely does; an essay or a report does. And only in a document whose language is English (``isEnglish``), in a
/// sentence that has an English function word ("the", "of", "and"…: a passage in another language inside an
/// English document has none).
enum UnlistedNames {
    /// How many different entities with a Wikidata or GeoNames id a document must name for its unlisted names to
    /// count.
    static let evidence = 5
    /// At most this many sentences per mention of an entity with an id, for a document's unlisted names to count.
    static let sentencesPerLinkedMention = 5

    /// Whether a document's language tag is English ("en", "en-GB"…), or empty.
    static func isEnglish(_ language: String) -> Bool {
        language.isEmpty || language == "en" || language.hasPrefix("en-")
    }

    /// The name at the capitalised word `i` of the sentence `p[0..<n]`, or nil. `startsName(k)` says whether a
    /// lexicon name starts at `k`; `english` is whether the sentence reads as English, worked out at its first
    /// candidate and kept for the others (nil until then).
    static func match(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int, english: inout Bool?,
                      startsName: (Int) -> Bool) -> Range<Int>? {
        guard let name = acronym(at: i, p, n) ?? unlistedWord(at: i, p, n, startsName: startsName)
                ?? phraseAfterThe(at: i, p, n, startsName: startsName) else { return nil }
        if english == nil { english = isEnglishSentence(p, n) }
        return english == true ? name : nil
    }

    /// An acronym at `i` (see above), or nil.
    private static func acronym(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Range<Int>? {
        var j = i
        while j < n && p[j] >= UInt8(ascii: "A") && p[j] <= UInt8(ascii: "Z") { j += 1 }
        guard j - i >= 3, j - i <= 9, !WordBoundary.isWord(at: j, p, n), j >= n || p[j] != UInt8(ascii: "-"),
              i == 0 || p[i - 1] != UInt8(ascii: "-"), !(i..<j).allSatisfy({ romanDigits.contains(p[$0]) }),
              !isCapitalisedWord(i, j, p), !DocumentAliases.isShouting(i, j, p, n) else { return nil }
        return i..<j
    }

    private static let romanDigits: Set<UInt8> = Set("IVXLCDM".utf8)

    /// Whether the capitals `p[i..<j]` spell an English word.
    private static func isCapitalisedWord(_ i: Int, _ j: Int, _ p: UnsafePointer<UInt8>) -> Bool {
        if EnglishWords.contains(p, i, j) { return true }
        var lower = (i..<j).map { p[$0] | 0x20 }
        return lower.withUnsafeMutableBufferPointer { CommonWords.contains(capitalised: $0.baseAddress!, 0, $0.count) }
    }

    /// Two to five capitalised words after "the " (see above), or nil.
    private static func phraseAfterThe(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int, startsName: (Int) -> Bool) -> Range<Int>? {
        guard i >= 5, p[i - 1] == UInt8(ascii: " "), p[i - 2] == UInt8(ascii: "e"), p[i - 3] == UInt8(ascii: "h"),
              p[i - 4] == UInt8(ascii: "t"), p[i - 5] == UInt8(ascii: " ") else { return nil }
        var end = i, words = 0, ofUsed = false, andUsed = false, afterOf = false, start = i
        while words < 5 {
            guard let e = PersonNames.nameWord(at: start, p, n, anyNoun: true), !continuesWord(e, p, n), !hasInnerCapital(start, e, p),
                  afterOf || isPhraseWord(start, e, p), words == 0 || !startsName(start) else { break }
            if words > 0 && !afterOf && endsLikeAPeople(start, e, p, singular: true) { return nil }  // "the Costa Rican army"
            end = e
            words += 1
            afterOf = false
            if PersonNames.isPossessive(at: e, p, n) { break }
            guard e + 1 < n, p[e] == UInt8(ascii: " ") else { break }
            if ProperNames.isCapital(at: e + 1, p, n) {
                start = e + 1
            } else if !ofUsed, e + 4 < n, p[e + 1] == UInt8(ascii: "o"), p[e + 2] == UInt8(ascii: "f"), p[e + 3] == UInt8(ascii: " "),
                      ProperNames.isCapital(at: e + 4, p, n) {
                ofUsed = true
                afterOf = true
                start = e + 4
            } else if !andUsed, e + 5 < n, p[e + 1] == UInt8(ascii: "a"), p[e + 2] == UInt8(ascii: "n"), p[e + 3] == UInt8(ascii: "d"),
                      p[e + 4] == UInt8(ascii: " "), ProperNames.isCapital(at: e + 5, p, n) {
                andUsed = true
                start = e + 5
            } else {
                break
            }
        }
        guard words >= 2 else { return nil }
        return i..<end
    }

    /// Whether a capitalised word may be part of a phrase after "the": no people, title, month or weekday.
    private static func isPhraseWord(_ i: Int, _ j: Int, _ p: UnsafePointer<UInt8>) -> Bool {
        !NotNames.table.contains(p, i, j) && !endsLikeAPeople(i, j, p) && !ProperNames.calendarWords.contains(p, i, j)
            && !calendarAbbreviations.contains(p, i, j) && !PersonNames.titleSecondWords.contains(p, i, j)
            && !offices.contains(p, i, j)
    }

    /// A capitalised word that is no English word and what follows it (see above), or nil.
    private static func unlistedWord(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int, startsName: (Int) -> Bool) -> Range<Int>? {
        guard i == 0 || isInsideSentence(i, p), let first = PersonNames.nameWord(at: i, p, n), first - i >= 3,
              !continuesWord(first, p, n), !hasInnerCapital(i, first, p), isUnlisted(i, first, p) else { return nil }
        var end = first, words = 1
        while words < 4, !PersonNames.isPossessive(at: end, p, n), end + 1 < n, p[end] == UInt8(ascii: " ") {
            var start = end + 1
            var afterParticle = false
            if let particleEnd = PersonNames.particle(at: start, p, n, in: placeParticles) {
                start = particleEnd + 1
                afterParticle = true
            }
            guard let next = PersonNames.nameWord(at: start, p, n), !continuesWord(next, p, n),
                  afterParticle || !startsName(start), !hasInnerCapital(start, next, p),
                  !ProperNames.calendarWords.contains(p, start, next), !startsTwoWordHead(start, next, p, n) else { break }
            // A people's adjective after it makes the whole an adjective ("Costa Rican"): no name.
            if NotNames.table.contains(p, start, next) || endsLikeAPeople(start, next, p, singular: true) { return nil }
            end = next
            words += 1
        }
        return i..<end
    }

    /// Whether the word at `i` follows a word in lower case, a number, a comma, a closing bracket or a possessive.
    private static func isInsideSentence(_ i: Int, _ p: UnsafePointer<UInt8>) -> Bool {
        guard i >= 2, p[i - 1] == UInt8(ascii: " ") else { return false }
        let b = p[i - 2]
        if b == UInt8(ascii: ",") || b == UInt8(ascii: ")") || b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { return true }
        // A possessive: "’s " or "'s ".
        if b == UInt8(ascii: "s"), i >= 3, p[i - 3] == UInt8(ascii: "'") || i >= 5 && p[i - 3] == 0x99 && p[i - 4] == 0x80 && p[i - 5] == 0xE2 {
            return true
        }
        // Otherwise the word before must begin in lower case and end in a letter (not "said:" or "“quote").
        guard b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") || b >= 0x80 && b < 0xC0 else { return false }
        var s = i - 1
        while s > 0 && p[s - 1] != UInt8(ascii: " ") { s -= 1 }
        return s < i - 1 && p[s] >= UInt8(ascii: "a") && p[s] <= UInt8(ascii: "z")
    }

    private static let functionWords = WordSet(["the", "of", "and", "to", "in", "into", "is", "are", "was", "were",
                                                "be", "for", "with", "by", "on", "that", "this", "which", "who", "from",
                                                "as", "at", "has", "have", "had", "it", "its", "their", "after", "under"])

    /// Function words of the languages whose passages English documents quote most (licences' translations,
    /// names of works): Italian, Spanish, Portuguese, French, German, Dutch.
    private static let foreignFunctionWords = WordSet(["il", "di", "che", "per", "della", "delle", "degli", "sono",
                                                       "una", "uno", "les", "des", "du", "et", "est", "une", "dans",
                                                       "pour", "der", "die", "das", "und", "ist", "nicht", "mit",
                                                       "los", "las", "que", "por", "para", "con", "het", "een", "van",
                                                       "sulle", "nel", "nella", "ou", "os", "em", "não"])

    /// Whether the sentence `p[0..<n]` reads as English: it has English function words, at least as many as
    /// function words of other languages ("Insurgents took Mocímboa da Praia in 2020" has one of each).
    private static func isEnglishSentence(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var english = 0, foreign = 0
        var i = 0
        while i < n {
            guard p[i] >= UInt8(ascii: "a") && p[i] <= UInt8(ascii: "z"), i == 0 || !WordBoundary.isWord(before: i, p, n) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < n && WordBoundary.isWord(at: j, p, n) { j += p[j] < 0x80 ? 1 : WordBoundary.decode(p, j, n).length }
            if j - i <= 6 {
                if functionWords.contains(p, i, j) { english += 1 } else if foreignFunctionWords.contains(p, i, j) { foreign += 1 }
            }
            i = j
        }
        return english > 0 && english >= foreign
    }

    /// Particles inside place names ("Mocímboa da Praia", "Sharm el Sheikh", "Ras al Khaimah").
    private static let placeParticles = WordSet(["da", "de", "do", "dos", "das", "del", "della", "di", "du", "la", "le",
                                                 "el", "al", "van", "von", "der", "den", "bin", "ibn", "y"])

    /// Whether the word `p[i..<j]` and the next one are a head of two words ("Air Base" of "Kunsan Air Base"), which
    /// the name rules take with the words before them.
    private static func startsTwoWordHead(_ i: Int, _ j: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard j + 1 < n, p[j] == UInt8(ascii: " ") else { return false }
        var k = j + 1
        while k < n && WordBoundary.isASCIIWordByte(p[k]) { k += 1 }
        return k > j + 1 && ProperNames.isTwoWordHead(p, i, k)
    }

    /// Whether `p[i..<j]` has an ASCII capital after its first letter other than at the start of a hyphenated part.
    private static func hasInnerCapital(_ i: Int, _ j: Int, _ p: UnsafePointer<UInt8>) -> Bool {
        var k = i + 1
        while k < j {
            if p[k] >= UInt8(ascii: "A") && p[k] <= UInt8(ascii: "Z") && p[k - 1] != UInt8(ascii: "-") { return true }
            k += 1
        }
        return false
    }

    /// Whether the word that ended at `e` goes on (a hyphen or an apostrophe and more letters: "Bab-el-Mandeb"'s
    /// "Bab" is no name of its own).
    private static func continuesWord(_ e: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        e < n && (p[e] == UInt8(ascii: "-") || WordBoundary.isWord(at: e, p, n))
    }

    /// Whether `p[i..<j]` (a capitalised word, maybe hyphenated) is no word of the language and no word of a name's
    /// kind, part by part.
    private static func isUnlisted(_ i: Int, _ j: Int, _ p: UnsafePointer<UInt8>) -> Bool {
        if NotNames.table.contains(p, i, j) || GivenNames.contains(p, i, j) || ProperNames.calendarWords.contains(p, i, j)
            || calendarAbbreviations.contains(p, i, j) || endsLikeAPeople(i, j, p) {
            return false
        }
        var s = i
        while s < j {
            var e = s
            while e < j && p[e] != UInt8(ascii: "-") { e += 1 }
            if CommonWords.contains(capitalised: p, s, e) || NotNames.table.contains(p, s, e) || isDerived(s, e, p) {
                return false
            }
            s = e + 1
        }
        return true
    }

    /// Endings of the names of peoples and their adjectives ("Gambian", "Hungarians", "Americans", "Congolese",
    /// "Flemish"), which the word list does not always have.
    private static let peopleEndings: [[UInt8]] = ["ian", "ians", "ean", "eans", "ans", "ese", "ish"].map { Array($0.utf8) }

    /// With `singular`, "-an" counts too ("Rican", "Mexican"): only for a word after the first, as many a place's own
    /// name ends so ("Sudan", "Abadan").
    private static func endsLikeAPeople(_ i: Int, _ j: Int, _ p: UnsafePointer<UInt8>, singular: Bool = false) -> Bool {
        let word = UnsafeBufferPointer(start: p + i, count: j - i)
        if singular && word.count >= 5 && word.suffix(2).elementsEqual("an".utf8) { return true }
        return word.count >= 6 && peopleEndings.contains { word.suffix($0.count).elementsEqual($0) }
    }

    /// Words of offices, which a phrase after "the" names rather than a body ("the Secretary of State").
    private static let offices = WordSet(["Secretary", "Chairman", "Chair", "Speaker", "Chancellor", "Governor",
                                          "Commissioner", "Representative", "Envoy", "Leader", "Chief"])

    private static let calendarAbbreviations = WordSet(["Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
                                                        "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                                                        "Sep", "Sept", "Oct", "Nov", "Dec"])
    /// Suffixes and prefixes that make English words from English words the word list may not spell out.
    private static let suffixes: [[UInt8]] = ["or", "ors", "ee", "ees", "able", "ible"].map { Array($0.utf8) }
    private static let prefixes: [[UInt8]] = ["un", "non", "re", "pre", "sub"].map { Array($0.utf8) }

    /// Whether the capitalised word `p[i..<j]` is an English word of four letters or more with one of `suffixes`
    /// (alone or after an "e": "Licens-or" of "license") or one of `prefixes` ("Un-ported").
    private static func isDerived(_ i: Int, _ j: Int, _ p: UnsafePointer<UInt8>) -> Bool {
        var word = Array(UnsafeBufferPointer(start: p + i, count: j - i))
        guard word.count >= 6, word[0] >= UInt8(ascii: "A"), word[0] <= UInt8(ascii: "Z") else { return false }
        word[0] |= 0x20
        return word.withUnsafeBufferPointer { w in
            let b = w.baseAddress!
            for suffix in suffixes where w.count - suffix.count >= 4 && w.suffix(suffix.count).elementsEqual(suffix) {
                let stem = w.count - suffix.count
                if CommonWords.contains(capitalised: b, 0, stem) { return true }
                var withE = Array(w.prefix(stem))
                withE.append(UInt8(ascii: "e"))
                if withE.withUnsafeBufferPointer({ CommonWords.contains(capitalised: $0.baseAddress!, 0, $0.count) }) { return true }
            }
            for prefix in prefixes where w.count - prefix.count >= 4 && w.prefix(prefix.count).elementsEqual(prefix) {
                if CommonWords.contains(capitalised: b + prefix.count, 0, w.count - prefix.count) { return true }
            }
            return false
        }
    }
}

/// Every English word in lower case (generated by `Tools/names/generate.py` from Debian's wamerican and wbritish),
/// searched in place: the words of one length are a sorted run of fixed-width records.
enum CommonWords {
    /// Whether `p[i..<j]`, with its first letter in lower case if it is an ASCII capital, is an English word.
    static func contains(capitalised p: UnsafePointer<UInt8>, _ i: Int, _ j: Int) -> Bool {
        let length = j - i
        guard length > 0, length + 1 < starts.count else { return false }
        let first = p[i] >= UInt8(ascii: "A") && p[i] <= UInt8(ascii: "Z") ? p[i] | 0x20 : p[i]
        let table = data.utf8Start + starts[length]
        var lo = 0, hi = (starts[length + 1] - starts[length]) / length
        while lo < hi {
            let mid = (lo + hi) >> 1
            let record = table + mid * length
            var c = Int(first) - Int(record[0])
            var k = 1
            while c == 0 && k < length {
                c = Int(p[i + k]) - Int(record[k])
                k += 1
            }
            if c == 0 { return true }
            if c > 0 { lo = mid + 1 } else { hi = mid }
        }
        return false
    }
}

/// Capitalised words that are no names (peoples, languages, adjectives of names, creeds), generated by
/// `Tools/names/generate.py`.
enum NotNames {
    static let table = SortedWordTable(data: data, width: width)
}
