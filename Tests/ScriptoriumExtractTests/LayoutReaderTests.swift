import Testing
@testable import ScriptoriumExtract

/// The layouts of real plain text that the whole-document reader handles, one case each, with the reading a person
/// gives them: kind, text (normalised; a verbatim block as written) and the number or marker kept as data.
@Suite struct LayoutReaderTests {
    struct Element: Equatable, CustomStringConvertible {
        var kind: String
        var text: String
        var label: String? = nil
        var level: Int? = nil
        var description: String { "\(kind)\(level.map { "(\($0))" } ?? "")[\(label ?? "")] \(text)" }
    }

    static func read(_ text: String, markdown: Bool = false) -> [Element] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buf in
            func string(_ r: Range<Int>?) -> String? { r.map { String(decoding: buf[$0], as: UTF8.self) } }
            return StructureReader.read(buf, markdown: markdown).map { element in
                switch element {
                case .heading(let level, let line, let number):
                    return Element(kind: "heading", text: BlockText(source: buf, lines: [line]).string, label: string(number), level: level)
                case .block(let kind, let lines, let marker):
                    return Element(kind: kind.rawValue, text: BlockText(source: buf, lines: lines).string, label: string(marker))
                case .verbatim(let range):
                    return Element(kind: "verbatim", text: string(range)!)
                }
            }
        }
    }

    static func kinds(_ text: String, markdown: Bool = false) -> [String] { read(text, markdown: markdown).map(\.kind) }

    @Test func setextHeadingsTakeTheirLevelFromTheOrderOfUnderlines() {
        let got = Self.read("Title\n=====\n\nBackground\n----------\n\nThe text begins.\n\nMore\n----\n\nAnd ends.\n")
        #expect(got == [Element(kind: "heading", text: "Title", level: 1), Element(kind: "heading", text: "Background", level: 2),
                        Element(kind: "paragraph", text: "The text begins."), Element(kind: "heading", text: "More", level: 2),
                        Element(kind: "paragraph", text: "And ends.")])
    }

    @Test func aRuleLineAloneIsLayout() {
        #expect(Self.kinds("The first part ends here.\n\n----------\n\nThe second part.\n") == ["paragraph", "paragraph"])
    }

    @Test func numberedHeadingsKeepTheirNumberAsData() {
        let got = Self.read("3. Remedies\n\nThe parties agree to the remedies below.\n\n3.2. Damages\n\nDamages are limited.\n")
        #expect(got == [Element(kind: "heading", text: "Remedies", label: "3", level: 1),
                        Element(kind: "paragraph", text: "The parties agree to the remedies below."),
                        Element(kind: "heading", text: "Damages", label: "3.2", level: 2),
                        Element(kind: "paragraph", text: "Damages are limited.")])
        // A licence's section title ends in a full stop.
        #expect(Self.read("  0. Definitions.\n\n  \"This License\" refers to version 3.\n").first
                == Element(kind: "heading", text: "Definitions.", label: "0", level: 1))
        #expect(Self.read("Article 5\n\nAn armed attack against either party.\n").first
                == Element(kind: "heading", text: "Article 5", label: "5", level: 1))
    }

    @Test func aListOfOneLineItemsIsNoRunOfHeadings() {
        #expect(Self.kinds("Costs\n\n1. Labour.\n\n2. Utilities.\n\n3. Facilities.\n\nSpecial Measures\n")
                == ["heading", "list_item", "list_item", "list_item", "heading"])
    }

    @Test func shortLinesThatAreNotHeadings() {
        #expect(Self.read("See\nhttps://www.gnu.org/licenses/\n").map(\.kind) == ["paragraph", "verbatim"])
        #expect(Self.kinds("Copyright [yyyy] [name of copyright owner]\n") == ["paragraph"])
        #expect(Self.kinds("(This section is optional)\n") == ["paragraph"])
        #expect(Self.kinds("*2021-05-01*\n") == ["paragraph"])
        #expect(Self.kinds("$ make install\n") == ["verbatim"])
    }

    @Test func aLabelEndingInAColonOverAListIsAHeading() {
        #expect(Self.read("File menu:\n- Open a file.\n- Save it.\n").map(\.kind) == ["heading", "list_item", "list_item"])
        #expect(Self.kinds("For example:\n- Open a file.\n") == ["paragraph", "list_item"])
    }

    @Test func aHardWrappedCapitalsParagraphIsOneParagraph() {
        let text = """
            The software is provided as it is, and the authors hope that it will be useful to
            everyone who uses it, though they promise nothing at all about what it does or does
            not do, and they will not be held to any promise made on their behalf by anyone.

            THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
            INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
            PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS BE LIABLE.

            """
        #expect(Self.kinds(text) == ["paragraph", "paragraph"])
    }

    @Test func anItemWrappedWithoutIndentationGoesOnAfterAFunctionWord() {
        let got = Self.read("- The licence applies to the\nProgram as a whole.\n- It ends.\n")
        #expect(got.map(\.kind) == ["list_item", "list_item"])
        #expect(got.first?.text == "The licence applies to the Program as a whole.")
    }

    @Test func romanLetteredAndBracketedMarkers() {
        let got = Self.read("i. first;\nii. second;\niii. third.\n\n(a) one\n(b) two\n\n(1) alpha\n(iv) delta\n")
        #expect(got.map(\.kind) == Array(repeating: "list_item", count: 7))
        #expect(got.map(\.label) == ["i", "ii", "iii", "(a)", "(b)", "(1)", "(iv)"])
        // A lettered list that runs past z goes on with doubled letters.
        #expect(Self.read("y.  The last but one.\nz.  The last.\naa. One more.\nbb. And another.\n").map(\.label) == ["y", "z", "aa", "bb"])
    }

    @Test func textInABoxIsReadWithoutItsFrame() {
        let text = """
            ************************************************************
            *                                                          *
            *  6. Disclaimer of Warranty                               *
            *  -------------------------                               *
            *                                                          *
            *  Covered Software is provided under this License on an   *
            *  "as is" basis, without warranty of any kind.            *
            *                                                          *
            ************************************************************

            """
        let got = Self.read(text)
        #expect(got == [Element(kind: "heading", text: "Disclaimer of Warranty", label: "6", level: 1),
                        Element(kind: "paragraph",
                                text: "Covered Software is provided under this License on an \"as is\" basis, without warranty of any kind.")])
    }

    @Test func codeAndTablesAreVerbatim() {
        #expect(Self.kinds("To build it, run:\n\n    ./configure --prefix=/usr\n    make && make install\n\nThat is all.\n")
                == ["paragraph", "verbatim", "paragraph"])
        #expect(Self.kinds("Install it:\n\n```sh\n# the package\napt install foo\n```\n\nDone.\n", markdown: true)
                == ["paragraph", "verbatim", "paragraph"])
        #expect(Self.kinds("| name | size |\n|------|------|\n| a    | 1    |\n", markdown: true) == ["verbatim"])
    }

    @Test func aManualPageReadsAsSectionsAndDefinitions() {
        let text = """
            XARGS(1)                 General Commands Manual                XARGS(1)

            NAME
                   xargs - build and execute command lines from standard input

            OPTIONS
                   -0, --null
                          Input items are terminated by a null character instead
                          of by whitespace.

                   -r     If the standard input does not contain any nonblanks,
                          do not run the command.

            GNU findutils                   2022-02-22                        XARGS(1)

            """
        let got = Self.read(text)
        #expect(got.map(\.kind) == ["heading", "paragraph", "heading", "list_item", "list_item"])
        #expect(got.map(\.label) == [nil, nil, nil, "-0, --null", "-r"])
        #expect(got[3].text == "Input items are terminated by a null character instead of by whitespace.")
    }

    @Test func groffHyphenationIsRejoined() {
        let got = Self.read("       The command line is built up until it reaches a system-de\u{2010}\n       fined limit.\n")
        #expect(got.first?.text == "The command line is built up until it reaches a system-defined limit.")
    }

    @Test func aHyphenBetweenTwoWordsOfTheDocumentIsKept() {
        let text = "The user chooses the input. Input supplied by the user is checked, and user-\nsupplied names are kept.\n"
        #expect(Self.read(text).first?.text.contains("user-supplied") == true)
        #expect(Self.read("It was infor-\nmation.\n").first?.text == "It was information.")
    }

    @Test func outlineModeHeadingsInANewsFile() {
        let text = "GNU foo NEWS\n\n* Noteworthy changes in release 1.2 (2023-01-01) [stable]\n\n** Bug fixes\n\n  foo no longer crashes.\n"
        let got = Self.read(text)
        #expect(got.map(\.kind) == ["heading", "heading", "heading", "paragraph"])
        // The title line is above the releases (`aTitleMarkedAsNoOtherHeadingIsAboveTheRest`).
        #expect(got.compactMap(\.level) == [1, 2, 3])
    }

    @Test func consecutiveHashLinesAreAQuoteNotHeadings() {
        #expect(Self.kinds("The standard says:\n\n# A conversion can add qualifiers\n# at levels other than the first.\n")
                == ["paragraph", "verbatim"])
    }

    @Test func aCentredTitleBlockIsOneHeading() {
        let text = "                           GNU GENERAL PUBLIC LICENSE\n                            Version 3, 29 June 2007\n\n"
            + " Everyone is permitted to copy and distribute verbatim copies of this license\n"
            + " document, but changing it is not allowed, and that is the rule for all of it.\n"
            + " More text follows in the same way, filling the lines to the width of the page.\n"
            + "\n The second paragraph is wrapped to the same width as the first one of them,\n"
            + " so that the document shows how wide it is, and ends here with this line.\n"
            + " One more line of the paragraph, to make the run three lines long at least.\n"
        let got = Self.read(text)
        #expect(got.first == Element(kind: "heading", text: "GNU GENERAL PUBLIC LICENSE Version 3, 29 June 2007", level: 1))
    }

    @Test func aUsersCorrectionsOverrideTheReading() {
        let text = "Notes\n\nSee\n\nrun this\nand that\n\nThe end.\n"
        let bytes = Array(text.utf8)
        let kinds = bytes.withUnsafeBufferPointer { buf in
            StructureReader.read(buf, hints: LayoutHints(headings: [3: 2], text: [1], verbatim: [5...6])).map { element -> String in
                switch element {
                case .heading(let level, _, _): return "h\(level)"
                case .block(let kind, _, _): return kind.rawValue
                case .verbatim: return "verbatim"
                }
            }
        }
        #expect(kinds == ["paragraph", "h2", "verbatim", "paragraph"])
        #expect(LayoutHints(headings: [3: 9]).problem(lineCount: 8) == "layout: heading level 9 for line 3 is not between 1 and 6")
        #expect(LayoutHints(verbatim: [1...3, 3...4]).problem(lineCount: 8) != nil)
        #expect(LayoutHints(headings: [2: 1], text: [2]).problem(lineCount: 8) == "layout: line 2 is given two kinds")
    }

    @Test func aTitleWrappedOverTwoLinesUnderOneRule() {
        let got = Self.read("g++: passing a non-const pointer to a function\nwith a const argument causes an error\n-----------------------------------------------\n\nIt is not a bug.\n")
        #expect(got.first == Element(kind: "heading", text: "g++: passing a non-const pointer to a function with a const argument causes an error", level: 1))
    }

    @Test func aLeadInOverALetteredListIsNoDefinition() {
        let got = Self.read("Your main options are to:\n  a) rebuild the library;\n  b) avoid callbacks.\n")
        #expect(got.map(\.kind) == ["paragraph", "list_item", "list_item"])
        #expect(got.map(\.label) == [nil, "a)", "b)"])
    }

    @Test func codeAtTheMarginWithBlankLinesInItIsOneVerbatimBlock() {
        let text = "The following fails:\n\n#include <iostream>\n\nclass Test\n{\npublic:\n  Test(const char *q);\n};\n\nint main(void)\n{\n  return 0;\n}\n\nThat is all.\n"
        #expect(Self.kinds(text) == ["paragraph", "verbatim", "paragraph"])
    }

    @Test func aClauseNumberNestsUnderItsParentsHeading() {
        let got = Self.read("Licence\n=======\n\n1. Definitions\n--------------\n\n1.1. Contributor\n\nMeans each person.\n")
        #expect(got.filter { $0.kind == "heading" }.map { "\($0.label ?? "")@\($0.level!)" } == ["@1", "1@2", "1.1@3"])
    }

    @Test func aTitleMarkedAsNoOtherHeadingIsAboveTheRest() {
        let news = Self.read("GNU foo NEWS\n\n* Noteworthy changes in release 1.2 [stable]\n\n** Bug fixes\n\n  foo no longer crashes.\n")
        #expect(news.compactMap(\.level) == [1, 2, 3])
        // Headings all marked alike: no title, all at one level.
        let plain = Self.read("WHY AN ALLIANCE?\n\nThe alliance began as a bargain.\n\nWhat Did Japan Gain?\n\nA guarantee.\n")
        #expect(plain.compactMap(\.level) == [1, 1])
    }
}
