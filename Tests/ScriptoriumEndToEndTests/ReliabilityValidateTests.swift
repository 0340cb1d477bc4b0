import Foundation
import Testing
import ScriptoriumPipeline

/// `validate` names the table, row and column of every broken value or dangling key, and the file and
/// location (line, or JSON Pointer) of every TEI or JSON-LD problem; all of them, not the first.
@Suite(.serialized) struct ReliabilityValidateTests {
    /// Sets `column` of the first data row (from `from`) that has no quoted field; returns its row number.
    static func breakCSV(_ url: URL, column: String, to value: String, from: Int = 1) throws -> Int {
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        let index = try #require(header.firstIndex(of: column))
        let row = try #require((from..<lines.count).first { !lines[$0].isEmpty && !lines[$0].contains("\"") })
        var fields = lines[row].components(separatedBy: ",")
        fields[index] = value
        lines[row] = fields.joined(separator: ",")
        try Data(lines.joined(separator: "\r\n").utf8).write(to: url)
        return row
    }

    static func edit(_ url: URL, _ change: (String) -> String) throws {
        let before = try String(contentsOf: url, encoding: .utf8)
        let after = change(before)
        #expect(after != before, "\(url.lastPathComponent) was not changed")
        try Data(after.utf8).write(to: url)
    }

