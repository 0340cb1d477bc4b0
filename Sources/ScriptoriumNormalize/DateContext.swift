/// When a standalone four-digit number in the year range is not a year: the words and signs around it say it is a
/// quantity, a standard's or a version's number, part of an identifier or a postal code. Only a bare year is
/// checked; a month or a day next to it ("June 1948", "4 April 1949", "1949-04-04") always makes a date.
///
/// Looked at only where the recogniser has found such a number, within the sentence, a few bytes either side, so
/// matching stays one pass over the text.
///
/// | around the number | example | why |
/// |---|---|---|
/// | a unit after it | `1000 MiB`, `2048 bytes`, `1024 KB` | a quantity |
/// | a plural noun after it, with no word such as "in", "by", "since" before | `1024 pipes`, `about 1200 troops` | a count |
/// | a standard's or a numbering word before it | `RFC 1952`, `ISO 2022`, `version 2010`, `No. 1234`, `port 2049` | a number |
/// | a digit and a hyphen (or a colon) before it, unless a year and a hyphen | `IEEE 754-2008`, `02110-1301`, `8601:2004` | part of a number |
/// | a token of capitals and a hyphen before it | `CVE-2022-1304`, `CH-8001` | an identifier |
/// | `, XX ` before it (a state or province code) | `Boston, MA 1234` | a postal code |
/// | `/` before it, or an operator next to it | `a/2006/05`, `1024*5`, `n = 1024` | a path, arithmetic |
///
/// A year range ("1949-1951"), a year after a lower-case prefix ("mid-1951", "pre-1945"), a year before a verb
/// ("1989 marks the end") and a year in a date context before a plural noun ("in 1951 troops landed") stay years.
enum DateContext {
    private static let space = UInt8(ascii: " "), hyphen = UInt8(ascii: "-")

    /// Whether the year-like number at `i..<j` of `p` (its `n` bytes) is not a year.
    static func isNotAYear(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, _ j: Int) -> Bool {
        before(p, n, i) || after(p, n, j, dateContextBefore: { hasDateContext(p, i) })
    }

    // MARK: Before

