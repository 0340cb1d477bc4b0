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
        if PathOrder.same(path, url.path) { return shownPath }
        let rootPath = Array((root.path.hasSuffix("/") ? root.path : root.path + "/").utf8)
        let relative = Array(relativePath.utf8), shownBytes = Array(shownPath.utf8), bytes = Array(path.utf8)
        guard bytes.starts(with: rootPath), shownBytes.count >= relative.count,
              shownBytes[(shownBytes.count - relative.count)...].elementsEqual(relative) else { return path }
        return String(decoding: shownBytes.dropLast(relative.count) + bytes.dropFirst(rootPath.count), as: UTF8.self)
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

/// Turns the PATHs of `scriptorium build` into the list of documents, sorted by the bytes of their relative paths
/// so that every run sees the same order. Folders are walked recursively; only `.txt` and `.md` files are
/// documents; hidden files and the metadata files (`dataset.json`, `lexicon.json`, `*.meta.json`) are not.
///
/// What is refused, each by name (a build fails, `--keep-going` skips it):
/// - what is not a regular file: a named pipe or a device would block or never end;
/// - a symbolic link, file or folder, at any depth, whose target lies outside the input root (the real path of
///   the folder given, or of a named file's folder): it would publish that file, or everything under that
///   folder, in `data/source/`. Links inside the root are followed, and loops detected;
/// - a path the bag cannot carry faithfully (`NameCheck`): not UTF-8, or holding a backslash, `%`, CR, LF or
///   another control character.
///
/// Names are read as bytes (`readdir`), compared and sorted as bytes: two names that are canonically equivalent
/// Unicode (`café` in NFC and NFD) are two files on Linux, and two documents.
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
        var found: [(document: InputDocument, real: [UInt8])] = []
        var problems: [SkippedInput] = []
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            switch FileKind.of(url.path) {
            case .missing(let reason):
                problems.append(SkippedInput(source: path, error: ScriptoriumError(.input, path: path, reason)))
            case .folder:
                guard let rootReal = RawPath.real(Array(url.path.utf8)) else {
                    problems.append(SkippedInput(source: path, error: ScriptoriumError(.input, path: path, "cannot be reached")))
                    continue
                }
                var walker = Walker(root: url, rootReal: rootReal, shown: path)
                walker.walk(Array(url.path.utf8), relative: [])
                found += walker.documents
                problems += walker.problems
            case .other(let what):
                problems.append(SkippedInput(source: url.lastPathComponent,
                                             error: ScriptoriumError(.input, path: path, "is \(what), not a text file")))
            case .file:
                let name = url.lastPathComponent
                func refuse(_ message: String) {
                    problems.append(SkippedInput(source: NameCheck.shown(Array(name.utf8)),
                                                 error: ScriptoriumError(.input, path: path, message)))
                }
                if let problem = NameCheck.problem(Array(name.utf8)) {
                    refuse(problem)
                    continue
                }
                let folder = url.deletingLastPathComponent()
                guard let real = RawPath.real(Array(url.path.utf8)), let folderReal = RawPath.real(Array(folder.path.utf8)),
                      RawPath.isInside(real, folderReal) else {
                    refuse("is a symbolic link to a file outside the input folder (\(NameCheck.shown(RawPath.real(Array(url.path.utf8)) ?? [])))")
                    continue
                }
                guard access(url.path, R_OK) == 0 else {
                    refuse("cannot be read (permission denied)")
                    continue
                }
                found.append((InputDocument(url: url, relativePath: name, root: folder, shownPath: path), real))
            }
        }
        // One file reached twice (named twice, or through a link inside the root) is one document.
        var seen = Set<[UInt8]>()
        var documents = found.filter { seen.insert($0.real).inserted }.map(\.document).sorted {
            PathOrder.same($0.relativePath, $1.relativePath) ? PathOrder.less($0.root.path, $1.root.path)
                : PathOrder.less($0.relativePath, $1.relativePath)
        }
        problems += refuseNormalisationTwins(&documents)
        return (documents, problems)
    }

    /// Paths that are different bytes but the same text once Unicode-normalised (`café.txt` in NFC and in NFD)
    /// are two files here, but one name to BagIt tools (bagit-python compares normalised names and rejects the
    /// bag), to macOS and to Windows, and to any reader of the dataset. Neither is chosen over the other: both
    /// are refused, each naming the other, so nothing is dropped without a word and no bag is published that an
    /// archive would reject.
    static func refuseNormalisationTwins(_ documents: inout [InputDocument]) -> [SkippedInput] {
        // Swift's String equality is canonical equivalence: exactly the names that normalise alike.
        var byText: [String: [Int]] = [:]
        for (i, document) in documents.enumerated() { byText[document.relativePath, default: []].append(i) }
        var refused = Set<Int>()
        var problems: [SkippedInput] = []
        for group in byText.values where group.count > 1 {
            // The names look alike, so each is said with its form: "café.txt (NFD)".
            func form(_ i: Int) -> String {
                let path = documents[i].relativePath
                return PathOrder.same(path, path.precomposedStringWithCanonicalMapping) ? "NFC"
                    : PathOrder.same(path, path.decomposedStringWithCanonicalMapping) ? "NFD" : "mixed normalisation"
            }
            func named(_ i: Int) -> String { "\(NameCheck.shown(Array(documents[i].relativePath.utf8))) (\(form(i)))" }
            for i in group {
                let others = group.filter { $0 != i }.map(named)
                let document = documents[i]
                problems.append(SkippedInput(source: NameCheck.shown(Array(document.relativePath.utf8)), error: ScriptoriumError(
                    .input, path: document.shownPath ?? document.url.path,
                    "its name, written in \(form(i)), differs from \(others.joined(separator: ", ")) only in Unicode normalisation; BagIt tools, macOS and Windows read them as one name: rename one of them")))
                refused.insert(i)
            }
        }
        documents = documents.enumerated().filter { !refused.contains($0.offset) }.map(\.element)
        return problems.sorted { PathOrder.less($0.source, $1.source) }
    }

    static func isDocument(_ name: String) -> Bool { isDocument(Array(name.utf8)) }

    /// A `.txt` or `.md` file (any case) that is not hidden and not a sidecar, by the bytes of its name.
    static func isDocument(_ name: [UInt8]) -> Bool {
        guard name.first != UInt8(ascii: "."), !name.reversed().starts(with: ".meta.json".utf8.reversed()),
              let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let ext = String(decoding: name[(dot + 1)...].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        return documentExtensions.contains(ext)
    }

    /// One folder given on the command line, walked.
    private struct Walker {
        let root: URL
        /// The root's real path (every link resolved): nothing outside it is read.
        let rootReal: [UInt8]
        /// The root as the user named it.
        let shown: String
        var documents: [(document: InputDocument, real: [UInt8])] = []
        var problems: [SkippedInput] = []
        /// Real paths of the folders being read (a folder met again inside itself is a loop).
        var visited = Set<[UInt8]>()

        mutating func problem(_ relative: [UInt8], _ message: String) {
            let rel = NameCheck.shown(relative)
            problems.append(SkippedInput(source: rel.isEmpty ? shown : rel,
                                         error: ScriptoriumError(.input, path: shownPath(rel), message)))
        }

        func shownPath(_ relative: String) -> String {
            relative.isEmpty ? shown : (shown.hasSuffix("/") ? shown + relative : "\(shown)/\(relative)")
        }

        mutating func walk(_ dir: [UInt8], relative: [UInt8]) {
            guard let real = RawPath.real(dir) else {
                problem(relative, "cannot be reached")
                return
            }
            guard visited.insert(real).inserted else {
                problem(relative, "a symbolic link loop (this folder was already read)")
                return
            }
            defer { visited.remove(real) }
            var code: Int32 = 0
            guard let names = RawPath.names(in: dir, error: &code) else {
                problem(relative, "cannot read the folder (\(String(cString: strerror(code))))")
                return
            }
            for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) where name.first != UInt8(ascii: ".") {
                let path = dir + [UInt8(ascii: "/")] + name
                let rel = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
                let isDocument = InputCollector.isDocument(name)
                let kind = FileKind.of(path)
                if isDocument, kind == .file, let bad = NameCheck.problem(rel) {
                    problem(rel, bad)
                    continue
                }
                if RawPath.isLink(path), let target = RawPath.real(path), !RawPath.isInside(target, rootReal) {
                    // Only what would be read is worth a word: a document, or a folder (whatever is under it).
                    if kind == .folder || isDocument {
                        let what = kind == .folder ? "folder" : "file"
                        problem(rel, "is a symbolic link to a \(what) outside the input folder (\(NameCheck.shown(target)))")
                    }
                    continue
                }
                switch kind {
                case .missing(let reason):
                    // Only a dangling link gets here (the name was just listed): worth a word if it looks like a document.
                    if isDocument || reason.contains("loop") { problem(rel, reason) }
                case .folder:
                    if isDocument {
                        problem(rel, "is a folder, not a text file")
                        continue
                    }
                    walk(path, relative: rel)
                case .other(let what):
                    if isDocument { problem(rel, "is \(what), not a text file") }
                case .file:
                    guard isDocument else { continue }
                    guard RawPath.withCString(path, { access($0, R_OK) }) == 0 else {
                        problem(rel, "cannot be read (permission denied)")
                        continue
                    }
                    // Every part of the path is UTF-8 here (`NameCheck`), so the strings hold its exact bytes.
                    let relString = String(decoding: rel, as: UTF8.self)
                    let url = URL(fileURLWithPath: String(decoding: path, as: UTF8.self))
                    documents.append((InputDocument(url: url, relativePath: relString, root: root,
                                                    shownPath: shownPath(relString)),
                                      RawPath.real(path) ?? path))
                }
            }
        }
    }
}

