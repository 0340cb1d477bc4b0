import CMallocArenas
import Foundation
import ScriptoriumModel

/// Building under a virtual-memory limit (`ulimit -v`, RLIMIT_AS).
///
/// When memory runs out, the Swift runtime cannot report it: an allocation that fails ends the process with a
/// crash report. So a build that would not fit must be refused before it starts, with a message that says
/// which document and how much. What a build needs is bounded ahead: a fixed base (the program, its libraries,
/// thread stacks) plus a multiple of the documents being processed at once, since each document is processed
/// whole and its records and files are freed before the next (`DatasetBuilder`).
public enum MemoryLimit {
    /// Address space a build needs whatever its input. Measured (release build, glibc, one malloc arena, `--jobs
    /// 2`) as the smallest `ulimit -v` under which a build succeeds: 113 to 121 MiB for a one-line document and
    /// for the 19 KB essay, most of it the libraries mapped at start (ICU's data alone is 30 MiB).
    static let baseBytes = 128 << 20
    /// Address space per byte of a document being processed (its text, records, TEI tree and output buffers).
    /// Measured the same way on one paragraph of 5 MB (373 MiB) and 20 MB (706 MiB): 52 and 30 bytes per byte
    /// above the base, so 60 keeps a margin at every size (and overestimates very large documents).
    static let bytesPerInputByte = 60

    /// The address-space limit in bytes; nil when there is none.
    public static func addressSpace() -> Int? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// Called first thing, before any thread starts: under a limit, glibc's malloc keeps to one arena (each
    /// thread's own arena would reserve 64 MiB of address space, and a few threads would use up the limit).
    public static func adapt() {
        guard addressSpace() != nil else { return }
        _ = scriptorium_limit_malloc_arenas(1)
    }

    /// What a build of documents of `sizes` bytes needs with `jobs` in parallel.
    static func need(sizes: [Int], jobs: Int) -> Int {
        let largest = sizes.sorted(by: >).prefix(jobs).reduce(0, +)
        return baseBytes + bytesPerInputByte * largest
    }

    /// The number of jobs to use under the limit (fewer than asked when parallel documents would not fit);
    /// throws, naming the largest document, when even one at a time would not fit.
    static func jobs(for inputs: [InputDocument], sizes: [Int], asked: Int) throws -> Int {
        guard let limit = addressSpace() else { return asked }
        var jobs = asked
        while jobs > 1 && need(sizes: sizes, jobs: jobs) > limit { jobs -= 1 }
        let needed = need(sizes: sizes, jobs: 1)
        if needed > limit, let largest = sizes.indices.max(by: { sizes[$0] < sizes[$1] }) {
            let input = inputs[largest]
            throw ScriptoriumError(.input, path: input.shownPath ?? input.url.path,
                                   "is \(size(sizes[largest])); building it needs about \(size(needed)) of memory, above the limit of \(size(limit)) (ulimit -v); raise the limit or build this document on a larger machine")
        }
        return jobs
    }

    /// A size in words: "19 KB", "5.0 MB", "1328 MB".
    private static func size(_ bytes: Int) -> String {
        if bytes < 1 << 20 { return "\(max(1, bytes >> 10)) KB" }
        return bytes >= 10 << 20 ? "\(bytes >> 20) MB" : String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }
}
