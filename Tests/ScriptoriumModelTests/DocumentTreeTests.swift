import Testing
import ScriptoriumModel

/// A small document: one preamble block, two sections (the second with two blocks), sentences and mentions.
private func sample() -> DocumentRecords {
    let d = "d"
    func block(_ id: String, _ section: String?) -> BlockRecord {
        BlockRecord(id: id, documentID: d, sectionID: section, position: 0, kind: .paragraph, text: id,
                    span: Span(start: 0, end: 1))
    }
    func sentence(_ id: String, _ block: String) -> SentenceRecord {
        SentenceRecord(id: id, documentID: d, blockID: block, position: 0, text: "Japan and Korea.",
                       span: Span(start: 0, end: 1))
    }
    func mention(_ id: String, _ sentence: String, at start: Int) -> MentionRecord {
        MentionRecord(id: id, documentID: d, sentenceID: sentence, entityID: "e", text: "x", span: Span(start: 0, end: 1),
                      rangeInSentence: start..<(start + 1))
    }
    let document = DocumentRecord(id: d, title: "D", source: "d.txt", sourceSHA256: "", language: "en", license: "",
                                  creators: [], byteCount: 1, codePointCount: 1)
    return DocumentRecords(
        document: document,
        sections: [SectionRecord(id: "s1", documentID: d, position: 1, level: 1, heading: "One", span: Span(start: 0, end: 1)),
                   SectionRecord(id: "s2", documentID: d, position: 2, level: 1, heading: "Two", span: Span(start: 0, end: 1))],
        blocks: [block("b0", nil), block("b1", "s1"), block("b2", "s2"), block("b3", "s2")],
        sentences: [sentence("t0", "b0"), sentence("t1", "b1"), sentence("t2", "b1"), sentence("t3", "b3")],
        mentions: [mention("m1", "t1", at: 0), mention("m2", "t1", at: 10), mention("m3", "t3", at: 4)])
}

/// Every parent's children by id, so trees over differently ordered arrays can be compared.
private func shape(_ tree: DocumentTree) -> [String: [String]] {
    let r = tree.records
    var out: [String: [String]] = ["preamble": tree.preamble.map { r.blocks[$0].id }]
    for k in r.sections.indices { out[r.sections[k].id] = tree.blocks(ofSection: k).map { r.blocks[$0].id } }
    for b in r.blocks.indices { out[r.blocks[b].id] = tree.sentences(ofBlock: b).map { r.sentences[$0].id } }
    for s in r.sentences.indices { out[r.sentences[s].id] = tree.mentions(ofSentence: s).map { r.mentions[$0].id } }
    return out
}

@Suite struct DocumentTreeTests {
    @Test func recordsInSourceOrderGroupUnderTheirParents() throws {
        let tree = try DocumentTree(sample())
        let found = shape(tree)
        #expect(found["preamble"] == ["b0"])
        #expect(found["s1"] == ["b1"])
        #expect(found["s2"] == ["b2", "b3"])
        #expect(found["b1"] == ["t1", "t2"])
        #expect(found["b2"] == [])
        #expect(found["t1"] == ["m1", "m2"])
        #expect(found["t3"] == ["m3"])
    }

    /// Parents are found by id, not by position: shuffled arrays give the same tree (children in array order,
    /// mentions in the order they occur in their sentence).
    @Test func recordsOutOfOrderGroupTheSame() throws {
        var r = sample()
        r.blocks.swapAt(0, 3)
        r.sentences.reverse()
        r.mentions.reverse()
        let found = shape(try DocumentTree(r))
        #expect(found["s2"] == ["b3", "b2"])
        #expect(found["b1"] == ["t2", "t1"])
        #expect(found["t1"] == ["m1", "m2"])
        #expect(found["preamble"] == ["b0"])
        #expect(found["t3"] == ["m3"])
    }

    /// A record whose parent is missing is refused, naming the record and the missing parent: never moved.
    @Test func aRecordWithoutItsParentIsRefused() {
        func refusal(_ change: (inout DocumentRecords) -> Void) -> String? {
            var r = sample()
            change(&r)
            do {
                _ = try DocumentTree(r)
                return nil
            } catch {
                #expect(error.documentID == "d")
                return error.message
            }
        }
        #expect(refusal { $0.blocks[2].sectionID = "s9" }
                == "block b2 belongs to section s9, which the document does not have")
        #expect(refusal { $0.sentences[1].blockID = "b9" }
                == "sentence t1 belongs to block b9, which the document does not have")
        #expect(refusal { $0.mentions[2].sentenceID = "t9" }
                == "mention m3 lies in sentence t9, which the document does not have")
        #expect(refusal { $0.sections.removeLast() }
                == "block b2 belongs to section s2, which the document does not have")
        #expect(refusal { _ in } == nil)
    }

    @Test func aDocumentWithoutSectionsHasEveryBlockInItsPreamble() throws {
        var r = sample()
        r.sections = []
        for k in r.blocks.indices { r.blocks[k].sectionID = nil }
        let tree = try DocumentTree(r)
        #expect(Array(tree.preamble) == Array(r.blocks.indices))
    }
}
