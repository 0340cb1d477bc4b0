/// Finds sentence boundaries in one block's normalised text (single spaces, no line breaks), on UTF-8 bytes.
///
/// The hot loop only looks for the bytes that can end a sentence (`.`, `?`, `!` and the first byte of `…`);
/// everything else (the word before, the word after, the abbreviation lists) is consulted only there.
///
/// How a candidate is decided (see `SentenceScanner.examine`):
/// - a terminal cluster is a run of `.` `?` `!` `…`, possibly a spaced ellipsis (`. . .`), then closing quotes
///   and brackets (`"` `'` `’` `”` `)` `]` `»`); it can end a sentence only when a space follows;
/// - a word that starts in lower case after the cluster never begins a new sentence ("Go Japan! appeared",
///   "Sony Corp. in", "Tokyo.) and", "agreed.” she");
/// - `?` and `!` end the sentence otherwise ("Was it wise?! Nobody knew.");
/// - ellipses: three dots mark an omission and end the sentence only before a capitalised word other than "I"
///   (capitalisation carries no signal there); four dots are a full stop plus an ellipsis and end it before
///   anything but lower case; a full stop attached to a word followed by a spaced ellipsis
///   ("abrupt. . . . Then") ends the sentence at the full stop and the ellipsis opens the next one; an
///   ellipsis in brackets ("[...]") is an elision, never a boundary;
/// - a single full stop: after an ordinary word, a number, an e-mail address or a URL it ends the sentence;
///   after an abbreviation it depends on its kind (`AbbreviationKind`); after a dotted initialism ("U.S.",
///   "E.U.", "Ph.D.") or a single letter it ends the sentence only when the next word typically begins one
///   ("the U.S. How long will it last?" but "the U.S. Senate", "Harry S. Truman"); a pronoun "I" after a lower-case
///   word ends it ("you or I. Nobody knew Edward I. Hara."); closing quotes after the full stop make even an
///   abbreviation final, except a title;
/// - items numbered inside a paragraph ("1. ... 2. ...", "1) ... 2) ...", "a. ... b. ...", "• 9. ... • 10. ...")
///   are recognised when the paragraph opens with such a marker: each following marker in sequence starts a
///   new sentence, and a marker's own punctuation never ends one; elsewhere a label of one to three digits or one
///   lower-case letter that opens a sentence ("in order. 1. Deter an attack. 2. Respond ...") belongs to it;
/// - after an abbreviation that takes a number ("No.", "Art.", "Vol."), a Roman numeral is that number ("Vol. II").
public enum SentenceSplitter {
    /// Byte ranges of the sentences of `text` (one block's normalised UTF-8 text: single spaces, no line breaks),
    /// in order, trimmed of spaces, non-empty, non-overlapping, together covering every non-space byte.
    public static func split(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        // Most blocks hold a few sentences of 60–200 bytes: one allocation up front instead of several regrowths.
        out.reserveCapacity(text.count / 96 + 2)
        split(text, into: &out)
        return out
    }

    /// Appends the sentences of `text` to `out` (offsets from the start of `text`): how the extractor collects
    /// a whole document's sentences in one array.
    public static func split(_ text: UnsafeBufferPointer<UInt8>, into out: inout [Range<Int>]) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        var scanner = SentenceScanner(p: base, n: text.count)
        swap(&scanner.out, &out)
        scanner.run()
        swap(&scanner.out, &out)
    }

    /// Convenience for callers holding a `String`: the sentences as `Substring`s of `text`.
    public static func sentences(of text: String) -> [Substring] {
        var copy = text
        let ranges: [Range<Int>] = copy.withUTF8 { split($0) }
        let utf8 = copy.utf8
        return ranges.map { r in
            let lo = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
            let hi = utf8.index(lo, offsetBy: r.count)
            return copy[lo..<hi]
        }
    }
}

// MARK: - Byte classes

private let space: UInt8 = 0x20
private let dot: UInt8 = 0x2E
private let bang: UInt8 = 0x21
private let question: UInt8 = 0x3F

/// What the next word after a candidate boundary starts with.
enum SentenceNextClass {
    case lower, upper, digit, other
}

struct SentenceScanner {
    let p: UnsafePointer<UInt8>
    let n: Int

    /// Where the sentences go; `run` appends to it.
    var out: [Range<Int>] = []

