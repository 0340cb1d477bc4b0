import CSV
import Foundation
import Testing
import ScriptoriumTestSupport
import ScriptoriumPipeline

/// The style corpus (`Styles/`): one small document per plain-text style that users feed Scriptorium, each with
/// its expected structure and sentences in `<name>.expected.json`, written by hand. Each document is built end to
/// end on its own, with the shipped lexicon, and its dataset is checked against the expectations and the source.
///
/// The documents keep their bytes exactly (`Styles/.gitattributes` stops git from converting line endings):
/// `crlf.txt` has CRLF line ends, `cr.txt` bare CRs, `bom.txt` a UTF-8 byte order mark.
enum StyleCorpus {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Styles")

    struct Expectation: Decodable {
        let style: String
        let headings: [String]
        let paragraphs: Int
        let list_items: Int
        /// "h", "p" or "li" per heading or block, in document order.
        let outline: [String]
        /// The sentences of each block, in order.
        let sentences: [[String]]
    }

    /// The documents' names (without `.txt`), in order.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    static func expectation(_ name: String) throws -> Expectation {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).expected.json"))
        return try JSONDecoder().decode(Expectation.self, from: data)
    }

    static func readTable(_ output: URL, _ table: String) throws -> [[String: String]] {
        let text = try String(contentsOf: output.appendingPathComponent("data/csv/\(table).csv"), encoding: .utf8)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        var rows: [[String: String]] = []
        while let row = reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(header, row))) }
        return rows
    }

    /// Sentence F1 over the multisets of sentence texts: a sentence counts as found when the dataset has one
    /// with exactly the expected text.
    static func f1(got: [String], expected: [String]) -> Double {
        var pool: [String: Int] = [:]
        for s in expected { pool[s, default: 0] += 1 }
        var matched = 0
        for s in got where (pool[s] ?? 0) > 0 {
            pool[s]! -= 1
            matched += 1
        }
        guard matched > 0 else { return 0 }
        let precision = Double(matched) / Double(got.count), recall = Double(matched) / Double(expected.count)
        return 2 * precision * recall / (precision + recall)
    }

    /// SPEC §3, checked independently on code points: `text` is NFC of `span`, normalised (`ReferenceNormalisation`).
    static func isNormalisedForm(_ text: String, of span: String) -> Bool {
        ReferenceNormalisation.isNormalisedForm(Array(text.unicodeScalars),
                                                of: Array(span.precomposedStringWithCanonicalMapping.unicodeScalars))
    }
}