/// The names a bag cannot carry faithfully. A payload path is written into `manifest-sha256.txt`, which
/// `sha256sum -c`, bagit-python and `scriptorium verify` must all read back to the same bytes: a backslash makes
/// `sha256sum` write an escaped line (and BagIt tools take it as a character, or a Windows separator); `%` is
/// how BagIt escapes CR and LF, so a name holding `%0A` reads back as a line break; CR, LF and other control
/// characters break or disguise lines; a name that is not UTF-8 cannot be written in a UTF-8 manifest (nor in
/// the CSV, JSON or TEI) at all. Such inputs are refused by name, before anything is read.
enum NameCheck {
    /// Why `relative` (a `/`-separated path, as bytes) cannot go into the bag, or nil when it can.
    static func problem(_ relative: [UInt8]) -> String? {
        let components = relative.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (k, component) in components.enumerated().reversed() {
            guard let why = problem(component: Array(component)) else { continue }
            return k == components.count - 1
                ? "the name \(why); rename the file"
                : "the name of its folder \(shown(Array(component))) \(why); rename the folder"
        }
        return nil
    }

    /// What is wrong with one name ("contains a backslash, …"), or nil.
    static func problem(component: [UInt8]) -> String? {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = component.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                if encoded.count == 1, let why = problem(ascii: encoded.first!) { return why }
                offset += encoded.count
            case .error:
                return String(format: "is not valid UTF-8 (byte 0x%02X at byte %d)", component[offset], offset)
            case .emptyInput:
                return nil
            }
        }
    }

    private static func problem(ascii b: UInt8) -> String? {
        switch b {
        case UInt8(ascii: "\\"): return "contains a backslash, which BagIt and sha256sum read differently"
        case UInt8(ascii: "%"): return "contains a percent sign, which BagIt manifests read as the start of an escape (%0A)"
        case 0x0A: return "contains a line break (LF), which would split its line in the manifests"
        case 0x0D: return "contains a carriage return (CR), which would split its line in the manifests"
        case 0x00..<0x20, 0x7F: return String(format: "contains a control character (U+%04X), which the manifests cannot carry", b)
        default: return nil
        }
    }

    /// A name for messages, on one line: control characters and bytes that are not UTF-8 written as `\xHH`
    /// (`\n`, `\r`, `\t` for the common ones).
    static func shown(_ bytes: [UInt8]) -> String {
        var out = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        func hex(_ b: UInt8) -> String { String(format: "\\x%02X", b) }
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                switch scalar.value {
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x00..<0x20, 0x7F: out += hex(UInt8(scalar.value))
                default: out.unicodeScalars.append(scalar)
                }
                offset += encoded.count
            case .error(let length):
                for k in 0..<length { out += hex(bytes[offset + k]) }
                offset += length
            case .emptyInput:
                break loop
            }
        }
        return out
    }
}

