import CLibXML2
import CXMLArena
import Foundation
import Testing
@testable import ScriptoriumTEI

/// The libxml2 allocator (`CXMLArena` through `XMLAllocator`): arena blocks inside a document, libc outside,
/// and nothing left behind that could reach into a rewound arena.
@Suite struct XMLAllocatorTests {
    @Test func blocksInsideADocumentComeFromTheArenaAndKeepTheirContentWhenGrown() {
        XMLAllocator.withDocumentArena {
            #expect(XMLAllocator.arenaBytesInUse == 0)
            let small = scriptorium_xml_malloc(10)!.assumingMemoryBound(to: UInt8.self)
            for i in 0..<10 { small[i] = UInt8(i + 1) }
            #expect(XMLAllocator.arenaBytesInUse >= 26)
            let grown = scriptorium_xml_realloc(small, 5000)!.assumingMemoryBound(to: UInt8.self)
            #expect((0..<10).allSatisfy { grown[$0] == UInt8($0 + 1) })
            // Shrinking keeps the block in place.
            #expect(scriptorium_xml_realloc(grown, 100) == UnsafeMutableRawPointer(grown))
            let copy = scriptorium_xml_strdup("Japan")!
            #expect(String(cString: copy) == "Japan")
            scriptorium_xml_free(copy)  // a no-op inside the arena
            scriptorium_xml_free(grown)
            // A large block comes from libc, grows there, and is really freed.
            let used = XMLAllocator.arenaBytesInUse
            let large = scriptorium_xml_malloc(1 << 20)!.assumingMemoryBound(to: UInt8.self)
            large[(1 << 20) - 1] = 7
            #expect(XMLAllocator.arenaBytesInUse == used)
            let larger = scriptorium_xml_realloc(large, 2 << 20)!.assumingMemoryBound(to: UInt8.self)
            #expect(larger[(1 << 20) - 1] == 7)
            scriptorium_xml_free(larger)
        }
        // Outside a document, blocks come from libc.
        let outside = scriptorium_xml_malloc(64)
        #expect(XMLAllocator.arenaBytesInUse == 0)
        scriptorium_xml_free(outside)
    }

    @Test func workOutsideTheArenaAllocatesFromLibcAndLeavesTheArenaIntact() {
        XMLAllocator.withDocumentArena {
            let kept = scriptorium_xml_strdup("kept in the arena")!
            let used = XMLAllocator.arenaBytesInUse
            XMLAllocator.outsideArena {
                for _ in 0..<100 { scriptorium_xml_free(scriptorium_xml_malloc(200)) }
            }
            #expect(XMLAllocator.arenaBytesInUse == used)
            #expect(String(cString: kept) == "kept in the arena")
            _ = scriptorium_xml_malloc(8)
            #expect(XMLAllocator.arenaBytesInUse > used)
        }
    }

