import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumModel

/// Everything one document contributes to the dataset, produced on a worker thread: its CSV rows (appended to
/// the tables later, in input order) and its own files (one per `DocumentFormats` entry, and the source copy),
/// already written and hashed.
struct DocumentOutput: Sendable {
    /// Only what the build keeps per document once its files are written (the records themselves are freed
    /// on the worker thread).
    var document: DocumentRecord
    var entities: [EntityRecord]
    var rows: CSVRecordRows
    var files: [PayloadFile]

    /// Documents at least this large (bytes) build their first format (TEI) on a second thread while the CSV rows
    /// and the other formats are built, when the build has more than one job: one large document would otherwise
    /// keep one core busy long after the others have run out of work.
    static let parallelFormatsBytes = 1 << 20

    /// Writes the document's files: one per format of `formats` (`DocumentFormats`), each from the document's tree,
    /// then the source copy. A document that fails leaves no file behind: the source copy is written last (TEI is
    /// validated before it is written, so the likeliest failure comes first), and on any failure every file of this
    /// document already written is removed again, so a `--keep-going` build that skips it still holds exactly the
    /// files its manifests list. (Each path belongs to this document alone: a format's file is named by its id, the
    /// copy by its relative path, both unique in the build.)
    init(_ result: DocumentProcessor.Result, formats: [any DocumentFormat], layout: OutputLayout, clock: StageClock?,
         jobs: Int = 1) throws {
        let tree = try DocumentTree(result.records)
        let doc = tree.document
        document = doc
        entities = tree.records.entities
        let paths = formats.map { type(of: $0).path(forDocument: doc.id) }
        let sourcePath = OutputLayout.sourcePath(doc.source)
        do {
            let written = try Self.writeFormats(tree, formats, paths: paths, layout: layout, clock: clock, jobs: jobs)
            rows = written.rows
            let source = try Self.writeSource(result.fileBytes, doc: doc, layout: layout, path: sourcePath, clock: clock)
            files = written.files + [source]
        } catch {
            for path in paths + [sourcePath] { unlink(layout.url(path).path) }
            throw error
        }
    }

