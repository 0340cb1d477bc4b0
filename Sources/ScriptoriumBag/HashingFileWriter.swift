import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ScriptoriumModel

/// Writes a file and computes its SHA-256 and size on the way out, so no file is ever read back to be hashed.
/// Plain POSIX calls: no temporary file and rename per file (the whole build is already staged and swapped),
/// and large writes go straight from the caller's buffer.
public struct HashingFileWriter {
    public let path: String
    private let fd: Int32
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    public private(set) var bytes = 0
    private static let flushSize = 1 << 18

    /// Creates (or truncates) the file at `url`.
    public init(url: URL, displayPath: String) throws {
        path = displayPath
        fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ScriptoriumError.writeFailure(path: url.path, "cannot create the file", reason: String(cString: strerror(errno)))
        }
    }

    public mutating func write(_ data: [UInt8]) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Appends `data` (copied into the writer's buffer, or written straight out when it is large).
    public mutating func write(_ data: UnsafeRawBufferPointer) throws {
        hasher.update(bufferPointer: data)
        bytes += data.count
        if buffer.count + data.count > Self.flushSize {
            try flush()
            if data.count >= Self.flushSize {
                try writeOut(data)
                return
            }
        }
        // The buffer is allocated on first use only: a file written in one go never needs it.
        if buffer.capacity == 0 { buffer.reserveCapacity(Self.flushSize) }
        buffer.append(contentsOf: data)
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ data: [UInt8]) throws {
        try data.withUnsafeBytes { try writeOut($0) }
    }

    private func writeOut(_ raw: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw ScriptoriumError.writeFailure(path: path, "cannot write", reason: reason)
            }
            offset += n
        }
    }

    /// Flushes and closes the file; returns its size and hex SHA-256.
    public mutating func finish() throws -> (bytes: Int, sha256: String) {
        try flush()
        // Durability: the whole build is synced once before it is swapped into place.
        if close(fd) != 0 {
            throw ScriptoriumError.writeFailure(path: path, "cannot finish writing", reason: String(cString: strerror(errno)))
        }
        return (bytes, Self.hex(hasher.finalize()))
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `data` to `url` in one go and returns its PayloadFile entry. `sha256`, when given, is the hex SHA-256
    /// of these very bytes, already computed (a source file is hashed when it is read): it is not computed twice.
    public static func write(_ data: [UInt8], to url: URL, path: String, mediaType: String, format: String,
                             records: Int? = nil, sha256: String? = nil) throws -> PayloadFile {
        guard let sha256 else {
            return try data.withUnsafeBytes {
                try write($0, to: url, path: path, mediaType: mediaType, format: format, records: records)
            }
        }
        var writer = try HashingFileWriter(url: url, displayPath: path)
        try data.withUnsafeBytes { try writer.writeOut($0) }
        if close(writer.fd) != 0 {
            throw ScriptoriumError.writeFailure(path: path, "cannot finish writing", reason: String(cString: strerror(errno)))
        }
        return PayloadFile(path: path, bytes: data.count, sha256: sha256, mediaType: mediaType, format: format,
                           records: records)
    }

    /// Writes the bytes in `data` to `url` in one go, straight from the caller's memory, and returns its entry.
    public static func write(_ data: UnsafeRawBufferPointer, to url: URL, path: String, mediaType: String,
                             format: String, records: Int? = nil) throws -> PayloadFile {
        var writer = try HashingFileWriter(url: url, displayPath: path)
        writer.hasher.update(bufferPointer: data)
        writer.bytes = data.count
        try writer.writeOut(data)
        let (bytes, sha) = try writer.finish()
        return PayloadFile(path: path, bytes: bytes, sha256: sha, mediaType: mediaType, format: format, records: records)
    }
}

/// SHA-256 of bytes already in memory (a source file that was read anyway).
public enum SHA256Hex {
    public static func of(_ data: [UInt8]) -> String { HashingFileWriter.hex(SHA256.hash(data: data)) }

    /// SHA-256 of a file, streamed in 1 MiB pieces (for `verify`). Only a regular file is read: a named pipe or
    /// a device in a bag would block or never end, and is reported as a `RegularFile.Problem` instead.
    public static func ofFile(_ url: URL) throws -> (bytes: Int, sha256: String) {
        let file = try RegularFile(path: url.path)
        var hasher = SHA256()
        var total = 0
        try file.forEachChunk { chunk in
            total += chunk.count
            hasher.update(data: chunk)
        }
        return (total, HashingFileWriter.hex(hasher.finalize()))
    }
}
