import Testing
@testable import ScriptoriumExtract

@Suite struct StructureReaderTests {
    @Test func essayHasTheExpectedStructure() throws {
        let bytes = try essayBytes()
        let elements = bytes.withUnsafeBufferPointer { StructureReader.read($0) }
        var headings = 0, paragraphs = 0, items = 0
        for element in elements {
            switch element {
            case .heading: headings += 1
            case .block(.paragraph, _): paragraphs += 1
            case .block(.listItem, _): items += 1
            }
        }
        #expect(headings == 16)
        #expect(paragraphs == 54)
        #expect(items == 9)
        // The two paragraphs before the first heading are blocks without a section.
        guard case .block(.paragraph, _) = elements[0], case .block(.paragraph, _) = elements[1],
              case .heading = elements[2] else {
            Issue.record("expected two paragraphs, then a heading")
            return
        }
    }

    @Test func itemsAfterALoneMarkerLine() {
        let s = structure("Intro line ends here.\n-\nFirst item text.\n-\nSecond item text.\nAfter the list.\n")
        #expect(s.map(\.0) == ["paragraph", "list_item", "list_item", "paragraph"])
        #expect(s[1].1 == "First item text.")
    }

    @Test func listMarkersOfEveryKind() {
        let s = structure("- dash\n* star\n• bullet\n– en dash\n1. one\n2) two\na. letter\n")
        #expect(s.map(\.0) == Array(repeating: "list_item", count: 7))
        #expect(s.map(\.1) == ["dash", "star", "bullet", "en dash", "one", "two", "letter"])
    }

    @Test func indentedLinesContinueAnItem() {
        let s = structure("- The first item is long and\n  continues on an indented line.\n- Second.\n")
        #expect(s.map(\.0) == ["list_item", "list_item"])
        #expect(s[0].1 == "The first item is long and continues on an indented line.")
    }

    @Test func headingsAndNotHeadings() {
        let s = structure("""
            What Comes Next?
            A short line.
            PART ONE: ORIGINS
            This paragraph ends with a full stop, as paragraphs do.
            """)
        #expect(s.map(\.0) == ["heading", "paragraph", "heading", "paragraph"])
    }

    @Test func hardWrappedParagraphsAreJoined() {
        let text = """
            The treaty was signed in San Francisco in September 1951, and it came
            into force the following year, alongside the peace treaty that ended
            the occupation.

            A second paragraph, also wrapped at a typewriter's width, with a word
            that is hyphen-
            ated across a break and a US-
            Japan compound.
            """
        let s = structure(text)
        #expect(s.map(\.0) == ["paragraph", "paragraph"])
        #expect(s[0].1 == "The treaty was signed in San Francisco in September 1951, and it came into force the following year, alongside the peace treaty that ended the occupation.")
        #expect(s[1].1.hasSuffix("with a word that is hyphenated across a break and a US-Japan compound."))
    }

    @Test func headingAboveAWrappedParagraph() {
        let s = structure("""
            Origins
            The treaty was signed in San Francisco in September 1951, and it came
            into force the following year.
            """)
        #expect(s.map(\.0) == ["heading", "paragraph"])
    }

    @Test func lineEndingsDoNotChangeStructure() {
        let lf = structure("Heading One\nFirst paragraph.\n\nSecond paragraph.\n")
        let crlf = structure("Heading One\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n")
        let cr = structure("Heading One\rFirst paragraph.\r\rSecond paragraph.\r")
        #expect(lf.map(\.1) == crlf.map(\.1))
        #expect(lf.map(\.1) == cr.map(\.1))
        #expect(lf.map(\.0) == ["heading", "paragraph", "paragraph"])
    }
}
