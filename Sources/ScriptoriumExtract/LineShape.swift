import ScriptoriumText

/// What one trimmed line looks like, from its bytes alone: the tests that tell layout (rules, underlines, fences,
/// frames) and text that is not prose (URLs, commands, code, tables, field lists, directives) from prose.
///
/// Each test is cheap and looks at one line; `StructureReader` combines them with the line's neighbours and the
/// document's profile (`LayoutProfile`).
enum LineShape {

    /// The punctuation character of a rule line: three or more of one character from `- = * _ ~ # + . ^ " ' ` :`,
    /// optionally separated by single spaces (`- - -`); nil otherwise. Rule lines separate, frame or underline.
    static func ruleCharacter(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> UInt8? {
        guard line.count >= 3 else { return nil }
        let c = buf[line.lowerBound]
        guard ruleCharacters.contains(c) else { return nil }
        var count = 0
        var previousSpace = false
        for k in line {
            let b = buf[k]
            if b == c {
                count += 1
                previousSpace = false
            } else if b == 0x20 && !previousSpace {
                previousSpace = true
            } else {
                return nil
            }
        }
        return count >= 3 ? c : nil
    }

    static let ruleCharacters: Set<UInt8> = Set("-=*_~#+.^\"'`:".utf8)

    /// A Markdown code fence: three or more backticks or tildes at the start (an info string may follow).
    static func fence(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (character: UInt8, length: Int)? {
        guard line.count >= 3 else { return nil }
        let c = buf[line.lowerBound]
        guard c == UInt8(ascii: "`") || c == UInt8(ascii: "~") else { return nil }
        var k = line.lowerBound
        while k < line.upperBound, buf[k] == c { k += 1 }
        let length = k - line.lowerBound
        guard length >= 3 else { return nil }
        // A backtick fence's info string holds no backtick.
        if c == UInt8(ascii: "`"), buf[k..<line.upperBound].contains(c) { return nil }
        return (c, length)
    }

    /// Whether the line holds no white space.
    static func isOneToken(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        !line.contains { Whitespace.width(buf, at: $0) > 0 }
    }

    static func hasPrefix(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ prefix: StaticString, at offset: Int = 0) -> Bool {
        let count = prefix.utf8CodeUnitCount
        let start = line.lowerBound + offset
        guard start + count <= line.upperBound else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where buf[start + k] | (ASCII.isLetter(p[k]) ? 0x20 : 0) != p[k] { return false }
        return true
    }

    /// A URL or an e-mail address alone on its line, possibly in angle brackets.
    static func isAddress(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count >= 5, isOneToken(buf, line) else { return false }
        let offset = buf[line.lowerBound] == UInt8(ascii: "<") ? 1 : 0
        for scheme in schemes where hasPrefix(buf, line, scheme, at: offset) { return true }
        // user@host.tld
        guard let at = line.firstIndex(where: { buf[$0] == UInt8(ascii: "@") }), at > line.lowerBound + offset else { return false }
        return buf[(at + 1)..<line.upperBound].contains(UInt8(ascii: "."))
    }

    static let schemes: [StaticString] = ["http://", "https://", "ftp://", "ftps://", "file://", "www.", "mailto:", "git://", "ssh://"]

    /// A shell command: a prompt (`hasPrompt`), or a line starting with a
    /// lower-case word that carries command syntax (an option `-x` or `--long`, a path, `=`, a pipe) and does not
    /// end like a sentence.
    static func isCommand(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let s = line.lowerBound
        guard line.count >= 2 else { return false }
        let b = buf[s]
        if hasPrompt(buf, line) { return true }
        guard ASCII.isLower(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "/") else { return false }
        let last = buf[line.upperBound - 1]
        if last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: "?") || last == UInt8(ascii: ":")
            || last == UInt8(ascii: "!") { return false }
        var words = 1
        var syntax = b == UInt8(ascii: ".") || b == UInt8(ascii: "/")
        var k = s
        while k < line.upperBound {
            let c = buf[k]
            if c == 0x20 {
                words += 1
                if k + 1 < line.upperBound, buf[k + 1] == UInt8(ascii: "-"), k + 2 < line.upperBound,
                   ASCII.isLetter(buf[k + 2]) || buf[k + 2] == UInt8(ascii: "-") { syntax = true }
            } else if c == UInt8(ascii: "/") || c == UInt8(ascii: "=") || c == UInt8(ascii: "|") || c == UInt8(ascii: "<") || c == UInt8(ascii: "[")
                        || c == UInt8(ascii: "&")
                        || c == UInt8(ascii: ">") || c == UInt8(ascii: "`")
                        || c == UInt8(ascii: "$") && !(k + 1 < line.upperBound && ASCII.isDigit(buf[k + 1])) { // "$1.3" is money
                syntax = true
            }
            k += 1
        }
        // Prose about a command ("chmod -R no longer exits with …") has the function words of a sentence.
        return syntax && words <= 12 && functionWords(buf, line) < 2
    }

    /// How many words of `line` are English function words ("the", "with", "will", "no").
    static func functionWords(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int {
        var count = 0
        var start = line.lowerBound
        for k in line.lowerBound...line.upperBound where k == line.upperBound || buf[k] == 0x20 || buf[k] == 0x09 {
            if k > start, StructureReader.isFunctionWord(buf, start..<k) { count += 1 }
            start = k + 1
        }
        return count
    }

    /// A shell prompt before a command: `$ `, `% `, `# ` and a lower-case word, `.` or `/`.
    static func hasPrompt(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let s = line.lowerBound
        guard line.count > 2, buf[s + 1] == 0x20 else { return false }
        let b = buf[s], c = buf[s + 2]
        return (b == UInt8(ascii: "$") || b == UInt8(ascii: "%") || b == UInt8(ascii: "#"))
            && (ASCII.isLower(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "/"))
    }

    /// Code: a line rich in the punctuation of programming languages (a quarter of its visible characters), or
    /// one that opens or closes a block (`{`, `}`, a statement ending in `;`, `#include`, `//`, `/*`).
    static func isCode(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let first = buf[line.lowerBound], last = buf[line.upperBound - 1]
        if last == UInt8(ascii: "{") || first == UInt8(ascii: "}") || (first == UInt8(ascii: "{") && line.count == 1) {
            return true
        }
        // A statement ends in ";" and has brackets or an assignment in it; a clause of prose ends in ";" too.
        if last == UInt8(ascii: ";"), line.contains(where: { b in
            buf[b] == UInt8(ascii: "(") || buf[b] == UInt8(ascii: "=") || buf[b] == UInt8(ascii: "[") || buf[b] == UInt8(ascii: "{")
        }) {
            return true
        }
        if hasPrefix(buf, line, "#include") || hasPrefix(buf, line, "#!/") || hasPrefix(buf, line, "//")
            || hasPrefix(buf, line, "/*") || hasPrefix(buf, line, "<?") || hasPrefix(buf, line, "</") {
            return true
        }
        var visible = 0, symbols = 0
        for k in line {
            let b = buf[k]
            if b == 0x20 || b == 0x09 { continue }
            visible += 1
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "&"),
                 UInt8(ascii: "$"), UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "*"), UInt8(ascii: "`"),
                 UInt8(ascii: "^"), UInt8(ascii: "@"), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "~"):
                symbols += 1
            default:
                break
            }
        }
        return visible >= 4 && symbols * 4 >= visible
    }

    /// A table row: cells set apart by runs of two or more spaces (or tabs) at least twice, not after the end of
    /// a sentence (two spaces after a full stop are a typing habit); a row between `|` bars; a `+---+` border.
    static func isTableRow(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var gaps = 0, bars = 0
        var k = line.lowerBound
        while k < line.upperBound {
            let b = buf[k]
            if b == UInt8(ascii: "|") { bars += 1 }
            if b == 0x20 || b == 0x09 {
                let start = k
                while k < line.upperBound, buf[k] == 0x20 || buf[k] == 0x09 { k += 1 }
                if k - start >= 2, start > line.lowerBound {
                    let before = buf[start - 1]
                    if before != UInt8(ascii: ".") && before != UInt8(ascii: "?") && before != UInt8(ascii: "!")
                        && before != UInt8(ascii: ":") && before != UInt8(ascii: ";") && before != UInt8(ascii: ",") {
                        gaps += 1
                    }
                }
                continue
            }
            k += 1
        }
        if bars >= 2 && (buf[line.lowerBound] == UInt8(ascii: "|") || buf[line.upperBound - 1] == UInt8(ascii: "|")) { return true }
        if buf[line.lowerBound] == UInt8(ascii: "+"), line.count >= 3, buf[line.lowerBound + 1] == UInt8(ascii: "-") || buf[line.lowerBound + 1] == UInt8(ascii: "=") {
            return true
        }
        // Wide gaps alone are no evidence: justified prose (a manual page) and loosely typed text have them too.
        // Columns that line up from row to row would be; that test is not written yet.
        guard gaps >= 2, gaps <= 9, false else { return false }
        let last = buf[line.upperBound - 1]
        if last == UInt8(ascii: ".") || last == UInt8(ascii: "?") || last == UInt8(ascii: "!") || last == UInt8(ascii: ",") { return false }
        var words = 1
        for k in line where buf[k] == 0x20 && k + 1 < line.upperBound && buf[k + 1] != 0x20 && buf[k + 1] != 0x09 { words += 1 }
        return words <= 2 * (gaps + 1)
    }

    /// A reStructuredText directive, target or comment (`.. code-block:: sh`, `.. _label:`, `.. |b| image::`), a
    /// directive's option (`:target: url`), or a Markdown image, badge or link reference definition.
    static func isMarkup(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        if hasPrefix(buf, line, ".. ") || (line.count == 2 && hasPrefix(buf, line, "..")) { return true }
        if hasPrefix(buf, line, "![") || hasPrefix(buf, line, "[![") || hasPrefix(buf, line, "<img") { return true }
        // :option: value  (a field of a directive)
        if buf[line.lowerBound] == UInt8(ascii: ":"), line.count > 2, ASCII.isLower(buf[line.lowerBound + 1]) {
            var k = line.lowerBound + 1
            while k < line.upperBound, ASCII.isLetter(buf[k]) || buf[k] == UInt8(ascii: "-") || buf[k] == UInt8(ascii: "_") { k += 1 }
            return k < line.upperBound && buf[k] == UInt8(ascii: ":")
        }
        // [label]: url
        if buf[line.lowerBound] == UInt8(ascii: "["), let close = line.firstIndex(where: { buf[$0] == UInt8(ascii: "]") }),
           close + 2 < line.upperBound, buf[close + 1] == UInt8(ascii: ":"), buf[close + 2] == 0x20 {
            return true
        }
        return false
    }

    /// A field: `Key: value`, the key one to three words (the first capitalised), short, and a value after it.
    /// A run of such lines is a field list (a header block, a package's metadata), not prose.
    static func isField(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let s = line.lowerBound
        guard line.count >= 4, buf[s] &- 0x41 < 26 else { return false }
        var k = s
        var words = 1
        while k < line.upperBound, k - s <= 30 {
            let b = buf[k]
            if b == UInt8(ascii: ":") {
                return k + 1 < line.upperBound && buf[k + 1] == 0x20 && k + 2 < line.upperBound
            }
            if b == 0x20 {
                words += 1
                if words > 3 { return false }
            } else if !ASCII.isLetter(b) && b != UInt8(ascii: "-") && !ASCII.isDigit(b) {
                return false
            }
            k += 1
        }
        return false
    }

    /// A line wholly in brackets ("(see below)", "[ New method ]"), or with a placeholder to be filled in
    /// ("Copyright [yyyy] [name of copyright owner]", "<name of author>"): never a heading.
    static func isBracketedOrTemplate(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let first = buf[line.lowerBound], last = buf[line.upperBound - 1]
        if first == UInt8(ascii: "(") && last == UInt8(ascii: ")") { return true }
        var open = -1
        for k in line {
            let b = buf[k]
            if b == UInt8(ascii: "[") || b == UInt8(ascii: "<") { open = k }
            if (b == UInt8(ascii: "]") || b == UInt8(ascii: ">")), open >= 0, k > open + 1, ASCII.isLower(buf[open + 1]) { return true }
        }
        return false
    }

    /// A date alone, perhaps emphasised or in brackets: "2021-05-01", "*May 1, 2021*", "(1 May 2021)".
    static func isDateAlone(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var hasDigit = false
        var k = line.lowerBound
        while k < line.upperBound {
            let b = buf[k]
            if ASCII.isDigit(b) {
                hasDigit = true
                k += 1
            } else if ASCII.isLetter(b) {
                let start = k
                while k < line.upperBound, ASCII.isLetter(buf[k]) { k += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<k]), as: UTF8.self).lowercased()
                guard monthNames.contains(word) || monthNames.contains(String(word.prefix(3))) && word.count <= 4
                        || ["st", "nd", "rd", "th"].contains(word) else { return false }
            } else if b == 0x20 || b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ",")
                        || b == UInt8(ascii: ".") || b == UInt8(ascii: "*") || b == UInt8(ascii: "_")
                        || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") {
                k += 1
            } else {
                return false
            }
        }
        return hasDigit
    }

    static let monthNames: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december",
                                          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    /// A running page header or footer of text laid out in columns: a line with a manual page's name and section
    /// (`XARGS(1)`) at its start or end and runs of three or more spaces between its parts.
    static func isPageFurniture(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        // Cheap first: it ends in ")" or its first word holds "(".
        guard line.count >= 8, line.count <= 4 * StructureReader.wrapWidth else { return false }
        if buf[line.upperBound - 1] != UInt8(ascii: ")") {
            var k = line.lowerBound
            while k < line.upperBound, buf[k] != 0x20, buf[k] != UInt8(ascii: "(") { k += 1 }
            guard k < line.upperBound, buf[k] == UInt8(ascii: "(") else { return false }
        }
        var wideGaps = 0
        var k = line.lowerBound
        while k < line.upperBound {
            if buf[k] == 0x20 {
                let start = k
                while k < line.upperBound, buf[k] == 0x20 { k += 1 }
                if k - start >= 3 { wideGaps += 1 }
            } else {
                k += 1
            }
        }
        guard wideGaps >= 1 else { return false }
        return endsWithManualReference(buf, line) || startsWithManualReference(buf, line)
    }

    /// `NAME(1)`, `printf(3p)` at the end of the line.
    private static func endsWithManualReference(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var k = line.upperBound - 1
        guard k > line.lowerBound + 3, buf[k] == UInt8(ascii: ")") else { return false }
        k -= 1
        while k > line.lowerBound, ASCII.isLower(buf[k]) { k -= 1 }
        guard ASCII.isDigit(buf[k]) else { return false }
        while k > line.lowerBound, ASCII.isDigit(buf[k]) { k -= 1 }
        guard buf[k] == UInt8(ascii: "("), k > line.lowerBound else { return false }
        let c = buf[k - 1]
        return ASCII.isLetter(c) || ASCII.isDigit(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }

    /// `NAME(1)` as the line's first word.
    private static func startsWithManualReference(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var k = line.lowerBound
        while k < line.upperBound, ASCII.isLetter(buf[k]) || ASCII.isDigit(buf[k]) || buf[k] == UInt8(ascii: "_") || buf[k] == UInt8(ascii: "-")
                || buf[k] == UInt8(ascii: ".") { k += 1 }
        guard k > line.lowerBound, k + 2 < line.upperBound, buf[k] == UInt8(ascii: "("), ASCII.isDigit(buf[k + 1]) else { return false }
        k += 1
        while k < line.upperBound, ASCII.isDigit(buf[k]) || ASCII.isLower(buf[k]) { k += 1 }
        return k < line.upperBound && buf[k] == UInt8(ascii: ")")
    }

    /// A signature line: `-- ` and a name with an address (a Debian changelog's sign-off, an e-mail's).
    static func isSignature(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        hasPrefix(buf, line, "-- ") && line.contains { buf[$0] == UInt8(ascii: "@") }
    }

    /// Whether a line is text that is not prose, read alone: an address, a command, code, a table row, markup.
    ///
    /// A line longer than a typewriter line (`long`: a paragraph on one line, the commonest line of prose) is not
    /// scanned for code, tables or commands, which are written on shorter lines; only its start is looked at for an
    /// address or markup (a badge's long link).
    static func isNonProse(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, long: Bool) -> Bool {
        if long { return isAddress(buf, line) || isMarkup(buf, line) }
        return isSignature(buf, line) || isAddress(buf, line) || isMarkup(buf, line) || isTableRow(buf, line) || isCode(buf, line) || isCommand(buf, line)
    }
}

extension Range where Bound == Int {
    /// The first index of `byte` in `buf[self]`.
    func firstIndex(of byte: UInt8, in buf: UnsafeBufferPointer<UInt8>) -> Int? {
        first { buf[$0] == byte }
    }
}
