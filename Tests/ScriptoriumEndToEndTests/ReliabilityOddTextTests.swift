import Foundation
import Testing
import ScriptoriumBag
import ScriptoriumPipeline

/// Odd but valid text builds, validates and verifies: decomposed (NFD) input, emoji and flags, right-to-left
/// scripts, zero-width and non-breaking spaces, markup characters, control characters, every kind of line end,
/// and very long lines.
@Suite(.serialized) struct ReliabilityOddTextTests {
    static let lexicon = """
        {"entities": [
          {"key": "zurich", "name": "Zürich", "type": "place"},
          {"key": "quebec", "name": "Québec", "type": "place"},
          {"key": "japan", "name": "Japan", "type": "place", "wikidata": "Q17"},
          {"key": "united-states", "name": "United States", "type": "place", "aliases": ["U.S."]}
        ]}
        """

    static let documents: [String: String] = [
        "nfd.txt": "Café crème in Zürich\n\nThe café in Zürich served crème brûlée. Ångström visited Québec in June 1948.\n\n- Señor Muñoz went to Zürich.\n- Naïve coöperation.\n"
            .decomposedStringWithCanonicalMapping,
        "emoji.txt": "Flags and faces\n\n🇯🇵 and 🇺🇸 signed the treaty in 1951. 👩‍👩‍👧 A family 👍🏽 waved! Did Japan 😀 agree? Yes 🏳️‍🌈.\n\n🎌🎌🎌 Japan 🎌 and the U.S. met.\n",
        "rtl.txt": "العربية والعبرية\n\nهذه جملة عربية عن Japan في عام 1951. وهذه جملة ثانية؟ نعم!\n\nזהו משפט בעברית על Japan. \u{200F}זהו משפט שני.\u{200E} Mixed \u{202E}RLO text\u{202C} here.\n",
        "spaces.txt": "Zero\u{200B}width and no\u{00A0}break\n\nJapan\u{200B} signed\u{00A0}the treaty\u{202F}in\u{3000}1951. A\u{200C}ZWNJ and a\u{200D}ZWJ and a\u{2060}word joiner and a mid\u{FEFF}text BOM. Soft\u{00AD}hyphen here.\n\nNon\u{00A0}breaking\u{00A0}spaces\u{00A0}only\u{00A0}between\u{00A0}words.\n",
        "markup.txt": "<Markup> & \"quotes\"\n\nThe <p> element & the &amp; entity are \"quoted\" and 'single' here. A CDATA end ]]> and a comment <!-- x --> and <?xml version=\"1.0\"?> appear. Then </s> and {\"@id\": \"x\", \"@context\": null}.\n\nCommas, \"double \"\"quotes\"\"\", and =cmd|' /C calc'!A0 in a cell. Back\\slash and tab\there.\n",
        "controls.txt": "Page one\n\nThe first page ends here.\u{0C}\n\nThe second page begins. A bell \u{07} rings. A vertical\u{0B}tab. An escape \u{1B}[0m code.\n",
        "line-ends.txt": "Line ends\r\n\r\nA CRLF paragraph.\r\n\r\nA CR paragraph.\r\rA paragraph after \u{2028} a line separator and \u{85} a next line.\n",
        "bom.txt": "\u{FEFF}With a BOM\n\nThe BOM is dropped and offsets count from after it, as Python's utf-8-sig does.\n",
    ]

