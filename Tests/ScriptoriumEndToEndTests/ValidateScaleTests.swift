import Foundation
import Testing
@testable import ScriptoriumPipeline

/// The parts of `validate` rewritten so that a very large document is checked in linear time and bounded memory: each
/// must answer exactly as the Foundation code it replaced.
@Suite struct ValidateScaleTests {
    /// The fast matcher agrees with Foundation's regular expressions, on the tables' patterns and on values where
    /// Foundation's own rules (a line end before `$`, non-ASCII) decide.
    @Test func columnPatternsMatchAsFoundationDoes() {
        let patterns = ["[A-Za-z_][A-Za-z0-9_.-]*", "[0-9a-f]{64}", "Q[1-9][0-9]*", "ab?c+", "[-a]x"]
        let values = ["doc", "doc.b1.s12", "_x-y.z", "1doc", "doc b", "", "Q17", "Q0", "Q", "Q17\n", "Q17x", "doc\n",
                      "Qé", "é", "ac", "abcc", "abbc", "-x", "ax", "bx", String(repeating: "a", count: 64),
                      String(repeating: "f", count: 63), String(repeating: "A", count: 64), "doc\u{2028}"]
        for pattern in patterns {
            let fast = ColumnPattern(pattern)
            for value in values {
                let foundation = value.range(of: "^(\(pattern))$", options: .regularExpression) != nil
                #expect(fast.matches(value) == foundation, "\(pattern) on \(value.debugDescription)")
            }
        }
    }
}
