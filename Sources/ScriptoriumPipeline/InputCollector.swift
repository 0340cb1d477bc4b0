import Foundation
import ScriptoriumModel

/// One input document: where it is, and the path the dataset records for it.
public struct InputDocument: Sendable, Equatable {
    public var url: URL
    /// Path relative to its input root, `/`-separated: the `source` column, and its place under data/source/.
    public var relativePath: String
    /// The folder the relative path starts from (for a file given by name, its folder).
    public var root: URL
    /// The path as the user named it (the PATH given on the command line, plus the path below it), for messages.
    public var shownPath: String? = nil

    /// `path` (a file beside or below this document's root, as an absolute path) as the user would name it:
    /// the root as given on the command line, then the rest. Other paths are returned unchanged.
    public func shown(_ path: String) -> String {
        guard let shownPath else { return path }
        if path == url.path { return shownPath }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard path.hasPrefix(rootPath), shownPath.hasSuffix(relativePath) else { return path }
        let shownRoot = shownPath.dropLast(relativePath.count)
        return String(shownRoot + path.dropFirst(rootPath.count))
    }
}

/// An input that cannot be used, with the reason: a build fails on any (listing every one), or, with
/// `--keep-going`, skips them and lists them in `data/build.json`.
public struct SkippedInput: Sendable, Equatable {
    /// The path relative to the input root (like `documents.source`), or the PATH as given when it is not below one.
    public var source: String
    /// The problem, naming the path as the user gave it.
    public var error: ScriptoriumError

    public init(source: String, error: ScriptoriumError) {
        self.source = source
        self.error = error
    }
}

/// Turns the PATHs of `scriptorium build` into the list of documents, sorted so that every run sees the same
/// order. Folders are walked recursively (symbolic links followed once, loops detected); only `.txt` and `.md`
/// files are documents; hidden files and the metadata files (`dataset.json`, `lexicon.json`, `*.meta.json`)
/// are not. A document must be a regular file: a named pipe or a device would block or never end.
public enum InputCollector {
    public static let documentExtensions: Set<String> = ["txt", "md"]

    /// The documents; throws `InputProblems` listing every path that cannot be used.
    public static func collect(_ paths: [String]) throws -> [InputDocument] {
        let found = gather(paths)
        if !found.skipped.isEmpty { throw InputProblems(found.skipped.map(\.error)) }
        return found.documents
    }

    /// The documents, and every path that cannot be used with its reason (for `--keep-going`).
    public static func gather(_ paths: [String]) -> (documents: [InputDocument], skipped: [SkippedInput]) {
        var documents: [InputDocument] = []
        var problems: [SkippedInput] = []
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            switch FileKind.of(url.path) {
            case .missing(let reason):
                problems.append(SkippedInput(source: path, error: ScriptoriumError(.input, path: path, reason)))
            case .folder:
                var visited = Set<String>()
                walk(url, root: url, shown: path, relative: "", visited: &visited, into: &documents, problems: &problems)
            case .other(let what):
                problems.append(SkippedInput(source: url.lastPathComponent,
                                             error: ScriptoriumError(.input, path: path, "is \(what), not a text file")))
            case .file:
                guard FileManager.default.isReadableFile(atPath: url.path) else {
                    problems.append(SkippedInput(source: url.lastPathComponent,
                                                 error: ScriptoriumError(.input, path: path, "cannot be read (permission denied)")))
                    continue
                }
                documents.append(InputDocument(url: url, relativePath: url.lastPathComponent,
                                               root: url.deletingLastPathComponent(), shownPath: path))
            }
        }
        var seen = Set<String>()
        documents = documents.filter { seen.insert($0.url.resolvingSymlinksInPath().path).inserted }
        return (documents.sorted { ($0.relativePath, $0.root.path) < ($1.relativePath, $1.root.path) }, problems)
    }

    static func isDocument(_ name: String) -> Bool {
        guard !name.hasPrefix("."), !name.hasSuffix(".meta.json"), let dot = name.lastIndex(of: ".") else { return false }
        return documentExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static func walk(_ dir: URL, root: URL, shown: String, relative: String, visited: inout Set<String>,
                             into documents: inout [InputDocument], problems: inout [SkippedInput]) {
        func problem(_ rel: String, _ message: String) {
            problems.append(SkippedInput(source: rel.isEmpty ? shown : rel,
                                         error: ScriptoriumError(.input, path: shownPath(shown, rel), message)))
        }
        let fm = FileManager.default
        let real = dir.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            problem(relative, "a symbolic link loop (this folder was already read)")
            return
        }
        defer { visited.remove(real) }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: dir.path)
        } catch {
            problem(relative, "cannot read the folder (\(AtomicOutput.reason(error)))")
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            let rel = relative.isEmpty ? name : "\(relative)/\(name)"
            switch FileKind.of(url.path) {
            case .missing(let reason):
                // Only a dangling link gets here (the name was just listed): worth a word if it looks like a document.
                if isDocument(name) || reason.contains("loop") { problem(rel, reason) }
            case .folder:
                if isDocument(name) {
                    problem(rel, "is a folder, not a text file")
                    continue
                }
                walk(url, root: root, shown: shown, relative: rel, visited: &visited, into: &documents, problems: &problems)
            case .other(let what):
                if isDocument(name) { problem(rel, "is \(what), not a text file") }
            case .file:
                guard isDocument(name) else { continue }
                guard fm.isReadableFile(atPath: url.path) else {
                    problem(rel, "cannot be read (permission denied)")
                    continue
                }
                documents.append(InputDocument(url: url, relativePath: rel, root: root, shownPath: shownPath(shown, rel)))
            }
        }
    }

    private static func shownPath(_ shown: String, _ relative: String) -> String {
        relative.isEmpty ? shown : (shown.hasSuffix("/") ? shown + relative : "\(shown)/\(relative)")
    }
}

/// What a path is, following symbolic links, with the reason when it cannot be reached.
enum FileKind: Equatable {
    case file
    case folder
    /// A named pipe, socket or device: reading it could block or never end.
    case other(String)
    case missing(String)

    static func of(_ path: String) -> FileKind {
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            var link = stat()
            let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
            switch code {
            case ELOOP: return .missing("a symbolic link loop")
            case ENOENT where isLink:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                return .missing("a broken symbolic link (to \(target), which does not exist)")
            case ENOENT: return .missing("no such file or folder")
            case ENOTDIR: return .missing("no such file or folder (a part of the path is a file)")
            default: return .missing("cannot be reached (\(String(cString: strerror(code))))")
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFIFO: return .other("a named pipe")
        case S_IFSOCK: return .other("a socket")
        case S_IFCHR, S_IFBLK: return .other("a device")
        default: return .other("not a regular file")
        }
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
