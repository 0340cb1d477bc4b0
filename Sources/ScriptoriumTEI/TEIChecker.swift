import CLibXML2
import CXMLArena
import ScriptoriumModel

/// Re-checks a TEI file of a built dataset, for `scriptorium validate`: it parses the file with libxml2 (no network,
/// no entity expansion), validates it against the project's RELAX NG schema, and compares it with the records the
/// CSV tables hold: every sentence is one `s` whose `xml:id` is the sentence id and whose text is the sentence
/// text, exactly, in the same order; every mention element's `@ref` points at a description in the `standOff`;
/// and, when mentions are given, each is exactly one element with that `xml:id` and `@ref="#entity"`. Given the
/// whole records (`check(fileBytes:path:records:)`), it also checks each section's `head/@n` against its number,
/// and each block's element against its kind (`p`, `item`, `ab type="verbatim"`), an item's `@n` against its
/// marker, and a verbatim block's text against the CSV.
///
/// Problems are human-readable lines: `path:line: element path: message`. At most `limit` are listed, then a
/// line saying how many more there are. Safe to call from several threads at once.
public struct TEIChecker {
    public static let limit = 50

    /// Files at least this large (bytes) give their tree's memory back to the system once checked.
    static let trimAfterBytes = 8 << 20

    /// Problems found in the TEI file `path` (used in messages only) holding `fileBytes`; empty when it is valid and
    /// agrees with `sentences` (in CSV order) and, if given, `mentions`.
    public static func check(fileBytes: [UInt8], path: String, sentences: [(id: String, text: String)],
                             mentions: [(id: String, entityID: String)]? = nil) -> [String] {
        check(fileBytes: fileBytes, path: path, sentences: sentences, mentions: mentions, structure: nil)
    }

    /// Problems found in the TEI file `path` holding `fileBytes`; empty when it is valid and agrees with `records`
    /// (as re-read from the CSV): sentences, mentions, sections and blocks.
    /// The bytes are let go once parsed (when the caller passes its only copy), so they and the tree are not in
    /// memory together for longer than the parse.
    public static func check(fileBytes: consuming [UInt8], path: String, records: DocumentRecords) -> [String] {
        check(fileBytes: consume fileBytes, path: path, sentences: records.sentences.map { (id: $0.id, text: $0.text) },
              mentions: records.mentions.map { (id: $0.id, entityID: $0.entityID) },
              structure: (records.sections, records.blocks))
    }

    private static func check(fileBytes: consuming [UInt8], path: String, sentences: [(id: String, text: String)],
                              mentions: [(id: String, entityID: String)]?,
                              structure: (sections: [SectionRecord], blocks: [BlockRecord])?) -> [String] {
        var report = Report(file: path)
        LibXML.initialize()

        let collector = XMLErrorCollector()
        let parsed: xmlDocPtr? = collector.withContext { context in
            LibXML.withStructuredErrors(to: context) { parseWithoutIDTable(fileBytes) }
        }
        let fileBytesCount = fileBytes.count
        _ = consume fileBytes
        guard let doc = parsed else {
            report.add(collector.report.isEmpty ? [XMLProblem(path: "", line: nil, message: "not well-formed XML")]
                                                : collector.report)
            return report.lines
        }
        defer {
            xmlFreeDoc(doc)
            // The tree is millions of small blocks for a large document; freed, they stay in the C heap (only its top
            // can shrink), and the checks that follow would take fresh memory beside them. Hand the free pages back.
            if fileBytesCount >= Self.trimAfterBytes { scriptorium_release_free_memory() }
        }
        // Errors the parser recovered from.
        report.add(collector.report)
        if let root = xmlDocGetRootElement(doc) { report.add(xmlIDProblems(root)) }

        switch RelaxNGValidator.scriptoriumTEI {
        case .success(let validator): report.add(validator.validate(doc))
        case .failure(let error): report.add(XMLProblem(path: "", line: nil, message: "\(error)"))
        }

        guard let root = xmlDocGetRootElement(doc) else { return report.lines }
        var found = Found()
        found.collect(root, inBody: false, inStandOff: false)
        compareSentences(found, sentences, &report)
        compareMentions(found, mentions, &report)
        if let structure {
            compareSections(found, structure.sections, &report)
            compareBlocks(found, structure.blocks, &report)
        }
        return report.lines
    }

