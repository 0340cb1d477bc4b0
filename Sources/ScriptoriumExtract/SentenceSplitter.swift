import ScriptoriumText

/// Finds sentence boundaries in one block's normalised text (single spaces, no line breaks), on UTF-8 bytes.
///
/// The hot loop only looks for the bytes that can end a sentence (`.`, `?`, `!` and the first byte of `…`);
/// everything else (the word before, the word after, the abbreviation lists) is consulted only there.
///
/// How a candidate is decided (see `SentenceScanner.examine`):
/// - a terminal cluster is a run of `.` `?` `!` `…`, possibly a spaced ellipsis (`. . .`), then closing quotes
///   and brackets (`"` `'` `’` `”` `)` `]` `»`), then citation or footnote markers (`[3]`, `[12][13]`,
///   `[citation needed]`, `¹²`) that belong to the sentence before and change nothing else; it can end a
///   sentence only when a space follows;
/// - a word that starts in lower case after `?` or `!`, an ellipsis or closers, or with a non-ASCII letter, never
///   begins a new sentence ("Go Japan! appeared", "Tokyo.) and", "agreed.” she", "oui. été"); after a single full
///   stop it does when the word before is an ordinary word (lower-case, an acronym or unit in capitals, a number
///   or version, or a capitalised word that is the whole sentence: "Yes.") and the word after is not a
///   continuation word ("and", "of", "the"): "It is fast. gzip now ...", "a limit of 2 GB. tar now ...", but
///   "Sony Corp. in", "e.g. the", "U.S.A. last", "p. the", "3 in. wide", "dir. and", "Nev. now"
///   (`lowerCaseWordOpensSentence`);
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
///   new sentence, and a marker's own punctuation never ends one; so are items from a "1." before a capitalised
///   word that opens a sentence or follows a colon, when a "2." follows ("Do this: 1. The first point. 2. The
///   second point.": the sentence before ends at the colon); elsewhere a label of one to three digits or one
///   lower-case letter that opens a sentence ("in order. 1. Deter an attack. 2. Respond ...") belongs to it, as
///   does a "Q." or "A." label in a FAQ ("Q. Why did it fail?"); before a lower-case word, a number that is 1 or
///   follows the label before it is an item's label too ("The steps are 1. open the file 2. read it");
/// - a full stop never ends a sentence that is only numbers ("2. 3.", "1960.");
/// - after an abbreviation that takes a number ("No.", "Art.", "Vol."), a Roman numeral is that number ("Vol. II").
public enum SentenceSplitter {
    /// Byte ranges of the sentences of `text` (one block's normalised UTF-8 text: single spaces, no line breaks),
    /// in order, trimmed of spaces, non-empty, non-overlapping, together covering every non-space byte. The bytes
    /// are lent as a `Span`: the scanner's pointer arithmetic stays inside this module.
    public static func split(_ text: Swift.Span<UInt8>) -> [Range<Int>] {
        text.withUnsafeBufferPointer { split($0) }
    }

    /// The same over a buffer: public only while ScriptoriumNormalize (`ParagraphSentences`) still lends its
    /// bytes this way.
    public static func split(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        // Most blocks hold a few sentences of 60–200 bytes: one allocation up front instead of several regrowths.
        out.reserveCapacity(text.count / 96 + 2)
        split(text, into: &out)
        return out
    }

