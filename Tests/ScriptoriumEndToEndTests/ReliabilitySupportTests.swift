import Foundation
import Testing

// Helpers for the reliability tests (bad input, faults, kills, tampering). Nothing here depends on ../shared.

/// What a finished run of the command-line tool printed and returned.
struct ToolRun: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    /// True when the process ended by a signal (e.g. a crash) rather than by exiting.
    var signalled: Bool
    /// True when it had to be killed because it ran past its time limit (a hang).
    var timedOut = false

    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    var description: String { "exit \(status)\(signalled ? " (signal)" : "")\nstdout: \(stdout)\nstderr: \(stderr)" }

    /// What every failure must look like: an exit status, not a signal; each line of stderr a `scriptorium:`
    /// message; no stack trace or Swift runtime error.
    var isCleanFailure: Bool {
        !signalled && !timedOut && status != 0 && !stderr.isEmpty
            && stderrLines.allSatisfy { $0.hasPrefix("scriptorium: ") }
            && !["Fatal error", "Stack dump", "stack trace", "Backtrace", "💣", "Thread 0", "SIGSEGV"].contains { stderr.contains($0) }
    }
}

/// Runs the scriptorium binary, optionally through a wrapper command (`prlimit …`, `setpriv …`) and with extra
/// environment variables. Output goes through files, so a chatty run can never fill a pipe and hang.
/// A run still going after `timeout` seconds is killed and reported as timed out.
func runTool(_ arguments: [String], wrapper: [String] = [], environment: [String: String] = [:],
             in directory: URL? = nil, timeout: TimeInterval = 300) throws -> ToolRun {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scriptorium-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    if wrapper.isEmpty {
        process.executableURL = scriptoriumBinary()
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: wrapper[0])
        process.arguments = Array(wrapper.dropFirst()) + [scriptoriumBinary().path] + arguments
    }
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
        if Date() > deadline {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            break
        }
        usleep(10_000)
    }
    process.waitUntilExit()
    return ToolRun(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                   signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
}

/// Runs a system command; nil when it cannot be started.
@discardableResult
func runSystem(_ command: String, _ arguments: [String]) -> Int32? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    process.waitUntilExit()
    return process.terminationStatus
}

enum Privileges {
    static let isRoot = getuid() == 0
    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A wrapper that runs the tool without the power to ignore file permissions. Tests run as root here, and
    /// root reads a `chmod 000` file and writes into a `chmod 555` folder; dropping CAP_DAC_OVERRIDE and
    /// CAP_DAC_READ_SEARCH makes root obey the permission bits like any user. Not root: no wrapper needed.
    /// nil when running as root without `setpriv` (those tests are then skipped).
    static let permissionsApply: [String]? = {
        guard isRoot else { return [] }
        guard let setpriv else { return nil }
        let caps = "-dac_override,-dac_read_search"
        let wrapper = [setpriv, "--inh-caps=\(caps)", "--bounding-set=\(caps)"]
        // Check that it works here (a container may forbid changing the bounding set).
        return runSystem(setpriv, Array(wrapper.dropFirst()) + ["/bin/true"]) == 0 ? wrapper : nil
    }()

    static var canMakePermissionsApply: Bool { permissionsApply != nil }
}

/// A small tmpfs mounted for a test (a real full disk, ENOSPC): only possible as root where mounting is allowed.
enum Tmpfs {
    static let mountCommand = ["/usr/bin/mount", "/bin/mount"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let umountCommand = ["/usr/bin/umount", "/bin/umount"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let available: Bool = {
        guard Privileges.isRoot, mountCommand != nil, umountCommand != nil,
              let probe = try? temporaryFolder("tmpfs-probe") else { return false }
        defer { cleanup(probe) }
        guard mount(at: probe, bytes: 64 * 1024) else { return false }
        unmount(probe)
        return true
    }()

    static func mount(at folder: URL, bytes: Int) -> Bool {
        guard let mountCommand else { return false }
        return runSystem(mountCommand, ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", folder.path]) == 0
    }

    static func unmount(_ folder: URL) {
        if let umountCommand { runSystem(umountCommand, [folder.path]) }
    }
}

enum Prlimit {
    static let path = ["/usr/bin/prlimit", "/bin/prlimit"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { path != nil }

    /// A wrapper that limits the size of any file the tool writes (`ulimit -f`): a write past it fails with EFBIG.
    static func fileSize(_ bytes: Int) -> [String] { [path!, "--fsize=\(bytes):\(bytes)"] }
}

/// A small corpus in `folder/name`: the essay and its lexicon, and a second short document.
func goodCorpus(in folder: URL, name: String = "good") throws -> URL {
    let dir = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for file in ["us-japan-security-treaty.txt", "lexicon.json", "dataset.json"] {
        try FileManager.default.copyItem(at: inputFolder.appendingPathComponent(file), to: dir.appendingPathComponent(file))
    }
    try Data("A short note\n\nJapan signed the treaty in San Francisco on 8 September 1951. It took effect in 1952.\n".utf8)
        .write(to: dir.appendingPathComponent("note.txt"))
    return dir
}

/// Names of leftover staging folders (`.NAME.building-PID`, `.NAME.old-PID`) beside `output`.
func leftovers(beside output: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
    return names.filter { $0.hasPrefix(".\(output.lastPathComponent).") }.sorted()
}
