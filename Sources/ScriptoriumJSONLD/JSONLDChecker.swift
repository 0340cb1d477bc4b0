import ScriptoriumModel

/// `validate`'s check of one document's JSON-LD against its records as the CSV tables give them: a node for the
/// document and for every section, block, sentence and mention, with the same section numbers, block kinds, list
/// markers, block and sentence texts, and no sentences under a verbatim block. A problem names the file and, for a
/// node, where it is as a JSON Pointer (RFC 6901), e.g. `jsonld/essay.jsonld at /@graph/12: …`.
///
/// `bytes` must be strict JSON: the validator checks every JSON file's syntax first (reporting a bad one with its
/// line and column) and does not hand a malformed file to this check.
public enum JSONLDChecker {
    public static func check(fileBytes bytes: [UInt8], path: String, records: DocumentRecords) -> [String] {
        let documentID = records.document.id
        let index = JSONLDNodeIndex(bytes: bytes)
        // Each problem with the offset of the node it is about, if any: the nodes' JSON Pointers are found at the end,
        // in one pass, and only for those nodes.
        var problems: [(node: Int?, message: (_ pointer: String) -> String)] = []
        func add(_ message: String) { problems.append((nil, { _ in message })) }
        func add(_ node: JSONLDNodeIndex.Node, _ message: @escaping (_ pointer: String) -> String) {
            problems.append((node.offset, message))
        }
        if index.nodes[documentID] == nil { add("\(path): no node for document \(documentID)") }
        // A value the CSV has (or has not) is the node's value for `key` (or the node has no `key`).
        func compare(_ node: JSONLDNodeIndex.Node, _ record: String, _ key: JSONLDNodeIndex.Key, _ expected: String?) {
            let name = "\(key)"
            guard let found = index.value(node, key) else {
                if let expected {
                    add(node) { "\(path) at \($0): \(record) has no \(name) (a string), the CSV has \"\(expected.prefix(50))\"" }
                }
                return
            }
            guard let value = found else {
                add(node) { pointer in
                    expected == nil
                        ? "\(path) at \(pointer)/\(name): \(record) has a \(name), the CSV has none"
                        : "\(path) at \(pointer): \(record) has no \(name) (a string), the CSV has \"\(expected!.prefix(50))\""
                }
                return
            }
            if value != expected {
                add(node) { "\(path) at \($0)/\(name): \(record) has \"\(String(value.prefix(50)))\", the CSV has "
                    + (expected.map { "\"\($0.prefix(50))\"" } ?? "none") }
            }
        }
        for section in records.sections {
            guard let node = index.nodes[section.id] else {
                add("\(path): no node for section \(section.id)")
                continue
            }
            compare(node, "section \(section.id)", .number, section.number)
        }
        for block in records.blocks {
            guard let node = index.nodes[block.id] else {
                add("\(path): no node for block \(block.id)")
                continue
            }
            let record = "block \(block.id)"
            compare(node, record, .blockKind, block.kind.rawValue)
            compare(node, record, .marker, block.marker)
            compare(node, record, .text, block.text)
            if block.kind == .verbatim, node.hasPart {
                add(node) { "\(path) at \($0)/hasPart: \(record) is verbatim and has no sentences, but has parts" }
            }
        }
        for sentence in records.sentences {
            guard let node = index.nodes[sentence.id] else {
                add("\(path): no node for sentence \(sentence.id)")
                continue
            }
            guard let found = index.value(node, .text), let text = found else {
                add(node) { "\(path) at \($0): sentence \(sentence.id) has no text" }
                continue
            }
            if text != sentence.text {
                add(node) { "\(path) at \($0)/text: sentence \(sentence.id) has \"\(String(text.prefix(50)))\", the CSV has \"\(sentence.text.prefix(50))\"" }
            }
        }
        for mention in records.mentions where index.nodes[mention.id] == nil {
            add("\(path): no node for mention \(mention.id)")
        }
        let pointers = index.pointers(Set(problems.compactMap(\.node)))
        return problems.map { $0.message($0.node.map { pointers[$0] ?? "" } ?? "") }
    }
}
