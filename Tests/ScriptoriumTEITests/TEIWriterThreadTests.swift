import Foundation
import Testing
@testable import ScriptoriumTEI

/// The TEI writer is shared by the build's worker threads (one compiled schema per build): documents written on
/// several threads at once come out byte for byte as when written one after another.
@Suite struct TEIWriterThreadTests {
    @Test func documentsWrittenOnSeveralThreadsAtOnceMatchTheSequentialBytes() throws {
        let writer = try TEIWriter(dataset: Fixtures.dataset)
        let records = try Fixtures.essay()
        let expected = try writer.write(records)
        let results = Results(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            results.set(i, (try? writer.write(records)) ?? [])
        }
        #expect(results.all.allSatisfy { $0 == expected })
    }
}

private final class Results: @unchecked Sendable {
    private var values: [[UInt8]]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [UInt8]) { lock.withLock { values[i] = value } }
    var all: [[UInt8]] { lock.withLock { values } }
}
