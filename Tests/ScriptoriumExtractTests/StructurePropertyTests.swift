import Testing
import ScriptoriumTestSupport
import ScriptoriumModel
@testable import ScriptoriumExtract

/// Random documents through the whole Extract stage: every span lies inside the source and indexes it exactly
/// (code points, BOM dropped, CR and LF kept), headings and blocks are ordered and do not overlap, sentences lie
/// inside their block, every text is the normalised form of its span, and nothing but list markers is left out.
/// Well-formed documents must also read back exactly as they were written.
@Suite("Structure: properties")
struct StructurePropertyTests {
    // MARK: Extraction and the invariants

    struct Extracted {
        var source: [Unicode.Scalar]
        var sections: [(text: String, span: Span)]
        var blocks: [(kind: String, text: String, span: Span, sentences: [(text: String, span: Span)])]
        /// Headings and blocks in document order, as (kind, text).
        var outline: [(String, String)]
        /// The heading numbers and list markers kept as data, without white space: the only text the reader may
        /// leave out of every span besides layout (rule lines, markers alone).
        var labels: Set<String> = []
    }

    static func extract(_ fileBytes: [UInt8]) throws -> Extracted {
        let source = try SourceText(fileBytes: fileBytes, path: "random.txt")
        let document = DocumentRecord(id: "random", title: "Random", source: "random.txt", sourceSHA256: "",
                                      language: "en", license: "", creators: [], byteCount: fileBytes.count,
                                      codePointCount: source.index.codePointCount)
        let x = DocumentExtractor.extract(document: document, source: source)
        var bytes = fileBytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        let sections = x.sections.map { (text: $0.record.heading, span: $0.record.span) }
        let blocks = x.blocks.map { b in
            (kind: b.record.kind.rawValue, text: b.record.text, span: b.record.span,
             sentences: b.sentences.map { (text: $0.text, span: $0.span) })
        }
        var outline = sections.map { (start: $0.span.start, kind: "heading", text: $0.text) }
            + blocks.map { (start: $0.span.start, kind: $0.kind, text: $0.text) }
        outline.sort { $0.start < $1.start }
        let labels = x.sections.compactMap(\.record.number) + x.blocks.compactMap(\.record.marker)
        return Extracted(source: scalars, sections: sections, blocks: blocks, outline: outline.map { ($0.kind, $0.text) },
                         labels: Set(labels.map { $0.filter { !$0.isWhitespace } }))
    }

    /// The first violated invariant, described, or nil.
    static func violation(_ x: Extracted) -> String? {
        let n = x.source.count
        func slice(_ s: Span) -> ArraySlice<Unicode.Scalar> { x.source[s.start..<s.end] }
        var elements = x.sections.map { ($0.span, $0.text, false) } + x.blocks.map { ($0.span, $0.text, $0.kind == "verbatim") }
        elements.sort { $0.0.start < $1.0.start }
        var previousEnd = 0
        for (span, text, verbatim) in elements {
            guard 0 <= span.start, span.start < span.end, span.end <= n else { return "span \(span) outside 0..<\(n)" }
            guard span.start >= previousEnd else { return "span \(span) overlaps the one before (ends \(previousEnd))" }
            if verbatim {
                // Kept as written: the verbatim form of the span (SPEC §3's kind for non-prose text).
                guard text == VerbatimText.form(of: String(String.UnicodeScalarView(slice(span)))) else {
                    return "verbatim text \(text.debugDescription) is not its span as written"
                }
                previousEnd = span.end
                continue
            }
            guard isNormalisedForm(Array(text.unicodeScalars), of: slice(span)) else {
                return "text \(text.debugDescription) is not the normalised form of \(String(String.UnicodeScalarView(slice(span))).debugDescription)"
            }
            previousEnd = span.end
        }
        for block in x.blocks {
            var end = block.span.start
            for sentence in block.sentences {
                let s = sentence.span
                guard s.start >= end, s.start < s.end, s.end <= block.span.end else {
                    return "sentence \(s) not inside block \(block.span) in order"
                }
                guard isNormalisedForm(Array(sentence.text.unicodeScalars), of: slice(s)) else {
                    return "sentence \(sentence.text.debugDescription) is not the normalised form of its span"
                }
                end = s.end
            }
            if block.sentences.isEmpty && block.kind != "verbatim" { return "block \(block.span) has no sentence" }
        }
        return uncoveredText(x, elements.map(\.0))
    }

