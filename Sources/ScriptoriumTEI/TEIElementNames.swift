import ScriptoriumModel

/// The TEI vocabulary the writer uses, and how entity types map onto it.
enum TEI {
    static let namespace: StaticString = "http://www.tei-c.org/ns/1.0"

    /// The element a block of `kind` is written as: `p`, `item` (inside a `list`), or `ab type="verbatim"`, TEI's
    /// anonymous block, for text that is not prose and so is neither a paragraph of sentences nor a list item.
    static func blockElement(for kind: BlockKind) -> StaticString {
        switch kind {
        case .paragraph: return "p"
        case .listItem: return "item"
        case .verbatim: return "ab"
        }
    }

    /// How a mention of an entity of `type` is marked up in a sentence: the element, and its `@type` if any.
    /// Places and organisations have their own TEI elements; persons, events and legal instruments are `name`
    /// typed with the `entities.csv` type; a name of no known kind is `name` without a type; dates are `date` with
    /// `@when` (ISO 8601).
    static func mentionElement(for type: EntityType) -> (name: StaticString, type: StaticString?) {
        switch type {
        case .place: return ("placeName", nil)
        case .organization: return ("orgName", nil)
        case .person: return ("name", "person")
        case .event: return ("name", "event")
        case .legalInstrument: return ("name", "legal_instrument")
        case .date: return ("date", nil)
        case .name: return ("name", nil)
        }
    }

    /// How the entities of `type` are described in the `standOff`: the list element, its `@type`, the element for
    /// each entity, that element's `@type`, and the element that holds the entity's name.
    /// Legal instruments are texts, so they are described bibliographically (`listBibl/bibl/title`); dates are items
    /// of a `list type="date"`, each holding a `date` with `@when`.
    struct StandOffForm {
        let list: StaticString
        let listType: StaticString?
        let entry: StaticString
        let entryType: StaticString?
        let label: StaticString
    }

    static func standOffForm(for type: EntityType) -> StandOffForm {
        switch type {
        case .place: return StandOffForm(list: "listPlace", listType: nil, entry: "place", entryType: nil, label: "placeName")
        case .organization: return StandOffForm(list: "listOrg", listType: nil, entry: "org", entryType: nil, label: "orgName")
        case .person: return StandOffForm(list: "listPerson", listType: nil, entry: "person", entryType: nil, label: "persName")
        case .event: return StandOffForm(list: "listEvent", listType: nil, entry: "event", entryType: nil, label: "label")
        case .legalInstrument:
            return StandOffForm(list: "listBibl", listType: "legal_instrument", entry: "bibl", entryType: "legal_instrument",
                                label: "title")
        case .date: return StandOffForm(list: "list", listType: "date", entry: "item", entryType: nil, label: "date")
        case .name: return StandOffForm(list: "list", listType: "name", entry: "item", entryType: nil, label: "name")
        }
    }

    /// The order of the lists in the `standOff`.
    static let standOffOrder: [EntityType] = [.place, .organization, .person, .event, .legalInstrument, .name, .date]
}
