import Foundation
import Testing
import ScriptoriumPipeline

/// A build without a lexicon of its own finds places from the default lexicon and gazetteer, linked to GeoNames
/// and attributed; `--no-default-lexicon` leaves it out; a user's lexicon overrides it by key.
@Suite struct DefaultLexiconBuildTests {
    private static let essay = """
        Alliances in the North

        In 1949 Poland stood apart while Norway joined; Kiev, now Kyiv, lay in the Soviet Union.
        Gdańsk (Gdansk) watched the Baltic. Compile the notes with GCC.

        """

    private func corpus(in folder: URL, lexicon: String? = nil) throws -> URL {
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data(Self.essay.utf8).write(to: input.appendingPathComponent("north.txt"))
        if let lexicon { try Data(lexicon.utf8).write(to: input.appendingPathComponent("lexicon.json")) }
        return input
    }

    /// entity id → row of entities.csv.
    private func entities(_ output: URL) throws -> [String: [String: String]] {
        let rows = try readCSVTable(output.appendingPathComponent("data/csv/entities.csv"))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"]!, $0) })
    }

    @Test func theDefaultLexiconIsUsedUnlessTurnedOff() throws {
        let folder = try temporaryFolder("default-lexicon")
        defer { cleanup(folder) }
        let input = try corpus(in: folder)

        let withDefault = folder.appendingPathComponent("with")
        let run = try runCLI(["build", input.path, "--output", withDefault.path, "--jobs", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("default lexicon and gazetteer (built in):"))
        let found = try entities(withDefault)
        // Kiev and Kyiv are one entity, Gdańsk and Gdansk another; GCC without its full name is not linked.
        #expect(Set(found.keys) == ["date.1949", "ent.poland", "ent.norway", "ent.kyiv", "ent.soviet-union", "ent.gdansk"])
        #expect(found["ent.kyiv"]?["mentions"] == "2")
        #expect(found["ent.gdansk"]?["mentions"] == "2")
        #expect(found["ent.poland"]?["wikidata"] == "Q36")
        #expect(found["ent.poland"]?["geonames"] == "798544")
        #expect(found["ent.gulf-cooperation-council"] == nil)
        // GeoNames is attributed in the data package, and its ids are in the JSON-LD.
        let package = try String(contentsOf: withDefault.appendingPathComponent("data/datapackage.json"), encoding: .utf8)
        #expect(package.contains("https://www.geonames.org/") && package.contains("CC-BY-4.0"))
        let jsonld = try FileManager.default.contentsOfDirectory(atPath: withDefault.appendingPathComponent("data/jsonld").path)
            .map { try String(contentsOf: withDefault.appendingPathComponent("data/jsonld/\($0)"), encoding: .utf8) }.joined()
        #expect(jsonld.contains("https://sws.geonames.org/798544/"))
        // And in the bag's own metadata.
        let info = try String(contentsOf: withDefault.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(info.contains("Internal-Sender-Description: Place names and identifiers of entities include data from GeoNames"))
        #expect(try DatasetValidator.validate(bag: withDefault).problems == [])

        let without = folder.appendingPathComponent("without")
        let bare = try runCLI(["build", input.path, "--output", without.path, "--jobs", "1", "--no-default-lexicon"])
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stderr.contains("no lexicon"))
        // Without any lexicon: dates, and names recognised by their shape ("Soviet Union": a head noun), unlinked.
        let bareEntities = try entities(without)
        #expect(Set(bareEntities.keys) == ["date.1949", "ent.soviet-union"])
        #expect(bareEntities["ent.soviet-union"]?["wikidata"] == "" && bareEntities["ent.soviet-union"]?["geonames"] == "")
        let barePackage = try String(contentsOf: without.appendingPathComponent("data/datapackage.json"), encoding: .utf8)
        #expect(!barePackage.contains("https://www.geonames.org/"))
        #expect(!(try String(contentsOf: without.appendingPathComponent("bag-info.txt"), encoding: .utf8)).contains("GeoNames"))
    }

    @Test func aUserLexiconOverridesByKeyAndWithoutTheDefaultStandsAlone() throws {
        let folder = try temporaryFolder("default-lexicon")
        defer { cleanup(folder) }
        let input = try corpus(in: folder, lexicon: """
            { "entities": [ { "key": "poland", "name": "Poland", "type": "place", "wikidata": "Q36", "aliases": ["the Polish state"] },
                            { "key": "north-notes", "name": "the notes", "type": "legal_instrument" } ] }
            """)
        let merged = folder.appendingPathComponent("merged")
        _ = try DatasetBuilder.build(BuildOptions(inputs: [input.path], output: merged.path, jobs: 1))
        let found = try entities(merged)
        #expect(found["ent.poland"]?["aliases"] == "the Polish state")
        #expect(found["ent.poland"]?["geonames"] == "798544")
        #expect(found["ent.north-notes"]?["type"] == "legal_instrument")
        #expect(found["ent.kyiv"] != nil)

        var options = BuildOptions(inputs: [input.path], output: folder.appendingPathComponent("own").path, jobs: 1)
        options.noDefaultLexicon = true
        _ = try DatasetBuilder.build(options)
        let own = try entities(folder.appendingPathComponent("own"))
        #expect(Set(own.keys) == ["date.1949", "ent.poland", "ent.north-notes", "ent.soviet-union"])
        #expect(own["ent.poland"]?["geonames"] == "")
    }

    /// A name no list has, in a text that names enough linked places, is an entity of type `name` in every format,
    /// and the dataset validates (the TEI against its RELAX NG schema included).
    @Test func anUnlistedNameIsANameInEveryFormat() throws {
        let folder = try temporaryFolder("unlisted-names")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("""
            Talks in the North

            In 1949 envoys of Poland, Norway, Sweden, Finland and Denmark met near Zorbograd, and the talks failed.

            """.utf8).write(to: input.appendingPathComponent("north.txt"))
        let output = folder.appendingPathComponent("out")
        let run = try runCLI(["build", input.path, "--output", output.path, "--jobs", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let found = try entities(output)
        #expect(found["ent.name.zorbograd"]?["type"] == "name")
        #expect(found["ent.name.zorbograd"]?["wikidata"] == "" && found["ent.name.zorbograd"]?["geonames"] == "")
        let tei = try String(contentsOf: output.appendingPathComponent("data/tei/north.xml"), encoding: .utf8)
        #expect(tei.contains("<name xml:id=") && tei.contains("ref=\"#ent.name.zorbograd\">Zorbograd</name>"))
        #expect(tei.contains("<list type=\"name\">"))
        let jsonld = try String(contentsOf: output.appendingPathComponent("data/jsonld/north.jsonld"), encoding: .utf8)
        #expect(jsonld.contains("\"@type\":\"Thing\"") || jsonld.contains("\"@type\": \"Thing\""))
        let page = try String(contentsOf: output.appendingPathComponent("data/html/north.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"#ent.name.zorbograd\">Zorbograd</a>"))
        #expect(try DatasetValidator.validate(bag: output).problems == [])
    }
}
