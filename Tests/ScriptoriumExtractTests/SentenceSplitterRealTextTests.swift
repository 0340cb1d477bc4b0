import Testing
@testable import ScriptoriumExtract

/// Hard cases of the kind found in licences, FAQs, release notes and READMEs. Every sentence here is written for
/// this project; the expected sentences are written by hand.
@Suite("SentenceSplitter: real text")
struct SentenceSplitterRealTextTests {
    /// A full stop after an ordinary word, a number or a unit, followed by a lower-case word that is not a
    /// continuation word: a new sentence that opens with a program's, library's or function's name.
    static let lowerCaseStartsCases: [SplitCase] = [
        SplitCase("It is fast.", "gzip now compresses twice as much."),
        SplitCase("Use the new API.", "malloc() is no longer called."),
        SplitCase("The old format had a limit of 2 GB.", "tar now streams larger archives."),
        SplitCase("The parser was rewritten in this release.", "libfoo now builds without warnings."),
        SplitCase("Version 1.4 came out in 2019.", "npm installs it by default."),
        SplitCase("Bugs were fixed in version 2.1.", "pip installs the fix."),
        SplitCase("Does it run on Linux?", "Yes.", "it runs on every distribution we test."),
        SplitCase("Is the old API gone?", "Yes.", "The old calls were removed in 3.0."),
        SplitCase("Can I sell it?", "No.", "it is licensed for research only."),
        SplitCase("No.", "The licence forbids it."),
        SplitCase("Is the source available?", "No.", "Not yet."),
        SplitCase("Thanks.", "it works now."),
        SplitCase("The mean was 42.", "median was 40."),
        SplitCase("The ship was No. 5.", "it sank in 1944."),
        SplitCase("Send the file as a PDF.", "curl can fetch it."),
    ]

    /// A lower-case word after an abbreviation, a single letter, an initialism, a small number or a unit after a
    /// number continues the sentence; so does a continuation word ("and", "of", "the") after any word.
    static let lowerCaseContinuesCases: [SplitCase] = [
        SplitCase("Several formats, e.g. the zip format, are read."),
        SplitCase("Only one format, i.e. the tar format, is written."),
        SplitCase("A full build takes approx. ten minutes."),
        SplitCase("Our timings vs. them were close."),
        SplitCase("The options are documented elsewhere, cf. the manual on p. 5 for details."),
        SplitCase("The press was built ca. 1900 in Leipzig."),
        SplitCase("The bug is tracked as No. 5 in the list."),
        SplitCase("The No. of open issues fell."),
        SplitCase("The conference met near St. louis last year."),
        SplitCase("Files, folders, etc. and links are copied."),
        SplitCase("The snapshot was taken at 5 p.m. and stored offsite."),
        SplitCase("The disk is 3 in. wide and holds 1 MB."),
        SplitCase("The job took 10 min. longer than expected."),
        SplitCase("It applies to every file, dir. and link."),
        SplitCase("He lives in Calif. and works in Nev. now."),
        SplitCase("The build runs fast. the cache is warm."),
        SplitCase("The release notes of Sony Corp. mention it."),
        SplitCase("She holds a Ph.D. in physics."),
        SplitCase("Tests pass on the U.S.A. servers."),
        SplitCase("The final word was oui. été followed."),
        SplitCase("He hesitated... then he committed."),
        SplitCase("The tool is called Yahoo! and it is old."),
        SplitCase("The patch was merged (in version 2.1.) and released."),
    ]

    /// Version numbers: one at the end of a sentence ends it; one inside a sentence does not.
    static let versionNumbersCases: [SplitCase] = [
        SplitCase("The leak was fixed in version 2.1.", "The next release adds plugins."),
        SplitCase("Upgrade to v2.1.3 before you migrate the database."),
        SplitCase("The release v2.1.3 fixes the leak.", "Upgrade soon."),
        SplitCase("The last release was v2.1.3.", "It fixed the leak."),
    ]

