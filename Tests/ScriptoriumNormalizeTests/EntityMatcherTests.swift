import Testing
import ScriptoriumTestSupport
import ScriptoriumModel
@testable import ScriptoriumNormalize

/// A small lexicon with the overlaps the rules are about.
let sampleLexicon: Lexicon = {
    try! parseLexicon("""
        {"entities": [
          {"key": "japan", "name": "Japan", "type": "place", "wikidata": "Q17"},
          {"key": "united-states", "name": "United States", "type": "place", "wikidata": "Q30",
           "aliases": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America"]},
          {"key": "latin-america", "name": "Latin America", "type": "place"},
          {"key": "us-senate", "name": "United States Senate", "type": "organization", "aliases": ["U.S. Senate", "US Senate"]},
          {"key": "us-japan-security-treaty", "name": "US-Japan Security Treaty", "type": "legal_instrument",
           "aliases": ["U.S.-Japan Security Treaty", "US–Japan Security Treaty"]},
          {"key": "china", "name": "China", "type": "place", "aliases": ["People's Republic of China", "People’s Republic of China"]},
          {"key": "taiwan", "name": "Taiwan", "type": "place", "aliases": ["Republic of China"]},
          {"key": "east-asia", "name": "East Asia", "type": "place"},
          {"key": "asia", "name": "Asia", "type": "place"},
          {"key": "asia-pacific", "name": "Asia-Pacific", "type": "place"},
          {"key": "world-war-ii", "name": "World War II", "type": "event", "aliases": ["Second World War"]},
          {"key": "world-war-i", "name": "World War I", "type": "event"},
          {"key": "un", "name": "United Nations", "type": "organization", "aliases": ["UN"]},
          {"key": "article-9", "name": "Article 9", "type": "legal_instrument"},
          {"key": "treaty-1960", "name": "Treaty of Mutual Cooperation and Security", "type": "legal_instrument"},
          {"key": "tuerkiye", "name": "Türkiye", "type": "place"},
          {"key": "tokyo-jp", "name": "東京", "type": "place"},
          {"key": "nine-eleven", "name": "9/11", "type": "event"},
          {"key": "y1984", "name": "1984", "type": "legal_instrument"}
        ]}
        """)
}()

let sampleMatcher = EntityMatcher(lexicon: sampleLexicon)

/// The matches in `text` as (matched text, entity key).
func found(_ text: String, _ matcher: EntityMatcher = sampleMatcher) -> [(String, String)] {
    let bytes = Array(text.utf8)
    return matcher.matches(in: text).map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.entity.key) }
}

func expectFound(_ text: String, _ expected: [(String, String)], _ matcher: EntityMatcher = sampleMatcher,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    let result = found(text, matcher)
    #expect(result.map(\.0) == expected.map(\.0), "in \(text)", sourceLocation: sourceLocation)
    #expect(result.map(\.1) == expected.map(\.1), "in \(text)", sourceLocation: sourceLocation)
}

@Suite struct EntityMatcherTests {
    @Test func findsNamesAndAliasesWithByteRanges() {
        let text = "Japan and the United States of America."
        let matches = sampleMatcher.matches(in: text)
        #expect(matches.map(\.range) == [0..<5, 14..<38])
        #expect(matches.map(\.entity.id) == ["ent.japan", "ent.united-states"])
        #expect(matches[0].entity.wikidata == "Q17")
        #expect(matches[0].lexiconIndex == 0)
        #expect(matches[1].lexiconIndex == 1)
    }

