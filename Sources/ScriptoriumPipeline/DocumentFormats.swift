import ScriptoriumHTML
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumTEI

/// The formats every document is written in besides its CSV rows and its source copy: the one table the pipeline
/// loops over to write, hash and list each document's files (`DocumentOutput`), to make their folders
/// (`OutputLayout`) and to check them (`FormatChecks`), as pandoc's writer table does.
///
/// To add a format, write one type conforming to `DocumentFormat` (beside its writer, with its checker) and add it
/// here. Order matters twice: a document's files are listed in this order, and a large document built with more
/// than one job writes the first format on a thread of its own (`DocumentOutput.parallelFormatsBytes`), so the
/// costliest format comes first.
enum DocumentFormats {
    static let all: [any DocumentFormat.Type] = [
        TEIFormat.self,
        JSONLDFormat.self,
        HTMLFormat.self,
    ]
}
