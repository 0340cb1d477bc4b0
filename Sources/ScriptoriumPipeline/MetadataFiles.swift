import Foundation
import ScriptoriumModel

/// The metadata that cannot be inferred from a text: `dataset.json` at the input root for the dataset, and
/// `<name>.meta.json` beside a document for that document. Both are optional; unknown keys are an error (a
/// misspelt key would otherwise be silently ignored).
public enum MetadataFiles {
    public static let datasetFileName = "dataset.json"
    public static let sidecarSuffix = ".meta.json"

    /// Per-document values; nil means "use the default".
    public struct DocumentMetadata: Equatable, Sendable {
        public var title: String?
        public var language: String?
        public var license: String?
        public var creators: [String]?
        public var description: String?
    }

    public static func dataset(root: URL, modified: String?) throws -> DatasetMetadata {
        let url = root.appendingPathComponent(datasetFileName)
        let object = try load(url, allowed: ["id", "title", "description", "license", "license_url", "creators",
                                              "publisher", "version", "keywords", "base_iri"]) ?? [:]
        let id = RecordID.slug(try string(object, "id", url) ?? root.lastPathComponent)
        let defaultBase = "https://scriptorium.example/datasets/\(id)/"
        var base = try string(object, "base_iri", url) ?? defaultBase
        if !(base.hasSuffix("/") || base.hasSuffix("#")) { base += "/" }
        return DatasetMetadata(
            id: id,
            title: try string(object, "title", url) ?? "Scriptorium dataset \(id)",
            description: try string(object, "description", url) ?? "Records extracted from prose documents by Scriptorium.",
            license: try string(object, "license", url) ?? "CC-BY-4.0",
            licenseURL: try string(object, "license_url", url) ?? "https://creativecommons.org/licenses/by/4.0/",
            creators: try strings(object, "creators", url) ?? [],
            publisher: try string(object, "publisher", url) ?? "Scriptorium",
            version: try string(object, "version", url) ?? "0.1.0",
            keywords: try strings(object, "keywords", url) ?? [],
            baseIRI: base,
            modified: modified)
    }

    /// The sidecar of a document at `source` (e.g. `essay.txt` → `essay.meta.json`).
    public static func sidecarURL(for source: URL) -> URL {
        source.deletingPathExtension().appendingPathExtension("meta.json")
    }

    public static func document(for source: URL) throws -> DocumentMetadata {
        let url = sidecarURL(for: source)
        guard let object = try load(url, allowed: ["title", "language", "license", "creators", "description"]) else {
            return DocumentMetadata()
        }
        return DocumentMetadata(title: try string(object, "title", url), language: try string(object, "language", url),
                                license: try string(object, "license", url), creators: try strings(object, "creators", url),
                                description: try string(object, "description", url))
    }

    /// A readable title from a file name: `us-japan_treaty.txt` → `Us japan treaty`.
    public static func title(fromFileName name: String) -> String {
        let stem = (name as NSString).deletingPathExtension
        let words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private static func load(_ url: URL, allowed: Set<String>) throws -> [String: Any]? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScriptoriumError(.input, path: url.path, "cannot be read")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ScriptoriumError(.input, path: url.path, "is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else {
            throw ScriptoriumError(.input, path: url.path, "must hold a JSON object")
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw ScriptoriumError(.input, path: url.path, "unknown key \"\(key)\" (known: \(allowed.sorted().joined(separator: ", ")))")
        }
        return object
    }

    private static func string(_ object: [String: Any], _ key: String, _ url: URL) throws -> String? {
        guard let value = object[key] else { return nil }
        guard let s = value as? String, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ScriptoriumError(.input, path: url.path, "\"\(key)\" must be a non-empty string")
        }
        return s
    }

    private static func strings(_ object: [String: Any], _ key: String, _ url: URL) throws -> [String]? {
        guard let value = object[key] else { return nil }
        guard let list = value as? [String] else {
            throw ScriptoriumError(.input, path: url.path, "\"\(key)\" must be a list of strings")
        }
        return list
    }
}
