import Dispatch
import Foundation

/// Runs `transform` over the indices `0..<count` on `jobs` worker threads and hands each result to `consume` on
/// the calling thread, in index order, while later items are still being processed: the sequential part
/// overlaps the parallel one, and one slow item (a large document) does not leave the other cores idle while
/// the items after it are within the window (heavy items are started first, see `State.take`). The window is
/// bounded by the summed `weight` of the items taken but not yet consumed (at most `budget`, but always the item
/// the consumer needs next) and by `maxAhead` items, so memory stays flat however many items there are.
enum OrderedStream {
    static func run<R>(count: Int, jobs: Int, weight: [Int], budget: Int, maxAhead: Int,
                       _ transform: (Int) -> R, consume: (Int, R) throws -> Void) throws {
        precondition(weight.count == count)
        if jobs <= 1 || count <= 1 {
            for i in 0..<count { try consume(i, transform(i)) }
            return
        }
        let state = State<R>(count: count)
        try withoutActuallyEscaping(transform) { transform in
            // The threads reach the (non-escaping) closure only through `work`, which is emptied once they have
            // all finished: a Thread object keeps its block for a while after the thread's last instruction.
            let work = Holder(transform)
            defer { work.value = nil }
            let done = DispatchGroup()
            for _ in 0..<min(jobs, count) {
                done.enter()
                let thread = Thread {
                    defer { done.leave() }
                    while let i = state.take(weight: weight, budget: budget, maxAhead: maxAhead) {
                        state.put(i, work.value!(i))
                    }
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            defer {
                state.stop()
                done.wait()
            }
            for i in 0..<count {
                let result = state.wait(for: i)
                try consume(i, result)
                state.consumed(weight: weight[i])
            }
        }
    }

    private final class State<R>: @unchecked Sendable {
        private let condition = NSCondition()
        private var slots: [R?]
        private var taken: [Bool]
        private var firstUntaken = 0
        /// The index the consumer takes next.
        private var consumerNext = 0
        private var inFlight = 0
        private var inFlightWeight = 0
        private var stopped = false

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
            taken = Array(repeating: false, count: count)
        }

        /// The next index to process, once the window has room for it; nil when there is nothing left.
        ///
        /// Among the items not yet taken that lie within `budget` (summed weight) and `maxAhead` items of the first
        /// of them, the heaviest that fits the budget is taken first (the first of equals): a large document is
        /// started early, while other threads go on with the small ones around it, instead of finishing last on
        /// one core. The item the consumer waits for is always admitted, so the stream cannot stall.
        func take(weight: [Int], budget: Int, maxAhead: Int) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                while firstUntaken < taken.count && taken[firstUntaken] { firstUntaken += 1 }
                if stopped || firstUntaken >= taken.count { return nil }
                var best = -1
                if inFlight < maxAhead {
                    var ahead = 0
                    var i = firstUntaken
                    while i < taken.count && i - firstUntaken < maxAhead {
                        ahead += weight[i]
                        if i > firstUntaken && ahead > budget { break }
                        if !taken[i] && inFlightWeight + weight[i] <= budget && (best < 0 || weight[i] > weight[best]) {
                            best = i
                        }
                        i += 1
                    }
                }
                if best < 0 && (inFlight == 0 || firstUntaken == consumerNext) { best = firstUntaken }
                if best >= 0 {
                    taken[best] = true
                    inFlight += 1
                    inFlightWeight += weight[best]
                    return best
                }
                condition.wait()
            }
        }

        func put(_ i: Int, _ value: R) {
            condition.lock()
            slots[i] = value
            condition.broadcast()
            condition.unlock()
        }

        func wait(for i: Int) -> R {
            condition.lock()
            defer { condition.unlock() }
            while slots[i] == nil { condition.wait() }
            defer { slots[i] = nil }
            return slots[i]!
        }

        func consumed(weight: Int) {
            condition.lock()
            consumerNext += 1
            inFlight -= 1
            inFlightWeight -= weight
            condition.broadcast()
            condition.unlock()
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }

    private final class Holder<V>: @unchecked Sendable {
        var value: V?
        init(_ value: V) { self.value = value }
    }
}
