import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A whole input file read straight into a byte array: one allocation of the file's size, filled by `read`
/// (`Data(contentsOf:)` and then `Array(data)` allocated and copied every source twice).
enum InputBytes {
    /// The bytes of the file at `url`; a failure throws the `POSIXError` of the call that failed.
    static func read(_ url: URL) throws -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw posixError(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw posixError(errno) }
        let expected = max(Int(info.st_size), 0)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = readFully(fd, into: UnsafeMutableRawBufferPointer(buffer), failure: &failure)
        }
        if failure != 0 { throw posixError(failure) }
        // The file may have grown since fstat: read on to the end (almost always one empty read, into the stack).
        return try withUnsafeTemporaryAllocation(byteCount: 16 * 1024, alignment: 1) { more in
            while true {
                let got = readFully(fd, into: more, failure: &failure)
                if failure != 0 { throw posixError(failure) }
                if got == 0 { return bytes }
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: more[0..<got]))
            }
        }
    }

    /// Reads until `buffer` is full or the file ends; the number of bytes read (`failure` set on an error).
    private static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, failure: inout Int32) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
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

    private static func posixError(_ code: Int32) -> POSIXError { POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
}
