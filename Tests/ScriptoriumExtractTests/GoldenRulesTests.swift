import Foundation
import Testing
@testable import ScriptoriumExtract

/// The Golden Rules for English sentence boundaries live outside the repository (they are someone else's
/// sentences): in the folder `shared` beside the checkout (`<repo>/../shared/fixtures/sbd-golden-en.json`), or in
/// the folder named by the environment variable SCRIPTORIUM_SHARED. The test is skipped when neither has them.
enum GoldenRulesFixture {
    static let relativePath = "fixtures/sbd-golden-en.json"

    static let url: URL? = {
        var candidates: [URL] = []
        if let shared = ProcessInfo.processInfo.environment["SCRIPTORIUM_SHARED"], !shared.isEmpty {
            candidates.append(URL(fileURLWithPath: shared).appendingPathComponent(relativePath))
        }
        candidates.append(repositoryRoot().deletingLastPathComponent().appendingPathComponent("shared")
            .appendingPathComponent(relativePath))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    struct Case: Decodable {
        let rule: Int
        let text: String
        let sentences: [String]
    }

    struct File: Decodable {
        let cases: [Case]
    }
}

@Suite("Golden Rules (English)")
struct GoldenRulesTests {
    // Skipped, with this comment, when the fixture is absent (e.g. in a clone without ../shared).
    @Test(.enabled(if: GoldenRulesFixture.url != nil,
                   "Golden Rules fixture not found: ../shared/fixtures/sbd-golden-en.json beside the repository, or set SCRIPTORIUM_SHARED"))
    func atLeast47Of48() throws {
        let url = try #require(GoldenRulesFixture.url)
        let file = try JSONDecoder().decode(GoldenRulesFixture.File.self, from: Data(contentsOf: url))
        #expect(file.cases.count == 48)
        var failing: [String] = []
        for c in file.cases {
            let got = splitSentences(c.text)
            let expected = c.sentences.map { $0.trimmingCharacters(in: .whitespaces) }
            if got != expected { failing.append("rule \(c.rule): expected \(expected), got \(got)") }
        }
        let passing = file.cases.count - failing.count
        print("Golden Rules: \(passing)/\(file.cases.count) pass")
        #expect(passing >= 47, "Golden Rules: \(passing)/\(file.cases.count); failing:\n\(failing.joined(separator: "\n"))")
    }
}
