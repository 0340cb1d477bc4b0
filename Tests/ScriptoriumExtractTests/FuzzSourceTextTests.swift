import Foundation
import Testing
import ScriptoriumTestSupport
import ScriptoriumModel
@testable import ScriptoriumExtract

/// `SourceText` against an independent oracle, on random bytes: it accepts exactly the UTF-8 text that is not
/// binary and not blank; a refusal for bad UTF-8 gives the offset Swift's own decoder stops at, and the right
/// line and column; an accepted text counts code points as Python does. The extractor then never crashes and
/// keeps its spans inside the text and in order. `SCRIPTORIUM_FUZZ_ITERATIONS` as in the pipeline fuzz tests.
@Suite struct FuzzSourceTextTests {
    static let iterations = ProcessInfo.processInfo.environment["SCRIPTORIUM_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 300
    static let seed = ProcessInfo.processInfo.environment["SCRIPTORIUM_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x0DDB_A115


    static let atoms: [[UInt8]] = [
        [0x20], [0x0A], [0x0D], [0x0D, 0x0A], [0x09], [0x0C], [0x2E], [0x61], [0x42], [0x31], [0x2D, 0x20], [0x2A, 0x20],
        Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{00A0}".utf8), Array("\u{2028}".utf8), Array("\u{85}".utf8),
        Array("\u{FEFF}".utf8), Array("\u{FFFF}".utf8), [0x80], [0xBF], [0xC2], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F], [0xFF], [0xFE], [0x00],
    ]

    static func generate(_ rng: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = rng.below(10) == 0 ? [0xEF, 0xBB, 0xBF] : []
        // Half the inputs are valid UTF-8 (at most one broken spot in the rest), so both paths get exercised.
        let clean = rng.below(2) == 0
        let valid = atoms.filter { String(validating: $0, as: UTF8.self) != nil && $0 != [0x00] }
        for _ in 0..<rng.below(80) {
            if clean {
                bytes += valid[rng.below(valid.count)]
            } else {
                bytes += rng.below(20) == 0 ? [UInt8(truncatingIfNeeded: rng.next())] : atoms[rng.below(atoms.count)]
            }
        }
        if !clean, rng.below(2) == 0 {
            // One bad spot only, somewhere in otherwise valid text.
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8).filter { $0 != 0 }
            let bad = atoms.filter { String(validating: $0, as: UTF8.self) == nil }
            bytes.insert(contentsOf: bad[rng.below(bad.count)], at: rng.below(bytes.count + 1))
        }
        return bytes
    }

    /// What SourceText should say, worked out without its code.
    static func expectation(_ file: [UInt8]) -> String? {
        if file.isEmpty { return "the file is empty" }
        if SourceText.binarySignature(file) != nil { return "binary" }
        let text = file.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(file.dropFirst(3)) : file
        let bomLength = file.count - text.count
        if String(validating: text, as: UTF8.self) == nil {
            // Swift's decoder: the offset of the first scalar it cannot decode.
            var iterator = text.makeIterator()
            var decoder = UTF8()
            var offset = 0
            while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
            // Line and column as an editor shows them: LF, CR and CRLF end a line; columns count code points.
            let before = String(decoding: text[..<offset], as: UTF8.self)
            let lines = before.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }
            var line = 1
            var previous: Unicode.Scalar?
            for scalar in before.unicodeScalars {
                if scalar == "\n" && previous != "\r" || scalar == "\r" { line += 1 }
                previous = scalar
            }
            return "byte offset \(offset + bomLength) (line \(line), column \((lines.last?.count ?? 0) + 1))"
        }
        if text.contains(0) { return "NUL byte" }
        let visible = String(decoding: text, as: UTF8.self).unicodeScalars.contains {
            !$0.properties.isWhitespace && !($0.value < 0x20 || $0.value == 0x7F)
        }
        return visible ? nil : "no text"
    }

    @Test func sourceTextAgreesWithSwiftsDecoder() {
        var rng = SplitMix64(seed: Self.seed)
        var accepted = 0
        for iteration in 0..<Self.iterations {
            let file = Self.generate(&rng)
            let expected = Self.expectation(file)
            do {
                let source = try SourceText(fileBytes: file, path: "f.txt")
                accepted += 1
                #expect(expected == nil, "iteration \(iteration): accepted, expected \(expected ?? "")\n\(file)")
                let scalars = String(decoding: source.bytes, as: UTF8.self).unicodeScalars
                #expect(source.index.codePointCount == scalars.count, "iteration \(iteration)")
                // Offsets of every scalar boundary agree with Python's code-point count.
                var byte = 0
                for (k, scalar) in scalars.enumerated() {
                    #expect(source.index.codePointOffset(ofByte: byte) == k)
                    byte += UTF8.width(scalar)
                }
                // The extractor: no crash, spans inside the text, ordered, non-empty.
                let document = DocumentRecord(id: "f", title: "F", source: "f.txt", sourceSHA256: "", language: "en", license: "",
                                              creators: [], byteCount: file.count, codePointCount: scalars.count)
                let extracted = DocumentExtractor.extract(document: document, source: source)
                var end = 0
                for block in extracted.blocks {
                    let span = block.record.span
                    #expect(span.start >= end && span.start < span.end && span.end <= scalars.count, "iteration \(iteration): \(span)")
                    for sentence in block.sentences {
                        #expect(sentence.span.start >= span.start && sentence.span.end <= span.end && !sentence.text.isEmpty,
                                "iteration \(iteration): \(sentence)")
                    }
                    end = span.end
                }
            } catch let error as ScriptoriumError {
                guard let expected else {
                    Issue.record("iteration \(iteration): refused (\(error.message)), expected accepted\n\(file)")
                    continue
                }
                let matches = expected == "binary" ? error.message.contains("binary") : error.message.contains(expected)
                #expect(matches, "iteration \(iteration): \(error.message), expected \(expected)\n\(file)")
                #expect(!error.message.contains("\n"))
            } catch {
                Issue.record("iteration \(iteration): \(type(of: error)) \(error)")
            }
        }
        print("fuzz SourceText: \(Self.iterations) inputs, \(accepted) accepted, seed \(Self.seed)")
    }
}
