import CTextScan

// Vector scans for the writers' escapers (HTML, JSON), each a span in and a count out.

/// Where the next byte an HTML writer must look at is: the scan behind `HTMLBytes`' escaping, sixteen bytes per
/// step (SSE2, in `CTextScan`: Swift's own SIMD lanes are compared one at a time here). A span in, a count out.
public enum HTMLScan {
    /// How many bytes at the start of `bytes` need nothing (see `scriptorium_html_clean_prefix` for the set).
    @inlinable
    public static func cleanPrefix(_ bytes: Span<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return Int(scanClean(base, buffer.count))
        }
    }

    @usableFromInline
    static func scanClean(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
        scriptorium_html_clean_prefix(base, count)
    }
}

/// Where the next byte a JSON writer must look at is: the scan behind `JSONWriter`'s escaping (see
/// `scriptorium_json_clean_prefix`), sixteen bytes per step.
public enum JSONScan {
    /// How many bytes at the start of `bytes` need no escaping in a JSON string.
    @inlinable
    public static func cleanPrefix(_ bytes: Span<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return scanClean(base, buffer.count)
        }
    }

    @usableFromInline
    static func scanClean(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
        scriptorium_json_clean_prefix(base, count)
    }
}
