import Testing
@testable import ScriptoriumJSONLD

/// The JSON-LD checker's reading of a file (`JSONLDNodeIndex`), which replaced Foundation's parser so that a very
/// large document is checked in linear time and bounded memory: it must answer exactly as the code it replaced.
@Suite struct JSONLDNodeIndexTests {
    /// Nodes by the record id at the end of their `@id`; `@context` holds none; escapes are decoded; when an id
    /// repeats, the node is the first in the old walk's order (an object before its contents, keys sorted, items
    /// in order), and its pointer is found on demand.
    @Test func jsonldNodesAreReadFromTheBytes() throws {
        let json = #"""
        {"@context":{"x":{"@id":"ctx","text":"no"}},"@id":"base/doc",
         "zeta":[{"@id":"doc.b1","text":"late"}],
         "hasPart":[{"@id":"doc.b1","blockKind":"paragraph","number":3,"te\u0078t":"caf\u00e9 \ud83d\ude00 \"q\""},
                    {"@id":"doc.b1#x/doc.s1","text":"one"}],
         "a~b/c":{"@id":"doc.s2","marker":null}}
        """#
        let index = JSONLDNodeIndex(bytes: Array(json.utf8))
        #expect(Set(index.nodes.keys) == ["doc", "doc.b1", "doc.s1", "doc.s2"])
        let block = try #require(index.nodes["doc.b1"])
        #expect(index.value(block, .text) == .some("café 😀 \"q\""))
        #expect(index.value(block, .blockKind) == .some("paragraph"))
        #expect(index.value(block, .number) == .some(nil))
        #expect(index.value(block, .marker) == nil)
        #expect(block.hasPart == false)
        #expect(index.nodes["doc"]?.hasPart == true)
        let s2 = try #require(index.nodes["doc.s2"])
        #expect(index.value(s2, .marker) == .some(nil))
        let pointers = index.pointers([block.offset, s2.offset, index.nodes["doc.s1"]!.offset, index.nodes["doc"]!.offset])
        #expect(pointers[block.offset] == "/hasPart/0")
        #expect(pointers[index.nodes["doc.s1"]!.offset] == "/hasPart/1")
        #expect(pointers[s2.offset] == "/a~0b~1c")
        #expect(pointers[index.nodes["doc"]!.offset] == "")
    }
}