    /// A citation or footnote marker after the full stop belongs to the sentence before.
    static let citationsCases: [SplitCase] = [
        SplitCase("The Senate ratified the treaty.[3]", "The vote was close."),
        SplitCase("The Senate ratified the treaty.[12][13]", "The vote was close."),
        SplitCase("The fix ships this week.¹", "Next comes the port."),
        SplitCase("The fix ships this week.²³", "Next comes the port."),
        SplitCase("The treaty was signed in 1951.[citation needed]", "Next came ratification."),
        SplitCase("He called it “final.”[4]", "Others disagreed."),
        SplitCase("The parser was rewritten.[2]", "gzip now streams."),
        SplitCase("Bases in the U.S.[5]", "How long will they stay?"),
        SplitCase("Supplies included fuel, food, etc.[7]", "The convoy left."),
        SplitCase("Why did it fail?[8]", "Nobody knows."),
        SplitCase("The text was cut [...] for brevity."),
        SplitCase("The Senate ratified the treaty.[3] and the House followed."),
    ]

    /// Question and answer labels in FAQs open their sentence.
    static let questionLabelsCases: [SplitCase] = [
        SplitCase("Q. Why did it fail?"),
        SplitCase("Q. Why did it fail?", "A. Because the disk was full."),
        SplitCase("Q. Does it run on Windows?", "A. Yes, since version 2."),
        SplitCase("Q: Why did it fail?", "A: The disk was full."),
        SplitCase("We chose plan A.", "It was cheaper."),
        SplitCase("A. Hara wrote the first version."),
    ]

    /// Items numbered inside a paragraph that does not open with a marker.
    static let inlineItemsCases: [SplitCase] = [
        SplitCase("Do this:", "1. The first point.", "2. The second point."),
        SplitCase("Do this:", "1. The first point", "2. The second point"),
        SplitCase("Read the notes first.", "1. The first point", "2. The second point"),
        SplitCase("Read the notes first.", "1. Open the file.", "Check its size.", "2. Read it."),
        SplitCase("The steps are 1. open the file 2. read it"),
        SplitCase("Steps: 1. open the file 2. read it"),
        SplitCase("The steps are 1. open the file 2. read it 3. close it"),
        SplitCase("Note:", "1. Back up your data.", "2. Upgrade.", "3. Restart."),
        SplitCase("The score was 1.", "The game ended in a draw."),
        SplitCase("Chapter 1.", "The next part begins here."),
    ]

    @Test(arguments: lowerCaseStartsCases) func lowerCaseStarts(_ c: SplitCase) {
        #expect(splitSentences(c.text) == c.sentences)
    }
    @Test(arguments: lowerCaseContinuesCases) func lowerCaseContinues(_ c: SplitCase) {
        #expect(splitSentences(c.text) == c.sentences)
    }
    @Test(arguments: versionNumbersCases) func versionNumbers(_ c: SplitCase) {
        #expect(splitSentences(c.text) == c.sentences)
    }
    @Test(arguments: citationsCases) func citations(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }
    @Test(arguments: questionLabelsCases) func questionLabels(_ c: SplitCase) {
        #expect(splitSentences(c.text) == c.sentences)
    }
    @Test(arguments: inlineItemsCases) func inlineItems(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }

    @Test func noSentenceIsOnlyANumber() {
        // Whatever the enumeration looks like, a label never becomes a sentence of its own.
        let texts = [
            "Do this: 1. The first point. 2. The second point.",
            "The steps are 1. open the file 2. read it",
            "Intro. 1. The first point 2. The second point 3. The third point",
            "Counted 1. 2. 3. Done.",
        ]
        for text in texts {
            for sentence in splitSentences(text) {
                let onlyANumber = sentence.allSatisfy { $0.isNumber || $0 == "." || $0 == ")" }
                #expect(!onlyANumber, "\(sentence.debugDescription) in \(text.debugDescription)")
            }
        }
    }
}
