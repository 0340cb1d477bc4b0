import Foundation
import ScriptoriumModel

/// Finishes a BagIt 1.0 bag (RFC 8493) around a `data/` folder whose files are already written and hashed:
/// `bagit.txt`, `bag-info.txt` with Payload-Oxum, `manifest-sha256.txt` and `tagmanifest-sha256.txt`.
public enum BagWriter {
    /// `descriptions` go into bag-info.txt as `Internal-Sender-Description` lines (e.g. the attribution that
    /// data under an attribution licence requires).
    public static func finish(bag: URL, payload: [PayloadFile], dataset: DatasetMetadata, descriptions: [String] = []) throws {
        let sorted = payload.sortedByPath()
        var tags: [(name: String, file: PayloadFile)] = []

        let bagit = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
        tags.append(("bagit.txt", try write(bagit, bag, "bagit.txt")))

        let totalBytes = sorted.reduce(0) { $0 + $1.bytes }
        var info = [
            field("Source-Organization", dataset.publisher),
            field("External-Description", dataset.title),
            field("External-Identifier", dataset.id),
            field("Bag-Software-Agent", "\(ScriptoriumInfo.name) \(ScriptoriumInfo.version)"),
            field("Payload-Oxum", "\(totalBytes).\(sorted.count)"),
        ]
        if let modified = dataset.modified { info.append(field("Bagging-Date", String(modified.prefix(10)))) }
        info += descriptions.map { field("Internal-Sender-Description", $0) }
        tags.append(("bag-info.txt", try write(info.joined(separator: "\n") + "\n", bag, "bag-info.txt")))

        let manifest = sorted.map { "\($0.sha256)  data/\(escape($0.path))\n" }.joined()
        tags.append(("manifest-sha256.txt", try write(manifest, bag, "manifest-sha256.txt")))

        let tagManifest = tags.map { "\($0.file.sha256)  \($0.name)\n" }.joined()
        _ = try write(tagManifest, bag, "tagmanifest-sha256.txt")
    }

    /// One `Label: value` line of bag-info.txt (RFC 8493 §2.2.2). The value comes from the user's metadata, so
    /// every line break and other control character in it (CR, LF, NUL, NEL, U+2028...) is folded with the
    /// whitespace around it into one space: a title with a newline must not forge a line such as `Payload-Oxum:`,
    /// and a reader of the tag file must see one element per line.
    static func field(_ label: String, _ value: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return "\(label): \(out)"
    }

    /// RFC 8493 §2.1.3: a path in a manifest escapes CR, LF and `%`.
    static func escape(_ path: String) -> String {
        // Nearly every path has none of the three: then no Foundation search per file.
        guard path.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == 0x0D || $0 == 0x0A }) else { return path }
        return path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func write(_ text: String, _ bag: URL, _ name: String) throws -> PayloadFile {
        try HashingFileWriter.write(Array(text.utf8), to: bag.appendingPathComponent(name), path: name,
                                    mediaType: "text/plain", format: "txt")
    }
}
