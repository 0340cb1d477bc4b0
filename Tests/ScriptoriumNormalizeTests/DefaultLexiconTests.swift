import Foundation
import Testing
import ScriptoriumExtract
import ScriptoriumModel
@testable import ScriptoriumNormalize

/// The default lexicon and gazetteer as a build uses it: its precision rules settled on the document's own
/// evidence, and a user's lexicon merged into it.
@Suite struct DefaultLexiconTests {
    /// The mentions of `text` (a document named `path`) with `lexicon`: (text, entity id) in source order.
    private func mentions(_ text: String, path: String = "t.txt", lexicon: Lexicon = DefaultLexicon.lexicon) throws
        -> [(text: String, entity: String)] {
        let bytes = Array(text.utf8)
        let source = try SourceText(fileBytes: bytes, path: path)
        let doc = DocumentRecord(id: "t", title: "T", source: path, sourceSHA256: "", language: "en", license: "",
                                 creators: [], byteCount: bytes.count, codePointCount: source.index.codePointCount)
        let extracted = DocumentExtractor.extract(document: doc, source: source)
        let records = DocumentNormalizer(matcher: EntityMatcher(lexicon: lexicon)).normalize(extracted)
        // Every mention's entity is listed in the entities table, with its count.
        for m in records.mentions { #expect(records.entities.contains { $0.id == m.entityID }) }
        return records.mentions.map { ($0.text, $0.entityID) }
    }

    private func places(_ text: String, path: String = "t.txt", lexicon: Lexicon = DefaultLexicon.lexicon) throws -> [String] {
        try mentions(text, path: path, lexicon: lexicon).filter { !$0.entity.hasPrefix("date.") }.map(\.entity)
    }

    // MARK: The merge with a user's lexicon

    @Test func aUserEntryReplacesTheDefaultEntryWithTheSameKeyAndAddsNewOnes() throws {
        let base = DefaultLexicon.lexicon
        let defaultJapan = try #require(base.entity(id: "ent.japan"))
        #expect(defaultJapan.geonames == "1861060")
        let user = try parseLexicon("""
            { "entities": [
              { "key": "japan", "name": "Japan", "type": "place", "wikidata": "Q17", "aliases": ["the Japanese archipelago"] },
              { "key": "acme-works", "name": "Acme Works", "type": "organization" },
              { "key": "gulf-states", "name": "Gulf States", "type": "place", "aliases": ["GCC"] }
            ] }
            """)
        let merged = base.adding(user, name: "mine.json")
        // Replaced, not duplicated; one new entry.
        #expect(merged.entities.count == base.entities.count + 2)
        #expect(merged.entities.filter { $0.key == "japan" }.count == 1)
        let japan = try #require(merged.entity(id: "ent.japan"))
        #expect(japan.aliases == ["the Japanese archipelago"])
        // The user gave the same Wikidata id and no GeoNames id: the default's GeoNames id is kept.
        #expect(japan.geonames == "1861060")
        #expect(merged.entity(id: "ent.acme-works")?.type == .organization)
        #expect(merged.sources.map(\.name) == [DefaultLexicon.name, "mine.json"])
        #expect(merged.sources.map(\.entries) == [base.entities.count, 3])

        let found = try places("Acme Works shipped parts to the Japanese archipelago; Nippon was not named. The GCC met.",
                               lexicon: merged)
        // The user's alias is a mention; the default's alias "Nippon" went with the replaced entry; "GCC" is the
        // user's now, and always a mention (user entries have no rules).
        #expect(found == ["ent.acme-works", "ent.japan", "ent.gulf-states"])
        #expect(merged.entity(id: "ent.gulf-cooperation-council")?.aliases.contains("GCC") == false)
    }

    @Test func aUserEntryWithAnotherWikidataIDDoesNotInheritTheGeoNamesID() throws {
        let user = try parseLexicon(#"{ "entities": [ { "key": "japan", "name": "Japan", "type": "organization", "wikidata": "Q123" } ] }"#)
        let japan = try #require(DefaultLexicon.lexicon.adding(user, name: "u").entity(id: "ent.japan"))
        #expect(japan.geonames == nil)
        #expect(japan.type == .organization)
    }

    // MARK: Precision rules

    @Test func aCityThatIsACommonWordIsNeverAMention() throws {
        let text = "The weather in Nice was nice. Reading the report in Reading took a day. Poland agreed.\n"
        #expect(try places(text) == ["ent.poland"])
        // Not because the document lacks a country: the lexicon has no such form at all.
        #expect(!DefaultLexicon.lexicon.forms.contains { $0.text == "Nice" || $0.text == "Reading" || $0.text == "Mobile" })
    }

    @Test func smallPlacesAreInTheGazetteer() throws {
        // A city of 50,000-100,000 people, a capital in the diacritic form GeoNames keeps as an alternate name,
        // a territory's capital the city data lacks (no GeoNames id), and "al-" as English prose writes it.
        #expect(try places("Gwadar and Malé, then Diego Garcia and Hafar al-Batin.\n")
                == ["ent.gwadar", "ent.male", "ent.diego-garcia", "ent.hafar-al-batin"])
        let diego = DefaultLexicon.lexicon.entity(id: "ent.diego-garcia")
        #expect(diego?.geonames == nil && diego?.wikidata == nil)
    }

    @Test func aSmallCityNamedLikeAPersonNeedsItsCountry() throws {
        #expect(try places("The USS Buchanan sailed.\n").isEmpty)
        #expect(try places("Buchanan is the port of Liberia.\n") == ["ent.buchanan", "ent.liberia"])
    }

    @Test func aCityNamedLikeASurnameNeedsItsCountry() throws {
        // Kennedy (Colombia), Mary (Turkmenistan), Rubio (Venezuela), Hassan (India), Vladimir (Russia): cities under
        // a million people whose names are given names or surnames in one of Faker's locales; here they are people.
        #expect(try places("President Kennedy met Mary, Rubio, Hassan and Vladimir.\n").isEmpty)
        #expect(try places("Mary is an oasis city of Turkmenistan.\n") == ["ent.mary", "ent.turkmenistan"])
    }

    @Test func aCapitalThatIsAWordNeedsItsCountry() throws {
        // (Waterloo is a place several share: a mention without an id.)
        #expect(try places("The Duke of Wellington won at Waterloo.\n") == ["ent.ambiguous-waterloo"])
        #expect(try places("Wellington signed for New Zealand.\n") == ["ent.wellington", "ent.new-zealand"])
        // Another country is no evidence.
        #expect(try places("Wellington met Australia.\n") == ["ent.australia"])
    }

    @Test func anAmbiguousNameIsLinkedOnlyWhenTheDocumentSettlesIt() throws {
        // Cambridge: England, Ontario, Massachusetts. Alone it is a mention of the ambiguous name, with no id.
        let alone = try mentions("Scholars met in Cambridge.\n")
        #expect(alone.map(\.entity) == ["ent.ambiguous-cambridge"])
        let ambiguous = try #require(DefaultLexicon.lexicon.entity(id: "ent.ambiguous-cambridge"))
        #expect(ambiguous.wikidata == nil && ambiguous.geonames == nil)
        // Settled by the state it lies in.
        #expect(try places("Scholars met in Cambridge, Massachusetts.\n") == ["ent.cambridge-us", "ent.massachusetts"])
        #expect(try places("Cambridge is far from Canada.\n") == ["ent.cambridge-ca", "ent.canada"])
        // Two candidates' countries named: not settled.
        #expect(try places("From Canada to the United Kingdom, Cambridge.\n")
                == ["ent.canada", "ent.united-kingdom", "ent.ambiguous-cambridge"])
    }

