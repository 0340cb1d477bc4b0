import Testing
@testable import ScriptoriumExtract

/// The document decides whether a line-end hyphen before a lower-case word is real (rule 4 of `HyphenatedBreaks`).
@Suite struct HyphenatedBreaksTests {
    /// The texts of the document's blocks, in order.
    private func blocks(_ text: String) -> [String] {
        structure(text).filter { $0.0 != "heading" }.map(\.1)
    }

    @Test func theHyphenatedCompoundElsewhereKeepsTheHyphen() {
        let b = blocks("""
            The post-war settlement rested on a bargain that shaped post-
            war planning for decades.
            """)
        #expect(b == ["The post-war settlement rested on a bargain that shaped post-war planning for decades."])
    }

    @Test func theClosedWordElsewhereRejoins() {
        let b = blocks("""
            The postwar settlement rested on a bargain that shaped post-
            war planning for decades.
            """)
        #expect(b == ["The postwar settlement rested on a bargain that shaped postwar planning for decades."])
    }

    @Test func bothFormsElsewhereKeepTheHyphen() {
        let b = blocks("""
            Postwar plans and post-war budgets differed.

            The bargain shaped post-
            war planning for decades and was never written into the treaty.
            """)
        #expect(b[1] == "The bargain shaped post-war planning for decades and was never written into the treaty.")
    }

    @Test func evidenceIgnoresCaseAndCountsInsideLongerCompounds() {
        let b = blocks("""
            Co-Operation is a word the ministry liked, as in co-operation-based planning and in close co-
            operation with the navy, written the British way.
            """)
        #expect(b == ["Co-Operation is a word the ministry liked, as in co-operation-based planning and in close co-operation with the navy, written the British way."])
    }

    @Test func anotherSplitOfTheSameWordIsNoEvidence() {
        // Two breaks of "commit-ment" and nothing else: the fallback rejoins both.
        let b = blocks("""
            The alliance made a commit-
            ment that later cabinets honoured, and the commit-
            ment held through every crisis of the period.
            """)
        #expect(b == ["The alliance made a commitment that later cabinets honoured, and the commitment held through every crisis of the period."])
    }

    @Test func withoutEvidenceSelfKeepsItsHyphen() {
        let b = blocks("""
            The cabinet read the right of collective self-
            defense narrowly, and its reading was defen-
            sive in every sense.
            """)
        #expect(b == ["The cabinet read the right of collective self-defense narrowly, and its reading was defensive in every sense."])
    }

    @Test func evidenceOverridesTheFallback() {
        let b = blocks("""
            Nobody called the policy selfdefense, except in one memo that spoke of self-
            defense as a single word, which it is not.
            """)
        #expect(b == ["Nobody called the policy selfdefense, except in one memo that spoke of selfdefense as a single word, which it is not."])
    }

    @Test func joinsAreDecidedForEveryMultiLineBlock() {
        let source = "A heading\n\n- an item that is wrapped onto\n  a second line with self-\n  defense in it\n\nSome text that goes on and\non.\n"
        let bytes = Array(source.utf8)
        let elements = bytes.withUnsafeBufferPointer { StructureReader.read($0) }
        var joins: [[LineJoin]] = []
        for case .block(_, let lines, _) in elements { joins.append(lines.joins) }
        #expect(joins == [[.space, .keepHyphen], [.space]])
    }
}
