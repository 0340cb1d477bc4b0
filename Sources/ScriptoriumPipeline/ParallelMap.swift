import Dispatch
import Foundation

/// Maps `items` on up to `jobs` threads and returns the results in the items' order, so the output of a
/// parallel build is byte-identical to a sequential one.
enum ParallelMap {
    static func map<T, R>(_ items: [T], jobs: Int, _ transform: (T) -> R) -> [R] {
        if jobs <= 1 || items.count <= 1 { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        withoutActuallyEscaping(transform) { transform in
            let box = UncheckedBox(transform)
            let input = UncheckedBox(items)
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
                while true {
                    let i = next.increment()
                    if i >= input.value.count { break }
                    slots.set(i, box.value(input.value[i]))
                }
            }
        }
        return slots.values()
    }

    /// Result storage written at distinct indices from several threads.
    private final class Slots<R>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: R) {
            lock.withLock { storage[i] = value }
        }
        func values() -> [R] { storage.map { $0! } }
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func increment() -> Int { lock.withLock { defer { value += 1 }; return value } }
    }

    private struct UncheckedBox<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }
}
