import ArgumentParser
import Foundation
import ScriptoriumExtract
import ScriptoriumModel
import ScriptoriumPipeline

/// `scriptorium outline FILE...`: how each document's layout was read, before anything is built.
struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How each document was read: one line per heading or block.",
        discussion: """
            Prints, for each FILE, one tab-separated line per heading or block: its line range in the file, its kind \
            (heading, paragraph, list_item, verbatim), a heading's level, a heading's number or a list item's marker, \
            and its first words. With several files, each file's outline follows a line `# FILE`. Where the reading is \
            wrong, the document's sidecar corrects it by these line numbers without touching the text: \
            {"layout": {"headings": {"12": 1}, "text": [7], "verbatim": ["30-42"]}} in NAME.meta.json.
            """)

    @Argument(help: "Text or Markdown files (.txt, .md), or folders of them.")
    var files: [String]

    func run() throws {
        try reportingErrors {
            var out = ""
            let inputs = try InputCollector.collect(files)
            for input in inputs {
                let source = try DocumentProcessor.read(input).source
                let path = input.shown(input.url.path)
                if inputs.count > 1 { out += "# \(path)\n" }
                // The document's sidecar corrections apply, as in a build.
                let meta = try MetadataFiles.document(for: input.url)
                let hints = meta.hints(for: input.relativePath)
                if meta.layout != nil, let problem = hints.problem(lineCount: LayoutHints.lineCount(of: source)) {
                    throw ScriptoriumError(.input, path: MetadataFiles.sidecarURL(for: input.url).path, problem)
                }
                for entry in DocumentOutline.entries(of: source, hints: hints) {
                    out += entry.line + "\n"
                }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
