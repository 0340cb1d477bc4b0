import Foundation
import Testing
import ScriptoriumExtract
import ScriptoriumModel
@testable import ScriptoriumNormalize

/// Names recognised by their head noun, with the small sample lexicon (so "Japan", "United States" and the 1960
/// treaty are known names and everything else must come from the shape).
@Suite struct ProperNamesTests {
    /// The recognised names in `text`: (text, type), lexicon names and dates left out.
    private func names(_ text: String, _ matcher: EntityMatcher = sampleMatcher) -> [(String, EntityType)] {
        let bytes = Array(text.utf8)
        return matcher.matches(in: text).filter { $0.lexiconIndex == nil && $0.entity.type != .date }
            .map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.entity.type) }
    }

    private func expectNames(_ text: String, _ expected: [(String, EntityType)], sourceLocation: SourceLocation = #_sourceLocation) {
        let result = names(text)
        #expect(result.map(\.0) == expected.map(\.0), "in \(text)", sourceLocation: sourceLocation)
        #expect(result.map(\.1) == expected.map(\.1), "in \(text)", sourceLocation: sourceLocation)
    }

    @Test func wordsBeforeAHeadMakeANameTypedByItsHead() {
        expectNames("Troops of the Peninsula Shield Force crossed the Ussuri River after the Iran–Iraq War.",
                    [("Peninsula Shield Force", .organization), ("Ussuri River", .place), ("Iran–Iraq War", .event)])
        expectNames("Planes flew from Al Udeid Air Base to the Chagos Archipelago.",
                    [("Al Udeid Air Base", .place), ("Chagos Archipelago", .place)])
        expectNames("The Inter-American Peace Force landed.", [("Inter-American Peace Force", .organization)])
    }

    @Test func headOfXNamesTakeTheirObject() {
        expectNames("They signed the Pact of Bogotá and fought the Battle of the Coral Sea.",
                    [("Pact of Bogotá", .legalInstrument), ("Battle of the Coral Sea", .event)])
        expectNames("The Inter-American Treaty of Reciprocal Assistance was signed.",
                    [("Inter-American Treaty of Reciprocal Assistance", .legalInstrument)])
        // A determiner before a "Head of X" name does not make it a common noun phrase.
        expectNames("A Treaty of Friendship and Cooperation followed.", [("Treaty of Friendship and Cooperation", .legalInstrument)])
        expectNames("It joined the Organisation for Economic Co-operation and Development.",
                    [("Organisation for Economic Co-operation and Development", .organization)])
    }

    @Test func partiesCompaniesStripsHeightsShoalsAndReefsAreNames() {
        expectNames("The Labour Party and the Hudson Bay Company met near the Spratly Reef.",
                    [("Labour Party", .organization), ("Hudson Bay Company", .organization), ("Spratly Reef", .place)])
        expectNames("Ships passed the Sabine Shoal, the Zhanjiang Shipyard, the Kerem Strip and the Hermon Heights.",
                    [("Sabine Shoal", .place), ("Zhanjiang Shipyard", .place), ("Kerem Strip", .place), ("Hermon Heights", .place)])
        // Lower case or alone, the head is a common noun.
        expectNames("A party of three walked along the strip to the reef.", [])
    }

    @Test func aMonthOrWeekdayAfterThePrepositionIsADateNotTheObject() {
        expectNames("They signed the Defence Cooperation Agreement of April 2014.", [("Defence Cooperation Agreement", .legalInstrument)])
        expectNames("The Senate Congress on January 5 voted.", [("Senate Congress", .event)])
        expectNames("The Treaty of Lisbon entered into force.", [("Treaty of Lisbon", .legalInstrument)])
    }

    @Test func theLongestNameWinsOverLexiconNamesInsideIt() {
        // "Japan" and "United States" are lexicon names; inside a longer name they are no mentions of their own.
        expectFound("The Japan Coast Guard and the United States Fifth Fleet met Japan.",
                    [("Japan Coast Guard", "Japan Coast Guard"), ("United States Fifth Fleet", "United States Fifth Fleet"),
                     ("Japan", "japan")])
        // A lexicon name that is already the longest stays the lexicon's.
        expectFound("The Treaty of Mutual Cooperation and Security was signed.",
                    [("Treaty of Mutual Cooperation and Security", "treaty-1960")])
    }

    @Test func anAndJoinsOnlyWordsThatAreNotNamesOfTheirOwn() {
        expectFound("The Council of Japan and United States staff met.",
                    [("Council of Japan", "Council of Japan"), ("United States", "united-states")])
    }

    @Test func aNameWithWordsBeforeItsHeadDoesNotTakeAnotherNameAsItsObject() {
        expectNames("The Fifth Fleet of the Royal Navy sailed.", [("Fifth Fleet", .organization), ("Royal Navy", .organization)])
        // A numbered head takes the name before it; republics, tribunals, camps, lakes and forts are heads.
        expectNames("Under Zorblat Council Resolution 1031 the Federal Republic of Zorbia met the Zorbian Tribunal.",
                    [("Zorblat Council Resolution 1031", .legalInstrument), ("Federal Republic of Zorbia", .place),
                     ("Zorbian Tribunal", .organization)])
        expectNames("Troops left Camp Bondsteel for Lake Prespa and Fort Zorb.",
                    [("Camp Bondsteel", .place), ("Lake Prespa", .place), ("Fort Zorb", .place)])
        // "for" says what a body is for: one name.
        expectNames("The South Asian Association for Regional Cooperation met.",
                    [("South Asian Association for Regional Cooperation", .organization)])
        // Without words before the head, the object is part of the name.
        expectNames("The Council of the European Union met.", [("Council of the European Union", .organization)])
    }

    @Test func anOperationOrExerciseIsNamedByTheCapitalisedWordsAfterIt() {
        expectNames("It flew in Operation Desert Storm and in Exercise Talisman Sabre with Japan.",
                    [("Operation Desert Storm", .event), ("Exercise Talisman Sabre", .event)])
        expectNames("The Malabar Exercise grew.", [("Malabar Exercise", .event)])
        expectNames("Operation not permitted.", [])
    }

    @Test func aHeadAloneOrInLowerCaseIsNoName() {
        expectNames("The Treaty was signed; Council members agreed; the peace force and the treaty of friendship.", [])
        expectNames("War broke out.", [])
    }

    @Test func wordsThatBeginASentenceOrClauseAreNotPartOfTheName() {
        expectNames("The Baghdad Pact collapsed.", [("Baghdad Pact", .legalInstrument)])
        expectNames("After Bandung Conference delegates left, When Cold War ended.",
                    [("Bandung Conference", .event), ("Cold War", .event)])
    }

    @Test func possessivesAndHyphenatedLowerCaseWordsAreNotPartOfTheName() {
        expectNames("Britain's Royal Navy and Britain’s Royal Air Force sailed.",
                    [("Royal Navy", .organization), ("Royal Air Force", .organization)])
        expectNames("They formed an anti-Soviet Pact.", [])
    }

    @Test func determinersQuotesAndTitleCaseLabelsMakeNoName() {
        expectNames("It is licensed under a Secondary License or any Contributor Agreement.", [])
        expectNames("A Secondary License is not this General Public License.", [])
        expectNames("\"Secondary License\" means the licence.", [])
        // A determiner before a name used as a modifier belongs to the noun after it.
        expectNames("A Royal Navy frigate and an Air Defense Command radar.",
                    [("Royal Navy", .organization), ("Air Defense Command", .organization)])
        expectNames("Grant of Copyright License.", [])
        // The same words in running text are a name.
        expectNames("It is licensed under the Apache License and the GNU General Public License.",
                    [("Apache License", .legalInstrument), ("GNU General Public License", .legalInstrument)])
    }

    @Test func aLicenceTakesNoObject() {
        expectNames("It is under the Mozilla Public License of the Program.", [("Mozilla Public License", .legalInstrument)])
        expectNames("The License of the Program applies.", [])
    }

    @Test func aCompassWordBeforeAPlaceNamesAnotherPlace() {
        expectFound("East Japan and South Japan, not Eastern Japan or the east Japan coast.",
                    [("East Japan", "East Japan"), ("South Japan", "South Japan"), ("Japan", "japan"), ("Japan", "japan")])
        #expect(names("West Japan lies west.") .map(\.1) == [.place])
        // Not before a name that is no place.
        expectFound("North World War II.", [("World War II", "world-war-ii")])
    }

    @Test func aDefinedAcronymIsAMentionOfTheNameForTheRestOfTheDocument() {
        let text = "IORA was planned. The Indian Ocean Rim Association (IORA) was founded; IORA grew, and IOC did not."
        expectNames(text, [("Indian Ocean Rim Association", .organization), ("IORA", .organization), ("IORA", .organization)])
        let ids = sampleMatcher.matches(in: text).map(\.entity.id)
        #expect(Set(ids) == ["ent.indian-ocean-rim-association"])
        // An acronym that does not start with the name's first letter is not taken.
        expectNames("The Peninsula Shield Force (XYZ) met; XYZ left.", [("Peninsula Shield Force", .organization)])
    }

    @Test func oneEntityPerNameWhateverItsDashesAndDiacritics() {
        let a = ProperNames.entity(name: "Iran–Iraq War", type: .event), b = ProperNames.entity(name: "Iran-Iraq War", type: .event)
        #expect(a.id == b.id)
        #expect(ProperNames.entity(name: "Pact of Bogotá", type: .legalInstrument).id
                == ProperNames.entity(name: "Pact of Bogota", type: .legalInstrument).id)
        #expect(a.wikidata == nil && a.geonames == nil)
    }

    @Test func aRecognisedNameIsOneEntityAcrossADocumentWithNoID() throws {
        let records = try normalizeDocument("The Colombo Security Conclave met. Later the Colombo Security Conclave grew.\n",
                                            matcher: sampleMatcher)
        #expect(records.mentions.map(\.entityID) == ["ent.colombo-security-conclave", "ent.colombo-security-conclave"])
        #expect(records.entities.count == 1)
        #expect(records.entities.first?.mentions == 2)
        #expect(records.entities.first?.type == .organization)
        #expect(records.entities.first?.wikidata == nil)
    }
}
