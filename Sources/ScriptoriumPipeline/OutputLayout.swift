import Foundation
import ScriptoriumBag
import ScriptoriumHTML
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumTEI

/// Where each file goes inside the bag (SPEC §4); the one place the bag's paths are defined. Paths handed to the
/// data package and manifests are relative to `data/`.
///
/// No file of a document can ever land on a file the dataset writes for itself, whatever the document is called,
/// because the two never share a folder under the same kind of name:
///
/// - per-document files live in folders that hold nothing else, named by document id or by the input's own
///   relative path: each format's (`DocumentFormats`) `tei/ID.xml`, `jsonld/ID.jsonld`, `html/ID.html`, and `source/REL`;
/// - the dataset's own files sit directly in `data/` (`datapackage.json`, `manifest.json`, `build.json`,
///   `context.jsonld`, `dataset.jsonld`, `index.html`, `ro-crate-metadata.json`) or in `csv/`; the one shared
///   file in a per-document folder is the TEI schema, `tei/scriptorium-tei.rng`, whose extension no document's
///   `tei/ID.xml` has.
struct OutputLayout: Sendable {
    let bag: URL
    var data: URL { bag.appendingPathComponent("data") }

    static let csvFolder = "csv"
    static let sourceFolder = FormatContext.sourceFolder

    /// The shared JSON-LD context, beside `datapackage.json`; each `jsonld/ID.jsonld` refers to it as
    /// `../context.jsonld`, `dataset.jsonld` as `context.jsonld` (`JSONLDWriter`).
    static let contextPath = JSONLDWriter.contextFileName
    /// The dataset's own JSON-LD, beside `datapackage.json`.
    static let datasetJSONLDPath = JSONLDWriter.datasetFileName
    /// The project's RELAX NG schema for the TEI files, beside them (each names it relatively).
    static let teiSchemaPath = "\(TEIFormat.folder)/\(TEISchema.fileName)"
    static let dataPackagePath = "datapackage.json"
    /// The landing page and the RO-Crate's metadata file, beside `datapackage.json` (where RO-Crate and web
    /// servers look for them).
    static let landingPagePath = ReadingView.landingPage
    static let roCratePath = ROCrateWriter.fileName

    /// The tables' and source copies' folders, and one for each of `formats`.
    func createFolders(formats: [any DocumentFormat.Type] = DocumentFormats.all) throws {
        for folder in [Self.csvFolder, Self.sourceFolder] + formats.map({ $0.folder }) {
            try FileManager.default.createDirectory(at: data.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    func url(_ relative: String) -> URL { data.appendingPathComponent(relative) }

    static func sourcePath(_ relative: String) -> String { "\(sourceFolder)/\(relative)" }

    /// Media type and Frictionless format name of a source copy (the formats' files declare their own): Markdown or
    /// plain text, the two kinds of input.
    static func sourceMediaType(_ path: String) -> (mediaType: String, format: String) {
        (path as NSString).pathExtension.lowercased() == "md" ? ("text/markdown", "md") : ("text/plain", "txt")
    }
}
