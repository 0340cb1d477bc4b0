/// One document as a tree (document → section → block → sentence → mention), built once from its flat records and
/// walked by every writer, so the formats cannot disagree about which record belongs where.
///
/// The tree holds the records as they are and, for each parent, its children as a range of indices into the
/// record arrays (`RecordGrouping`): no record is copied, and for records in source order (what the pipeline makes)
/// building it is one pass over each list comparing ids in place.
///
/// Children keep the order of their arrays, except mentions, which are put in the order they occur in their
/// sentence (`rangeInSentence`), the order both the TEI text and a reader need.
///
/// **Records that do not fit are refused**: a block whose section the document does not have, a sentence whose
/// block it does not have, a mention whose sentence it does not have. `init` throws `MisplacedRecord` naming the
/// first such record. Moving it somewhere else (under the document, say) would write a file that contradicts the
/// CSV, which still names the missing parent, and would only hide a bug in the stage that made the records; the
/// records the pipeline makes always fit, so a refusal means a bug to fix, not an input to accept. A block without
/// a section (`sectionID == nil`) is not misplaced: it comes before the first heading (`preamble`).
public struct DocumentTree: Sendable {
    public let records: DocumentRecords
    /// Parent 0 is the preamble, parent k + 1 the section k.
    private let blocksBySection: RecordGrouping
    private let sentencesByBlock: RecordGrouping
    private let mentionsBySentence: RecordGrouping

    /// A record whose parent the document does not have (see the type's comment for why it is refused).
    public struct MisplacedRecord: Error, Sendable, Equatable, CustomStringConvertible {
        public var documentID: String
        /// What does not fit, e.g. `sentence d.b9.s1 belongs to block d.b9, which the document does not have`.
        public var message: String

        public var description: String { "the records of document \(documentID) do not fit together: \(message)" }
    }

    public init(_ records: DocumentRecords) throws(MisplacedRecord) {
        self.records = records
        let sections = records.sections, blocks = records.blocks, sentences = records.sentences
        let mentions = records.mentions
        func misplaced(_ message: String) -> MisplacedRecord {
            MisplacedRecord(documentID: records.document.id, message: message)
        }

        blocksBySection = RecordGrouping(
            parentCount: sections.count + 1, parentKey: { $0 == 0 ? nil : sections[$0 - 1].id },
            childCount: blocks.count, childKey: { blocks[$0].sectionID })
        if let orphan = blocksBySection.orphans.first {
            throw misplaced("block \(blocks[orphan].id) belongs to section \(blocks[orphan].sectionID ?? ""), "
                + "which the document does not have")
        }
        sentencesByBlock = RecordGrouping(
            parentCount: blocks.count, parentKey: { blocks[$0].id },
            childCount: sentences.count, childKey: { sentences[$0].blockID })
        if let orphan = sentencesByBlock.orphans.first {
            throw misplaced("sentence \(sentences[orphan].id) belongs to block \(sentences[orphan].blockID), "
                + "which the document does not have")
        }
        var byPlace = RecordGrouping(
            parentCount: sentences.count, parentKey: { sentences[$0].id },
            childCount: mentions.count, childKey: { mentions[$0].sentenceID })
        if let orphan = byPlace.orphans.first {
            throw misplaced("mention \(mentions[orphan].id) lies in sentence \(mentions[orphan].sentenceID), "
                + "which the document does not have")
        }
        byPlace.sortEachGroup { mentions[$0].rangeInSentence.lowerBound < mentions[$1].rangeInSentence.lowerBound }
        mentionsBySentence = byPlace
    }

    public var document: DocumentRecord { records.document }

    /// The blocks before the first heading (no section), as indices into `records.blocks`.
    public var preamble: ArraySlice<Int> { blocksBySection.children(of: 0) }

    /// The blocks of `records.sections[section]`, as indices into `records.blocks`.
    public func blocks(ofSection section: Int) -> ArraySlice<Int> { blocksBySection.children(of: section + 1) }

    /// The sentences of `records.blocks[block]`, as indices into `records.sentences`.
    public func sentences(ofBlock block: Int) -> ArraySlice<Int> { sentencesByBlock.children(of: block) }

    /// The mentions in `records.sentences[sentence]`, in the order they occur in it, as indices into
    /// `records.mentions`.
    public func mentions(ofSentence sentence: Int) -> ArraySlice<Int> { mentionsBySentence.children(of: sentence) }
}
