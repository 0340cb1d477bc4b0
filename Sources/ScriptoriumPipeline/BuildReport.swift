import Foundation
import ScriptoriumBag
import ScriptoriumModel

/// `data/build.json`, the build report, written by a `--keep-going` build: how many documents went in and every input that
/// was skipped, with its reason. It is a payload file like any other (data package, manifest, bag), and holds no
/// clock time or machine path, so the same inputs still give the same bytes.
///
/// ```json
/// { "documents": 2, "keep_going": true,
///   "skipped": [ { "reason": "not valid UTF-8: invalid byte 0xFF at byte offset 2 (line 1, column 3)",
///                  "source": "latin1.txt" } ] }
/// ```
public enum BuildReport {
    /// (Not `…report.json`: Frictionless tools take a file of that name for one of their own validation reports.)
    public static let path = "build.json"

    static func bytes(documents: Int, skipped: [SkippedInput]) throws -> [UInt8] {
        let entries = skipped.sorted {
            PathOrder.same($0.source, $1.source) ? $0.error.message < $1.error.message : PathOrder.less($0.source, $1.source)
        }
            .map { ["source": $0.source, "reason": $0.error.message] }
        let object: [String: Any] = ["documents": documents, "keep_going": true, "skipped": entries]
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            + [0x0A]
    }

    static func write(documents: Int, skipped: [SkippedInput], layout: OutputLayout) throws -> PayloadFile {
        try HashingFileWriter.write(try bytes(documents: documents, skipped: skipped), to: layout.url(path), path: path,
                                    mediaType: "application/json", format: "json", records: skipped.count)
    }

    /// What one document's failure means for the build. A problem of the input (or of the records made from it)
    /// skips that document; a failure to write ends the whole build, since no later file can be trusted either.
    static func skipped(_ error: Error, input: InputDocument) throws -> [SkippedInput] {
        func skip(_ e: ScriptoriumError) -> SkippedInput {
            SkippedInput(source: input.relativePath, error: ScriptoriumError(e.kind, path: input.shown(e.path), oneLine(e.message)))
        }
        switch error {
        case let e as ScriptoriumError where e.kind == .output:
            throw e
        case let e as ScriptoriumError:
            return [skip(e)]
        case let e as InputProblems:
            return e.problems.map(skip)
        case let e as NSError where e.domain == NSCocoaErrorDomain || e.domain == NSPOSIXErrorDomain:
            // Foundation's file errors here come from writing into the staging folder.
            throw ScriptoriumError.writeFailure(path: "", "cannot write", reason: AtomicOutput.reason(e))
        default:
            return [SkippedInput(source: input.relativePath,
                                 error: ScriptoriumError(.input, path: input.shownPath ?? input.url.path, oneLine("\(error)")))]
        }
    }

    /// A message on one line: later lines are joined with "; " (a report line is one line).
    static func oneLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.dropFirst().reduce(lines.first ?? "") { $0 + ($0.hasSuffix(":") ? " " : "; ") + $1 }
    }
}
