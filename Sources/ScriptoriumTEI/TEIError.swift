/// One message from libxml2 (a parser or RELAX NG validation error), located in the document.
public struct XMLProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where: `/TEI/text/body/div[@xml:id='d.sec2']/p[@xml:id='d.b5']/s[2]`; empty if libxml2 named no node.
    public var path: String
    /// The line in the parsed file, or nil for a tree built in memory.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        var out = ""
        if let line { out += "line \(line): " }
        if !path.isEmpty { out += "\(path): " }
        return out + message
    }
}

/// Why a TEI document could not be written.
public enum TEIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The project's RELAX NG schema did not compile (a bug in the schema text).
    case schemaDidNotCompile([XMLProblem])
    /// The document built for `documentID` is not valid against the project's schema.
    case invalid(documentID: String, problems: [XMLProblem])
    /// The records contradict each other (a mention outside its sentence, an unknown entity ...).
    case inconsistentRecords(documentID: String, message: String)
    /// libxml2 failed to serialise the tree.
    case serialisation(String)

    public var description: String {
        switch self {
        case .schemaDidNotCompile(let problems):
            return "the Scriptorium TEI schema does not compile: "
                + problems.map(\.description).joined(separator: "; ")
        case .invalid(let id, let problems):
            return "TEI for document \(id) is not valid against the Scriptorium TEI schema: "
                + problems.map(\.description).joined(separator: "; ")
        case .inconsistentRecords(let id, let message):
            return "cannot write TEI for document \(id): \(message)"
        case .serialisation(let message):
            return "cannot write TEI: \(message)"
        }
    }
}
