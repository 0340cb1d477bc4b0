import Foundation
import Testing
import ScriptoriumModel
@testable import ScriptoriumNormalize

/// Parses `json` as a lexicon file named `test.json`.
func parseLexicon(_ json: String) throws -> Lexicon {
    try Lexicon(jsonBytes: Array(json.utf8), path: "test.json")
}

/// The error parsing `json` throws; fails the test when it parses.
func lexiconError(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> LexiconError? {
    do {
        _ = try parseLexicon(json)
        Issue.record("expected a LexiconError", sourceLocation: sourceLocation)
        return nil
    } catch let error as LexiconError {
        return error
    } catch {
        Issue.record("expected a LexiconError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

@Suite struct LexiconParsingTests {
    @Test func parsesEntriesWithAllFields() throws {
        let lexicon = try parseLexicon("""
            { "_comment": "a comment", "entities": [
              {"_comment": "— places —"},
              { "key": "japan", "name": "Japan", "type": "place", "wikidata": "Q17", "aliases": ["Nippon"], "_note": "x" },
              { "key": "cold-war", "name": "Cold War", "type": "event" },
              { "key": "npt", "name": "Non-Proliferation Treaty", "type": "legal_instrument", "wikidata": null, "aliases": [] }
            ] }
            """)
        #expect(lexicon.entities.count == 3)
        let japan = lexicon.entities[0]
        #expect(japan == LexiconEntity(key: "japan", name: "Japan", type: .place, wikidata: "Q17", aliases: ["Nippon"]))
        #expect(japan.id == "ent.japan")
        #expect(japan.surfaceForms == ["Japan", "Nippon"])
        #expect(lexicon.entities[1].wikidata == nil)
        #expect(lexicon.entities[2].type == .legalInstrument)
        #expect(lexicon.entity(id: "ent.cold-war")?.name == "Cold War")
        #expect(lexicon.entity(id: "ent.nothing") == nil)
        let record = japan.record(mentions: 4)
        #expect(record == EntityRecord(id: "ent.japan", name: "Japan", type: .place, wikidata: "Q17", aliases: ["Nippon"], mentions: 4))
    }

    @Test func emptyLexicon() throws {
        #expect(try parseLexicon(#"{"entities": []}"#).entities.isEmpty)
        #expect(Lexicon.empty.entities.isEmpty)
    }

    @Test func readsFromAURL() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lexicon.json")
        try Data(#"{"entities": [{"key": "nato", "name": "NATO", "type": "organization", "wikidata": "Q7184"}]}"#.utf8).write(to: file)
        #expect(try Lexicon(contentsOf: file).entities.map(\.id) == ["ent.nato"])

        let missing = dir.appendingPathComponent("missing.json")
        let error = #expect(throws: LexiconError.self) { try Lexicon(contentsOf: missing) }
        #expect(error?.description.hasPrefix(missing.path + ": cannot be read") == true)
    }

    @Test func programmaticEntitiesAreValidatedToo() throws {
        let ok = try Lexicon(entities: [LexiconEntity(key: "japan", name: "Japan", type: .place)])
        #expect(ok.entities.count == 1)
        let error = #expect(throws: LexiconError.self) {
            try Lexicon(entities: [LexiconEntity(key: "japan", name: "Japan", type: .place),
                                   LexiconEntity(key: "nippon", name: "Japan", type: .place)], path: "mine")
        }
        #expect(error?.description == "mine: entry 2 (\"nippon\"), field \"name\": \"Japan\" is already a name or alias of entry 1 (\"japan\"); a surface form can belong to one entity only")
    }
}

@Suite struct LexiconValidationTests {
    @Test func notJSON() {
        let error = lexiconError(#"{"entities": [ {"key": "a", } ]"#)
        #expect(error?.path == "test.json")
        #expect(error?.entry == nil)
        #expect(error?.description.hasPrefix("test.json: is not valid JSON") == true)
    }

    @Test func wrongShapes() {
        #expect(lexiconError("[]")?.description == "test.json: must be a JSON object with an \"entities\" array, not an array")
        #expect(lexiconError("{}")?.description == "test.json, field \"entities\": is missing")
        #expect(lexiconError(#"{"entities": {}}"#)?.description == "test.json, field \"entities\": must be an array, not an object")
        #expect(lexiconError(#"{"entities": [], "entites": []}"#)?.field == "entites")
        #expect(lexiconError(#"{"entities": ["Japan"]}"#)?.description == "test.json: entry 1: must be an object, not a string")
    }

    @Test func missingRequiredFields() {
        let noKey = lexiconError(#"{"entities": [{"name": "Japan", "type": "place"}]}"#)
        #expect(noKey?.description == "test.json: entry 1, field \"key\": is missing")
        let noName = lexiconError(#"{"entities": [{"key": "japan", "type": "place"}]}"#)
        #expect(noName?.description == "test.json: entry 1 (\"japan\"), field \"name\": is missing")
        let noType = lexiconError(#"{"entities": [{"key": "japan", "name": "Japan"}]}"#)
        #expect(noType?.field == "type")
        #expect(noType?.key == "japan")
    }

    @Test func wrongFieldTypes() {
        let name = lexiconError(#"{"entities": [{"key": "japan", "name": 17, "type": "place"}]}"#)
        #expect(name?.description == "test.json: entry 1 (\"japan\"), field \"name\": must be a string, not a number")
        let aliases = lexiconError(#"{"entities": [{"key": "japan", "name": "Japan", "type": "place", "aliases": "Nippon"}]}"#)
        #expect(aliases?.field == "aliases")
        let alias = lexiconError(#"{"entities": [{"key": "japan", "name": "Japan", "type": "place", "aliases": ["Nippon", true]}]}"#)
        #expect(alias?.description == "test.json: entry 1 (\"japan\"), field \"aliases[2]\": must be a string, not a boolean")
    }

    @Test func unknownField() {
        let error = lexiconError(#"{"entities": [{"key": "japan", "name": "Japan", "type": "place", "alias": ["Nippon"]}]}"#)
        #expect(error?.field == "alias")
        #expect(error?.entry == 1)
        #expect(error?.message.hasPrefix("unknown field") == true)
    }

    @Test func duplicateKeys() {
        let error = lexiconError("""
            {"entities": [
              {"key": "japan", "name": "Japan", "type": "place"},
              {"key": "china", "name": "China", "type": "place"},
              {"key": "japan", "name": "Nippon", "type": "place"}
            ]}
            """)
        #expect(error?.description == "test.json: entry 3 (\"japan\"), field \"key\": \"japan\" is already the key of entry 1 (\"japan\")")
    }

    @Test func keyMustBeASlug() {
        let error = lexiconError(#"{"entities": [{"key": "North Korea", "name": "North Korea", "type": "place"}]}"#)
        #expect(error?.field == "key")
        #expect(error?.message.contains("use \"north-korea\"") == true)
        #expect(lexiconError(#"{"entities": [{"key": "", "name": "X", "type": "place"}]}"#)?.message == "is empty")
    }

    @Test func unknownType() {
        let error = lexiconError(#"{"entities": [{"key": "japan", "name": "Japan", "type": "country"}]}"#)
        #expect(error?.field == "type")
        #expect(error?.message.hasPrefix("\"country\" is not a known entity type") == true)
        let date = lexiconError(#"{"entities": [{"key": "d-day", "name": "D-Day", "type": "date"}]}"#)
        #expect(date?.field == "type")
        #expect(date?.message.contains("reserved") == true)
    }

    @Test func emptyOrUnmatchableNames() {
        #expect(lexiconError(#"{"entities": [{"key": "japan", "name": "", "type": "place"}]}"#)?.field == "name")
        #expect(lexiconError(#"{"entities": [{"key": "japan", "name": " Japan", "type": "place"}]}"#)?.message.contains("white space") == true)
        #expect(lexiconError(#"{"entities": [{"key": "x", "name": "East  Asia", "type": "place"}]}"#)?.message.contains("two spaces") == true)
        #expect(lexiconError(#"{"entities": [{"key": "x", "name": "East\tAsia", "type": "place"}]}"#)?.field == "name")
        let decomposed = lexiconError(#"{"entities": [{"key": "x", "name": "X", "type": "person", "aliases": ["Shinzo\#u{304} Abe"]}]}"#)
        #expect(decomposed?.field == "aliases[1]")
        #expect(decomposed?.message.contains("NFC") == true)
        // Precomposed is fine.
        #expect((try? parseLexicon(#"{"entities": [{"key": "x", "name": "Shinz\#u{14D} Abe", "type": "person"}]}"#)) != nil)
    }

    @Test func emptyAlias() {
        let error = lexiconError(#"{"entities": [{"key": "japan", "name": "Japan", "type": "place", "aliases": ["Nippon", ""]}]}"#)
        #expect(error?.description == "test.json: entry 1 (\"japan\"), field \"aliases[2]\": is empty")
    }

    @Test(arguments: ["17", "q17", "Q", "Q017", "Q0", "Q17a", " Q17", "Q-1", "", "Q1.5"])
    func malformedWikidataIDs(id: String) {
        let error = lexiconError(#"{"entities": [{"key": "japan", "name": "Japan", "type": "place", "wikidata": "\#(id)"}]}"#)
        #expect(error?.field == "wikidata")
        #expect(error?.entry == 1)
    }

    @Test func wellFormedWikidataIDs() throws {
        for id in ["Q1", "Q17", "Q15180", "Q55643"] {
            #expect(LexiconParser.isWikidataID(id))
        }
    }

    @Test func aliasClaimedByTwoEntities() {
        let error = lexiconError("""
            {"entities": [
              {"key": "united-states", "name": "United States", "type": "place", "aliases": ["US", "America"]},
              {"key": "americas", "name": "Americas", "type": "place", "aliases": ["America"]}
            ]}
            """)
        #expect(error?.entry == 2)
        #expect(error?.key == "americas")
        #expect(error?.field == "aliases[1]")
        #expect(error?.message.contains("\"America\" is already a name or alias of entry 1 (\"united-states\")") == true)
    }

    @Test func aliasEqualToAnotherEntitysName() {
        let error = lexiconError("""
            {"entities": [
              {"key": "korea", "name": "Korea", "type": "place"},
              {"key": "south-korea", "name": "South Korea", "type": "place", "aliases": ["Korea"]}
            ]}
            """)
        #expect(error?.field == "aliases[1]")
        #expect(error?.entry == 2)
    }

    @Test func aliasRepeatedWithinOneEntity() {
        let error = lexiconError(#"{"entities": [{"key": "japan", "name": "Japan", "type": "place", "aliases": ["Nippon", "Japan"]}]}"#)
        #expect(error?.field == "aliases[2]")
        #expect(error?.message.contains("listed twice") == true)
    }

    @Test func entriesAreNumberedByPositionIncludingCommentEntries() {
        let error = lexiconError("""
            {"entities": [
              {"_comment": "places"},
              {"key": "japan", "name": "Japan", "type": "place", "wikidata": "17"}
            ]}
            """)
        #expect(error?.entry == 2)
    }
}
