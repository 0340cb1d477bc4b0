import ArgumentParser
import Foundation
import ScriptoriumPipeline

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-read a built dataset and check every file and record against its schema and the other formats.",
        discussion: "Prints one line per problem (file, table, row, column) and exits 1 if there is any.")

    @Argument(help: "The dataset folder.")
    var directory = "output"

    func run() throws {
        try reportingErrors {
            let report = try DatasetValidator.validate(bag: URL(fileURLWithPath: directory))
            for problem in report.problems { print(problem) }
            if !report.problems.isEmpty {
                Terminal.error("\(directory): \(report.problems.count) problem(s)")
                throw ExitCode(1)
            }
            print("ok: \(report.summary)")
        }
    }
}
