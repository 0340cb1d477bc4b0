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
    /// Address space a build needs whatever its input: the smallest `ulimit -v` under which a one-line
    /// document builds (release build, glibc, one malloc arena) lies between 107 and 117 MiB, most of it the
    /// libraries mapped at start (ICU's data alone is 30 MiB).
    static let baseBytes = 112 << 20
    /// Address space per byte of a document being processed (its text, records, TEI tree and output buffers),
    /// measured with `ulimit -v` on documents of 5 and 20 MB, with a margin.
    static let bytesPerInputByte = 80

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
                                   "is \(megabytes(sizes[largest])) MB; building it needs about \(megabytes(needed)) MB of memory, above the limit of \(megabytes(limit)) MB (ulimit -v); raise the limit or build this document on a larger machine")
        }
        return jobs
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 10 << 20 ? "\(bytes >> 20)" : String(format: "%.1f", Double(bytes) / Double(1 << 20))
    }
}