    init(p: UnsafePointer<UInt8>, n: Int) {
        self.p = p
        self.n = n
    }

    /// The outcome of examining a candidate.
    enum Decision {
        /// Not a boundary; resume scanning at the index.
        case none(resume: Int)
        /// The sentence ends at `end` (exclusive); the next one starts at `next`; scanning resumes at `resume`.
        case boundary(end: Int, next: Int, resume: Int)
    }

    mutating func run() {
        var start = 0
        while start < n && p[start] == space { start += 1 }
        if start == n { return }
        var i = start
        var list = SentenceListMarkers()
        if let first = parseMarker(at: start) {
            i = first.end
            list = SentenceListMarkers(style: first, from: i, scanner: self)
        }
        while true {
            let limit = list.next ?? n
            while i < limit {
                // Eight bytes at a time up to the next byte that can end a sentence.
                if i + 8 <= limit && !Self.mayEndSentence(ByteWords.load(p, i)) {
                    i &+= 8
                    continue
                }
                let b = p[i]
                // '!' 0x21, '.' 0x2E, '?' 0x3F; 0xE2 starts '…' (E2 80 A6).
                if b == dot || b == question || b == bang || (b == 0xE2 && isEllipsisChar(i)) {
                    switch examine(at: i, sentenceStart: start) {
                    case .none(let resume):
                        i = resume
                    case .boundary(let end, let next, let resume):
                        out.append(start..<end)
                        start = next
                        i = resume
                    }
                } else {
                    i &+= 1
                }
            }
            guard let marker = list.next else { break }
            var end = marker
            while end > start && p[end - 1] == space { end -= 1 }
            if end > start { out.append(start..<end) }
            start = marker
            i = list.advance(scanner: self)
        }
        var end = n
        while end > start && p[end - 1] == space { end -= 1 }
        if end > start { out.append(start..<end) }
    }

    // MARK: Characters

