import Foundation
import ScriptoriumModel

/// `data/manifest.json`: the machine-readable inventory of a build. Every other payload file with its SHA-256,
/// size, media type and record count; every input document with its SHA-256; the tool and its version.
/// (The BagIt manifests give fixity; this file gives meaning: what each file is and how many records it holds.)
public enum DatasetManifest {
    public static let path = "manifest.json"

    public struct Input: Sendable {
        public var source: String
        public var documentID: String
        public var sha256: String
        public var bytes: Int

        public init(source: String, documentID: String, sha256: String, bytes: Int) {
            self.source = source
            self.documentID = documentID
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    public static func json(dataset: DatasetMetadata, files: [PayloadFile], inputs: [Input],
                            recordCounts: [(table: String, count: Int)]) throws -> [UInt8] {
        var object: [String: Any] = [
            "tool": ["name": ScriptoriumInfo.name, "version": ScriptoriumInfo.version],
            "dataset": ["id": dataset.id, "title": dataset.title, "version": dataset.version, "license": dataset.licenseURL],
            "files": files.sorted { $0.path < $1.path }.map { file -> [String: Any] in
                var entry: [String: Any] = ["path": file.path, "sha256": file.sha256, "bytes": file.bytes,
                                            "mediaType": file.mediaType]
                if let records = file.records { entry["records"] = records }
                return entry
            },
            "inputs": inputs.map { ["source": $0.source, "document": $0.documentID, "sha256": $0.sha256, "bytes": $0.bytes] },
            "records": Dictionary(uniqueKeysWithValues: recordCounts.map { ($0.table, $0.count) }),
        ]
        if let modified = dataset.modified { object["built"] = modified }
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            + [0x0A]
    }
}
