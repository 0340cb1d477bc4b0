import ScriptoriumModel
import XCTest

/// Paths sort by their UTF-8 bytes, whatever Swift's own `String` order says.
final class PathOrderTests: XCTestCase {
    func testOrderIsTheBytesOrder() {
        let names = ["", "a", "a/", "a/b", "a-b", "a.b", "ab", "B", "b", "café.txt", "cafe\u{301}.txt", "z", "é", "中",
                     "data/html/doc-1.html", "data/html/doc-10.html", "data/html/doc-2.html", "😀", "\u{7F}", "\u{80}"]
        for a in names {
            for b in names {
                let bytes = Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
                XCTAssertEqual(PathOrder.less(a, b), bytes, "\(a.debugDescription) < \(b.debugDescription)")
                XCTAssertEqual(PathOrder.same(a, b), Array(a.utf8) == Array(b.utf8))
            }
        }
        // NFC and NFD spellings are equal `String`s but two paths, in a fixed order.
        XCTAssertTrue(PathOrder.less("cafe\u{301}.txt", "café.txt"))
        XCTAssertFalse(PathOrder.same("cafe\u{301}.txt", "café.txt"))
    }

    func testReferencesEncodeOnlyWhatTheyMust() {
        XCTAssertEqual(RelativeURL.reference(to: "tei/doc-1.xml", up: false), "tei/doc-1.xml")
        XCTAssertEqual(RelativeURL.reference(to: "tei/doc-1.xml", up: true), "../tei/doc-1.xml")
        XCTAssertEqual(RelativeURL.reference(to: "source/a b#c.txt", up: true), "../source/a%20b%23c.txt")
        XCTAssertEqual(RelativeURL.reference(to: "source/é.txt", up: false), "source/%C3%A9.txt")
    }
}
