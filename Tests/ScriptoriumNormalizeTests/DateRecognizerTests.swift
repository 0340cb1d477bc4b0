import Testing
import ScriptoriumModel
@testable import ScriptoriumNormalize

/// The dates the matcher finds in `text`, as (matched text, ISO value).
func dates(_ text: String) -> [(String, String)] {
    let bytes = Array(text.utf8)
    return EntityMatcher(lexicon: .empty).matches(in: text).map { m in
        #expect(m.entity.type == .date)
        #expect(m.entity.id == RecordID.date(iso: m.entity.name))
        #expect(m.lexiconIndex == nil)
        return (String(decoding: bytes[m.range], as: UTF8.self), m.entity.name)
    }
}

func expectDates(_ text: String, _ expected: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) {
    let found = dates(text)
    #expect(found.map(\.0) == expected.map(\.0), "in \(text)", sourceLocation: sourceLocation)
    #expect(found.map(\.1) == expected.map(\.1), "in \(text)", sourceLocation: sourceLocation)
}

@Suite struct DateRecognizerTests {
    @Test func years() {
        expectDates("The treaty was signed in 1951 and revised in 1960.", [("1951", "1951"), ("1960", "1960")])
        expectDates("1951", [("1951", "1951")])
        expectDates("(1951)", [("1951", "1951")])
        expectDates("In 1000 and 2099 but not 999, 2100 or 0999.", [("1000", "1000"), ("2099", "2099")])
        expectDates("1949–1951 and 1949-1951", [("1949", "1949"), ("1951", "1951"), ("1949", "1949"), ("1951", "1951")])
        expectDates("1951’s treaty and 1951's treaty", [("1951", "1951"), ("1951", "1951")])
    }

    @Test func numbersThatAreNotYears() {
        expectDates("12345 and 19510 and 1,951 and 1.951 and 1951.5 and 1951,000", [])
        expectDates("$1951 £1951 €1951 ¥1951 and 1951% and A1951 and 1951a and x1951", [])
        expectDates("20,000 troops and 3.1951", [])
    }

    @Test func decadesAreNotYears() {
        expectDates("In the 1950s and mid-1960s and the 1970’s and 1980's, ",
                    [("1950s", "195X"), ("1960s", "196X"), ("1970’s", "197X"), ("1980's", "198X")])
        // A bare decade year is a year.
        expectDates("In 1950, and 1950.", [("1950", "1950"), ("1950", "1950")])
    }

    @Test func monthAndYear() {
        expectDates("In June 1948 the plan", [("June 1948", "1948-06")])
        expectDates("September 1951.", [("September 1951", "1951-09")])
        expectDates("Jan. 1952 and Sept 1951 and Dec 1941", [("Jan. 1952", "1952-01"), ("Sept 1951", "1951-09"), ("Dec 1941", "1941-12")])
        expectDates("May 1949, March 2000", [("May 1949", "1949-05"), ("March 2000", "2000-03")])
        // Not months: lower case, inside a word, no year.
        expectDates("june 1948, Junes 1948, Mayor 1949", [("1948", "1948"), ("1948", "1948"), ("1949", "1949")])
        expectDates("In May we met; by April, 4 April, April 4", [])
    }

    @Test func fullDates() {
        expectDates("on 4 April 1949 in Washington", [("4 April 1949", "1949-04-04")])
        expectDates("on April 4, 1949 in Washington", [("April 4, 1949", "1949-04-04")])
        expectDates("on April 4 1949", [("April 4 1949", "1949-04-04")])
        expectDates("1949-04-04", [("1949-04-04", "1949-04-04")])
        expectDates("(1949-04-04).", [("1949-04-04", "1949-04-04")])
        expectDates("8 September 1951, 19 January 1960 and 23 June 1960", [
            ("8 September 1951", "1951-09-08"), ("19 January 1960", "1960-01-19"), ("23 June 1960", "1960-06-23"),
        ])
        expectDates("4th April 1949 and April 4th, 1949 and Sept. 8, 1951 and 08 Sep 1951", [
            ("4th April 1949", "1949-04-04"), ("April 4th, 1949", "1949-04-04"), ("Sept. 8, 1951", "1951-09-08"),
            ("08 Sep 1951", "1951-09-08"),
        ])
        expectDates("29 February 2000 and February 29, 1952", [("29 February 2000", "2000-02-29"), ("February 29, 1952", "1952-02-29")])
    }

