import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumModel
import ScriptoriumValidate

/// Column types and constraints, keys and references across the tables of a re-read dataset, and the
/// records rebuilt from them for `RecordValidator`.
struct TableChecks {
    private(set) var tables: [String: DatasetValidator.Table]
    private(set) var problems: [DatasetProblem] = []
    /// Row number (1-based, after the header) of each id, per table, for messages.
    private var rowOfID: [String: [String: Int]] = [:]

    init(tables: [String: DatasetValidator.Table]) {
        self.tables = tables
        // Ids are unique in the whole dataset (SPEC §3), not only in their table: a mention and an entity with
        // one id would be one node in RDF.
        // Where each id was first used, as (table path, row), put into words only for a message.
        var firstUse: [String: (path: String, row: Int)] = [:]
        for (name, table) in tables.sorted(by: { $0.key < $1.key }) {
            checkColumns(table)
            var rows: [String: Int] = [:]
            rows.reserveCapacity(table.rows.count)
            let path = table.definition.path
            for (n, row) in table.rows.enumerated() {
                let id = row["id"] ?? ""
                if rows[id] != nil {
                    problems.append(DatasetProblem(.tableDuplicateID, path, .cell(row: n + 1, id: nil, column: "id"), "\(id) is not unique"))
                } else if let other = firstUse[id] {
                    problems.append(DatasetProblem(.tableSharedID, path, .cell(row: n + 1, id: nil, column: "id"),
                                                   "\(id) is also the id of \(other.path) row \(other.row)"))
                } else if !id.isEmpty {
                    firstUse[id] = (path, n + 1)
                }
                rows[id] = rows[id] ?? n + 1
            }
            rowOfID[name] = rows
        }
        checkReferences()
    }

    /// Types, required values and constraints of every cell. The place of a cell is put into words only for a
    /// problem, and each pattern is compiled once per table (`ColumnPattern`), not once per cell.
    private mutating func checkColumns(_ table: DatasetValidator.Table) {
        let columns = table.definition.columns.map { (column: $0, index: table.definition.header.firstIndex(of: $0.name),
                                                      pattern: $0.pattern.map(ColumnPattern.init)) }
        for (n, row) in table.rows.enumerated() {
            for (column, index, pattern) in columns {
                let value = index.map { row.fields[$0] } ?? ""
                func problem(_ code: ProblemCode, _ detail: String) {
                    problems.append(DatasetProblem(code, table.definition.path, .cell(row: n + 1, id: nil, column: column.name), detail))
                }
                if value.isEmpty {
                    if column.required { problem(.tableRequiredValueEmpty, "required value is empty") }
                    continue
                }
                if column.kind == .integer, Int(value) == nil { problem(.tableNotInteger, "\"\(value)\" is not an integer") }
                if let allowed = column.allowed, !allowed.contains(value) { problem(.tableNotAllowed, "\"\(value)\" is not one of \(allowed)") }
                if column.name == "id", !RecordID.isNCName(value) { problem(.tableNotNCName, "\"\(value)\" is not an XML NCName") }
                if let pattern, !pattern.matches(value) {
                    problem(.tablePatternMismatch, "\"\(value)\" does not match \(pattern.source)")
                }
            }
        }
    }

    private mutating func checkReferences() {
        for (name, table) in tables.sorted(by: { $0.key < $1.key }) {
            for key in table.definition.foreignKeys {
                let targets = rowOfID[key.table] ?? [:]
                for (n, row) in table.rows.enumerated() {
                    guard let value = row[key.field], !value.isEmpty else { continue }
                    if targets[value] == nil {
                        problems.append(DatasetProblem(.tableDanglingReference, table.definition.path,
                                                       .cell(row: n + 1, id: nil, column: key.field), "\(value) is not an id in \(key.table).csv"))
                    }
                }
            }
            _ = name
        }
        // entities.mentions must count the mention rows.
        var counts: [String: Int] = [:]
        for row in tables["mentions"]?.rows ?? [] { counts[row["entity_id"] ?? "", default: 0] += 1 }
        for (n, row) in (tables["entities"]?.rows ?? []).enumerated() {
            let id = row["id"] ?? ""
            if Int(row["mentions"] ?? "") != counts[id, default: 0] {
                problems.append(DatasetProblem(.tableMentionCount, "csv/entities.csv", .cell(row: n + 1, id: nil, column: "mentions"),
                                               "\(row["mentions"] ?? "") but mentions.csv has \(counts[id, default: 0])",
                                               expected: "\(counts[id, default: 0])", found: row["mentions"] ?? ""))
            }
        }
    }

