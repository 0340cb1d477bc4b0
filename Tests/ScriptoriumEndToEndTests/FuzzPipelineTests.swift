import Foundation
import Testing
import ScriptoriumTestSupport
import ScriptoriumBag
import ScriptoriumExtract
import ScriptoriumModel
import ScriptoriumNormalize
import ScriptoriumPipeline
import ScriptoriumValidate

/// Property tests: random byte strings and random structured text through extract → normalize → validate,
/// with the repository's lexicon. Whatever `SourceText` accepts must give records that `RecordValidator` finds
/// no problem with, and whose offsets agree with the text as Python reads it; nothing may crash.
///
/// `SCRIPTORIUM_FUZZ_ITERATIONS` sets the number of inputs per property (default 150, a second or so);
/// `make fuzz` runs many more. `SCRIPTORIUM_FUZZ_SEED` picks another sequence of inputs (default fixed, so a
/// normal run always tests the same ones). A failure prints its seed, iteration and a shrunk input.
@Suite struct FuzzPipelineTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["SCRIPTORIUM_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 150
    static let seed = environment["SCRIPTORIUM_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5C21_9701_F022

    static let lexicon: Lexicon = (try? Lexicon(contentsOf: inputFolder.appendingPathComponent("lexicon.json"))) ?? .empty
    static let normalizer = DocumentNormalizer(matcher: EntityMatcher(lexicon: lexicon))

    // MARK: the properties

    /// The first broken invariant for one input, or nil. Inputs that `SourceText` refuses must be refused with
    /// a `ScriptoriumError` (never another error, never a crash).
    static func violation(_ bytes: [UInt8]) -> String? {
        let source: SourceText
        do {
            source = try SourceText(fileBytes: bytes, path: "fuzz.txt")
        } catch is ScriptoriumError {
            return nil
        } catch {
            return "SourceText threw \(type(of: error)): \(error)"
        }
        let document = DocumentRecord(id: "fuzz", title: "Fuzz", source: "fuzz.txt", sourceSHA256: SHA256Hex.of(bytes), language: "en",
                                      license: "CC0-1.0", creators: [], byteCount: bytes.count,
                                      codePointCount: source.index.codePointCount)
        let records = normalizer.normalize(DocumentExtractor.extract(document: document, source: source))
        if let problem = RecordValidator.validate(records, source: source.bytes).first { return "RecordValidator: \(problem)" }
        return offsetViolation(records, source: source)
    }

    /// Offsets checked independently of `RecordValidator`, on the text as Python reads it (code points).
    static func offsetViolation(_ records: DocumentRecords, source: SourceText) -> String? {
        let scalars = Array(String(decoding: source.bytes, as: UTF8.self).unicodeScalars)
        if scalars.count != source.index.codePointCount { return "code points: \(scalars.count) vs index \(source.index.codePointCount)" }
        func slice(_ span: Span) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return String(view)
        }
        func check(_ what: String, _ span: Span) -> String? {
            span.start >= 0 && span.start < span.end && span.end <= scalars.count ? nil : "\(what): span \(span.start)..<\(span.end) of \(scalars.count)"
        }
        var blocks: [String: Span] = [:]
        for block in records.blocks {
            if let problem = check(block.id, block.span) { return problem }
            blocks[block.id] = block.span
        }
        var sentences: [String: Span] = [:]
        for sentence in records.sentences {
            if let problem = check(sentence.id, sentence.span) { return problem }
            guard let block = blocks[sentence.blockID], block.start <= sentence.span.start, sentence.span.end <= block.end else {
                return "\(sentence.id) is not inside its block"
            }
            sentences[sentence.id] = sentence.span
        }
        for section in records.sections {
            if let problem = check(section.id, section.span) { return problem }
        }
        for mention in records.mentions {
            if let problem = check(mention.id, mention.span) { return problem }
            if slice(mention.span) != mention.text { return "\(mention.id): text \(mention.text.debugDescription) is not the source slice" }
            guard let sentence = sentences[mention.sentenceID], sentence.start <= mention.span.start,
                  mention.span.end <= sentence.end else { return "\(mention.id) is not inside its sentence" }
        }
        return nil
    }

    /// A mention of a lexicon entity is one of its names (NFC, white space collapsed; a possessive left out).
    static func mentionNameViolation(_ bytes: [UInt8]) -> String? {
        guard let source = try? SourceText(fileBytes: bytes, path: "fuzz.txt") else { return nil }
        let document = DocumentRecord(id: "fuzz", title: "Fuzz", source: "fuzz.txt", sourceSHA256: SHA256Hex.of(bytes), language: "en",
                                      license: "CC0-1.0", creators: [], byteCount: bytes.count,
                                      codePointCount: source.index.codePointCount)
        let records = normalizer.normalize(DocumentExtractor.extract(document: document, source: source))
        for mention in records.mentions where mention.entityID.hasPrefix("ent.") {
            guard let entity = lexicon.entity(id: mention.entityID) else {
                // A name recognised by its form (a head noun, a person, a short form the document gave a name): an
                // entity of the document with no id, named by the mention or, for a short form, by a longer name.
                guard let own = records.entities.first(where: { $0.id == mention.entityID }) else {
                    return "\(mention.id): unknown entity \(mention.entityID)"
                }
                let text = mention.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard own.wikidata == nil, own.geonames == nil,
                      own.name.precomposedStringWithCanonicalMapping == text.precomposedStringWithCanonicalMapping
                        || own.name.hasSuffix(" " + text) || text.allSatisfy({ $0.isUppercase || $0.isNumber })
                else { return "\(mention.id): \(mention.text.debugDescription) is not the recognised name \(own.name.debugDescription)" }
                continue
            }
            // As the text reads: NFC, white space collapsed, a word hyphenated across a line break rejoined
            // (with or without its hyphen, which may belong to the name: "US-Japan").
            func reading(_ raw: String, hyphen: String) -> String {
                raw.precomposedStringWithCanonicalMapping
                    .replacingOccurrences(of: "-[\r\n]+[ \t]*", with: hyphen, options: .regularExpression)
                    .split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }).joined(separator: " ")
            }
            let names = Set(entity.surfaceForms.map { $0.precomposedStringWithCanonicalMapping })
            if names.contains(reading(mention.text, hyphen: "")) || names.contains(reading(mention.text, hyphen: "-")) { continue }
            return "\(mention.id): \(mention.text.debugDescription) is not a name of \(entity.id)"
        }
        return nil
    }

    // MARK: the tests

    @Test func randomBytesKeepTheInvariants() {
        run("random bytes", property: Self.violation) { FuzzInput.randomBytes(&$0) }
    }

    @Test func randomTextKeepsTheInvariants() {
        run("random text", property: Self.violation) { FuzzInput.structuredText(&$0) }
    }

    @Test func mentionsAreNamesOfTheirEntities() {
        run("mention names", property: Self.mentionNameViolation) { FuzzInput.structuredText(&$0) }
    }

    @Test func randomTextBuildsAValidDataset() throws {
        // The whole pipeline on a few of the inputs: TEI, JSON-LD, CSV, bag; then `validate` and `verify`.
        let folder = try temporaryFolder("fuzz-build")
        defer { cleanup(folder) }
        let builds = max(3, Self.iterations / 30)
        var rng = SplitMix64(seed: Self.seed ^ 0xB1D)
        let input = folder.appendingPathComponent("in")
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: inputFolder.appendingPathComponent("lexicon.json"), to: input.appendingPathComponent("lexicon.json"))
        for iteration in 0..<builds {
            // A corpus of one to three documents, rewritten each time.
            for name in try FileManager.default.contentsOfDirectory(atPath: input.path) where name.hasSuffix(".txt") {
                try FileManager.default.removeItem(at: input.appendingPathComponent(name))
            }
            var texts: [[UInt8]] = []
            for k in 0..<(1 + Int(rng.next() % 3)) {
                var text = FuzzInput.structuredText(&rng)
                if (try? SourceText(fileBytes: text, path: "x")) == nil { text = Array("Fallback \(k).\n".utf8) }
                texts.append(text)
                try Data(text).write(to: input.appendingPathComponent("doc-\(k).txt"))
            }
            do {
                _ = try DatasetBuilder.build(BuildOptions(inputs: [input.path], output: output.path, jobs: 2))
            } catch {
                // A document with headings only is refused; anything else is a finding.
                if !"\(error)".contains("has no paragraphs or list items") {
                    Issue.record("seed \(Self.seed) build \(iteration): \(error)\ninputs: \(texts.map { String(decoding: $0, as: UTF8.self).debugDescription })")
                }
                continue
            }
            let problems = try DatasetValidator.validate(bag: output).problems
            #expect(problems.isEmpty, "seed \(Self.seed) build \(iteration): \(problems.prefix(5))\ninputs: \(texts.map { String(decoding: $0, as: UTF8.self).debugDescription })")
            if !problems.isEmpty { return }
        }
        print("fuzz: \(builds) whole builds validated")
    }

    /// Runs `property` on `iterations` generated inputs; on the first violation, shrinks the input and records it.
    func run(_ name: String, property: ([UInt8]) -> String?, generate: (inout SplitMix64) -> [UInt8]) {
        var rng = SplitMix64(seed: Self.seed ^ UInt64(truncatingIfNeeded: name.hashValueStable))
        var accepted = 0
        var longest = 0
        for iteration in 0..<Self.iterations {
            let bytes = generate(&rng)
            longest = max(longest, bytes.count)
            if (try? SourceText(fileBytes: bytes, path: "x")) != nil { accepted += 1 }
            guard let problem = property(bytes) else { continue }
            let small = Shrinker.shrink(bytes) { property($0) != nil }
            Issue.record("""
                \(name), seed \(Self.seed), iteration \(iteration): \(problem)
                input (\(bytes.count) bytes): \(Self.show(bytes))
                shrunk (\(small.count) bytes): \(Self.show(small)) → \(property(small) ?? "?")
                """)
            return
        }
        print("fuzz \(name): \(Self.iterations) inputs, \(accepted) accepted by SourceText, longest \(longest) bytes, seed \(Self.seed)")
    }

    static func show(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text.debugDescription }
        return "bytes " + bytes.map { String($0, radix: 16) }.joined(separator: " ")
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: h)
    }
}
