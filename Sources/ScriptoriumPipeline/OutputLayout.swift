import Foundation

/// Where each file goes inside the bag (SPEC §4). Paths handed to the data package and manifests are relative
/// to `data/`.
struct OutputLayout: Sendable {
    let bag: URL
    var data: URL { bag.appendingPathComponent("data") }

    static let csvFolder = "csv"
    static let teiFolder = "tei"
    static let jsonldFolder = "jsonld"
    static let sourceFolder = "source"

    func createFolders() throws {
        for folder in [Self.csvFolder, Self.teiFolder, Self.jsonldFolder, Self.sourceFolder] {
            try FileManager.default.createDirectory(at: data.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    func url(_ relative: String) -> URL { data.appendingPathComponent(relative) }

    static func teiPath(_ documentID: String) -> String { "\(teiFolder)/\(documentID).xml" }
    static func jsonldPath(_ name: String) -> String { "\(jsonldFolder)/\(name).jsonld" }
    static func sourcePath(_ relative: String) -> String { "\(sourceFolder)/\(relative)" }

    /// Media type and Frictionless format name from a file's extension.
    static func mediaType(_ path: String) -> (mediaType: String, format: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": return ("text/csv", "csv")
        case "jsonld": return ("application/ld+json", "jsonld")
        case "xml": return ("application/tei+xml", "xml")
        case "md": return ("text/markdown", "md")
        case "json": return ("application/json", "json")
        case "rng": return ("application/xml", "rng")
        default: return ("text/plain", "txt")
        }
    }
}
