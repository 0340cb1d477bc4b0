import ScriptoriumExtract
import ScriptoriumModel

/// Runs the Normalize stage on one extracted document: NFC for every text, and the entities and dates that
/// each sentence mentions, with their exact source spans.
public struct DocumentNormalizer: Sendable {
    public let matcher: EntityMatcher

    public init(matcher: EntityMatcher) {
        self.matcher = matcher
    }

    public func normalize(_ extracted: ExtractedDocument) -> DocumentRecords {
        let docID = extracted.document.id
        var records = DocumentRecords(document: extracted.document)
        records.sections = extracted.sections.map { section in
            var record = section.record
            record.heading = UnicodeNFC.normalize(record.heading)
            return record
        }
        records.blocks.reserveCapacity(extracted.blocks.count)
        var entityCounts: [String: (entity: LexiconEntity, count: Int)] = [:]

        for block in extracted.blocks {
            var blockRecord = block.record
            let blockIsNFC = UnicodeNFC.isKnownNFC(block.text.bytes)
            if !blockIsNFC { blockRecord.text = UnicodeNFC.normalize(blockRecord.text) }
            records.blocks.append(blockRecord)

            for (sentence, range) in zip(block.sentences, block.sentenceRanges) {
                let matches = block.text.bytes.withUnsafeBufferPointer {
                    matcher.matches(in: UnsafeBufferPointer(rebasing: $0[range]))
                }
                var sentenceRecord = sentence
                // Where each mention sits in the final (NFC) sentence text.
                var inSentence = matches.map(\.range)
                if !blockIsNFC {
                    (sentenceRecord.text, inSentence) = Self.composed(block.text, range, cuts: inSentence)
                }
                for (match, local) in zip(matches, inSentence) {
                    let sourceBytes = block.text.sourceRange(of: (range.lowerBound + match.range.lowerBound)..<(range.lowerBound + match.range.upperBound))
                    records.mentions.append(MentionRecord(
                        id: RecordID.mention(document: docID, position: records.mentions.count + 1),
                        documentID: docID, sentenceID: sentence.id, entityID: match.entity.id,
                        text: extracted.source.string(sourceBytes), span: extracted.source.span(ofBytes: sourceBytes),
                        rangeInSentence: local))
                    entityCounts[match.entity.id, default: (match.entity, 0)].count += 1
                }
                records.sentences.append(sentenceRecord)
            }
        }
        records.entities = entityCounts.keys.sorted().map { id in
            let (entity, count) = entityCounts[id]!
            return EntityRecord(id: entity.id, name: entity.name, type: entity.type, wikidata: entity.wikidata,
                                aliases: entity.aliases, mentions: count)
        }
        return records
    }

    /// The NFC text of `range` of a block, composed piece by piece between the mention cuts so that each
    /// mention's range in the result is known. Mentions end at word boundaries, where no combining mark can
    /// follow, so the pieces compose exactly as the whole would.
    static func composed(_ text: BlockText, _ range: Range<Int>, cuts: [Range<Int>]) -> (String, [Range<Int>]) {
        var out = ""
        var ranges: [Range<Int>] = []
        var at = 0
        func piece(_ r: Range<Int>) -> String {
            UnicodeNFC.normalize(text.string((range.lowerBound + r.lowerBound)..<(range.lowerBound + r.upperBound)))
        }
        for cut in cuts {
            out += piece(at..<cut.lowerBound)
            let start = out.utf8.count
            out += piece(cut)
            ranges.append(start..<out.utf8.count)
            at = cut.upperBound
        }
        out += piece(at..<range.count)
        return (out, ranges)
    }
}