    @Test func everyBrokenValueKeyAndFormatProblemIsLocated() throws {
        let folder = try temporaryFolder("validate")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        #expect(try runTool(["build", try goodCorpus(in: folder).path, "--output", output.path]).status == 0)
        let data = output.appendingPathComponent("data")
        let csv = data.appendingPathComponent("csv")

        // Tables: a value of the wrong type, an empty required value, a value outside its enumeration, and
        // dangling keys in two tables.
        let positionRow = try Self.breakCSV(csv.appendingPathComponent("sentences.csv"), column: "position", to: "x")
        let kindRow = try Self.breakCSV(csv.appendingPathComponent("blocks.csv"), column: "kind", to: "poem")
        let sectionRow = try Self.breakCSV(csv.appendingPathComponent("blocks.csv"), column: "section_id", to: "nowhere.sec9", from: kindRow + 1)
        let entityRow = try Self.breakCSV(csv.appendingPathComponent("mentions.csv"), column: "entity_id", to: "ent.nowhere", from: 2)
        let languageRow = try Self.breakCSV(csv.appendingPathComponent("documents.csv"), column: "language", to: "")
        // TEI: one file not well-formed, one that breaks the schema.
        try Self.edit(data.appendingPathComponent("tei/note.xml")) { $0.replacingOccurrences(of: "</body>", with: "</bdy>") }
        try Self.edit(data.appendingPathComponent("tei/us-japan-security-treaty.xml")) {
            $0.replacingOccurrences(of: "<p xml:id=", with: "<p bogus=\"1\" xml:id=", options: [], range: $0.range(of: "<p xml:id="))
        }
        // JSON-LD: one file not JSON (a trailing comma), one whose sentence text differs from the CSV.
        try Self.edit(data.appendingPathComponent("jsonld/note.jsonld")) {
            $0.replacingOccurrences(of: "\"@id\"", with: "\"@id\":1,}\n\"x\"", options: [], range: $0.range(of: "\"@id\""))
        }
        try Self.edit(data.appendingPathComponent("jsonld/us-japan-security-treaty.jsonld")) {
            $0.replacingOccurrences(of: "\"text\":\"Its strategic", with: "\"text\":\"CHANGED Its strategic")
        }

        let run = try runTool(["validate", output.path])
        #expect(run.status == 1)
        #expect(run.stderrLines == ["scriptorium: error: \(output.path): \(run.stdout.split(separator: "\n").count) problem(s)"])
        let lines = run.stdout.split(separator: "\n").map(String.init)
        func expectLine(_ prefix: String, _ text: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(lines.contains { $0.hasPrefix(prefix) && (text.isEmpty || $0.contains(text)) }, "no line \(prefix)…\(text) in:\n\(run.stdout)",
                    sourceLocation: sourceLocation)
        }
        expectLine("csv/sentences.csv row \(positionRow) column position: \"x\" is not an integer")
        expectLine("csv/blocks.csv row \(kindRow) column kind: \"poem\" is not one of")
        expectLine("csv/blocks.csv row \(sectionRow) column section_id: nowhere.sec9 is not an id in sections.csv")
        expectLine("csv/mentions.csv row \(entityRow) column entity_id: ent.nowhere is not an id in entities.csv")
        expectLine("csv/documents.csv row \(languageRow) column language: required value is empty")
        expectLine("tei/note.xml:", "Opening and ending tag mismatch")
        expectLine("tei/us-japan-security-treaty.xml:", "Invalid attribute bogus for element p")
        expectLine("jsonld/note.jsonld:2:", "not valid JSON: a trailing comma before '}'")
        expectLine("jsonld/us-japan-security-treaty.jsonld at /hasPart/0/hasPart/1/text: sentence us-japan-security-treaty.b1.s2 has \"CHANGED")
        // Every line names a file of the dataset first.
        for line in lines {
            #expect(["csv/", "tei/", "jsonld/", "datapackage.json", "manifest.json", "source/"].contains { line.hasPrefix($0) }, "\(line)")
        }

        // `--json`: the same problems, in the same order, each with its stable code and its place as fields.
        let json = try runTool(["validate", "--json", output.path])
        #expect(json.status == 1)
        let objects = try json.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["message"] as? String } == lines)
        func object(_ code: String, _ path: String) -> [String: Any]? {
            objects.first { $0["code"] as? String == code && $0["path"] as? String == path }
        }
        let position = object("table.not-integer", "csv/sentences.csv")
        #expect(position?["row"] as? Int == positionRow && position?["column"] as? String == "position")
        #expect(object("table.not-allowed", "csv/blocks.csv")?["row"] as? Int == kindRow)
        #expect(object("table.dangling-reference", "csv/mentions.csv")?["column"] as? String == "entity_id")
        #expect(object("table.required-value-empty", "csv/documents.csv")?["row"] as? Int == languageRow)
        #expect(object("json.syntax", "jsonld/note.jsonld") != nil)
        #expect(object("tei.invalid", "tei/us-japan-security-treaty.xml") != nil)
        #expect(object("jsonld.mismatch", "jsonld/us-japan-security-treaty.jsonld") != nil)
    }

    /// Sets `column` of the first unquoted data row whose `where` column holds `value`; returns the row number and
    /// the row's id.
    static func setCSV(_ url: URL, column: String, to new: String, where key: String, is value: String) throws -> (row: Int, id: String) {
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        let index = try #require(header.firstIndex(of: column)), keyIndex = try #require(header.firstIndex(of: key))
        let row = try #require((1..<lines.count).first {
            !lines[$0].contains("\"") && lines[$0].components(separatedBy: ",").dropFirst(keyIndex).first == value
        })
        var fields = lines[row].components(separatedBy: ",")
        fields[index] = new
        lines[row] = fields.joined(separator: ",")
        try Data(lines.joined(separator: "\r\n").utf8).write(to: url)
        return (row, fields[0])
    }

    /// `validate` reads `sections.number` and `blocks.marker` back, checks them, and compares them with the TEI
    /// (`head/@n`, `item/@n`) and the JSON-LD (`number`, `marker`).
    @Test func numbersAndMarkersAreCheckedAgainstEveryFormat() throws {
        let folder = try temporaryFolder("validate-labels")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        #expect(try runTool(["build", try goodCorpus(in: folder).path, "--output", output.path]).status == 0)
        let csv = output.appendingPathComponent("data/csv")
        let paragraph = try Self.setCSV(csv.appendingPathComponent("blocks.csv"), column: "marker", to: "(z)",
                                        where: "kind", is: "paragraph")
        let section = try Self.setCSV(csv.appendingPathComponent("sections.csv"), column: "number", to: "9.9",
                                      where: "level", is: "1")

        let run = try runTool(["validate", output.path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        func expectLine(_ prefix: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(lines.contains { $0.hasPrefix(prefix) && $0.contains(text) }, "no line \(prefix)…\(text) in:\n\(run.stdout)",
                    sourceLocation: sourceLocation)
        }
        let document = String(paragraph.id.prefix { $0 != "." })
        expectLine("csv/blocks.csv row \(paragraph.row) (\(paragraph.id)) column marker:", "is set on a block that is not a list item")
        expectLine("tei/\(document).xml:", "@n is absent, the CSV's marker is \"(z)\"")
        expectLine("jsonld/\(document).jsonld at ", "block \(paragraph.id) has no marker (a string), the CSV has \"(z)\"")
        let sectionDocument = String(section.id.prefix { $0 != "." })
        expectLine("tei/\(sectionDocument).xml:", "@n is absent, the CSV's number is \"9.9\"")
        expectLine("jsonld/\(sectionDocument).jsonld at ", "section \(section.id) has no number (a string), the CSV has \"9.9\"")
    }

    @Test func validateRefusesAFolderThatIsNotADataset() throws {
        let folder = try temporaryFolder("validate-none")
        defer { cleanup(folder) }
        let run = try runTool(["validate", folder.path])
        #expect(run.status == 1 && run.isCleanFailure, "\(run)")
        #expect(run.stderr.contains("not a Scriptorium dataset: there is no data/ folder"))
        let missing = try runTool(["validate", folder.appendingPathComponent("nowhere").path])
        #expect(missing.status == 1 && missing.isCleanFailure, "\(missing)")
    }

    @Test func strictJSONProblemsHaveALineAndColumn() throws {
        let folder = try temporaryFolder("validate-json")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        #expect(try runTool(["build", try goodCorpus(in: folder).path, "--output", output.path]).status == 0)
        let cases: [(file: String, bytes: String, expected: String)] = [
            ("datapackage.json", "{\n  \"a\": [1, 2,]\n}", "datapackage.json:2:14: not valid JSON: a trailing comma before ']'"),
            ("context.jsonld", "{\"@context\": {\"a\": 1, \"a\": 2}}", "context.jsonld:1:23: not valid JSON: the key \"a\" appears twice in this object"),
            ("dataset.jsonld", "{\"name\": \"tab\there\"}", "dataset.jsonld:1:14: not valid JSON: a control character (byte 0x9) inside a string must be escaped"),
            ("manifest.json", "{\"n\": 012}", "manifest.json:1:7: not valid JSON: a number may not start with 0"),
        ]
        for (file, bytes, _) in cases {
            try Data(bytes.utf8).write(to: output.appendingPathComponent("data/\(file)"))
        }
        let run = try runTool(["validate", output.path])
        #expect(run.status == 1)
        for (_, _, expected) in cases { #expect(run.stdout.contains(expected + "\n"), "\(expected)\n\(run.stdout)") }
    }
}
