import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumHTML
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumTEI

/// Everything one document contributes to the dataset, produced on a worker thread: its CSV rows (appended to
/// the tables later, in input order) and its own files (TEI, JSON-LD, the HTML reading view, the source copy),
/// already written and hashed.
struct DocumentOutput: Sendable {
    /// Only what the build keeps per document once its files are written (the records themselves are freed
    /// on the worker thread).
    var document: DocumentRecord
    var entities: [EntityRecord]
    var rows: CSVRecordRows
    var files: [PayloadFile]

    /// Documents at least this large (bytes) build their TEI on a second thread while the CSV rows and JSON-LD
    /// are built, when the build has more than one job: one large document would otherwise keep one core busy
    /// long after the others have run out of work.
    static let parallelFormatsBytes = 1 << 20

    /// Writes the document's files. A document that fails leaves no file behind: the source copy is written
    /// last (TEI is validated before it is written, so the likeliest failure comes first), and on any failure
    /// every file of this document already written is removed again, so a `--keep-going` build that skips it
    /// still holds exactly the files its manifests list. (Each path belongs to this document alone: the TEI and
    /// JSON-LD are named by its id, the copy by its relative path, both unique in the build.)
    init(_ result: DocumentProcessor.Result, tei: TEIWriter, dataset: DatasetMetadata, layout: OutputLayout,
         clock: StageClock?, jobs: Int = 1) throws {
        let records = result.records
        document = records.document
        entities = records.entities
        let doc = records.document
        let teiPath = OutputLayout.teiPath(doc.id)
        let jsonldPath = OutputLayout.jsonldPath(doc.id)
        let sourcePath = OutputLayout.sourcePath(doc.source)
        let htmlPath = OutputLayout.htmlPath(doc.id)
        do {
            let formats = try Self.writeFormats(records, tei: tei, dataset: dataset, layout: layout, teiPath: teiPath,
                                                jsonldPath: jsonldPath, clock: clock, jobs: jobs)
            rows = formats.rows
            let html = try Self.writeWhole(to: layout, path: htmlPath, FileKind(mediaType: "text/html", format: "html",
                                                                          records: records.sentences.count),
                                      stage: .html, clock: clock) { write in
                try ReadingView.page(records, dataset: dataset, links: OutputLayout.readingViewLinks(doc)).withUnsafeBufferPointer(write)
            }
            let source = try Self.writeSource(result.fileBytes, doc: doc, layout: layout, path: sourcePath, clock: clock)
            files = [formats.tei, formats.jsonld, html, source]
        } catch {
            for path in [teiPath, jsonldPath, htmlPath, sourcePath] { unlink(layout.url(path).path) }
            throw error
        }
    }

    /// The TEI and JSON-LD files and the CSV rows.
    private static func writeFormats(_ records: DocumentRecords, tei: TEIWriter, dataset: DatasetMetadata,
                                     layout: OutputLayout, teiPath: String, jsonldPath: String, clock: StageClock?,
                                     jobs: Int) throws -> (rows: CSVRecordRows, tei: PayloadFile, jsonld: PayloadFile) {
        if jobs > 1 && records.document.byteCount >= Self.parallelFormatsBytes {
            // TEI on one thread, CSV rows and JSON-LD on another (the same bytes, written to different files).
            let teiResult = Slot<Result<PayloadFile, Error>>()
            let otherResult = Slot<Result<(CSVRecordRows, PayloadFile), Error>>()
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                if k == 0 {
                    teiResult.set(Result { try Self.writeTEI(records, tei: tei, layout: layout, path: teiPath, clock: clock) })
                } else {
                    otherResult.set(Result {
                        let rows = clock.measure(.csv) { CSVRecordRows(records) }
                        return (rows, try Self.writeJSONLD(records, dataset: dataset, layout: layout, path: jsonldPath,
                                                           clock: clock))
                    })
                }
            }
            let teiFile = try teiResult.get().get()
            let (rows, jsonldFile) = try otherResult.get().get()
            return (rows, teiFile, jsonldFile)
        }
        // One format at a time, each written and freed before the next is built: a large document never has
        // its TEI and JSON-LD bytes in memory at once.
        let rows = clock.measure(.csv) { CSVRecordRows(records) }
        let teiFile = try Self.writeTEI(records, tei: tei, layout: layout, path: teiPath, clock: clock)
        let jsonldFile = try Self.writeJSONLD(records, dataset: dataset, layout: layout, path: jsonldPath, clock: clock)
        return (rows, teiFile, jsonldFile)
    }

    /// The input's bytes, copied under `source/` at its relative path.
    private static func writeSource(_ bytes: [UInt8], doc: DocumentRecord, layout: OutputLayout, path: String,
                                    clock: StageClock?) throws -> PayloadFile {
        let url = layout.url(path)
        if doc.source.contains("/") {
            // An input in a subfolder keeps its folder in the bag (`source/` itself exists from the start).
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let type = OutputLayout.mediaType(path)
        return try clock.measure(.write) {
            try HashingFileWriter.write(bytes, to: url, path: path, mediaType: type.mediaType, format: type.format,
                                        sha256: doc.sourceSHA256)
        }
    }

    /// Documents at least this large (bytes) have their TEI and JSON-LD written to the file as they are serialised,
    /// never whole in memory (several times the document's size). Smaller ones are serialised whole and written in
    /// one go, which costs less per file.
    static let streamedFormatsBytes = 1 << 20

    /// What the bag records of a file besides its path, size and hash.
    struct FileKind {
        var mediaType: String
        var format: String
        var records: Int
    }

    private static func writeTEI(_ records: DocumentRecords, tei: TEIWriter, layout: OutputLayout, path: String,
                                 clock: StageClock?) throws -> PayloadFile {
        let kind = FileKind(mediaType: "application/tei+xml", format: "xml", records: records.sentences.count)
        if records.document.byteCount >= streamedFormatsBytes {
            return try writeStreaming(to: layout, path: path, kind, stage: .tei, clock: clock) { try tei.write(records, to: $0) }
        }
        return try writeWhole(to: layout, path: path, kind, stage: .tei, clock: clock) { try tei.write(records, $0) }
    }

    private static func writeJSONLD(_ records: DocumentRecords, dataset: DatasetMetadata, layout: OutputLayout,
                                    path: String, clock: StageClock?) throws -> PayloadFile {
        let kind = FileKind(mediaType: "application/ld+json", format: "jsonld", records: JSONLDWriter.nodeCount(records))
        if records.document.byteCount >= streamedFormatsBytes {
            return try writeStreaming(to: layout, path: path, kind, stage: .jsonld, clock: clock) { sink in
                try JSONLDWriter.writeDocument(records, dataset: dataset) { try sink(UnsafeRawBufferPointer($0)) }
            }
        }
        return try writeWhole(to: layout, path: path, kind, stage: .jsonld, clock: clock) {
            try JSONLDWriter.withDocument(records, dataset: dataset, $0)
        }
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
    static func writeWhole(to layout: OutputLayout, path: String, _ kind: FileKind, stage: StageClock.Stage,
                                   clock: StageClock?,
                                   _ produce: ((UnsafeBufferPointer<UInt8>) throws -> PayloadFile) throws -> PayloadFile)
        throws -> PayloadFile {
        try measured(stage, clock) { writing in
            try produce { bytes in
                let before = clock?.threadCPUNanoseconds()
                defer { if let before, let after = clock?.threadCPUNanoseconds() { writing &+= after &- before } }
                return try HashingFileWriter.write(UnsafeRawBufferPointer(bytes), to: layout.url(path), path: path,
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
