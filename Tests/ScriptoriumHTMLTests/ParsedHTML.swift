import CLibXML2
import Foundation

/// A page as libxml2's HTML parser (an HTML parser independent of the writers and of `HTMLCheck`) reads it:
/// its errors, and the elements by id.
final class ParsedHTML {
    private let doc: htmlDocPtr
    /// libxml2's error codes for the page, less "unknown tag" (libxml2's parser predates HTML5's `nav`, `main`,
    /// `header`, `section` and reports them as unknown; they are not errors of the page).
    let errors: [String]

    init?(_ bytes: [UInt8]) {
        ParsedHTML.collected = []
        xmlSetStructuredErrorFunc(nil) { _, error in
            guard let error, error.pointee.code != Int32(XML_HTML_UNKNOWN_TAG.rawValue) else { return }
            ParsedHTML.collected.append("\(error.pointee.line): \(String(cString: error.pointee.message).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let parsed = bytes.withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), "page.html", "UTF-8", Int32(HTML_PARSE_NONET.rawValue))
            }
        }
        guard let parsed else { return nil }
        doc = parsed
        errors = ParsedHTML.collected
    }

    deinit { xmlFreeDoc(doc) }

    nonisolated(unsafe) private static var collected: [String] = []

    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    /// Every element in document order.
    var elements: [Element] {
        var out: [Element] = []
        func walk(_ node: xmlNodePtr?) {
            var node = node
            while let n = node {
                if n.pointee.type == XML_ELEMENT_NODE {
                    var attributes: [String: String] = [:]
                    var a = n.pointee.properties
                    while let attr = a {
                        let name = String(cString: attr.pointee.name)
                        if let value = xmlGetProp(n, attr.pointee.name) {
                            attributes[name] = String(cString: value)
                            scriptorium_libxml_free(value)
                        }
                        a = attr.pointee.next
                    }
                    var text = ""
                    if let content = xmlNodeGetContent(n) {
                        text = String(cString: content)
                        scriptorium_libxml_free(content)
                    }
                    out.append(Element(name: String(cString: n.pointee.name), attributes: attributes, text: text))
                    walk(n.pointee.children)
                }
                node = n.pointee.next
            }
        }
        walk(xmlDocGetRootElement(doc))
        return out
    }

    func element(id: String) -> Element? { elements.first { $0.attributes["id"] == id } }
}
