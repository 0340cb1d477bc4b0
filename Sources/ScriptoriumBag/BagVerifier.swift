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

    public static func verify(bag: URL) throws -> Report {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: bag.path, isDirectory: &isDir), isDir.boolValue else {
            throw ScriptoriumError(.dataset, path: bag.path, "no such folder")
        }
        let bagitURL = bag.appendingPathComponent("bagit.txt")
        guard let bagit = try? String(contentsOf: bagitURL, encoding: .utf8) else {
            throw ScriptoriumError(.dataset, path: bag.path, "not a BagIt bag: there is no readable bagit.txt")
        }
        var findings: [Finding] = []
        let bagitLines = bagit.split(whereSeparator: \.isNewline)
        if bagitLines.count != 2 || !bagitLines[0].hasPrefix("BagIt-Version: ") || !bagitLines[1].hasPrefix("Tag-File-Character-Encoding: ") {
            findings.append(Finding(kind: .malformed, path: "bagit.txt", detail: "expected BagIt-Version and Tag-File-Character-Encoding lines"))
        }
        guard fm.fileExists(atPath: bag.appendingPathComponent("manifest-sha256.txt").path) else {
            throw ScriptoriumError(.dataset, path: bag.path, "not a complete bag: there is no manifest-sha256.txt")
        }
        var checked = 0
        let payload = check(manifest: "manifest-sha256.txt", in: bag, findings: &findings, checked: &checked)
        for path in payload where !path.hasPrefix("data/") {
            findings.append(Finding(kind: .malformed, path: "manifest-sha256.txt", detail: "\(path) is not under data/"))
        }
        if fm.fileExists(atPath: bag.appendingPathComponent("tagmanifest-sha256.txt").path) {
            _ = check(manifest: "tagmanifest-sha256.txt", in: bag, findings: &findings, checked: &checked)
        }
        // Every file under data/ must be listed.
        let listed = Set(payload)
        for path in filesBelow(bag.appendingPathComponent("data"), prefix: "data") where !listed.contains(path) {
            findings.append(Finding(kind: .extra, path: path, detail: "not in manifest-sha256.txt"))
        }
        return Report(findings: findings.sorted { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) }, filesChecked: checked)
    }

    /// Checks each line of a manifest; returns the paths it lists.
    private static func check(manifest name: String, in bag: URL, findings: inout [Finding], checked: inout Int) -> [String] {
        guard let text = try? String(contentsOf: bag.appendingPathComponent(name), encoding: .utf8) else {
            findings.append(Finding(kind: .malformed, path: name, detail: "not readable as UTF-8"))
            return []
        }
        var paths: [String] = []
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
            paths.append(path)
            let url = bag.appendingPathComponent(path)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else {
                findings.append(Finding(kind: .missing, path: path, detail: "listed in \(name)"))
                continue
            }
            checked += 1
            guard let actual = try? SHA256Hex.ofFile(url) else {
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

    /// Regular files (and links) below `dir`, as bag-relative paths, sorted.
    static func filesBelow(_ dir: URL, prefix: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        var out: [String] = []
        for name in names.sorted() {
            let url = dir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
            if isDir.boolValue {
                out += filesBelow(url, prefix: "\(prefix)/\(name)")
            } else {
                out.append("\(prefix)/\(name)")
            }
        }
        return out
    }
}
