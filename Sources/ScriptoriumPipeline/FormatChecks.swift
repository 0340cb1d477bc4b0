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

    static func jsonld(_ data: URL, documentID: String, sentences: [(id: String, text: String)], mentionIDs: [String]) -> [String] {
        let path = "jsonld/\(documentID).jsonld"
        guard let bytes = FileManager.default.contents(atPath: data.appendingPathComponent(path).path) else {
            return ["\(path): missing"]
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: bytes)
        } catch {
            return ["\(path): not valid JSON (\(error.localizedDescription))"]
        }
        // Every node with an @id, by the record id at the end of its IRI.
        var nodes: [String: [String: Any]] = [:]
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let id = object["@id"] as? String {
                    let key = String(id.split(whereSeparator: { $0 == "#" || $0 == "/" || $0 == ":" }).last ?? "")
                    nodes[key] = nodes[key] ?? object
                }
                for (key, child) in object where key != "@context" { collect(child) }
            } else if let array = value as? [Any] {
                for child in array { collect(child) }
            }
        }
        collect(root)
        var problems: [String] = []
        if nodes[documentID] == nil { problems.append("\(path): no node for document \(documentID)") }
        for sentence in sentences {
            guard let node = nodes[sentence.id] else {
                problems.append("\(path): no node for sentence \(sentence.id)")
                continue
            }
            if node["text"] as? String != sentence.text {
                problems.append("\(path): node \(sentence.id) has text \"\(String((node["text"] as? String ?? "").prefix(50)))\", the CSV has \"\(sentence.text.prefix(50))\"")
            }
        }
        for id in mentionIDs where nodes[id] == nil { problems.append("\(path): no node for mention \(id)") }
        return problems
    }
}
