import Foundation
import Testing
import ScriptoriumModel
@testable import ScriptoriumExtract

/// The real-document corpus (`Tests/RealDocuments`): licences, release notes, READMEs, a manual page and a
/// specification that nobody wrote for Scriptorium, each with the outline and sentences a careful reader gave it by
/// hand. The reader must find the headings a person sees, invent few, count blocks about right and cut the same
/// sentences; `Tests/Benchmarks/real_documents.py` prints the full report from a real build.
@Suite struct RealDocumentTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/RealDocuments")

    struct Expected {
        var headings: Set<Int> = []
        var blocks: [String: Int] = [:]
        var sentences: [String] = []
    }

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func expected(_ name: String) throws -> Expected {
        var e = Expected()
        let outline = try String(contentsOf: folder.appendingPathComponent("\(name).outline"), encoding: .utf8)
        for line in outline.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            let start = Int(cols[0].split(separator: "-")[0])!
            if cols[1] == "heading" { e.headings.insert(start) } else { e.blocks[String(cols[1]), default: 0] += 1 }
        }
        let sentences = try String(contentsOf: folder.appendingPathComponent("\(name).sentences"), encoding: .utf8)
        e.sentences = sentences.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return e
    }

    /// What the extractor makes of the document: heading start lines, block counts by kind, sentence texts.
    static func read(_ name: String) throws -> Expected {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("\(name).txt")))
        let source = try SourceText(fileBytes: bytes, path: name)
        var got = Expected()
        for entry in DocumentOutline.entries(of: source, markdown: false) {
            if entry.kind == .heading { got.headings.insert(entry.lines.lowerBound) } else { got.blocks[entry.kind.rawValue, default: 0] += 1 }
        }
        let document = DocumentRecord(id: "d", title: name, source: "\(name).txt", sourceSHA256: "", language: "en", license: "",
                                      creators: [], byteCount: bytes.count, codePointCount: source.index.codePointCount)
        got.sentences = DocumentExtractor.extract(document: document, source: source).blocks.flatMap { $0.sentences.map(\.text) }
        return got
    }

    @Test func theCorpusHasTwelveDocumentsOrMoreWithTheirExpectations() throws {
        #expect(Self.names.count >= 12)
        for name in Self.names {
            let e = try Self.expected(name)
            #expect(!e.sentences.isEmpty, "\(name) has no expected sentences")
            #expect(e.blocks.values.reduce(0, +) > 0, "\(name) has no expected blocks")
        }
    }

    /// The issue's bar, on the whole corpus: 90% of headings found, extras at most 8% of them (5% is the target on
    /// unseen documents), block counts within 15%, sentence F1 of 0.9 or more.
    @Test func headingsBlocksAndSentencesAgreeWithTheReader() throws {
        var headings = 0, found = 0, extra = 0
        var expectedBlocks = 0, gotBlocks = 0
        var expectedSentences = 0, gotSentences = 0, matched = 0
        for name in Self.names {
            let e = try Self.expected(name), g = try Self.read(name)
            headings += e.headings.count
            found += e.headings.intersection(g.headings).count
            extra += g.headings.subtracting(e.headings).count
            expectedBlocks += (e.blocks["paragraph"] ?? 0) + (e.blocks["list_item"] ?? 0)
            gotBlocks += (g.blocks["paragraph"] ?? 0) + (g.blocks["list_item"] ?? 0)
            var pool: [String: Int] = [:]
            for s in e.sentences { pool[s, default: 0] += 1 }
            for s in g.sentences where (pool[s] ?? 0) > 0 {
                pool[s]! -= 1
                matched += 1
            }
            expectedSentences += e.sentences.count
            gotSentences += g.sentences.count
        }
        let precision = Double(matched) / Double(max(1, gotSentences)), recall = Double(matched) / Double(max(1, expectedSentences))
        let f1 = 2 * precision * recall / max(1e-9, precision + recall)
        #expect(Double(found) >= 0.9 * Double(headings), "headings found: \(found) of \(headings)")
        #expect(Double(extra) <= 0.08 * Double(headings), "extra headings: \(extra) against \(headings)")
        #expect(abs(gotBlocks - expectedBlocks) * 100 <= 15 * expectedBlocks, "paragraphs and items: \(gotBlocks) against \(expectedBlocks)")
        #expect(f1 >= 0.9, "sentence F1 \(f1)")
    }
}
