import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumModel
import ScriptoriumValidate

/// `scriptorium validate`: re-reads a built dataset and checks it as a user's tools would see it. The tables
/// are parsed back into records and put through the same `RecordValidator` as a build, against the source
/// copies inside the bag; types, keys and cross-table references are checked on the way; the data package's
/// sizes and hashes are compared with the files.
public enum DatasetValidator {
    public struct Report: Sendable {
        public var problems: [String]
        public var summary: String
    }

    public static func validate(bag: URL) throws -> Report {
        let data = bag.appendingPathComponent("data")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data.path, isDirectory: &isDir), isDir.boolValue else {
            throw ScriptoriumError(.dataset, path: bag.path, "not a Scriptorium dataset: there is no data/ folder")
        }
        var problems: [String] = []
        let syntax = FormatChecks.syntax(data)
        problems += syntax.problems
        problems += checkDataPackage(data)
        var tables = readTables(data, problems: &problems)
        let counts = DatasetTables.all.map { "\(tables[$0.name]?.rows.count ?? 0) \($0.name)" }.joined(separator: ", ")
        var checked = TableChecks(tables: tables)
        tables = [:] // the checks hold the only copy, and let each document's rows go once its records are built
        problems += checked.problems
        problems += checked.validateDocuments(data: data, malformedJSON: syntax.malformed)
        return Report(problems: problems, summary: counts)
    }

    /// Every resource of datapackage.json exists with the size and hash it states.
    static func checkDataPackage(_ data: URL) -> [String] {
        let url = data.appendingPathComponent("datapackage.json")
        guard let bytes = FileManager.default.contents(atPath: url.path) else { return ["datapackage.json: missing"] }
        if JSONSyntax.firstProblem(in: Array(bytes)) != nil { return [] } // reported with its line and column
        guard let package = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
              let resources = package["resources"] as? [[String: Any]] else {
            return ["datapackage.json: not a JSON object with resources"]
        }
        var problems: [String] = []
        for resource in resources {
            guard let path = resource["path"] as? String else {
                problems.append("datapackage.json: a resource has no path")
                continue
            }
            guard let actual = try? SHA256Hex.ofFile(data.appendingPathComponent(path)) else {
                problems.append("datapackage.json: resource \(path) does not exist")
                continue
            }
            if let size = resource["bytes"] as? Int, size != actual.bytes {
                problems.append("\(path): \(actual.bytes) bytes, datapackage.json says \(size)")
            }
            if let hash = resource["hash"] as? String, hash != "sha256:\(actual.sha256)" {
                problems.append("\(path): sha256 differs from datapackage.json")
            }
        }
        return problems
    }

    struct Table {
        var definition: CSVTable
        var rows: [Row]
    }

    /// One row of a re-read table: its fields in the order of the table's header, which `readTables` has checked
    /// is the definition's. An array per row rather than a dictionary: a large document has hundreds of thousands
    /// of rows, and a dictionary of a few fields costs several times the fields themselves, in memory and hashing.
    struct Row {
        let fields: [String]
        let header: [String]

        /// The value in `column`, nil when the table has no such column.
        subscript(_ column: String) -> String? {
            header.firstIndex(of: column).map { fields[$0] }
        }
    }

    static func readTables(_ data: URL, problems: inout [String]) -> [String: Table] {
        var tables: [String: Table] = [:]
        for definition in DatasetTables.all {
            let path = definition.path
            guard let bytes = try? InputBytes.read(data.appendingPathComponent(path)) else {
                problems.append("\(path): missing")
                continue
            }
            let rows: [[String]]
            do {
                rows = try CSVReader.rows(bytes)
            } catch {
                problems.append("\(path): not RFC 4180 CSV: \(error)")
                continue
            }
            guard let header = rows.first, header == definition.header else {
                problems.append("\(path): header is \(rows.first ?? []), expected \(definition.header)")
                continue
            }
            var table = Table(definition: definition, rows: [])
            table.rows.reserveCapacity(rows.count - 1)
            for (n, row) in rows.dropFirst().enumerated() {
                guard row.count == header.count else {
                    problems.append("\(path) row \(n + 1): \(row.count) fields, expected \(header.count)")
                    continue
                }
                table.rows.append(Row(fields: row, header: header))
            }
            tables[definition.name] = table
        }
        return tables
    }
}
