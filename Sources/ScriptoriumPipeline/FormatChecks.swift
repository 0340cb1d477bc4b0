import Foundation
import ScriptoriumJSONLD
import ScriptoriumTEI

/// `validate`'s checks of the TEI and JSON-LD files of one document against its CSV records: the same sentence
/// ids and texts everywhere, every mention present, and each format valid in its own right (the TEI against the
/// project's RELAX NG schema, the JSON-LD as strict JSON with one node per record).
enum FormatChecks {
    static func tei(_ data: URL, documentID: String, sentences: [(id: String, text: String)],
                    mentions: [(id: String, entityID: String)]) -> [String] {
        let path = "tei/\(documentID).xml"
        guard let bytes = FileManager.default.contents(atPath: data.appendingPathComponent(path).path) else {
            return ["\(path): missing"]
        }
        return TEIChecker.check(fileBytes: Array(bytes), path: path, sentences: sentences, mentions: mentions)
    }

    /// Checks one document's JSON-LD against its CSV records. A problem names the file and, for a node, where
    /// it is as a JSON Pointer (RFC 6901), e.g. `jsonld/essay.jsonld at /@graph/12: …`. (Syntax errors are
    /// reported, with line and column, by `syntax`.)
    static func jsonld(_ data: URL, documentID: String, sentences: [(id: String, text: String)], mentionIDs: [String]) -> [String] {
        let path = "jsonld/\(documentID).jsonld"
        guard let bytes = FileManager.default.contents(atPath: data.appendingPathComponent(path).path) else {
            return ["\(path): missing"]
        }
        if JSONSyntax.firstProblem(in: Array(bytes)) != nil { return [] }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: bytes)
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
        var problems: [String] = []
        if nodes[documentID] == nil { problems.append("\(path): no node for document \(documentID)") }
        for sentence in sentences {
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
        for id in mentionIDs where nodes[id] == nil { problems.append("\(path): no node for mention \(id)") }
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
            if path == "source" || path.hasPrefix("source/") {
                enumerator.skipDescendants()
                continue
            }
            if path.hasSuffix(".json") || path.hasSuffix(".jsonld") { paths.append(path) }
        }
        for path in paths.sorted() {
            guard let bytes = fm.contents(atPath: data.appendingPathComponent(path).path) else { continue }
            if let problem = JSONSyntax.firstProblem(in: Array(bytes)) {
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
