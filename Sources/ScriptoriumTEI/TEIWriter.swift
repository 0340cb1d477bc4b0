import CLibXML2
import ScriptoriumModel

/// Writes one TEI P5 document per input document through libxml2's tree API, validates the tree in memory against
/// the project's RELAX NG schema (`TEISchema`), and serialises it as UTF-8.
///
/// The document is `TEI` (`xml:id` = document id, `xml:lang` = its language) holding the `teiHeader`
/// (`TEIHeaderWriter`), `text/body` (`TEIBodyWriter`) and, when the document mentions entities, a `standOff`
/// (`TEIStandOffWriter`). Characters XML 1.0 forbids become U+FFFD (`XMLCharacters`). Layout: line breaks and
/// indentation between structural elements only; the content of `head`, `p`, `item` and `s` is written as given.
///
/// Thread safety: the schema is compiled once per process and shared; each `write` builds, validates and frees its
/// own tree, so one writer may be used from several threads at once on different documents.
public final class TEIWriter: @unchecked Sendable {
    private let dataset: DatasetMetadata
    private let validator: RelaxNGValidator

    /// Compiles the project's RELAX NG schema (once per process); throws `TEIError.schemaDidNotCompile` if it cannot.
    public init(dataset: DatasetMetadata) throws {
        self.dataset = dataset
        self.validator = try RelaxNGValidator.scriptoriumTEI.get()
    }

    /// The TEI document for `records`, validated against the project's RELAX NG schema, serialised as UTF-8.
    /// Throws `TEIError.invalid` (with the element path and libxml2's message for each problem) when the document
    /// is not valid, and `TEIError.inconsistentRecords` when the records contradict each other (including records
    /// that do not fit in a `DocumentTree`).
    public func write(_ records: DocumentRecords) throws -> [UInt8] {
        try write(Self.tree(records)) { Array($0) }
    }

    /// The document tree of `records`, or `TEIError.inconsistentRecords` with the tree's message.
    static func tree(_ records: DocumentRecords) throws -> DocumentTree {
        do {
            return try DocumentTree(records)
        } catch {
            throw TEIError.inconsistentRecords(documentID: error.documentID, message: error.message)
        }
    }

    /// Documents up to this size (bytes) validate their tree with the arena's memory (see `write`).
    static let validationInArenaBytes = 2 << 20

    /// The same bytes as `write(_:)`, lent to `body` straight from libxml2's output buffer (no copy).
    /// The tree lives in the thread's libxml2 arena (`XMLAllocator`) and is gone when this returns.
    public func write<R>(_ document: DocumentTree, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        try XMLAllocator.withDocumentArena {
            let tree = try validatedTree(document)
            // The markup a little more than doubles the text (ids on every record, mentions); more for the header.
            return try tree.serialize(sizeHint: 5 * document.document.byteCount / 2 + 16384, body)
        }
    }

    /// The same bytes as `write(_:)`, handed to `sink` in pieces as libxml2 serialises the tree: the serialised
    /// document is never in memory as a whole, only its tree.
    public func write(_ document: DocumentTree, to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try XMLAllocator.withDocumentArena {
            let tree = try validatedTree(document)
            try tree.serialize(to: sink)
        }
    }

    /// The document tree, validated against the schema.
    private func validatedTree(_ document: DocumentTree) throws -> XMLTree {
        let tree = try build(document)
        // Validation allocates and frees state as it goes; in the arena nothing is reused until the document
        // is done, which is cheaper for a typical document but grows with a long one: those validate on malloc.
        let problems = document.document.byteCount <= Self.validationInArenaBytes
            ? validator.validate(tree.doc)
            : XMLAllocator.outsideArena { validator.validate(tree.doc) }
        guard problems.isEmpty else {
            throw TEIError.invalid(documentID: document.document.id, problems: problems)
        }
        return tree
    }

    /// The XML tree of `records`, laid out, not yet validated.
    func build(_ records: DocumentRecords) throws -> XMLTree {
        try build(Self.tree(records))
    }

    /// The document tree, laid out, not yet validated.
    func build(_ content: DocumentTree) throws -> XMLTree {
        let tree = XMLTree(root: "TEI", namespace: TEI.namespace)
        tree.processingInstruction("xml-model",
            #"href="scriptorium-tei.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0""#)
        let document = content.document
        let language = document.language.isEmpty ? "und" : document.language
        tree.xmlID(document.id, on: tree.root)
        tree.xmlLang(language, on: tree.root)

        TEIHeaderWriter(dataset: dataset).write(document, language: language, into: tree)

        let text = tree.element("text", in: tree.root, container: true)
        try TEIBodyWriter(tree: tree, document: content).write(in: text)

        TEIStandOffWriter().write(content.records.entities, into: tree)
        tree.indent()
        tree.seal()
        return tree
    }
}

extension RelaxNGValidator {
    /// The project's TEI schema, compiled on first use and shared by every writer and checker in the process.
    static let scriptoriumTEI: Result<RelaxNGValidator, any Error> = Result {
        try RelaxNGValidator(schemaText: TEISchema.text)
    }
}
