import Foundation
import ScriptoriumModel

/// One entity of the lexicon: what the matcher finds and what the `entities` table lists.
///
/// Dates found by the ``DateRecognizer`` are entities too (type `.date`, id `date.<iso>`, key and name the ISO
/// value); they are made on the fly and never appear in ``Lexicon/entities``.
public struct LexiconEntity: Sendable, Equatable {
    /// The record id: `ent.` + slug(key) for a lexicon entry, `date.<iso>` for a date.
    public var id: String
    /// Stable, user-chosen key (a slug), or the ISO value of a date.
    public var key: String
    /// Canonical name; also matched in the text.
    public var name: String
    public var type: EntityType
    /// Bare Wikidata id (`Q17`), or nil when not known for certain.
    public var wikidata: String?
    /// Further exact, case-sensitive surface forms.
    public var aliases: [String]
    /// Bare GeoNames id (`1861060`), or nil.
    public var geonames: String?

    /// A lexicon entity; its id is `RecordID.entity(key:)`.
    public init(key: String, name: String, type: EntityType, wikidata: String? = nil, aliases: [String] = [], geonames: String? = nil) {
        self.init(id: RecordID.entity(key: key), key: key, name: name, type: type, wikidata: wikidata, aliases: aliases, geonames: geonames)
    }

    /// A lexicon entity whose key is known to be a slug already (the default lexicon's): its id is `ent.` + key
    /// without working the slug out again.
    init(slugKey key: String, name: String, type: EntityType, wikidata: String?, aliases: [String], geonames: String?) {
        self.init(id: "ent." + key, key: key, name: name, type: type, wikidata: wikidata, aliases: aliases, geonames: geonames)
    }

    init(id: String, key: String, name: String, type: EntityType, wikidata: String?, aliases: [String], geonames: String?) {
        self.id = id
        self.key = key
        self.name = name
        self.type = type
        self.wikidata = wikidata
        self.aliases = aliases
        self.geonames = geonames
    }

    /// The date entity for an ISO 8601 value such as `1951`, `1948-06` or `1949-04-04`.
    public init(isoDate iso: String) {
        self.id = RecordID.date(iso: iso)
        self.key = iso
        self.name = iso
        self.type = .date
        self.wikidata = nil
        self.aliases = []
        self.geonames = nil
    }

    /// The name followed by the aliases: every text the matcher finds for this entity.
    public var surfaceForms: [String] { [name] + aliases }

    /// The row of the `entities` table for this entity.
    public func record(mentions: Int) -> EntityRecord {
        EntityRecord(id: id, name: name, type: type, wikidata: wikidata, aliases: aliases, mentions: mentions, geonames: geonames)
    }
}

/// A problem with a lexicon file. The description names the file, the entry (1-based position in `entities`,
/// with its key when it has one) and the field.
public struct LexiconError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based position of the entry in the `entities` array, or nil for a problem with the file as a whole.
    public var entry: Int?
    /// The entry's key, when it has a readable one.
    public var key: String?
    /// The field, e.g. `wikidata` or `aliases[2]`; nil when the problem is not about one field.
    public var field: String?
    public var message: String

    public init(path: String, entry: Int? = nil, key: String? = nil, field: String? = nil, message: String) {
        self.path = path
        self.entry = entry
        self.key = key
        self.field = field
        self.message = message
    }

    public var description: String {
        var where_ = path
        if let entry {
            where_ += ": entry \(entry)"
            if let key { where_ += " (\"\(key)\")" }
        }
        if let field { where_ += ", field \"\(field)\"" }
        return "\(where_): \(message)"
    }
}