/// File system calls on paths as bytes (a name need not be UTF-8).
enum RawPath {
    static func withCString<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
        }
    }

    /// realpath(3): every link resolved; nil when the path cannot be resolved.
    static func real(_ path: [UInt8]) -> [UInt8]? {
        withCString(path) { c in
            guard let resolved = realpath(c, nil) else { return nil }
            defer { free(resolved) }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self),
                                             count: strlen(resolved)))
        }
    }

    /// True when the real path `path` is `folder` or lies below it (both real paths).
    static func isInside(_ path: [UInt8], _ folder: [UInt8]) -> Bool {
        if path == folder { return true }
        let prefix = folder.last == UInt8(ascii: "/") ? folder : folder + [UInt8(ascii: "/")]
        return path.starts(with: prefix)
    }

    /// readlink(2): what a link points to, as written in it.
    static func linkTarget(_ path: [UInt8]) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = withCString(path) { c in buffer.withUnsafeMutableBufferPointer { readlink(c, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), $0.count) } }
        return n < 0 ? nil : Array(buffer[..<n])
    }

    static func isLink(_ path: [UInt8]) -> Bool {
        var info = stat()
        return withCString(path) { lstat($0, &info) } == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The names in a folder (without `.` and `..`), as bytes; nil, with `error` set to errno, when it cannot be read.
    static func names(in dir: [UInt8], error: inout Int32) -> [[UInt8]]? {
        guard let handle = withCString(dir, { opendir($0) }) else {
            error = errno
            return nil
        }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        errno = 0
        while let entry = readdir(handle) {
            let name: [UInt8] = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                return Array(bytes.prefix(while: { $0 != 0 }))
            }
            if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
        }
        if errno != 0 {
            error = errno
            return nil
        }
        return names
    }
}

/// What a path is, following symbolic links, with the reason when it cannot be reached.
enum FileKind: Equatable {
    case file
    case folder
    /// A named pipe, socket or device: reading it could block or never end.
    case other(String)
    case missing(String)

    static func of(_ path: String) -> FileKind { of(Array(path.utf8)) }

    static func of(_ path: [UInt8]) -> FileKind {
        var info = stat()
        if RawPath.withCString(path, { stat($0, &info) }) != 0 {
            let code = errno
            let isLink = RawPath.isLink(path)
            switch code {
            case ELOOP: return .missing("a symbolic link loop")
            case ENOENT where isLink:
                let target = RawPath.linkTarget(path).map(NameCheck.shown) ?? "?"
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
