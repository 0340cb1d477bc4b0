import Foundation
import ScriptoriumModel

/// `datapackage.json`: the Frictionless Data Package that describes every table with its schema, keys and hash,
/// and every other payload file (JSON-LD, TEI, sources) as a resource with its hash.
public enum DataPackage {
    public static func json(dataset: DatasetMetadata, tables: [(CSVTable, PayloadFile)], otherFiles: [PayloadFile]) throws -> [UInt8] {
        var resources: [[String: Any]] = []
        for (table, file) in tables {
            var resource = fileResource(file, name: table.name)
            resource["profile"] = "tabular-data-resource"
            resource["description"] = table.description
            resource["encoding"] = "utf-8"
            resource["dialect"] = ["delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true]
            resource["schema"] = schema(table)
            resources.append(resource)
        }
        var used = Set(tables.map { $0.0.name })
        for file in otherFiles {
            var name = RecordID.slug(file.path)
            while !used.insert(name).inserted { name += "-x" }
            var resource = fileResource(file, name: name)
            resource["profile"] = "data-resource"
            resources.append(resource)
        }
        var package: [String: Any] = [
            "profile": "data-package",
            "name": RecordID.slug(dataset.id),
            "title": dataset.title,
            "description": dataset.description,
            "version": dataset.version,
            "licenses": [["name": dataset.license, "path": dataset.licenseURL, "title": dataset.license]],
            "contributors": dataset.creators.map { ["title": $0, "role": "author"] },
            "keywords": dataset.keywords,
            "resources": resources,
        ]
        if let modified = dataset.modified { package["created"] = modified }
        return Array(try JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            + [0x0A]
    }

    static func fileResource(_ file: PayloadFile, name: String) -> [String: Any] {
        var resource: [String: Any] = [
            "name": name,
            "path": file.path,
            "format": file.format,
            "mediatype": file.mediaType,
            "bytes": file.bytes,
            "hash": "sha256:\(file.sha256)",
        ]
        if file.mediaType.hasPrefix("text/") || file.mediaType.hasSuffix("+xml") || file.mediaType.hasSuffix("json") {
            resource["encoding"] = "utf-8"
        }
        return resource
    }

    static func schema(_ table: CSVTable) -> [String: Any] {
        let fields: [[String: Any]] = table.columns.map { column in
            var constraints: [String: Any] = [:]
            if column.required { constraints["required"] = true }
            if column.name == table.primaryKey { constraints["unique"] = true }
            if let p = column.pattern { constraints["pattern"] = p }
            if let a = column.allowed { constraints["enum"] = a }
            if column.kind == .integer, column.name == "position" || column.name == "level" { constraints["minimum"] = 1 }
            if column.kind == .integer, column.name == "start" || column.name == "end" || column.name == "mentions" { constraints["minimum"] = 0 }
            var field: [String: Any] = ["name": column.name, "type": column.kind.rawValue, "description": column.description]
            if !constraints.isEmpty { field["constraints"] = constraints }
            return field
        }
        var schema: [String: Any] = ["fields": fields, "primaryKey": [table.primaryKey], "missingValues": [""]]
        if !table.foreignKeys.isEmpty {
            schema["foreignKeys"] = table.foreignKeys.map {
                ["fields": [$0.field], "reference": ["resource": $0.table, "fields": [$0.referencedField]]]
            }
        }
        return schema
    }
}