    /// Whether one of eight bytes is `.`, `?`, `!` or 0xE2 (the lead byte of `…`): `w` XOR the byte repeated has
    /// a zero byte then, and `(v - 0x01…) & ~v` has bit 7 set in some byte exactly when `v` has a zero byte.
    @inline(__always)
    static func mayEndSentence(_ w: UInt64) -> Bool {
        let ones = ByteWords.ones
        let a = w ^ (ones &* UInt64(dot)), b = w ^ (ones &* UInt64(question))
        let c = w ^ (ones &* UInt64(bang)), d = w ^ (ones &* 0xE2)
        return ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c | (d &- ones) & ~d) & ByteWords.highs != 0
    }

    @inline(__always)
    func isEllipsisChar(_ i: Int) -> Bool {
        i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xA6
    }

    /// Length of a closing quote or bracket at `i`, or 0.
    @inline(__always)
    func closerLength(_ i: Int) -> Int {
        let b = p[i]
        switch b {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: // " ' ) ] }
            return 1
        case 0xE2:
            // ’ E2 80 99, ” E2 80 9D, › E2 80 BA
            if i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0x99 || p[i + 2] == 0x9D || p[i + 2] == 0xBA) {
                return 3
            }
            return 0
        case 0xC2:
            // » C2 BB
            return i + 1 < n && p[i + 1] == 0xBB ? 2 : 0
        default:
            return 0
        }
    }

    /// Length of an opening quote or bracket at `i`, or 0.
    @inline(__always)
    func openerLength(_ i: Int) -> Int {
        let b = p[i]
        switch b {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B: // " ' ( [ {
            return 1
        case 0xE2:
            // ‘ E2 80 98, “ E2 80 9C, ‹ E2 80 B9
            if i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0x98 || p[i + 2] == 0x9C || p[i + 2] == 0xB9) {
                return 3
            }
            return 0
        case 0xC2:
            // « C2 AB, ¡ C2 A1, ¿ C2 BF
            if i + 1 < n && (p[i + 1] == 0xAB || p[i + 1] == 0xA1 || p[i + 1] == 0xBF) { return 2 }
            return 0
        default:
            return 0
        }
    }

    /// Skips opening quotes and brackets from `i`.
    @inline(__always)
    func skipOpeners(_ i: Int, limit: Int) -> Int {
        var k = i
        while k < limit {
            let len = openerLength(k)
            if len == 0 { break }
            k += len
        }
        return k
    }

    /// The case of the character at `k` (after opening punctuation).
    func classify(_ k: Int) -> SentenceNextClass {
        guard k < n else { return .other }
        let b = p[k]
        if b &- 0x61 < 26 { return .lower }
        if b &- 0x41 < 26 { return .upper }
        if b &- 0x30 < 10 { return .digit }
        if b < 0x80 { return .other }
        // Decode one scalar (two- and three-byte forms are enough for the cased scripts checked here).
        var scalar: UInt32 = 0
        if b & 0xE0 == 0xC0, k + 1 < n {
            scalar = UInt32(b & 0x1F) << 6 | UInt32(p[k + 1] & 0x3F)
        } else if b & 0xF0 == 0xE0, k + 2 < n {
            scalar = UInt32(b & 0x0F) << 12 | UInt32(p[k + 1] & 0x3F) << 6 | UInt32(p[k + 2] & 0x3F)
        } else {
            return .other
        }
        switch scalar {
        case 0xC0...0xDE where scalar != 0xD7: return .upper           // Latin-1 capitals
        case 0xDF...0xFF where scalar != 0xF7: return .lower           // Latin-1 small letters
        case 0x100...0x137, 0x14A...0x177:                             // Latin Extended-A, even = capital
            return scalar & 1 == 0 ? .upper : .lower
        case 0x139...0x148, 0x179...0x17E:                             // Latin Extended-A, odd = capital
            return scalar & 1 == 1 ? .upper : .lower
        case 0x391...0x3A9: return .upper                              // Greek
        case 0x3AC...0x3CE: return .lower
        case 0x400...0x42F: return .upper                              // Cyrillic
        case 0x430...0x45F: return .lower
        default: return .other
        }
    }

    /// End of the run of ASCII letters starting at `k`.
    @inline(__always)
    func letterRunEnd(_ k: Int) -> Int {
        var e = k
        while e < n && (p[e] | 0x20) &- 0x61 < 26 { e += 1 }
        return e
    }

    // MARK: Candidates

    /// Examines the terminal punctuation starting at `i`.
    func examine(at i: Int, sentenceStart: Int) -> Decision {
        // 1. The cluster: attached terminal characters, then spaced dots (". . ."), then closers.
        var j = i
        var dots = 0
        var attachedDots = 0
        var spacedDots = 0
        var exclaims = false
        while j < n {
            let c = p[j]
            if c == dot {
                dots += 1
                if spacedDots == 0 { attachedDots += 1 }
                j += 1
            } else if c == question || c == bang {
                exclaims = true
                j += 1
            } else if c == 0xE2 && isEllipsisChar(j) {
                dots += 3
                if spacedDots == 0 { attachedDots += 3 }
                j += 3
            } else if c == space && j + 1 < n && p[j + 1] == dot && dots > 0
                        && (j + 2 == n || p[j + 2] == space || p[j + 2] == dot || p[j + 2] == question
                            || p[j + 2] == bang || closerLength(j + 2) > 0) {
                // " ." continuing a spaced ellipsis; not " .5" (a decimal) nor " .com".
                dots += 1
                spacedDots += 1
                j += 2
            } else {
                break
            }
        }
        let closersStart = j
        while j < n {
            let len = closerLength(j)
            if len == 0 { break }
            j += len
        }
        let hasClosers = j > closersStart

        // 2. A boundary needs a space and then a word.
        if j >= n { return .none(resume: n) }
        if p[j] != space { return .none(resume: j) }
        // An ellipsis in brackets ("[...]", "(…)") is an elision inside the sentence.
        if !exclaims && dots >= 2 && i > 0 && (p[i - 1] == 0x5B || p[i - 1] == 0x28) {
            return .none(resume: j)
        }
        var k = j
        while k < n && p[k] == space { k += 1 }
        if k == n { return .none(resume: n) }
        let wordStart = skipOpeners(k, limit: n)
        let next = classify(wordStart)
        let boundary = Decision.boundary(end: j, next: k, resume: k)
        let noBoundary = Decision.none(resume: k)

        // 3. Lower case never begins a sentence.
        if next == .lower { return noBoundary }
        if exclaims { return boundary }

        // 4. Ellipses.
        if dots >= 2 {
            let wordBefore = i > 0 && p[i - 1] != space
            if wordBefore && attachedDots == 1 && spacedDots >= 3 {
                // "abrupt. . . . Then": the full stop ends the sentence, the ellipsis opens the next.
                return .boundary(end: i + 1, next: i + 2, resume: k)
            }
            if dots >= 4 { return boundary }
            if next == .upper && !isPronounI(wordStart) { return boundary }
            return noBoundary
        }

        // 5. A single full stop after a word.
        var ws = i
        while ws > 0 && p[ws - 1] != space { ws -= 1 }
        ws = skipOpeners(ws, limit: i)
        if ws >= i { return boundary } // " . Next"
        return decideAfterWord(ws: ws, we: i, hasClosers: hasClosers, next: next, wordStart: wordStart,
                               sentenceStart: sentenceStart)
            ? boundary : noBoundary
    }

    /// Whether a full stop after the word `p[ws..<we]`, followed by a word of class `next` at `wordStart`,
    /// ends the sentence. `next` is not `.lower`.
    func decideAfterWord(ws: Int, we: Int, hasClosers: Bool, next: SentenceNextClass, wordStart: Int,
                         sentenceStart: Int) -> Bool {
        let first = p[ws]
        let capitalised = first &- 0x41 < 26

        // Shape of the word: letters, dots, digits, '@' or '/'.
        var letters = 0, digits = 0, innerDots = 0, others = 0, segment = 0, longestSegment = 0
        var linkish = false
        for k in ws..<we {
            let b = p[k]
            if (b | 0x20) &- 0x61 < 26 {
                letters += 1
                segment += 1
                if segment > longestSegment { longestSegment = segment }
            } else if b == dot {
                innerDots += 1
                segment = 0
            } else if b &- 0x30 < 10 {
                digits += 1
                segment = 0
            } else {
                if b == 0x40 || b == 0x2F { linkish = true } // '@' '/'
                others += 1
                segment = 0
            }
        }
        if linkish { return true } // e-mail address or URL

        if let entry = AbbreviationList.table.lookup(p, ws, we, foldCase: true),
           !entry.needsCapital || capitalised {
            switch entry.kind {
            case .title:
                if capitalised { return false }
                // a title written in lower case ("on Main st. Nearby ...") is an ordinary abbreviation
                if hasClosers { return true }
                return next == .upper && startsSentence(wordStart)
            case .number:
                // "No. 5", "Vol. II": a number or a Roman numeral follows.
                return next != .digit && !isRomanNumeral(wordStart)
            case .midSentence:
                return false
            case .etCetera:
                return next != .digit
            case .time:
                if next == .digit { return false }
                return hasClosers || !isIntroductoryTimePhrase(sentenceStart: sentenceStart, wordStart: ws)
            case .general:
                if hasClosers { return true }
                return next == .upper && startsSentence(wordStart)
            }
        }

        let length = we - ws
        // An item label opening a sentence ("... in order. 1. Deter an attack. 2. Respond ..."): one to three
        // digits or one lower-case letter, alone before the full stop, is the item's number, not a sentence.
        if ws == sentenceStart && (digits == length && length <= 3 || length == 1 && first &- 0x61 < 26) {
            return false
        }
        if length == 1 && letters == 1 {
            // A single letter: an initial ("Harry S. Truman", "J. R. Hara"), "p. 55", or the pronoun I.
            if hasClosers { return true }
            guard next == .upper else { return false }
            if isInitial(wordStart) { return false }
            if first == 0x49 && previousWordIsLowerCase(ws) { return true } // "you or I. Nobody"
            return startsSentence(wordStart)
        }
        if innerDots > 0 && digits == 0 && others == 0 && longestSegment <= 3 && p[we - 1] != dot {
            // A dotted initialism: "U.S", "E.U", "U.S.A", "Ph.D".
            if hasClosers { return true }
            return next == .upper && startsSentence(wordStart)
        }
        return true
    }

    /// Whether the capitalised word at `k` typically begins a sentence.
    func startsSentence(_ k: Int) -> Bool {
        let e = letterRunEnd(k)
        return AbbreviationList.sentenceStarters.lookup(p, k, e, foldCase: false) != nil
    }

    /// Whether the word at `k` is a Roman numeral of two to seven letters, or V or X ("Vol. II", "Art. XV"),
    /// ending at a space or punctuation. A lone "I" is left out: "No. I think so." ends at "No.".
    func isRomanNumeral(_ k: Int) -> Bool {
        let e = letterRunEnd(k)
        guard e > k, e - k <= 7, e == n || p[e] < 0x80 else { return false }
        for j in k..<e {
            switch p[j] {
            case 0x49, 0x56, 0x58, 0x4C, 0x43, 0x44, 0x4D: continue // I V X L C D M
            default: return false
            }
        }
        return e - k >= 2 || p[k] != 0x49
    }

    /// Whether the word at `k` is the pronoun "I" ("I", "I’m", "I'd").
    func isPronounI(_ k: Int) -> Bool {
        k < n && p[k] == 0x49 && letterRunEnd(k) == k + 1
    }

    /// Whether the token at `k` is an initial: one capital letter and a full stop ("R." in "J. R. Smith").
    func isInitial(_ k: Int) -> Bool {
        k + 1 < n && p[k] &- 0x41 < 26 && p[k + 1] == dot
    }

    /// Whether the word before the one starting at `ws` starts with a lower-case letter.
    func previousWordIsLowerCase(_ ws: Int) -> Bool {
        var e = ws
        while e > 0 && p[e - 1] != space { e -= 1 } // back to the space before this word (openers included)
        while e > 0 && p[e - 1] == space { e -= 1 }
        if e == 0 { return false }
        var s = e
        while s > 0 && p[s - 1] != space { s -= 1 }
        s = skipOpeners(s, limit: e)
        return s < e && p[s] &- 0x61 < 26
    }

    /// Whether `p[sentenceStart..<ws]` plus the time abbreviation is only an introductory phrase of at most four
    /// words opened by a preposition ("At 5 a.m.", "By about 10 p.m.").
    func isIntroductoryTimePhrase(sentenceStart: Int, wordStart ws: Int) -> Bool {
        if ws - sentenceStart > 48 { return false } // such phrases are short; also bounds the work
        var words = 1
        var k = sentenceStart
        while k < ws {
            if p[k] == space {
                words += 1
                if words > 4 { return false }
            }
            k += 1
        }
        let s = skipOpeners(sentenceStart, limit: ws)
        let e = letterRunEnd(s)
        return AbbreviationList.timePrepositions.lookup(p, s, e, foldCase: true) != nil
    }

    // MARK: Numbered items inside a paragraph

    /// A list marker: an optional bullet (and space), a label (1–3 digits or one lower-case letter), and its
    /// punctuation (`.`, `)` or `.)`), followed by a space; or a bullet alone followed by a space.
    struct Marker {
        var bullet: Range<Int>?       // bytes of the bullet character
        var spaceAfterBullet: Bool
        var label: Range<Int>?        // bytes of the label
        var punctuation: Range<Int>?  // bytes of the punctuation
        var end: Int                  // index after the punctuation (or after the bullet)
    }

    /// Length of a bullet character at `i` (• ⁃ ◦ ‣ ▪), or 0.
    func bulletLength(_ i: Int) -> Int {
        guard i + 2 < n, p[i] == 0xE2 else { return 0 }
        switch (p[i + 1], p[i + 2]) {
        case (0x80, 0xA2), (0x80, 0xA3), (0x81, 0x83), (0x97, 0xA6), (0x96, 0xAA): return 3
        default: return 0
        }
    }

    func parseMarker(at start: Int) -> Marker? {
        var k = start
        var bullet: Range<Int>? = nil
        var spaceAfterBullet = false
        let bl = bulletLength(k)
        if bl > 0 {
            bullet = k..<(k + bl)
            k += bl
            if k < n && p[k] == space { spaceAfterBullet = true; k += 1 }
        }
        let labelStart = k
        while k < n && p[k] &- 0x30 < 10 && k - labelStart < 4 { k += 1 }
        var labelEnd = k
        if labelEnd - labelStart > 3 { return nil }
        if labelEnd == labelStart, k < n, p[k] &- 0x61 < 26 { k += 1; labelEnd = k }
        if labelEnd == labelStart {
            // a bullet alone: "• Consult the allies • Defend the islands"
            if let bullet, spaceAfterBullet, k < n, p[k] != space {
                return Marker(bullet: bullet, spaceAfterBullet: true, label: nil, punctuation: nil, end: bullet.upperBound)
            }
            return nil
        }
        let punctuationStart = k
        if k < n && p[k] == dot { k += 1 }
        if k < n && p[k] == 0x29 { k += 1 } // ')'
        if k == punctuationStart { return nil }
        guard k + 1 < n, p[k] == space, p[k + 1] != space else { return nil }
        return Marker(bullet: bullet, spaceAfterBullet: spaceAfterBullet, label: labelStart..<labelEnd,
                      punctuation: punctuationStart..<k, end: k)
    }
}

