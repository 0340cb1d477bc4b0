import CLibXML2

/// A TEI file parsed back with libxml2, reduced to what the tests compare: elements in document order with their
/// name, attributes, text content and ancestry.
final class ParsedTEI {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// Names of the ancestors, root first.
        var ancestors: [String]
        var id: String? { attributes["xml:id"] }
    }

    private(set) var elements: [Element] = []
    let rootName: String
    let rootNamespace: String?

    init?(_ bytes: [UInt8]) {
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) {
                xmlReadMemory($0.baseAddress, Int32($0.count), "test.xml", nil,
                              Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
        guard let doc, let root = xmlDocGetRootElement(doc) else { return nil }
        defer { xmlFreeDoc(doc) }
        rootName = String(cString: root.pointee.name)
        rootNamespace = root.pointee.ns.map { String(cString: $0.pointee.href) }
        walk(root, ancestors: [])
    }

    private func walk(_ node: xmlNodePtr, ancestors: [String]) {
        var child: xmlNodePtr? = node
        while let n = child {
            child = n.pointee.next
            guard n.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = String(cString: n.pointee.name)
            var attributes: [String: String] = [:]
            var attr = n.pointee.properties
            while let a = attr {
                var key = String(cString: a.pointee.name)
                if let ns = a.pointee.ns, let prefix = ns.pointee.prefix { key = String(cString: prefix) + ":" + key }
                attributes[key] = ParsedTEI.content(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self))
                attr = a.pointee.next
            }
            elements.append(Element(name: name, attributes: attributes, text: ParsedTEI.content(n), ancestors: ancestors))
            if let first = n.pointee.children { walk(first, ancestors: ancestors + [name]) }
        }
    }

    private static func content(_ node: xmlNodePtr) -> String {
        let buffer = xmlBufferCreate()!
        defer { xmlBufferFree(buffer) }
        xmlNodeBufGetContent(buffer, node)
        guard let bytes = xmlBufferContent(buffer) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(xmlBufferLength(buffer))), as: UTF8.self)
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    func first(_ name: String) -> Element? { elements.first { $0.name == name } }
    func element(id: String) -> Element? { elements.first { $0.id == id } }
    /// Elements with `@ref` inside `text/body`.
    var mentionElements: [Element] { elements.filter { $0.attributes["ref"] != nil && $0.ancestors.contains("body") } }
}
