import ScriptoriumModel

/// Writes `text/body`: the blocks before the first heading in a `div type="preamble"`, each section a
/// `div type="section"` with its `head` (the section's number, if any, as `head/@n`), nested by level; paragraphs
/// as `p`, runs of consecutive list items as one `list` of `item`s (a list item's marker, if any, as `item/@n`),
/// verbatim blocks as `ab type="verbatim"` holding the block text as it is (no `s`); every sentence an `s`, and inside it every mention an element (`placeName`, `orgName`,
/// `name[@type]` or `date[@when]`) whose `@ref` points at the entity's description in the `standOff`.
///
/// Records keep their ids: `div/@xml:id` is the section id, `p/@xml:id`, `item/@xml:id` and `ab/@xml:id` the block id,
/// `s/@xml:id` the sentence id and the mention element's `@xml:id` the mention id.
///
/// Sentence texts are handed to libxml2 as byte slices of `SentenceRecord.text`, cut at the mentions'
/// `rangeInSentence`, so the text content of each `s` is exactly the sentence text (after the XML 1.0 character
/// rule of `XMLCharacters`). Sentences in one block are separated by a single space, outside the `s` elements.
/// Records are read in place (no copies), walked in the order of the document's `DocumentTree`.
final class TEIBodyWriter {
    private let tree: XMLTree
    private let document: DocumentTree
    private let records: DocumentRecords
    private let forms: [String: MentionForm]
    private var documentID: String { document.document.id }

    /// How the mentions of one entity are written.
    private struct MentionForm {
        let element: StaticString
        let type: StaticString?
        let when: String?
        /// A decade's first and last years, written as `@from` and `@to` (a decade has no `@when` value).
        let decade: (first: String, last: String)?
        let ref: String
    }

    init(tree: XMLTree, document: DocumentTree) {
        self.tree = tree
        self.document = document
        self.records = document.records
        var forms: [String: MentionForm] = [:]
        for entity in document.records.entities where forms[entity.id] == nil {
            let (element, type) = TEI.mentionElement(for: entity.type)
            forms[entity.id] = MentionForm(element: element, type: type,
                                           when: entity.decadeYears == nil && entity.type == .date ? (entity.isoDate ?? entity.name) : nil,
                                           decade: entity.decadeYears,
                                           ref: "#" + entity.id)
        }
        self.forms = forms
    }

    func write(in textElement: XMLTree.Node) throws {
        let body = tree.element("body", in: textElement, container: true)
        let sections = records.sections
        if !document.preamble.isEmpty || sections.isEmpty {
            let preamble = tree.element("div", in: body, container: true)
            tree.attribute("type", "preamble", on: preamble)
            try writeBlocks(document.preamble, in: preamble)
        }

        // Open sections, innermost last: a section nests inside the nearest open one of a lower level.
        var open: [(level: Int, div: XMLTree.Node)] = []
        for (k, section) in sections.enumerated() {
            while let last = open.last, last.level >= section.level { open.removeLast() }
            let div = tree.element("div", in: open.last?.div ?? body, container: true)
            tree.xmlID(section.id, on: div)
            tree.attribute("type", "section", on: div)
            tree.attribute("n", String(section.position), on: div)
            let head = tree.element("head", text: section.heading, in: div)
            if let number = section.number { tree.attribute("n", number, on: head) }
            try writeBlocks(document.blocks(ofSection: k), in: div)
            open.append((section.level, div))
        }
    }

    private func writeBlocks(_ blockIndices: ArraySlice<Int>, in div: XMLTree.Node) throws {
        var list: XMLTree.Node? = nil
        for b in blockIndices {
            let kind = records.blocks[b].kind
            let name = TEI.blockElement(for: kind)
            let element: XMLTree.Node
            if kind == .listItem {
                let l = list ?? tree.element("list", in: div, container: true)
                list = l
                element = tree.element(name, in: l)
            } else {
                list = nil
                element = tree.element(name, in: div)
            }
            if kind == .verbatim { tree.attribute("type", "verbatim", on: element) }
            tree.xmlID(records.blocks[b].id, on: element)
            if let marker = records.blocks[b].marker { tree.attribute("n", marker, on: element) }
            if kind == .verbatim {
                // Kept as written: the block text itself, no sentences (the record model gives it none). `ab` is
                // not a container, so the indentation never touches the white space inside it.
                tree.text(records.blocks[b].text, in: element)
                continue
            }
            var first = true
            for s in document.sentences(ofBlock: b) {
                if !first { tree.space(in: element) }
                first = false
                try writeSentence(s, mentions: document.mentions(ofSentence: s), in: element)
            }
        }
    }

    private func writeSentence(_ index: Int, mentions: ArraySlice<Int>, in parent: XMLTree.Node) throws {
        let s = tree.element("s", in: parent)
        tree.xmlID(records.sentences[index].id, on: s)
        try withUTF8(records.sentences[index].text) { bytes in
            var cursor = 0
            for m in mentions {
                let range = records.mentions[m].rangeInSentence
                guard range.lowerBound >= cursor, range.upperBound <= bytes.count, !range.isEmpty,
                      isScalarBoundary(bytes, range.lowerBound), isScalarBoundary(bytes, range.upperBound) else {
                    throw inconsistent("mention \(records.mentions[m].id) has bytes \(range) of sentence "
                        + "\(records.sentences[index].id) (\(bytes.count) bytes), which is empty, outside the sentence, "
                        + "overlaps another mention or cuts a character")
                }
                guard let form = forms[records.mentions[m].entityID] else {
                    throw inconsistent("mention \(records.mentions[m].id) refers to entity "
                        + "\(records.mentions[m].entityID), which is not among the document's entities")
                }
                tree.text(bytes: UnsafeBufferPointer(rebasing: bytes[cursor..<range.lowerBound]), in: s)
                let element = tree.element(form.element, in: s)
                tree.xmlID(records.mentions[m].id, on: element)
                if let type = form.type { tree.attribute("type", type, on: element) }
                if let when = form.when { tree.attribute("when", when, on: element) }
                if let decade = form.decade {
                    tree.attribute("from", decade.first, on: element)
                    tree.attribute("to", decade.last, on: element)
                }
                tree.attribute("ref", form.ref, on: element)
                tree.text(bytes: UnsafeBufferPointer(rebasing: bytes[range]), in: element)
                cursor = range.upperBound
            }
            tree.text(bytes: UnsafeBufferPointer(rebasing: bytes[cursor...]), in: s)
        }
    }

    private func inconsistent(_ message: String) -> TEIError {
        .inconsistentRecords(documentID: documentID, message: message)
    }

    /// True when `offset` falls between two UTF-8 encoded code points (not on a continuation byte).
    private func isScalarBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }
}

/// Calls `body` with the UTF-8 bytes of `string`, in place when the string stores them contiguously (native
/// Swift strings do), otherwise from a contiguous copy.
@inline(__always)
func withUTF8<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let result = try string.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = string
    return try copy.withUTF8(body)
}
