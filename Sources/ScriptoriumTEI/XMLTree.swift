import CLibXML2

/// A libxml2 document tree under construction: a thin, memory-safe wrapper of the tree API
/// (`xmlNewDocNodeEatName`, `xmlNewDocTextLen`, `xmlNewNsPropEatName`, `xmlAddChild`). Text and attribute values
/// are handed to libxml2 as raw strings, never as markup, so escaping is entirely libxml2's job (at serialisation,
/// text content through `XMLTextEscaper`). Every string passes through `XMLCharacters` first.
///
/// One tree per document and per thread; the tree owns its `xmlDoc` and frees it on deinit (or leaves it to the
/// `XMLAllocator` arena scope it was built in, which releases it whole).
final class XMLTree {
    typealias Node = xmlNodePtr

    let doc: xmlDocPtr
    let root: Node
    private let ns: xmlNsPtr
    private let xmlNamespace: xmlNsPtr
    /// Elements whose content is elements only, in creation order (parents before children); `indent()` puts
    /// line breaks and indentation between their children, and nowhere else.
    private var containers: [Node] = []
    /// The libxml2 arena scope the whole tree was built in (0: none, or not all of it), set by `seal`; see `deinit`.
    private var arenaScope: UInt = 0
    /// Element and attribute names entered in the document's dictionary, by the address of their `StaticString`
    /// (a direct-mapped cache of `namesSize` slots; see `interned`).
    private let names = UnsafeMutablePointer<(key: UInt, name: UnsafeMutablePointer<xmlChar>?)>
        .allocate(capacity: XMLTree.namesSize)
    private static let namesSize = 256

    /// A document whose root element `rootName` is in `namespace` (the default namespace, no prefix).
    init(root rootName: StaticString, namespace: StaticString) {
        names.initialize(repeating: (0, nil), count: XMLTree.namesSize)
        guard let doc = xmlNewDoc(XMLName.version.utf8Start) else { XMLTree.outOfMemory() }
        self.doc = doc
        // Element and attribute names go through a dictionary: each name is stored once per document.
        doc.pointee.dict = xmlDictCreate()
        guard let root = xmlNewDocNode(doc, nil, rootName.utf8Start, nil),
              let ns = xmlNewNs(root, namespace.utf8Start, nil) else { XMLTree.outOfMemory() }
        xmlSetNs(root, ns)
        xmlDocSetRootElement(doc, root)
        guard let xmlNamespace = xmlSearchNs(doc, root, XMLName.xmlPrefix.utf8Start) else { XMLTree.outOfMemory() }
        self.root = root
        self.ns = ns
        self.xmlNamespace = xmlNamespace
        containers.append(root)
    }

    /// Frees the document, unless every block of it is in the arena scope still running (which releases them all
    /// at once when the document is done): walking the tree to free each node would then only cost the walk.
    /// A tree that validation gave an ID or reference table (blocks from malloc) is always freed.
    deinit {
        names.deallocate()
        if arenaScope != 0 {
            // Built wholly in an arena scope: its memory is the scope's, so it must die inside it.
            precondition(XMLAllocator.currentDocument == arenaScope,
                         "a TEI tree outlived the libxml2 arena scope it was built in")
            if doc.pointee.ids == nil && doc.pointee.refs == nil { return }
        }
        xmlFreeDoc(doc)
    }

    /// Marks the tree complete: if every block of it so far came from the running arena scope, `deinit` may leave
    /// it to the arena. Nothing may be added to the tree afterwards.
    func seal() {
        arenaScope = XMLAllocator.currentScope
    }

    static func outOfMemory() -> Never {
        fatalError("libxml2 could not allocate memory for the TEI tree")
    }

    // MARK: Building

    /// `name` as stored in the document's dictionary, for the `...EatName` constructors: a node's name is then the
    /// dictionary's string itself, found here by the literal's address instead of being hashed and looked up in the
    /// dictionary for every node (names are few, nodes many). The node does not own it; freeing leaves it alone.
    @inline(__always)
    private func interned(_ name: StaticString) -> UnsafeMutablePointer<xmlChar> {
        let key = UInt(bitPattern: name.utf8Start)
        let slot = Int(truncatingIfNeeded: (key >> 2) ^ (key >> 10)) & (XMLTree.namesSize - 1)
        if names[slot].key == key, let known = names[slot].name { return known }
        guard let entry = xmlDictLookup(doc.pointee.dict, name.utf8Start, Int32(name.utf8CodeUnitCount)) else {
            XMLTree.outOfMemory()
        }
        let stored = UnsafeMutablePointer(mutating: entry)
        names[slot] = (key, stored)
        return stored
    }