    /// Rebuilds each document's records from the tables and runs `RecordValidator` on them against the source
    /// copy in the bag.
    /// `malformedJSON`: the JSON files already reported as not strict JSON.
    ///
    /// The tables are given up here: each document's rows are let go once its records are built (the records keep
    /// the same strings), so the rows of a large document are not in memory beside its TEI tree.
    mutating func validateDocuments(data: URL, malformedJSON: Set<String>) -> [DatasetProblem] {
        var problems: [DatasetProblem] = []
        let tables = self.tables
        self.tables = [:]
        func grouped(_ table: String) -> [String: [DatasetValidator.Row]] {
            Dictionary(grouping: tables[table]?.rows ?? [], by: { $0["document_id"] ?? "" })
        }
        var sections = grouped("sections"), blocks = grouped("blocks"), sentences = grouped("sentences"), mentions = grouped("mentions")
        // A repeated id is reported above; here the first row counts.
        let entities = Dictionary((tables["entities"]?.rows ?? []).map { ($0["id"] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let documents = tables["documents"]?.rows ?? []
        _ = consume tables
        // A document's rows are let go at the last document row with its id (an id may repeat in a broken dataset).
        var documentRowsLeft = Dictionary(documents.map { ($0["id"] ?? "", 1) }, uniquingKeysWith: +)
        func rows(_ groups: inout [String: [DatasetValidator.Row]], _ id: String) -> [DatasetValidator.Row] {
            documentRowsLeft[id] == 0 ? groups.removeValue(forKey: id) ?? [] : groups[id] ?? []
        }
        for doc in documents {
            let id = doc["id"] ?? ""
            documentRowsLeft[id, default: 1] -= 1
            let sourcePath = OutputLayout.sourcePath(doc["source"] ?? "")
            guard var bytes = try? RegularFile.bytes(at: data.appendingPathComponent(sourcePath).path) else {
                problems.append(DatasetProblem(.tableSourceMissing, "csv/documents.csv", .cell(row: rowOfID["documents"]?[id], id: id, column: "source"),
                                               "\(sourcePath) is not in the bag"))
                continue
            }
            let sourceSHA256 = SHA256Hex.of(bytes)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            var records = DocumentRecords(document: RecordTables.documents.read(doc.fields))
            if sourceSHA256 != records.document.sourceSHA256 {
                problems.append(DatasetProblem(.tableSourceHashMismatch, "csv/documents.csv",
                                               .cell(row: rowOfID["documents"]?[id], id: id, column: "source_sha256"),
                                               "does not match \(sourcePath)", expected: records.document.sourceSHA256, found: sourceSHA256))
            }
            // Each table's rows are read back through its declaration (`RecordTables`), the one the encoder wrote them by.
            records.sections = rows(&sections, id).map { RecordTables.sections.read($0.fields) }
            records.blocks = rows(&blocks, id).map { RecordTables.blocks.read($0.fields) }
            records.sentences = rows(&sentences, id).map { RecordTables.sentences.read($0.fields) }
            records.mentions = rows(&mentions, id).map { RecordTables.mentions.read($0.fields) }
            var perDocument: [String: Int] = [:]
            for m in records.mentions { perDocument[m.entityID, default: 0] += 1 }
            records.entities = perDocument.keys.sorted().compactMap { key in
                guard let row = entities[key] else { return nil }
                var entity = RecordTables.entities.read(row.fields)
                entity.mentions = perDocument[key]! // this document's mentions, as a build's records count them
                return entity
            }
            problems += FormatChecks.documentFiles(data, records: records, malformed: malformedJSON)
            for p in RecordValidator.validate(records, source: bytes) {
                problems.append(DatasetProblem(p.code, "csv/\(p.table).csv", .cell(row: rowOfID[p.table]?[p.record], id: p.record, column: p.field),
                                               p.message))
            }
        }
        return problems
    }
}
