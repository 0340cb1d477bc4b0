import Foundation
import ScriptoriumBag
import ScriptoriumModel
import ScriptoriumValidate

/// `data/manifest.json` checked against the bag: the tool that wrote it, a record count per table equal to the
/// table's rows, one input per row of `documents.csv` (same source, id and SHA-256, and the source copy in the
/// bag has that hash and size), and exactly the payload files on disk (all but the manifest itself) with their
/// sizes and hashes. A missing or empty manifest is a problem, not a pass.
enum ManifestChecks {
    /// One row of `documents.csv`, as far as the manifest is concerned.
    struct Document {
        var id: String
        var source: String
        var sha256: String
    }

    static func check(data: URL, inventory: PayloadInventory, recordCounts: [String: Int],
                      documents: [Document]) -> [DatasetProblem] {
        let path = DatasetManifest.path
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.bytes(at: data.appendingPathComponent(path).path)
        } catch {
            return [error.isMissing ? DatasetProblem(.manifestMissing, path, "missing (every dataset has one)")
                                    : DatasetProblem(.fileUnreadable, path, "\(error)")]
        }
        if JSONSyntax.firstProblem(in: bytes) != nil { return [] } // reported with its line and column
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return [DatasetProblem(.manifestMalformed, path, "not a JSON object")]
        }
        var problems: [DatasetProblem] = []
        func problem(_ code: ProblemCode, _ message: String, expected: String? = nil, found: String? = nil) {
            problems.append(DatasetProblem(code, path, message, expected: expected, found: found))
        }

        let tool = root["tool"] as? [String: Any]
        if tool?["name"] as? String != ScriptoriumInfo.name || (tool?["version"] as? String)?.isEmpty != false {
            problem(.manifestMalformed, "\"tool\" must name \(ScriptoriumInfo.name) and its version")
        }
        if let dataset = root["dataset"] as? [String: Any] {
            for key in ["id", "title", "version", "license"] where !(dataset[key] is String) {
                problem(.manifestMalformed, "\"dataset\" has no \"\(key)\"")
            }
        } else {
            problem(.manifestMalformed, "no \"dataset\" object")
        }

        if let records = root["records"] as? [String: Any] {
            for (table, count) in recordCounts.sorted(by: { $0.key < $1.key }) {
                let stated = records[table] as? Int
                if stated != count {
                    problem(.manifestCountMismatch, "records.\(table) is \(stated.map(String.init) ?? "missing"), the table has \(count) rows",
                            expected: "\(count)", found: stated.map(String.init))
                }
            }
            for table in records.keys.sorted() where recordCounts[table] == nil { problem(.manifestMalformed, "records.\(table): no such table") }
        } else {
            problem(.manifestMalformed, "no \"records\" object")
        }

        if let inputs = root["inputs"] as? [[String: Any]] {
            if inputs.count != documents.count {
                problem(.manifestCountMismatch, "lists \(inputs.count) inputs, csv/documents.csv has \(documents.count) documents")
            }
            for (n, (input, document)) in zip(inputs, documents).enumerated() {
                let at = "inputs[\(n)]"
                if input["document"] as? String != document.id || input["source"] as? String != document.source {
                    problem(.manifestInputMismatch, "\(at) is \(input["source"] as? String ?? "?"), csv/documents.csv row \(n + 1) is \(document.source)")
                    continue
                }
                if input["sha256"] as? String != document.sha256 { problem(.manifestInputMismatch, "\(at) sha256 differs from csv/documents.csv",
                                                                             expected: document.sha256, found: input["sha256"] as? String) }
                if let copy = inventory[OutputLayout.sourcePath(document.source)] {
                    if copy.sha256 != document.sha256 { problem(.manifestHashMismatch, "\(at): the source copy's sha256 differs",
                                                              expected: document.sha256, found: copy.sha256) }
                    if input["bytes"] as? Int != copy.bytes { problem(.manifestSizeMismatch, "\(at) bytes differ from the source copy (\(copy.bytes))",
                                                                     expected: "\(copy.bytes)", found: (input["bytes"] as? Int).map(String.init)) }
                }
            }
        } else {
            problem(.manifestMalformed, "no \"inputs\" list")
        }

        if let files = root["files"] as? [[String: Any]] {
            var listed = Set<[UInt8]>()
            for (n, file) in files.enumerated() {
                guard let filePath = file["path"] as? String else {
                    problem(.manifestMalformed, "files[\(n)] has no path")
                    continue
                }
                listed.insert(PathOrder.key(filePath))
                guard let actual = inventory[filePath] else {
                    problem(.manifestMissingFile, "files[\(n)]: \(filePath) is not in the bag")
                    continue
                }
                if file["sha256"] as? String != actual.sha256 {
                    problems.append(DatasetProblem(.manifestHashMismatch, filePath, "sha256 differs from \(path)",
                                                   expected: file["sha256"] as? String, found: actual.sha256))
                }
                if file["bytes"] as? Int != actual.bytes {
                    let stated = file["bytes"].map { "\($0)" }
                    problems.append(DatasetProblem(.manifestSizeMismatch, filePath, "\(actual.bytes) bytes, \(path) says \(stated ?? "nothing")",
                                                   expected: stated, found: "\(actual.bytes)"))
                }
                if !(file["mediaType"] is String) { problem(.manifestMalformed, "files[\(n)]: \(filePath) has no mediaType") }
            }
            for unlisted in inventory.paths where !PathOrder.same(unlisted, path) && !listed.contains(PathOrder.key(unlisted)) {
                problems.append(DatasetProblem(.manifestUnlistedFile, unlisted, "not listed in \(path)"))
            }
        } else {
            problem(.manifestMalformed, "no \"files\" list")
        }
        return problems
    }
}