    @Test func longestMatchWins() {
        expectFound("The U.S. Senate ratified it.", [("U.S. Senate", "us-senate")])
        expectFound("The US Senate and the U.S. agreed.", [("US Senate", "us-senate"), ("U.S.", "united-states")])
        expectFound("The US-Japan Security Treaty of 1951", [("US-Japan Security Treaty", "us-japan-security-treaty"), ("1951", "1951")])
        expectFound("The U.S.-Japan Security Treaty", [("U.S.-Japan Security Treaty", "us-japan-security-treaty")])
        expectFound("The US–Japan Security Treaty", [("US–Japan Security Treaty", "us-japan-security-treaty")])
        expectFound("The US-Japan security arrangement", [("US", "united-states"), ("Japan", "japan")])
        expectFound("The US-Japan Security Council", [("US", "united-states"), ("Japan", "japan")])
        expectFound("security in East Asia and Asia-Pacific and Asia", [
            ("East Asia", "east-asia"), ("Asia-Pacific", "asia-pacific"), ("Asia", "asia"),
        ])
        expectFound("the People's Republic of China and the People’s Republic of China and the Republic of China", [
            ("People's Republic of China", "china"), ("People’s Republic of China", "china"), ("Republic of China", "taiwan"),
        ])
        expectFound("World War II and World War I and World War III", [
            ("World War II", "world-war-ii"), ("World War I", "world-war-i"),
        ])
        expectFound("Latin America and America", [("Latin America", "latin-america"), ("America", "united-states")])
        expectFound("United States Senate", [("United States Senate", "us-senate")])
        expectFound("United States Sen", [("United States", "united-states")])
    }

    @Test func aLongerNameThatEndsInsideAWordFallsBackToAShorterOne() {
        expectFound("United States Senators", [("United States", "united-states")])
        expectFound("the U.S.A.-based firm and the U.S.Army", [("U.S.A.", "united-states"), ("U.S.", "united-states")])
    }

    @Test func wordBoundaries() {
        expectFound("Japanese Japanology preJapan Japan2 2Japan", [])
        expectFound("USSR USA USB BUS US", [("USA", "united-states"), ("US", "united-states")])
        expectFound("UNESCO and the UN.", [("UN", "un")])
        expectFound("Asian Asians Asia", [("Asia", "asia")])
        expectFound("Article 9 and Article 91 and Article 9a", [("Article 9", "article-9")])
        // Only letters and digits continue a word; "_" does not.
        expectFound("Japan_x", [("Japan", "japan")])
    }

    @Test func possessives() {
        expectFound("Japan’s constitution and Japan's forces", [("Japan", "japan"), ("Japan", "japan")])
        expectFound("the US’s strategy and the U.S.'s strategy", [("US", "united-states"), ("U.S.", "united-states")])
        expectFound("the United States’ interest", [("United States", "united-states")])
        expectFound("NATO’s and China’s", [("China", "china")])
    }

    @Test func caseSensitive() {
        expectFound("let us go; US forces; Us; uS", [("US", "united-states")])
        expectFound("japan and JAPAN and Japan", [("Japan", "japan")])
        expectFound("east asia and East asia", [])
    }

    @Test func abbreviationAtTheEndOfTheText() {
        expectFound("support from the U.S.", [("U.S.", "united-states")])
        expectFound("U.S.", [("U.S.", "united-states")])
        expectFound("U.S", [])
        expectFound("US", [("US", "united-states")])
        expectFound("Japan", [("Japan", "japan")])
    }

    @Test func namesFollowedByPunctuation() {
        expectFound("Japan, China; Taiwan: Japan. (China) \"Japan\" Japan! Japan? Japan-led Japan/US [Asia]", [
            ("Japan", "japan"), ("China", "china"), ("Taiwan", "taiwan"), ("Japan", "japan"), ("China", "china"),
            ("Japan", "japan"), ("Japan", "japan"), ("Japan", "japan"), ("Japan", "japan"), ("Japan", "japan"),
            ("US", "united-states"), ("Asia", "asia"),
        ])
        expectFound("the U.S., the U.S.; U.S.-led", [("U.S.", "united-states"), ("U.S.", "united-states"), ("U.S.", "united-states")])
    }

