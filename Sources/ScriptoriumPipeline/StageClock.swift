import Foundation

/// CPU time spent in each stage of a build, summed over all threads. `make bench` asks for it
/// (`build --timings`) to show where the time goes; a build without it pays nothing.
public final class StageClock: @unchecked Sendable {
    public enum Stage: String, CaseIterable, Sendable {
        case read, extract, normalize, validate, csv, tei, jsonld, html, write
        /// Data package, manifest, bag and the swap into place.
        case finish
    }

    private var nanoseconds: [Stage: UInt64] = [:]
    private let lock = NSLock()

    public init() {}

    public func measure<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
        let start = Self.threadCPUTime()
        defer {
            let spent = Self.threadCPUTime() &- start
            lock.withLock { nanoseconds[stage, default: 0] += spent }
        }
        return try body()
    }

    /// Adds `nanoseconds` of CPU to `stage` (for work whose stages interleave, measured by hand).
    public func add(_ stage: Stage, _ nanoseconds: UInt64) {
        lock.withLock { self.nanoseconds[stage, default: 0] += nanoseconds }
    }

    /// This thread's CPU time so far.
    public func threadCPUNanoseconds() -> UInt64 { Self.threadCPUTime() }

    /// Seconds of CPU per stage, in pipeline order.
    public var seconds: [(stage: Stage, seconds: Double)] {
        lock.withLock { Stage.allCases.map { ($0, Double(nanoseconds[$0] ?? 0) / 1e9) } }
    }

    private static func threadCPUTime() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}

extension Optional where Wrapped == StageClock {
    /// Runs `body`, timing it when there is a clock.
    func measure<T>(_ stage: StageClock.Stage, _ body: () throws -> T) rethrows -> T {
        switch self {
        case .some(let clock): return try clock.measure(stage, body)
        case .none: return try body()
        }
    }
}
