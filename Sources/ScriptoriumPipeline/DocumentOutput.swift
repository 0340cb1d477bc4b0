import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumTEI

/// Everything one document contributes to the dataset, produced on a worker thread: its CSV rows (appended to
/// the tables later, in input order) and its own files (TEI, JSON-LD, the source copy), already written and hashed.
struct DocumentOutput: Sendable {
    /// Only what the build keeps per document once its files are written (the records themselves are freed
    /// on the worker thread).
    var document: DocumentRecord
    var entities: [EntityRecord]
    var rows: CSVRecordRows
    var files: [PayloadFile]

    init(_ result: DocumentProcessor.Result, tei: TEIWriter, dataset: DatasetMetadata, layout: OutputLayout,
         clock: StageClock?) throws {
        let records = result.records
        document = records.document
        entities = records.entities
        let doc = records.document
        let teiPath = OutputLayout.teiPath(doc.id)
        let jsonldPath = OutputLayout.jsonldPath(doc.id)
        let sourcePath = OutputLayout.sourcePath(doc.source)
        let sourceURL = layout.url(sourcePath)
        try FileManager.default.createDirectory(at: sourceURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let sourceType = OutputLayout.mediaType(sourcePath)
        // One format at a time, each written and freed before the next is built: a large document never has
        // its TEI and JSON-LD bytes in memory at once.
        let source = try clock.measure(.write) {
            try HashingFileWriter.write(result.fileBytes, to: sourceURL, path: sourcePath,
                                        mediaType: sourceType.mediaType, format: sourceType.format)
        }
        rows = clock.measure(.csv) { CSVRecordRows(records) }
        let teiFile = try Self.writeTEI(records, tei: tei, layout: layout, path: teiPath, clock: clock)
        let jsonldFile = try Self.writeJSONLD(records, dataset: dataset, layout: layout, path: jsonldPath, clock: clock)
        files = [teiFile, jsonldFile, source]
    }

    private static func writeTEI(_ records: DocumentRecords, tei: TEIWriter, layout: OutputLayout, path: String,
                                 clock: StageClock?) throws -> PayloadFile {
        // Written straight from libxml2's output buffer (the time inside `body` counts as writing).
        let start = clock?.threadCPUNanoseconds()
        var writing: UInt64 = 0
        let file = try tei.write(records) { bytes in
            let before = clock?.threadCPUNanoseconds()
            defer { if let before, let after = clock?.threadCPUNanoseconds() { writing = after &- before } }
            return try HashingFileWriter.write(UnsafeRawBufferPointer(bytes), to: layout.url(path), path: path,
                                               mediaType: "application/tei+xml", format: "xml",
                                               records: records.sentences.count)
        }
        if let clock, let start {
            clock.add(.tei, clock.threadCPUNanoseconds() &- start &- writing)
            clock.add(.write, writing)
        }
        return file
    }

    private static func writeJSONLD(_ records: DocumentRecords, dataset: DatasetMetadata, layout: OutputLayout,
                                    path: String, clock: StageClock?) throws -> PayloadFile {
        // Written straight from the JSON writer's buffer (the time inside `body` counts as writing).
        let start = clock?.threadCPUNanoseconds()
        var writing: UInt64 = 0
        let file = try JSONLDWriter.withDocument(records, dataset: dataset) { bytes in
            let before = clock?.threadCPUNanoseconds()
            defer { if let before, let after = clock?.threadCPUNanoseconds() { writing = after &- before } }
            return try HashingFileWriter.write(UnsafeRawBufferPointer(bytes), to: layout.url(path), path: path,
                                               mediaType: "application/ld+json", format: "jsonld",
                                               records: JSONLDWriter.nodeCount(records))
        }
        if let clock, let start {
            clock.add(.jsonld, clock.threadCPUNanoseconds() &- start &- writing)
            clock.add(.write, writing)
        }
        return file
    }
}