    /// Every visible character is inside a heading or a block, except a list marker at the start of its line.
    static func uncoveredText(_ x: Extracted, _ spans: [Span]) -> String? {
        var covered = [Bool](repeating: false, count: x.source.count)
        for s in spans { for k in s.start..<s.end { covered[k] = true } }
        var k = 0
        while k < x.source.count {
            var e = k
            while e < x.source.count && x.source[e] != "\n" && x.source[e] != "\r" { e += 1 }
            // The line's visible characters that no span covers must be one marker, before the covered text.
            var missing = ""
            var firstCovered = -1
            for j in k..<e where !x.source[j].properties.isWhitespace {
                if covered[j] {
                    if firstCovered < 0 { firstCovered = j }
                } else {
                    if firstCovered >= 0 { return "visible text left out after covered text at \(j)" }
                    missing.unicodeScalars.append(x.source[j])
                }
            }
            if !missing.isEmpty && !isMarker(missing) && !isLabel(missing, x.labels) {
                return "text left out: \(missing.debugDescription)"
            }
            k = e + 1
        }
        return nil
    }

    /// A heading number or list marker the reader recorded ("2.1", "(a)", "-r"), as written: with the full stop or
    /// colon that the data leaves off.
    static func isLabel(_ s: String, _ labels: Set<String>) -> Bool {
        if labels.contains(s) { return true }
        guard let last = s.last, last == "." || last == ":" else { return false }
        return labels.contains(String(s.dropLast()))
    }

    static func isMarker(_ s: String) -> Bool {
        if ["-", "*", "+", "•", "–", "‣", "⁃", "◦", "▪"].contains(s) { return true }
        // A rule line (a separator or an underline) is layout, left out of the text.
        if s.count >= 3, let c = s.first, "-=*_~#+.^\"'`:".contains(c), s.allSatisfy({ $0 == c }) { return true }
        let scalars = Array(s.unicodeScalars)
        guard let last = scalars.last, last == "." || last == ")" else { return false }
        let label = scalars.dropLast()
        if label.count == 1, let c = label.first, ("a"..."z").contains(c) { return true }
        return (1...3).contains(label.count) && label.allSatisfy { ("0"..."9").contains($0) }
    }

    /// SPEC §3 normalisation without NFC (the Normalize stage's), checked independently on code points.
    static func isNormalisedForm(_ t: [Unicode.Scalar], of s: ArraySlice<Unicode.Scalar>) -> Bool {
        ReferenceNormalisation.isNormalisedForm(t, of: Array(s))
    }

    // MARK: Well-formed documents

    /// Builds a random document and the structure a reader would see in it.
    struct Writer {
        var rng: SplitMix64
        var lines: [String] = []
        var expected: [(String, String)] = []

        init(seed: UInt64) { rng = SplitMix64(seed: seed) }

        mutating func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(rng.next() % UInt64(r.count)) }

        static let words = """
            treaty alliance bases forces security government cabinet policy defense region islands navy coast guard \
            review parties article clause consultation budget costs support exercise ministers officials agreement \
            protocol commitment deterrence stability council reading decades years allies partners talks notes terms \
            limits signed revised renewed debated ratified adopted cited shared stationed held kept agreed argued \
            replaced joined began ended changed widened quietly firmly slowly often rarely long new modest strict \
            formal joint mutual regional naval military political legal public defensive interpretation ratification
            """.split(separator: " ").map(String.init)
        static let joiners = ["the", "of", "and", "to", "in", "for", "with", "by"]
        static let names = ["Japan", "Tokyo", "Okinawa", "Washington", "Seoul", "Manila", "Ōta", "US-Japan", "NATO-led"]
        static let numbers = ["1951", "1960", "2.5", "40,000", "$1.3", "¥43", "12-mile"]
        /// Where a word may be split across lines, and what the split reads back as.
        static let splits: [String: (String, String)] = [
            "defensive": ("defen", "sive"), "commitment": ("commit", "ment"), "consultation": ("consul", "tation"),
            "government": ("govern", "ment"), "deterrence": ("deter", "rence"), "interpretation": ("interpre", "tation"),
            "ratification": ("ratifica", "tion"), "self-defense": ("self", "defense"), "US-Japan": ("US", "Japan"),
            "12-mile": ("12", "mile"),
        ]

        mutating func word() -> String {
            let r = rng.next() % 100
            if r < 55 { return pick(Self.words) }
            if r < 80 { return pick(Self.joiners) }
            if r < 88 { return pick(Self.names) }
            if r < 94 { return pick(Self.numbers) }
            return "self-defense"
        }

        mutating func sentence() -> String {
            var ws = [pick(Self.words + ["Japan", "Okinawa", "Ōta"]).capitalisedFirst]
            for _ in 0..<int(3...13) { ws.append(word()) }
            return ws.joined(separator: " ") + pick([".", ".", ".", "?", "!"])
        }

