import Foundation

/// Parsing written bytes back with Foundation, and walking the result.
enum Parsed {
    /// Strictly checked (see `StrictJSON`), then parsed.
    static func json(_ bytes: [UInt8]) throws -> Any {
        try StrictJSON.validate(bytes)
        return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        guard let o = try json(bytes) as? [String: Any] else { throw Failure("not a JSON object") }
        return o
    }

    /// A written JSON-LD file parsed, with every IRI the writer may write relative (`@id` values and the values
    /// of `entity`, `mentions`, `isPartOf`, `sameAs`) resolved against the `@base` of its inline context, so
    /// tests can compare them with `baseIRI` + id. (The real RFC 3986 resolution is pyld's, in conformance.)
    static func jsonld(_ bytes: [UInt8]) throws -> [String: Any] {
        let root = try object(bytes)
        let base = (root["@context"] as? [Any])?.compactMap { ($0 as? [String: Any])?["@base"] as? String }.first
        guard let base else { return root }
        return absolutized(root, base: base) as! [String: Any]
    }

    static let iriKeys: Set<String> = ["@id", "entity", "mentions", "isPartOf", "sameAs"]

    private static func absolutized(_ v: Any, base: String) -> Any {
        if let a = v as? [Any] { return a.map { absolutized($0, base: base) } }
        guard let o = v as? [String: Any] else { return v }
        var out: [String: Any] = [:]
        for (k, x) in o {
            if k == "@context" {
                out[k] = x
            } else if iriKeys.contains(k), let s = x as? String {
                out[k] = resolve(s, against: base)
            } else if iriKeys.contains(k), let a = x as? [Any] {
                out[k] = a.map { ($0 as? String).map { resolve($0, against: base) } ?? absolutized($0, base: base) }
            } else {
                out[k] = absolutized(x, base: base)
            }
        }
        return out
    }

    /// RFC 3986 resolution for the references the writer produces: absolute IRIs, `#fragment`, or a single
    /// path segment.
    static func resolve(_ ref: String, against base: String) -> String {
        if let colon = ref.firstIndex(of: ":"), !ref[..<colon].contains("/") { return ref }
        if ref.hasPrefix("#") { return String(base.split(separator: "#", maxSplits: 1)[0]) + ref }
        return String(base[...base.lastIndex(of: "/")!]) + ref
    }

    /// Every JSON object with an `@id` and at least one other key (a node description, not a bare reference),
    /// by `@id`. Throws if one `@id` is described twice.
    static func nodes(_ root: Any) throws -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        func walk(_ v: Any) throws {
            if let a = v as? [Any] {
                for x in a { try walk(x) }
            } else if let o = v as? [String: Any] {
                if let id = o["@id"] as? String, o.count > 1 {
                    if out[id] != nil { throw Failure("\(id) described twice") }
                    out[id] = o
                }
                for k in o.keys.sorted() { try walk(o[k]!) }
            }
        }
        try walk(root)
        return out
    }

    /// Every key used anywhere, and every `@type` value.
    static func keysAndTypes(_ root: Any) -> (keys: Set<String>, types: Set<String>) {
        var keys = Set<String>(), types = Set<String>()
        func walk(_ v: Any) {
            if let a = v as? [Any] {
                a.forEach(walk)
            } else if let o = v as? [String: Any] {
                for (k, x) in o {
                    keys.insert(k)
                    if k == "@type" && o["@value"] == nil {
                        if let s = x as? String { types.insert(s) }
                        if let a = x as? [String] { types.formUnion(a) }
                    }
                    walk(x)
                }
            }
        }
        walk(root)
        return (keys, types)
    }

    /// A value as a list (JSON-LD allows one value or an array).
    static func list(_ v: Any?) -> [Any] {
        guard let v else { return [] }
        return (v as? [Any]) ?? [v]
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }
}
