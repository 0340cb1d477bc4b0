import Foundation
import Testing
@testable import ScriptoriumValidate

/// The problem codes are a public contract (`validate --json` prints them, scripts match on them): each is
/// `area.what` in lower case and the README's table documents every one.
struct ProblemCodeTests {
    @Test func everyCodeIsWellFormedAndDocumentedInTheReadme() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardizedFileURL
        let text = try String(contentsOf: readme, encoding: .utf8)
        for code in ProblemCode.allCases {
            let parts = code.rawValue.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0 == "-" } },
                    "\(code.rawValue)")
            #expect(text.contains("| `\(code.rawValue)` |"), "the README's table of problem codes has no row for \(code.rawValue)")
        }
    }

}
