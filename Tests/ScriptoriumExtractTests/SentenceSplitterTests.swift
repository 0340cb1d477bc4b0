import Testing
@testable import ScriptoriumExtract

/// The sentences of `text` as strings, through the byte-level API.
func splitSentences(_ text: String) -> [String] {
    var bytes = Array(text.utf8)
    let ranges = bytes.withUnsafeMutableBufferPointer { SentenceSplitter.split(UnsafeBufferPointer($0)) }
    return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
}

/// One paragraph and the sentences it must split into. All sentences here are written for this project.
struct SplitCase: CustomTestStringConvertible, Sendable {
    let sentences: [String]
    /// The paragraph: the sentences joined by single spaces.
    var text: String { sentences.joined(separator: " ") }
    var testDescription: String { text }
    init(_ sentences: String...) { self.sentences = sentences }
}

@Suite("SentenceSplitter: phenomena")
struct SentenceSplitterTests {
    static let abbreviationsCases: [SplitCase] = [
        SplitCase("The delegation met Gen. Ridgway in Tokyo.", "Talks lasted two days."),
        SplitCase("Dr. Yoshida and Mr. Dulles signed it.", "Mrs. Dulles was present."),
        SplitCase("Prof. Sato climbed Mt. Aso and prayed at St. Paul's Chapel.", "Sen. Taft did not."),
        SplitCase("See Art. 9 of the constitution.", "It renounces war."),
        SplitCase("The ship was No. 7 in the fleet.", "It sailed at dawn."),
        SplitCase("Several bases, e.g. Okinawa and Yokosuka, host troops.", "Others closed."),
        SplitCase("Two allies, i.e. Japan and Korea, agreed.", "Talks ended."),
        SplitCase("The garrison numbered approx. 50,000 troops.", "Many were marines."),
        SplitCase("Supplies included fuel, food, etc.", "The convoy left at noon."),
        SplitCase("Supplies included fuel, food, etc. and were shipped weekly."),
        SplitCase("The meeting began at 9 a.m. and ended at 5 p.m.", "The press waited outside."),
        SplitCase("At 9 a.m. Ambassador Sebald arrived at the ministry."),
        SplitCase("The cable left at 11 P.M.", "Mr. Acheson read it the next day."),
        SplitCase("She joined Sony Corp. in 1990.", "Later she moved to Osaka."),
        SplitCase("He worked for Mitsubishi Co.", "The firm built aircraft."),
        SplitCase("He worked for Mitsubishi Co. Ltd. for years."),
        SplitCase("The shipyard was sold to Oda & Sons Inc.", "Its docks shut in 1999."),
        SplitCase("U.K. forces withdrew.", "The U.K. Parliament debated it."),
        SplitCase("The answer was no.", "Tokyo refused."),
        SplitCase("Read pp. 12-15 and vol. 3 before the seminar."),
        SplitCase("Martin Luther King Jr. spoke.", "He was eloquent."),
        SplitCase("The case was Smith vs. Jones in 1960."),
        SplitCase("The ship sat.", "Nobody moved it."),
    ]

    static let unitedStatesCases: [SplitCase] = [
        SplitCase("The U.S. Government ratified the treaty."),
        SplitCase("Troops lived in the U.S. for years before the war."),
        SplitCase("Japan relies on the U.S.", "How long can that last?"),
        SplitCase("Japan's reliance on the U.S. and limits on its forces remain."),
        SplitCase("The treaty was ratified by the U.S. Senate in 1952."),
        SplitCase("The alliance rests on the U.S.", "It rests on Japan too."),
        SplitCase("Bases in the U.S.A. are larger."),
        SplitCase("Ministers of the E.U. met.", "They agreed."),
        SplitCase("The U.S.-led coalition grew."),
    ]

    static let initialsCases: [SplitCase] = [
        SplitCase("The report was written by J. R. Smith in 1952."),
        SplitCase("John F. Dulles negotiated the treaty.", "He travelled often."),
        SplitCase("The memo reached Harry S. Truman on Monday."),
        SplitCase("It was Plan B.", "The original plan had failed."),
        SplitCase("He asked whether it was you or I.", "Nobody answered."),
        SplitCase("The envoy met Edward I. Hara in Kyoto."),
    ]

    static let numbersCases: [SplitCase] = [
        SplitCase("Growth was 2.5 percent in 1960.", "It fell later."),
        SplitCase("The budget reached $1.3 trillion.", "Critics objected."),
        SplitCase("Pi is roughly 3.14.", "Engineers round it."),
        SplitCase("It cost $4.50.", "That was cheap."),
        SplitCase("Shares rose 0.7% in Tokyo."),
        SplitCase("The treaty was signed in 1951.", "1960 brought a revision."),
        SplitCase("The treaty has 10 articles.", "2 of them concern bases."),
        SplitCase("Chapter 2.", "The next part begins here."),
        SplitCase("The code is 10.4.2.", "It is old."),
    ]

    static let ellipsesCases: [SplitCase] = [
        SplitCase("He hesitated... then he signed."),
        SplitCase("He hesitated...", "Then he signed."),
        SplitCase("He hesitated… then he signed."),
        SplitCase("He hesitated…", "Then he signed."),
        SplitCase("I paused ... I signed."),
        SplitCase("The clause reads “in the event of … attack” and nothing more."),
        SplitCase("It was over….", "The delegates went home."),
        SplitCase("It was over....", "The delegates went home."),
        SplitCase("The text was cut [...] for brevity.", "It resumes here."),
        SplitCase("The text was cut (…) for brevity."),
        SplitCase("The ending was abrupt.", ". . . Then the talks resumed."),
        SplitCase("They waited . . . and waited."),
        SplitCase("They waited . . . .", "Nothing came."),
        SplitCase("Nothing more was said. . . ."),
    ]

