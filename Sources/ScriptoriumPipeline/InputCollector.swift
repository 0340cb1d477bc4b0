import Foundation
import ScriptoriumModel

/// One input document: where it is, and the path the dataset records for it.
public struct InputDocument: Sendable, Equatable {
    public var url: URL
    /// Path relative to its input root, `/`-separated: the `source` column, and its place under data/source/.
    public var relativePath: String
    /// The folder the relative path starts from (for a file given by name, its folder).
    public var root: URL
}

/// Turns the PATHs of `scriptorium build` into the list of documents, sorted so that every run sees the same
/// order. Folders are walked recursively (symbolic links followed once, loops detected); only `.txt` and `.md`
/// files are documents; hidden files and the metadata files (`dataset.json`, `lexicon.json`, `*.meta.json`)
/// are not.
public enum InputCollector {
    public static let documentExtensions: Set<String> = ["txt", "md"]

    public static func collect(_ paths: [String]) throws -> [InputDocument] {
        var documents: [InputDocument] = []
        var problems: [ScriptoriumError] = []
        let fm = FileManager.default
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
                problems.append(ScriptoriumError(.input, path: path, "no such file or folder"))
                continue
            }
            if isDir.boolValue {
                var visited = Set<String>()
                walk(url, root: url, shown: path, relative: "", visited: &visited, into: &documents, problems: &problems)
            } else {
                guard fm.isReadableFile(atPath: url.path) else {
                    problems.append(ScriptoriumError(.input, path: path, "cannot be read (permission denied)"))
                    continue
                }
                documents.append(InputDocument(url: url, relativePath: url.lastPathComponent, root: url.deletingLastPathComponent()))
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        var seen = Set<String>()
        documents = documents.filter { seen.insert($0.url.resolvingSymlinksInPath().path).inserted }
        return documents.sorted { ($0.relativePath, $0.root.path) < ($1.relativePath, $1.root.path) }
    }

    static func isDocument(_ name: String) -> Bool {
        guard !name.hasPrefix("."), !name.hasSuffix(".meta.json"), let dot = name.lastIndex(of: ".") else { return false }
        return documentExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static func walk(_ dir: URL, root: URL, shown: String, relative: String, visited: inout Set<String>,
                             into documents: inout [InputDocument], problems: inout [ScriptoriumError]) {
        let fm = FileManager.default
        let real = dir.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            problems.append(ScriptoriumError(.input, path: shownPath(shown, relative), "a symbolic link loop (this folder was already read)"))
            return
        }
        defer { visited.remove(real) }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: dir.path)
        } catch {
            problems.append(ScriptoriumError(.input, path: shownPath(shown, relative), "cannot read the folder"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            let rel = relative.isEmpty ? name : "\(relative)/\(name)"
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
                if (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil {
                    problems.append(ScriptoriumError(.input, path: shownPath(shown, rel), "a broken symbolic link or a link loop"))
                }
                continue
            }
            if isDir.boolValue {
                if isDocument(name) {
                    problems.append(ScriptoriumError(.input, path: shownPath(shown, rel), "is a folder, not a text file"))
                    continue
                }
                walk(url, root: root, shown: shown, relative: rel, visited: &visited, into: &documents, problems: &problems)
            } else if isDocument(name) {
                documents.append(InputDocument(url: url, relativePath: rel, root: root))
            }
        }
    }

    private static func shownPath(_ shown: String, _ relative: String) -> String {
        relative.isEmpty ? shown : (shown.hasSuffix("/") ? shown + relative : "\(shown)/\(relative)")
    }
}

/// Several input problems at once: a build reports every bad input, not only the first.
public struct InputProblems: Error, CustomStringConvertible, Sendable {
    public var problems: [ScriptoriumError]

    public init(_ problems: [ScriptoriumError]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
