/// What the structure reader is told rather than left to infer: that a file is Markdown (its name ends in `.md`),
/// and the corrections a user gives for a misread document in its sidecar (`"layout"` in `NAME.meta.json`), by
/// the line numbers `scriptorium outline` prints, so that a document is corrected without editing its text.
public struct LayoutHints: Equatable, Sendable {
    /// Read as Markdown.
    public var markdown: Bool
    /// Lines that are headings, with their levels (1-based line numbers).
    public var headings: [Int: Int]
    /// Lines that are text, never headings.
    public var text: Set<Int>
    /// Line ranges kept as written: verbatim blocks.
    public var verbatim: [ClosedRange<Int>]

    public init(markdown: Bool = false, headings: [Int: Int] = [:], text: Set<Int> = [], verbatim: [ClosedRange<Int>] = []) {
        self.markdown = markdown
        self.headings = headings
        self.text = text
        self.verbatim = verbatim.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The hints for a file named `path` with no corrections.
    public static func forFile(_ path: String) -> LayoutHints {
        LayoutHints(markdown: path.lowercased().hasSuffix(".md"))
    }

    /// What is wrong with the corrections for a document of `lineCount` lines, or nil: a line past the end, a level
    /// outside 1–6, ranges that overlap, a line given two kinds.
    public func problem(lineCount: Int) -> String? {
        let all = Array(headings.keys) + Array(text) + verbatim.flatMap { [$0.lowerBound, $0.upperBound] }
        if let bad = all.sorted().first(where: { $0 < 1 || $0 > lineCount }) {
            return "layout: line \(bad) is not a line of the document (it has \(lineCount))"
        }
        if let (line, level) = headings.sorted(by: { $0.key < $1.key }).first(where: { !(1...6).contains($0.value) }) {
            return "layout: heading level \(level) for line \(line) is not between 1 and 6"
        }
        for (a, b) in zip(verbatim, verbatim.dropFirst()) where a.overlaps(b) {
            return "layout: verbatim ranges \(a.lowerBound)-\(a.upperBound) and \(b.lowerBound)-\(b.upperBound) overlap"
        }
        if let line = headings.keys.sorted().first(where: { text.contains($0) || verbatimRange(at: $0) != nil })
            ?? text.sorted().first(where: { verbatimRange(at: $0) != nil }) {
            return "layout: line \(line) is given two kinds"
        }
        return nil
    }

    /// The number of lines of `source`, as the reader and `scriptorium outline` count them.
    public static func lineCount(of source: SourceText) -> Int {
        source.bytes.withUnsafeBufferPointer { Line.scan($0).count }
    }

    /// The verbatim range holding 1-based `line`, if any.
    func verbatimRange(at line: Int) -> ClosedRange<Int>? {
        verbatim.first { $0.contains(line) }
    }

    var isEmpty: Bool { headings.isEmpty && text.isEmpty && verbatim.isEmpty }
}
