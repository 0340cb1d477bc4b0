import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumTEI

/// Everything one document contributes to the dataset, produced on a worker thread: its CSV rows (appended to
/// the tables later, in input order) and its own files (TEI, JSON-LD, the source copy), already written and hashed.
struct DocumentOutput: Sendable {
    var records: DocumentRecords
    var rows: CSVRecordRows
    var files: [PayloadFile]

    init(_ result: DocumentProcessor.Result, tei: TEIWriter, dataset: DatasetMetadata, layout: OutputLayout,
         clock: StageClock?) throws {
        records = result.records
        rows = clock.measure(.csv) { CSVRecordRows(result.records) }
        let teiBytes = try clock.measure(.tei) { try tei.write(result.records) }
        let jsonldBytes = clock.measure(.jsonld) { JSONLDWriter.document(result.records, dataset: dataset) }
        let doc = result.records.document
        let teiPath = OutputLayout.teiPath(doc.id)
        let jsonldPath = OutputLayout.jsonldPath(doc.id)
        let sourcePath = OutputLayout.sourcePath(doc.source)
        let sourceURL = layout.url(sourcePath)
        try FileManager.default.createDirectory(at: sourceURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let sourceType = OutputLayout.mediaType(sourcePath)
        files = try clock.measure(.write) { [
            try HashingFileWriter.write(teiBytes, to: layout.url(teiPath), path: teiPath,
                                        mediaType: "application/tei+xml", format: "xml", records: result.records.sentences.count),
            try HashingFileWriter.write(jsonldBytes, to: layout.url(jsonldPath),
                                        path: jsonldPath, mediaType: "application/ld+json", format: "jsonld",
                                        records: JSONLDWriter.nodeCount(result.records)),
            try HashingFileWriter.write(result.fileBytes, to: sourceURL, path: sourcePath,
                                        mediaType: sourceType.mediaType, format: sourceType.format),
        ] }
    }
}
