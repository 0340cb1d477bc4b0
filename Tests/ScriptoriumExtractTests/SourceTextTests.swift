import Testing
import ScriptoriumModel
@testable import ScriptoriumExtract

@Suite struct SourceTextTests {
    private func error(_ bytes: [UInt8]) -> String? {
        do {
            _ = try SourceText(fileBytes: bytes, path: "in/doc.txt")
            return nil
        } catch let e as ScriptoriumError {
            return e.description
        } catch {
            return "\(error)"
        }
    }

    @Test func badUTF8NamesFileOffsetLineAndColumn() throws {
        let bytes = Array("first line\nsecond é".utf8) + [0xFF] + Array(" rest".utf8)
        let message = try #require(error(bytes))
        #expect(message.hasPrefix("in/doc.txt: not valid UTF-8"))
        #expect(message.contains("byte offset \(bytes.firstIndex(of: 0xFF)!)"))
        #expect(message.contains("line 2, column 9"))
    }

    @Test func rejectsOverlongsSurrogatesAndTruncation() {
        #expect(error([0x41, 0xC0, 0x80]) != nil)         // overlong NUL
        #expect(error([0x41, 0xED, 0xA0, 0x80]) != nil)   // UTF-16 surrogate
        #expect(error([0x41, 0xF4, 0x90, 0x80, 0x80]) != nil) // above U+10FFFF
        #expect(error([0x41, 0xE2, 0x80]) != nil)         // truncated at the end
    }

    @Test func rejectsEmptyBlankAndBinary() {
        #expect(error([])?.contains("empty") == true)
        #expect(error(Array(" \n\t\r\n".utf8))?.contains("no text") == true)
        #expect(error(Array("abc".utf8) + [0] + Array("def".utf8))?.contains("NUL") == true)
        #expect(error([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31])?.contains("PDF") == true)
    }

    @Test func dropsTheBOMAndCountsCodePoints() throws {
        let text = try SourceText(fileBytes: [0xEF, 0xBB, 0xBF] + Array("Ünïcode\r\nok".utf8), path: "x")
        #expect(text.hadBOM)
        #expect(text.index.codePointCount == 11)
        #expect(text.index.codePointOffset(ofByte: 2) == 1) // Ü is two bytes, one code point
    }
}
