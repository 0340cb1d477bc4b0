import ScriptoriumJSON
/// The vocabulary of Scriptorium's JSON-LD: schema.org for everything it has a term for, and the project's own
/// namespace for the rest.
///
/// Project namespace: `https://scriptorium.example/ns#` (prefix `scr`). It is fixed here and never derived from
/// a dataset's settings, so the same term means the same IRI in every dataset. Its terms:
///
/// | term | IRI | on | value |
/// |---|---|---|---|
/// | `Section`, `Block`, `Sentence` | `scr:…` | structural parts (also typed `schema:CreativeWork`) | |
/// | `Mention` | `scr:Mention` | one mention of an entity in a sentence | |
/// | `CalendarDate` | `scr:CalendarDate` | a `date` entity (schema.org has no class for a date) | |
/// | `start`, `end` | `scr:start`, `scr:end` | sections, blocks, sentences, mentions | code-point offsets into the source, `end` exclusive (SPEC §3) |
/// | `level` | `scr:level` | sections | heading level, 1 for plain-text headings |
/// | `number` | `scr:number` | sections that have one | the heading's number as written (`2.1`, `IV`), as in `sections.csv` |
/// | `blockKind` | `scr:blockKind` | blocks | `paragraph`, `list_item` or `verbatim`, as in `blocks.csv` |
/// | `marker` | `scr:marker` | list items that have one | the item's marker as written (`(a)`, `iv`), as in `blocks.csv` |
/// | `hasMention` | `scr:hasMention` | sentences | the sentence's `Mention` nodes |
/// | `entity` | `scr:entity` | mentions | the entity mentioned (an IRI) |
/// | `mentionText` | `scr:mentionText` | mentions | the source text of the span, exactly |
/// | `mentionCount` | `scr:mentionCount` | entities, in `dataset.jsonld` only | mentions in the whole dataset |
/// | `isoDate` | `scr:isoDate` | `CalendarDate` entities | ISO 8601 value typed `xsd:gYear`, `xsd:gYearMonth` or `xsd:date` |
/// | `recordCount` | `scr:recordCount` | `DataDownload`s | records the file holds, where that has a meaning |
/// | `generatedBy` | `scr:generatedBy` | the `Dataset` | the `SoftwareApplication` that wrote it |
///
/// Every other key is a schema.org term through `"@vocab": "https://schema.org/"`; every one used exists in the
/// current schema.org vocabulary. `sameAs`, `mentions` and `isPartOf` take IRIs as plain strings.
enum JSONLDContext {
    static let namespace = "https://scriptorium.example/ns#"
    static let schemaOrg = "https://schema.org/"

    /// Project terms, as (term, local name in `namespace`, coerced to an IRI). In the context file in this order.
    static let projectTerms: [(term: String, iri: String, isIRI: Bool)] = [
        ("Section", "Section", false),
        ("Block", "Block", false),
        ("Sentence", "Sentence", false),
        ("Mention", "Mention", false),
        ("CalendarDate", "CalendarDate", false),
        ("start", "start", false),
        ("end", "end", false),
        ("level", "level", false),
        ("number", "number", false),
        ("blockKind", "blockKind", false),
        ("marker", "marker", false),
        ("hasMention", "hasMention", false),
        ("entity", "entity", true),
        ("mentionText", "mentionText", false),
        ("mentionCount", "mentionCount", false),
        ("isoDate", "isoDate", false),
        ("recordCount", "recordCount", false),
        ("generatedBy", "generatedBy", false),
    ]

    /// schema.org properties whose string values are IRIs.
    static let schemaIRIProperties = ["isPartOf", "mentions", "sameAs"]

    /// The shared context document, `data/context.jsonld`.
    static func document() -> [UInt8] {
        var w = JSONWriter(capacity: 2048)
        w.beginObject()
        w.key("@context")
        definitions(&w)
        w.endObject()
        return w.finish()
    }

    /// The context's object of term definitions: the value of `@context` in `context.jsonld`, and written inline
    /// where a file cannot refer to it (the landing page's embedded JSON-LD, which a crawler reads alone).
    static func definitions(_ w: inout JSONWriter) {
        w.beginObject()
        w.lineBreak(indent: 2)
        w.key("@vocab")
        w.literal("https://schema.org/")
        w.lineBreak(indent: 2)
        w.key("schema")
        w.literal("https://schema.org/")
        w.lineBreak(indent: 2)
        w.key("scr")
        w.string(namespace)
        w.lineBreak(indent: 2)
        w.key("xsd")
        w.literal("http://www.w3.org/2001/XMLSchema#")
        for name in schemaIRIProperties {
            w.lineBreak(indent: 2)
            termDefinition(&w, term: name, iri: "schema:" + name, isIRI: true)
        }
        for t in projectTerms {
            w.lineBreak(indent: 2)
            if t.isIRI {
                termDefinition(&w, term: t.term, iri: "scr:" + t.iri, isIRI: true)
            } else {
                w.dynamicKey(t.term)
                w.string("scr:" + t.iri)
            }
        }
        w.endObject(onNewLine: true)
    }

    private static func termDefinition(_ w: inout JSONWriter, term: String, iri: String, isIRI: Bool) {
        w.dynamicKey(term)
        w.beginObject()
        w.key("@id")
        w.string(iri)
        if isIRI {
            w.key("@type")
            w.literal("@id")
        }
        w.endObject()
    }

    /// The datatype of an ISO 8601 date value as the project writes them (`1951`, `1948-06`, `1949-04-04`),
    /// or nil when the value has none of these shapes.
    static func xsdType(ofISODate value: String) -> StaticString? {
        let u = Array(value.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { u[$0] >= 0x30 && u[$0] <= 0x39 } }
        switch u.count {
        case 4 where digits(0..<4): return "xsd:gYear"
        case 7 where digits(0..<4) && u[4] == 0x2D && digits(5..<7): return "xsd:gYearMonth"
        case 10 where digits(0..<4) && u[4] == 0x2D && digits(5..<7) && u[7] == 0x2D && digits(8..<10): return "xsd:date"
        default: return nil
        }
    }
}
