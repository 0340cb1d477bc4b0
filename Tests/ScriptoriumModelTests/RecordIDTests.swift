import Testing
@testable import ScriptoriumModel

@Suite struct RecordIDTests {
    @Test func documentIDIsAnNCNameFromThePath() {
        #expect(RecordID.document(sourcePath: "us-japan-security-treaty.txt") == "us-japan-security-treaty")
        #expect(RecordID.document(sourcePath: "2024/Report Final.txt") == "doc-2024-report-final")
        #expect(RecordID.document(sourcePath: "a.b/c") == "a-b-c")
        #expect(RecordID.isNCName(RecordID.document(sourcePath: "1 über.txt")))
    }

    /// A document named like the first part of entity ids would give its mentions the ids of entities
    /// (`ent.txt`'s first mention `ent.m1` against the lexicon key `m1`'s entity `ent.m1`).
    @Test func documentIDsNeverLookLikeTheStartOfAnEntityID() {
        #expect(RecordID.document(sourcePath: "ent.txt") == "doc-ent")
        #expect(RecordID.document(sourcePath: "Date.md") == "doc-date")
        #expect(RecordID.document(sourcePath: "entry.txt") == "entry")
        for path in ["ent", "date", "ENT.txt", "a/ent.txt", "x.y.z.txt", "date.2024.txt", "-ent-.txt"] {
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
