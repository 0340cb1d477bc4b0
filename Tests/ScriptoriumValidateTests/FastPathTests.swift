import Testing
import ScriptoriumModel
@testable import ScriptoriumValidate

/// The validator's fast paths must answer exactly as the plain checks they stand in for. Each test here runs both on
/// many generated inputs built from the pieces the rules care about.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let pieces = ["a", "b", "Z", "7", "word", "US", "Japan", ".", ",", " ", "  ", "-", "\n", "\r\n", "\r", "\t",
                      "’", "“", "é", "e\u{301}", "\u{1}", "\u{7F}", "\u{FFFE}", "\u{FFFD}", "\u{A0}", "\u{2028}",
                      "\u{3000}", "日本", "😀", "\u{212A}", "K", "_", "x-\n y", "pre- and", "a-\r\nb",
                      "the treaty was signed in 1951", "security", "post-war", "Japan’s role"]

private func randomText(_ rng: inout SplitMix, maxPieces: Int = 24) -> String {
    (0..<Int.random(in: 0...maxPieces, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
}

/// Candidate texts for a source: itself, its white space collapsed (what a producer would write for most
/// sources), and a few edits of those.
private func candidates(for source: String, _ rng: inout SplitMix) -> [String] {
    let collapsed = source.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }).joined(separator: " ")
    var out = [source, collapsed, collapsed.replacingOccurrencesOfHyphenBreaks()]
    for base in [source, collapsed] where !base.isEmpty {
        var scalars = Array(base.unicodeScalars)
        let k = Int.random(in: 0..<scalars.count, using: &rng)
        scalars.remove(at: k)
        out.append(String(String.UnicodeScalarView(scalars)))
        scalars.insert(" ", at: Int.random(in: 0...scalars.count, using: &rng))
        out.append(String(String.UnicodeScalarView(scalars)))
    }
    return out
}

private extension String {
    func replacingOccurrencesOfHyphenBreaks() -> String {
        var out = ""
        for part in split(separator: "- ", omittingEmptySubsequences: false) { out += part }
        return out
    }
}

@Suite struct FastPathTests {
    @Test func plainBytesWalkAgreesWithTheRulesAlone() {
        var rng = SplitMix(state: 1)
        var matches = 0
        for _ in 0..<3000 {
            let source = randomText(&rng)
            for text in candidates(for: source, &rng) {
                let s = Array(source.utf8), t = Array(text.utf8)
                let fast = s.withUnsafeBufferPointer { sb in t.withUnsafeBufferPointer { SpanText.walk($0, sb) } }
                let slow = s.withUnsafeBufferPointer { sb in t.withUnsafeBufferPointer { SpanText.walk($0, sb, fastLane: false) } }
                #expect(fast == slow, "text \(Array(text.unicodeScalars)) source \(Array(source.unicodeScalars))")
                if fast { matches += 1 }
            }
        }
        #expect(matches > 1500)
    }

    @Test func knownNFCSourceSkipsNoCheck() {
        var rng = SplitMix(state: 2)
        var checked = 0
        for _ in 0..<3000 {
            let source = randomText(&rng)
            let bytes = Array(source.utf8)
            guard bytes.withUnsafeBufferPointer({ SourceNFC.isValidAndKnownNFC($0) }) else { continue }
            checked += 1
            for text in candidates(for: source, &rng) {
                bytes.withUnsafeBufferPointer { s in
                    #expect(SpanText.isNormalisedForm(text, of: s, sourceIsKnownNFC: true) == SpanText.isNormalisedForm(text, of: s))
                }
            }
        }
        #expect(checked > 300)
    }