    /// Appends the sentences of `text` to `out` (offsets from the start of `text`): how the extractor collects
    /// a whole document's sentences in one array.
    static func split(_ text: UnsafeBufferPointer<UInt8>, into out: inout [Range<Int>]) {
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
        /// Numbered items start inside the paragraph: the sentence so far ends at `end` (exclusive; none when
        /// `end` is its start), the first item starts at `item` (`inlineList(at:)` finds the following ones), and
        /// scanning resumes at `resume`. The list itself is not carried: a payload that large would make every
        /// decision costlier to return.
        case items(end: Int, item: Int, resume: Int)
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
            var limit = list.next ?? n
            while i < limit {
                // Eight bytes at a time up to the next byte that can end a sentence.
                if i + 8 <= limit && !Self.mayEndSentence(ByteWords.load(p, i)) {
                    i &+= 8
                    continue
                }
                let b = p[i]
                // '!' 0x21, '.' 0x2E, '?' 0x3F; 0xE2 starts '…' (E2 80 A6).
                if b == dot || b == question || b == bang || (b == 0xE2 && isEllipsisChar(i)) {
                    switch examine(at: i, sentenceStart: start, inList: list.next != nil) {
                    case .none(let resume):
                        i = resume
                    case .boundary(let end, let next, let resume):
                        out.append(start..<end)
                        start = next
                        i = resume
                    case .items(let end, let item, let resume):
                        if end > start { out.append(start..<end) }
                        start = item
                        i = resume
                        list = inlineList(at: item) ?? SentenceListMarkers()
                        limit = list.next ?? n
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

    /// Examines the terminal punctuation starting at `i`. `inList` tells whether numbered items are being
    /// followed (`SentenceListMarkers`), so that no second list starts inside one.
    func examine(at i: Int, sentenceStart: Int, inList: Bool) -> Decision {
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
        // Citation and footnote markers belong to the sentence before and leave the decision as it was.
        if j < n && p[j] != space { j = noteMarkersEnd(j) }

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

        // 3. Lower case continues the sentence after `?` or `!`, an ellipsis or closers, and when it is not ASCII
        //    ("Yahoo! in", "hesitated... then", "Tokyo.) and", "oui. été"); after a single full stop the word
        //    before decides (step 5).
        let lower = next == .lower
        if lower && (exclaims || dots != 1 || hasClosers || p[wordStart] &- 0x61 >= 26) { return noBoundary }
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
        let ws = startOfWord(endingAt: i)
        if ws >= i { return lower ? noBoundary : boundary } // " . Next"
        if next == .upper && !inList,
           let items = inlineItems(label: ws, labelEnd: i, sentenceStart: sentenceStart, resume: k) {
            return items
        }
        let ends = lower
            ? lowerCaseWordOpensSentence(ws: ws, we: i, wordStart: wordStart, sentenceStart: sentenceStart)
            : decideAfterWord(ws: ws, we: i, hasClosers: hasClosers, next: next, wordStart: wordStart,
                              sentenceStart: sentenceStart)
        return ends && !isOnlyNumbers(sentenceStart, i) ? boundary : noBoundary
    }

    /// End of the citation and footnote markers attached at `j` ("treaty.[3]", "[12][13]", "[citation needed]",
    /// "end.¹²"), or `j` when there are none. A bracket holds at most 40 bytes and no other bracket.
    func noteMarkersEnd(_ j: Int) -> Int {
        var k = j
        while k < n {
            if p[k] == 0x5B { // '['
                var e = k + 1
                while e < n && e - k <= 40 && p[e] != 0x5D && p[e] != 0x5B { e += 1 }
                guard e < n, p[e] == 0x5D, e > k + 1 else { break }
                k = e + 1
            } else if k + 1 < n && p[k] == 0xC2 && (p[k + 1] == 0xB9 || p[k + 1] == 0xB2 || p[k + 1] == 0xB3) {
                k += 2 // ¹ ² ³
            } else if k + 2 < n && p[k] == 0xE2 && p[k + 1] == 0x81 && (p[k + 2] == 0xB0 || p[k + 2] &- 0xB4 < 6) {
                k += 3 // ⁰ ⁴ … ⁹
            } else {
                break
            }
        }
        return k
    }

    /// Start of the word that ends at `i`, after its opening quotes and brackets; `i` when there is none.
    @inline(__always)
    func startOfWord(endingAt i: Int) -> Int {
        var ws = i
        while ws > 0 && p[ws - 1] != space { ws -= 1 }
        return skipOpeners(ws, limit: i)
    }

    /// What a word before a full stop is made of.
    struct WordShape {
        var letters = 0, capitals = 0, digits = 0, innerDots = 0, others = 0, longestSegment = 0
        /// It holds '@' or '/': an e-mail address or a URL.
        var linkish = false
        var endsWithDot = false

        /// Letters in segments of at most three, joined by full stops: "U.S", "E.U", "U.S.A", "Ph.D", "e.g".
        var isDottedInitialism: Bool {
            innerDots > 0 && digits == 0 && others == 0 && longestSegment <= 3 && !endsWithDot
        }
    }

    @inline(__always)
    func shape(_ ws: Int, _ we: Int) -> WordShape {
        var s = WordShape()
        var segment = 0
        for k in ws..<we {
            let b = p[k]
            if (b | 0x20) &- 0x61 < 26 {
                s.letters += 1
                if b < 0x61 { s.capitals += 1 }
                segment += 1
                if segment > s.longestSegment { s.longestSegment = segment }
            } else if b == dot {
                s.innerDots += 1
                segment = 0
            } else if b &- 0x30 < 10 {
                s.digits += 1
                segment = 0
            } else {
                if b == 0x40 || b == 0x2F { s.linkish = true } // '@' '/'
                s.others += 1
                segment = 0
            }
        }
        s.endsWithDot = p[we - 1] == dot
        return s
    }

    /// Whether a full stop after the word `p[ws..<we]` ends the sentence although the next word, at `wordStart`,
    /// starts with an ASCII lower-case letter.
    ///
    /// In real text (licences, FAQs, release notes) an ordinary word, a number or a unit, a full stop and a
    /// lower-case word is a boundary: the new sentence opens with a program's or a function's name ("It is fast.
    /// gzip now ...", "a limit of 2 GB. tar now ...", "Use the new API. malloc() is ..."), or with sloppy lower
    /// case after an answer ("Yes. it works"). What continues a sentence instead is an abbreviation ("Corp. in",
    /// "e.g. the", "approx. ten", "St. louis"), which the lists know or which a continuation word after it betrays
    /// ("dir. and"); a capitalised word, which may be an abbreviation no list has ("Nev. now"), unless it is the
    /// whole sentence ("Yes."); a single letter or an initial ("p. the", "J. r."); a dotted initialism ("U.S.A.
    /// last"); an item label ("The steps are 1. open the file 2. read it"); a unit after a number ("3 in. wide").
    /// Ordinary words are therefore lower-case words, acronyms and units in capitals ("API", "GB") and words
    /// with digits ("2019", "2.1", "v2"). Identifiers ("foo.bar") have no space and never get here.
    func lowerCaseWordOpensSentence(ws: Int, we: Int, wordStart: Int, sentenceStart: Int) -> Bool {
        // The checks on the word's bytes come first: they settle most cases before any lookup.
        let length = we - ws
        let s = shape(ws, we)
        if length == 1 && s.letters == 1 || s.letters + s.digits == 0 || s.isDottedInitialism { return false }
        if p[ws] &- 0x41 < 26 && s.digits == 0 && s.capitals < s.letters && ws != sentenceStart { return false }
        let nextEnd = letterRunEnd(wordStart)
        if AbbreviationList.continuationWords.lookup(p, wordStart, nextEnd, foldCase: false) != nil { return false }
        if s.digits == length && length <= 3 { return !isInlineItemLabel(ws, we, sentenceStart: sentenceStart) }
        if let entry = AbbreviationList.table.lookup(p, ws, we, foldCase: true),
           !entry.needsCapital || p[ws] &- 0x41 < 26 {
            // "No." that is a whole sentence answers a question ("Can I sell it? No. it is ..."); it is not the
            // number abbreviation, which needs a number after it.
            return entry.kind == .number && ws == sentenceStart && we - ws == 2 && p[ws] == 0x4E
        }
        if let previous = previousWord(ws), p[previous.lowerBound] &- 0x30 < 10,
           AbbreviationList.unitsAfterNumber.lookup(p, ws, we, foldCase: false) != nil {
            return false
        }
        return true
    }

    /// Whether a full stop after the word `p[ws..<we]`, followed by a word of class `next` at `wordStart`,
    /// ends the sentence. `next` is not `.lower`.
    func decideAfterWord(ws: Int, we: Int, hasClosers: Bool, next: SentenceNextClass, wordStart: Int,
                         sentenceStart: Int) -> Bool {
        let first = p[ws]
        let capitalised = first &- 0x41 < 26
        let s = shape(ws, we)
        if s.linkish { return true } // e-mail address or URL

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
        // A label opening a sentence is part of it: an item's number ("... in order. 1. Deter an attack. 2. Respond
        // ..."), one to three digits or one lower-case letter, or a question or answer label in a FAQ ("Q. Why
        // did it fail?", "A. Because ...").
        if ws == sentenceStart
            && (s.digits == length && length <= 3
                || length == 1 && (first &- 0x61 < 26 || first == 0x51 || first == 0x41)) {
            return false
        }
        if length == 1 && s.letters == 1 {
            // A single letter: an initial ("Harry S. Truman", "J. R. Hara"), "p. 55", or the pronoun I.
            if hasClosers { return true }
            guard next == .upper else { return false }
            if isInitial(wordStart) { return false }
            if first == 0x49 && previousWordIsLowerCase(ws) { return true } // "you or I. Nobody"
            return startsSentence(wordStart)
        }
        if s.isDottedInitialism {
            if hasClosers { return true }
            return next == .upper && startsSentence(wordStart)
        }
        return true
    }

    /// Whether the number `p[ws..<we]` (one to three digits) before a full stop and a lower-case word labels an
    /// item of an enumeration inside the sentence: it is 1 ("The steps are 1. open the file"), or the label one
    /// less than it comes earlier in the sentence ("... 1. open the file 2. read it"), looked for in the last
    /// `inlineItemsHorizon` bytes. Any other number ends the sentence ("The mean was 42. median was 40.").
    func isInlineItemLabel(_ ws: Int, _ we: Int, sentenceStart: Int) -> Bool {
        var value = 0
        for k in ws..<we { value = value * 10 + Int(p[k] &- 0x30) }
        if value == 1 { return true }
        var k = ws - 2 // the full stop of an earlier label "N. " ends before the space at ws - 1
        let stop = max(sentenceStart, ws - Self.inlineItemsHorizon)
        while k > stop {
            if p[k] == dot && p[k + 1] == space {
                var start = k, earlier = 0, place = 1
                while start > stop && k - start < 3 && p[start - 1] &- 0x30 < 10 {
                    start -= 1
                    earlier += Int(p[start] &- 0x30) * place
                    place *= 10
                }
                if start < k && earlier == value - 1 && (start == sentenceStart || p[start - 1] == space) {
                    return true
                }
            }
            k -= 1
        }
        return false
    }

    /// Whether `p[sentenceStart..<we]`, the sentence up to a full stop, holds only numbers and their
    /// punctuation ("2. 3", "1960"): such a sentence would be nothing but a label or a number.
    func isOnlyNumbers(_ sentenceStart: Int, _ we: Int) -> Bool {
        if we - sentenceStart > 24 { return false } // bounds the work; labels are short
        for k in sentenceStart..<we {
            let b = p[k]
            if !(b &- 0x30 < 10 || b == dot || b == space || b == 0x29 || b == 0x2C) { return false }
        }
        return true
    }

    /// Items numbered inside a paragraph that did not open with a marker: a "1." before a capitalised word, at
    /// the start of a sentence or after a colon ("Do this: 1. The first point. 2. The second point."), starts a
    /// list when a "2." follows within `inlineItemsHorizon` bytes; the sentence before ends at the colon. Without
    /// a "2." it is an ordinary number ("The score was 1. The game ...").
    func inlineItems(label ws: Int, labelEnd we: Int, sentenceStart: Int, resume: Int) -> Decision? {
        guard we == ws + 1, p[ws] == 0x31 else { return nil } // "1"
        var end = ws
        if ws != sentenceStart {
            guard ws >= 2, p[ws - 1] == space, p[ws - 2] == 0x3A else { return nil } // ': 1.'
            end = ws - 1
        }
        guard inlineList(at: ws) != nil else { return nil }
        return .items(end: end, item: ws, resume: resume)
    }

    /// The items numbered inside a paragraph from the marker at `ws` on, when a second item follows.
    func inlineList(at ws: Int) -> SentenceListMarkers? {
        guard let marker = parseMarker(at: ws) else { return nil }
        let list = SentenceListMarkers(style: marker, from: marker.end, horizon: Self.inlineItemsHorizon, scanner: self)
        return list.next != nil ? list : nil
    }

    /// How far after an inline item its successor is looked for: such items are a sentence or two, and the bound
    /// keeps a paragraph full of "1." labels linear.
    static let inlineItemsHorizon = 1024

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

    /// The word before the one starting at `ws`, after its opening quotes and brackets, if there is one.
    func previousWord(_ ws: Int) -> Range<Int>? {
        var e = ws
        while e > 0 && p[e - 1] != space { e -= 1 } // back to the space before this word (openers included)
        while e > 0 && p[e - 1] == space { e -= 1 }
        if e == 0 { return nil }
        let s = startOfWord(endingAt: e)
        return s < e ? s..<e : nil
    }

    /// Whether the word before the one starting at `ws` starts with a lower-case letter.
    func previousWordIsLowerCase(_ ws: Int) -> Bool {
        guard let word = previousWord(ws) else { return false }
        return p[word.lowerBound] &- 0x61 < 26
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
    /// How many bytes after the previous marker the next one is looked for.
    private var horizon = Int.max
    /// The label expected next: a number, or a letter's byte.
    private var label = 0
    private var isLetter = false

    init() {}

    init(style: SentenceScanner.Marker, from: Int, horizon: Int = .max, scanner s: SentenceScanner) {
        self.style = style
        self.horizon = horizon
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

    /// Finds the next marker in the sequence at or after `from` and within `horizon` bytes of it: preceded by a
    /// space, followed by a space and a non-space.
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
        let stop = n - from > horizon ? from + horizon : n
        while k < stop {
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
