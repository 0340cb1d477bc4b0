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
        let ids = DocumentRecordIDs(document: docID)
        var records = DocumentRecords(document: extracted.document)
        var composer = NFCComposer()
        records.sections = extracted.sections.map { section in
            var record = section.record
            record.heading = composer.compose(record.heading)
            return record
        }
        records.blocks.reserveCapacity(extracted.blocks.count)
        var mentions = MentionCounts(lexicon: matcher.lexicon)
        // Mentions come in source order, so their spans are counted on from one to the next.
        var cursor = CodePointCursor(extracted.source)
        // The matches of a block's sentences, appended one sentence after the other into one buffer.
        var found: [EntityMatcher.Found] = []
        // Every mention of the document so far, beside `records.mentions`.
        var kept: [EntityMatcher.Found] = []
        // Short forms (acronyms, surnames) the document has given the names it spelt out.
        var aliases = DocumentAliases()
        // Names known by their spelling alone are for English prose (in German every noun is capitalised).
        // Lexicon entries named only inside longer names: evidence, not mentions.
        var namedInside: [Int] = []
        var matcher = matcher
        matcher.unlistedNames = UnlistedNames.isEnglish(extracted.document.language)

        // Blocks are read in place: a `for` over the array would copy each one (a retain per text and record field).
        extracted.blocks.withUnsafeBufferPointer { blocks in extracted.source.bytes.withUnsafeBufferPointer { source in
            var sentenceCount = 0
            for b in blocks.indices { sentenceCount += blocks[b].sentences.count }
            records.sentences.reserveCapacity(sentenceCount)
            for b in blocks.indices {
                var blockRecord = blocks[b].record
                let blockIsNFC = blocks[b].text.bytes.withUnsafeBufferPointer { NFCComposer.isKnownNFC($0) }
                if !blockIsNFC { blockRecord.text = composer.compose(blockRecord.text) }
                records.blocks.append(blockRecord)
                if !found.isEmpty { found.removeAll(keepingCapacity: true) }

                for k in blocks[b].sentences.indices {
                    let range = blocks[b].sentenceRanges[k]
                    // Entities are matched on the final (NFC) sentence text, so a lexicon name in NFC is found
                    // whatever the source's normalisation; `originalRange` maps a range of that text back into the blocks[b].
                    let composed: ComposedText? = blockIsNFC ? nil : blocks[b].text.bytes.withUnsafeBufferPointer {
                        ComposedText(UnsafeBufferPointer(rebasing: $0[range]), composer: &composer)
                    }
                    let first = found.count
                    if let composed {
                        var sentenceRecord = blocks[b].sentences[k]
                        sentenceRecord.text = String(decoding: composed.bytes, as: UTF8.self)
                        records.sentences.append(sentenceRecord)
                        composed.bytes.withUnsafeBufferPointer { matcher.find(in: $0, into: &found, aliases: &aliases, namedInside: &namedInside) }
                    } else {
                        records.sentences.append(blocks[b].sentences[k])
                        blocks[b].text.bytes.withUnsafeBufferPointer {
                            matcher.find(in: UnsafeBufferPointer(rebasing: $0[range]), into: &found, aliases: &aliases,
                                         namedInside: &namedInside)
                        }
                    }
                    guard found.count > first else { continue }
                    let sentenceID = blocks[b].sentences[k].id
                    for match in found[first...] {
                        let inBlock = composed?.originalRange(of: match.range) ?? match.range
                        let sourceBytes = blocks[b].text.sourceRange(
                            of: (range.lowerBound + inBlock.lowerBound)..<(range.lowerBound + inBlock.upperBound))
                        records.mentions.append(MentionRecord(
                            id: "", documentID: docID, sentenceID: sentenceID, entityID: "",
                            text: String(decoding: UnsafeBufferPointer(rebasing: source[sourceBytes]), as: UTF8.self),
                            span: cursor.span(ofBytes: sourceBytes), rangeInSentence: match.range))
                        kept.append(match)
                    }
                }
            }
        } }
        // The document's own evidence: conditional forms and ambiguous names are settled (or dropped) now that
        // every mention is known; then ids and counts are given in source order.
        if (matcher.hasRules || matcher.unlistedNames) && !kept.isEmpty {
            let keep = DocumentEvidence.resolve(&kept, matcher: matcher, namedInside: namedInside,
                                                sentences: records.sentences.count)
            if keep.contains(false) {
                var k = 0
                records.mentions.removeAll { _ in defer { k += 1 }; return !keep[k] }
                kept = zip(kept, keep).filter(\.1).map(\.0)
            }
        }
        for k in records.mentions.indices {
            records.mentions[k].id = ids.mention(k + 1)
            records.mentions[k].entityID = mentions.count(kept[k])
        }
        records.entities = mentions.records()
        return records
    }
}