    @Test func sourceNFCIsValidUTF8AndKnownNFC() {
        var rng = SplitMix(state: 3)
        for _ in 0..<5000 {
            var bytes = Array(randomText(&rng).utf8)
            if !bytes.isEmpty && Bool.random(using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil && NFCComposer.isKnownNFC(bytes)
            #expect(bytes.withUnsafeBufferPointer { SourceNFC.isValidAndKnownNFC($0) } == expected, "\(bytes)")
        }
        for bad: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80], [0x80]] {
            #expect(!bad.withUnsafeBufferPointer { SourceNFC.isValidAndKnownNFC($0) })
        }
    }

    @Test func ncNameAgreesWithRecordID() {
        var rng = SplitMix(state: 4)
        var ids = ["", "a", "_", "1a", "-a", ".a", "a-b.c_d9", "doc-000001.b12.s3", "doc.b1 ", "ab/cd", "é", "aé",
                   "abcdefgh", "abcdefg@", "abcdefgh[", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "a`b", "a{b", "a:b", "a\u{7F}"]
        for b in UInt8(0)..<128 {
            let c = String(UnicodeScalar(b))
            ids += ["a" + c, "abcdefgh" + c, "abcdefg" + c + "hijklmnop", "abc" + c + "d"]
        }
        for _ in 0..<2000 {
            let alphabet = Array("aZ_9-./: éK\u{212A}")
            ids.append(String((0..<Int.random(in: 0...20, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
        }
        for id in ids { #expect(NCName.isValid(id) == RecordID.isNCName(id), "\(id)") }
    }

    @Test func idTableAnswersAsSetAndDictionary() {
        var rng = SplitMix(state: 5)
        for round in 0..<200 {
            let alphabet = round % 3 == 0 ? ["a", "b", ".", "K", "\u{212A}", "e\u{301}", "é"] : ["a", "b", ".", "s", "1", "2"]
            let table = IDTable(capacity: round % 2 == 0 ? 0 : 8)
            var set: [String: Int] = [:]
            var order: [String] = []
            for _ in 0..<Int.random(in: 0...120, using: &rng) {
                let id = (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
                let expected = set[id]
                if expected == nil {
                    set[id] = order.count
                    order.append(id)
                }
                #expect(table.insert(id) == expected, "\(id)")
                let probe = (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
                #expect(table.position(of: probe) == set[probe], "\(probe)")
            }
        }
    }

    /// Records out of order, repeated or bad must be reported as before: the cursors fall back to random access.
    @Test func cursorsSurviveRecordsOutOfOrder() {
        let source = Array("Alpha beta. Gamma delta.\nEpsilon’s zeta. Eta theta.\n".utf8)
        let index = CodePointIndex(source)
        func sentence(_ n: Int, _ text: String, _ start: Int, _ end: Int) -> SentenceRecord {
            SentenceRecord(id: "d.b1.s\(n)", documentID: "d", blockID: "d.b1", position: n, text: text, span: Span(start: start, end: end))
        }
        let records = DocumentRecords(
            document: DocumentRecord(id: "d", title: "T", source: "d.txt", sourceSHA256: String(repeating: "0", count: 64),
                                     language: "en", license: "", creators: [], byteCount: source.count,
                                     codePointCount: index.codePointCount),
            blocks: [BlockRecord(id: "d.b1", documentID: "d", sectionID: nil, position: 1, kind: .paragraph,
                                 text: "Alpha beta. Gamma delta. Epsilon’s zeta. Eta theta.", span: Span(start: 0, end: 51))],
            sentences: [sentence(1, "Epsilon’s zeta.", 25, 40), sentence(2, "Alpha beta.", 0, 11),
                        sentence(3, "Eta theta.", 41, 51), sentence(4, "Gamma delta.", 12, 24)])
        let problems = RecordValidator.validate(records, source: source, index: index)
        #expect(problems.filter { $0.field == "text" } == [])
        #expect(problems.filter { $0.field == "start" }.map(\.record) == ["d.b1.s2", "d.b1.s4"])
    }

    /// The validator trusts no id for looking generated: a duplicate forged in the build's own scheme (numbered in
    /// line, in the document's namespace) is caught in every table, and across tables, with the record it is on.
    @Test func aForgedDuplicateThatLooksGeneratedIsCaught() {
        let source = Array(generatedSource.utf8)
        #expect(RecordValidator.validate(generatedRecords(), source: source) == [])
        let forgeries: [(table: String, record: String, change: (inout DocumentRecords) -> Void)] = [
            ("blocks", "d.b1", { $0.blocks[1].id = "d.b1" }),
            ("sentences", "d.b1.s1", { $0.sentences[1].id = "d.b1.s1" }),
            ("mentions", "d.m1", { $0.mentions[1].id = "d.m1" }),
            ("blocks", "d.sec1", { $0.blocks[0].id = "d.sec1" }),
            ("mentions", "d.b2.s1", { $0.mentions[1].id = "d.b2.s1" }),
            ("entities", "d.m2", { $0.entities[0].id = "d.m2"; $0.mentions[1].entityID = "d.m2" }),
            ("sections", "d", { $0.sections[0].id = "d" }),
            ("entities", "\u{212A}", { $0.entities[0].id = "K"; $0.entities[1].id = "\u{212A}" }),
        ]
        for forgery in forgeries {
            var records = generatedRecords()
            forgery.change(&records)
            let duplicates = RecordValidator.validate(records, source: source).filter { $0.code == .recordDuplicateID }
            #expect(duplicates.map { [$0.table, $0.record, $0.field] } == [[forgery.table, forgery.record, "id"]],
                    "\(forgery.table) \(forgery.record)")
        }
    }
}

private let generatedSource = "Head\nOne two. Three.\nFour five.\n"

/// A valid document whose ids follow the generated scheme: one section, two blocks, three sentences, two mentions.
private func generatedRecords() -> DocumentRecords {
    DocumentRecords(
        document: DocumentRecord(id: "d", title: "T", source: "d.txt", sourceSHA256: String(repeating: "0", count: 64),
                                 language: "en", license: "", creators: [], byteCount: 32, codePointCount: 32),
        sections: [SectionRecord(id: "d.sec1", documentID: "d", position: 1, level: 1, heading: "Head", span: Span(start: 0, end: 4))],
        blocks: [BlockRecord(id: "d.b1", documentID: "d", sectionID: "d.sec1", position: 1, kind: .paragraph,
                             text: "One two. Three.", span: Span(start: 5, end: 20)),
                 BlockRecord(id: "d.b2", documentID: "d", sectionID: "d.sec1", position: 2, kind: .paragraph,
                             text: "Four five.", span: Span(start: 21, end: 31))],
        sentences: [SentenceRecord(id: "d.b1.s1", documentID: "d", blockID: "d.b1", position: 1, text: "One two.", span: Span(start: 5, end: 13)),
                    SentenceRecord(id: "d.b1.s2", documentID: "d", blockID: "d.b1", position: 2, text: "Three.", span: Span(start: 14, end: 20)),
                    SentenceRecord(id: "d.b2.s1", documentID: "d", blockID: "d.b2", position: 1, text: "Four five.", span: Span(start: 21, end: 31))],
        mentions: [MentionRecord(id: "d.m1", documentID: "d", sentenceID: "d.b1.s1", entityID: "ent.one", text: "One",
                                 span: Span(start: 5, end: 8), rangeInSentence: 0..<3),
                   MentionRecord(id: "d.m2", documentID: "d", sentenceID: "d.b2.s1", entityID: "ent.four", text: "Four",
                                 span: Span(start: 21, end: 25), rangeInSentence: 0..<4)],
        entities: [EntityRecord(id: "ent.four", name: "Four", type: .place, wikidata: nil, aliases: [], mentions: 1),
                   EntityRecord(id: "ent.one", name: "One", type: .place, wikidata: nil, aliases: [], mentions: 1)])
}