    /// Parses `fileBytes` (no network, no entity expansion) as `xmlReadMemory` does, but without the table of
    /// `xml:id`s the parser keeps by default: libxml2 2.9 keys that table through its string dictionary, which stops
    /// growing at some thousands of buckets, so each id costs time in proportion to the ids before it, and a document
    /// of hundreds of thousands of sentences and mentions took minutes. `xmlIDProblems` checks the ids instead.
    private static func parseWithoutIDTable(_ fileBytes: [UInt8]) -> xmlDocPtr? {
        fileBytes.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let context = xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(clamping: chars.count)) else {
                    return nil
                }
                defer { xmlFreeParserCtxt(context) }
                // COMPACT: short texts (the indentation, most attribute values) are kept inside their nodes.
                xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
                                                 | XML_PARSE_COMPACT.rawValue))
                context.pointee.loadsubset |= XML_SKIP_IDS
                xmlParseDocument(context)
                let doc = context.pointee.myDoc
                context.pointee.myDoc = nil
                if context.pointee.wellFormed == 0, let doc {
                    xmlFreeDoc(doc)
                    return nil
                }
                return doc
            }
        }
    }

    /// What the parser's `xml:id` table would have reported, in the same words, in document order: an id that is
    /// not an NCName, and an id used a second time.
    private static func xmlIDProblems(_ root: xmlNodePtr) -> [XMLProblem] {
        var problems: [XMLProblem] = []
        var seen = Set<String>()
        func visit(_ first: xmlNodePtr) {
            var child: xmlNodePtr? = first
            while let n = child {
                defer { child = n.pointee.next }
                guard n.pointee.type == XML_ELEMENT_NODE else { continue }
                if let id = LibXML.attribute(XMLName.id, namespace: XMLName.xmlNamespace, of: n) {
                    let line = xmlGetLineNo(n)
                    if xmlValidateNCName(id, 1) != 0 {
                        problems.append(XMLProblem(path: "", line: line > 0 ? Int(line) : nil,
                                                   message: "xml:id : attribute value \(id) is not an NCName"))
                    }
                    if !seen.insert(id).inserted {
                        problems.append(XMLProblem(path: XMLErrorCollector.path(of: n, asParsed: true),
                                                   line: line > 0 ? Int(line) : nil, message: "ID \(id) already defined"))
                    }
                }
                if let children = n.pointee.children { visit(children) }
            }
        }
        visit(root)
        return problems
    }

    /// Each section's `div` has a `head` whose `@n` is the section's number, or no `@n` when it has none.
    private static func compareSections(_ found: Found, _ sections: [SectionRecord], _ report: inout Report) {
        let heads = Dictionary(found.heads.map { ($0.sectionID, $0) }, uniquingKeysWith: { first, _ in first })
        for section in sections {
            guard let head = heads[section.id] else {
                report.add(XMLProblem(path: "", line: nil, message: "section \(section.id) has no div with a head"))
                continue
            }
            if head.n != section.number {
                report.add(at: head.node, "@n is \(describe(head.n)), the CSV's number is \(describe(section.number))")
            }
        }
    }

    /// Each block is one element with its id, of the element its kind is written as; a list item's `@n` is its
    /// marker, and a verbatim block's text is the CSV's text, exactly.
    private static func compareBlocks(_ found: Found, _ blocks: [BlockRecord], _ report: inout Report) {
        var byID: [String: Int] = [:]
        for (k, b) in found.blocks.enumerated() where byID[b.id] == nil { byID[b.id] = k }
        var expected = Set<String>()
        for block in blocks {
            expected.insert(block.id)
            guard let k = byID[block.id] else {
                report.add(XMLProblem(path: "", line: nil, message: "block \(block.id) has no p, item or ab element"))
                continue
            }
            let element = found.blocks[k]
            let name = String(describing: TEI.blockElement(for: block.kind))
            if element.name != name {
                report.add(at: element.node, "is \(element.name), but the CSV's kind \(block.kind.rawValue) is written as \(name)")
                continue
            }
            if element.n != block.marker {
                report.add(at: element.node, "@n is \(describe(element.n)), the CSV's marker is \(describe(block.marker))")
            }
            if block.kind == .verbatim, let text = element.text, text != block.text {
                report.add(at: element.node, "text differs from the CSV: \(differenceSummary(text, block.text))")
            }
        }
        for b in found.blocks where !expected.contains(b.id) {
            report.add(at: b.node, "block \(b.id) is not in the CSV")
        }
    }

    private static func describe(_ value: String?) -> String { value.map { $0.debugDescription } ?? "absent" }

    private static func compareSentences(_ found: Found, _ sentences: [(id: String, text: String)],
                                         _ report: inout Report) {
        var byID: [String: Int] = [:]
        for (k, s) in found.sentences.enumerated() {
            guard let id = s.id else {
                report.add(at: s.node, "s without xml:id")
                continue
            }
            if byID[id] != nil {
                report.add(at: s.node, "xml:id \(id) appears twice")
            } else {
                byID[id] = k
            }
        }
        var expected = Set<String>()
        var lastPosition = -1
        var orderReported = false
        for sentence in sentences {
            expected.insert(sentence.id)
            guard let k = byID[sentence.id] else {
                report.add(XMLProblem(path: "", line: nil, message: "sentence \(sentence.id) has no s element"))
                continue
            }
            let s = found.sentences[k]
            if s.text != sentence.text {
                report.add(at: s.node, "text differs from the CSV: \(differenceSummary(s.text, sentence.text))")
            }
            if k < lastPosition, !orderReported {
                report.add(at: s.node, "sentences are not in the order of the CSV")
                orderReported = true
            }
            lastPosition = k
        }
        for s in found.sentences {
            if let id = s.id, !expected.contains(id) {
                report.add(at: s.node, "sentence \(id) is not in the CSV")
            }
        }
    }

    private static func compareMentions(_ found: Found, _ mentions: [(id: String, entityID: String)]?,
                                        _ report: inout Report) {
        var byID: [String: [Int]] = [:]
        for (k, m) in found.mentions.enumerated() {
            let target = m.ref.hasPrefix("#") ? String(m.ref.dropFirst()) : nil
            if target.map({ !found.standOffIDs.contains($0) }) ?? true {
                report.add(at: m.node, "@ref \(m.ref) does not point at an entity described in the standOff")
            }
            if let id = m.id { byID[id, default: []].append(k) }
        }
        guard let mentions else { return }
        var expected = Set<String>()
        for mention in mentions {
            expected.insert(mention.id)
            let elements = byID[mention.id] ?? []
            guard elements.count == 1 else {
                report.add(XMLProblem(path: "", line: nil, message: elements.isEmpty
                    ? "mention \(mention.id) has no element with @ref in the body"
                    : "mention \(mention.id) has \(elements.count) elements in the body"))
                continue
            }
            let m = found.mentions[elements[0]]
            if m.ref != "#" + mention.entityID {
                report.add(at: m.node, "@ref is \(m.ref), the CSV says entity \(mention.entityID)")
            }
        }
        for m in found.mentions where m.id.map({ !expected.contains($0) }) ?? true {
            report.add(at: m.node, "mention element \(m.id ?? "without xml:id") is not in the CSV")
        }
    }

    /// Where two texts first differ, with a little context from each.
    private static func differenceSummary(_ tei: String, _ csv: String) -> String {
        let a = Array(tei.unicodeScalars), b = Array(csv.unicodeScalars)
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        func excerpt(_ s: [Unicode.Scalar]) -> String {
            let from = max(0, i - 10), to = min(s.count, i + 30)
            var out = String(String.UnicodeScalarView(s[from..<to]))
            if from > 0 { out = "…" + out }
            if to < s.count { out += "…" }
            return out.debugDescription
        }
        return "at character \(i): TEI \(excerpt(a)) vs CSV \(excerpt(b))"
    }

    /// The `s` elements, mention elements, section heads and block elements of the body, and the ids described in
    /// the standOff.
    private struct Found {
        var sentences: [(node: xmlNodePtr, id: String?, text: String)] = []
        var mentions: [(node: xmlNodePtr, id: String?, ref: String)] = []
        /// Each `head` whose parent `div` has an xml:id, with its `@n`.
        var heads: [(node: xmlNodePtr, sectionID: String, n: String?)] = []
        /// Each `p`, `item` or `ab` of the body with an xml:id; `text` only for `ab`.
        var blocks: [(node: xmlNodePtr, name: String, id: String, n: String?, text: String?)] = []
        var standOffIDs = Set<String>()

        mutating func collect(_ node: xmlNodePtr, inBody: Bool, inStandOff: Bool) {
            var child: xmlNodePtr? = node
            while let n = child {
                defer { child = n.pointee.next }
                guard n.pointee.type == XML_ELEMENT_NODE, isTEI(n) else { continue }
                let name = n.pointee.name!
                let id = LibXML.attribute(XMLName.id, namespace: XMLName.xmlNamespace, of: n)
                if inStandOff, let id { standOffIDs.insert(id) }
                var body = inBody, standOff = inStandOff
                if xmlStrEqual(name, Names.body.utf8Start) != 0 { body = true }
                if xmlStrEqual(name, Names.standOff.utf8Start) != 0 { standOff = true }
                if body, xmlStrEqual(name, Names.s.utf8Start) != 0 {
                    sentences.append((n, id, LibXML.content(of: n)))
                }
                if body, let ref = LibXML.attribute(Names.ref, of: n) {
                    mentions.append((n, id, ref))
                }
                if body, xmlStrEqual(name, Names.head.utf8Start) != 0, let parent = n.pointee.parent,
                   let section = LibXML.attribute(XMLName.id, namespace: XMLName.xmlNamespace, of: parent) {
                    heads.append((n, section, LibXML.attribute(Names.n, of: n)))
                }
                if body, let id {
                    for element in Names.blocks where xmlStrEqual(name, element.utf8Start) != 0 {
                        let isAB = xmlStrEqual(name, Names.ab.utf8Start) != 0
                        blocks.append((n, String(cString: name), id, LibXML.attribute(Names.n, of: n),
                                       isAB ? LibXML.content(of: n) : nil))
                    }
                }
                if let first = n.pointee.children { collect(first, inBody: body, inStandOff: standOff) }
            }
        }

        private func isTEI(_ node: xmlNodePtr) -> Bool {
            guard let ns = node.pointee.ns, let href = ns.pointee.href else { return false }
            return xmlStrEqual(href, TEI.namespace.utf8Start) != 0
        }

        private enum Names {
            static let body: StaticString = "body"
            static let standOff: StaticString = "standOff"
            static let s: StaticString = "s"
            static let ref: StaticString = "ref"
            static let head: StaticString = "head"
            static let n: StaticString = "n"
            static let ab = TEI.blockElement(for: .verbatim)
            static let blocks = BlockKind.allCases.map(TEI.blockElement(for:))
        }
    }

    /// The problem lines of one file, capped at `limit`.
    private struct Report {
        let file: String
        private var listed: [String] = []
        private var more = 0

        init(file: String) { self.file = file }

        var lines: [String] { more == 0 ? listed : listed + ["\(file): (\(more) more problems)"] }

        mutating func add(_ problems: [XMLProblem]) { problems.forEach { add($0) } }

        mutating func add(_ problem: XMLProblem) {
            guard listed.count < TEIChecker.limit else {
                more += 1
                return
            }
            var line = file
            if let l = problem.line { line += ":\(l)" }
            line += ": "
            if !problem.path.isEmpty { line += problem.path + ": " }
            listed.append(line + problem.message)
        }

        mutating func add(at node: xmlNodePtr, _ message: String) {
            let l = xmlGetLineNo(node)
            add(XMLProblem(path: XMLErrorCollector.path(of: node), line: l > 0 ? Int(l) : nil, message: message))
        }
    }
}