    @Test func moreWaysOfWritingADate() {
        expectDates("the 4th of April 1949 and the 8th of September, 1951", [
            ("4th of April 1949", "1949-04-04"), ("8th of September, 1951", "1951-09-08"),
        ])
        expectDates("on 4 April, 1949 and on 8 Sept., 1951", [("4 April, 1949", "1949-04-04"), ("8 Sept., 1951", "1951-09-08")])
        expectDates("in June, 1948 and Sept., 1951", [("June, 1948", "1948-06"), ("Sept., 1951", "1951-09")])
        // "of" only after an ordinal; a comma only before a year.
        expectDates("4 of April 1949", [("April 1949", "1949-04")])
        expectDates("by April, then May, and 4 April, later", [])
        // An impossible date in the new forms is skipped whole, year included.
        expectDates("the 31st of June, 1950", [])
    }

    @Test func invalidDatesAreNotDates() {
        // Nothing of an impossible date is a date: not the month, not the year.
        expectDates("31 February 1949", [])
        expectDates("February 30, 1949", [])
        expectDates("29 February 1900 and 29 February 1951", [])
        expectDates("1949-02-31 and 1949-13-01 and 1949-00-10 and 1949-04-00", [])
        expectDates("0 April 1949 and April 32, 1949 and 31 April 1949", [])
        expectDates("On 31 June 1950, then in 1951.", [("1951", "1951")])
    }

    @Test func aDateInsideALongerDateIsPartOfIt() {
        // One mention each: the year and the month-year are not found again inside the full date.
        expectDates("4 April 1949", [("4 April 1949", "1949-04-04")])
        expectDates("April 4, 1949", [("April 4, 1949", "1949-04-04")])
        expectDates("April 1949", [("April 1949", "1949-04")])
        expectDates("1949-04-04", [("1949-04-04", "1949-04-04")])
    }

    @Test func yearsOutsideTheRangeDoNotMakeDates() {
        expectDates("4 April 2150 and April 0999 and 2100-01-01", [])
    }

    @Test func datesNextToNonASCIIText() {
        expectDates("«4 April 1949» — 1951… “1960”", [("4 April 1949", "1949-04-04"), ("1951", "1951"), ("1960", "1960")])
        expectDates("é1951 1951é", [])
    }

    @Test func datesAtTheEdges() {
        expectDates("1951", [("1951", "1951")])
        expectDates("June 1948", [("June 1948", "1948-06")])
        expectDates("April 4,", [])
        expectDates("April", [])
        expectDates("4 Apr", [])
        expectDates("195", [])
    }

    @Test func directAPI() {
        let text = Array("on 4 April 1949 and 31 February 1949".utf8)
        text.withUnsafeBufferPointer { buffer in
            #expect(DateRecognizer.match(in: buffer, at: 3) == .date(end: 15, iso: "1949-04-04"))
            #expect(DateRecognizer.match(in: buffer, at: 20) == .invalid(end: 36))
            #expect(DateRecognizer.match(in: buffer, at: 0) == nil)
            #expect(DateRecognizer.match(in: buffer, at: 100) == nil)
        }
        #expect(DateRecognizer.isValid(year: 2000, month: 2, day: 29))
        #expect(!DateRecognizer.isValid(year: 1900, month: 2, day: 29))
        #expect(!DateRecognizer.isValid(year: 1951, month: 4, day: 31))
        #expect(DateRecognizer.iso(year: 1951, month: 0, day: 0) == "1951")
        #expect(DateRecognizer.iso(year: 1948, month: 6, day: 0) == "1948-06")
        #expect(DateRecognizer.iso(year: 1949, month: 4, day: 4) == "1949-04-04")
    }
}

