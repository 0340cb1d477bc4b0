import ScriptoriumTestSupport
import Testing
@testable import ScriptoriumTEI

/// The word-at-a-time text escaper must write exactly what libxml2's own escaper writes, however libxml2 cuts the
/// text into calls (it offers whatever room is left in its output buffer).
@Suite struct XMLTextEscaperTests {
    /// libxml2's rule for text content, one byte at a time.
    func reference(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for b in bytes {
            switch b {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case 0x0D: out += Array("&#13;".utf8)
            default: out.append(b)
            }
        }
        return out
    }

    /// Drives the escaper as `xmlOutputBufferWriteEscape` does, offering at most `room` bytes of output per call.
    func escaped(_ bytes: [UInt8], room: Int) -> [UInt8] {
        var out: [UInt8] = []
        var offset = 0
        var buffer = [UInt8](repeating: 0, count: room)
        while offset < bytes.count {
            var inLength = Int32(bytes.count - offset)
            var outLength = Int32(room)
            let result = bytes.withUnsafeBufferPointer { input in
                buffer.withUnsafeMutableBufferPointer { output in
                    XMLTextEscaper.escapeContent(output.baseAddress, &outLength, input.baseAddress! + offset, &inLength)
                }
            }
            #expect(result == 0)
            guard outLength > 0 else {
                Issue.record("no progress with \(room) bytes of room")
                return out
            }
            out += buffer[0..<Int(outLength)]
            offset += Int(inLength)
        }
        return out
    }

    @Test func matchesLibxml2sRuleWhateverTheRoom() {
        var generator = SplitMix64(seed: 0x584D_4C45) // seeded: a failure can be repeated
        let alphabet: [UInt8] = Array("ab <>&\r\n\t\"'é".utf8) + [0x3D, 0x3F, 0x2E, 0x0C, 0xBE, 0x7E]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 200] {
            for _ in 0..<20 {
                let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                for room in [5, 6, 9, 16, 40, 4096] {
                    #expect(escaped(text, room: room) == reference(text), "\(text) with room \(room)")
                }
            }
        }
    }

    @Test func everySpecialIsFoundAtEveryOffset() {
        for special in Array("<>&\r".utf8) {
            for at in 0..<24 {
                var text = [UInt8](repeating: UInt8(ascii: "x"), count: 24)
                text[at] = special
                #expect(escaped(text, room: 4096) == reference(text))
            }
        }
    }
}
