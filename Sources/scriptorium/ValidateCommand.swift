import ArgumentParser
import Foundation
import ScriptoriumPipeline

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-read a built dataset and check every file and record against its schema and the other formats.",
        discussion: """
            Prints one line per problem (file, table, row, column) and exits 1 if there is any. With --json, each \
            problem is one JSON object per line instead (code, path, row, id, column, message, expected, found), \
            and nothing else goes to stdout.
            """)

    @Argument(help: "The dataset folder.")
    var directory = "output"

    @Flag(help: "Print each problem as a JSON object on its own line (JSON Lines), with its stable code.")
    var json = false

    func run() throws {
        try reportingErrors {
            let report = try DatasetValidator.validate(bag: URL(fileURLWithPath: directory))
            try reportFindings(report.problems.map { json ? Self.jsonLine($0) : $0.description }, in: directory,
                               failed: "\(report.problems.count) problem(s)", ok: json ? nil : "ok: \(report.summary)")
        }
    }

    /// One problem as a JSON object on one line; keys without a value are left out.
    static func jsonLine(_ problem: DatasetProblem) -> String {
        var object: [String: Any] = ["code": problem.code.rawValue, "path": problem.path, "message": problem.description]
        if case .cell(let row, let id, let column) = problem.location {
            object["row"] = row
            object["id"] = id
            object["column"] = column
        } else if case .row(let row) = problem.location {
            object["row"] = row
        }
        object["expected"] = problem.expected
        object["found"] = problem.found
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