    private static func before(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let b = p[i - 1]
        switch b {
        case hyphen where i >= 2:
            let c = p[i - 2]
            if WordBoundary.isDigit(c) {
                // The number before the hyphen: a year that is not itself inside a longer token makes a range.
                var k = i - 2
                while k > 0 && WordBoundary.isDigit(p[k - 1]) { k -= 1 }
                guard i - 1 - k == 4 else { return true }
                let year = (Int(p[k] - 48) * 1000) + Int(p[k + 1] - 48) * 100 + Int(p[k + 2] - 48) * 10 + Int(p[k + 3] - 48)
                guard DateRecognizer.years.contains(year) else { return true }
                if k > 0 && (p[k - 1] == hyphen || p[k - 1] == UInt8(ascii: ".") || WordBoundary.isASCIIWordByte(p[k - 1])) {
                    return true
                }
                return false
            }
            if WordBoundary.isASCIIWordByte(c) {
                // The token before the hyphen: capitals (and digits) make an identifier; "mid-", "pre-" do not.
                var k = i - 2
                var lower = false
                while k >= 0 && WordBoundary.isASCIIWordByte(p[k]) {
                    if p[k] >= UInt8(ascii: "a") && p[k] <= UInt8(ascii: "z") { lower = true }
                    k -= 1
                }
                return !lower
            }
            return false
        case UInt8(ascii: ":") where i >= 2 && WordBoundary.isDigit(p[i - 2]):
            return true
        case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "*"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "^"), UInt8(ascii: "#"):
            return true
        case space:
            guard i >= 2 else { return false }
            let o = p[i - 2]
            if o == UInt8(ascii: "=") || o == UInt8(ascii: "*") || o == UInt8(ascii: "<") || o == UInt8(ascii: ">") { return true }
            // The word before, less a full stop: "RFC 1952", "No. 1234".
            var end = i - 1
            if p[end - 1] == UInt8(ascii: ".") { end -= 1 }
            var start = end
            while start > 0 && WordBoundary.isASCIIWordByte(p[start - 1]) { start -= 1 }
            guard start < end, end - start <= 9 else { return false }
            if end - start == 2 && isUpper(p[start]) && isUpper(p[start + 1])
                && start >= 2 && p[start - 1] == space && p[start - 2] == UInt8(ascii: ",") {
                return true  // "Boston, MA 1234"
            }
            return numberingWords.contains(lowercased(p, start, end))
        default:
            return false
        }
    }

    /// Words after which a number is a number: standards, versions, numbering, limits.
    private static let numberingWords: Set<[UInt8]> = Set([
        "rfc", "rfcs", "iso", "iec", "ieee", "ansi", "ecma", "din", "std", "standard", "version", "versions", "ver", "v",
        "release", "no", "nr", "number", "num", "page", "pages", "p", "pp", "line", "lines", "port", "issue", "issues",
        "bug", "bugs", "pr", "item", "code", "error", "errno", "pid", "uid", "gid", "exceeds", "exceed", "exceeding",
        "cve", "kb", "patch", "build", "revision", "rev", "article", "articles", "section", "sections", "chapter",
        "figure", "fig", "table", "step", "level", "model", "type", "size", "width", "height", "limit", "count",
    ].map { Array($0.utf8) })

    // MARK: After

    private static func after(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int, dateContextBefore: () -> Bool) -> Bool {
        guard j < n else { return false }
        let b = p[j]
        if b == UInt8(ascii: "*") || b == UInt8(ascii: "^") || b == UInt8(ascii: "=") { return true }
        if b == 0xC3 && j + 1 < n && p[j + 1] == 0x97 { return true }  // ×
        guard b == space, j + 1 < n else { return false }
        let o = p[j + 1]
        if o == UInt8(ascii: "*") || o == UInt8(ascii: "=") { return true }
        var end = j + 1
        while end < n && WordBoundary.isASCIIWordByte(p[end]) { end += 1 }
        // A word continued by a non-ASCII letter is no unit or plural here.
        guard end > j + 1, end - (j + 1) <= 12, !WordBoundary.isWord(at: end, p, n) else { return false }
        let word = Array(UnsafeBufferPointer(start: p + j + 1, count: end - (j + 1)))
        if units.contains(word) { return true }
        // A plural noun, in lower case: a count, unless a word before says the number is a time.
        guard word.count >= 4, word.last == UInt8(ascii: "s"), word[word.count - 2] != UInt8(ascii: "s"),
              word.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
              !verbsInS.contains(word) else { return false }
        return !dateContextBefore()
    }

    /// Units of measure and of data, as written after a number.
    private static let units: Set<[UInt8]> = Set([
        "B", "KB", "kB", "KiB", "MB", "MiB", "GB", "GiB", "TB", "TiB", "PB", "PiB", "K", "M", "G", "k", "bytes", "byte",
        "bit", "bits", "kbit", "Mbit", "Gbit", "kbps", "Mbps", "Gbps", "bps", "ms", "ns", "sec", "secs", "seconds",
        "minutes", "mins", "hours", "days", "Hz", "kHz", "MHz", "GHz", "px", "pt", "dpi", "ppi", "km", "m", "cm", "mm",
        "kg", "g", "mg", "lb", "lbs", "mi", "ft", "feet", "miles", "metres", "meters", "kilometres", "kilometers",
        "tons", "tonnes", "V", "W", "kW", "MW", "GW", "kWh", "rpm", "mph", "kph", "characters", "chars", "columns",
        "rows", "entries", "blocks", "inodes", "sectors", "pixels", "dollars", "euros", "USD", "EUR", "x",
    ].map { Array($0.utf8) })

    /// Words in `s` that often follow a year as its verb ("1989 marks the end"), and short words that are no plurals.
    private static let verbsInS: Set<[UInt8]> = Set([
        "marks", "sees", "brings", "remains", "begins", "ends", "starts", "opens", "closes", "follows", "becomes",
        "means", "shows", "comes", "goes", "gives", "makes", "takes", "stands", "looks", "seems", "was", "has", "is",
        "this", "thus", "plus", "also", "always", "perhaps", "whereas", "unless", "across", "towards", "afterwards",
        "proves", "saw", "witnesses", "signals", "introduces", "changes", "finds", "leaves", "turns", "represents",
    ].map { Array($0.utf8) })

    /// Whether the word before the number says it is a time: "in 1951", "by 1955", "since 1949", "(1951".
    /// ("about" and "around" are not such words: before a plural noun they round a count, "about 1200 troops".)
    private static func hasDateContext(_ p: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 2, p[i - 1] == space else { return i >= 1 && p[i - 1] == UInt8(ascii: "(") }
        var end = i - 1
        if p[end - 1] == UInt8(ascii: ".") || p[end - 1] == UInt8(ascii: ",") { end -= 1 }
        var start = end
        while start > 0 && WordBoundary.isASCIIWordByte(p[start - 1]) { start -= 1 }
        guard start < end, end - start <= 8 else { return false }
        return dateWords.contains(lowercased(p, start, end))
    }

    private static let dateWords: Set<[UInt8]> = Set([
        "in", "by", "since", "until", "till", "from", "after", "before", "during", "of", "to", "circa", "ca",
        "c", "early", "late", "mid", "year", "years", "summer", "spring", "autumn", "fall", "winter", "between",
        "through", "when", "then", "as", "at", "on", "for", "the",
    ].map { Array($0.utf8) })

    @inline(__always)
    private static func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }

    private static func lowercased(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
        (start..<end).map { isUpper(p[$0]) ? p[$0] | 0x20 : p[$0] }
    }
}
