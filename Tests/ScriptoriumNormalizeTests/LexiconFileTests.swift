import Foundation
import Testing
import ScriptoriumModel
import ScriptoriumExtract
@testable import ScriptoriumNormalize

/// The repository's `input/` folder, found from this file's path.
let repositoryInput = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("input")

/// The shipped lexicon, loaded once.
let shippedLexicon: Result<Lexicon, Error> = Result { try Lexicon(contentsOf: repositoryInput.appendingPathComponent("lexicon.json")) }

@Suite struct ShippedLexiconTests {
    @Test func parses() throws {
        let lexicon = try shippedLexicon.get()
        #expect(lexicon.entities.count > 150)
        for type in [EntityType.place, .organization, .legalInstrument, .event] {
            #expect(lexicon.entities.contains { $0.type == type }, "no \(type)")
        }
    }

    @Test func idsAreUniqueNCNames() throws {
        let lexicon = try shippedLexicon.get()
        var seen = Set<String>()
        for e in lexicon.entities {
            #expect(RecordID.isNCName(e.id), "\(e.id)")
            #expect(e.id == "ent." + e.key)
            #expect(seen.insert(e.id).inserted, "duplicate id \(e.id)")
        }
    }

    @Test func noSurfaceFormBelongsToTwoEntities() throws {
        let lexicon = try shippedLexicon.get()
        var owner: [[UInt8]: String] = [:]
        for e in lexicon.entities {
            for form in e.surfaceForms {
                let bytes = Array(form.utf8)
                #expect(owner[bytes] == nil, "\(form) belongs to \(owner[bytes] ?? "") and \(e.key)")
                owner[bytes] = e.key
            }
        }
    }

    @Test func wikidataIDsAreWellFormed() throws {
        let lexicon = try shippedLexicon.get()
        for e in lexicon.entities {
            guard let q = e.wikidata else { continue }
            #expect(q.wholeMatch(of: /Q[1-9][0-9]*/) != nil, "\(e.key): \(q)")
        }
        var byID: [String: String] = [:]
        for e in lexicon.entities {
            guard let q = e.wikidata else { continue }
            #expect(byID[q] == nil, "\(q) on both \(byID[q] ?? "") and \(e.key)")
            byID[q] = e.key
        }
    }

    @Test func everySurfaceFormIsFoundAsItself() throws {
        let lexicon = try shippedLexicon.get()
        let matcher = EntityMatcher(lexicon: lexicon)
        for (index, e) in lexicon.entities.enumerated() {
            for form in e.surfaceForms {
                let text = "(\(form))"
                let matches = matcher.matches(in: text)
                #expect(matches.count == 1 && matches.first?.lexiconIndex == index && matches.first?.range == 1..<(1 + form.utf8.count),
                        "\(form) of \(e.key) gives \(matches.map(\.entity.key))")
            }
        }
    }

    @Test func shortFormsReadersExpect() throws {
        let matcher = EntityMatcher(lexicon: try shippedLexicon.get())
        let expected: [(String, String)] = [
            ("U.S.", "united-states"), ("US", "united-states"), ("USA", "united-states"), ("U.S.A.", "united-states"),
            ("United States of America", "united-states"), ("America", "united-states"),
            ("U.K.", "united-kingdom"), ("UK", "united-kingdom"), ("Britain", "united-kingdom"), ("Great Britain", "united-kingdom"),
            ("USSR", "soviet-union"), ("U.S.S.R.", "soviet-union"), ("PRC", "china"), ("DPRK", "north-korea"),
            ("ROK", "south-korea"), ("UN", "united-nations"), ("NATO", "nato"), ("EU", "european-union"),
            ("ASEAN", "asean"), ("SEATO", "seato"), ("ANZUS", "anzus"), ("Warsaw Pact", "warsaw-pact"),
            ("CENTO", "cento"), ("OSCE", "osce"), ("IAEA", "iaea"), ("WTO", "wto"), ("U.S. Senate", "us-senate"),
            ("National Diet", "national-diet"), ("Self-Defense Forces", "japan-self-defense-forces"),
            ("Allied Powers", "allied-powers"), ("World War I", "world-war-i"), ("Second World War", "world-war-ii"),
            ("Cold War", "cold-war"), ("Korean War", "korean-war"), ("Vietnam War", "vietnam-war"), ("Gulf War", "gulf-war"),
            ("occupation of Japan", "occupation-of-japan"), ("attack on Pearl Harbor", "attack-on-pearl-harbor"),
            ("Cuban Missile Crisis", "cuban-missile-crisis"),
            ("Security Treaty Between the United States and Japan", "security-treaty-1951"),
            ("Treaty of Mutual Cooperation and Security", "treaty-of-mutual-cooperation-and-security"),
            ("San Francisco Peace Treaty", "treaty-of-san-francisco"), ("Treaty of San Francisco", "treaty-of-san-francisco"),
            ("North Atlantic Treaty", "north-atlantic-treaty"), ("UN Charter", "un-charter"),
            ("Treaty of Versailles", "treaty-of-versailles"), ("NPT", "npt"), ("ANZUS Treaty", "anzus-treaty"),
            ("Constitution of Japan", "constitution-of-japan"), ("Article 9", "article-9"),
        ]
        for (text, key) in expected {
            let matches = matcher.matches(in: "the \(text)’s role")
            #expect(matches.map(\.entity.key) == [key], "\(text)")
        }
        // Overlaps go to the longest name.
        #expect(matcher.matches(in: "the U.S. Senate").map(\.entity.key) == ["us-senate"])
        #expect(matcher.matches(in: "the North Atlantic Treaty Organization").map(\.entity.key) == ["nato"])
        #expect(matcher.matches(in: "the Sea of Japan and the South China Sea").map(\.entity.key) == ["sea-of-japan", "south-china-sea"])
    }
}