    static func write(_ files: [String: String], lexicon: String = lexicon, in folder: URL) throws -> URL {
        let dir = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(lexicon.utf8).write(to: dir.appendingPathComponent("lexicon.json"))
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    /// Rows of a table as dictionaries (the dataset's own reader; the CSV itself is checked by validate).
    static func rows(_ output: URL, _ table: String) throws -> [[String: String]] {
        try readCSVTable(output.appendingPathComponent("data/csv/\(table).csv"))
    }

    @Test func oddButValidTextBuildsValidatesAndVerifies() throws {
        let folder = try temporaryFolder("odd")
        defer { cleanup(folder) }
        let dir = try Self.write(Self.documents, in: folder)
        let output = folder.appendingPathComponent("out")
        let run = try runTool(["build", dir.path, "--output", output.path])
        #expect(run.status == 0, "\(run)")
        #expect(try DatasetValidator.validate(bag: output).problems == [])
        #expect(try BagVerifier.verify(bag: output).isValid)

        let sentences = try Self.rows(output, "sentences")
        let texts = Set(sentences.map { $0["text"]! })
        let mentions = try Self.rows(output, "mentions")
        // NFD: texts are NFC; mentions are found on the composed text and keep the source's decomposed form.
        #expect(texts.contains("The café in Zürich served crème brûlée."))
        let zurich = mentions.filter { $0["entity_id"] == "ent.zurich" }
        #expect(zurich.count == 2)
        #expect(zurich.allSatisfy { $0["text"] == "Zürich".decomposedStringWithCanonicalMapping })
        #expect(mentions.contains { $0["entity_id"] == "ent.quebec" })
        // Emoji, flags and ZWJ sequences stay whole.
        #expect(texts.contains("🇯🇵 and 🇺🇸 signed the treaty in 1951."))
        #expect(texts.contains { $0.contains("👩‍👩‍👧 A family 👍🏽 waved!") })
        // Right-to-left text and bidi controls are kept as written.
        #expect(texts.contains("هذه جملة عربية عن Japan في عام 1951."))
        #expect(texts.contains { $0.contains("\u{200F}זהו משפט שני.") })
        // Non-breaking spaces are white space (collapsed); zero-width characters are not (kept).
        #expect(texts.contains("Non breaking spaces only between words."))
        #expect(texts.contains { $0.contains("A\u{200C}ZWNJ and a\u{200D}ZWJ") })
        // Markup characters are text: escaped in TEI, parsed back equal (validate compares TEI with the CSV).
        #expect(texts.contains { $0.contains("The <p> element & the &amp; entity are \"quoted\"") })
        let tei = try String(contentsOf: output.appendingPathComponent("data/tei/markup.xml"), encoding: .utf8)
        #expect(tei.contains("The &lt;p&gt; element &amp; the &amp;amp; entity"))
        // A BOM is not part of the text, and offsets start after it.
        let bomBlock = try #require(try Self.rows(output, "blocks").first { $0["document_id"] == "bom" })
        #expect(bomBlock["start"] == "12")
    }

    @Test func nonCharactersAgreeAcrossFormats() throws {
        // U+FFFE and U+FFFF are valid UTF-8 but XML 1.0 cannot carry them: the TEI writer writes U+FFFD, and
        // the sentence text (BlockText) must then say U+FFFD too, as it does for C0 controls.
        let folder = try temporaryFolder("odd-nonchar")
        defer { cleanup(folder) }
        let dir = try Self.write(["nonchar.txt": "A \u{FFFF} b \u{FFFE}.\n"], in: folder)
        let output = folder.appendingPathComponent("out")
        #expect(try runTool(["build", dir.path, "--output", output.path]).status == 0)
        let problems = try DatasetValidator.validate(bag: output).problems
        #expect(problems == [])
        let sentences = try Self.rows(output, "sentences")
        #expect(sentences.map { $0["text"] } == ["A \u{FFFD} b \u{FFFD}."])
    }

    @Test func aMentionEndsWhereItsNameEnds() throws {
        // A name followed by a non-ASCII character ("Japan’s", "Japan" + U+200B) in a sentence that needs
        // composing (a decomposed é anywhere in it): the mention must be "Japan", 0..<5.
        let folder = try temporaryFolder("odd-zw")
        defer { cleanup(folder) }
        let dir = try Self.write(["possessive.txt": "Japan’s e\u{301}.\n", "zw.txt": "Japan\u{200B} e\u{301}.\n"], in: folder)
        let output = folder.appendingPathComponent("out")
        #expect(try runTool(["build", dir.path, "--output", output.path]).status == 0)
        #expect(try DatasetValidator.validate(bag: output).problems == [])
        let mentions = try Self.rows(output, "mentions")
        #expect(mentions.count == 2)
        for mention in mentions { #expect(mention["text"] == "Japan" && mention["end"] == "5", "\(mention)") }
    }

    @Test func aFourMegabyteDecomposedLineWithManyMentions() throws {
        // One sentence of 4 MiB in which a name alternates with a decomposed letter: many mentions, many runs.
        let text = String(repeating: "Japan cafe\u{301} ", count: 4 * 1024 * 1024 / 14) + "end.\n"
        let folder = try temporaryFolder("long-nfd")
        defer { cleanup(folder) }
        let dir = try Self.write(["nfd.txt": text], in: folder)
        let summary = try DatasetBuilder.build(BuildOptions(inputs: [dir.path], output: folder.appendingPathComponent("out").path, jobs: 2))
        #expect(summary.recordCounts.first { $0.table == "sentences" }?.count == 1)
    }

    @Test func fourMegabyteLinesBuildInLinearTime() throws {
        // Three single lines of 4 MiB: many short sentences, one long sentence, one 4 MiB "word". The structure
        // is asserted, not the time (printed for the record; a quadratic step would take hours, not seconds).
        let size = 4 * 1024 * 1024
        var many = ""
        var k = 0
        while many.utf8.count < size - 64 {
            many += "Sentence \(k) mentions Japan in 1951. "
            k += 1
        }
        many += "The end.\n"
        let sentenceCount = k + 1
        let words = String(repeating: "word word word Japan word ", count: size / 26) + "end.\n"
        let word = String(repeating: "x", count: size - 2) + ".\n"
        for (name, text, expectedSentences) in [("many", many, sentenceCount), ("one", words, 1), ("word", word, 1)] {
            let folder = try temporaryFolder("long-\(name)")
            defer { cleanup(folder) }
            let dir = try Self.write(["\(name).txt": text], in: folder)
            let output = folder.appendingPathComponent("out")
            let started = Date()
            let summary = try DatasetBuilder.build(BuildOptions(inputs: [dir.path], output: output.path, jobs: 2))
            let seconds = Date().timeIntervalSince(started)
            print("long line \(name): \(text.utf8.count) bytes on one line, \(expectedSentences) sentence(s), built in \(String(format: "%.2f", seconds)) s")
            let counts = Dictionary(uniqueKeysWithValues: summary.recordCounts.map { ($0.table, $0.count) })
            #expect(counts["blocks"] == 1, "\(name)")
            #expect(counts["sentences"] == expectedSentences, "\(name)")
            let block = try #require(try Self.rows(output, "blocks").first)
            #expect(block["start"] == "0" && block["end"] == "\(text.unicodeScalars.count - 1)", "\(name)")
        }
    }
}

/// A CSV file of the dataset as rows keyed by the header (RFC 4180, CRLF; quoted fields may hold line breaks).
func readCSVTable(_ url: URL) throws -> [[String: String]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    var rows: [[String]] = [[]]
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            rows[rows.count - 1].append(field)
            field = ""
        } else if c == "\r" || c == "\n" {
            if c == "\r", chars.first == "\n" { chars.removeFirst() }
            rows[rows.count - 1].append(field)
            field = ""
            rows.append([])
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !(rows.last ?? []).isEmpty { rows[rows.count - 1].append(field) }
    rows.removeAll { $0.isEmpty }
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}
