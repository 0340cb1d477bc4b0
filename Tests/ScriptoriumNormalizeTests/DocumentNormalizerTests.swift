import Foundation
import Testing
import ScriptoriumExtract
import ScriptoriumModel
@testable import ScriptoriumNormalize

@Suite struct DocumentNormalizerTests {
    private let lexicon = try! Lexicon(entities: [
        LexiconEntity(key: "united-states", name: "United States", type: .place, wikidata: "Q30", aliases: ["U.S."]),
        LexiconEntity(key: "japan", name: "Japan", type: .place, wikidata: "Q17"),
        LexiconEntity(key: "quebec", name: "Québec", type: .place),
    ])

    private func normalize(_ text: String) throws -> (DocumentRecords, [Unicode.Scalar]) {
        let bytes = Array(text.utf8)
        let source = try SourceText(fileBytes: bytes, path: "t.txt")
        let doc = DocumentRecord(id: "t", title: "T", source: "t.txt", sourceSHA256: "", language: "en", license: "",
                                 creators: [], byteCount: bytes.count, codePointCount: source.index.codePointCount)
        let extracted = DocumentExtractor.extract(document: doc, source: source)
        let records = DocumentNormalizer(matcher: EntityMatcher(lexicon: lexicon)).normalize(extracted)
        return (records, Array(String(decoding: source.bytes, as: UTF8.self).unicodeScalars))
    }

    private func slice(_ scalars: [Unicode.Scalar], _ span: Span) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }

    @Test func mentionsKeepExactSourceTextAcrossHardWraps() throws {
        let (records, scalars) = try normalize("""
            Since 1951 the armed forces of the two allies, the United
            States and Japan’s forces, have trained together, and the
            treaty that binds them was revised in 1960.
            """)
        #expect(records.sentences.count == 1)
        let texts = records.mentions.map(\.text)
        #expect(texts == ["1951", "United\nStates", "Japan", "1960"])
        for m in records.mentions {
            #expect(slice(scalars, m.span) == m.text)
            let sentence = records.sentences.first { $0.id == m.sentenceID }!
            let inSentence = String(decoding: Array(sentence.text.utf8)[m.rangeInSentence], as: UTF8.self)
            #expect(inSentence.split(separator: " ").joined(separator: "\n") == m.text || inSentence == m.text)
        }
        let counts = Dictionary(uniqueKeysWithValues: records.entities.map { ($0.id, $0.mentions) })
        #expect(counts == ["date.1951": 1, "date.1960": 1, "ent.united-states": 1, "ent.japan": 1])
    }

    @Test func decomposedInputComesOutComposedWithCorrectRanges() throws {
        // "Québec" written with a combining acute accent (NFD): 7 code points in the source, 6 in the text.
        let (records, scalars) = try normalize("The province of Que\u{301}bec and Japan agree.\n")
        let sentence = try #require(records.sentences.first)
        #expect(Array(sentence.text.utf8) == Array("The province of Québec and Japan agree.".precomposedUTF8))
        let quebec = try #require(records.mentions.first { $0.entityID == "ent.quebec" })
        #expect(quebec.text.unicodeScalars.count == 7)
        #expect(slice(scalars, quebec.span) == quebec.text)
        let japan = try #require(records.mentions.first { $0.entityID == "ent.japan" })
        #expect(String(decoding: Array(sentence.text.utf8)[japan.rangeInSentence], as: UTF8.self) == "Japan")
        #expect(String(decoding: Array(sentence.text.utf8)[quebec.rangeInSentence], as: UTF8.self) == "Québec")
    }

    @Test func quickNFCCheck() {
        #expect(NFCComposer.isKnownNFC(Array("plain ascii, Latin-1 é, and ’ “ ” — …".utf8)))
        #expect(NFCComposer.isKnownNFC(Array("日本語 😀".utf8)))
        #expect(!NFCComposer.isKnownNFC(Array("e\u{301}".utf8)))
        #expect(!NFCComposer.isKnownNFC(Array("\u{2000}".utf8))) // EN QUAD decomposes to EN SPACE
        var composer = NFCComposer()
        #expect(composer.compose("e\u{301}").unicodeScalars.count == 1)
        // Clusters compose on their own, whatever surrounds them, and agree with Foundation on the whole text.
        let mixed = "Cafe\u{301} \u{212B}ngstro\u{308}m, \u{1100}\u{1161}\u{11A8} and \u{2000}—e\u{301}\u{323}."
        #expect(Array(composer.compose(mixed).utf8) == Array(mixed.precomposedStringWithCanonicalMapping.utf8))
    }
}

