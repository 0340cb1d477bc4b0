/// An error a user can act on: it names the file (or folder) concerned and says what is wrong in one line.
/// Everything the command line reports goes through this type, so no stack trace ever reaches a user.
public struct ScriptoriumError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The input cannot be used (not UTF-8, empty, binary, unreadable, missing).
        case input
        /// Records broke an invariant of the contract (a bug, or a lexicon/metadata problem).
        case validation
        /// The output could not be written.
        case output
        /// A built dataset failed `validate` or `verify`.
        case dataset
    }

    public var kind: Kind
    /// The file or folder the message is about, as the user named it (or relative to the input root).
    public var path: String
    public var message: String
    /// For a file that could not be written: the system's reason alone (`strerror`, "No space left on device"),
    /// which `message` wraps in the step that failed. A caller that words the failure its own way (the build names
    /// its output folder) takes this rather than taking `message` apart.
    public var reason: String?

    public init(_ kind: Kind, path: String, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// A failed write of the file at `path`: `step` is what failed ("cannot write"), `reason` why.
    public static func writeFailure(path: String, _ step: String, reason: String) -> ScriptoriumError {
        var error = ScriptoriumError(.output, path: path, "\(step) (\(reason))")
        error.reason = reason
        return error
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