    /// The formats' files and the CSV rows.
    private static func writeFormats(_ tree: DocumentTree, _ formats: [any DocumentFormat], paths: [String],
                                     layout: OutputLayout, clock: StageClock?,
                                     jobs: Int) throws -> (rows: CSVRecordRows, files: [PayloadFile]) {
        @Sendable func write(_ k: Int) throws -> PayloadFile {
            try Self.write(formats[k], tree, layout: layout, path: paths[k], clock: clock)
        }
        if jobs > 1 && tree.document.byteCount >= Self.parallelFormatsBytes && !formats.isEmpty {
            // The first format (TEI) on one thread, CSV rows and the other formats on another.
            let firstResult = Slot<Result<PayloadFile, Error>>()
            let otherResult = Slot<Result<(CSVRecordRows, [PayloadFile]), Error>>()
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                if k == 0 {
                    firstResult.set(Result { try write(0) })
                } else {
                    otherResult.set(Result {
                        let rows = clock.measure(.csv) { CSVRecordRows(tree.records) }
                        return (rows, try formats.indices.dropFirst().map(write))
                    })
                }
            }
            let first = try firstResult.get().get()
            let (rows, others) = try otherResult.get().get()
            return (rows, [first] + others)
        }
        // One format at a time, each written and freed before the next is built: a large document never has
        // the bytes of two formats in memory at once.
        let rows = clock.measure(.csv) { CSVRecordRows(tree.records) }
        return (rows, try formats.indices.map(write))
    }

    /// The input's bytes, copied under `source/` at its relative path.
    private static func writeSource(_ bytes: [UInt8], doc: DocumentRecord, layout: OutputLayout, path: String,
                                    clock: StageClock?) throws -> PayloadFile {
        let url = layout.url(path)
        if doc.source.contains("/") {
            // An input in a subfolder keeps its folder in the bag (`source/` itself exists from the start).
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let type = OutputLayout.sourceMediaType(path)
        return try clock.measure(.write) {
            try HashingFileWriter.write(bytes, to: url, path: path, mediaType: type.mediaType, format: type.format,
                                        sha256: doc.sourceSHA256)
        }
    }

    /// Documents at least this large (bytes) have each format's file written as it is serialised,
    /// never whole in memory (several times the document's size). Smaller ones are serialised whole and written in
    /// one go, which costs less per file.
    static let streamedFormatsBytes = 1 << 20

    /// What the bag records of a file besides its path, size and hash.
    struct FileKind {
        var mediaType: String
        var format: String
        var records: Int
    }

    /// One format's file of the document, streamed to the file for a large document, else written whole. Its
    /// time counts in the build's stage of the same name as the format, if there is one, else as writing.
    private static func write(_ format: any DocumentFormat, _ tree: DocumentTree, layout: OutputLayout, path: String,
                              clock: StageClock?) throws -> PayloadFile {
        let type = type(of: format)
        let kind = FileKind(mediaType: type.mediaType, format: type.formatName, records: format.recordCount(tree))
        let stage = StageClock.Stage(rawValue: type.name) ?? .write
        if tree.document.byteCount >= streamedFormatsBytes {
            return try writeStreaming(to: layout, path: path, kind, stage: stage, clock: clock) {
                try format.write(tree, to: $0)
            }
        }
        return try writeWhole(to: layout, path: path, kind, stage: stage, clock: clock) { try format.write(tree, $0) }
    }

    /// Runs `body`, adding its CPU time to `stage` except what it counts in `writing`, which goes to `.write`.
    private static func measured<T>(_ stage: StageClock.Stage, _ clock: StageClock?,
                                    _ body: (_ writing: inout UInt64) throws -> T) rethrows -> T {
        let start = clock?.threadCPUNanoseconds()
        var writing: UInt64 = 0
        let result = try body(&writing)
        if let clock, let start {
            clock.add(stage, clock.threadCPUNanoseconds() &- start &- writing)
            clock.add(.write, writing)
        }
        return result
    }

    /// Writes the file at `path` in one go from the bytes `produce` lends to its body (the time in the body counts
    /// as writing).
    private static func writeWhole(to layout: OutputLayout, path: String, _ kind: FileKind, stage: StageClock.Stage,
                                   clock: StageClock?,
                                   _ produce: ((UnsafeRawBufferPointer) throws -> PayloadFile) throws -> PayloadFile)
        throws -> PayloadFile {
        try measured(stage, clock) { writing in
            try produce { bytes in
                let before = clock?.threadCPUNanoseconds()
                defer { if let before, let after = clock?.threadCPUNanoseconds() { writing &+= after &- before } }
                return try HashingFileWriter.write(bytes, to: layout.url(path), path: path,
                                                   mediaType: kind.mediaType, format: kind.format, records: kind.records)
            }
        }
    }

    /// Writes the file at `path` from the pieces `produce` hands to its sink as it makes them, hashing on the way
    /// (the time in the sink counts as writing).
    private static func writeStreaming(to layout: OutputLayout, path: String, _ kind: FileKind, stage: StageClock.Stage,
                                       clock: StageClock?,
                                       _ produce: (_ sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void)
        throws -> PayloadFile {
        let url = layout.url(path)
        var file = try HashingFileWriter(url: url, displayPath: path)
        var inSink: UInt64 = 0 // the sink escapes (a writer may keep it), so it counts here, not in `writing`
        let (bytes, sha256) = try measured(stage, clock) { writing in
            defer { writing = inSink }
            do {
                try produce { bytes in
                    let before = clock?.threadCPUNanoseconds()
                    defer { if let before, let after = clock?.threadCPUNanoseconds() { inSink &+= after &- before } }
                    try file.write(bytes)
                }
            } catch {
                // A document that fails (an invalid tree, with --keep-going) leaves no part of its file in the bag.
                _ = try? file.finish()
                try? FileManager.default.removeItem(at: url)
                throw error
            }
            return try file.finish()
        }
        return PayloadFile(path: path, bytes: bytes, sha256: sha256, mediaType: kind.mediaType, format: kind.format,
                           records: kind.records)
    }
}

/// A value handed from one thread to another (set once, read after the threads have joined).
private final class Slot<T>: @unchecked Sendable {
    private var value: T?
    private let lock = NSLock()
    func set(_ v: T) { lock.withLock { value = v } }
    func get() -> T { lock.withLock { value! } }
}