private extension String {
    var precomposedUTF8: String.UTF8View { self.utf8 }
}

/// A place named only inside a longer name is still named: evidence for the document's conditional forms.
@Suite struct NamedInsideEvidenceTests {
    @Test func aCountryInsideAnOrganisationsNameSettlesItsProvince() throws {
        let tsv = """
            mozambique\tplace\tMozambique\tQ1029\t1036973\tcore\tMozambique\t\t
            cabo-delgado\tplace\tCabo Delgado\t\t\tiso3166-2\tCabo Delgado^mozambique\t\t

            """
        let bytes = Array(tsv.utf8)
        let matcher = EntityMatcher(lexicon: bytes.withUnsafeBufferPointer { DefaultLexicon.parse($0, name: "test") })
        func mentions(_ text: String) throws -> [String] { try normalizeDocument(text, matcher: matcher).mentions.map(\.text) }
        #expect(try mentions("The Mozambique Defence Force moved into Cabo Delgado in 2021.\n")
                == ["Mozambique Defence Force", "Cabo Delgado", "2021"])
        // Without the country the province's name is no mention.
        #expect(try mentions("The Zorblat Defence Force moved into Cabo Delgado in 2021.\n") == ["Zorblat Defence Force", "2021"])
    }
}

/// A recognised name whose plain id is a lexicon entity's of another type gets an id of its own.
@Suite struct RecognisedNameIDTests {
    @Test func aHeadNameBesideALexiconKeyOfAnotherTypeKeepsItsOwnEntity() throws {
        let matcher = EntityMatcher(lexicon: try parseLexicon("""
            {"entities": [{"key": "zorb-council", "name": "Zorbland", "type": "place", "wikidata": "Q1"}]}
            """))
        let records = try normalizeDocument("The Zorb Council met in Zorbland.\n", matcher: matcher)
        #expect(records.entities.map(\.id).sorted() == ["ent.organization.zorb-council", "ent.zorb-council"])
        #expect(records.entities.first { $0.id == "ent.organization.zorb-council" }?.type == .organization)
    }
}

/// An ambiguous name and a conditional form that needs one of its candidates settle each other.
@Suite struct AmbiguousEvidenceTests {
    @Test func aProvinceSettlesTheAmbiguousNameOfItsCountry() throws {
        let tsv = """
            zland\tplace\tZland\tQ1\t1\tcore\t\t\t
            zstate\tplace\tZland State\t\t2\tgeonames\t\t\t
            zland-amb\tplace\tZland\t\t\tgeonames\tZland\tzland|zstate\t
            northprov\tplace\tNorthprov\t\t\tiso3166-2\tNorthprov^zland\t\t

            """
        let bytes = Array(tsv.utf8)
        let matcher = EntityMatcher(lexicon: bytes.withUnsafeBufferPointer { DefaultLexicon.parse($0, name: "test") })
        let both = try normalizeDocument("Troops entered Northprov in Zland in 2008.\n", matcher: matcher)
        #expect(both.mentions.map(\.entityID) == ["ent.northprov", "ent.zland", "date.2008"])
        // Without the province the name stays ambiguous, and the province alone is no mention.
        let alone = try normalizeDocument("Troops entered Zland in 2008.\n", matcher: matcher)
        #expect(alone.mentions.map(\.entityID) == ["ent.zland-amb", "date.2008"])
        let province = try normalizeDocument("Troops entered Northprov in 2008.\n", matcher: matcher)
        #expect(province.mentions.map(\.entityID) == ["date.2008"])
    }
}
