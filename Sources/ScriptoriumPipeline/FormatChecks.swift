import Foundation
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumTEI

/// `validate`'s checks of the TEI and JSON-LD files of one document against its CSV records: the same sentence
/// ids and texts everywhere, every mention present, the same section numbers, block kinds, list markers and
/// verbatim texts, and each format valid in its own right (the TEI against the project's RELAX NG schema, the
/// JSON-LD as strict JSON with one node per record).
enum FormatChecks {
    static func tei(_ data: URL, records: DocumentRecords) -> [String] {
        let path = OutputLayout.teiPath(records.document.id)
        var problems: [String] = []
        guard let bytes = DatasetValidator.payload(data, path, problems: &problems) else { return problems }
        return TEIChecker.check(fileBytes: consume bytes, path: path, records: records)
    }

    /// Checks one document's JSON-LD against its CSV records. A problem names the file and, for a node, where
    /// it is as a JSON Pointer (RFC 6901), e.g. `jsonld/essay.jsonld at /@graph/12: …`. (Syntax errors are
    /// reported, with line and column, by `syntax`.)
    /// `malformed`: the files `syntax` found not to be strict JSON (reported there), which are not read again.
    static func jsonld(_ data: URL, records: DocumentRecords, malformed: Set<String>) -> [String] {
        let documentID = records.document.id
        let path = OutputLayout.jsonldPath(documentID)
        if malformed.contains(path) { return [] }
        var missing: [String] = []
        guard let bytes = DatasetValidator.payload(data, path, problems: &missing) else { return missing }
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

    /// Every JSON file of the dataset (`*.json`, `*.jsonld`; not the source copies) is strict JSON: a problem
    /// names the file, line and column, e.g. `jsonld/essay.jsonld:3:17: not valid JSON: ',' or '}' was expected`.
    static func syntax(_ data: URL) -> (problems: [String], malformed: Set<String>) {
        var problems: [String] = []
        var malformed = Set<String>()
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: data.path) else { return ([], []) }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path == OutputLayout.sourceFolder || path.hasPrefix(OutputLayout.sourceFolder + "/") {
                enumerator.skipDescendants()
                continue
            }
            if path.hasSuffix(".json") || path.hasSuffix(".jsonld") { paths.append(path) }
        }
        for path in paths.sorted() {
            guard let bytes = try? RegularFile.bytes(at: data.appendingPathComponent(path).path) else { continue }
            if let problem = JSONSyntax.firstProblem(in: bytes) {
                problems.append("\(path):\(problem.line):\(problem.column): not valid JSON: \(problem.message)")
                malformed.insert(path)
            }
        }
        return (problems, malformed)
    }

    /// A key as a JSON Pointer reference token.
    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
