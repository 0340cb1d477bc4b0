import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumModel

/// A dataset put together from its documents' contributions, in document order: rows appended to the tables,
/// entities' mentions summed, then the dataset-wide files (entities table, JSON-LD dataset and context, data
/// package, manifest, build report) and the bag around them. Both `build` and `merge` end here, which is what
/// makes a merge of parts byte-identical to a build of the same inputs.
struct DatasetAssembly {
    let layout: OutputLayout
    private var tables: CSVTableFiles
    private var files: [PayloadFile] = []
    private(set) var documents: [DocumentRecord] = []
    private var manifestInputs: [DatasetManifest.Input] = []
    private var entities: [String: EntityRecord] = [:]
    private var inputBytes = 0
    /// The documents' formats, which the landing page and the RO-Crate list for each document.
    private let formats: [any DocumentFormat.Type]

    init(layout: OutputLayout, formats: [any DocumentFormat.Type] = DocumentFormats.all) throws {
        self.layout = layout
        self.formats = formats
        try layout.createFolders(formats: formats)
        tables = try CSVTableFiles(layout: layout)
    }

    /// Adds the next document (its own files are already in the output folder).
    mutating func add(_ c: DocumentContribution, clock: StageClock? = nil) throws {
        try clock.measure(.write) {
            for table in PartFolder.rowTables {
                if let rows = c.rows[table.name] { try tables.append(table, rows.bytes, count: rows.count) }
            }
        }
        files += c.files
        documents.append(c.document)
        inputBytes += c.document.byteCount
        manifestInputs.append(.init(source: c.document.source, documentID: c.document.id, sha256: c.document.sourceSHA256,
                                    bytes: c.document.byteCount))
        for entity in c.entities {
            entities[entity.id, default: EntityRecord(id: entity.id, name: entity.name, type: entity.type, wikidata: entity.wikidata,
                                                      aliases: entity.aliases, mentions: 0, geonames: entity.geonames)].mentions += entity.mentions
        }
    }

    /// Writes the dataset-wide files and the bag. `skipped` is what a `--keep-going` build left out (it then gets
    /// a build report); without `--keep-going` any skipped input, and with it an empty dataset, is an error.
    mutating func finish(skipped problems: [SkippedInput], keepGoing: Bool, inputs shown: [String],
                         dataset: DatasetMetadata, clock: StageClock? = nil) throws -> BuildSummary {
        let problems = problems.sorted { PathOrder.less($0.source, $1.source) }
        if !problems.isEmpty && (!keepGoing || documents.isEmpty) {
            throw InputProblems(problems.map(\.error) + (keepGoing
                ? [ScriptoriumError(.input, path: shown.joined(separator: " "), "no document could be built")] : []))
        }
        if keepGoing {
            files.append(try BuildReport.write(documents: documents.count, skipped: problems, layout: layout))
        }
        var summary = try clock.measure(.finish) { try writeShared(dataset: dataset) }
        summary.skipped = problems
        return summary
    }

    static let geonamesAttribution = "Place names and identifiers of entities include data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."

    private mutating func writeShared(dataset: DatasetMetadata) throws -> BuildSummary {
        let entityList = entities.keys.sorted().map { entities[$0]! }
        let tableFiles = try tables.finish(entities: entityList)
        files += tableFiles.map(\.1)
        files += try DatasetFiles.writeShared(layout: layout, FormatContext(dataset: dataset, formats: formats), documents: documents, entities: entityList,
                                              files: files, tables: tableFiles)
        let counts = tables.counts
        let manifest = DatasetManifest.json(dataset: dataset, files: files, inputs: manifestInputs, recordCounts: counts)
        files.append(try HashingFileWriter.write(manifest, to: layout.data.appendingPathComponent(DatasetManifest.path),
                                                 path: DatasetManifest.path, mediaType: "application/json", format: "json"))
        // GeoNames data is CC BY 4.0: attributed in the bag's own metadata too, whenever its entries are used.
        let geonames = entityList.contains { $0.geonames != nil }
        try BagWriter.finish(bag: layout.bag, payload: files, dataset: dataset, descriptions: geonames ? [Self.geonamesAttribution] : [])
        return BuildSummary(documents: documents.count, inputBytes: inputBytes, recordCounts: counts, files: files.count)
    }
}
