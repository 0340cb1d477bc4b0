import CLibXML2

/// A RELAX NG schema compiled once by libxml2, used to validate document trees in memory.
///
/// Thread safety: the compiled `xmlRelaxNG` is only read while validating; all mutable validation state lives in
/// the `xmlRelaxNGValidCtxt`, which `validate` creates and frees per call (never shared). So any number of threads
/// may validate different documents against one schema at the same time. Errors go to a per-call collector
/// through the context's structured error handler, never to stderr.
final class RelaxNGValidator: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr

    /// Compiles `schemaText` (RELAX NG XML syntax).
    init(schemaText: String) throws {
        LibXML.initialize()
        let collector = XMLErrorCollector()
        var text = schemaText
        let compiled: xmlRelaxNGPtr? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let parser = xmlRelaxNGNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                defer { xmlRelaxNGFreeParserCtxt(parser) }
                return collector.withContext { context in
                    xmlRelaxNGSetParserStructuredErrors(parser, XMLErrorCollector.handler, context)
                    // The schema text itself is parsed with libxml2's thread-wide handler: route it here too.
                    return LibXML.withStructuredErrors(to: context) { xmlRelaxNGParse(parser) }
                }
            }
        }
        guard let compiled else {
            let problems = collector.report
            throw TEIError.schemaDidNotCompile(problems.isEmpty
                ? [XMLProblem(path: "", line: nil, message: "xmlRelaxNGParse failed")] : problems)
        }
        schema = compiled
    }

    deinit { xmlRelaxNGFree(schema) }

    /// The problems found in `doc`; empty when it is valid.
    func validate(_ doc: xmlDocPtr) -> [XMLProblem] {
        guard let context = xmlRelaxNGNewValidCtxt(schema) else { XMLTree.outOfMemory() }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        let collector = XMLErrorCollector()
        let result = collector.withContext { userData in
            xmlRelaxNGSetValidStructuredErrors(context, XMLErrorCollector.handler, userData)
            // Anything libxml2 reports outside the validation context (datatype library, ID table) lands here too.
            return LibXML.withStructuredErrors(to: userData) { xmlRelaxNGValidateDoc(context, doc) }
        }
        if result == 0 { return [] }
        let problems = collector.report
        if problems.isEmpty {
            return [XMLProblem(path: "", line: nil, message: result < 0
                ? "libxml2 could not run the RELAX NG validation (internal error \(result))"
                : "the document is not valid against the schema")]
        }
        return problems
    }
}

/// Process-wide libxml2 set-up and thread-local error routing.
enum LibXML {
    private static let initialized: Bool = {
        XMLAllocator.install()
        xmlInitParser()
        return true
    }()

    /// Initialises libxml2 once per process (thread-safe; call before using libxml2 from several threads).
    static func initialize() { _ = initialized }

    /// Runs `body` with libxml2's structured error handler of the calling thread pointed at `context` (an
    /// `XMLErrorCollector`), then resets it. libxml2 keeps this handler per thread, so other threads are not affected.
    static func withStructuredErrors<R>(to context: UnsafeMutableRawPointer, _ body: () throws -> R) rethrows -> R {
        xmlSetStructuredErrorFunc(context, XMLErrorCollector.handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try body()
    }

    /// The text of an attribute or element node (all its descendant text), read through an `xmlBuffer` so that
    /// nothing has to be released with `xmlFree` (a C global Swift 6 cannot use safely).
    static func content(of node: xmlNodePtr) -> String {
        guard let buffer = xmlBufferCreate() else { XMLTree.outOfMemory() }
        defer { xmlBufferFree(buffer) }
        xmlNodeBufGetContent(buffer, node)
        guard let bytes = xmlBufferContent(buffer) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(xmlBufferLength(buffer))), as: UTF8.self)
    }

    /// The value of the attribute `name` in `namespace` (nil: no namespace) of `node`, or nil when it has none.
    static func attribute(_ name: StaticString, namespace: StaticString? = nil, of node: xmlNodePtr) -> String? {
        guard let attr = xmlHasNsProp(node, name.utf8Start, namespace?.utf8Start) else { return nil }
        // Usually one text node: read it in place.
        if let child = attr.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
           let content = child.pointee.content {
            return String(cString: content)
        }
        return content(of: UnsafeMutableRawPointer(attr).assumingMemoryBound(to: xmlNode.self))
    }
}

