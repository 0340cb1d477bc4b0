import Foundation

/// A column's `pattern` constraint (a Frictionless regular expression, matched against the whole value), for
/// `validate`'s check of every cell. Foundation's regular expressions cost microseconds per call (bridging the value
/// to an `NSString`, building the matcher), and the id pattern applies to every row of every table: hundreds of
/// thousands of calls for one large document. The patterns the tables use are a small subset (literal characters and
/// bracket classes of ASCII characters and ranges, each once, `*`, `+`, `?` or `{n}` times), which this matches
/// directly over the bytes of a printable-ASCII value, as a small NFA with one state per atom.
///
/// Anything else, a pattern outside the subset or a value with a byte outside 0x20...0x7E (where Foundation's
/// rules on line ends and canonical equivalence could decide), goes to Foundation exactly as before.
struct ColumnPattern {
    /// The pattern as written.
    let source: String
    /// The atoms of a pattern in the subset, nil otherwise.
    private let atoms: [Atom]?

    private struct Atom {
        /// Which bytes the atom accepts (indexed by byte; ASCII only).
        var accepts: [Bool]
        /// `*`: any number of times, else once; `optional`: zero or once.
        var repeats: Bool
        var optional: Bool
    }

    init(_ source: String) {
        self.source = source
        atoms = Self.parse(Array(source.utf8))
    }

    func matches(_ value: String) -> Bool {
        guard let atoms, value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            return value.range(of: "^(\(source))$", options: .regularExpression) != nil
        }
        // states[k]: the first k atoms can match the bytes read so far.
        var states = [Bool](repeating: false, count: atoms.count + 1)
        states[0] = true
        Self.close(&states, atoms)
        var next = states
        for byte in value.utf8 {
            for k in next.indices { next[k] = false }
            var any = false
            for (k, atom) in atoms.enumerated() where states[k] && atom.accepts[Int(byte)] {
                next[atom.repeats ? k : k + 1] = true
                any = true
            }
            guard any else { return false }
            Self.close(&next, atoms)
            swap(&states, &next)
        }
        return states[atoms.count]
    }

    /// Adds the states reached by skipping atoms that may match nothing.
    private static func close(_ states: inout [Bool], _ atoms: [Atom]) {
        for (k, atom) in atoms.enumerated() where states[k] && (atom.repeats || atom.optional) { states[k + 1] = true }
    }

    /// The atoms of `p`, or nil when it uses anything outside the subset.
    private static func parse(_ p: [UInt8]) -> [Atom]? {
        let special = Set("\\^$.|?*+()[]{}".utf8)
        var atoms: [Atom] = []
        var i = 0
        while i < p.count {
            var accepts = [Bool](repeating: false, count: 128)
            if p[i] == UInt8(ascii: "[") {
                i += 1
                let start = i
                while i < p.count && p[i] != UInt8(ascii: "]") {
                    let c = p[i]
                    guard c >= 0x20 && c < 0x7F, c != UInt8(ascii: "\\"), c != UInt8(ascii: "["),
                          !(c == UInt8(ascii: "^") && i == start) else { return nil }
                    if i + 2 < p.count, p[i + 1] == UInt8(ascii: "-"), p[i + 2] != UInt8(ascii: "]") {
                        let d = p[i + 2]
                        guard d >= c, d < 0x7F, d != UInt8(ascii: "\\"), d != UInt8(ascii: "[") else { return nil }
                        for x in c...d { accepts[Int(x)] = true }
                        i += 3
                    } else {
                        accepts[Int(c)] = true
                        i += 1
                    }
                }
                guard i < p.count, i > start else { return nil }
                i += 1
            } else {
                guard p[i] >= 0x20 && p[i] < 0x7F, !special.contains(p[i]) else { return nil }
                accepts[Int(p[i])] = true
                i += 1
            }
            accepts += [Bool](repeating: false, count: 128)
            let atom = Atom(accepts: accepts, repeats: false, optional: false)
            guard i < p.count else {
                atoms.append(atom)
                break
            }
            switch p[i] {
            case UInt8(ascii: "*"):
                atoms.append(Atom(accepts: accepts, repeats: true, optional: true))
                i += 1
            case UInt8(ascii: "+"):
                atoms += [atom, Atom(accepts: accepts, repeats: true, optional: true)]
                i += 1
            case UInt8(ascii: "?"):
                atoms.append(Atom(accepts: accepts, repeats: false, optional: true))
                i += 1
            case UInt8(ascii: "{"):
                var k = i + 1, n = 0
                while k < p.count, p[k] >= 0x30, p[k] <= 0x39, n < 1000 {
                    n = n * 10 + Int(p[k] - 0x30)
                    k += 1
                }
                guard k > i + 1, k < p.count, p[k] == UInt8(ascii: "}") else { return nil }
                atoms += [Atom](repeating: atom, count: n)
                i = k + 1
            default:
                atoms.append(atom)
            }
        }
        return atoms
    }
}
