import ScriptoriumModel

/// Writes JSON-LD 1.1 with schema.org terms. (Stub: the JSON-LD issue fills this in.)
public enum JSONLDWriter {
    public static let contextFileName = "context.jsonld"
}
