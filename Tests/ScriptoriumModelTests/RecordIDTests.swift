import Foundation
import Testing
@testable import ScriptoriumModel
import Crypto

private func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
}

@Suite struct RecordIDTests {
    @Test func documentIDIsAnNCNameFromThePath() {
        #expect(RecordID.document(sourcePath: "us-japan-security-treaty.txt") == "us-japan-security-treaty")
        #expect(RecordID.document(sourcePath: "part-1/deeper/notes.txt") == "part-1--deeper--notes")
        for path in ["2024/Report Final.txt", "a.b/c", "1 über.txt", "日本.txt", "A b.txt", "notes.md", ".txt", "a//b.txt"] {
            let id = RecordID.document(sourcePath: path)
            #expect(RecordID.isNCName(id), "\(path) -> \(id)")
            #expect(!id.contains("."), "\(path) -> \(id)")
        }
        #expect(RecordID.document(sourcePath: "2024/Report Final.txt").hasPrefix("doc-2024--report-final_"))
        #expect(RecordID.document(sourcePath: "日本.txt").hasPrefix("doc_"))
    }

    /// Only paths in plain form keep a bare slug; every other path gets the slug, `_` and 12 hex digits of the
    /// SHA-256 of its bytes.
    @Test func pathsOutOfPlainFormAreHashed() {
        let id = RecordID.document(sourcePath: "A b.txt")
        #expect(id == "a-b_" + String(sha256Hex("A b.txt").prefix(12)))
        for path in ["A b.txt", "a-b.md", "a--b.txt", "-a-b.txt", "a-b-.txt", "a_b.txt", "a-b.TXT", "a b.txt", "1-a.txt",
                     "a-b.txt.txt", "ent.txt", "date.txt"] {
            let id = RecordID.document(sourcePath: path)
            #expect(id.contains("_"), "\(path) -> \(id)")
            #expect(id.hasSuffix("_" + String(sha256Hex(path).prefix(12))), "\(path) -> \(id)")
        }
        #expect(RecordID.document(sourcePath: "ent.txt").hasPrefix("ent_"))
        #expect(RecordID.document(sourcePath: "a-b.txt") == "a-b")
        #expect(RecordID.document(sourcePath: "a/1.txt") == "a--1", "only the first component must start with a letter")
        #expect(RecordID.document(sourcePath: "1-a/b.txt").hasPrefix("doc-1-a--b_"))
    }

    /// A document's id depends on its own path only: `A b.txt` and `a-b.txt` no longer compete for `a-b`.
    @Test func idsOfPathsThatSlugAlikeDiffer() {
        let paths = ["A b.txt", "a-b.txt", "a b.txt", "a_b.txt", "A-B.txt", "a/b.txt", "a--b.txt", "a-b.md",
                     "caf\u{E9}.txt", "cafe\u{301}.txt"]
        let ids = paths.map { RecordID.document(sourcePath: $0) }
        #expect(Set(ids).count == paths.count, "\(ids)")
        // NFC and NFD spellings of one name are different paths (different bytes), so different ids.
        #expect(RecordID.document(sourcePath: "caf\u{E9}.txt") != RecordID.document(sourcePath: "cafe\u{301}.txt"))
    }

    /// Plain ids are at most 100 bytes; a longer name is hashed, its slug cut, so every id stays short enough to
    /// be a file name (`tei/ID.xml`) whatever the input's name.
    @Test func idsHaveABoundedLength() {
        let long = String(repeating: "a", count: 247) + ".txt"
        let words = Array(repeating: "word", count: 60).joined(separator: "-") + ".txt"
        let nested = Array(repeating: "folder", count: 40).joined(separator: "/") + "/x.txt"
        for path in [long, words, nested, String(repeating: "é", count: 120) + ".txt"] {
            let id = RecordID.document(sourcePath: path)
            #expect(id.utf8.count <= 120, "\(id)")
            #expect(RecordID.isNCName(id), "\(id)")
            #expect(id.contains("_"), "\(id)")
            #expect(!id.contains("-_"), "\(id)")
        }
        #expect(RecordID.document(sourcePath: words).hasPrefix("word-word-"))
        let plain = String(repeating: "a", count: 100) + ".txt"
        #expect(RecordID.document(sourcePath: plain) == String(repeating: "a", count: 100))
        #expect(RecordID.document(sourcePath: "a" + plain).contains("_"))
    }

    /// A document named like the first part of entity ids would give its mentions the ids of entities
    /// (`ent.txt`'s first mention `ent.m1` against the lexicon key `m1`'s entity `ent.m1`).
    @Test func documentIDsNeverLookLikeTheStartOfAnEntityID() {
        #expect(RecordID.document(sourcePath: "entry.txt") == "entry")
        for path in ["ent", "date", "ent.txt", "date.txt", "Date.md", "ENT.txt", "a/ent.txt", "x.y.z.txt", "date.2024.txt", "-ent-.txt"] {
            let id = RecordID.document(sourcePath: path)
            #expect(!id.contains("."), "\(path) -> \(id)")
            #expect(id != "ent" && id != "date", "\(path) -> \(id)")
        }
    }

    @Test func generatedIDsAreNCNames() {
        let doc = RecordID.document(sourcePath: "essay.txt")
        let block = RecordID.block(document: doc, position: 3)
        for id in [doc, block, RecordID.sentence(block: block, position: 2), RecordID.section(document: doc, position: 1),
                   RecordID.mention(document: doc, position: 9), RecordID.entity(key: "United States"),
                   RecordID.date(iso: "1949-04-04")] {
            #expect(RecordID.isNCName(id), "\(id)")
        }
        #expect(!RecordID.isNCName("1abc"))
        #expect(!RecordID.isNCName("a b"))
        #expect(!RecordID.isNCName(""))
    }

    @Test func spanContainment() {
        #expect(Span(start: 0, end: 10).contains(Span(start: 2, end: 10)))
        #expect(!Span(start: 0, end: 10).contains(Span(start: 2, end: 11)))
    }
}
