import Foundation
import Testing
import ScriptoriumPipeline

/// Ids are unique in the whole dataset: across documents, and between documents, their records and entities.
@Suite struct DatasetIDTests {
    /// `ent.txt` would give its first mention the id `ent.m1`, the id of the entity with lexicon key `m1`.
    @Test func aDocumentNamedLikeTheEntityPrefixCannotTakeAnEntitysID() throws {
        let folder = try temporaryFolder("ids")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let lexicon = #"{"entities": [{"key": "m1", "name": "Mount One", "type": "place"}, {"key": "japan", "name": "Japan", "type": "place"}]}"#
        try Data(lexicon.utf8).write(to: input.appendingPathComponent("lexicon.json"))
        try Data("Notes\n\nJapan signed it.\n".utf8).write(to: input.appendingPathComponent("ent.txt"))
        try Data("Other\n\nMount One is high.\n".utf8).write(to: input.appendingPathComponent("other.txt"))
        let output = folder.appendingPathComponent("out")
        _ = try DatasetBuilder.build(BuildOptions(inputs: [input.path], output: output.path, jobs: 2))

        var ids: [String] = []
        for table in ["documents", "sections", "blocks", "sentences", "mentions", "entities"] {
            ids += try readCSVTable(output.appendingPathComponent("data/csv/\(table).csv")).map { $0["id"]! }
        }
        #expect(Set(ids).count == ids.count, "\(ids)")
        // `ent.txt` is out of plain form (its id would be `ent`), so its id is hashed: `ent_` and 12 hex digits.
        #expect(ids.contains { $0.hasPrefix("ent_") && $0.hasSuffix(".m1") } && ids.contains("ent.m1"))
        #expect(try DatasetValidator.validate(bag: output).problems == [])
    }

    @Test func validateReportsAnIDUsedInTwoTablesAndARepeatedEntityWithoutStopping() throws {
        let folder = try temporaryFolder("ids")
        defer { cleanup(folder) }
        let output = try buildEssay(into: folder)
        let entitiesCSV = output.appendingPathComponent("data/csv/entities.csv")
        var lines = try String(contentsOf: entitiesCSV, encoding: .utf8).components(separatedBy: "\r\n")
        let mentionID = try readCSVTable(output.appendingPathComponent("data/csv/mentions.csv"))[0]["id"]!
        let repeated = lines[1]
        let borrowed = mentionID + "," + repeated.split(separator: ",", maxSplits: 1)[1]
        lines.insert(contentsOf: [repeated, borrowed], at: 2)
        try Data(lines.joined(separator: "\r\n").utf8).write(to: entitiesCSV)

        let problems = try DatasetValidator.validate(bag: output).problems
        #expect(problems.contains { $0.code == .tableDuplicateID && $0.path == "csv/entities.csv" && $0.location == .cell(row: 2, id: nil, column: "id") })
        // Tables are read in name order: the mention comes second.
        let shared = problems.first { $0.code == .tableSharedID }
        #expect(shared?.path == "csv/mentions.csv")
        #expect(shared?.description.hasPrefix("csv/mentions.csv row 1 column id: \(mentionID) is also the id of csv/entities.csv row 3") == true)
    }
}
