import Foundation
import ScriptoriumModel

/// Finishes a BagIt 1.0 bag (RFC 8493) around a `data/` folder whose files are already written and hashed:
/// `bagit.txt`, `bag-info.txt` with Payload-Oxum, `manifest-sha256.txt` and `tagmanifest-sha256.txt`.
public enum BagWriter {
    public static func finish(bag: URL, payload: [PayloadFile], dataset: DatasetMetadata) throws {
        let sorted = payload.sorted { PathOrder.less($0.path, $1.path) }
        var tags: [(name: String, file: PayloadFile)] = []

        let bagit = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
        tags.append(("bagit.txt", try write(bagit, bag, "bagit.txt")))

        let totalBytes = sorted.reduce(0) { $0 + $1.bytes }
        var info = [
            "Source-Organization: \(dataset.publisher)",
            "External-Description: \(dataset.title)",
            "External-Identifier: \(dataset.id)",
            "Bag-Software-Agent: \(ScriptoriumInfo.name) \(ScriptoriumInfo.version)",
            "Payload-Oxum: \(totalBytes).\(sorted.count)",
        ]
        if let modified = dataset.modified { info.append("Bagging-Date: \(modified.prefix(10))") }
        tags.append(("bag-info.txt", try write(info.joined(separator: "\n") + "\n", bag, "bag-info.txt")))

        let manifest = sorted.map { "\($0.sha256)  data/\(escape($0.path))\n" }.joined()
        tags.append(("manifest-sha256.txt", try write(manifest, bag, "manifest-sha256.txt")))

        let tagManifest = tags.map { "\($0.file.sha256)  \($0.name)\n" }.joined()
        _ = try write(tagManifest, bag, "tagmanifest-sha256.txt")
    }

    /// RFC 8493 §2.1.3: a path in a manifest escapes CR, LF and `%`.
    static func escape(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func write(_ text: String, _ bag: URL, _ name: String) throws -> PayloadFile {
        try HashingFileWriter.write(Array(text.utf8), to: bag.appendingPathComponent(name), path: name,
                                    mediaType: "text/plain", format: "txt")
    }
}