/// Numbers in the year range that the words and signs around them show to be something else.
@Suite struct NumbersThatAreNotDatesTests {
    @Test func quantitiesWithUnitsAndCounts() {
        expectDates("It needs 1000 MiB, then 1024 KB, less 2048 bytes than 1KiB is 1024 bytes.", [])
        expectDates("We opened 1024 pipes and 1200 files.", [])
        // "about" and "around" round a count; alone before a number they still make it a year.
        expectDates("Brazil sent about 1200 troops and around 1500 soldiers.", [])
        expectDates("It was signed about 1951, around 1952 or in about 1953.", [("1951", "1951"), ("1952", "1952"), ("1953", "1953")])
        // A time before the plural noun, and a verb after the year, keep the year.
        expectDates("In 1951 troops landed; the 1950 elections; 1989 marks the end.",
                    [("1951", "1951"), ("1950", "1950"), ("1989", "1989")])
        // A unit makes a quantity even after "in".
        expectDates("Stored in 1024 bytes.", [])
    }

    @Test func standardsVersionsAndIdentifiers() {
        expectDates("IEEE 754-2008, ISO 8601, ISO 2022, RFC 1952, RFC 2119, version 2010 and POSIX.1-2017.", [])
        expectDates("ISO 8601:2004 and CVE-2022-1304 and CVE-2010-0001.", [])
        // The year of an edition stays a year.
        expectDates("POSIX (IEEE Std 1003.1, 2004 Edition)", [("2004", "2004")])
    }

    @Test func postalCodesPathsAndArithmetic() {
        expectDates("51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA", [])
        expectDates("Write to Springfield, IL 1234 today.", [])
        expectDates("See https://www.xml.com/pub/a/2006/05/31/x.html and (1024*5) and n = 1024.", [])
    }

    @Test func realDatesStayDates() {
        expectDates("in 1951, by 1955, since 1949, ca. 1999", [("1951", "1951"), ("1955", "1955"), ("1949", "1949"), ("1999", "1999")])
        expectDates("From 1949-1951, mid-1951 and pre-1945, Copyright (C) 1989, 1991 and 1990-2022.",
                    [("1949", "1949"), ("1951", "1951"), ("1951", "1951"), ("1945", "1945"), ("1989", "1989"), ("1991", "1991"),
                     ("1990", "1990"), ("2022", "2022")])
        expectDates("June 1948, 4 April 1949, April 4, 1949 and 1949-04-04.",
                    [("June 1948", "1948-06"), ("4 April 1949", "1949-04-04"), ("April 4, 1949", "1949-04-04"),
                     ("1949-04-04", "1949-04-04")])
    }
}

/// "The 1970s": a decade, named as ISO 8601-2 and EDTF name a year with an unspecified last digit.
@Suite struct DecadeTests {
    @Test func aDecadeIsTheYearWithItsLastDigitUnspecified() {
        expectDates("In the 1970s, the 1980's and the mid-1990’s.", [("1970s", "197X"), ("1980's", "198X"), ("1990’s", "199X")])
        #expect(DateRecognizer.decade(1970) == "197X")
    }

    @Test func aRoundHundredIsNeitherDecadeNorCentury() {
        expectDates("In the 1900s and the 2000s.", [])
    }

    @Test func aYearThatIsNotRoundStaysAYearOrNothing() {
        expectDates("1951's treaty and 1955s.", [("1951", "1951")])
    }

    @Test func theDecadeGivesItsFirstAndLastYearsToFormatsWithoutDecades() {
        let decade = EntityRecord(id: "date.197X", name: "197X", type: .date, wikidata: nil, aliases: [], mentions: 1)
        #expect(decade.decadeYears?.first == "1970" && decade.decadeYears?.last == "1979")
        let year = EntityRecord(id: "date.1970", name: "1970", type: .date, wikidata: nil, aliases: [], mentions: 1)
        #expect(year.decadeYears == nil)
        let place = EntityRecord(id: "ent.x", name: "197X", type: .place, wikidata: nil, aliases: [], mentions: 1)
        #expect(place.decadeYears == nil)
    }
}
