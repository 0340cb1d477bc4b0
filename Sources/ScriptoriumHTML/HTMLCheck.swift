import Foundation

/// Checks a page the way `validate` needs, without a browser: the HTML syntax the writers use (every element
/// closed in order, attribute values in double quotes, only `&amp; &lt; &gt; &quot;` and numeric character
/// references, ids unique), that nothing in it would be fetched (no `img`, `link`, `iframe`, `object`, `embed`,
/// `audio`, `video`, no `link` but an icon given as a `data:` URL, no `src`, no script but JSON-LD, no `url(` or `@import` in a style), and that every
/// `#fragment` link has its target. It returns the ids, the links that leave the page (for the caller to resolve
/// against the bag) and the JSON-LD blocks.
///
/// Stricter than HTML (which lets end tags be left out and attributes go unquoted): a page that passes here is
/// one this project wrote as it means to; the tests and `make publish-check` parse the pages with independent
/// HTML parsers too.
public enum HTMLCheck {
    public struct Report: Sendable {
        public var problems: [String] = []
        /// Every `id`, in page order.
        public var ids: [String] = []
        /// `href` values that are not fragments of this page (`../tei/essay.xml`, `https://…`).
        public var links: [String] = []
        /// The text of each `<script type="application/ld+json">`.
        public var jsonld: [[UInt8]] = []
    }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    static let fetching: Set<String> = ["img", "link", "iframe", "object", "embed", "audio", "video", "picture",
                                        "frame", "frameset", "applet", "image", "svg", "math", "portal", "base"]
    static let fetchingAttributes: Set<String> = ["src", "srcset", "poster", "data", "background", "action",
                                                  "formaction", "manifest", "ping", "imagesrcset"]