    @Test func aScopeLastsWhileEverythingIsInTheArena() {
        #expect(XMLAllocator.currentScope == 0)
        var scopes: [UInt] = []
        for _ in 0..<2 {
            XMLAllocator.withDocumentArena {
                let scope = XMLAllocator.currentScope
                #expect(scope != 0)
                scopes.append(scope)
                _ = scriptorium_xml_malloc(100)
                #expect(XMLAllocator.currentScope == scope)
                XMLAllocator.outsideArena { #expect(XMLAllocator.currentScope == 0) }
                #expect(XMLAllocator.currentScope == scope)
                scriptorium_xml_free(scriptorium_xml_malloc(1 << 20))  // from malloc: the scope is no longer clean
                #expect(XMLAllocator.currentScope == 0)
            }
        }
        #expect(scopes[0] != scopes[1])
        #expect(XMLAllocator.currentScope == 0)
    }

    @Test func theDocumentNumberHoldsWhileSuspendedAndAfterASpill() {
        #expect(XMLAllocator.currentDocument == 0)
        XMLAllocator.withDocumentArena {
            let document = XMLAllocator.currentDocument
            #expect(document == XMLAllocator.currentScope)
            XMLAllocator.outsideArena { #expect(XMLAllocator.currentDocument == document) }
            scriptorium_xml_free(scriptorium_xml_malloc(1 << 20))
            #expect(XMLAllocator.currentScope == 0)
            #expect(XMLAllocator.currentDocument == document)
        }
        #expect(XMLAllocator.currentDocument == 0)
    }

    @Test func treesWithAndWithoutBlocksFromMallocAreWrittenTheSameInsideAndOutsideTheArena() throws {
        // A text longer than the arena's largest block comes from malloc: that tree must be freed node by node.
        for text in ["short text", String(repeating: "long text ", count: 5000)] {
            func written() throws -> [UInt8] {
                let tree = XMLTree(root: "TEI", namespace: "http://www.tei-c.org/ns/1.0")
                tree.element("p", text: text, in: tree.root)
                tree.seal()
                return try tree.serialize()
            }
            let outside = try written()
            let inside = try XMLAllocator.withDocumentArena { try written() }
            #expect(inside == outside)
            #expect(String(decoding: inside, as: UTF8.self).contains(text))
        }
    }

    @Test func theArenaStartsEmptyForEveryDocument() {
        for _ in 0..<3 {
            XMLAllocator.withDocumentArena {
                #expect(XMLAllocator.arenaBytesInUse == 0)
                for _ in 0..<10_000 { _ = scriptorium_xml_malloc(100) }  // several chunks
                #expect(XMLAllocator.arenaBytesInUse >= 1_000_000)
            }
        }
    }

    /// libxml2 has the allocator from the moment the program is loaded, before any of its routines runs (as
    /// xmlMemSetup requires), so no block it frees or grows was ever allocated by anyone else.
    @Test func theAllocatorIsLibxml2sFromTheStart() {
        var free: xmlFreeFunc? = nil
        var malloc: xmlMallocFunc? = nil
        var realloc: xmlReallocFunc? = nil
        var strdup: xmlStrdupFunc? = nil
        #expect(xmlMemGet(&free, &malloc, &realloc, &strdup) == 0)
        let ours = unsafeBitCast(scriptorium_xml_malloc as @convention(c) (Int) -> UnsafeMutableRawPointer?, to: UnsafeRawPointer.self)
        #expect(unsafeBitCast(malloc, to: UnsafeRawPointer.self) == ours)
        #expect(unsafeBitCast(free, to: UnsafeRawPointer.self)
                == unsafeBitCast(scriptorium_xml_free as @convention(c) (UnsafeMutableRawPointer?) -> Void, to: UnsafeRawPointer.self))
    }

    @Test func anErrorRaisedInsideADocumentDoesNotOutliveIt() throws {
        let broken = Array("<TEI><unclosed></TEI>".utf8)
        func parseBroken() {
            broken.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    let doc = xmlReadMemory(chars.baseAddress, Int32(chars.count), nil, nil,
                                            Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
                    if let doc { xmlFreeDoc(doc) }
                }
            }
        }
        LibXML.initialize()
        // The parse error's messages are allocated in the arena; the next error (outside) replaces them.
        XMLAllocator.withDocumentArena { parseBroken() }
        XMLAllocator.withDocumentArena { for _ in 0..<1000 { _ = scriptorium_xml_strdup("overwrites the arena") } }
        parseBroken()
        #expect(xmlGetLastError() != nil)
        xmlResetLastError()
    }

    @Test func documentsWrittenOnSeveralThreadsAtOnceMatchTheSequentialBytes() throws {
        let writer = try TEIWriter(dataset: Fixtures.dataset)
        let records = try Fixtures.essay()
        let expected = try writer.write(records)
        let results = Results(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            results.set(i, (try? writer.write(records)) ?? [])
        }
        #expect(results.all.allSatisfy { $0 == expected })
    }
}

private final class Results: @unchecked Sendable {
    private var values: [[UInt8]]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [UInt8]) { lock.withLock { values[i] = value } }
    var all: [[UInt8]] { lock.withLock { values } }
}
