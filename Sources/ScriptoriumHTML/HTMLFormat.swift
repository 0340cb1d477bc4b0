import ScriptoriumModel

/// The reading view as one of the document formats the pipeline writes (`DocumentFormat`):
/// `data/html/<document id>.html`, written by `ReadingView` and checked by `HTMLCheck` and the sentence ids.
public struct HTMLFormat: DocumentFormat {
    public static let name = "html"
    public static let label = "HTML"
    public static let folder = "html"
    public static let fileExtension = "html"
    public static let mediaType = "text/html"
    public static let formatName = "html"

    private let context: FormatContext

    public init(_ context: FormatContext) {
        self.context = context
    }

    /// The records the page shows one element each for, as the manifest counts them: its sentences.
    public func recordCount(_ tree: DocumentTree) -> Int { tree.records.sentences.count }

    public func write<R>(_ tree: DocumentTree, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let own = Self.path(forDocument: tree.document.id)
        let others = context.files(of: tree.document).filter { $0.path != own }
        return try ReadingView.page(tree, dataset: context.dataset, files: others, body)
    }

    /// The page parses (`HTMLCheck`: tags closed in order, ids unique, every `#` link has its target, nothing is
    /// fetched) and holds an element for every sentence of the document, with the sentence's id. (Its links out of
    /// the page are resolved against the bag by `validate`, which sees every file.)
    public static func check(_ bytes: [UInt8], path: String, records: DocumentRecords) -> [String] {
        let report = HTMLCheck.check(bytes)
        var problems = report.problems.map { "\(path): \($0)" }
        let ids = Set(report.ids)
        let missing = records.sentences.filter { !ids.contains($0.id) }
        if let first = missing.first {
            problems.append("\(path): no element with the id of sentence \(first.id)"
                + (missing.count > 1 ? " (and \(missing.count - 1) more sentences)" : ""))
        }
        return problems
    }
}