    @Test func nonASCIITextAroundNames() {
        expectFound("“Japan” — Japan… «Japan» ‘Japan’ Japan–China", [
            ("Japan", "japan"), ("Japan", "japan"), ("Japan", "japan"), ("Japan", "japan"), ("Japan", "japan"), ("China", "china"),
        ])
        expectFound("Japanó éJapan Japané Japan\u{00A0}is", [("Japan", "japan")])
        expectFound("日本Japan Japan日本", [])
        expectFound("Die Türkiye und Türkiyes", [("Türkiye", "tuerkiye")])
        expectFound("在東京 東京 東京、", [("東京", "tokyo-jp"), ("東京", "tokyo-jp")])
        expectFound("Japan 🇯🇵 Japan😀", [("Japan", "japan"), ("Japan", "japan")])
    }

    @Test func namesStartingWithDigitsAndTiesWithDates() {
        expectFound("after 9/11 and in 1984.", [("9/11", "nine-eleven"), ("1984", "y1984")])
        expectFound("in 1985", [("1985", "1985")])
        expectFound("the 1960 Treaty of Mutual Cooperation and Security", [
            ("1960", "1960"), ("Treaty of Mutual Cooperation and Security", "treaty-1960"),
        ])
    }

    @Test func datesAndNamesTogether() {
        let text = "On 8 September 1951 Japan and the United States signed; June 1948; April 4, 1949; 1949-04-04."
        expectFound(text, [
            ("8 September 1951", "1951-09-08"), ("Japan", "japan"), ("United States", "united-states"),
            ("June 1948", "1948-06"), ("April 4, 1949", "1949-04-04"), ("1949-04-04", "1949-04-04"),
        ])
        let dateMatch = sampleMatcher.matches(in: text)[0]
        #expect(dateMatch.entity == LexiconEntity(isoDate: "1951-09-08"))
        #expect(dateMatch.entity.id == "date.1951-09-08")
        #expect(dateMatch.entity.type == .date)
        #expect(dateMatch.entity.record(mentions: 1).isoDate == "1951-09-08")
    }

    @Test func oneCharacterNames() throws {
        let lexicon = try parseLexicon("""
            {"entities": [
              {"key": "x", "name": "X", "type": "organization"},
              {"key": "xy", "name": "X Y", "type": "organization"},
              {"key": "omega", "name": "Ω", "type": "place"}
            ]}
            """)
        let matcher = EntityMatcher(lexicon: lexicon)
        expectFound("X marks X Y and Xs; Ω, ΩΩ and X", [("X", "x"), ("X Y", "xy"), ("Ω", "omega"), ("X", "x")], matcher)
    }