        mutating func heading() -> String {
            switch rng.next() % 5 {
            case 0: return (0..<int(2...5)).map { _ in pick(Self.words) }.joined(separator: " ").uppercased()
            case 1: return "What did the " + pick(Self.words) + " " + pick(Self.words) + " gain?"
            case 2: return "Part " + pick(["One", "Two", "Three"]) + ": " + pick(Self.words).capitalisedFirst + " and "
                + pick(Self.words).capitalisedFirst
            default:
                var ws = (0..<int(2...6)).map { _ in pick(Self.words).capitalisedFirst }
                if ws.count > 2 { ws[1] = pick(["of", "and", "in"]) }
                return ws.joined(separator: " ")
            }
        }

        /// Words wrapped at `width` columns, splitting some splittable words across lines; nil when no break
        /// falls after a joining word (then the wrap would be ambiguous, and the caller writes one line).
        mutating func wrap(_ text: String, width: Int, indent: String, firstIndent: String) -> [String]? {
            var out: [String] = []
            var line = firstIndent
            var lineHasWord = false
            var clearBreak = false
            func columns(_ s: String) -> Int { s.unicodeScalars.count }
            for w in text.split(separator: " ").map(String.init) {
                if !lineHasWord || columns(line) + 1 + columns(w) <= width {
                    line += (lineHasWord ? gap() : "") + w
                    lineHasWord = true
                    continue
                }
                let bare = w.trimmingPunctuation
                if let (head, tail) = Self.splits[bare], bare == w, chance(50), columns(line) + 2 + columns(head) <= width {
                    out.append(line + gap() + head + "-" + trailing())
                    line = indent + tail
                    continue
                }
                if Self.joiners.contains(String(line.split(separator: " ").last ?? "")) { clearBreak = true }
                out.append(line + trailing())
                line = indent + w
            }
            out.append(line + trailing())
            return out.count >= 2 && clearBreak ? out : nil
        }

        mutating func gap() -> String { pick([" ", " ", " ", " ", "  ", "\t", "\u{A0}"]) }
        mutating func trailing() -> String { pick(["", "", "", " ", "\t", "  "]) }
        /// Whether the lines since the last blank line or list hold a one-line paragraph.
        var runHasOneLiner = false

        mutating func blank() {
            lines.append(pick(["", "", "", " ", "\t", "\u{A0}", "\u{2003}"]))
            runHasOneLiner = false
        }

        mutating func paragraph(wrapped: Bool, indentFirst: Bool) {
            var sentences = (0..<int(1...4)).map { _ in sentence() }
            // A question alone on its line may well be a heading: a one-sentence paragraph ends otherwise.
            if sentences.count == 1 && sentences[0].hasSuffix("?") { sentences[0] = String(sentences[0].dropLast()) + "." }
            let text = sentences.joined(separator: " ")
            let first = indentFirst ? pick(["", "\t", "    "]) : ""
            if wrapped, let ls = wrap(text, width: int(60...78), indent: "", firstIndent: first) {
                lines += ls
            } else {
                lines.append(first + text.split(separator: " ").map(String.init).joined(separator: gap()) + trailing())
            }
            expected.append(("paragraph", text))
        }

        mutating func list() {
            let style = pick(["- ", "* ", "• ", "– ", "1. ", "1) ", "a. "])
            for k in 0..<int(1...4) {
                var marker = style
                if style.first!.isNumber { marker = "\(k + 1)" + String(style.dropFirst()) }
                if style.first == "a" { marker = String(UnicodeScalar(UInt8(0x61 + k))) + ". " }
                var text = (0..<int(1...2)).map { _ in sentence() }.joined(separator: " ")
                if chance(30) { text = String(text.dropLast()) + ";" }
                let layout = rng.next() % 4
                if layout == 0 {
                    // The marker alone on its line, the text on the next.
                    lines.append(marker.trimmingCharacters + trailing())
                    let indent = pick(["", "  "])
                    lines += wrap(text, width: int(60...78), indent: indent + "  ", firstIndent: indent)
                        ?? [indent + text]
                } else if layout == 1, let ls = wrap(text, width: int(60...78), indent: pick(["  ", "   ", "\t"]), firstIndent: marker) {
                    lines += ls
                } else {
                    lines.append(marker + text + trailing())
                }
                expected.append(("list_item", text))
            }
        }

