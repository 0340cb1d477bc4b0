import ArgumentParser
import Foundation
import ScriptoriumExtract
import ScriptoriumNormalize

struct Sentences: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The sentence splitter alone.",
        discussion: "Each non-empty line of standard input is one paragraph (no structure detection, list markers kept). Prints each sentence, normalised, on its own line, and an empty line after each paragraph.")

    func run() throws {
        try reportingErrors {
            let input = Array(FileHandle.standardInput.readDataToEndOfFile())
            let text = try SourceText(fileBytes: input.isEmpty ? [0x0A] : input, path: "<stdin>", allowEmpty: true)
            var out: [UInt8] = []
            out.reserveCapacity(text.bytes.count + text.bytes.count / 8)
            for paragraph in ParagraphSentences.split(text) {
                for sentence in paragraph {
                    out.append(contentsOf: sentence.utf8)
                    out.append(0x0A)
                }
                out.append(0x0A)
            }
            FileHandle.standardOutput.write(Data(out))
        }
    }
}