    @Test func emptyTextAndEmptyLexicon() {
        #expect(sampleMatcher.matches(in: "").isEmpty)
        #expect(EntityMatcher(lexicon: .empty).matches(in: "Japan in 1951").map(\.entity.name) == ["1951"])
        let empty: [UInt8] = []
        empty.withUnsafeBufferPointer { #expect(sampleMatcher.matches(in: $0).isEmpty) }
    }

    @Test func bufferAPIMatchesTheStringAPI() {
        let text = "Japan’s U.S. ties since 1951."
        let bytes = Array(text.utf8)
        let viaBuffer = bytes.withUnsafeBufferPointer { sampleMatcher.matches(in: $0) }
        #expect(viaBuffer == sampleMatcher.matches(in: text))
        #expect(viaBuffer.count == 3)
    }

    @Test func sliceOfALargerBuffer() {
        // The pipeline runs the matcher on one sentence at a time; the text before and after the slice is not
        // seen, so a name at the slice's edges is found even if the bytes around it are letters.
        let bytes = Array("xxJapanxx".utf8)
        let matches = bytes.withUnsafeBufferPointer { buffer in
            sampleMatcher.matches(in: UnsafeBufferPointer(rebasing: buffer[2..<7]))
        }
        #expect(matches.map(\.range) == [0..<5])
    }
}


/// Whether `short` may be a short form the document gave `name` (see ``DocumentAliases``): capitals starting with
/// the name's first letter and no lexicon form, or the name's family name: its last word, or its first (an East
/// Asian name's).
private func isShortForm(_ short: String, of name: String) -> Bool {
    if name.hasSuffix(" " + short) || name.hasPrefix(short + " ") { return true }
    return short.count >= 2 && short.allSatisfy { $0.isUppercase || $0.isNumber } && short.first == name.first
        && !sampleLexicon.entities.contains { $0.surfaceForms.contains(short) }
}

@Suite struct EntityMatcherPropertyTests {
    /// Random texts made of surface forms, their prefixes, date pieces, words and separators: every match lies
    /// inside the text, the matches are in order and do not overlap, each one's bytes are a surface form of its
    /// entity (or a date whose ISO value they spell, or a name recognised by its head, named as written, with no
    /// id), and no match starts or ends inside a word.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func matchesAreOrderedDisjointAndExact(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let forms = sampleLexicon.entities.flatMap(\.surfaceForms)
        let pieces = forms + forms.map { String($0.prefix(max(1, $0.count - 1))) } + [
            "1951", "1960", "4 April 1949", "April 4, 1949", "June 1948", "1949-04-04", "31 February 1949", "1950s",
            "12345", "1,951", "Senate", "Security Treaty", "s", "x", "é", "東", "9", "-", "–", "’s", "'s", ".", ",",
            "the", "us", "an", "Japanese",
        ]
        let separators = [" ", " ", " ", "", "-", "’", "'", ".", ", ", "; ", "(", ")", "—", "\u{00A0}"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...14, using: &rng) {
                text += pieces.randomElement(using: &rng)!
                text += separators.randomElement(using: &rng)!
            }
            let bytes = Array(text.utf8)
            let matches = sampleMatcher.matches(in: text)
            var previousEnd = 0
            for m in matches {
                #expect(m.range.lowerBound >= previousEnd, "overlap or disorder in \(text)")
                #expect(m.range.lowerBound >= 0 && m.range.upperBound <= bytes.count, "outside \(text)")
                #expect(!m.range.isEmpty)
                previousEnd = m.range.upperBound
                let matched = String(decoding: bytes[m.range], as: UTF8.self)
                if m.entity.type == .date {
                    #expect(m.lexiconIndex == nil)
                    let digits = matched.filter(\.isNumber)
                    let stem = String(m.entity.name.prefix(4).filter(\.isNumber))  // 195X: a decade
                    #expect(digits.hasSuffix(stem) || digits.hasPrefix(stem), "date \(matched) named \(m.entity.name)")
                } else if m.lexiconIndex == nil {
                    #expect(m.entity.name == matched || m.entity.name.count <= 8 || isShortForm(matched, of: m.entity.name),
                            "recognised \(matched) named \(m.entity.name)")
                    #expect(m.entity.wikidata == nil && m.entity.geonames == nil)
                } else {
                    #expect(m.entity.surfaceForms.contains { Array($0.utf8) == Array(bytes[m.range]) || isShortForm(matched, of: $0) },
                            "\(matched) is not a surface form of \(m.entity.key) in \(text)")
                    #expect(m.lexiconIndex.map { sampleLexicon.entities[$0] } == m.entity)
                }
                let p = bytes
                p.withUnsafeBufferPointer { buffer in
                    let base = buffer.baseAddress!
                    #expect(WordBoundary.canStart(at: m.range.lowerBound, base, buffer.count), "starts inside a word: \(text)")
                    #expect(WordBoundary.canEnd(at: m.range.upperBound, base, buffer.count), "ends inside a word: \(text)")
                }
            }
        }
    }

    /// Every surface form, alone or between spaces, is found as exactly itself.
    @Test func everySurfaceFormIsFoundAlone() {
        for (index, entity) in sampleLexicon.entities.enumerated() {
            for form in entity.surfaceForms {
                for text in [form, " \(form) ", "(\(form))"] {
                    let matches = sampleMatcher.matches(in: text)
                    #expect(matches.count == 1, "\(text)")
                    #expect(matches.first?.lexiconIndex == index, "\(text)")
                }
            }
        }
    }
}