    /// A new element `name` (in the document's namespace) appended to `parent`. A `container` holds elements only
    /// and gets indented; any other element is written on one line, whitespace inside it untouched.
    @discardableResult
    func element(_ name: StaticString, in parent: Node, container: Bool = false) -> Node {
        guard let node = xmlNewDocNodeEatName(doc, ns, interned(name), nil) else { XMLTree.outOfMemory() }
        xmlAddChild(parent, node)
        if container { containers.append(node) }
        return node
    }

    /// A new element holding `text` only.
    @discardableResult
    func element(_ name: StaticString, text: String, in parent: Node) -> Node {
        let node = element(name, in: parent)
        self.text(text, in: node)
        return node
    }

    /// Appends `text` to `parent` as character data.
    func text(_ text: String, in parent: Node) {
        withUTF8(text) { self.text(bytes: $0, in: parent) }
    }

    /// Appends one space to `parent`.
    func space(in parent: Node) {
        guard let node = xmlNewDocTextLen(doc, XMLName.space.utf8Start, 1) else { XMLTree.outOfMemory() }
        xmlAddChild(parent, node)
    }

    /// Appends the UTF-8 `bytes` to `parent` as character data (nothing for an empty buffer).
    func text(bytes: UnsafeBufferPointer<UInt8>, in parent: Node) {
        guard !bytes.isEmpty else { return }
        XMLCharacters.withXMLSafe(bytes) { safe in
            guard let node = xmlNewDocTextLen(doc, safe.baseAddress, Int32(safe.count)) else { XMLTree.outOfMemory() }
            xmlAddChild(parent, node)
        }
    }

    /// Sets the unqualified attribute `name` on `node`.
    func attribute(_ name: StaticString, _ value: String, on node: Node) {
        XMLCharacters.withXMLSafeCString(value) { v in
            guard xmlNewNsPropEatName(node, nil, interned(name), v) != nil else { XMLTree.outOfMemory() }
        }
    }

    /// Sets the unqualified attribute `name` on `node` to a constant.
    func attribute(_ name: StaticString, _ value: StaticString, on node: Node) {
        guard xmlNewNsPropEatName(node, nil, interned(name), value.utf8Start) != nil else { XMLTree.outOfMemory() }
    }

    /// Sets `xml:id`. The attribute is created unqualified and then put in the XML namespace, which keeps libxml2
    /// from entering every id in the document's ID table (an allocation and a hash insertion per record, and as
    /// much again to free them): nothing here looks ids up, and their uniqueness is checked upstream and by any
    /// parser reading the file.
    func xmlID(_ value: String, on node: Node) {
        XMLCharacters.withXMLSafeCString(value) { v in
            guard let attr = xmlNewNsPropEatName(node, nil, interned(XMLName.id), v) else { XMLTree.outOfMemory() }
            attr.pointee.ns = xmlNamespace
        }
    }

    /// Sets `xml:lang`.
    func xmlLang(_ value: String, on node: Node) {
        XMLCharacters.withXMLSafeCString(value) { v in
            guard xmlNewNsPropEatName(node, xmlNamespace, interned(XMLName.lang), v) != nil else {
                XMLTree.outOfMemory()
            }
        }
    }

    /// A processing instruction placed before the root element.
    func processingInstruction(_ target: StaticString, _ content: StaticString) {
        guard let pi = xmlNewDocPI(doc, target.utf8Start, content.utf8Start) else { XMLTree.outOfMemory() }
        xmlAddPrevSibling(root, pi)
    }

    // MARK: Layout and output

