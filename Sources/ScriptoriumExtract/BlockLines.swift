import ScriptoriumText

/// How one line of a block joins the next.
public enum LineJoin: UInt8, Sendable, Equatable {
    /// An ordinary line break: one space.
    case space
    /// "defen-" + "sive": the hyphen only split the word; drop it and the break.
    case rejoinWord
    /// "US-" + "Japan", "self-" + "defense": a real hyphen at the end of a line; keep it, no space.
    case keepHyphen
    /// "pre-" + "and post-war": a suspended hyphen; keep it, then one space.
    case keepHyphenAndSpace
}

/// The lines of one paragraph or list item (trimmed byte ranges of the source, in order; for a list item the
/// first starts after the marker) and how each line joins the next, decided by `StructureReader` with the
/// whole document in view (see `HyphenatedBreaks`).
public struct BlockLines: RandomAccessCollection, Equatable, Sendable {
    public var ranges: [Range<Int>]
    /// `joins[k]` joins `ranges[k]` to `ranges[k + 1]`; one fewer than `ranges`.
    public var joins: [LineJoin]

    public init(_ ranges: [Range<Int>], joins: [LineJoin]) {
        precondition(joins.count == Swift.max(0, ranges.count - 1))
        self.ranges = ranges
        self.joins = joins
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ranges.count }
    public subscript(position: Int) -> Range<Int> { ranges[position] }
}

/// Decides, for every line that ends in a hyphen inside a block, whether the hyphen is real or only split a word.
///
/// The rule, in order:
/// 0. U+2010 HYPHEN (groff's hyphenation in a manual page rendered as text): rejoined before a lower-case letter.
/// 1. Not a hyphen after a letter or digit (a dash `--`, a lone `-`): an ordinary break.
/// 2. A suspended hyphen ("pre-" + "and post-war", "10-" + "to 12-year"): the next word is "and", "or", "nor" or
///    "to" and the word after it is hyphenated; the hyphen stays and a space follows.
/// 3. Evidently real: a digit before the hyphen ("12-" + "mile"), a word already hyphenated ("long-term-" +
///    "planning"), an acronym or a capital inside the first part ("US-" + "based"), or a next line that does not
///    start with a lower-case letter ("US-" + "Japan", "pre-" + "1945"): the hyphen stays.
/// 4. Otherwise ("self-" + "defense", "defen-" + "sive") the document decides: if the hyphenated compound
///    ("self-defense") occurs anywhere else in it, the hyphen stays; else if the closed word ("defensive") occurs,
///    the word is rejoined; else if both halves occur as words of their own ("user", "supplied"), it is a
///    compound and the hyphen stays. The hyphenated form wins when both occur: the author demonstrably writes it,
///    and keeping a hyphen never destroys a word that is in the source.
/// 5. No evidence: the word is rejoined, except after the prefixes that English always hyphenates ("self-",
///    "quasi-"), unless the continuation is a suffix ("self-" + "ish", "self-" + "less").
///
/// Rules 1–3 and 5 look only at the two lines; rule 4 needs one pass over the document's bytes, made only when
/// some break needs it (hard-wrapped text with a line ending in `letters-` before a lower-case word).
enum HyphenatedBreaks {
    /// How `previous` joins `next` with the document in view: the whole rule.
    static func joins(_ buf: UnsafeBufferPointer<UInt8>, blocks: [[Range<Int>]]) -> [[LineJoin]] {
        var joins: [[LineJoin]] = []
        joins.reserveCapacity(blocks.count)
        var pending: [(block: Int, line: Int, words: Words)] = []
        for (b, lines) in blocks.enumerated() {
            var row = [LineJoin](repeating: .space, count: max(0, lines.count - 1))
            for k in row.indices {
                switch classify(buf, lines[k], lines[k + 1]) {
                case .decided(let join): row[k] = join
                case .ambiguous(let words): pending.append((b, k, words))
                }
            }
            joins.append(row)
        }
        if !pending.isEmpty {
            let evidence = Evidence(buf, pending.map(\.words))
            for (n, p) in pending.enumerated() { joins[p.block][p.line] = evidence.decision(n, buf, p.words) }
        }
        return joins
    }

