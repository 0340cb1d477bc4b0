import Foundation
import Testing
import ScriptoriumModel
@testable import ScriptoriumNormalize

/// Names known by their spelling alone (``UnlistedNames``): where they are taken in a sentence, which capitalised
/// words are not names, and the document's evidence that keeps them.
@Suite struct UnlistedNamesTests {
    /// The `name` mentions the matcher finds in one sentence.
    private func names(_ sentence: String) -> [String] {
        var aliases = DocumentAliases()
        var found: [EntityMatcher.Found] = []
        var copy = sentence
        var matcher = PeopleAndAcronymsTests.matcher
        matcher.unlistedNames = true
        copy.withUTF8 { matcher.find(in: $0, into: &found, aliases: &aliases) }
        let bytes = Array(sentence.utf8)
        return found.filter { $0.type == .name }.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test func aCapitalisedWordThatIsNoEnglishWordInsideASentenceIsAName() {
        #expect(names("Troops crossed the Sinai in 1967.") == ["Sinai"])
        #expect(names("In 1965 Somalia’s Sukarno opposed the federation.") == ["Sukarno"])
        #expect(names("The base at Sde Boker and the port of Cabo Delgado were held.") == ["Sde Boker", "Cabo Delgado"])
        #expect(names("It met in Jalal-Abad, near the border.") == ["Jalal-Abad"])
    }

    @Test func aWordAfterACapitalisedWordOrAColonIsNoName() {
        // A sentence's first word is capitalised anyway; one that is no English word is still a name.
        #expect(names("Sinai was quiet.") == ["Sinai"])
        #expect(names("Fix Crash When Saving Zorblat Files") == [])
        #expect(names("He said: Zorblat was right.") == [])
    }

    @Test func wordsOfTheLanguageAndWordsOfANamesKindAreNoNames() {
        // Defined terms and derived words, peoples and their adjectives, creeds, languages, months.
        #expect(names("Under this licence the Licensor and the Licensee agree to the Program as Unported.") == [])
        #expect(names("The army of the Korean and the Hungarians met the Gambian and the Marxist in Urdu.") == [])
        #expect(names("It was signed on Fri and held in the Sino-Soviet period.") == [])
        // Capitals inside a word: an identifier or a product's spelling.
        #expect(names("It is hosted on the GitHub site and built with FreeBSD tools.") == [])
    }

    @Test func aNameEndsAtAPossessiveOrALexiconName() {
        #expect(names("Troops of the Zorblat’s army joined the Zorblat Japan talks.") == ["Zorblat", "Zorblat"])
    }

    @Test func capitalisedWordsAfterTheAreAName() {
        #expect(names("Troops held the Joint Security Area and the Line of Control in 1999.")
                == ["Joint Security Area", "Line of Control"])
        #expect(names("It set up the Common Security and Defence Policy in 2009.") == ["Common Security and Defence Policy"])
        // A people, a title or a single word is none; a head word is left to the name rules.
        #expect(names("Later the North Korean army met the Prime Minister, the Secretary of State and the Council.") == [])
        // A people's adjective after an unknown word: an adjective of two words.
        #expect(names("It met the army of the Costa Rican government.") == [])
        #expect(names("Later the Joint Defence Council met.") == [])
    }

    @Test func anAcronymNoDefinitionTiesToANameIsAName() {
        #expect(names("The observers of ONUCA met the FMLN in 1990.") == ["ONUCA", "FMLN"])
        // A word in capitals, a Roman numeral, shouting, a hyphenated code: none.
        #expect(names("The RADAR of the army under Chapter XIV was THE BEST and the MS-13 gang.") == [])
    }

    @Test func aHeadOfTwoWordsIsLeftToTheNameRules() {
        // "Kunsan Air Base" is a place by its head; the unlisted name does not take "Air".
        #expect(names("Jets flew from Kunsan Air Base in 1950.") == [])
    }

    @Test func aParticleJoinsTheNextWordEvenALexiconPlace() {
        // "Praia" is a place of the lexicon; here it is part of a longer name.
        #expect(names("Insurgents took Mocímboa da Praia in 2020.") == ["Mocímboa da Praia"])
    }

    @Test func aPassageInAnotherLanguageIsNoEnglishSentence() {
        #expect(names("Concedere la Licenza sulle Opere Derivate per tutti.") == [])
    }

    @Test func theDocumentMustNameEnoughLinkedEntitiesToKeepThem() throws {
        let lexicon = try parseLexicon("""
            {"entities": [
              {"key": "japan", "name": "Japan", "type": "place", "wikidata": "Q17"},
              {"key": "china", "name": "China", "type": "place", "wikidata": "Q148"},
              {"key": "korea", "name": "Korea", "type": "place", "wikidata": "Q18097"},
              {"key": "russia", "name": "Russia", "type": "place", "wikidata": "Q159"},
              {"key": "mongolia", "name": "Mongolia", "type": "place", "wikidata": "Q711"},
              {"key": "micronesia", "name": "Federated States of Micronesia", "type": "place", "wikidata": "Q702"},
              {"key": "nowhere", "name": "Nowhere", "type": "place"}
            ]}
            """)
        let matcher = EntityMatcher(lexicon: lexicon)
        func kept(_ text: String) throws -> [String] {
            let records = try normalizeDocument(text, matcher: matcher)
            let types = Dictionary(uniqueKeysWithValues: records.entities.map { ($0.id, $0.type) })
            return records.mentions.filter { types[$0.entityID] == .name }.map(\.text)
        }
        // Five linked places: a text about the world, whose unlisted names are kept.
        #expect(try kept("Japan, China, Korea, Russia and Mongolia met near the Sinai.\n") == ["Sinai"])
        // A name whose words make a lexicon key of another entity gets an id of its own: one id, one entity.
        let records = try normalizeDocument("Japan, China, Korea, Russia and Mongolia met the Federated States of Micronesia in Micronesia.\n",
                                            matcher: matcher)
        #expect(Set(records.entities.map(\.id)).count == records.entities.count)
        #expect(records.entities.first { $0.type == .name }?.id == "ent.name.micronesia")
        // Four, and a place without an id: not enough.
        #expect(try kept("Japan, China, Korea, Russia and Nowhere met near the Sinai.\n") == [])
        // Five, but once in a long text (a licence listing addresses): not named often enough.
        let long = "Japan, China, Korea, Russia and Mongolia met.\n\n" + String(repeating: "The work went on as before.\n\n", count: 30)
            + "They met near the Sinai and the Licensed Material.\n"
        #expect(try kept(long) == [])
    }
}
