import CLibXML2
import CXMLArena

/// libxml2's memory functions are `CXMLArena`'s from the moment the program is loaded (its constructor calls
/// xmlMemSetup before any libxml2 routine can run, as libxml2 requires).
///
/// While a thread writes one TEI document (`withDocumentArena`), every node, attribute, text and validation
/// state libxml2 allocates on that thread comes from the thread's bump arena, frees are no-ops, and the arena is
/// rewound afterwards: the tree's few hundred thousand mallocs and frees per MB of text become pointer bumps.
/// Outside a document, the functions pass through to libc malloc.
enum XMLAllocator {
    /// Nothing to do: the allocator is installed at load time. Kept so that callers that set libxml2 up say so.
    static func install() {}

    /// Runs `body` with the calling thread's libxml2 allocations in its arena. Nothing libxml2 allocates inside
    /// may outlive `body`: the document's tree and every buffer must be freed (or dropped) before it returns.
    static func withDocumentArena<R>(_ body: () throws -> R) rethrows -> R {
        scriptorium_xml_arena_begin()
        defer {
            // libxml2 keeps the thread's last error (messages it strdup'ed) across calls: drop it while its
            // memory is still the arena's, or the next error would free pointers into the rewound arena.
            xmlResetLastError()
            scriptorium_xml_arena_end()
        }
        return try body()
    }

    /// Runs `body` (inside `withDocumentArena`) with libxml2's allocations going to malloc: for work that
    /// allocates and frees far more than it keeps, such as RELAX NG validation, whose states would otherwise pile
    /// up in the arena for the whole document.
    static func outsideArena<R>(_ body: () throws -> R) rethrows -> R {
        scriptorium_xml_arena_suspend()
        defer { scriptorium_xml_arena_resume() }
        return try body()
    }

    /// The document scope of the calling thread while all its libxml2 memory is in the arena, else 0
    /// (`scriptorium_xml_arena_scope`).
    static var currentScope: UInt { scriptorium_xml_arena_scope() }

    /// The document scope of the calling thread, clean or not; 0 outside a document.
    static var currentDocument: UInt { scriptorium_xml_arena_document() }

    /// Bytes the calling thread's arena has handed out in the current document (for tests).
    static var arenaBytesInUse: Int { scriptorium_xml_arena_used() }
}
