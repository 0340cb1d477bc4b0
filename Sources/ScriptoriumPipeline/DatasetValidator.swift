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
        public var problems: [DatasetProblem]
        public var summary: String
    }

    public static func validate(bag: URL) throws -> Report {
        let data = bag.appendingPathComponent("data")
        var info = stat()
        guard lstat(data.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            let what = lstat(data.path, &info) == 0 ? " (data is \(RegularFile.kind(info.st_mode)))" : ""
            throw ScriptoriumError(.dataset, path: bag.path, "not a Scriptorium dataset: there is no data/ folder\(what)")
        }
        let inventory = PayloadInventory(data: data)
        var problems = inventory.problems
        let syntax = FormatChecks.syntax(data)
        // Each message names its file (one of `malformed`) with its line and column.
        problems += syntax.problems.map { message in
            DatasetProblem(.jsonSyntax, syntax.malformed.first { message.hasPrefix($0 + ":") } ?? "", .described, message)
        }
        problems += checkDataPackage(data, inventory: inventory)
        problems += PublishChecks.check(data: data, inventory: inventory, malformedJSON: syntax.malformed)
        var tables = readTables(data, problems: &problems)
        let counts = DatasetTables.all.map { "\(tables[$0.name]?.rows.count ?? 0) \($0.name)" }.joined(separator: ", ")
        problems += ManifestChecks.check(
            data: data, inventory: inventory,
            recordCounts: Dictionary(uniqueKeysWithValues: DatasetTables.all.map { ($0.name, tables[$0.name]?.rows.count ?? 0) }),
            documents: (tables["documents"]?.rows ?? []).map {
                ManifestChecks.Document(id: $0["id"] ?? "", source: $0["source"] ?? "", sha256: $0["source_sha256"] ?? "")
            })
        var checked = TableChecks(tables: tables)
        tables = [:] // the checks hold the only copy, and let each document's rows go once its records are built
        problems += checked.problems
        problems += checked.validateDocuments(data: data, malformedJSON: syntax.malformed)
        return Report(problems: problems, summary: counts)
    }

    /// Every resource of datapackage.json exists with the size and hash it states.
    static func checkDataPackage(_ data: URL, inventory: PayloadInventory) -> [DatasetProblem] {
        let packagePath = OutputLayout.dataPackagePath
        var problems: [DatasetProblem] = []
        guard let bytes = payload(data, packagePath, problems: &problems) else { return problems }
        if JSONSyntax.firstProblem(in: bytes) != nil { return [] } // reported with its line and column
        guard let package = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let resources = package["resources"] as? [[String: Any]] else {
            return [DatasetProblem(.datapackageMalformed, packagePath, "not a JSON object with resources")]
        }
        for resource in resources {
            guard let path = resource["path"] as? String else {
                problems.append(DatasetProblem(.datapackageMalformed, packagePath, "a resource has no path"))
                continue
            }
            guard let actual = inventory[path] else {
                problems.append(DatasetProblem(.datapackageMissingResource, packagePath, "resource \(path) does not exist"))
                continue
            }
            if let size = resource["bytes"] as? Int, size != actual.bytes {
                problems.append(DatasetProblem(.datapackageSizeMismatch, path, "\(actual.bytes) bytes, datapackage.json says \(size)",
                                               expected: "\(size)", found: "\(actual.bytes)"))
            }
            if let hash = resource["hash"] as? String, hash != "sha256:\(actual.sha256)" {
                problems.append(DatasetProblem(.datapackageHashMismatch, path, "sha256 differs from datapackage.json",
                                               expected: hash, found: "sha256:\(actual.sha256)"))
            }
        }
        return problems
    }

    /// The bytes of the payload file at `path` (relative to `data/`), or nil with the problem added: "missing",
    /// or what it is when it is not a regular file (a named pipe is never opened for reading).
    static func payload(_ data: URL, _ path: String, problems: inout [DatasetProblem]) -> [UInt8]? {
        do {
            return try RegularFile.bytes(at: data.appendingPathComponent(path).path)
        } catch {
            problems.append(error.isMissing ? DatasetProblem(.fileMissing, path, "missing")
                                            : DatasetProblem(.fileUnreadable, path, "\(error)"))
            return nil
        }
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

    static func readTables(_ data: URL, problems: inout [DatasetProblem]) -> [String: Table] {
        var tables: [String: Table] = [:]
        for definition in DatasetTables.all {
            let path = definition.path
            guard let bytes = payload(data, path, problems: &problems) else { continue }
            let rows: [[String]]
            do {
                rows = try CSVReader.rows(bytes)
            } catch {
                problems.append(DatasetProblem(.csvMalformed, path, "not RFC 4180 CSV: \(error)"))
                continue
            }
            guard let header = rows.first, header == definition.header else {
                problems.append(DatasetProblem(.csvWrongHeader, path, "header is \(rows.first ?? []), expected \(definition.header)",
                                               expected: definition.header.joined(separator: ","),
                                               found: (rows.first ?? []).joined(separator: ",")))
                continue
            }
            var table = Table(definition: definition, rows: [])
            table.rows.reserveCapacity(rows.count - 1)
            for (n, row) in rows.dropFirst().enumerated() {
                guard row.count == header.count else {
                    problems.append(DatasetProblem(.csvWrongFieldCount, path, .row(n + 1), "\(row.count) fields, expected \(header.count)",
                                                   expected: "\(header.count)", found: "\(row.count)"))
                    continue
                }
                table.rows.append(Row(fields: row, header: header))
            }
            tables[definition.name] = table
        }
        return tables
    }
}
