/// Recognises dates in normalised text and names them in ISO 8601. The ``EntityMatcher`` calls it at every word
/// start that begins with a digit or a capital letter that can begin a month name, in the same pass as the names.
///
/// Forms (years 1000–2099 throughout):
///
/// | text | ISO |
/// |---|---|
/// | `1951` (a standalone four-digit number) | `1951` |
/// | `June 1948`, `Jun. 1948` | `1948-06` |
/// | `June, 1948` | `1948-06` |
/// | `4 April 1949`, `4th April 1949`, `April 4, 1949`, `April 4 1949`, `Apr. 4th, 1949` | `1949-04-04` |
/// | `4 April, 1949`, `4th of April 1949`, `the 4th of April, 1949` | `1949-04-04` |
/// | `1949-04-04` | `1949-04-04` |
/// | `the 1970s`, `the 1970's`, `mid-1970s` (a decade) | `197X` |
///
/// Rules:
/// - A year is not part of a longer number: not `12345`, not `1,951` or `1.951`, not `1951.5`, not `$2000` or `2000%`.
/// - A number that the words and signs around it show to be something else is not a year: a quantity ("1000 MiB",
///   "1024 pipes"), a standard's or a version's number ("RFC 1952", "IEEE 754-2008", "version 2010"), part of an
///   identifier or a postal code ("CVE-2022-1304", "MA 02110-1301"); see ``DateContext``.
/// - A decade is not a year: `1950s`, `1950's` and `1950’s` are the decade, named as ISO 8601-2 and EDTF (level 1)
///   name a year whose last digit is unspecified, `195X`; there is no ISO 8601-1 calendar value for a decade. A
///   round hundred (`1900s`, `2000s`) may be a decade or a century, and is neither (no date, skipped whole). A year
///   that does not end in 0 followed by `'s` is a possessive ("1951's treaty") and stays a year.
/// - An impossible date ("31 February 1949", "February 30, 1949", "1949-13-01") is not a date, and no part of it
///   is either: the recogniser reports its extent as ``Match/invalid(end:)`` so the matcher skips it whole rather
///   than guessing that "February 1949" or "1949" was meant.
/// - Month names are the English ones, capitalised, full or abbreviated (`Jan`, `Feb`, `Mar`, `Apr`, `Jun`, `Jul`,
///   `Aug`, `Sep`, `Sept`, `Oct`, `Nov`, `Dec`, optionally with a full stop). A month without a year ("4 April")
///   is not a date.
public enum DateRecognizer {
    /// Years that count as dates.
    public static let years = 1000...2099

    public enum Match: Sendable, Equatable {
        /// A date from the start position up to `end` (exclusive, UTF-8 bytes), named `iso`.
        case date(end: Int, iso: String)
        /// Text shaped like a date that is not a real one (e.g. 31 February); it ends at `end`.
        case invalid(end: Int)

        public var end: Int {
            switch self {
            case .date(let end, _), .invalid(let end): return end
            }
        }
    }