@Suite(.serialized) struct StyleCorpusTests {
    @Test func theCorpusIsThere() throws {
        #expect(StyleCorpus.names == ["blank-lines", "bom", "cr", "crlf", "hard-wrapped", "headings", "lists", "sentences",
                                      "whitespace"])
        // The byte-level properties the styles depend on survived checkout.
        let crlf = try Data(contentsOf: StyleCorpus.folder.appendingPathComponent("crlf.txt"))
        #expect(crlf.contains(0x0D) && !zip(crlf, crlf.dropFirst()).contains { $0.1 == 0x0A && $0.0 != 0x0D })
        let cr = try Data(contentsOf: StyleCorpus.folder.appendingPathComponent("cr.txt"))
        #expect(cr.contains(0x0D) && !cr.contains(0x0A))
        let bom = try Data(contentsOf: StyleCorpus.folder.appendingPathComponent("bom.txt"))
        #expect(bom.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test(arguments: StyleCorpus.names)
    func styleBuildsIntoTheExpectedRecords(_ name: String) throws {
        let expected = try StyleCorpus.expectation(name)
        let folder = try temporaryFolder("style-\(name)")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("output")
        let file = StyleCorpus.folder.appendingPathComponent("\(name).txt")
        _ = try DatasetBuilder.build(BuildOptions(inputs: [file.path], output: output.path, jobs: 1,
                                                  lexicon: inputFolder.appendingPathComponent("lexicon.json").path))
        #expect(try DatasetValidator.validate(bag: output).problems == [])

        let sections = try StyleCorpus.readTable(output, "sections")
        let blocks = try StyleCorpus.readTable(output, "blocks")
        let sentences = try StyleCorpus.readTable(output, "sentences")
        let mentions = try StyleCorpus.readTable(output, "mentions")

        // Structure: exact.
        #expect(sections.map { $0["heading"]! } == expected.headings)
        #expect(blocks.filter { $0["kind"] == "paragraph" }.count == expected.paragraphs)
        #expect(blocks.filter { $0["kind"] == "list_item" }.count == expected.list_items)
        var outline = sections.map { (Int($0["start"]!)!, "h") }
        outline += blocks.map { (Int($0["start"]!)!, $0["kind"] == "paragraph" ? "p" : "li") }
        let got = outline.sorted { $0.0 < $1.0 }.map(\.1)
        #expect(got == expected.outline)
        let structureExact = got == expected.outline && sections.map { $0["heading"]! } == expected.headings

        // Sentences: F1 against the expectations.
        let f1 = StyleCorpus.f1(got: sentences.map { $0["text"]! }, expected: expected.sentences.flatMap { $0 })
        print("style \(name) (\(expected.style)): structure \(structureExact ? "exact" : "WRONG"), sentence F1 \(String(format: "%.3f", f1))")
        #expect(f1 >= 0.98, "\(name): sentence F1 \(f1)")

        // Offsets index the original file, read as Python reads it, exactly; the bag holds the same bytes.
        let original = try Data(contentsOf: file)
        #expect(try Data(contentsOf: output.appendingPathComponent("data/source/\(name).txt")) == original)
        let source = pythonStyleText(original)
        func slice(_ row: [String: String]) throws -> String {
            let start = try #require(Int(row["start"]!)), end = try #require(Int(row["end"]!))
            try #require(0 <= start && start < end && end <= source.count, "\(row["id"]!): \(start)..<\(end)")
            return String(String.UnicodeScalarView(source[start..<end]))
        }
        for row in sections {
            #expect(StyleCorpus.isNormalisedForm(row["heading"]!, of: try slice(row)), "\(row["id"]!)")
        }
        for row in blocks {
            #expect(StyleCorpus.isNormalisedForm(row["text"]!, of: try slice(row)), "\(row["id"]!)")
        }
        let blockSpans = Dictionary(uniqueKeysWithValues: blocks.map { ($0["id"]!, (Int($0["start"]!)!, Int($0["end"]!)!)) })
        for row in sentences {
            #expect(StyleCorpus.isNormalisedForm(row["text"]!, of: try slice(row)), "\(row["id"]!)")
            let block = try #require(blockSpans[row["block_id"]!])
            #expect(block.0 <= Int(row["start"]!)! && Int(row["end"]!)! <= block.1, "\(row["id"]!) outside its block")
        }
        let sentenceSpans = Dictionary(uniqueKeysWithValues: sentences.map { ($0["id"]!, (Int($0["start"]!)!, Int($0["end"]!)!)) })
        for row in mentions {
            #expect(try slice(row) == row["text"]!, "\(row["id"]!)")
            let sentence = try #require(sentenceSpans[row["sentence_id"]!])
            #expect(sentence.0 <= Int(row["start"]!)! && Int(row["end"]!)! <= sentence.1, "\(row["id"]!) outside its sentence")
        }
    }

    @Test func theWholeFolderBuildsAsOneDataset() throws {
        let folder = try temporaryFolder("styles")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("output")
        _ = try DatasetBuilder.build(BuildOptions(inputs: [StyleCorpus.folder.path], output: output.path, jobs: 2,
                                                  lexicon: inputFolder.appendingPathComponent("lexicon.json").path))
        #expect(try DatasetValidator.validate(bag: output).problems == [])
        // Only the .txt files are documents: the expectations are not.
        let documents = try StyleCorpus.readTable(output, "documents")
        #expect(documents.map { $0["source"]! }.sorted() == StyleCorpus.names.map { "\($0).txt" })

        var expectedSentences = 0, expectedBlocks = 0, expectedHeadings = 0
        for name in StyleCorpus.names {
            let e = try StyleCorpus.expectation(name)
            expectedSentences += e.sentences.flatMap { $0 }.count
            expectedBlocks += e.paragraphs + e.list_items
            expectedHeadings += e.headings.count
        }
        #expect(try StyleCorpus.readTable(output, "sentences").count == expectedSentences)
        #expect(try StyleCorpus.readTable(output, "blocks").count == expectedBlocks)
        #expect(try StyleCorpus.readTable(output, "sections").count == expectedHeadings)
    }

    @Test func theCheckerRejectsWrongTexts() {
        #expect(StyleCorpus.isNormalisedForm("Shinzō Abe", of: "Shinzo\u{304}\r\nAbe"))
        #expect(StyleCorpus.isNormalisedForm("self-defense", of: "self-\r\ndefense"))
        #expect(StyleCorpus.isNormalisedForm("defensive", of: "defen-\rsive"))
        #expect(!StyleCorpus.isNormalisedForm("selfdefense", of: "self- defense"))
        #expect(!StyleCorpus.isNormalisedForm("a  b", of: "a  b"))
        #expect(!StyleCorpus.isNormalisedForm("Japan", of: "Japan’s"))
    }

    @Test func expectationsAgreeWithThemselves() throws {
        for name in StyleCorpus.names {
            let e = try StyleCorpus.expectation(name)
            #expect(e.outline.filter { $0 == "h" }.count == e.headings.count, "\(name)")
            #expect(e.outline.filter { $0 == "p" }.count == e.paragraphs, "\(name)")
            #expect(e.outline.filter { $0 == "li" }.count == e.list_items, "\(name)")
            #expect(e.sentences.count == e.paragraphs + e.list_items, "\(name)")
        }
    }
}
