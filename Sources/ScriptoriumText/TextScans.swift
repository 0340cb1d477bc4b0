import CTextScan

// Vector scans for the writers' escapers (HTML, JSON), each a span in and a count out. The scans are C (SSE2, in
// `CTextScan`): Swift's own SIMD lanes are compared one at a time here.

/// Where the next byte an HTML writer must look at is: the scan behind `HTMLBytes`' escaping, sixteen bytes per
/// step.
public enum HTMLScan {
    /// How many bytes at the start of `bytes` need nothing (see `scriptorium_html_clean_prefix` for the set).
    public static func cleanPrefix(_ bytes: Span<UInt8>) -> Int {
        TextScan.run(bytes) { scriptorium_html_clean_prefix($0, $1) }
    }
}

/// Where the next byte a JSON writer must look at is: the scan behind `JSONWriter`'s escaping (see
/// `scriptorium_json_clean_prefix`), sixteen bytes per step.
public enum JSONScan {
    /// How many bytes at the start of `bytes` need no escaping in a JSON string.
    public static func cleanPrefix(_ bytes: Span<UInt8>) -> Int {
        TextScan.run(bytes) { scriptorium_json_clean_prefix($0, $1) }
    }
}

/// The one place a span is lent to a C scan as a pointer and a count.
enum TextScan {
    static func run(_ bytes: Span<UInt8>, _ scan: (UnsafePointer<UInt8>, Int) -> Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return scan(base, buffer.count)
        }
    }
}