    /// How `previous` joins `next` from the two lines alone (rules 1–3 and 5): what a caller without the
    /// document uses.
    static func localJoin(_ buf: UnsafeBufferPointer<UInt8>, _ previous: Range<Int>, _ next: Range<Int>) -> LineJoin {
        switch classify(buf, previous, next) {
        case .decided(let join): return join
        case .ambiguous(let words): return fallback(buf, words)
        }
    }

    /// The letters around an ambiguous break: the part before the hyphen and the word after the break.
    struct Words: Equatable {
        var prefix: Range<Int>
        var suffix: Range<Int>
    }

    enum Local: Equatable {
        case decided(LineJoin)
        case ambiguous(Words)
    }


    /// The bytes of the hyphen that ends at `end`: 3 for U+2010 HYPHEN, else 1.
    static func hyphenWidth(_ buf: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int {
        end >= 3 && buf[end - 3] == 0xE2 && buf[end - 2] == 0x80 && buf[end - 1] == 0x90 ? 3 : 1
    }

    static func classify(_ buf: UnsafeBufferPointer<UInt8>, _ previous: Range<Int>, _ next: Range<Int>) -> Local {
        // U+2010 HYPHEN at a line end is groff's hyphenation of a word ("de‐" + "fined"): a compound's own hyphen is
        // typed as "-". Rejoined before a lower-case letter, kept otherwise.
        if previous.count >= 4, hyphenWidth(buf, endingAt: previous.upperBound) == 3, !next.isEmpty,
           ASCII.isLetter(buf[previous.upperBound - 4]) || ASCII.isDigit(buf[previous.upperBound - 4]) {
            return .decided(ASCII.isLower(buf[next.lowerBound]) ? .rejoinWord : .keepHyphen)
        }
        let h = previous.upperBound - 1
        guard previous.count >= 2, !next.isEmpty, buf[h] == UInt8(ascii: "-") else { return .decided(.space) }
        let before = buf[h - 1]
        guard ASCII.isLetter(before) || ASCII.isDigit(before) else { return .decided(.space) }

        // The word after the break.
        var e = next.lowerBound
        while e < next.upperBound && ASCII.isLetter(buf[e]) { e += 1 }
        let suffix = next.lowerBound..<e
        if isSuspended(buf, suffix, next) { return .decided(.keepHyphenAndSpace) }
        if ASCII.isDigit(before) || !ASCII.isLower(buf[next.lowerBound]) { return .decided(.keepHyphen) }

        // The part before the hyphen: letters back to the start of the word.
        var s = h
        while s > previous.lowerBound && ASCII.isLetter(buf[s - 1]) { s -= 1 }
        if s > previous.lowerBound {
            let c = buf[s - 1]
            if c == UInt8(ascii: "-") || ASCII.isDigit(c) { return .decided(.keepHyphen) } // "long-term-", "B52-"
            if c >= 0x80 && letterEndsAt(buf, s) { return .decided(.rejoinWord) } // "Ōta-": no evidence kept
        }
        if s + 1 < h {
            for k in (s + 1)..<h where ASCII.isUpper(buf[k]) { return .decided(.keepHyphen) } // "US-", "NATO-", "McCain-"
        }
        // A suffix running into non-ASCII letters cannot be compared either.
        if e < next.upperBound && buf[e] >= 0x80 && letterStartsAt(buf, e) { return .decided(.rejoinWord) }
        return .ambiguous(Words(prefix: s..<h, suffix: suffix))
    }

    /// Whether the character ending at byte `end` (exclusive) is a letter (any script).
    static func letterEndsAt(_ buf: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        var k = end - 1
        while k > 0 && buf[k] & 0xC0 == 0x80 { k -= 1 }
        return letterStartsAt(buf, k)
    }

    /// Whether the character starting at byte `k` is a letter (any script).
    static func letterStartsAt(_ buf: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        var iterator = UnsafeBufferPointer(rebasing: buf[k..<min(buf.count, k + 4)]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isAlphabetic
    }

    /// "and", "or", "nor" or "to" after the break, followed by a hyphenated word: "pre- and post-war".
    private static func isSuspended(_ buf: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, _ line: Range<Int>) -> Bool {
        guard (2...3).contains(word.count), word.upperBound < line.upperBound, buf[word.upperBound] == 0x20 else { return false }
        let a = buf[word.lowerBound], b = buf[word.lowerBound + 1]
        let c: UInt8 = word.count == 3 ? buf[word.lowerBound + 2] : 0
        let conjunction = (a == 0x61 && b == 0x6E && c == 0x64) // and
            || (a == 0x6F && b == 0x72 && c == 0)               // or
            || (a == 0x6E && b == 0x6F && c == 0x72)            // nor
            || (a == 0x74 && b == 0x6F && c == 0)               // to
        guard conjunction else { return false }
        // The next word holds a hyphen between two letters or digits.
        var k = word.upperBound + 1
        while k < line.upperBound && buf[k] != 0x20 {
            if buf[k] == UInt8(ascii: "-"), k > word.upperBound + 1, k + 1 < line.upperBound,
               ASCII.isLetter(buf[k - 1]) || ASCII.isDigit(buf[k - 1]), ASCII.isLetter(buf[k + 1]) || ASCII.isDigit(buf[k + 1]) {
                return true
            }
            k += 1
        }
        return false
    }

    /// Rule 5.
    static func fallback(_ buf: UnsafeBufferPointer<UInt8>, _ words: Words) -> LineJoin {
        guard alwaysHyphenated.contains(where: { equalsIgnoringCase(buf, words.prefix, $0) }) else { return .rejoinWord }
        return suffixes.contains(where: { equalsIgnoringCase(buf, words.suffix, $0) }) ? .rejoinWord : .keepHyphen
    }

    static let alwaysHyphenated: [[UInt8]] = ["self", "quasi"].map { Array($0.utf8) }
    static let suffixes: [[UInt8]] = ["ish", "ishly", "ishness", "less", "lessly", "lessness", "hood", "same"]
        .map { Array($0.utf8) }

    /// Whether the ASCII letters of `range` equal the lower-case `word`, ignoring case.
    @inline(__always)
    static func equalsIgnoringCase(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        var j = 0
        for k in range {
            if buf[k] | 0x20 != word[j] { return false }
            j += 1
        }
        return true
    }

    /// Rule 4: counts, in one pass over the document, every hyphenated pair of letter runs ("self-defense") and
    /// every letter run ("defensive") that matches a candidate, ignoring case.
    struct Evidence {
        /// Occurrences of each distinct key (a hyphenated or a closed form), and each candidate's two keys.
        private var counts: [Int] = []
        private var candidateKeys: [(hyphenated: Int, closed: Int, prefix: Int, suffix: Int)] = []
        /// How many of the counted occurrences of each key are the halves of the breaks themselves.
        private var atBreaks: [Int] = []

        /// A key: the words of the first candidate that had it, joined with or without a hyphen.
        private struct Key {
            var words: Words
            var hyphenated: Bool
            var count: Int { words.prefix.count + words.suffix.count + (hyphenated ? 1 : 0) }

            /// The key's byte at `i`, lower-cased.
            @inline(__always)
            func byte(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
                let p = words.prefix.count
                if i < p { return buf[words.prefix.lowerBound + i] | 0x20 }
                if hyphenated {
                    if i == p { return 0x2D }
                    return buf[words.suffix.lowerBound + i - p - 1] | 0x20
                }
                return buf[words.suffix.lowerBound + i - p] | 0x20
            }

            func hash(_ buf: UnsafeBufferPointer<UInt8>) -> UInt64 {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for i in 0..<count { h = (h ^ UInt64(byte(buf, i))) &* 0x0000_0100_0000_01b3 }
                return h
            }
        }

        init(_ buf: UnsafeBufferPointer<UInt8>, _ candidates: [Words]) {
            // Distinct keys by hash, compared byte by byte. Many breaks share their words (a long document splits
            // "commit-ment" again and again), so each key is stored once, as the source ranges that spell it.
            var keys: [Key] = []
            var byHash: [UInt64: [Int]] = [:]
            var firstLetters: UInt32 = 0
            var lengths: UInt64 = 0
            func intern(_ key: Key) -> Int {
                let h = key.hash(buf)
                if let found = byHash[h] {
                    for k in found where keys[k].count == key.count
                        && (0..<key.count).allSatisfy({ keys[k].byte(buf, $0) == key.byte(buf, $0) }) {
                        return k
                    }
                }
                keys.append(key)
                byHash[h, default: []].append(keys.count - 1)
                lengths |= key.count < 64 ? 1 << UInt64(key.count) : 1 << 63
                return keys.count - 1
            }
            candidateKeys.reserveCapacity(candidates.count)
            for w in candidates {
                let prefixAlone = Words(prefix: w.prefix, suffix: w.suffix.lowerBound..<w.suffix.lowerBound)
                let suffixAlone = Words(prefix: w.prefix.lowerBound..<w.prefix.lowerBound, suffix: w.suffix)
                candidateKeys.append((intern(Key(words: w, hyphenated: true)), intern(Key(words: w, hyphenated: false)),
                                      intern(Key(words: prefixAlone, hyphenated: false)),
                                      intern(Key(words: suffixAlone, hyphenated: false))))
                firstLetters |= 1 << UInt32((buf[w.prefix.lowerBound] | 0x20) &- 0x61)
                firstLetters |= 1 << UInt32((buf[w.suffix.lowerBound] | 0x20) &- 0x61)
            }
            var counts = [Int](repeating: 0, count: keys.count)
            var atBreaks = [Int](repeating: 0, count: keys.count)
            for k in candidateKeys {
                atBreaks[k.prefix] += 1
                atBreaks[k.suffix] += 1
            }

            func check(_ range: Range<Int>) {
                let count = range.count
                guard lengths & (count < 64 ? 1 << UInt64(count) : 1 << 63) != 0 else { return }
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for k in range { h = (h ^ UInt64(buf[k] | (ASCII.isUpper(buf[k]) ? 0x20 : 0))) &* 0x0000_0100_0000_01b3 }
                guard let found = byHash[h] else { return }
                for key in found where keys[key].count == count {
                    var same = true
                    var i = 0
                    for k in range {
                        let b = ASCII.isUpper(buf[k]) ? buf[k] | 0x20 : buf[k]
                        if b != keys[key].byte(buf, i) { same = false; break }
                        i += 1
                    }
                    if same { counts[key] += 1 }
                }
            }

            // Letter runs; `pairStart` is where the previous run began when it ended in a single hyphen that this
            // run follows directly ("self" "-" "defense").
            let n = buf.count
            var i = 0
            var pairStart = -1
            while i < n {
                guard ASCII.isLetter(buf[i]) else {
                    i += 1
                    continue
                }
                let start = i
                while i < n && ASCII.isLetter(buf[i]) { i += 1 }
                // A run inside a longer word with non-ASCII letters is not a word of its own.
                let whole = (start == 0 || buf[start - 1] < 0x80 || !HyphenatedBreaks.letterEndsAt(buf, start))
                    && (i == n || buf[i] < 0x80 || !HyphenatedBreaks.letterStartsAt(buf, i))
                if whole {
                    let first = buf[start] | 0x20
                    if firstLetters & (1 << UInt32(first &- 0x61)) != 0 { check(start..<i) }
                    if pairStart >= 0 { check(pairStart..<i) }
                }
                let joinsNext = whole && i + 1 < n && buf[i] == UInt8(ascii: "-") && ASCII.isLetter(buf[i + 1])
                pairStart = joinsNext && firstLetters & (1 << UInt32((buf[start] | 0x20) &- 0x61)) != 0 ? start : -1
                if joinsNext { i += 1 }
            }
            self.counts = counts
            self.atBreaks = atBreaks
        }

        func decision(_ n: Int, _ buf: UnsafeBufferPointer<UInt8>, _ words: Words) -> LineJoin {
            let keys = candidateKeys[n]
            if counts[keys.hyphenated] > 0 { return .keepHyphen }
            if counts[keys.closed] > 0 { return .rejoinWord }
            // Both halves are words of the document ("user-" + "supplied"): a compound, not a split word.
            if counts[keys.prefix] > atBreaks[keys.prefix] && counts[keys.suffix] > atBreaks[keys.suffix] { return .keepHyphen }
            return HyphenatedBreaks.fallback(buf, words)
        }
    }
}
