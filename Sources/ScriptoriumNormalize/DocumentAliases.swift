import ScriptoriumModel

/// Short forms a document gives the names it spells out, valid from there to its end: an acronym ("the AU",
/// "AMISOM") or a person's surname ("Jammeh" after "Yahya Jammeh"). A reader links each to the name it stands for;
/// so does the matcher, at the start of any capitalised word the lexicon and the name rules left alone.
///
/// Where a short form comes from (the document's own evidence; nothing here is guessed from the short form alone):
/// - **Defined**: an acronym set beside a name, in parentheses or as an apposition: "Indian Ocean Rim Association
///   (IORA)", "the African Union Mission in Somalia, AMISOM, in 2007", "the ECOWAS Monitoring Group or ECOMOG",
///   "Nordic Defence Cooperation, known as NORDEFCO". Its first letter is the name's and its letters appear in the
///   name in order, so "the United States or UK" defines nothing.
/// - **Initials** of an organisation, instrument or event the document names: "African Union" gives "AU",
///   "Economic Community of West African States" gives "ECWAS" and "ECOWAS" (with and without the initials of
///   "of", "the", "and"…), "Regional Anti-Terrorist Structure" gives "RATS" (hyphenated parts count). Places give
///   none: their acronyms are in the lexicon, and "SA" would be South Africa or Saudi Arabia.
/// - **Surnames**: the last word of a person's name the document gave in full (see ``PersonNames``).
/// A short form that two different names claim in the same way is dropped; a defined one beats initials.
/// An acronym the lexicon knows is the lexicon's (the trie is tried first). An acronym the document never ties
/// to a name (MINUSMA, M23) is no mention: technical text is full of capitals (HTTP, MUST, NOTE) that are not.
struct DocumentAliases {
    /// What a short form stands for: a lexicon entry (its position) or a recognised name (its text and type).
    struct Target: Equatable {
        var lexiconIndex: Int
        var name: String
        var type: EntityType?
    }

    /// How strong the evidence for a short form is; a stronger one replaces a weaker one.
    enum Evidence: Int { case initials = 1, defined = 2 }

    private var short: [UInt64: Int] = [:]
    private var long: [[UInt8]: Int] = [:]
    /// Targets by position; a short form whose position is -1 was claimed by two names and is no mention.
    private var targets: [(target: Target, evidence: Evidence)] = []

    /// A bit per first letter A–Z of the short forms: most capitalised words are rejected here without hashing.
    private var firstLetters: UInt32 = 0

    var isEmpty: Bool { targets.isEmpty }

