/// What the whole document says about its own layout, learned before any line is read (SPEC §2: "decide from the
/// whole document"): how wide its wrapped paragraphs are, how it marks headings (Markdown `#`, setext underlines
/// in a fixed order of characters, Emacs outline stars), and which lines are page furniture.
struct LayoutProfile {
    /// The width (in code points, indentation included) that the document's hard-wrapped paragraphs fill: the
    /// upper quartile of the longest line of each run of three or more lines none longer than a typewriter line; 0 when
    /// the document has no such run (one line per paragraph).
    var wrapWidth = 0
    /// The document is hard-wrapped throughout: eight lines or more, and two in five of the lines in runs, end
    /// within ten columns of `wrapWidth`. Only then does a line that ends a sentence and fills the width count as
    /// wrapped (one sentence per line is a layout too, and its lines can be long).
    var fillsWidth = false
    /// The document is Markdown: a `.md` file, or a `.txt` with code fences or several `#` headings. Consecutive
    /// lines of text are then one paragraph, and only marked lines are headings.
    var markdown = false
    /// Lines starting `** ` at the left margin: Emacs outline mode (GNU NEWS files), where `*` lines are headings.
    var outlineMode = false
    /// Setext underline characters in the order the document first uses them: the first is level 1.
    var underlineOrder: [UInt8] = []
    /// The document marks its headings (underlines, `#`, outline stars) at least twice: unmarked sentence-case
    /// lines are then not headings.
    var marksHeadings = false
    /// The column where the document's wrapped text starts most often (0 for text at the margin; 7 in a manual page).
    var bodyColumns = 0
    /// Per line: whether it is text that is not prose (`LineShape.isNonProse`), found once here for the reader.
    var nonProse: [Bool] = []
    /// Running page headers and footers, by line index.
    var furniture: Set<Int> = []

    /// The level of a heading underlined with `character`.
    func underlineLevel(_ character: UInt8) -> Int {
        (underlineOrder.firstIndex(of: character) ?? underlineOrder.count) + 1
    }

    init(_ buf: UnsafeBufferPointer<UInt8>, _ lines: [Line], markdown isMarkdownFile: Bool) {
        var runMaxima: [Int] = []
        var runWidths: [Int] = [], currentWidths: [Int] = []
        var runLength = 0, runMax = 0
        var atxHeadings = 0, fences = 0, underlines = 0, outlineStars = 0
        var columnCounts: [Int: Int] = [:]
        nonProse = [Bool](repeating: false, count: lines.count)
        func endRun() {
            if runLength >= 3 {
                runMaxima.append(runMax)
                runWidths += currentWidths
            }
            currentWidths.removeAll(keepingCapacity: true)
            runLength = 0
            runMax = 0
        }
        for (k, line) in lines.enumerated() {
            if line.isBlank {
                endRun()
                continue
            }
            let text = line.trimmed
            if LineShape.isPageFurniture(buf, text) && (k < 3 || k + 3 >= lines.count || Self.repeats(buf, text, in: lines)) {
                furniture.insert(k)
                continue
            }
            let isNonProse = LineShape.isNonProse(buf, text, long: line.isLong)
            nonProse[k] = isNonProse
            if line.isLong || isNonProse {
                endRun()
            } else {
                if k + 1 < lines.count, !lines[k + 1].isBlank, lines[k + 1].columns == line.columns { columnCounts[line.columns, default: 0] += 1 }
                runLength += 1
                runMax = max(runMax, line.columns + line.codePoints)
                currentWidths.append(line.columns + line.codePoints)
            }
            let first = buf[text.lowerBound]
            // A `#` heading stands between other lines than `#` ones (a run of `#` lines is a comment or a quote).
            if first == UInt8(ascii: "#"), MarkedHeading.match(buf, text) != nil,
               k == 0 || lines[k - 1].isBlank || buf[lines[k - 1].trimmed.lowerBound] != UInt8(ascii: "#"),
               k + 1 == lines.count || lines[k + 1].isBlank || buf[lines[k + 1].trimmed.lowerBound] != UInt8(ascii: "#") {
                atxHeadings += 1
            }
            if LineShape.fence(buf, text) != nil { fences += 1 }
            if first == UInt8(ascii: "*"), text.count > 3, buf[text.lowerBound + 1] == UInt8(ascii: "*"), line.columns == 0 {
                var i = text.lowerBound
                while i < text.upperBound, buf[i] == UInt8(ascii: "*") { i += 1 }
                if i < text.upperBound, buf[i] == 0x20 { outlineStars += 1 }
            }
            if k > 0, !lines[k - 1].isBlank, let c = Self.underline(buf, lines, k) {
                underlines += 1
                if !underlineOrder.contains(c) { underlineOrder.append(c) }
            }
        }
        endRun()
        bodyColumns = columnCounts.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key })?.key ?? 0
        // One run is no evidence of a width: its lines may be sentences that happen to be long.
        if runMaxima.count >= 2 {
            runMaxima.sort()
            // The upper quartile: many paragraphs are short and never reach the width they were filled to.
            wrapWidth = runMaxima[runMaxima.count * 3 / 4]
            let full = runWidths.filter { $0 >= wrapWidth - 10 }.count
            fillsWidth = full >= 8 && full * 5 >= runWidths.count * 2
        }
        markdown = isMarkdownFile || fences >= 2 || atxHeadings >= 2
        outlineMode = outlineStars >= 1
        marksHeadings = atxHeadings + underlines + (outlineMode ? 2 : 0) >= 2
    }

    /// Whether the furniture-like line `text` occurs again in the document (a running header).
    private static func repeats(_ buf: UnsafeBufferPointer<UInt8>, _ text: Range<Int>, in lines: [Line]) -> Bool {
        var seen = 0
        for line in lines where line.trimmed.count == text.count && buf[line.trimmed].elementsEqual(buf[text]) {
            seen += 1
            if seen > 1 { return true }
        }
        return false
    }

    /// The rule character of line `k` when it underlines the line above it: a rule of one character (no spaces)
    /// at least three long and at least half as long as the title (reStructuredText wants the full length,
    /// Markdown any), under a title that is not itself a rule or a list item.
    static func underline(_ buf: UnsafeBufferPointer<UInt8>, _ lines: [Line], _ k: Int) -> UInt8? {
        let rule = lines[k].trimmed, title = lines[k - 1].trimmed
        guard let c = LineShape.ruleCharacter(buf, rule), c != UInt8(ascii: "_"),
              !rule.contains(where: { buf[$0] == 0x20 }),
              LineShape.ruleCharacter(buf, title) == nil,
              rule.count * 2 >= lines[k - 1].codePoints, lines[k - 1].codePoints <= 120 else { return nil }
        if let label = LineLabel.match(buf, title), label.kind == .bullet { return nil }
        return c
    }
}
