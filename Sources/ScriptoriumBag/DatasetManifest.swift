import ScriptoriumJSON
import ScriptoriumModel

/// `data/manifest.json`: the machine-readable inventory of a build. Every other payload file with its SHA-256,
/// size, media type and record count; every input document with its SHA-256; the tool and its version.
/// (The BagIt manifests give fixity; this file gives meaning: what each file is and how many records it holds.)
public enum DatasetManifest {
    public static let path = "manifest.json"

    public struct Input: Sendable {
        public var source: String
        public var documentID: String
        public var sha256: String
        public var bytes: Int

        public init(source: String, documentID: String, sha256: String, bytes: Int) {
            self.source = source
            self.documentID = documentID
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    public static func json(dataset: DatasetMetadata, files: [PayloadFile], inputs: [Input],
                            recordCounts: [(table: String, count: Int)]) -> [UInt8] {
        var w = JSONWriter(capacity: 1024 + files.count * 160 + inputs.count * 160)
        w.beginObject()
        w.lineBreak(indent: 1); w.key("tool")
        w.beginObject()
        w.key("name"); w.string(ScriptoriumInfo.name)
        w.key("version"); w.string(ScriptoriumInfo.version)
        w.endObject()
        w.lineBreak(indent: 1); w.key("dataset")
        w.beginObject()
        w.key("id"); w.string(dataset.id)
        w.key("title"); w.string(dataset.title)
        w.key("version"); w.string(dataset.version)
        w.key("license"); w.string(dataset.licenseURL)
        w.endObject()
        if let modified = dataset.modified { w.lineBreak(indent: 1); w.key("built"); w.string(modified) }
        w.lineBreak(indent: 1); w.key("records")
        w.beginObject()
        for (table, count) in recordCounts { w.dynamicKey(table); w.int(count) }
        w.endObject()
        w.lineBreak(indent: 1); w.key("inputs")
        w.beginArray()
        for input in inputs {
            w.lineBreak(indent: 2)
            w.beginObject()
            w.key("source"); w.string(input.source)
            w.key("document"); w.string(input.documentID)
            w.key("sha256"); w.string(input.sha256)
            w.key("bytes"); w.int(input.bytes)
            w.endObject()
        }
        w.endArray(onNewLine: true)
        w.lineBreak(indent: 1); w.key("files")
        w.beginArray()
        for file in files.sortedByPath() {
            w.lineBreak(indent: 2)
            w.beginObject()
            w.key("path"); w.string(file.path)
            w.key("sha256"); w.string(file.sha256)
            w.key("bytes"); w.int(file.bytes)
            w.key("mediaType"); w.string(file.mediaType)
            if let records = file.records { w.key("records"); w.int(records) }
            w.endObject()
        }
        w.endArray(onNewLine: true)
        w.endObject(onNewLine: true)
        return w.finish()
    }
}
