import Foundation
import ScriptoriumExtract
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
        /// Corrections of how the document's layout is read (`"layout"`), by line number; nil when there are none.
        public var layout: LayoutHints?
        /// `"layout": {"markdown": …}`: read as Markdown or not, whatever the file's name.
        public var markdown: Bool?

        /// What the reader is told about the document at `path`: Markdown by its name unless the sidecar says,
        /// and the sidecar's corrections.
        public func hints(for path: String) -> LayoutHints {
            var hints = layout ?? LayoutHints()
            hints.markdown = markdown ?? LayoutHints.forFile(path).markdown
            return hints
        }
    }

    public static func dataset(root: URL, modified: String?) throws -> DatasetMetadata {
        let url = root.appendingPathComponent(datasetFileName)
        let object = try load(url, allowed: ["id", "title", "description", "license", "license_url", "creators",
                                              "publisher", "version", "keywords", "base_iri", "date_published"]) ?? [:]
        let id = RecordID.slug(try string(object, "id", url) ?? root.lastPathComponent)
        let defaultBase = "https://scriptorium.example/datasets/\(id)/"
        var base = try iri(object, "base_iri", url) ?? defaultBase
        if !(base.hasSuffix("/") || base.hasSuffix("#")) { base += "/" }
        return DatasetMetadata(
            id: id,
            title: try string(object, "title", url) ?? "Scriptorium dataset \(id)",
            description: try string(object, "description", url) ?? "Records extracted from prose documents by Scriptorium.",
            license: try license(object, url) ?? "CC-BY-4.0",
            licenseURL: try iri(object, "license_url", url) ?? "https://creativecommons.org/licenses/by/4.0/",
            creators: try strings(object, "creators", url) ?? [],
            publisher: try string(object, "publisher", url) ?? "Scriptorium",
            version: try string(object, "version", url) ?? "0.1.0",
            keywords: try strings(object, "keywords", url) ?? [],
            baseIRI: base,
            modified: modified,
            datePublished: try date(object, "date_published", url))
    }

    /// `"date_published"`: a calendar date, `YYYY-MM-DD` (what RO-Crate's and schema.org's `datePublished` take).
    private static func date(_ object: [String: Any], _ key: String, _ url: URL) throws -> String? {
        guard let value = try string(object, key, url) else { return nil }
        let u = Array(value.utf8)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { $0 < u.count && (0x30...0x39).contains(u[$0]) }
        guard u.count == 10, digits, u[4] == 0x2D, u[7] == 0x2D,
              let month = Int(value.dropFirst(5).prefix(2)), (1...12).contains(month),
              let day = Int(value.suffix(2)), (1...31).contains(day) else {
            throw ScriptoriumError(.input, path: url.path, "\"\(key)\" must be a date such as 2024-05-31, not \"\(value)\"")
        }
        return value
    }

    /// The sidecar of a document at `source` (e.g. `essay.txt` → `essay.meta.json`).
    public static func sidecarURL(for source: URL) -> URL {
        source.deletingPathExtension().appendingPathExtension("meta.json")
    }

    public static func document(for source: URL) throws -> DocumentMetadata {
        let url = sidecarURL(for: source)
        guard let object = try load(url, allowed: ["title", "language", "license", "creators", "description", "layout"]) else {
            return DocumentMetadata()
        }
        var metadata = DocumentMetadata(title: try string(object, "title", url), language: try languageTag(object, url),
                                        license: try license(object, url), creators: try strings(object, "creators", url),
                                        description: try string(object, "description", url))
        if let value = object["layout"] { (metadata.layout, metadata.markdown) = try layout(value, url) }
        return metadata
    }

    /// `"layout": {"headings": {"12": 1, "40": 2}, "text": [7], "verbatim": ["30-42", 50], "markdown": true}`:
    /// line numbers as `scriptorium outline` prints them.
    private static func layout(_ value: Any, _ url: URL) throws -> (LayoutHints, Bool?) {
        let allowed: Set<String> = ["headings", "text", "verbatim", "markdown"]
        func fail(_ message: String) -> ScriptoriumError { ScriptoriumError(.input, path: url.path, "\"layout\": \(message)") }
        guard let object = value as? [String: Any] else { throw fail("must be an object") }
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw fail("unknown key \"\(key)\" (known: \(allowed.sorted().joined(separator: ", ")))")
        }
        // JSON true and false come back as booleans, which also cast to numbers: told apart by their type's name.
        func isBoolean(_ any: Any) -> Bool { any is Bool && String(describing: type(of: any)).contains("Boolean") || type(of: any) == Bool.self }
        func line(_ any: Any) -> Int? {
            guard !isBoolean(any), let n = any as? Int else { return nil }
            return n
        }
        var headings: [Int: Int] = [:]
        if let value = object["headings"] {
            guard let map = value as? [String: Any] else { throw fail("\"headings\" must map line numbers to levels, e.g. {\"12\": 1}") }
            for (key, level) in map {
                guard let n = Int(key), let l = line(level) else { throw fail("\"headings\": \"\(key)\" must be a line number with a level") }
                headings[n] = l
            }
        }
        var text: Set<Int> = []
        if let value = object["text"] {
            guard let list = value as? [Any], let numbers = Optional(list.compactMap(line)), numbers.count == list.count else {
                throw fail("\"text\" must be a list of line numbers")
            }
            text = Set(numbers)
        }
        var verbatim: [ClosedRange<Int>] = []
        if let value = object["verbatim"] {
            guard let list = value as? [Any] else { throw fail("\"verbatim\" must be a list of lines or ranges (\"30-42\")") }
            for item in list {
                if let n = line(item) {
                    verbatim.append(n...n)
                } else if let s = item as? String, case let parts = s.split(separator: "-", omittingEmptySubsequences: false),
                          parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b {
                    verbatim.append(a...b)
                } else {
                    throw fail("\"verbatim\": \(item) is not a line number or a range such as \"30-42\"")
                }
            }
        }
        var markdown: Bool? = nil
        if let value = object["markdown"] {
            guard isBoolean(value), let flag = value as? Bool else { throw fail("\"markdown\" must be true or false") }
            markdown = flag
        }
        return (LayoutHints(headings: headings, text: text, verbatim: verbatim), markdown)
    }

    /// A readable title from a file name: `us-japan_treaty.txt` → `Us japan treaty`.
    public static func title(fromFileName name: String) -> String {
        let stem = (name as NSString).deletingPathExtension
        let words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private static func load(_ url: URL, allowed: Set<String>) throws -> [String: Any]? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do {
            data = Data(try RegularFile.bytes(at: url.path)) // never a pipe or a device: it could block for ever
        } catch {
            throw ScriptoriumError(.input, path: url.path, error.isMissing ? "cannot be read" : "\(error)")
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

    /// A value written as an IRI into JSON-LD and TEI: it must be an absolute IRI, or RDF tools reject the dataset.
    private static func iri(_ object: [String: Any], _ key: String, _ url: URL) throws -> String? {
        guard let value = try string(object, key, url) else { return nil }
        if let problem = AbsoluteIRI.problem(value) { throw ScriptoriumError(.input, path: url.path, "\"\(key)\" \(problem)") }
        return value
    }

    /// `"language"`: a BCP 47 tag (RFC 5646), written into TEI's `xml:lang` and JSON-LD's `inLanguage`. Its shape
    /// is checked here, so that a bad tag is one clear line naming the sidecar rather than a schema error later:
    /// subtags of 1 to 8 ASCII letters or digits joined by `-`, the first 2 to 8 letters (or `x`/`i` for private
    /// and grandfathered tags), a one-character subtag (an extension) followed by another.
    private static func languageTag(_ object: [String: Any], _ url: URL) throws -> String? {
        guard let value = try string(object, "language", url) else { return nil }
        let subtags = value.split(separator: "-", omittingEmptySubsequences: false)
        let alphanumeric = subtags.allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        let first = subtags[0]
        let firstOK = ((2...8).contains(first.count) && first.allSatisfy(\.isLetter)) || (["x", "i", "X", "I"].contains(first) && subtags.count > 1)
        let extensionsOK = subtags.enumerated().allSatisfy { $0.element.count != 1 || $0.offset + 1 < subtags.count }
        guard alphanumeric, firstOK, extensionsOK else {
            throw ScriptoriumError(.input, path: url.path, "\"language\" \"\(value)\" is not a BCP 47 language tag (such as en, fr-CA, zh-Hant)")
        }
        return value
    }

    /// `"license"`: a name such as `CC-BY-4.0`, or an http(s) URL, which is then written as an IRI and must be one.
    private static func license(_ object: [String: Any], _ url: URL) throws -> String? {
        guard let value = try string(object, "license", url) else { return nil }
        let lowered = value.lowercased()
        if lowered.hasPrefix("http:") || lowered.hasPrefix("https:"), let problem = AbsoluteIRI.problem(value) {
            throw ScriptoriumError(.input, path: url.path, "\"license\" \(problem) (give a licence name such as CC-BY-4.0, or its URL)")
        }
        return value
    }

    private static func strings(_ object: [String: Any], _ key: String, _ url: URL) throws -> [String]? {
        guard let value = object[key] else { return nil }
        guard let list = value as? [String] else {
            throw ScriptoriumError(.input, path: url.path, "\"\(key)\" must be a list of strings")
        }
        return list
    }
}