/// The markers of items numbered inside one paragraph, found lazily in sequence. Each following marker has the
/// first one's bullet and punctuation and the next label; it is matched against the first marker's own bytes,
/// so nothing is allocated.
struct SentenceListMarkers {
    /// Where the next marker in the sequence starts, if there is one.
    private(set) var next: Int?
    /// Where that marker's punctuation (or bullet) ends.
    private var nextEnd = 0
    private var style: SentenceScanner.Marker?
    /// The label expected next: a number, or a letter's byte.
    private var label = 0
    private var isLetter = false

    init() {}

    init(style: SentenceScanner.Marker, from: Int, scanner s: SentenceScanner) {
        self.style = style
        if let range = style.label {
            if s.p[range.lowerBound] &- 0x61 < 26 {
                isLetter = true
                label = Int(s.p[range.lowerBound])
            } else {
                for k in range { label = label * 10 + Int(s.p[k] &- 0x30) }
            }
        }
        find(from: from, scanner: s)
    }

    /// Moves past the marker at `next` and finds the one after it; returns where scanning resumes.
    mutating func advance(scanner s: SentenceScanner) -> Int {
        guard next != nil else { return s.n }
        let end = nextEnd
        find(from: end, scanner: s)
        return end
    }

    /// Finds the next marker in the sequence at or after `from`: preceded by a space, followed by a space and a
    /// non-space.
    private mutating func find(from: Int, scanner s: SentenceScanner) {
        next = nil
        guard let style else { return }
        let p = s.p
        let n = s.n
        // The expected label's bytes (at most three digits, or one letter).
        var digits: (UInt8, UInt8, UInt8) = (0, 0, 0)
        var labelLength = 0
        if style.label != nil {
            if isLetter {
                if label >= 0x7A { return }
                label += 1
                digits.0 = UInt8(label)
                labelLength = 1
            } else {
                if label >= 999 { return }
                label += 1
                if label >= 100 {
                    digits = (UInt8(label / 100) + 0x30, UInt8(label / 10 % 10) + 0x30, UInt8(label % 10) + 0x30)
                    labelLength = 3
                } else if label >= 10 {
                    digits = (UInt8(label / 10) + 0x30, UInt8(label % 10) + 0x30, 0)
                    labelLength = 2
                } else {
                    digits = (UInt8(label) + 0x30, 0, 0)
                    labelLength = 1
                }
            }
        }
        let first: UInt8
        if let bullet = style.bullet { first = p[bullet.lowerBound] } else { first = digits.0 }
        var k = max(from, 1)
        while k < n {
            if p[k] == first && p[k - 1] == 0x20, let end = match(at: k, digits: digits, labelLength: labelLength, s) {
                next = k
                nextEnd = end
                return
            }
            k += 1
        }
    }

    /// The end of a marker of this style with the given label at `k`, or nil.
    private func match(at k: Int, digits: (UInt8, UInt8, UInt8), labelLength: Int, _ s: SentenceScanner) -> Int? {
        guard let style else { return nil }
        let p = s.p
        let n = s.n
        var j = k
        if let bullet = style.bullet {
            for b in bullet {
                guard j < n, p[j] == p[b] else { return nil }
                j += 1
            }
            if style.label == nil {
                return j + 1 < n && p[j] == 0x20 && p[j + 1] != 0x20 ? j : nil
            }
            if style.spaceAfterBullet {
                guard j < n, p[j] == 0x20 else { return nil }
                j += 1
            }
        }
        guard j + labelLength <= n else { return nil }
        if labelLength >= 1 && p[j] != digits.0 { return nil }
        if labelLength >= 2 && p[j + 1] != digits.1 { return nil }
        if labelLength >= 3 && p[j + 2] != digits.2 { return nil }
        j += labelLength
        if let punctuation = style.punctuation {
            for b in punctuation {
                guard j < n, p[j] == p[b] else { return nil }
                j += 1
            }
        }
        return j + 1 < n && p[j] == 0x20 && p[j + 1] != 0x20 ? j : nil
    }
}
