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
        var composer = NFCComposer()
        records.sections = extracted.sections.map { section in
            var record = section.record
            record.heading = composer.compose(record.heading)
            return record
        }
        records.blocks.reserveCapacity(extracted.blocks.count)
        var entityCounts: [String: (entity: LexiconEntity, count: Int)] = [:]

        for block in extracted.blocks {
            var blockRecord = block.record
            let blockIsNFC = NFCComposer.isKnownNFC(block.text.bytes)
            if !blockIsNFC { blockRecord.text = composer.compose(blockRecord.text) }
            records.blocks.append(blockRecord)

            for (sentence, range) in zip(block.sentences, block.sentenceRanges) {
                var sentenceRecord = sentence
                // Entities are matched on the final (NFC) sentence text, so a lexicon name in NFC is found
                // whatever the source's normalisation; `toBlock` maps a range of that text back into the block.
                let composed: ComposedText? = blockIsNFC ? nil : block.text.bytes.withUnsafeBufferPointer {
                    ComposedText(UnsafeBufferPointer(rebasing: $0[range]), composer: &composer)
                }
                let matches: [EntityMatch]
                if let composed {
                    sentenceRecord.text = String(decoding: composed.bytes, as: UTF8.self)
                    matches = composed.bytes.withUnsafeBufferPointer { matcher.matches(in: $0) }
                } else {
                    matches = block.text.bytes.withUnsafeBufferPointer { matcher.matches(in: UnsafeBufferPointer(rebasing: $0[range])) }
                }
                for match in matches {
                    let inBlock = composed?.originalRange(of: match.range) ?? match.range
                    let sourceBytes = block.text.sourceRange(of: (range.lowerBound + inBlock.lowerBound)..<(range.lowerBound + inBlock.upperBound))
                    records.mentions.append(MentionRecord(
                        id: RecordID.mention(document: docID, position: records.mentions.count + 1),
                        documentID: docID, sentenceID: sentence.id, entityID: match.entity.id,
                        text: extracted.source.string(sourceBytes), span: extracted.source.span(ofBytes: sourceBytes),
                        rangeInSentence: match.range))
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
}