/// The entities users can edit: a JSON file such as `input/lexicon.json`:
///
/// ```json
/// { "entities": [
///   { "key": "japan", "name": "Japan", "type": "place", "wikidata": "Q17", "aliases": ["Nippon"] }
/// ] }
/// ```
///
/// Fields whose name starts with `_` (e.g. `_comment`) are ignored, at the top level and in entries, and an entry
/// with only such fields is skipped (a heading for the reader); any other unknown field is an error, so a misspelt
/// `alias` does not silently do nothing. Entries are numbered by their position in the `entities` array.
public struct Lexicon: Sendable {
    public internal(set) var entities: [LexiconEntity]
    private var indexByID: [String: Int]
    /// Every surface form the matcher looks for, with its entity and the rule that makes it a mention.
    public internal(set) var forms: [SurfaceForm] = []
    /// For an ambiguous name's entity (no ids), the entities it may stand for; empty for the others.
    public internal(set) var candidates: [Int: [Int]] = [:]
    /// For a candidate of an ambiguous name, the entity whose mention settles the name on it (its country).
    public internal(set) var settledBy: [Int: Int] = [:]
    /// Where the entries came from, in the order they were merged: a name and how many entries each gave.
    public internal(set) var sources: [(name: String, entries: Int)] = []
    /// Whether any form is conditional or ambiguous (the normaliser then checks the document's evidence).
    public var hasRules: Bool { !candidates.isEmpty || forms.contains { $0.rule != .always } }

    /// A lexicon without entities: the matcher then finds dates only.
    public static let empty = Lexicon(validated: [])

    /// Reads and validates the lexicon at `url`; errors name `url.path`.
    public init(contentsOf url: URL) throws {
        let path = url.path
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.bytes(at: path) // never a pipe or a device: it could block for ever
        } catch {
            throw LexiconError(path: path, message: "cannot be read (\(error))")
        }
        try self.init(jsonBytes: bytes, path: path)
    }

    /// Parses and validates lexicon JSON; `path` is only used in error messages.
    public init(jsonBytes: [UInt8], path: String) throws {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(jsonBytes))
        } catch {
            throw LexiconError(path: path, message: "is not valid JSON (\(Self.syntaxError(jsonBytes) ?? Self.reason(error)))")
        }
        let parser = LexiconParser(path: path)
        let (entities, positions) = try parser.entities(from: root)
        try parser.validate(entities, positions: positions)
        self.init(validated: entities)
    }

    /// Validates `entities` as if they had been read from a file named `path`.
    public init(entities: [LexiconEntity], path: String = "lexicon") throws {
        try LexiconParser(path: path).validate(entities)
        self.init(validated: entities)
    }

    /// `forms`: nil for every name and alias, always a mention.
    private init(validated entities: [LexiconEntity], forms: [SurfaceForm]? = nil) {
        self.entities = entities
        var index: [String: Int] = [:]
        index.reserveCapacity(entities.count)
        for (i, e) in entities.enumerated() { index[e.id] = i }
        self.indexByID = index
        self.forms = forms
            ?? entities.enumerated().flatMap { i, e in e.surfaceForms.map { SurfaceForm(text: $0, entity: i, rule: .always) } }
    }

    /// A lexicon of entities and forms as given (the default lexicon, a merge): not validated again.
    init(entities: [LexiconEntity], forms: [SurfaceForm], candidates: [Int: [Int]], settledBy: [Int: Int],
         sources: [(name: String, entries: Int)]) {
        self.init(validated: entities, forms: forms)
        self.candidates = candidates
        self.settledBy = settledBy
        self.sources = sources
    }

    /// The entity with this record id (`ent.…`), if the lexicon has it.
    /// The position in ``entities`` of the entity with this id.
    func index(ofID id: String) -> Int? { indexByID[id] }

    public func entity(id: String) -> LexiconEntity? {
        indexByID[id].map { entities[$0] }
    }

    /// JSONDecoder does not say where JSON is malformed; JSONSerialization does ("around character 14"), so
    /// ask it and turn the offset into a line and column.
    private static func syntaxError(_ bytes: [UInt8]) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return nil
        } catch {
            guard let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return nil }
            var result = text.hasSuffix(".") ? String(text.dropLast()) : text
            if let range = result.range(of: "character "),
               let offset = Int(result[range.upperBound...].prefix(while: \.isNumber)), offset <= bytes.count {
                var line = 1, column = 1
                for b in bytes[..<offset] {
                    if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
                }
                result += ", line \(line), column \(column)"
            }
            return result
        }
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            if let underlying = context.underlyingError {
                return "\(context.debugDescription) \((underlying as NSError).userInfo[NSDebugDescriptionErrorKey] ?? underlying.localizedDescription)"
            }
            return context.debugDescription
        default:
            return (error as NSError).localizedDescription
        }
    }
}

