import Foundation
import Testing
import ScriptoriumPipeline

/// Inputs in subfolders keep their folders in the bag's `source/` copy, and their `source` paths say so.
@Suite struct NestedInputTests {
    @Test func inputsInSubfoldersAreCopiedUnderTheirFolders() throws {
        let folder = try temporaryFolder("nested")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        let texts = ["top.txt": "Top\n\nA paragraph at the top.\n",
                     "part-1/chapter.txt": "Chapter\n\nA paragraph in part one.\n",
                     "part-1/deeper/notes.txt": "Notes\n\nA paragraph two folders down.\n"]
        for (path, text) in texts {
            let url = input.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let output = folder.appendingPathComponent("out")
        _ = try DatasetBuilder.build(BuildOptions(inputs: [input.path], output: output.path, jobs: 2))
        for (path, text) in texts {
            #expect(try Data(contentsOf: output.appendingPathComponent("data/source/\(path)")) == Data(text.utf8))
        }
        let sources = try readCSVTable(output.appendingPathComponent("data/csv/documents.csv")).map { $0["source"]! }
        #expect(Set(sources) == Set(texts.keys))
        #expect(try DatasetValidator.validate(bag: output).problems == [])
    }
}