    @Test func anAcronymIsLinkedOnlyBesideItsFullName() throws {
        // GCC the compiler is not the Gulf Cooperation Council.
        #expect(try places("Compile it with GCC 12 and run the tests.\n").isEmpty)
        #expect(try places("The Gulf Cooperation Council (GCC) met. The GCC agreed.\n")
                == ["ent.gulf-cooperation-council", "ent.gulf-cooperation-council", "ent.gulf-cooperation-council"])
    }

    @Test func nonProseBlocksHaveNoMentions() throws {
        let markdown = """
            # Notes

            Poland signed.

            ```
            poland = "Poland"  # Kyiv, Gdańsk
            ```

            | country | capital |
            |---------|---------|
            | Ukraine | Kyiv    |

            Ukraine signed.

            """
        #expect(try places(markdown, path: "t.md") == ["ent.poland", "ent.ukraine"])
        // The same lines as prose would give mentions: the blocks, not the words, keep them out.
        #expect(try places("Poland, Kyiv and Gdańsk.\n") == ["ent.poland", "ent.kyiv", "ent.gdansk"])
    }

    @Test func diacriticsMatchInBothForms() throws {
        let found = try mentions("Gdańsk, once Danzig, is spelt Gdansk in English.\n")
        #expect(found.map(\.text) == ["Gdańsk", "Danzig", "Gdansk"])
        #expect(Set(found.map(\.entity)) == ["ent.gdansk"])
        #expect(DefaultLexicon.lexicon.entity(id: "ent.gdansk")?.geonames == "3099434")
    }

    @Test func aTownOrAnotherNameOfACityNeedsItsCountry() throws {
        // A town of 30,000-50,000 people, and a GeoNames alternate name of a larger city ("Andijan" for Andijon):
        // alone they are no mention; beside their country they are, with the place's GeoNames id.
        #expect(try places("The fleet left Baltiysk. Riots shook Andijan.\n").isEmpty)
        #expect(try places("Baltiysk is a naval port of Russia.\n") == ["ent.baltiysk", "ent.russia"])
        #expect(try places("Andijan lies in the east of Uzbekistan.\n") == ["ent.andijon", "ent.uzbekistan"])
        #expect(DefaultLexicon.lexicon.entity(id: "ent.andijon")?.geonames == "1514588")
        // "St" for "Saint", by rule; the city, not the Florida one, because the document names Russia.
        #expect(try places("St Petersburg is Russia's second city.\n") == ["ent.saint-petersburg", "ent.russia"])
    }

    @Test func aProvinceNeedsItsCountryAndHasNoID() throws {
        #expect(try places("Insurgents hold parts of Cabo Delgado.\n").isEmpty)
        #expect(try places("Cabo Delgado is in northern Mozambique.\n") == ["ent.cabo-delgado", "ent.mozambique"])
        let province = DefaultLexicon.lexicon.entity(id: "ent.cabo-delgado")
        #expect(province?.geonames == nil && province?.wikidata == nil)
        // A province named like a people (Ethiopia's Somali region; the word list has "Somalis") is no form.
        #expect(try places("Somali troops crossed into Ethiopia.\n") == ["ent.ethiopia"])
    }

    @Test func aNameTwoCountriesShareIsAMentionWithoutAnID() throws {
        #expect(try places("Troops from Congo and the Democratic Republic of the Congo.\n")
                == ["ent.ambiguous-congo", "ent.democratic-republic-of-the-congo"])
        let congo = DefaultLexicon.lexicon.entity(id: "ent.ambiguous-congo")
        #expect(congo?.geonames == nil && congo?.wikidata == nil)
        // Told apart by its capital, as prose does, it is that country.
        #expect(try places("Congo-Brazzaville and Congo-Kinshasa.\n")
                == ["ent.republic-of-the-congo", "ent.democratic-republic-of-the-congo"])
        // A former state ISO 3166-3 lists that is no country of today: a place without an id.
        #expect(try places("Southern Rhodesia declared independence.\n") == ["ent.southern-rhodesia"])
        #expect(DefaultLexicon.lexicon.entity(id: "ent.southern-rhodesia")?.geonames == nil)
    }

    @Test func historicalAndCurrentNamesShareOneID() throws {
        #expect(try places("Kiev, now Kyiv, is in Ukraine.\n") == ["ent.kyiv", "ent.kyiv", "ent.ukraine"])
        #expect(try places("Peking became Beijing.\n") == ["ent.beijing", "ent.beijing"])
        #expect(try places("The Soviet Union and the USSR.\n") == ["ent.soviet-union", "ent.soviet-union"])
    }
}

