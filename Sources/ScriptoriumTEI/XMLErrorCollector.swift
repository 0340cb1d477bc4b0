import CLibXML2

/// Receives libxml2's structured errors for one parse or validation, so nothing is printed to stderr and every
/// message can be reported with the element it concerns. Not shared between threads: one per call.
final class XMLErrorCollector {
    /// libxml2 can report a cascade of follow-up errors; the first ones say what is wrong.
    static let limit = 20

    private(set) var problems: [XMLProblem] = []
    private(set) var dropped = 0

    /// Problems plus, if some were left out, a line saying how many.
    var report: [XMLProblem] {
        dropped == 0 ? problems : problems + [XMLProblem(path: "", line: nil, message: "(\(dropped) more errors)")]
    }

    func add(_ error: xmlError) {
        guard error.level != XML_ERR_WARNING && error.level != XML_ERR_NONE else { return }
        guard problems.count < XMLErrorCollector.limit else {
            dropped += 1
            return
        }
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error (code \(error.code))"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        let node = error.node?.assumingMemoryBound(to: xmlNode.self)
        let path = node.map { XMLErrorCollector.path(of: $0) } ?? ""
        var line: Int? = error.line > 0 ? Int(error.line) : nil
        if line == nil, let node, node.pointee.type == XML_ELEMENT_NODE {
            let l = xmlGetLineNo(node)
            if l > 0 { line = Int(l) }
        }
        problems.append(XMLProblem(path: path, line: line, message: message))
    }

    /// Runs `body` with an opaque pointer to this collector, for libxml2's `userData` parameters.
    func withContext<R>(_ body: (UnsafeMutableRawPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) {
            try body(Unmanaged.passUnretained(self).toOpaque())
        }
    }

    /// The structured error handler: forwards to the collector passed as `userData`.
    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
    }

    /// A readable location of `node`: element names from the root, each with its `xml:id` when it has one and
    /// otherwise its position among same-named siblings when there are several. `asParsed`: the location as the
    /// parser names it when it reaches the node, when the siblings after it and after its ancestors are not read yet.
    static func path(of node: xmlNodePtr, asParsed: Bool = false) -> String {
        var steps: [String] = []
        var current: xmlNodePtr? = node
        if let n = current, n.pointee.type == XML_ATTRIBUTE_NODE {
            steps.append("@" + String(cString: n.pointee.name))
            current = n.pointee.parent
        } else if let n = current, n.pointee.type != XML_ELEMENT_NODE {
            current = n.pointee.parent
        }
        while let n = current, n.pointee.type == XML_ELEMENT_NODE {
            steps.append(step(n, asParsed: asParsed))
            current = n.pointee.parent
        }
        return "/" + steps.reversed().joined(separator: "/")
    }

    private static func step(_ node: xmlNodePtr, asParsed: Bool) -> String {
        let name = String(cString: node.pointee.name)
        if let id = LibXML.attribute(XMLName.id, namespace: XMLName.xmlNamespace, of: node) {
            return "\(name)[@xml:id='\(id)']"
        }
        var index = 1
        var total = 1
        var sibling = node.pointee.prev
        while let s = sibling {
            if s.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(s.pointee.name, node.pointee.name) != 0 {
                index += 1
                total += 1
            }
            sibling = s.pointee.prev
        }
        sibling = asParsed ? nil : node.pointee.next
        while let s = sibling {
            if s.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(s.pointee.name, node.pointee.name) != 0 { total += 1 }
            sibling = s.pointee.next
        }
        return total > 1 ? "\(name)[\(index)]" : name
    }
}
