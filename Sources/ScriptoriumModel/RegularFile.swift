#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading only once it is known to be a regular file.
///
/// Every file the tool reads (an input, a sidecar, a lexicon, a table or manifest of a bag it validates or
/// verifies) may have been replaced by a named pipe, a device or a socket. `open` on a pipe waits for a writer
/// and reading a device may never end, so a plain `open` + `read` can hang a build or a `verify` forever. This
/// type opens without blocking (`O_NONBLOCK`), asks the open descriptor what it is (`fstat`, so nothing can be
/// swapped in between), and refuses anything that is not a regular file before a single byte is read.
public struct RegularFile: ~Copyable {
    /// Why a file could not be opened or read.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not a regular file: `what` says what it is ("a named pipe", "a folder"...).
        case notRegular(what: String)
        /// The system call failed with this `errno`.
        case system(Int32)

        /// A short reason for a message: "is a named pipe, not a regular file", "No such file or directory".
        public var description: String {
            switch self {
            case .notRegular(let what): return "is \(what), not a regular file"
            case .system(let code): return String(cString: strerror(code))
            }
        }

        /// True when the file does not exist (as opposed to existing and being unreadable).
        public var isMissing: Bool { self == .system(ENOENT) || self == .system(ENOTDIR) }
    }

    private let descriptor: Int32
    /// The size `fstat` gave when the file was opened.
    public let size: Int

    /// Opens `path` (symbolic links followed) for reading; throws unless it is a regular file.
    public init(path: String) throws(Problem) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw .system(errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw .system(code)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .notRegular(what: Self.kind(info.st_mode))
        }
        // A regular file never blocks; clear the flag so reads behave as usual.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        descriptor = fd
        size = max(Int(info.st_size), 0)
    }

    deinit { close(descriptor) }

    /// What a file mode says the file is, in words for a message.
    public static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// The whole file: one allocation of the size `fstat` gave, filled by `read`, then anything the file grew by.
    public func readAll() throws(Problem) -> [UInt8] {
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = readFully(into: UnsafeMutableRawBufferPointer(buffer), failure: &failure)
        }
        if failure != 0 { throw .system(failure) }
        var more = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let got = more.withUnsafeMutableBytes { readFully(into: $0, failure: &failure) }
            if failure != 0 { throw .system(failure) }
            if got == 0 { return bytes }
            bytes += more[0..<got]
        }
    }

    /// Calls `body` with each successive piece of the file, at most `chunkSize` bytes each (for hashing a large
    /// file without holding it). The slice is only valid during the call.
    public func forEachChunk(size chunkSize: Int = 1 << 20, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            var failure: Int32 = 0
            let got = buffer.withUnsafeMutableBytes { readFully(into: $0, failure: &failure) }
            if failure != 0 { throw Problem.system(failure) }
            if got == 0 { return }
            try body(buffer[0..<got])
        }
    }

    /// `count` bytes from `offset` (fewer if the file ends first).
    public func read(offset: Int, count: Int) throws(Problem) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let n = pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { break }
                filled += n
            }
        }
        if failure != 0 { throw .system(failure) }
        return bytes
    }

    /// The bytes of the regular file at `path`.
    public static func bytes(at path: String) throws(Problem) -> [UInt8] {
        try RegularFile(path: path).readAll()
    }

    /// Reads until `buffer` is full or the file ends; the number of bytes read (`failure` set on an error).
    private func readFully(into buffer: UnsafeMutableRawBufferPointer, failure: inout Int32) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                failure = errno
                return filled
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }
}

/// `read(2)`, by a name that the type's own `read(offset:count:)` does not hide.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