extension ShippedLexiconTests {
    @Test func theTwentiethCenturyCanon() throws {
        let lexicon = try shippedLexicon.get()
        let matcher = EntityMatcher(lexicon: lexicon)
        let expected: [(String, String)] = [
            ("Arab League", "arab-league"), ("CSTO", "csto"), ("EEC", "european-economic-community"),
            ("ASEAN Regional Forum", "asean-regional-forum"), ("Organisation of African Unity", "organisation-of-african-unity"),
            ("Venezuela", "venezuela"), ("Bosnia and Herzegovina", "bosnia-and-herzegovina"), ("DRC", "democratic-republic-of-the-congo"),
            ("Ottoman Empire", "ottoman-empire"), ("Austria–Hungary", "austria-hungary"), ("Third Reich", "nazi-germany"),
            ("Russian Revolution", "russian-revolution"), ("Great Depression", "great-depression"), ("Holocaust", "holocaust"),
            ("Spanish Civil War", "spanish-civil-war"), ("Chinese Civil War", "chinese-civil-war"), ("Nanking Massacre", "nanjing-massacre"),
            ("Six-Day War", "six-day-war"), ("Yom Kippur War", "yom-kippur-war"), ("Iran-Iraq War", "iran-iraq-war"),
            ("Falklands War", "falklands-war"), ("Hungarian Revolution of 1956", "hungarian-revolution-of-1956"),
            ("Munich Agreement", "munich-agreement"), ("Molotov-Ribbentrop Pact", "molotov-ribbentrop-pact"),
            ("Treaty of Rome", "treaty-of-rome"), ("Maastricht Treaty", "maastricht-treaty"), ("ABM Treaty", "abm-treaty"),
            ("SALT I", "salt-i"), ("SALT II", "salt-ii"), ("START I", "start-i"), ("Partial Test Ban Treaty", "partial-test-ban-treaty"),
            ("Rio Treaty", "rio-treaty"), ("Brussels Treaty", "treaty-of-brussels"), ("Agreed Framework", "agreed-framework"),
        ]
        for (text, key) in expected {
            #expect(matcher.matches(in: "the \(text)’s place and the \(text)'s").map(\.entity.key) == [key, key], "\(text)")
        }
        // Longest names win over the shorter ones inside them; ambiguous names stay out.
        #expect(matcher.matches(in: "the New START and START I").map(\.entity.key) == ["new-start", "start-i"])
        #expect(matcher.matches(in: "in South Sudan and Sudan").map(\.entity.key) == ["south-sudan", "sudan"])
        #expect(matcher.matches(in: "Georgia, Chad, Niger and Palestine").isEmpty)
        // Ids only where two sources agreed (see the lexicon's comments).
        let ids = Dictionary(uniqueKeysWithValues: lexicon.entities.map { ($0.key, $0.wikidata) })
        #expect(ids["arab-league"] == "Q7172" && ids["african-union"] == "Q7159" && ids["oas"] == "Q123759")
        #expect(ids["nigeria"] == "Q1033" && ids["serbia"] == "Q403" && ids["panama"] == "Q804")
        #expect(ids["holocaust"] == .some(nil) && ids["munich-agreement"] == .some(nil))
    }
}