        /// A document of 1–8 elements. `compact` leaves out the blank line before an element where the structure
        /// stays unambiguous: never around a wrapped paragraph, except for headings directly above it, and never
        /// between a one-line paragraph and a wrapped one (one-line and wrapped paragraphs in one run of lines are
        /// ambiguous to any reader).
        mutating func document() -> (bytes: [UInt8], expected: [(String, String)]) {
            enum Last { case none, heading, line, list }
            var last = Last.none // .none at the start and after a blank line already written
            for _ in 0..<int(1...8) {
                let compact = chance(40)
                switch rng.next() % 4 {
                case 0:
                    if last != .none && !compact { blank() }
                    var h = heading()
                    while h.unicodeScalars.count > 40 { h = heading() } // clearly shorter than a wrapped line
                    lines.append(h + trailing())
                    expected.append(("heading", h))
                    last = .heading
                case 1:
                    let afterHeading = last == .heading && compact && !runHasOneLiner
                    if last != .none && !afterHeading { blank() }
                    let before = lines.count
                    paragraph(wrapped: true, indentFirst: !afterHeading && last != .list)
                    if lines.count - before > 1 {
                        blank()
                        last = .none
                    } else {
                        runHasOneLiner = true
                        last = .line
                    }
                case 2:
                    if last != .none && !(compact && last != .none) { blank() }
                    paragraph(wrapped: false, indentFirst: false)
                    runHasOneLiner = true
                    last = .line
                default:
                    if last != .none && !compact { blank() }
                    list()
                    runHasOneLiner = false
                    last = .list
                }
            }
            // Line endings: one kind, or a mix (a CR is never followed by an LF that would make it a CRLF).
            let style = rng.next() % 4
            var text = chance(20) ? "\u{FEFF}" : ""
            var previous = ""
            for line in lines {
                var end = ["\n", "\r\n", "\r", pick(["\n", "\r\n", "\r"])][Int(style)]
                if previous == "\r" && end == "\n" && line.isEmpty { end = "\r" }
                text += line + end
                previous = end
            }
            if chance(20) { text.removeLast() }
            return (Array(text.utf8), expected)
        }
    }

    @Test func wellFormedDocumentsReadBackAsWritten() throws {
        for seed in UInt64(1)...2000 {
            var writer = Writer(seed: seed &* 0x9E37_79B9)
            let (bytes, expected) = writer.document()
            let x = try Self.extract(bytes)
            if let problem = Self.violation(x) {
                Issue.record("seed \(seed): \(problem)\n\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                return
            }
            let got = x.outline.map { "\($0.0): \($0.1)" }
            let want = expected.map { "\($0.0): \($0.1)" }
            if got != want {
                Issue.record("seed \(seed): read back\n\(got.joined(separator: "\n"))\nexpected\n\(want.joined(separator: "\n"))\nsource \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                return
            }
        }
    }

    // MARK: Line soup

    static let soupPieces: [String] = [
        "-", "*", "•", "–", "1.", "2)", "a.", "b)", "12.", " ", " ", "  ", "\t", "\u{A0}", "\u{2003}",
        "The", "treaty", "Japan", "US", "self", "defen", "sive", "word", "and", "of", "x", "I",
        ".", ".", ",", ":", ";", "?", "!", "…", "\"", "’", "(", ")", "-", "--", "12", "1951", "2.5",
        "日本", "é", "\u{7}", "\u{1F}", "\u{7F}", "😀", "Ōta",
    ]

    static func soup(_ rng: inout SplitMix64) -> [UInt8] {
        var text = rng.next() % 5 == 0 ? "\u{FEFF}" : ""
        for _ in 0..<Int(1 + rng.next() % 14) {
            var line = ""
            for _ in 0..<Int(rng.next() % 12) { line += soupPieces[Int(rng.next() % UInt64(soupPieces.count))] }
            if rng.next() % 4 == 0 { line += "-" }
            text += line + ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " \n"][Int(rng.next() % 6)]
        }
        return Array(("Start. " + text).utf8)
    }

    @Test func anyLinesKeepTheInvariants() throws {
        var rng = SplitMix64(seed: 0x57_1E5)
        for iteration in 0..<10000 {
            let bytes = Self.soup(&rng)
            let x = try Self.extract(bytes)
            if let problem = Self.violation(x) {
                Issue.record("iteration \(iteration): \(problem)\n\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                return
            }
        }
    }

    @Test func theCheckerRejectsWrongTexts() {
        func ok(_ t: String, _ s: String) -> Bool { Self.isNormalisedForm(Array(t.unicodeScalars), of: ArraySlice(s.unicodeScalars)) }
        #expect(ok("a b", "a \t\r\n b"))
        #expect(ok("defensive", "defen-\r\nsive"))
        #expect(ok("US-Japan", "US-\nJapan"))
        #expect(ok("pre- and", "pre-\nand"))
        #expect(!ok("a  b", "a  b"))
        #expect(!ok("ab", "a b"))
        #expect(!ok("a-b", "a - b"))
        #expect(!ok("x", "x\u{7}"))
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
    var trimmingPunctuation: String { String(unicodeScalars.filter { !".?!;,".unicodeScalars.contains($0) }) }
    var trimmingCharacters: String { String(self.filter { $0 != " " }) }
    var trimmingWhitespace: String {
        String(String.UnicodeScalarView(unicodeScalars.drop { $0.properties.isWhitespace }.reversed()
            .drop { $0.properties.isWhitespace }.reversed()))
            .split(whereSeparator: { $0.unicodeScalars.allSatisfy { $0.properties.isWhitespace } })
            .joined(separator: " ")
    }
}