    /// The date starting exactly at byte `start` of `text`, if any. `start` must be at a word start (a date never
    /// begins inside a word); the date ends at a word boundary.
    public static func match(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Match? {
        guard let p = text.baseAddress, start >= 0, start < text.count else { return nil }
        return match(p, text.count, start)
    }

    /// Whether year-month-day is a real day of the proleptic Gregorian calendar.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Scanning

    private static let dot = UInt8(ascii: "."), comma = UInt8(ascii: ","), space = UInt8(ascii: " ")
    private static let hyphen = UInt8(ascii: "-")

    @inline(__always)
    private static func digit(_ p: UnsafePointer<UInt8>, _ i: Int) -> Int { Int(p[i] &- 0x30) }

    static func match(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Match? {
        let b = p[i]
        if WordBoundary.isDigit(b) {
            return matchFromDigits(p, n, i)
        }
        if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "S") {
            return matchFromMonth(p, n, i)
        }
        return nil
    }

    /// `1951`, `1949-04-04`, `4 April 1949`, `4th April 1949`, `4 April, 1949`, `4th of April 1949`.
    private static func matchFromDigits(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Match? {
        guard numberStartsCleanly(p, n, i) else { return nil }
        var j = i
        while j < n && WordBoundary.isDigit(p[j]) && j - i < 5 { j += 1 }
        let length = j - i
        if length == 4 {
            let year = digit(p, i) * 1000 + digit(p, i + 1) * 100 + digit(p, i + 2) * 10 + digit(p, i + 3)
            // 1949-04-04
            if j + 5 < n, p[j] == hyphen, WordBoundary.isDigit(p[j + 1]), WordBoundary.isDigit(p[j + 2]),
               p[j + 3] == hyphen, WordBoundary.isDigit(p[j + 4]), WordBoundary.isDigit(p[j + 5]),
               numberEndsCleanly(p, n, j + 6) {
                guard years.contains(year) else { return nil }
                let month = digit(p, j + 1) * 10 + digit(p, j + 2)
                let day = digit(p, j + 4) * 10 + digit(p, j + 5)
                return finish(year: year, month: month, day: day, end: j + 6)
            }
            guard years.contains(year) else { return nil }
            if year % 10 == 0, let end = decadeEnd(p, n, j) {
                return year % 100 == 0 ? .invalid(end: end) : .date(end: end, iso: decade(year))
            }
            guard numberEndsCleanly(p, n, j) else { return nil }
            // A quantity, a standard's number, an identifier or a postal code (see `DateContext`).
            if DateContext.isNotAYear(p, n, i, j) { return nil }
            return .date(end: j, iso: iso(year: year, month: 0, day: 0))
        }
        guard length == 1 || length == 2 else { return nil }
        let day = length == 1 ? digit(p, i) : digit(p, i) * 10 + digit(p, i + 1)
        var k = skipOrdinal(p, n, j)
        let hasOrdinal = k > j
        guard !WordBoundary.isWord(at: k, p, n), k < n, p[k] == space else { return nil }
        k += 1
        // "4th of April": only after an ordinal.
        if hasOrdinal, k + 2 < n, p[k] == UInt8(ascii: "o"), p[k + 1] == UInt8(ascii: "f"), p[k + 2] == space { k += 3 }
        guard let (month, monthEnd) = monthName(p, n, k) else { return nil }
        let afterMonth = skipComma(p, n, monthEnd)
        guard afterMonth < n, p[afterMonth] == space, let year = year4(p, n, afterMonth + 1) else { return nil }
        return finish(year: year, month: month, day: day, end: afterMonth + 5)
    }

    /// `June 1948`, `June, 1948`, `April 4, 1949`, `April 4 1949`, `April 4th, 1949`.
    private static func matchFromMonth(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Match? {
        guard let (month, afterMonth) = monthName(p, n, i), afterMonth < n else { return nil }
        if p[afterMonth] == comma {
            // "June, 1948": a year must follow.
            let k = afterMonth + 2
            guard k < n, p[afterMonth + 1] == space, let year = year4(p, n, k) else { return nil }
            return .date(end: k + 4, iso: iso(year: year, month: month, day: 0))
        }
        guard p[afterMonth] == space else { return nil }
        let k = afterMonth + 1
        var j = k
        while j < n && WordBoundary.isDigit(p[j]) && j - k < 5 { j += 1 }
        switch j - k {
        case 4:
            guard let year = year4(p, n, k) else { return nil }
            return .date(end: k + 4, iso: iso(year: year, month: month, day: 0))
        case 1, 2:
            guard numberStartsCleanly(p, n, k) else { return nil }
            let day = j - k == 1 ? digit(p, k) : digit(p, k) * 10 + digit(p, k + 1)
            var e = skipOrdinal(p, n, j)
            guard !WordBoundary.isWord(at: e, p, n) else { return nil }
            if e < n && p[e] == comma { e += 1 }
            guard e < n, p[e] == space, let year = year4(p, n, e + 1) else { return nil }
            return finish(year: year, month: month, day: day, end: e + 5)
        default:
            return nil
        }
    }

    private static func finish(year: Int, month: Int, day: Int, end: Int) -> Match {
        isValid(year: year, month: month, day: day)
            ? .date(end: end, iso: iso(year: year, month: month, day: day))
            : .invalid(end: end)
    }

    /// Past a comma at `k` that a space follows ("4 April, 1949"), or `k`.
    @inline(__always)
    private static func skipComma(_ p: UnsafePointer<UInt8>, _ n: Int, _ k: Int) -> Int {
        k + 1 < n && p[k] == comma && p[k + 1] == space ? k + 1 : k
    }

    /// Exactly four digits at `k` forming a year in range and ending cleanly.
    @inline(__always)
    private static func year4(_ p: UnsafePointer<UInt8>, _ n: Int, _ k: Int) -> Int? {
        guard k + 4 <= n else { return nil }
        for x in k..<(k + 4) where !WordBoundary.isDigit(p[x]) { return nil }
        guard numberEndsCleanly(p, n, k + 4) else { return nil }
        let year = digit(p, k) * 1000 + digit(p, k + 1) * 100 + digit(p, k + 2) * 10 + digit(p, k + 3)
        return years.contains(year) ? year : nil
    }

    /// `st`, `nd`, `rd` or `th` right after a day number.
    @inline(__always)
    private static func skipOrdinal(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int) -> Int {
        guard j + 1 < n else { return j }
        switch (p[j], p[j + 1]) {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
             (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
            return j + 2
        default:
            return j
        }
    }

    /// Not inside a word and not the tail of a number such as `1,951`, `3.1951` or a price `$1951`, `£1951`.
    private static func numberStartsCleanly(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Bool {
        guard i > 0 else { return true }
        if WordBoundary.isWord(before: i, p, n) { return false }
        let b = p[i - 1]
        if (b == comma || b == dot) && i >= 2 && WordBoundary.isDigit(p[i - 2]) { return false }
        if b == UInt8(ascii: "$") { return false }
        if i >= 2 && p[i - 2] == 0xC2 && (b == 0xA3 || b == 0xA5) { return false }            // £ ¥
        if i >= 3 && p[i - 3] == 0xE2 && p[i - 2] == 0x82 && b == 0xAC { return false }        // €
        return true
    }

    /// Not followed by a word character, by `,` or `.` and a digit (`1951,000`, `1951.5`), or by `%`.
    private static func numberEndsCleanly(_ p: UnsafePointer<UInt8>, _ n: Int, _ e: Int) -> Bool {
        guard e < n else { return true }
        let b = p[e]
        if b < 0x80 {
            if WordBoundary.isASCIIWordByte(b) || b == UInt8(ascii: "%") { return false }
            if (b == comma || b == dot) && e + 1 < n && WordBoundary.isDigit(p[e + 1]) { return false }
            return true
        }
        return !WordBoundary.isWord(at: e, p, n)
    }

    /// After a year such as 1950, the end of `s`, `'s` or `’s` ending the word: the decade, not the year.
    private static func decadeEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int) -> Int? {
        var k = j
        if k < n && p[k] == UInt8(ascii: "'") {
            k += 1
        } else if k + 2 < n && p[k] == 0xE2 && p[k + 1] == 0x80 && p[k + 2] == 0x99 {
            k += 3
        }
        guard k < n && p[k] == UInt8(ascii: "s") && !WordBoundary.isWord(at: k + 1, p, n) else { return nil }
        return k + 1
    }

    /// The decade of `year` (a multiple of ten) as ISO 8601-2 / EDTF write it: `1970` → `197X`.
    static func decade(_ year: Int) -> String {
        String(iso(year: year, month: 0, day: 0).dropLast()) + "X"
    }

    /// The month named at `i` and the index just after the name: a full English month name, or an abbreviation
    /// (`Jan` … `Dec`, `Sept`) with or without a full stop, capitalised, not continued by a word character.
    @inline(__always)
    static func monthName(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> (month: Int, end: Int)? {
        guard i + 3 <= n else { return nil }
        let month: Int
        switch UInt32(p[i]) << 16 | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2]) {
        case 0x4A_61_6E: month = 1   // Jan
        case 0x46_65_62: month = 2   // Feb
        case 0x4D_61_72: month = 3   // Mar
        case 0x41_70_72: month = 4   // Apr
        case 0x4D_61_79: month = 5   // May
        case 0x4A_75_6E: month = 6   // Jun
        case 0x4A_75_6C: month = 7   // Jul
        case 0x41_75_67: month = 8   // Aug
        case 0x53_65_70: month = 9   // Sep
        case 0x4F_63_74: month = 10  // Oct
        case 0x4E_6F_76: month = 11  // Nov
        case 0x44_65_63: month = 12  // Dec
        default: return nil
        }
        // The full name.
        let full = fullMonthName(month)
        let count = full.utf8CodeUnitCount
        if i + count <= n {
            let name = full.utf8Start
            var same = true
            var k = 3
            while k < count {
                if p[i + k] != name[k] { same = false; break }
                k += 1
            }
            if same && !WordBoundary.isWord(at: i + count, p, n) { return (month, i + count) }
        }
        if month == 5 { return nil }  // "May" has no abbreviation
        // The abbreviation, "Sept" too, with an optional full stop.
        var end = i + 3
        if month == 9 && end < n && p[end] == UInt8(ascii: "t") { end += 1 }
        if end < n && p[end] == dot { return (month, end + 1) }
        return WordBoundary.isWord(at: end, p, n) ? nil : (month, end)
    }

    private static func fullMonthName(_ month: Int) -> StaticString {
        switch month {
        case 1: return "January"
        case 2: return "February"
        case 3: return "March"
        case 4: return "April"
        case 5: return "May"
        case 6: return "June"
        case 7: return "July"
        case 8: return "August"
        case 9: return "September"
        case 10: return "October"
        case 11: return "November"
        default: return "December"
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; month or day 0 means absent. Short enough to stay a small string.
    static func iso(year: Int, month: Int, day: Int) -> String {
        let count = month == 0 ? 4 : (day == 0 ? 7 : 10)
        return String(unsafeUninitializedCapacity: count) { buf in
            buf[0] = UInt8(truncatingIfNeeded: 0x30 + year / 1000)
            buf[1] = UInt8(truncatingIfNeeded: 0x30 + year / 100 % 10)
            buf[2] = UInt8(truncatingIfNeeded: 0x30 + year / 10 % 10)
            buf[3] = UInt8(truncatingIfNeeded: 0x30 + year % 10)
            if month != 0 {
                buf[4] = hyphen
                buf[5] = UInt8(truncatingIfNeeded: 0x30 + month / 10)
                buf[6] = UInt8(truncatingIfNeeded: 0x30 + month % 10)
            }
            if day != 0 {
                buf[7] = hyphen
                buf[8] = UInt8(truncatingIfNeeded: 0x30 + day / 10)
                buf[9] = UInt8(truncatingIfNeeded: 0x30 + day % 10)
            }
            return count
        }
    }
}