/// A JSON value as decoded by `JSONDecoder`, so that validation can report exactly which entry and field is wrong.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Turns the decoded JSON into entities, and checks entities; every error names file, entry and field.
struct LexiconParser {
    let path: String

    static let fields = ["key", "name", "type", "wikidata", "aliases", "geonames"]

    /// The entities, and for each its 1-based position in the file's `entities` array (comment entries count).
    func entities(from root: JSONValue) throws -> ([LexiconEntity], [Int]) {
        guard case .object(let top) = root else {
            throw LexiconError(path: path, message: "must be a JSON object with an \"entities\" array, not \(root.kindName)")
        }
        for name in top.keys.sorted() where name != "entities" && !name.hasPrefix("_") {
            throw LexiconError(path: path, field: name,
                               message: "unknown top-level field (expected \"entities\"; names starting with \"_\" are comments)")
        }
        guard let list = top["entities"] else {
            throw LexiconError(path: path, field: "entities", message: "is missing")
        }
        guard case .array(let items) = list else {
            throw LexiconError(path: path, field: "entities", message: "must be an array, not \(list.kindName)")
        }
        var out: [LexiconEntity] = []
        var positions: [Int] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            // An entry with nothing but comment fields is a heading for the reader, e.g. {"_comment": "places"}.
            if case .object(let fields) = item, !fields.isEmpty, fields.keys.allSatisfy({ $0.hasPrefix("_") }) { continue }
            out.append(try entity(item, entry: i + 1))
            positions.append(i + 1)
        }
        return (out, positions)
    }

    private func entity(_ item: JSONValue, entry: Int) throws -> LexiconEntity {
        guard case .object(let fields) = item else {
            throw LexiconError(path: path, entry: entry, message: "must be an object, not \(item.kindName)")
        }
        var key: String? = nil
        if case .string(let k)? = fields["key"], !k.isEmpty { key = k }
        func fail(_ field: String?, _ message: String) -> LexiconError {
            LexiconError(path: path, entry: entry, key: key, field: field, message: message)
        }
        for name in fields.keys.sorted() where !Self.fields.contains(name) && !name.hasPrefix("_") {
            throw fail(name, "unknown field (expected key, name, type, wikidata, geonames, aliases; names starting with \"_\" are comments)")
        }
        func string(_ field: String, required: Bool) throws -> String? {
            switch fields[field] {
            case nil, .null?:
                if required { throw fail(field, "is missing") }
                return nil
            case .string(let s)?:
                return s
            case let other?:
                throw fail(field, "must be a string, not \(other.kindName)")
            }
        }
        let k = try string("key", required: true)!
        let name = try string("name", required: true)!
        let typeName = try string("type", required: true)!
        let wikidata = try string("wikidata", required: false)
        let geonames = try string("geonames", required: false)
        if let geonames, geonames.isEmpty || !geonames.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) || geonames.hasPrefix("0") {
            throw fail("geonames", "\"\(geonames)\" is not a GeoNames id (digits, e.g. \"1861060\")")
        }
        var aliases: [String] = []
        switch fields["aliases"] {
        case nil, .null?:
            break
        case .array(let values)?:
            for (j, v) in values.enumerated() {
                guard case .string(let s) = v else {
                    throw fail("aliases[\(j + 1)]", "must be a string, not \(v.kindName)")
                }
                aliases.append(s)
            }
        case let other?:
            throw fail("aliases", "must be an array of strings, not \(other.kindName)")
        }
        guard let type = EntityType(rawValue: typeName) else {
            let known = EntityType.allCases.filter { $0 != .date }.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw fail("type", "\"\(typeName)\" is not a known entity type (one of \(known))")
        }
        try checkEntry(key: k, name: name, type: type, wikidata: wikidata, aliases: aliases, fail: fail)
        return LexiconEntity(key: k, name: name, type: type, wikidata: wikidata, aliases: aliases, geonames: geonames)
    }

    /// Checks the whole list: each entry on its own, then unique keys (and ids) and surface forms. `positions` are
    /// the entries' numbers in messages (default: 1, 2, 3, ...).
    func validate(_ entities: [LexiconEntity], positions: [Int]? = nil) throws {
        var entryByID: [String: Int] = [:]
        var ownerByForm: [String: Int] = [:]
        var keyOfEntry: [Int: String] = [:]
        for (i, e) in entities.enumerated() {
            let entry = positions?[i] ?? i + 1
            keyOfEntry[entry] = e.key
            func fail(_ field: String?, _ message: String) -> LexiconError {
                LexiconError(path: path, entry: entry, key: e.key.isEmpty ? nil : e.key, field: field, message: message)
            }
            try checkEntry(key: e.key, name: e.name, type: e.type, wikidata: e.wikidata, aliases: e.aliases, fail: fail)
            if e.id != RecordID.entity(key: e.key) {
                throw fail("key", "the entity id \"\(e.id)\" does not derive from the key (expected \"\(RecordID.entity(key: e.key))\")")
            }
            if let first = entryByID[e.id] {
                throw fail("key", "\"\(e.key)\" is already the key of entry \(first) (\"\(keyOfEntry[first] ?? "")\")")
            }
            entryByID[e.id] = entry
            for (j, form) in e.surfaceForms.enumerated() {
                let field = j == 0 ? "name" : "aliases[\(j)]"
                if let owner = ownerByForm[form] {
                    if owner == entry {
                        throw fail(field, "\"\(form)\" is listed twice for this entity")
                    }
                    throw fail(field, "\"\(form)\" is already a name or alias of entry \(owner) (\"\(keyOfEntry[owner] ?? "")\"); "
                               + "a surface form can belong to one entity only")
                }
                ownerByForm[form] = entry
            }
        }
    }

    private func checkEntry(key: String, name: String, type: EntityType, wikidata: String?, aliases: [String],
                            fail: (String?, String) -> LexiconError) throws {
        if key.isEmpty { throw fail("key", "is empty") }
        let slug = RecordID.slug(key)
        if slug != key {
            throw fail("key", "\"\(key)\" is not a slug (lower-case ASCII letters and digits, single hyphens between); use \"\(slug)\"")
        }
        if type == .date {
            throw fail("type", "\"date\" is reserved for dates the recogniser finds in the text (ids \"date.<iso>\")")
        }
        if let problem = Self.surfaceFormProblem(name) { throw fail("name", problem) }
        for (j, alias) in aliases.enumerated() {
            if let problem = Self.surfaceFormProblem(alias) { throw fail("aliases[\(j + 1)]", problem) }
        }
        if let wikidata, !Self.isWikidataID(wikidata) {
            throw fail("wikidata", "\"\(wikidata)\" is not a bare Wikidata id (Q followed by digits without a leading zero, e.g. \"Q17\"); "
                       + "leave the field out when the id is not known for certain")
        }
    }

    /// `^Q[1-9][0-9]*$`
    static func isWikidataID(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 2, b[0] == UInt8(ascii: "Q"), b[1] >= UInt8(ascii: "1"), b[1] <= UInt8(ascii: "9") else { return false }
        return b.dropFirst(2).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Why a name or alias could never match normalised text, or nil when it can.
    static func surfaceFormProblem(_ s: String) -> String? {
        if s.isEmpty { return "is empty" }
        let scalars = s.unicodeScalars
        if scalars.first!.properties.isWhitespace || scalars.last!.properties.isWhitespace {
            return "\"\(s)\" has leading or trailing white space"
        }
        var previousSpace = false
        for u in scalars {
            if u == " " {
                if previousSpace { return "\"\(s)\" has two spaces in a row; text is matched after white space is collapsed" }
                previousSpace = true
            } else {
                if u.properties.isWhitespace {
                    return "\"\(s)\" contains white space other than single spaces (U+\(String(u.value, radix: 16, uppercase: true))); "
                        + "text is matched after white space is collapsed"
                }
                previousSpace = false
            }
        }
        // Compare scalars: `String ==` treats canonically equivalent strings as equal.
        if scalars.contains(where: { $0.value >= 0x300 }),
           !s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(scalars) {
            return "\"\(s)\" is not in Unicode NFC; the text is matched after NFC normalisation, so write it precomposed"
        }
        return nil
    }
}