    static let quotesAndBracketsCases: [SplitCase] = [
        SplitCase("He said, \"We will defend Japan.\"", "The crowd cheered."),
        SplitCase("He said, \"We will defend Japan.\" and sat down."),
        SplitCase("The treaty was signed (in San Francisco.)", "The ink dried."),
        SplitCase("The treaty was signed (in San Francisco.) and ratified later."),
        SplitCase("She called it ‘a cornerstone.’", "Others disagreed."),
        SplitCase("She called it “a cornerstone.”", "Others disagreed."),
        SplitCase("“It is a cornerstone.” she said."),
        SplitCase("The minister said, “We agree.”", "“So do we,” replied the envoy."),
        SplitCase("The envoy left.", "(He returned in May.)", "Talks resumed."),
        SplitCase("Japan’s constitution limits its forces.", "The U.S. provides guarantees."),
        SplitCase("The “peace clause” is Article 9.", "It renounces war."),
        SplitCase("The word was café.", "Élan followed."),
        SplitCase("The final word was oui. été followed."),
    ]

    static let questionsAndExclamationsCases: [SplitCase] = [
        SplitCase("Would Japan rearm?!", "Nobody knew."),
        SplitCase("Really??", "Yes."),
        SplitCase("Was it wise?", "Who can say!", "Time will tell."),
        SplitCase("She asked “Why?” and left."),
        SplitCase("They shouted “Banzai!” and marched."),
        SplitCase("The slogan Go Japan! appeared on posters."),
        SplitCase("Was it signed in 1951?", "Yes!!!", "It was."),
    ]

    static let numberedItemsCases: [SplitCase] = [
        SplitCase("1. Renounce war", "2. Keep no army", "3. Host bases"),
        SplitCase("1) Renounce war.", "2) Keep no army.", "3) Host bases."),
        SplitCase("1.) Renounce war", "2.) Keep no army"),
        SplitCase("a. Consult", "b. Defend", "c. Withdraw"),
        SplitCase("• 1. Consult", "• 2. Defend"),
        SplitCase("⁃8. Consult", "⁃9. Defend", "⁃10. Withdraw"),
        SplitCase("• Consult the allies", "• Defend the islands"),
        SplitCase("1. The only item."),
        SplitCase("1. First the allies consult.", "Then they act.", "2. Second they review."),
        SplitCase("9) The last item has 2 parts."),
        // Items numbered after an opening sentence: each label belongs to its item.
        SplitCase("The review set three tasks.", "1. Deter an attack.", "2. Respond if deterrence fails.", "3. Support partners."),
        SplitCase("Bases stay open.", "2. Costs are shared."),
        SplitCase("The plan was revised in 1978.", "12. The twelfth point was added then."),
    ]

    static let romanNumeralsCases: [SplitCase] = [
        SplitCase("See Vol. II of the report.", "It covers 1960."),
        SplitCase("Art. XV was never invoked.", "Nobody asked."),
        SplitCase("No.", "I think not."),
        SplitCase("The fleet was No. 7.", "It sailed."),
    ]

    static let linksAndAddressesCases: [SplitCase] = [
        SplitCase("Write to press@example.org.", "We answer quickly."),
        SplitCase("The text is at https://example.org/treaty.html.", "Read it."),
        SplitCase("Visit www.example.org for details."),
        SplitCase("Contact archive.desk@mofa.example.jp.", "Replies take a day."),
        SplitCase("The file is notes.v2.txt in the archive."),
    ]

    @Test(arguments: abbreviationsCases) func abbreviations(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }
    @Test(arguments: unitedStatesCases) func unitedStates(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }
    @Test(arguments: initialsCases) func initials(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }
    @Test(arguments: numbersCases) func decimalsAndMoney(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }
    @Test(arguments: ellipsesCases) func ellipses(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }
    @Test(arguments: quotesAndBracketsCases) func quotesAndBrackets(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }
    @Test(arguments: questionsAndExclamationsCases) func questionsAndExclamations(_ c: SplitCase) {
        #expect(splitSentences(c.text) == c.sentences)
    }
    @Test(arguments: numberedItemsCases) func numberedItems(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }
    @Test(arguments: romanNumeralsCases) func romanNumerals(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }
    @Test(arguments: linksAndAddressesCases) func linksAndAddresses(_ c: SplitCase) { #expect(splitSentences(c.text) == c.sentences) }

    @Test func emptyAndBlank() {
        #expect(splitSentences("").isEmpty)
        #expect(splitSentences("   ").isEmpty)
        #expect(splitSentences(".") == ["."])
        #expect(splitSentences("  Peace.  ") == ["Peace."])
    }

    @Test func rangesIndexTheOriginalBytes() {
        var bytes = Array("  The U.S. and Japan met.  They agreed.  ".utf8)
        let ranges = bytes.withUnsafeMutableBufferPointer { SentenceSplitter.split(UnsafeBufferPointer($0)) }
        #expect(ranges == [2..<25, 27..<39])
    }

    @Test func unspacedPunctuationIsNeverABoundary() {
        #expect(splitSentences("The file U.S.Treaty.txt is here.Really.") == ["The file U.S.Treaty.txt is here.Really."])
    }

    @Test func stringConvenienceMatchesBytes() {
        let text = "Japan’s forces are limited. The U.S. helps. “Why?” he asked."
        #expect(SentenceSplitter.sentences(of: text).map(String.init) == splitSentences(text))
        #expect(splitSentences(text).count == 3)
    }
}
