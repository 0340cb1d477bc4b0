import Foundation
import ScriptoriumModel

/// Fixity of a bag: recomputes every checksum in the payload and tag manifests and compares the files on disk
/// with what the manifests list. Reports every problem, not the first.
public enum BagVerifier {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case modified, missing, extra, malformed
        }

        public var kind: Kind
        public var path: String
        public var detail: String

        public var description: String { "\(kind.rawValue): \(path)\(detail.isEmpty ? "" : " (\(detail))")" }
    }

    public struct Report: Sendable {
        public var findings: [Finding]
        public var filesChecked: Int
        public var isValid: Bool { findings.isEmpty }
    }

    /// Checks the bag at `bag`. Throws only when it is not a bag at all (no such folder, or neither `bagit.txt`
    /// nor `manifest-sha256.txt`); everything else is a finding, and every finding is reported.
    public static func verify(bag: URL) throws -> Report {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: bag.path, isDirectory: &isDir) else {
            throw ScriptoriumError(.dataset, path: bag.path, "no such folder")
        }
        guard isDir.boolValue else { throw ScriptoriumError(.dataset, path: bag.path, "is a file, not a bag (a folder)") }
        let hasBagit = fm.fileExists(atPath: bag.appendingPathComponent("bagit.txt").path)
        let hasManifest = fm.fileExists(atPath: bag.appendingPathComponent("manifest-sha256.txt").path)
        guard hasBagit || hasManifest else {
            throw ScriptoriumError(.dataset, path: bag.path, "not a BagIt bag: there is no bagit.txt and no manifest-sha256.txt")
        }
        var findings: [Finding] = []
        if hasBagit {
            findings += checkBagitFile(bag.appendingPathComponent("bagit.txt"))
        } else {
            findings.append(Finding(kind: .missing, path: "bagit.txt", detail: "every bag has one, with BagIt-Version and Tag-File-Character-Encoding"))
        }
        var checked = 0
        let root = realPath(bag)
        var payload: [String] = []
        if hasManifest {
            payload = check(manifest: "manifest-sha256.txt", in: bag, root: root, findings: &findings, checked: &checked)
            for path in payload where !path.hasPrefix("data/") {
                findings.append(Finding(kind: .malformed, path: "manifest-sha256.txt", detail: "\(path) is not under data/"))
            }
        } else {
            findings.append(Finding(kind: .missing, path: "manifest-sha256.txt", detail: "the payload manifest: no payload file can be checked"))
        }
        if fm.fileExists(atPath: bag.appendingPathComponent("tagmanifest-sha256.txt").path) {
            _ = check(manifest: "tagmanifest-sha256.txt", in: bag, root: root, findings: &findings, checked: &checked)
        }
        if hasManifest {
            // Every file under data/ must be listed.
            let listed = Set(payload.map(PathOrder.key))
            var present: [String] = []
            if let finding = payloadFolderProblem(bag) {
                findings.append(finding)
            } else {
                present = filesBelow(bag.appendingPathComponent("data"), prefix: "data")
            }
            for path in present where !listed.contains(PathOrder.key(path)) {
                findings.append(Finding(kind: .extra, path: path, detail: "not in manifest-sha256.txt"))
            }
            // The Oxum differs whenever a payload file does; say so only when nothing else explains it.
            let payloadFindings = findings.contains { $0.path.hasPrefix("data/") }
            if !payloadFindings, let finding = checkPayloadOxum(bag, files: present) { findings.append(finding) }
        }
        // A tag file's problem is said once (bagit.txt is both required and listed in the tag manifest).
        var missing = Set<String>()
        var said = Set<String>()
        findings = findings.filter { $0.kind == .missing ? missing.insert($0.path).inserted : said.insert($0.description).inserted }
        return Report(findings: findings.sorted {
            PathOrder.same($0.path, $1.path) ? ($0.kind.rawValue, $0.detail) < ($1.kind.rawValue, $1.detail) : PathOrder.less($0.path, $1.path)
        },
                      filesChecked: checked)
    }

    /// `bagit.txt` (RFC 8493 §2.1.1): exactly `BagIt-Version: M.N` and `Tag-File-Character-Encoding: ENCODING`.
    static func checkBagitFile(_ url: URL) -> [Finding] {
        let text: String
        switch readText(url) {
        case .text(let read): text = read
        case .problem(let problem): return [Finding(kind: .malformed, path: "bagit.txt", detail: problem)]
        }
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map(String.init)
        var findings: [Finding] = []
        if lines.count != 2 {
            findings.append(Finding(kind: .malformed, path: "bagit.txt", detail: "has \(lines.count) lines, expected 2 (BagIt-Version and Tag-File-Character-Encoding)"))
        }
        let version = lines.first.flatMap { $0.hasPrefix("BagIt-Version: ") ? String($0.dropFirst(15)) : nil }
        if let version {
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count != 2 || !parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
                findings.append(Finding(kind: .malformed, path: "bagit.txt", detail: "line 1: BagIt-Version \"\(version)\" is not M.N"))
            }
        } else {
            findings.append(Finding(kind: .malformed, path: "bagit.txt", detail: "line 1 is not \"BagIt-Version: M.N\""))
        }
        if lines.count < 2 || !lines[1].hasPrefix("Tag-File-Character-Encoding: ") || lines[1].count <= 29 {
            findings.append(Finding(kind: .malformed, path: "bagit.txt", detail: "line 2 is not \"Tag-File-Character-Encoding: ENCODING\""))
        }
        return findings
    }

    /// The payload folder, which must be a real folder inside the bag: a `data` that is a symbolic link (to `/`,
    /// say) is reported and never walked, or `verify` would read whatever it points to.
    static func payloadFolderProblem(_ bag: URL) -> Finding? {
        let data = bag.appendingPathComponent("data")
        var info = stat()
        guard lstat(data.path, &info) == 0 else { return Finding(kind: .missing, path: "data", detail: "the payload folder") }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return nil
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: data.path)) ?? "?"
            return Finding(kind: .malformed, path: "data", detail: "a symbolic link (to \(target)), not a folder; not followed")
        default:
            return Finding(kind: .malformed, path: "data", detail: "\(RegularFile.kind(info.st_mode)), not a folder")
        }
    }

    /// A tag file's text, or why it cannot be read ("is a named pipe, not a regular file"; "not UTF-8").
    static func readText(_ url: URL) -> TagText {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.bytes(at: url.path)
        } catch {
            return .problem(error.isMissing ? "missing" : "\(error); not read")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .problem("cannot be read as UTF-8") }
        return .text(text)
    }

    enum TagText {
        case text(String)
        /// Why the file cannot be read, for a finding's detail.
        case problem(String)
    }

    /// `Payload-Oxum: BYTES.FILES` in bag-info.txt, when there is one, must match the payload on disk.
    static func checkPayloadOxum(_ bag: URL, files: [String]) -> Finding? {
        guard case .text(let text) = readText(bag.appendingPathComponent("bag-info.txt")),
              let line = text.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("Payload-Oxum:") }) else { return nil }
        let value = line.dropFirst("Payload-Oxum:".count).trimmingCharacters(in: .whitespaces)
        var bytes = 0
        for path in files {
            var info = stat()
            if lstat(bag.appendingPathComponent(path).path, &info) == 0 { bytes += Int(info.st_size) }
        }
        let actual = "\(bytes).\(files.count)"
        return value == actual ? nil
            : Finding(kind: .malformed, path: "bag-info.txt", detail: "Payload-Oxum is \(value), the payload has \(actual) (bytes.files)")
    }

    /// The bag's path with every symbolic link resolved, ending in "/".
    static func realPath(_ url: URL) -> String {
        let path = resolved(url.path) ?? url.path
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// `path` with every symbolic link resolved (realpath(3)); nil when it cannot be resolved.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Checks each line of a manifest; returns the paths it lists.
    private static func check(manifest name: String, in bag: URL, root: String, findings: inout [Finding],
                              checked: inout Int) -> [String] {
        let text: String
        switch readText(bag.appendingPathComponent(name)) {
        case .text(let read): text = read
        case .problem(let problem):
            findings.append(Finding(kind: .malformed, path: name, detail: problem))
            return []
        }
        var paths: [String] = []
        var seen = Set<[UInt8]>()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                findings.append(Finding(kind: .malformed, path: name, detail: "line \(number + 1) has no checksum and path"))
                continue
            }
            let sha = trimmed[..<space].lowercased()
            let path = unescape(String(trimmed[space...].drop { $0 == " " || $0 == "\t" }))
            guard sha.count == 64, sha.allSatisfy(\.isHexDigit), !path.isEmpty else {
                findings.append(Finding(kind: .malformed, path: name, detail: "line \(number + 1) is not 'sha256  path'"))
                continue
            }
            guard isInside(path) else {
                findings.append(Finding(kind: .malformed, path: name, detail: "line \(number + 1): \(path) escapes the bag"))
                continue
            }
            guard seen.insert(PathOrder.key(path)).inserted else {
                findings.append(Finding(kind: .malformed, path: name, detail: "line \(number + 1): \(path) is listed twice"))
                continue
            }
            paths.append(path)
            let url = bag.appendingPathComponent(path)
            if let target = resolved(url.path), !target.hasPrefix(root) {
                findings.append(Finding(kind: .malformed, path: path, detail: "a symbolic link out of the bag (to \(target)); not read"))
                continue
            }
            var info = stat()
            guard stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else {
                findings.append(Finding(kind: .missing, path: path, detail: "listed in \(name)"))
                continue
            }
            checked += 1
            let actual: (bytes: Int, sha256: String)
            do {
                actual = try SHA256Hex.ofFile(url)
            } catch let problem as RegularFile.Problem {
                // A named pipe or a device is never opened for reading: it could block or never end.
                findings.append(Finding(kind: .malformed, path: path, detail: "\(problem); not read"))
                continue
            } catch {
                findings.append(Finding(kind: .missing, path: path, detail: "cannot be read"))
                continue
            }
            if actual.sha256 != sha {
                findings.append(Finding(kind: .modified, path: path, detail: "sha256 \(actual.sha256.prefix(12))…, \(name) says \(sha.prefix(12))…"))
            }
        }
        return paths
    }

    /// A manifest path must stay inside the bag: relative, no `..` component.
    static func isInside(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.contains("\\")
    }

    static func unescape(_ path: String) -> String {
        path.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%25", with: "%")
    }

    /// Files (and symbolic links, which are not followed) below `dir`, as bag-relative paths, sorted.
    static func filesBelow(_ dir: URL, prefix: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        var out: [String] = []
        for name in names.sorted(by: PathOrder.less) {
            let url = dir.appendingPathComponent(name)
            var info = stat()
            let isDir = lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            if isDir {
                out += filesBelow(url, prefix: "\(prefix)/\(name)")
            } else {
                out.append("\(prefix)/\(name)")
            }
        }
        return out
    }
}
