import ScriptoriumModel

/// Shard K of N (`build --shard K/N`): which part of the inputs one machine builds.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N` with 1 ≤ K ≤ N; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }
}

/// Which shard builds each document: deterministic (every shard computes the same plan from the same list of
/// inputs, without talking to the others) and balanced by bytes, since a document's cost is close to linear in
/// its size. Largest first, each to the shard with the fewest bytes so far (ties: the lower shard), the classic
/// greedy rule, which keeps every shard within one document of the average.
enum ShardPlan {
    /// The 1-based shard of each input, given its size in bytes and its path (sizes tie-broken by path bytes).
    static func assign(sizes: [Int], paths: [String], shards: Int) -> [Int] {
        precondition(sizes.count == paths.count && shards >= 1)
        let order = sizes.indices.sorted { a, b in
            sizes[a] != sizes[b] ? sizes[a] > sizes[b] : PathOrder.less(paths[a], paths[b])
        }
        var load = [Int](repeating: 0, count: shards)
        var shardOf = [Int](repeating: 1, count: sizes.count)
        for i in order {
            let lightest = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            shardOf[i] = lightest + 1
            load[lightest] += max(sizes[i], 1)
        }
        return shardOf
    }
}
