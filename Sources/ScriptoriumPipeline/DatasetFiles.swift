import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumTEI

/// The files that describe the whole dataset, written once all documents are in: the JSON-LD context and
/// Dataset node, and the Frictionless data package.
enum DatasetFiles {
    static func writeShared(layout: OutputLayout, dataset: DatasetMetadata, documents: [DocumentRecord],
                            entities: [EntityRecord], files: [PayloadFile], tables: [(CSVTable, PayloadFile)]) throws -> [PayloadFile] {
        var written: [PayloadFile] = []
        let schemaPath = OutputLayout.teiSchemaPath
        written.append(try HashingFileWriter.write(TEISchema.bytes, to: layout.url(schemaPath), path: schemaPath,
                                                   mediaType: "application/xml", format: "rng"))
        let contextPath = OutputLayout.contextPath
        written.append(try HashingFileWriter.write(JSONLDWriter.context(), to: layout.url(contextPath), path: contextPath,
                                                   mediaType: "application/ld+json", format: "jsonld"))
        let datasetPath = OutputLayout.datasetJSONLDPath
        let datasetJSON = JSONLDWriter.dataset(dataset, documents: documents, entities: entities, files: files + written)
        written.append(try HashingFileWriter.write(datasetJSON, to: layout.url(datasetPath), path: datasetPath,
                                                   mediaType: "application/ld+json", format: "jsonld",
                                                   records: JSONLDWriter.nodeCount(documents: documents, entities: entities)))
        let tablePaths = Set(tables.map(\.1.path))
        let others = (files + written).filter { !tablePaths.contains($0.path) }.sorted { PathOrder.less($0.path, $1.path) }
        let package = DataPackage.json(dataset: dataset, tables: tables, otherFiles: others,
                                       geonames: entities.contains { $0.geonames != nil })
        written.append(try HashingFileWriter.write(package, to: layout.url(OutputLayout.dataPackagePath), path: OutputLayout.dataPackagePath,
                                                   mediaType: "application/json", format: "json"))
        return written
    }
}
