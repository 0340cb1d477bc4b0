import Foundation
import ScriptoriumBag
import ScriptoriumModel
import ScriptoriumValidate

/// Every file under a dataset's `data/` folder as `validate` finds it: walked without following symbolic links,
/// each regular file hashed once (the data package and `manifest.json` are both compared with these figures),
/// and everything that is not a regular file reported rather than opened.
struct PayloadInventory {
    struct Entry {
        var bytes: Int
        var sha256: String
    }

    /// Regular files by path relative to `data/` (as bytes: see `PathOrder`).
    private var files: [[UInt8]: Entry] = [:]
    /// The paths of `files`, in byte order.
    private(set) var paths: [String] = []
    /// Paths that are not regular files (links, pipes, devices), with what they are.
    private(set) var problems: [DatasetProblem] = []

    init(data: URL) {
        walk(data, prefix: "")
    }

    subscript(path: String) -> Entry? { files[PathOrder.key(path)] }

    private mutating func walk(_ dir: URL, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            problems.append(DatasetProblem(.payloadUnreadableFolder, prefix.isEmpty ? "data" : String(prefix.dropLast()), "cannot read the folder"))
            return
        }
        for name in names.sorted(by: PathOrder.less) {
            let path = prefix + name
            let url = dir.appendingPathComponent(name)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(url, prefix: path + "/")
            case S_IFREG:
                do {
                    let hashed = try SHA256Hex.ofFile(url)
                    files[PathOrder.key(path)] = Entry(bytes: hashed.bytes, sha256: hashed.sha256)
                    paths.append(path)
                } catch {
                    problems.append(DatasetProblem(.fileUnreadable, path, "cannot be read (\(error))"))
                }
            default:
                // A link could lead out of the bag, a pipe or a device could block: neither is opened.
                problems.append(DatasetProblem(.payloadNotRegularFile, path, "is \(RegularFile.kind(info.st_mode)), not a regular file; not read"))
            }
        }
    }
}