    /// The short form at `i` (a capitalised word, not preceded by a word character), if the document has it.
    func match(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> (end: Int, target: Target)? {
        let letter = p[i] &- UInt8(ascii: "A")
        guard letter < 26, firstLetters & (1 << UInt32(letter)) != 0 else { return nil }
        var j = i
        while j < n && WordBoundary.isWord(at: j, p, n) { j += p[j] < 0x80 ? 1 : WordBoundary.decode(p, j, n).length }
        let slot: Int?
        if j - i <= 8 {
            slot = short[WordSet.pack(p, i, j)]
        } else {
            guard !long.isEmpty else { return nil }
            slot = long[Array(UnsafeBufferPointer(start: p + i, count: j - i))]
        }
        guard let slot, slot >= 0, !Self.isShouting(i, j, p, n) else { return nil }
        // A person's family name before another capitalised word is the start of a longer name ("Hu Jintao" again,
        // with "Hu" its short form) or part of another one ("Park Avenue" after "Park Chung-hee"): no short form.
        if targets[slot].target.type == .person, j + 1 < n, p[j] == UInt8(ascii: " "), ProperNames.isCapital(at: j + 1, p, n) {
            return nil
        }
        return (j, targets[slot].target)
    }

    /// Records `p[i..<j]` as a short form of `target`.
    mutating func add(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int, _ target: Target, _ evidence: Evidence) {
        guard j > i else { return }
        noteFirstLetter(p[i])
        if j - i <= 8 {
            let key = WordSet.pack(p, i, j)
            short[key] = slot(for: short[key], target, evidence)
        } else {
            let key = Array(UnsafeBufferPointer(start: p + i, count: j - i))
            long[key] = slot(for: long[key], target, evidence)
        }
    }

    /// The slot a short form gets: its own target, the old one when that is as strong and the same, -1 when two
    /// equally strong names claim it.
    private mutating func slot(for old: Int?, _ target: Target, _ evidence: Evidence) -> Int {
        if let old {
            if old < 0 { return evidence == .defined ? append(target, evidence) : -1 }
            let known = targets[old]
            if known.target == target { return old }
            if known.evidence.rawValue > evidence.rawValue { return old }
            if known.evidence == evidence { return -1 }
        }
        return append(target, evidence)
    }

    private mutating func append(_ target: Target, _ evidence: Evidence) -> Int {
        targets.append((target, evidence))
        return targets.count - 1
    }

    /// Whether the all-capitals word `p[i..<j]` stands beside an English word in capitals (a heading or a
    /// licence's shouting, "THE AU IS", "WARRANTIES OF MERCHANTABILITY", where an acronym cannot be told from a
    /// word). Another acronym beside it is no shouting ("GNU GPL"); a word in lower case never is.
    static func isShouting(_ i: Int, _ j: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        func capitals(_ s: Int, _ e: Int) -> Bool {
            e - s >= 2 && (s..<e).allSatisfy { p[$0] >= UInt8(ascii: "A") && p[$0] <= UInt8(ascii: "Z") }
        }
        /// A word in capitals that is English: a short one in the word list, or one too long for an acronym.
        func shouted(_ s: Int, _ e: Int) -> Bool { capitals(s, e) && (e - s > 5 || EnglishWords.contains(p, s, e)) }
        guard capitals(i, j) else { return false }
        if j + 1 < n && p[j] == space {
            var e = j + 1
            while e < n && WordBoundary.isASCIIWordByte(p[e]) { e += 1 }
            if shouted(j + 1, e) { return true }
        }
        if i >= 2 && p[i - 1] == space {
            var s = i - 1
            while s > 0 && WordBoundary.isASCIIWordByte(p[s - 1]) { s -= 1 }
            if shouted(s, i - 1) { return true }
        }
        return false
    }

    // MARK: Acronyms

    /// Records the acronym that the text right after the name `name` defines, if any: " (ACR)", ", ACR," (closed
    /// by a comma, a colon, a semicolon, a parenthesis or the end), ", or ACR", " or ACR", "(,) known as ACR".
    mutating func defineAcronym(after name: Range<Int>, _ target: Target, _ p: UnsafePointer<UInt8>, _ n: Int) {
        var k = name.upperBound
        guard k + 3 < n else { return }
        var closedBy: UInt8? = nil
        var needsClosing = false
        if p[k] == Self.space && p[k + 1] == UInt8(ascii: "(") {
            k += 2
            closedBy = UInt8(ascii: ")")
        } else {
            let comma = p[k] == UInt8(ascii: ",")
            if comma { k += 1 }
            guard k < n, p[k] == Self.space else { return }
            k += 1
            if let after = Self.word("or", at: k, p, n) ?? Self.words("known", "as", at: k, p, n)
                ?? Self.words("also", "known", "as", at: k, p, n) {
                k = after
            } else {
                guard comma else { return }
                needsClosing = true
            }
        }
        guard let end = Self.acronymEnd(at: k, p, n) else { return }
        if let closedBy {
            guard end < n, p[end] == closedBy else { return }
        } else if needsClosing {
            guard end == n || Self.closing.contains(p[end]) else { return }
        }
        guard Self.spells(p, k, end, name: name) else { return }
        add(p, k, end, target, .defined)
    }

    /// Records the initials of the name `p[name]` (two to eight letters): of its capitalised words and hyphenated
    /// parts, and, as a second form, with the initials of the small words between them as well.
    mutating func defineInitials(of name: Range<Int>, _ target: Target, _ p: UnsafePointer<UInt8>) {
        var plain: UInt64 = 0, plainCount = 0, full: UInt64 = 0, fullCount = 0
        var i = name.lowerBound
        while i < name.upperBound {
            let b = p[i]
            var j = i
            while j < name.upperBound && p[j] != Self.space && p[j] != UInt8(ascii: "-") { j += 1 }
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") {
                guard plainCount < 8, fullCount < 8 else { return }
                plain |= UInt64(b) << UInt64(8 * plainCount); plainCount += 1
                full |= UInt64(b) << UInt64(8 * fullCount); fullCount += 1
            } else if Self.smallWords.contains(p, i, j) {
                guard fullCount < 8 else { return }
                full |= UInt64(b & ~0x20) << UInt64(8 * fullCount); fullCount += 1
            } else {
                return  // a word in lower case or with a letter outside A–Z first: no initials
            }
            i = j + 1
        }
        if plainCount >= 2 && !Self.isWord(plain, plainCount) { addPacked(plain, target) }
        if fullCount >= 2 && full != plain && !Self.isWord(full, fullCount) { addPacked(full, target) }
    }