@Suite struct EssayMentionTests {
    /// Runs the shipped lexicon over the essay, sentence by sentence as the pipeline does (each line of the essay
    /// is one block; its sentences come from the splitter), and returns (matched text, entity key) pairs.
    func essayMentions() throws -> [(text: String, key: String)] {
        let matcher = EntityMatcher(lexicon: try shippedLexicon.get())
        let essay = try String(contentsOf: repositoryInput.appendingPathComponent("us-japan-security-treaty.txt"), encoding: .utf8)
        var out: [(String, String)] = []
        for line in essay.split(whereSeparator: \.isNewline) {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for sentence in SentenceSplitter.split(buffer) {
                    let slice = UnsafeBufferPointer(rebasing: buffer[sentence])
                    for m in matcher.matches(in: slice) {
                        out.append((String(decoding: slice[m.range], as: UTF8.self), m.entity.key))
                    }
                }
            }
        }
        return out
    }

    @Test func findsWhatAReaderExpects() throws {
        let mentions = try essayMentions()
        let keys = Set(mentions.map(\.key))
        for key in ["japan", "united-states", "china", "north-korea", "nato", "world-war-ii", "cold-war", "article-9",
                    "treaty-of-mutual-cooperation-and-security", "treaty-of-san-francisco", "us-japan-security-treaty",
                    "east-asia", "asia", "asia-pacific", "indo-pacific", "pacific", "europe", "allied-powers",
                    "japan-self-defense-forces", "1951", "1960"] {
            #expect(keys.contains(key), "no mention of \(key)")
        }
        let usForms = Set(mentions.filter { $0.key == "united-states" }.map(\.text))
        #expect(usForms.isSuperset(of: ["United States", "U.S.", "US", "America"]), "\(usForms)")
        // "US-Japan Security Treaty" is one mention of the treaty, never of the US or Japan.
        #expect(mentions.filter { $0.key == "us-japan-security-treaty" }.allSatisfy { $0.text == "US-Japan Security Treaty" })
        #expect(mentions.filter { $0.key == "us-japan-security-treaty" }.count > 20)
        // The 1960 treaty's full title swallows "United States" and "Japan" inside it.
        #expect(mentions.contains { $0.text == "Treaty of Mutual Cooperation and Security between the United States and Japan" })
        // Years are dates of their own; "Soviet" and "East Asian" are adjectives, not mentions.
        #expect(mentions.filter { $0.key == "1951" }.count == 3)
        #expect(mentions.filter { $0.key == "1960" }.count == 2)
        #expect(!mentions.contains { $0.text == "Soviet" || $0.text.hasPrefix("East Asian") })
    }

    @Test func everyMentionIsExactlyASurfaceFormOrADate() throws {
        let lexicon = try shippedLexicon.get()
        var forms: [String: Set<String>] = [:]
        for e in lexicon.entities { forms[e.key] = Set(e.surfaceForms.map { String(decoding: Array($0.utf8), as: UTF8.self) }) }
        for m in try essayMentions() {
            if let known = forms[m.key] {
                #expect(known.contains(m.text), "\(m.text) → \(m.key)")
            } else {
                #expect(m.text.wholeMatch(of: /[12][0-9]{3}/) != nil, "unexpected date \(m.text)")
            }
        }
    }
}
