import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumHTML
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumTEI

/// The files that describe the whole dataset, written once all documents are in, each after every file it
/// lists with a hash: the TEI schema and JSON-LD context; `dataset.jsonld` (which lists those and the documents'
/// files); `index.html`, whose embedded JSON-LD is `dataset.jsonld`'s description; the Frictionless data package
/// (which lists all of these); and the RO-Crate's `ro-crate-metadata.json` (which lists all of these and the
/// data package). `manifest.json`, written after them by `DatasetAssembly`, lists every one.
enum DatasetFiles {
    static func writeShared(layout: OutputLayout, _ context: FormatContext, documents: [DocumentRecord],
                            entities: [EntityRecord], files: [PayloadFile], tables: [(CSVTable, PayloadFile)]) throws -> [PayloadFile] {
        let dataset = context.dataset
        var written: [PayloadFile] = []
        let schemaPath = OutputLayout.teiSchemaPath
        written.append(try HashingFileWriter.write(TEISchema.bytes, to: layout.url(schemaPath), path: schemaPath,
                                                   mediaType: "application/xml", format: "rng"))
        let contextPath = OutputLayout.contextPath
        written.append(try HashingFileWriter.write(JSONLDWriter.context(), to: layout.url(contextPath), path: contextPath,
                                                   mediaType: "application/ld+json", format: "jsonld"))
        let summaries = tables.map { table, file in
            TableSummary(name: table.name, path: file.path, description: table.description,
                         columns: table.columns.map { .init(name: $0.name, description: $0.description) }, rows: file.records ?? 0)
        }
        // dataset.jsonld and the landing page's JSON-LD: one writing of the description, so they describe the same
        // dataset in the same bytes (the page's with its context inline).
        let described = JSONLDWriter.datasetBoth(dataset, documents: documents, entities: entities, files: files + written,
                                                 tables: summaries)
        let datasetPath = OutputLayout.datasetJSONLDPath
        written.append(try HashingFileWriter.write(described.file, to: layout.url(datasetPath), path: datasetPath,
                                                   mediaType: "application/ld+json", format: "jsonld",
                                                   records: JSONLDWriter.nodeCount(documents: documents, entities: entities)))
        let landing = LandingPage.page(
            dataset: dataset,
            documents: documents.map {
                let page = HTMLFormat.path(forDocument: $0.id)
                return LandingPage.Document(record: $0, page: page, files: context.files(of: $0).filter { $0.path != page })
            },
            tables: summaries, files: files.count + written.count + 4, jsonld: described.embedded)
        let landingPath = OutputLayout.landingPagePath
        written.append(try HashingFileWriter.write(landing, to: layout.url(landingPath), path: landingPath,
                                                   mediaType: "text/html", format: "html"))
        let tablePaths = Set(tables.map(\.1.path))
        // One sort of every file so far; the data package joins the list at its place for the RO-Crate.
        var sorted = (files + written).sortedByPath()
        let others = sorted.filter { !tablePaths.contains($0.path) }
        let package = DataPackage.json(dataset: dataset, tables: tables, otherFiles: others,
                                       geonames: entities.contains { $0.geonames != nil })
        let packageFile = try HashingFileWriter.write(package, to: layout.url(OutputLayout.dataPackagePath), path: OutputLayout.dataPackagePath,
                                                      mediaType: "application/json", format: "json")
        written.append(packageFile)
        sorted.insert(packageFile, at: sorted.firstIndex { PathOrder.less(packageFile.path, $0.path) } ?? sorted.endIndex)
        let crate = ROCrateWriter.write(
            dataset, files: sorted,
            documents: documents.map {
                let files = context.files(of: $0)
                return ROCrateWriter.Document(source: files[0].path, derived: files.dropFirst().map(\.path))
            },
            tables: summaries, teiSchema: schemaPath, later: [DatasetManifest.path])
        written.append(try HashingFileWriter.write(crate, to: layout.url(OutputLayout.roCratePath), path: OutputLayout.roCratePath,
                                                   mediaType: "application/ld+json", format: "json"))
        return written
    }
}