/// How often one document mentions each entity: a counter per lexicon entry, and per date found. Counting by
/// position spares hashing an id string for every mention.
struct MentionCounts {
    private let lexicon: Lexicon
    private var lexiconCounts: [Int]
    /// The lexicon entries counted so far, in the order first met (the lexicon has thousands; a document names few).
    private var counted: [Int] = []
    /// Per ISO value: the date entity's id and its count.
    private var dates: [String: (id: String, count: Int)] = [:]
    /// Proper names recognised by their head (see ``ProperNames``), by id: the entity and its count.
    private var names: [String: (entity: LexiconEntity, count: Int)] = [:]

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        lexiconCounts = [Int](repeating: 0, count: lexicon.entities.count)
    }

    /// Counts one mention and returns its entity's id.
    mutating func count(_ match: EntityMatcher.Found) -> String {
        var index = match.lexiconIndex
        if let type = match.type {
            var entity = ProperNames.entity(name: match.iso, type: type)
            // The same name as a lexicon entry of the same type (written with another dash, say) is that entry.
            if let known = lexicon.index(ofID: entity.id), lexicon.entities[known].type == type {
                index = known
            } else {
                if lexicon.index(ofID: entity.id) != nil {
                    entity = ProperNames.entity(name: match.iso, type: type, qualified: true)
                }
                names[entity.id, default: (entity, 0)].count += 1
                return entity.id
            }
        }
        if index >= 0 {
            if lexiconCounts[index] == 0 { counted.append(index) }
            lexiconCounts[index] += 1
            return lexicon.entities[index].id
        }
        if let known = dates[match.iso] {
            dates[match.iso] = (known.id, known.count + 1)
            return known.id
        }
        let id = RecordID.date(iso: match.iso)
        dates[match.iso] = (id, 1)
        return id
    }

    /// The entities mentioned, sorted by id, each with its count.
    func records() -> [EntityRecord] {
        var out: [EntityRecord] = []
        out.reserveCapacity(counted.count + dates.count + names.count)
        for index in counted {
            out.append(lexicon.entities[index].record(mentions: lexiconCounts[index]))
        }
        for (iso, date) in dates {
            // What `LexiconEntity(isoDate:)` would give, with the id already made.
            out.append(EntityRecord(id: date.id, name: iso, type: .date, wikidata: nil, aliases: [], mentions: date.count))
        }
        for (_, name) in names { out.append(name.entity.record(mentions: name.count)) }
        out.sort { $0.id < $1.id }
        return out
    }
}

/// Settles a document's conditional mentions on its own evidence (see ``SurfaceForm/Rule`` and
/// ``Lexicon/candidates``). Evidence is what is always a mention: it does not chain.
enum DocumentEvidence {
    /// Which mentions to keep; an ambiguous name settled on one candidate is changed to that candidate.
    /// (Reads the matcher's flat tables: this runs for every document.)
    /// `namedInside`: entries named only inside a longer name, which count as named; `sentences`: how many
    /// sentences the document has.
    static func resolve(_ found: inout [EntityMatcher.Found], matcher: EntityMatcher, namedInside: [Int] = [],
                        sentences: Int = 0) -> [Bool] {
        let rules = matcher.formRule, ambiguous = matcher.isAmbiguous
        var certain = Set<Int>()
        for f in found where f.form >= 0 && rules[Int(f.form)] == -1 && !ambiguous[f.lexiconIndex] {
            certain.insert(f.lexiconIndex)
        }
        for e in namedInside where !ambiguous[e] { certain.insert(e) }
        // An ambiguous name of which exactly one candidate is what a conditional form of the document needs is that
        // candidate, and names it: "Georgia" (the country or the US state) beside "Abkhazia", which needs the
        // country, is the country, and so "Abkhazia" is a mention.
        var needed = Set<Int>()
        for f in found where f.form >= 0 && rules[Int(f.form)] >= 0 { needed.insert(Int(rules[Int(f.form)])) }
        if !needed.isEmpty {
            for k in found.indices where found[k].form >= 0 && rules[Int(found[k].form)] == -1 && ambiguous[found[k].lexiconIndex] {
                guard let list = matcher.lexicon.candidates[found[k].lexiconIndex] else { continue }
                let hits = list.filter { needed.contains($0) }
                if hits.count == 1 {
                    found[k].lexiconIndex = hits[0]
                    certain.insert(hits[0])
                }
            }
        }
        var keep = [Bool](repeating: true, count: found.count)
        // Names known by their spelling alone only in a text about the world (see ``UnlistedNames/evidence``).
        if found.contains(where: { $0.type == .name }) {
            func isLinked(_ e: Int) -> Bool { matcher.lexicon.entities[e].wikidata != nil || matcher.lexicon.entities[e].geonames != nil }
            let linked = certain.count(where: isLinked)
            let linkedMentions = found.count { $0.lexiconIndex >= 0 && certain.contains($0.lexiconIndex) && isLinked($0.lexiconIndex) }
            if linked < UnlistedNames.evidence || linkedMentions * UnlistedNames.sentencesPerLinkedMention < sentences {
                for k in found.indices where found[k].type == .name { keep[k] = false }
            }
        }
        for k in found.indices where found[k].form >= 0 {
            let form = Int(found[k].form)
            switch rules[form] {
            case -1: break
            case -2: keep[k] = certain.contains(matcher.formEntity[form])
            case let e: keep[k] = certain.contains(Int(e))
            }
            if keep[k] && ambiguous[found[k].lexiconIndex], let list = matcher.lexicon.candidates[found[k].lexiconIndex] {
                let settled = list.filter { c in matcher.lexicon.settledBy[c].map { certain.contains($0) } ?? false }
                if settled.count == 1 { found[k].lexiconIndex = settled[0] }
            }
        }
        return keep
    }
}