    public static func check(_ bytes: [UInt8]) -> Report {
        var report = Report()
        func problem(_ offset: Int, _ message: String) {
            let line = 1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            report.problems.append("line \(line): \(message)")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            report.problems.append("not valid UTF-8")
            return report
        }
        let doctype = Array("<!DOCTYPE html>".utf8)
        guard bytes.count >= doctype.count,
              zip(bytes, doctype).allSatisfy({ lower($0) == lower($1) }) else {
            report.problems.append("does not begin with <!DOCTYPE html>")
            return report
        }
        var stack: [String] = []
        var fragments: [(String, Int)] = []
        var seen = Set<String>()
        var i = doctype.count
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "&") {
                guard let end = reference(bytes, i) else {
                    problem(i, "an & that does not start &amp;, &lt;, &gt;, &quot; or a numeric reference")
                    return report
                }
                i = end
                continue
            }
            if b != UInt8(ascii: "<") { i += 1; continue }
            // A tag.
            let closing = i + 1 < n && bytes[i + 1] == UInt8(ascii: "/")
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < n, isNameByte(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[nameStart..<j].map(lower), as: UTF8.self)
            guard !name.isEmpty else {
                problem(i, "a < that does not start a tag (write &lt;)")
                return report
            }
            if closing {
                guard j < n, bytes[j] == UInt8(ascii: ">") else { problem(i, "a malformed end tag </\(name)"); return report }
                let open = stack.popLast()
                guard open == name else {
                    problem(i, "</\(name)> does not close the element open here (\(open ?? "none"))")
                    return report
                }
                i = j + 1
                continue
            }
            // Attributes.
            var attributes: [(String, String)] = []
            while true {
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x0A { j += 1 }
                guard j < n else { problem(i, "<\(name) is not closed"); return report }
                if bytes[j] == UInt8(ascii: ">") { j += 1; break }
                let a = j
                while j < n, isNameByte(bytes[j]) { j += 1 }
                let attribute = String(decoding: bytes[a..<j].map(lower), as: UTF8.self)
                guard !attribute.isEmpty, j + 1 < n, bytes[j] == UInt8(ascii: "="), bytes[j + 1] == UInt8(ascii: "\"") else {
                    problem(j, "<\(name)>: an attribute that is not name=\"value\"")
                    return report
                }
                j += 2
                let v = j
                while j < n, bytes[j] != UInt8(ascii: "\""), bytes[j] != UInt8(ascii: "<") {
                    if bytes[j] == UInt8(ascii: "&") {
                        guard let end = reference(bytes, j) else { problem(j, "a bare & in an attribute value"); return report }
                        j = end
                    } else {
                        j += 1
                    }
                }
                guard j < n, bytes[j] == UInt8(ascii: "\"") else { problem(v, "an attribute value that is not closed"); return report }
                if attributes.contains(where: { $0.0 == attribute }) { problem(a, "<\(name)> has \(attribute) twice") }
                attributes.append((attribute, unescape(bytes[v..<j])))
                j += 1
            }
            let inlineIcon = name == "link" && attributes.contains { $0 == ("rel", "icon") }
                && attributes.contains { $0.0 == "href" && $0.1.hasPrefix("data:") }
            if fetching.contains(name) && !inlineIcon { problem(i, "<\(name)> would make the browser fetch something") }
            for (attribute, value) in attributes {
                if fetchingAttributes.contains(attribute) || attribute.hasPrefix("on") {
                    problem(i, "<\(name) \(attribute)=…> would fetch or run something")
                }
                if attribute == "id" {
                    if value.isEmpty || value.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
                        problem(i, "id \"\(value)\" is empty or has white space")
                    }
                    if !seen.insert(value).inserted { problem(i, "id \(value) is used twice") }
                    report.ids.append(value)
                }
                if attribute == "href" && !inlineIcon {
                    if value.hasPrefix("#") { fragments.append((String(value.dropFirst()), i)) } else { report.links.append(value) }
                }
            }
            if name == "script" || name == "style" {
                let type = attributes.first { $0.0 == "type" }?.1
                if name == "script" && type != "application/ld+json" {
                    problem(i, "a <script> that is not JSON-LD (the pages need no script)")
                }
                let end = Array("</\(name)".utf8)
                guard let close = find(end, in: bytes, from: j) else { problem(i, "<\(name)> is not closed"); return report }
                let content = Array(bytes[j..<close])
                if name == "script" {
                    report.jsonld.append(content)
                } else {
                    let css = String(decoding: content.map(lower), as: UTF8.self)
                    if css.contains("url(") || css.contains("@import") { problem(j, "the style sheet fetches something") }
                }
                j = close + end.count
                guard j < n, bytes[j] == UInt8(ascii: ">") else { problem(close, "a malformed </\(name)"); return report }
                i = j + 1
                continue
            }
            if !voidElements.contains(name) { stack.append(name) }
            i = j
        }
        if let open = stack.last { report.problems.append("<\(open)> is never closed") }
        for (fragment, at) in fragments where !seen.contains(fragment) {
            problem(at, "a link to #\(fragment), which no element of the page has as its id")
        }
        return report
    }

    private static func lower(_ b: UInt8) -> UInt8 { (0x41...0x5A).contains(b) ? b | 0x20 : b }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || b == UInt8(ascii: "-")
    }

    /// The end of the character reference at `i` (just past its `;`), or nil when it is not one the writers use.
    private static func reference(_ bytes: [UInt8], _ i: Int) -> Int? {
        for name in ["&amp;", "&lt;", "&gt;", "&quot;"] {
            let u = Array(name.utf8)
            if i + u.count <= bytes.count && bytes[i..<(i + u.count)].elementsEqual(u) { return i + u.count }
        }
        var j = i + 1
        guard j < bytes.count, bytes[j] == UInt8(ascii: "#") else { return nil }
        j += 1
        let hex = j < bytes.count && (bytes[j] == UInt8(ascii: "x") || bytes[j] == UInt8(ascii: "X"))
        if hex { j += 1 }
        let start = j
        while j < bytes.count, (0x30...0x39).contains(bytes[j]) || (hex && (0x61...0x66).contains(lower(bytes[j]))) { j += 1 }
        guard j > start, j < bytes.count, bytes[j] == UInt8(ascii: ";") else { return nil }
        return j + 1
    }

    /// An attribute value with the four named references the writers use turned back into characters.
    private static func unescape(_ value: ArraySlice<UInt8>) -> String {
        let s = String(decoding: value, as: UTF8.self)
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var k = from
        while k + needle.count <= bytes.count {
            if bytes[k] == needle[0] && bytes[k..<(k + needle.count)].map(lower).elementsEqual(needle) { return k }
            k += 1
        }
        return nil
    }
}