/// The default lexicon is read from its compact form on every build, without validating it again.
@Suite struct DefaultLexiconDataTests {
    @Test func everyKeyIsASlugAndEveryIDDerivesFromIt() {
        let lexicon = DefaultLexicon.lexicon
        #expect(lexicon.entities.count > 6000)
        for e in lexicon.entities where e.key != RecordID.slug(e.key) || e.id != RecordID.entity(key: e.key) {
            Issue.record("\(e.key): id \(e.id)")
        }
        #expect(Set(lexicon.entities.map(\.id)).count == lexicon.entities.count)
    }

    @Test func theCompactFormIsReadFieldByField() {
        let tsv = """
            # a comment
            alpha\tplace\tAlpha\tQ1\t123\tcore\tAlpha|Alfa|AL^|Alpha City^beta\t\t
            beta\tplace\tBeta\t\t\tgeonames\tBeta\t\t
            amb\tplace\tGamma\t\t\tgeonames\tGamma\talpha|beta|missing\t
            bad\tnot-a-type\tBad\t\t\tcore\tBad\t\t
            short\tplace\tShort

            """
        let bytes = Array(tsv.utf8)
        let lexicon = bytes.withUnsafeBufferPointer { DefaultLexicon.parse($0, name: "test") }
        #expect(lexicon.entities.map(\.key) == ["alpha", "beta", "amb"])
        let alpha = lexicon.entities[0]
        #expect(alpha == LexiconEntity(key: "alpha", name: "Alpha", type: .place, wikidata: "Q1",
                                       aliases: ["Alfa", "AL", "Alpha City"], geonames: "123"))
        #expect(lexicon.forms.filter { $0.entity == 0 }.map(\.rule) == [.always, .always, .fullName, .evidence(1)])
        #expect(lexicon.candidates == [2: [0, 1]])
        #expect(lexicon.entities[1].wikidata == nil && lexicon.entities[1].geonames == nil)
        #expect(lexicon.sources.map(\.entries) == [3])
    }
}
