import ArgumentParser
import Foundation
import ScriptoriumModel
import ScriptoriumPipeline

@main
struct Scriptorium: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scriptorium",
        abstract: "Turns prose documents into a validated, checksummed open dataset (CSV, JSON-LD, TEI, BagIt).",
        discussion: """
            Exit status: 0 success; 1 bad input, a failed build (nothing written), or a dataset that fails \
            validate/verify; 3 a --keep-going build that skipped some inputs; 64 wrong usage.
            """,
        version: "\(ScriptoriumInfo.name) \(ScriptoriumInfo.version)",
        subcommands: [Build.self, Validate.self, Verify.self, Sentences.self, Outline.self, Merge.self, Spreadsheet.self])

    /// Memory and signals are set up before anything else runs, and before any thread starts: see
    /// `MemoryLimit` and `Interruption`.
    static func main() {
        MemoryLimit.adapt()
        Interruption.install()
        main(nil)
    }
}

/// Runs `body`, turning every error into one clear message on stderr and exit status 1 (never a stack trace).
/// A message that spans several lines is put on one (each problem is one line, whatever produced it).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as InputProblems {
        for problem in error.problems { Terminal.error(oneLine(problem.description)) }
        if error.problems.count > 1 { Terminal.error("\(error.problems.count) problems; nothing was written") }
        throw ExitCode(1)
    } catch let error as ScriptoriumError {
        Terminal.error(oneLine(error.description))
        throw ExitCode(1)
    } catch {
        Terminal.error(oneLine("\(error)"))
        throw ExitCode(1)
    }
}

/// How `validate` and `verify` end: each finding on its own line on stdout; then, when there was any, a count on
/// stderr (`failed`, after the folder's name) and exit status 1, and otherwise the `ok` line on stdout.
func reportFindings(_ lines: [String], in directory: String, failed: String, ok: String?) throws {
    for line in lines { print(line) }
    if !lines.isEmpty {
        Terminal.error("\(directory): \(failed)")
        throw ExitCode(1)
    }
    if let ok { print(ok) }
}

func oneLine(_ message: String) -> String {
    let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    return lines.dropFirst().reduce(lines.first ?? "") { $0 + ($0.hasSuffix(":") ? " " : "; ") + $1 }
}

enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) == 1

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("scriptorium: error: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("scriptorium: warning: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("scriptorium: \(message)\n".utf8))
    }

    /// A progress line, overwritten in place; shown only when stderr is a terminal.
    static func progress(_ message: String) {
        guard isInteractive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8))
    }
}
