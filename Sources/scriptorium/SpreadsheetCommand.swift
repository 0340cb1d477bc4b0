import ArgumentParser
import Foundation
import ScriptoriumPipeline

struct Spreadsheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a dataset's tables for spreadsheets: cells that a spreadsheet would run as formulas are made text.",
        discussion: """
            A cell beginning with =, +, -, @, a tab or a carriage return gets an apostrophe in front, and each file \
            starts with a UTF-8 byte order mark (for Excel). The copies go outside the bag and are not the dataset: \
            its own tables keep every text exactly, for pandas, R, DuckDB and the offsets.
            """)

    @Argument(help: "The dataset folder (a BagIt bag).")
    var directory = "output"

    @Option(name: .shortAndLong, help: "The folder to write the copies into (not inside the bag).")
    var output: String

    func run() throws {
        try reportingErrors {
            let bag = URL(fileURLWithPath: directory).standardizedFileURL
            let target = URL(fileURLWithPath: output).standardizedFileURL
            if (target.path + "/").hasPrefix(bag.path + "/") {
                throw ValidationError("--output must be outside the dataset (the bag's manifests list every file in it)")
            }
            let counts = try SpreadsheetCopy.write(bag: bag, to: target)
            let guarded = counts.filter { $0.guarded > 0 }.map { "\($0.guarded) in \($0.table)" }
            Terminal.note("wrote \(counts.count) tables to \(output); cells made text: \(guarded.isEmpty ? "none" : guarded.joined(separator: ", "))")
        }
    }
}
