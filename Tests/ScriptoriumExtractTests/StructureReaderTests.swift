import Testing
@testable import ScriptoriumExtract

@Suite struct StructureReaderTests {
    @Test func essayHasTheExpectedStructure() throws {
        let bytes = try essayBytes()
        let elements = bytes.withUnsafeBufferPointer { StructureReader.read($0) }
        var headings = 0, paragraphs = 0, items = 0, verbatim = 0
        for element in elements {
            switch element {
            case .heading: headings += 1
            case .block(.paragraph, _): paragraphs += 1
            case .block(.listItem, _): items += 1
            case .block(.verbatim, _): verbatim += 1
            }
        }
        #expect(headings == 16)
        #expect(paragraphs == 54)
        #expect(items == 9)
        #expect(verbatim == 0, "the essay is prose throughout")
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

@Suite struct StructureReaderStyleTests {
    @Test func aWrappedLineEndingInAFunctionWordIsNoHeading() {
        let s = structure("""
            The treaty was signed in San Francisco on the same day by Japan and
            Prime Minister Yoshida kept the text of it to himself for a week.
            """)
        #expect(s.map(\.0) == ["paragraph"])
    }

    @Test func aLongSentenceCaseLineWithoutAFullStopIsAParagraph() {
        let s = structure("Japan and the United States signed the security treaty in San Francisco in the autumn of 1951\n")
        #expect(s.map(\.0) == ["paragraph"])
        let t = structure("Japan’s Constitutional Limits and the Security Guarantees of the United States in the Pacific\n")
        #expect(t.map(\.0) == ["heading"])
    }

    @Test func aHeadingInsideAWrappedRun() {
        let s = structure("""
            The first postwar defense buildup was modest, and planners relied on
            American power for everything else.
            Maritime Limits
            Japan claims a territorial sea around its home islands, and its coast
            guard patrols those waters.
            """)
        #expect(s.map(\.0) == ["paragraph", "heading", "paragraph"])
        #expect(s[1].1 == "Maritime Limits")
    }

    @Test func aShortLastLineOfAWrappedParagraphIsNoHeading() {
        let s = structure("""
            The first postwar defense buildup was modest, and planners relied on
            American power for everything else. The result was a division
            of labour
            """)
        #expect(s.map(\.0) == ["paragraph"])
    }

    @Test func aWrappedItemWithoutIndentation() {
        let s = structure("""
            - Article 2 promises closer economic collaboration between the
            parties and the elimination of conflict in their policies.
            - Article 3 concerns capacity.
            After the list.
            """)
        #expect(s.map(\.0) == ["list_item", "list_item", "paragraph"])
        #expect(s[0].1 == "Article 2 promises closer economic collaboration between the parties and the elimination of conflict in their policies.")
    }

    @Test func anItemEndingInASemicolonIsNotContinuedByALowerCaseLine() {
        let s = structure("- the security of Japan;\nand then a paragraph that starts in lower case.\n")
        #expect(s.map(\.0) == ["list_item", "paragraph"])
    }

    @Test func continuationLinesMustBeIndentedDeeperThanTheMarker() {
        let s = structure("    - An item in an indented document.\n    A paragraph at the same indentation.\n")
        #expect(s.map(\.0) == ["list_item", "paragraph"])
        let t = structure("- An item that goes on\n\tafter a tab.\n")
        #expect(t.map(\.0) == ["list_item"])
        #expect(t[0].1 == "An item that goes on after a tab.")
    }

    @Test func aMarkerAloneBeforeAnotherMarker() {
        let s = structure("-\n- Consult the allies.\n")
        #expect(s.map(\.0) == ["list_item"])
        #expect(s[0].1 == "Consult the allies.")
    }

    @Test func aHeadingDirectlyAboveAList() {
        let s = structure("Points Raised\n- one point.\n- another point.\n")
        #expect(s.map(\.0) == ["heading", "list_item", "list_item"])
    }

    @Test func aWrappedRunAfterAListIsReadOnItsOwn() {
        // The one-line paragraphs after the list are not joined because the text before the list was wrapped.
        let s = structure("""
            The treaty binds the parties to a short list of duties, set out
            in the articles that follow:
            - consult;
            - defend.
            The list is short.
            So is the treaty.
            """)
        #expect(s.map(\.0) == ["paragraph", "list_item", "list_item", "paragraph", "paragraph"])
    }

    @Test func wrapWidthCountsCodePoints() {
        // 126 bytes but 69 code points: still a wrapped line.
        let s = structure("""
            The Japanese title of the 1960 treaty is 日本国とアメリカ合衆国との間の相互協力及び安全保障条約,
            usually shortened to Anpo.
            """)
        #expect(s.map(\.0) == ["paragraph"])
    }

    @Test func aFullWidthSentenceCaseLineBeforeANameIsAWrap() {
        let s = structure("""
            The treaty was signed for the Japanese side by the Prime Minister
            Yoshida Shigeru, who kept its text to himself.
            """)
        #expect(s.map(\.0) == ["paragraph"])
        // The same shape, short and in Title Case, is a heading.
        let t = structure("Mutual Defense Obligations\nIt worked.\n")
        #expect(t.map(\.0) == ["heading", "paragraph"])
    }

    @Test func aNumberStartingAWrappedLineIsNoListItem() {
        let s = structure("""
            The number of American bases on the main islands fell steadily and by the
            end of the decade stood at
            12. The bases on Okinawa were counted separately.
            """)
        #expect(s.map(\.0) == ["paragraph"])
        // A list that starts at 1 after an unfinished line is still a list, and so is its item 2.
        let t = structure("The parties agreed to\n1. consult;\n2. defend.\n")
        #expect(t.map(\.0) == ["paragraph", "list_item", "list_item"])
    }

    @Test func aLineHoldingTwoSentencesIsNoHeading() {
        #expect(structure("Decades of Change. The Alliance Today\n").map(\.0) == ["paragraph"])
        #expect(structure("Was it worth it? Nobody knew then\n").map(\.0) == ["paragraph"])
        #expect(structure("Growth of 2.5. Ōta Disagreed\n").map(\.0) == ["paragraph"])
        // Abbreviations, initials and initialisms are not sentence ends.
        #expect(structure("A Visit by Dr. Nishimura\n").map(\.0) == ["heading"])
        #expect(structure("The U.S. Navy in Asia\n").map(\.0) == ["heading"])
        #expect(structure("Letters of J. F. Dulles\n").map(\.0) == ["heading"])
    }

    @Test func questionsFollowTheSameRulesAsOtherHeadings() {
        #expect(structure("What did the United States gain?\n").map(\.0) == ["heading"])
        #expect(structure("Was the treaty worth the price that both governments paid for it in the end?\n").map(\.0) == ["paragraph"])
        #expect(structure("What Did the Treaty Promise the Two Governments and Their Peoples in Return for the Bases?\n").map(\.0) == ["heading"])
    }

    @Test func aShortQuestionEndingAWrappedParagraphIsPartOfIt() {
        let s = structure("""
            The bases stayed, the costs grew, and the government in Tokyo paid for
            most of them. What else could it do?

            - A list after a blank line.
            """)
        #expect(s.map(\.0) == ["paragraph", "list_item"])
        // Directly above a list, the same line is a heading.
        let t = structure("""
            The bases stayed, the costs grew, and the government in Tokyo paid for
            most of them.
            What Remained
            - A list.
            """)
        #expect(t.map(\.0) == ["paragraph", "heading", "list_item"])
    }

    @Test func aLongLineSplitsARunIntoSegments() {
        let s = structure("""
            A long one-line paragraph that runs well past any typewriter margin, as the essay's paragraphs do, and ends.
            A Heading Between
            A wrapped paragraph follows the heading directly and breaks its lines
            at about seventy columns, mid-sentence.
            """)
        #expect(s.map(\.0) == ["paragraph", "heading", "paragraph"])
    }
}

@Suite struct MarkedHeadingTests {
    private func headings(_ text: String) -> [(Int, String)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buf in
            StructureReader.read(buf).compactMap { element in
                if case .heading(let level, let line) = element { return (level, String(decoding: buf[line], as: UTF8.self)) }
                return nil
            }
        }
    }

    @Test func markdownHeadingsCarryTheirLevelAndLeaveTheMarkerOut() {
        let found = headings("# The Treaty\nIntro text here.\n\n## Article 9 ##\nThe article renounces war.\n### Sub-section\nMore text.\n")
        #expect(found.map(\.0) == [1, 2, 3])
        #expect(found.map(\.1) == ["The Treaty", "Article 9", "Sub-section"])
    }

    @Test func hashesThatAreNotHeadings() {
        #expect(headings("#1 priority is deterrence.\n").isEmpty)
        #expect(headings("####### Seven is too many.\n").isEmpty)
        #expect(headings("#\n").isEmpty)
    }
}
