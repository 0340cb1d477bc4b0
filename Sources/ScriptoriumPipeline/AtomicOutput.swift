import CPathExchange
import Foundation
import ScriptoriumBag
import ScriptoriumModel

/// Builds into a fresh folder beside the target and swaps it into place only when everything is written and
/// checked, so a failed or killed build leaves the previous output exactly as it was. Folders left behind by a
/// killed build carry the dead process's id and are removed by the next build.
public struct AtomicOutput {
    public let target: URL
    /// Where this build writes; becomes `target` on `commit()`.
    public let staging: URL
    private let shownPath: String

    public init(target path: String) throws {
        shownPath = path
        target = URL(fileURLWithPath: path).standardizedFileURL
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw ScriptoriumError(.output, path: path, "the folder it would go in, \(parent.path), does not exist")
        }
        if fm.fileExists(atPath: target.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw ScriptoriumError(.output, path: path, "exists and is not a folder") }
            try Self.checkReplaceable(target, shown: path)
        }
        Self.removeStale(in: parent, name: target.lastPathComponent)
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).building-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ScriptoriumError(.output, path: path, "cannot write in \(parent.path) (\(Self.reason(error)))")
        }
        Interruption.protect(staging.path)
    }

    /// Only an empty folder or a dataset (or part) this tool wrote may be replaced: never a user's other files, and never
    /// a dataset someone made read-only (write-protecting an output is a request to keep it; and the old tree
    /// could not be removed after the swap, which would leave it behind as a hidden folder).
    static func checkReplaceable(_ url: URL, shown: String) throws {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
        if entries.isEmpty { return }
        let isBag = fm.fileExists(atPath: url.appendingPathComponent("bagit.txt").path)
            && fm.fileExists(atPath: url.appendingPathComponent("data/manifest.json").path)
        let isPart = fm.fileExists(atPath: url.appendingPathComponent(PartFolder.manifestName).path)
            && fm.fileExists(atPath: url.appendingPathComponent("rows").path)
        if !isBag && !isPart {
            throw ScriptoriumError(.output, path: shown, "is a folder that is not a Scriptorium dataset; refusing to replace it (choose another --output or empty it)")
        }
        if let locked = firstReadOnlyFolder(url) {
            let which = locked == url.path ? "it is" : "its folder \(locked.dropFirst(url.path.count + 1)) is"
            throw ScriptoriumError(.output, path: shown, "the previous output is write-protected (\(which) read-only); refusing to replace it (make it writable with chmod -R u+w, or choose another --output)")
        }
    }

    /// The first folder of the tree at `url` (itself included; links not followed) that this process may not
    /// change, or nil. Removing a file takes write permission on its folder, so folders are what matter.
    static func firstReadOnlyFolder(_ url: URL) -> String? {
        if access(url.path, W_OK | X_OK) != 0 { return url.path }
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() {
            let child = url.appendingPathComponent(name)
            var info = stat()
            if lstat(child.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, let locked = firstReadOnlyFolder(child) {
                return locked
            }
        }
        return nil
    }

    /// Swaps the finished build into place, atomically where the kernel can; a signal that arrives meanwhile
    /// waits until the swap is done.
    public func commit() throws {
        defer { Interruption.release(staging.path) }
        try Interruption.uninterruptible { try swapIntoPlace() }
        try? FileManager.default.removeItem(at: staging) // the previous output, after an exchange
    }

    private func swapIntoPlace() throws {
        let fm = FileManager.default
        if scriptorium_sync_filesystem(staging.path) != 0 {
            throw ScriptoriumError(.output, path: shownPath, "cannot flush the build to disk (\(String(cString: strerror(errno))))")
        }
        if fm.fileExists(atPath: target.path) {
            if scriptorium_exchange_paths(staging.path, target.path) == 0 { return } // staging now holds the previous output
            // No atomic exchange here: move the old output aside, then the new one in.
            let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
            do {
                try fm.moveItem(at: target, to: old)
                try fm.moveItem(at: staging, to: target)
            } catch {
                if !fm.fileExists(atPath: target.path) { try? fm.moveItem(at: old, to: target) }
                throw ScriptoriumError(.output, path: shownPath, "cannot replace the previous output (\(Self.reason(error)))")
            }
            try? fm.removeItem(at: old)
        } else {
            do {
                try fm.moveItem(at: staging, to: target)
            } catch {
                throw ScriptoriumError(.output, path: shownPath, "cannot move the build into place (\(Self.reason(error)))")
            }
        }
    }

    /// Removes the staging folder after a failure.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        Interruption.release(staging.path)
    }

    /// A failure while building, as the user should see it: a write failure names the output folder and the
    /// file that could not be written, and says that the previous output was kept (one line, no machine-made
    /// staging path). Input problems are returned as they are.
    public func explain(_ error: Error) -> Error {
        let kept = "the previous output was left as it was"
        switch error {
        case let e as ScriptoriumError where e.kind == .output:
            if e.path == shownPath { return e }
            var file = e.path
            let stagingPath = staging.path + "/"
            if file.hasPrefix(stagingPath) {
                file = String(file.dropFirst(stagingPath.count))
            } else if !file.isEmpty, !file.hasPrefix("/"), !Self.tagFiles.contains(file) {
                file = "data/" + file // HashingFileWriter names payload files relative to data/
            }
            // A failed write carries the system's reason ("No space left on device") apart from its wording.
            let detail = e.reason ?? e.message
            let what = file.isEmpty ? "" : " \(file)"
            return ScriptoriumError(.output, path: shownPath, "cannot write\(what): \(detail); \(kept)")
        case is ScriptoriumError, is InputProblems:
            return error
        case let e as NSError where e.domain == NSCocoaErrorDomain || e.domain == NSPOSIXErrorDomain:
            return ScriptoriumError(.output, path: shownPath, "cannot write the dataset (\(Self.reason(e))); \(kept)")
        default:
            return error
        }
    }

    static let tagFiles: Set<String> = ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"]

    /// Cleans up after builds that were killed: removes `.NAME.building-PID` and `.NAME.old-PID` folders whose
    /// process is gone. An `.old-PID` folder holds the previous output when a build was killed half-way through
    /// the non-atomic swap (where the kernel has no atomic exchange); if NAME is then missing, it is put back.
    static func removeStale(in parent: URL, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        let target = parent.appendingPathComponent(name)
        for entry in entries.sorted() {
            for marker in [".\(name).building-", ".\(name).old-"] where entry.hasPrefix(marker) {
                guard let pid = Int32(entry.dropFirst(marker.count)), pid > 0 else { continue }
                if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                    let url = parent.appendingPathComponent(entry)
                    if marker.hasSuffix(".old-"), !fm.fileExists(atPath: target.path),
                       (try? fm.moveItem(at: url, to: target)) != nil {
                        continue
                    }
                    try? fm.removeItem(at: url)
                }
            }
        }
    }

    static func reason(_ error: Error) -> String { ErrorReason.of(error) }
}
