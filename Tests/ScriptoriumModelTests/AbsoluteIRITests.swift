import Testing
import ScriptoriumModel

/// User-given IRIs must be absolute IRIs (RFC 3987) before they reach JSON-LD and RDF tools.
@Suite struct AbsoluteIRITests {
    @Test(arguments: ["https://example.org/datasets/x/", "http://example.org/a#", "https://e.org/%C3%A9/",
                      "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "https://example.org/café/", "tag:example.org,2026:x/",
                      "https://creativecommons.org/licenses/by/4.0/"])
    func absoluteIRIsPass(iri: String) {
        #expect(AbsoluteIRI.problem(iri) == nil)
    }

    @Test(arguments: ["rel/", "/datasets/x/", "", "https://e.org/\"<>/", "https://e.org/a b/", "https://e.org/a\nb/",
                      "https://e.org/{x}/", "https://e.org/a|b", "https://e.org/a\\b", "https://e.org/%zz/", "https://e.org/%4",
                      "1http://e.org/", "https:/e.org/", "https:///path", "http:", "e.org/x", "https://e.org/\u{0}/", "https://e.org/^/",
                      "https://e.org/`x`/", "https://e.org/\u{7F}/", "https://e.org/\u{85}/"])
    func otherTextIsRefusedWithAReason(text: String) {
        let problem = AbsoluteIRI.problem(text)
        #expect(problem?.hasPrefix("is not an absolute IRI") == true, "\(text.debugDescription): \(problem ?? "accepted")")
    }
}