    /// Whether packed initials spell an English word ("OF" from "OpenLDAP Foundation"): capitals in a licence's
    /// shouting ("WARRANTIES OF MERCHANTABILITY") are then no acronym.
    private static func isWord(_ key: UInt64, _ count: Int) -> Bool {
        var bytes = key
        return withUnsafeBytes(of: &bytes) { EnglishWords.contains($0.baseAddress!.assumingMemoryBound(to: UInt8.self), 0, count) }
    }

    private mutating func noteFirstLetter(_ b: UInt8) {
        let letter = b &- UInt8(ascii: "A")
        if letter < 26 { firstLetters |= 1 << UInt32(letter) }
    }

    private mutating func addPacked(_ key: UInt64, _ target: Target) {
        noteFirstLetter(UInt8(truncatingIfNeeded: key))
        short[key] = slot(for: short[key], target, .initials)
    }

    private static let space = UInt8(ascii: " ")
    private static let closing: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: ":"),
                                              UInt8(ascii: ";"), UInt8(ascii: ".")]
    /// Words whose initial an acronym may or may not take ("ECOWAS" takes "of", "SADC" has none).
    private static let smallWords = WordSet(["of", "the", "and", "for", "in", "on", "de", "to"])

    /// The end of an acronym at `i`: two to ten capitals and digits, a capital first and at least two capitals,
    /// not continued by a word character.
    static func acronymEnd(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard i < n, p[i] >= UInt8(ascii: "A"), p[i] <= UInt8(ascii: "Z"), !WordBoundary.isWord(before: i, p, n) else { return nil }
        var j = i + 1, capitals = 1
        while j < n && j - i <= 10 {
            if p[j] >= UInt8(ascii: "A") && p[j] <= UInt8(ascii: "Z") { capitals += 1 } else if !WordBoundary.isDigit(p[j]) { break }
            j += 1
        }
        guard capitals >= 2, j - i <= 10, !WordBoundary.isWord(at: j, p, n) else { return nil }
        return j
    }

    /// Whether the acronym `p[i..<j]` starts with the name's first letter and its letters and digits appear in
    /// the name in order (compared in upper case).
    static func spells(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int, name: Range<Int>) -> Bool {
        var k = name.lowerBound
        if let after = words("The", at: k, p, name.upperBound), after < name.upperBound { k = after }
        guard p[k] == p[i] else { return false }
        for a in i..<j {
            let c = p[a], digit = WordBoundary.isDigit(c)
            while k < name.upperBound && (digit ? p[k] != c : p[k] & 0xDF != c) { k += 1 }
            guard k < name.upperBound else { return false }
            k += 1
        }
        return true
    }

    /// Where the words (separated by single spaces) at `i` end, followed by a space; nil if they are not there.
    private static func words(_ expected: String..., at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var k = i
        for w in expected {
            for b in w.utf8 {
                guard k < n, p[k] == b else { return nil }
                k += 1
            }
            guard k < n, p[k] == space else { return nil }
            k += 1
        }
        return k
    }

    private static func word(_ w: String, at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        words(w, at: i, p, n)
    }
}
