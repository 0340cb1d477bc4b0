import Foundation
import Testing
@testable import ScriptoriumExtract

/// The repository's root, found from this file (Tests/ScriptoriumExtractTests/<file>).
func repositoryRoot(_ file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

@Suite("SentenceSplitter: the essay")
struct SentenceSplitterEssayTests {
    /// The essay's paragraphs and list items (without their "- " marker): the lines ending in . ! or ?.
    /// Headings (no final punctuation) and lone "-" lines are left out.
    static func blocks() throws -> [String] {
        let url = repositoryRoot().appendingPathComponent("input/us-japan-security-treaty.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .compactMap { raw -> String? in
                var line = raw.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                if line.hasPrefix("- ") { line.removeFirst(2) }
                guard let last = line.last, ".!?".contains(last) else { return nil }
                return line
            }
    }

    @Test func essayHas140Sentences() throws {
        let blocks = try Self.blocks()
        #expect(blocks.count == 63) // 54 paragraphs and 9 list items
        let sentences = blocks.flatMap(splitSentences)
        #expect(sentences.count == 140)
        for sentence in sentences {
            let first = sentence.unicodeScalars.first!
            #expect(!(first.properties.isLowercase), "sentence starts in lower case: \(sentence)")
            #expect(".!?".contains(sentence.last!), "sentence does not end a sentence: \(sentence)")
        }
    }

    @Test func usEndsASentenceOnlyBeforeANewOne() throws {
        // In the essay "U.S." is always followed by a lower-case word, so no sentence ends with it.
        let sentences = try Self.blocks().flatMap(splitSentences)
        #expect(sentences.filter { $0.hasSuffix("U.S.") }.isEmpty)
        #expect(sentences.contains("Some argue it perpetuates Japan’s reliance on the U.S. and limits its military autonomy."))
    }
}
