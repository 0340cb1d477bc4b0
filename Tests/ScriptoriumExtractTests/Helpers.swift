import Foundation
@testable import ScriptoriumExtract

/// The repository's root folder, found from this file's path (tests never depend on the working directory).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func essayBytes() throws -> [UInt8] {
    Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("input/us-japan-security-treaty.txt")))
}

/// The structure of `text` with each element's text, for readable expectations.
func structure(_ text: String) -> [(String, String)] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buf in
        StructureReader.read(buf).map { element in
            switch element {
            case .heading(_, let line, _):
                return ("heading", String(decoding: buf[line], as: UTF8.self))
            case .block(let kind, let lines, _):
                return (kind.rawValue, BlockText(source: buf, lines: lines).string)
            case .verbatim(let range):
                return ("verbatim", String(decoding: buf[range], as: UTF8.self))
            }
        }
    }
}
