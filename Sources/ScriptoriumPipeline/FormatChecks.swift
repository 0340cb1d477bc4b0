import Foundation
import ScriptoriumHTML
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumTEI
import ScriptoriumValidate

/// `validate`'s checks of the files of one document in every format (`DocumentFormats.all`) against its CSV
/// records, each by the format's own checker (`DocumentFormat.check`, beside its writer), and of the syntax of
/// every JSON file.
enum FormatChecks {
    /// Each format's file of the document, checked by its format. `malformed`: the files `syntax` found not to be
    /// strict JSON (reported there), which are not read again.
    static func documentFiles(_ data: URL, records: DocumentRecords, malformed: Set<String>) -> [DatasetProblem] {
        var problems: [DatasetProblem] = []
        for format in DocumentFormats.all {
            let path = format.path(forDocument: records.document.id)
            if malformed.contains(path) { continue }
            guard let bytes = DatasetValidator.payload(data, path, problems: &problems) else { continue }
            // A format's checker words its problems itself (a TEI line and XPath, a JSON Pointer), naming the file.
            problems += format.check(bytes, path: path, records: records).map { DatasetProblem(code(format), path, .described, $0) }
        }
        return problems
    }

    /// The code of the problems a format's checker finds; a format added without a code of its own reports
    /// `format.mismatch`.
    static func code(_ format: any DocumentFormat.Type) -> ProblemCode {
        switch format.name {
        case TEIFormat.name: .teiInvalid
        case JSONLDFormat.name: .jsonldMismatch
        case HTMLFormat.name: .htmlInvalid
        default: .formatMismatch
        }
    }

    /// Every JSON file of the dataset (`*.json`, `*.jsonld`; not the source copies) is strict JSON: a problem
    /// names the file, line and column, e.g. `jsonld/essay.jsonld:3:17: not valid JSON: ',' or '}' was expected`.
    static func syntax(_ data: URL) -> (problems: [String], malformed: Set<String>) {
        var problems: [String] = []
        var malformed = Set<String>()
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: data.path) else { return ([], []) }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path == OutputLayout.sourceFolder || path.hasPrefix(OutputLayout.sourceFolder + "/") {
                enumerator.skipDescendants()
                continue
            }
            if path.hasSuffix(".json") || path.hasSuffix(".jsonld") { paths.append(path) }
        }
        for path in paths.sorted() {
            guard let bytes = try? RegularFile.bytes(at: data.appendingPathComponent(path).path) else { continue }
            if let problem = JSONSyntax.firstProblem(in: bytes) {
                problems.append("\(path):\(problem.line):\(problem.column): not valid JSON: \(problem.message)")
                malformed.insert(path)
            }
        }
        return (problems, malformed)
    }
}