    /// Line breaks and two-space indentation between the children of container elements, so the file reads well;
    /// mixed content (`p`, `item`, `s`, `head` ...) is never touched, so every text is exactly what was given.
    func indent() {
        for container in containers {
            var depth = 0
            var up = container.pointee.parent
            while let p = up, p.pointee.type == XML_ELEMENT_NODE {
                depth += 1
                up = p.pointee.parent
            }
            var child = container.pointee.children
            while let c = child {
                let next = c.pointee.next
                if c.pointee.type == XML_ELEMENT_NODE {
                    xmlAddPrevSibling(c, whitespace(depth: depth + 1))
                }
                child = next
            }
            if container.pointee.children != nil {
                xmlAddChild(container, whitespace(depth: depth))
            }
        }
        containers.removeAll()
    }

    private var indentCache: [[UInt8]] = []

    private func whitespace(depth: Int) -> Node {
        while indentCache.count <= depth {
            indentCache.append([0x0A] + [UInt8](repeating: 0x20, count: 2 * indentCache.count))
        }
        return indentCache[depth].withUnsafeBufferPointer { ws in
            guard let node = xmlNewDocTextLen(doc, ws.baseAddress, Int32(ws.count)) else { XMLTree.outOfMemory() }
            return node
        }
    }

    /// The document serialised as UTF-8 with an XML declaration, exactly as built (no reformatting).
    /// `sizeHint` (bytes) sizes the output buffer up front so that it rarely has to grow.
    func serialize(sizeHint: Int = 0) throws -> [UInt8] {
        try serialize(sizeHint: sizeHint) { Array($0) }
    }

    /// The same bytes as `serialize(sizeHint:)`, handed to `sink` in the pieces libxml2 writes out (a few kilobytes
    /// each) as it serialises: the whole document is never in one buffer. The first error `sink` throws ends the
    /// serialisation and is thrown from here.
    func serialize(to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        final class Output {
            let sink: (UnsafeRawBufferPointer) throws -> Void
            var error: (any Error)?
            init(_ sink: @escaping (UnsafeRawBufferPointer) throws -> Void) { self.sink = sink }
        }
        try withoutActuallyEscaping(sink) { sink in
            let output = Output(sink)
            let context = Unmanaged.passUnretained(output).toOpaque()
            let write: xmlOutputWriteCallback = { context, bytes, count in
                let output = Unmanaged<Output>.fromOpaque(context!).takeUnretainedValue()
                do {
                    try output.sink(UnsafeRawBufferPointer(start: bytes, count: Int(count)))
                    return count
                } catch {
                    output.error = error
                    return -1
                }
            }
            let (written, closed): (Int, Int32) = withExtendedLifetime(output) {
                guard let save = xmlSaveToIO(write, nil, context, "UTF-8", 0) else { return (-1, -1) }
                xmlSaveSetEscape(save, XMLTextEscaper.escapeContent)
                let written = xmlSaveDoc(save, doc)
                return (written, xmlSaveClose(save))
            }
            if let error = output.error { throw error }
            guard written >= 0, closed >= 0 else { throw TEIError.serialisation("libxml2 could not serialise the document") }
        }
    }

    /// The same bytes as `serialize(sizeHint:)`, lent to `body` straight from libxml2's buffer (no copy).
    func serialize<R>(sizeHint: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        let size = Int32(clamping: max(4096, sizeHint))
        guard let buffer = xmlBufferCreateSize(Int(size)) else { XMLTree.outOfMemory() }
        defer { xmlBufferFree(buffer) }
        guard let save = xmlSaveToBuffer(buffer, "UTF-8", 0) else {
            throw TEIError.serialisation("libxml2 could not start serialising")
        }
        xmlSaveSetEscape(save, XMLTextEscaper.escapeContent)
        let written = xmlSaveDoc(save, doc)
        let closed = xmlSaveClose(save)
        guard written >= 0, closed >= 0, let bytes = xmlBufferContent(buffer) else {
            throw TEIError.serialisation("libxml2 could not serialise the document")
        }
        return try body(UnsafeBufferPointer(start: bytes, count: Int(xmlBufferLength(buffer))))
    }
}

/// Names libxml2 needs as C strings; `StaticString` literals are NUL-terminated and live for the whole program.
enum XMLName {
    static let version: StaticString = "1.0"
    static let xmlPrefix: StaticString = "xml"
    static let id: StaticString = "id"
    static let lang: StaticString = "lang"
    static let space: StaticString = " "
    static let xmlNamespace: StaticString = "http://www.w3.org/XML/1998/namespace"
}
