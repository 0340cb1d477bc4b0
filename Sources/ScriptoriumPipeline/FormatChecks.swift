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
        return TEIChecker.check(fileBytes: bytes, path: path, records: records)
    }

    /// Checks one document's JSON-LD against its CSV records. A problem names the file and, for a node, where
    /// it is as a JSON Pointer (RFC 6901), e.g. `jsonld/essay.jsonld at /@graph/12: …`. (Syntax errors are
    /// reported, with line and column, by `syntax`.)
    static func jsonld(_ data: URL, records: DocumentRecords) -> [String] {
        let documentID = records.document.id
        let path = OutputLayout.jsonldPath(documentID)
        var problems: [String] = []
        guard let bytes = DatasetValidator.payload(data, path, problems: &problems) else { return problems }
        if JSONSyntax.firstProblem(in: bytes) != nil { return [] }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            return ["\(path): not valid JSON (\(error.localizedDescription))"]
        }
        // Every node with an @id, by the record id at the end of its IRI, with its place in the file.
        var nodes: [String: (node: [String: Any], pointer: String)] = [:]
        func collect(_ value: Any, _ pointer: String) {
            if let object = value as? [String: Any] {
                if let id = object["@id"] as? String {
                    let key = String(id.split(whereSeparator: { $0 == "#" || $0 == "/" || $0 == ":" }).last ?? "")
                    if nodes[key] == nil { nodes[key] = (object, pointer) }
                }
                for key in object.keys.sorted() where key != "@context" { collect(object[key]!, pointer + "/" + escape(key)) }
            } else if let array = value as? [Any] {
                for (k, child) in array.enumerated() { collect(child, "\(pointer)/\(k)") }
            }
        }
        collect(root, "")
        if nodes[documentID] == nil { problems.append("\(path): no node for document \(documentID)") }
        // A value the CSV has (or has not) is the node's value for `key` (or the node has no `key`).
        func compare(_ node: [String: Any], _ pointer: String, _ record: String, _ key: String, _ expected: String?) {
            let value = node[key]
            if value == nil && expected == nil { return }
            guard let value = value as? String else {
                problems.append(expected == nil
                    ? "\(path) at \(pointer)/\(key): \(record) has a \(key), the CSV has none"
                    : "\(path) at \(pointer): \(record) has no \(key) (a string), the CSV has \"\(expected!.prefix(50))\"")
                return
            }
            if value != expected {
                problems.append("\(path) at \(pointer)/\(key): \(record) has \"\(String(value.prefix(50)))\", the CSV has "
                    + (expected.map { "\"\($0.prefix(50))\"" } ?? "none"))
            }
        }
        for section in records.sections {
            guard let (node, pointer) = nodes[section.id] else {
                problems.append("\(path): no node for section \(section.id)")
                continue
            }
            compare(node, pointer, "section \(section.id)", "number", section.number)
        }
        for block in records.blocks {
            guard let (node, pointer) = nodes[block.id] else {
                problems.append("\(path): no node for block \(block.id)")
                continue
            }
            let record = "block \(block.id)"
            compare(node, pointer, record, "blockKind", block.kind.rawValue)
            compare(node, pointer, record, "marker", block.marker)
            compare(node, pointer, record, "text", block.text)
            if block.kind == .verbatim, node["hasPart"] != nil {
                problems.append("\(path) at \(pointer)/hasPart: \(record) is verbatim and has no sentences, but has parts")
            }
        }
        for sentence in records.sentences {
            guard let (node, pointer) = nodes[sentence.id] else {
                problems.append("\(path): no node for sentence \(sentence.id)")
                continue
            }
            guard let text = node["text"] as? String else {
                problems.append("\(path) at \(pointer): sentence \(sentence.id) has no text")
                continue
            }
            if text != sentence.text {
                problems.append("\(path) at \(pointer)/text: sentence \(sentence.id) has \"\(String(text.prefix(50)))\", the CSV has \"\(sentence.text.prefix(50))\"")
            }
        }
        for mention in records.mentions where nodes[mention.id] == nil {
            problems.append("\(path): no node for mention \(mention.id)")
        }
        return problems
    }

    /// Every JSON file of the dataset (`*.json`, `*.jsonld`; not the source copies) is strict JSON: a problem
    /// names the file, line and column, e.g. `jsonld/essay.jsonld:3:17: not valid JSON: ',' or '}' was expected`.
    static func syntax(_ data: URL) -> [String] {
        var problems: [String] = []
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: data.path) else { return [] }
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
            }
        }
        return problems
    }

    /// A key as a JSON Pointer reference token.
    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
