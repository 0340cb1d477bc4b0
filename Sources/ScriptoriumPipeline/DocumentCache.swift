import Foundation
import ScriptoriumBag
import ScriptoriumModel

/// The per-document cache (`build --cache DIR`): what processing a document produced, kept so that a rebuild
/// copies it instead of processing the document again.
///
/// An entry is a part folder holding one document (`PartFolder`), at `DIR/entries/KK/KEY`, where KEY hashes
/// everything that can change the document's records and files (`key`). Entries are written into
/// `DIR/tmp/` and renamed into place, so a killed build leaves no half entry, and two builds at once can only
/// both write the same entry (the second rename finds it there and drops its own). Every byte read from an entry
/// is checked against the hashes it recorded: a damaged entry is removed and the document processed again, never
/// published. A cache only saves time: a failure to store an entry is not an error of the build.
struct DocumentCache: Sendable {
    let folder: URL
    static let version = "scriptorium-cache-1"

    init(path: String) throws {
        folder = URL(fileURLWithPath: path).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("entries"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        } catch {
            throw ScriptoriumError(.output, path: path, "cannot create the cache folder (\(ErrorReason.of(error)))")
        }
        removeAbandoned()
    }

    /// The key of a document: the tool, the lexicon and dataset metadata (the fingerprint), its path and id,
    /// its bytes (`fileBytes`, read once by the caller, who processes them on a miss), and its sidecar's bytes.
    static func key(fingerprint: PartFingerprint, input: InputDocument, documentID: String, fileBytes: [UInt8]) throws -> String {
        var text = "\(version)\n\(fingerprint.tool)\n\(fingerprint.lexicon)\n\(fingerprint.dataset)\n"
        text += "\(input.relativePath)\n\(documentID)\n"
        text += SHA256Hex.of(fileBytes) + "\n"
        let sidecar = MetadataFiles.sidecarURL(for: input.url).path
        text += FileManager.default.fileExists(atPath: sidecar) ? SHA256Hex.of(try RegularFile.bytes(at: sidecar)) : "-"
        return SHA256Hex.of(Array(text.utf8))
    }

    private func entryURL(_ key: String) -> URL {
        folder.appendingPathComponent("entries").appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key)
    }

    /// The cached document copied into `layout`, or nil when there is no usable entry.
    func reuse(key: String, into layout: OutputLayout) -> DocumentContribution? {
        let url = entryURL(key)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let part = try PartReader(folder: url, shown: url.path)
            guard part.manifest.documents.count == 1, let entry = part.manifest.documents.first else {
                throw ScriptoriumError(.input, path: url.path, "not a cache entry")
            }
            return try DocumentContribution.copied(entry, from: part, into: layout)
        } catch {
            // Damaged or unreadable: processing writes the same paths again, and the entry is stored anew.
            try? FileManager.default.removeItem(at: url)
            return nil
        }
    }

    /// Stores a processed document, copying its files from `layout`.
    func store(_ c: DocumentContribution, key: String, from layout: OutputLayout, fingerprint: PartFingerprint, dataset: DatasetMetadata) {
        let fm = FileManager.default
        let temporary = folder.appendingPathComponent("tmp").appendingPathComponent("\(key).\(getpid()).\(UUID().uuidString)")
        defer { try? fm.removeItem(at: temporary) }
        do {
            for file in c.files {
                let target = temporary.appendingPathComponent("data").appendingPathComponent(file.path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: layout.url(file.path), to: target)
            }
            var writer = try PartWriter(folder: temporary)
            try writer.add(order: 0, c)
            try writer.finish(fingerprint: fingerprint, dataset: dataset, shard: nil, skipped: [])
            let target = entryURL(key)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if rename(temporary.path, target.path) != 0 && errno != EEXIST && errno != ENOTEMPTY {
                return // another build stored it meanwhile, or the cache cannot be written: either way, nothing to do
            }
        } catch {
            return
        }
    }

    /// Removes what builds that were killed left in `tmp/` (entries named after a process that no longer runs).
    private func removeAbandoned() {
        let tmp = folder.appendingPathComponent("tmp")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] {
            let parts = name.split(separator: ".")
            guard parts.count == 3, let pid = Int32(parts[1]), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: tmp.appendingPathComponent(name))
        }
    }
}
