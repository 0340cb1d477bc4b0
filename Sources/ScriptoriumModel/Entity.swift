/// What kind of thing an entity is. The raw values are the `type` column of `entities.csv`; each writer maps
/// them to its own vocabulary (schema.org types, TEI `placeName`/`orgName`/`name`/`date`).
public enum EntityType: String, Sendable, Equatable, CaseIterable, Codable {
    case place
    case organization
    case legalInstrument = "legal_instrument"
    case event
    case person
    case date
    /// A proper name whose kind the text does not say (see the normaliser's `UnlistedNames`): "Sinai", "Sukarno".
    case name
}

public struct EntityRecord: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var type: EntityType
    /// A bare Wikidata id such as `Q17`, or nil when not known for certain.
    public var wikidata: String?
    public var aliases: [String]
    /// A bare GeoNames id such as `1861060`, or nil.
    public var geonames: String?
    /// How many mentions the whole dataset has of this entity.
    public var mentions: Int
    /// For a date entity, its ISO 8601 value (`1951`, `1948-06`, `1949-04-04`); nil otherwise.
    public var isoDate: String? { type == .date ? name : nil }
    /// For a decade (ISO 8601-2 / EDTF `197X`), its first and last years (`1970`, `1979`): the formats whose
    /// date values are ISO 8601-1 or XML Schema years (TEI's `@when`, `xsd:gYear`) write the decade as this range.
    public var decadeYears: (first: String, last: String)? {
        guard type == .date else { return nil }
        let u = Array(name.utf8)
        guard u.count == 4, u[3] == UInt8(ascii: "X"), u[0..<3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let stem = String(name.dropLast())
        return (stem + "0", stem + "9")
    }

    public init(id: String, name: String, type: EntityType, wikidata: String?, aliases: [String], mentions: Int, geonames: String? = nil) {
        self.id = id
        self.geonames = geonames
        self.name = name
        self.type = type
        self.wikidata = wikidata
        self.aliases = aliases
        self.mentions = mentions
    }
}
