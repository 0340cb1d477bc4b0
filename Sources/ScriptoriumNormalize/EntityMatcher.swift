import ScriptoriumModel

/// One mention found in a text.
public struct EntityMatch: Sendable, Equatable {
    /// UTF-8 byte offsets into the text that was searched.
    public var range: Range<Int>
    /// The entity: a lexicon entry, or a date (type `.date`, id `date.<iso>`, name the ISO value).
    public var entity: LexiconEntity
    /// Position of the entity in ``Lexicon/entities``; nil for a date.
    public var lexiconIndex: Int?

    public init(range: Range<Int>, entity: LexiconEntity, lexiconIndex: Int?) {
        self.range = range
        self.entity = entity
        self.lexiconIndex = lexiconIndex
    }
}

/// Finds the lexicon's names and aliases, and dates, in one pass over the UTF-8 bytes of a text.
///
/// - Every name and alias is a path in one byte trie held in flat arrays. The scan classifies each byte with one
///   table look-up and skips the inside of words; at a word start, a bit set of the first two bytes of every name
///   (and date) rejects most words before the trie is walked. No string is built and nothing is allocated per
///   byte; the cost does not grow with the number of entries.
/// - Leftmost-longest: among the matches starting at the leftmost position the longest wins, and matching resumes
///   after it. "U.S. Senate" is one mention of the Senate, not of the U.S.; "US-Japan Security Treaty" is one
///   mention of the treaty, while "US-Japan security arrangement" gives "US" and "Japan".
/// - A match neither starts nor ends inside a word (see ``WordBoundary``): "Japan’s" and "Japan's" give "Japan";
///   "Japanese" gives nothing. Matching is exact and case-sensitive ("US", not "us").
/// - Dates come from the ``DateRecognizer`` in the same pass. When a name and a date start at the same place the
///   longer wins, the name on a tie. A date-shaped text that is not a real date is skipped whole.
///
/// The text should be normalised (NFC, single spaces), as the pipeline's sentence texts are.
public struct EntityMatcher: Sendable {
    public let lexicon: Lexicon

    /// The trie, flattened into one array of `Int32`:
    /// - `[0..<256]`: the root's transitions, by first byte (0 = none);
    /// - a node at offset `o`: `[o]` the index of the entity it completes or -1, `[o+1]` its child count `k`,
    ///   `[o+2 ..< o+2+k]` the child bytes in ascending order, `[o+2+k ..< o+2+2k]` the children's offsets.
    private let trie: [Int32]
    /// Per byte value: the flags below.
    private let byteClass: [UInt8]
    /// A bit per pair of first two bytes (65,536 bits) with which a name or a date may begin; checked before
    /// walking the trie, so most words are rejected with one look-up in an 8 KB table.
    private let startPairs: [UInt64]
    /// The entity of each form of `lexicon.forms` (a trie terminal is a form's position).
    let formEntity: [Int]
    /// The rule of each form of `lexicon.forms`, flat: -1 always a mention, -2 only beside the entity's full name,
    /// otherwise the entity whose mention it needs (see ``SurfaceForm/Rule``).
    let formRule: [Int32]
    /// Per entity of the lexicon: whether it is an ambiguous name (it has candidates).
    let isAmbiguous: [Bool]
    /// Whether any form is conditional or any name ambiguous: only then is a document's evidence weighed.
    let hasRules: Bool
    /// Whether capitalised words that are no English word are names (``UnlistedNames``). Off unless asked for: the
    /// normaliser turns it on for documents in English, and weighs the document's evidence before keeping them.
    public var unlistedNames = false
    /// Trie terminals from `formCount` on are head words of ``ProperNames`` (terminal - formCount is the head).
    private let formCount: Int32
    /// The type of the names each head word ends.
    private let headType: [EntityType]
    /// Per entity of the lexicon: whether it is a place (a compass word before it names another place).
    private let isPlace: [Bool]
    /// Per entity of the lexicon: whether a mention of it may define an acronym or give its initials (an
    /// organisation, instrument or event; see ``DocumentAliases``).
    private let definesShortForms: [Bool]

    /// An ASCII letter or digit.
    private static let word: UInt8 = 1
    /// A lead or continuation byte of a multi-byte character: its class is decided by decoding it.
    private static let nonASCII: UInt8 = 2
    /// A name starts with this byte.
    private static let nameStart: UInt8 = 4
    /// A date may start with this byte (a digit, or the initial of a month name).
    private static let dateStart: UInt8 = 8

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon

        // Build a pointer-free trie first (see `TrieBuilder`).
        var builder = TrieBuilder()
        var formBytes = 0
        for surface in lexicon.forms { formBytes += surface.text.utf8.count }
        builder.reserve(formBytes + 1)
        var pairs = [UInt64](repeating: 0, count: 1024)
        func allowPair(_ first: UInt8, _ second: UInt8?) {
            if let second {
                let x = Int(first) << 8 | Int(second)
                pairs[x >> 6] |= 1 << UInt64(x & 63)
            } else {
                for s in 0...255 { allowPair(first, UInt8(s)) }
            }
        }
        for (index, surface) in lexicon.forms.enumerated() {
            let utf8 = surface.text.utf8
            guard let first = utf8.first else { continue }
            let second = utf8.dropFirst().first
            allowPair(first, second)
            builder.insert(utf8, form: Int32(index))
        }
        // The head words of proper names come after the forms, so a lexicon form spelt like a head keeps its node.
        for (h, head) in ProperNames.heads.enumerated() {
            let utf8 = head.text.utf8
            allowPair(utf8.first!, utf8.dropFirst().first)
            builder.insert(utf8, form: Int32(lexicon.forms.count + h))
        }
        self.formCount = Int32(lexicon.forms.count)
        self.headType = ProperNames.heads.map(\.type)
        let nodeByte = builder.nodeByte, firstChild = builder.firstChild, nextSibling = builder.nextSibling
        let terminal = builder.terminal, rootChild = builder.rootChild

        // Flatten: the root table, then every other node (children already in ascending byte order).
        let nodeCount = nodeByte.count
        var childCount = [Int32](repeating: 0, count: nodeCount)
        for node in 1..<max(nodeCount, 1) {
            var child = firstChild[node]
            while child >= 0 { childCount[node] += 1; child = nextSibling[Int(child)] }
        }
        var offsets = [Int32](repeating: 0, count: nodeCount)
        var next = 256
        for node in 1..<max(nodeCount, 1) {
            offsets[node] = Int32(next)
            next += 2 + 2 * Int(childCount[node])
        }
        var flat = [Int32](repeating: 0, count: 256)
        flat.reserveCapacity(next)
        for node in 1..<max(nodeCount, 1) {
            flat.append(terminal[node])
            flat.append(childCount[node])
            var child = firstChild[node]
            while child >= 0 { flat.append(Int32(nodeByte[Int(child)])); child = nextSibling[Int(child)] }
            child = firstChild[node]
            while child >= 0 { flat.append(offsets[Int(child)]); child = nextSibling[Int(child)] }
        }

        var classes = [UInt8](repeating: 0, count: 256)
        for b in 0..<256 {
            let byte = UInt8(b)
            if byte >= 0x80 { classes[b] |= Self.nonASCII } else if WordBoundary.isASCIIWordByte(byte) { classes[b] |= Self.word }
        }
        for b in 0..<256 where rootChild[b] >= 0 {
            flat[b] = offsets[Int(rootChild[b])]
            classes[b] |= Self.nameStart
        }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") {
            classes[Int(b)] |= Self.dateStart
            allowPair(b, nil)
        }
        for month in ["Ja", "Fe", "Ma", "Ap", "Ju", "Au", "Se", "Oc", "No", "De"] {
            let m = Array(month.utf8)
            classes[Int(m[0])] |= Self.dateStart
            allowPair(m[0], m[1])
        }
        self.formEntity = lexicon.forms.map(\.entity)
        self.formRule = lexicon.forms.map { form -> Int32 in
            switch form.rule {
            case .always: return -1
            case .fullName: return -2
            case .evidence(let e): return Int32(e)
            }
        }
        var ambiguous = [Bool](repeating: false, count: lexicon.entities.count)
        for a in lexicon.candidates.keys { ambiguous[a] = true }
        self.isAmbiguous = ambiguous
        // One pass over the entities, reading only their types (a `map` over them copies each whole entity).
        var place = [Bool](repeating: false, count: lexicon.entities.count), shortForms = place
        lexicon.entities.withUnsafeBufferPointer { entities in
            for k in entities.indices {
                let type = entities[k].type
                place[k] = type == .place
                shortForms[k] = type == .organization || type == .legalInstrument || type == .event
            }
        }
        self.isPlace = place
        self.definesShortForms = shortForms
        self.hasRules = !lexicon.candidates.isEmpty || formRule.contains { $0 != -1 }
        self.trie = flat
        self.byteClass = classes
        self.startPairs = pairs
    }

    /// All mentions in `text`, in order, not overlapping.
    public func matches(in text: UnsafeBufferPointer<UInt8>) -> [EntityMatch] {
        var found: [Found] = []
        var aliases = DocumentAliases()
        find(in: text, into: &found, aliases: &aliases)
        return found.map { f in
            f.lexiconIndex >= 0
                ? EntityMatch(range: f.range, entity: lexicon.entities[f.lexiconIndex], lexiconIndex: f.lexiconIndex)
                : f.type.map { EntityMatch(range: f.range, entity: ProperNames.entity(name: f.iso, type: $0), lexiconIndex: nil) }
                    ?? EntityMatch(range: f.range, entity: LexiconEntity(isoDate: f.iso), lexiconIndex: nil)
        }
    }

    /// A mention as the scan finds it: the entity is a lexicon position, or a date's ISO value. Cheaper to pass
    /// around than an ``EntityMatch``, which carries a copy of the whole entity.
    struct Found {
        /// UTF-8 byte offsets into the text that was searched.
        var range: Range<Int>
        /// Position of the entity in ``Lexicon/entities``, or -1 for a date or a recognised name.
        var lexiconIndex: Int
        /// The date's ISO 8601 value, or the recognised name's text; empty for a lexicon entity.
        var iso: String
        /// Position of the surface form in ``Lexicon/forms``, or -1 for a date or a recognised name.
        var form: Int32 = -1
        /// For a proper name recognised by its head (see ``ProperNames``): its type; nil otherwise.
        var type: EntityType? = nil
    }

    /// Appends the mentions in `text` to `found`, in order, not overlapping. `aliases` are the short forms the
    /// document gave its names so far (see ``DocumentAliases``); those `text` gives are added.
    func find(in text: UnsafeBufferPointer<UInt8>, into found: inout [Found], aliases: inout DocumentAliases) {
        var namedInside: [Int] = []
        find(in: text, into: &found, aliases: &aliases, namedInside: &namedInside)
    }

    /// As above; `namedInside` gets the lexicon entries named only inside a longer name, whose mention that name
    /// replaced ("Mozambique" in "SADC Mission in Mozambique"): no mentions, but the document does name them, which
    /// is evidence for its conditional forms (see ``DocumentEvidence``).
    func find(in text: UnsafeBufferPointer<UInt8>, into found: inout [Found], aliases: inout DocumentAliases,
              namedInside: inout [Int]) {
        guard let p = text.baseAddress, !text.isEmpty else { return }
        let n = text.count
        trie.withUnsafeBufferPointer { trieBuffer in
            byteClass.withUnsafeBufferPointer { classBuffer in
                startPairs.withUnsafeBufferPointer { pairBuffer in
                    scan(p, n, trieBuffer.baseAddress!, classBuffer.baseAddress!, pairBuffer.baseAddress!,
                         base: found.count, into: &found, aliases: &aliases, namedInside: &namedInside)
                }
            }
        }
    }

    @inline(__always)
    private func scan(_ p: UnsafePointer<UInt8>, _ n: Int, _ t: UnsafePointer<Int32>, _ classes: UnsafePointer<UInt8>,
                      _ pairs: UnsafePointer<UInt64>, base: Int, into out: inout [Found],
                      aliases: inout DocumentAliases, namedInside: inout [Int]) {
        let starts = Self.nameStart | Self.dateStart
        var i = 0
        var previousIsWord = false
        // Whether the text reads as English, worked out at the first name of no known kind (see ``UnlistedNames``).
        var english: Bool? = nil
        while i < n {
            let b = p[i]
            let c = classes[Int(b)]
            if c == 0 {
                // ASCII that is neither in a word nor the start of a name or date: a space, most punctuation.
                i &+= 1
                previousIsWord = false
                continue
            }
            let isWord: Bool
            var length = 1
            if c & Self.nonASCII == 0 {
                isWord = c & Self.word != 0
            } else {
                let (v, len) = WordBoundary.decode(p, i, n)
                isWord = WordBoundary.isWordScalar(v)
                length = len
            }
            if c & starts != 0 && !(previousIsWord && isWord) {
                let pairOK: Bool
                if i &+ 1 < n {
                    let x = Int(b) << 8 | Int(p[i &+ 1])
                    pairOK = pairs[x >> 6] & (1 << UInt64(x & 63)) != 0
                } else {
                    pairOK = true
                }
                if pairOK, let end = matchAt(i, kind: c, p, n, t, base: base, into: &out, aliases: &aliases,
                                             namedInside: &namedInside) {
                    i = end
                    previousIsWord = WordBoundary.isWord(before: end, p, n)
                    continue
                }
            }
            if !previousIsWord && (b &- UInt8(ascii: "A") < 26 || c & Self.nonASCII != 0),
               let end = shortFormOrPerson(at: i, p, n, t, base: base, into: &out, aliases: &aliases, english: &english) {
                i = end
                previousIsWord = true
                continue
            }
            i &+= length
            previousIsWord = isWord
            if isWord {
                // The rest of an ASCII word: nothing can start inside it.
                i = WordBoundary.asciiWordEnd(p, i, n)
            }
        }
    }

    /// Convenience for tests and tools: the mentions in a string, with byte offsets into its UTF-8.
    public func matches(in text: String) -> [EntityMatch] {
        var copy = text
        return copy.withUTF8 { matches(in: $0) }
    }

    /// Tries a name and a date at `i` (which is not inside a word); appends the winner and returns where it ends.
    @inline(__always)
    private func matchAt(_ i: Int, kind: UInt8, _ p: UnsafePointer<UInt8>, _ n: Int, _ t: UnsafePointer<Int32>,
                         base: Int, into out: inout [Found], aliases: inout DocumentAliases,
                         namedInside: inout [Int]) -> Int? {
        var nameEnd = -1
        var nameEntity: Int32 = -1
        var headEnd = -1
        var head = -1
        if kind & Self.nameStart != 0 {
            var node = Int(t[Int(p[i])])
            var j = i + 1
            while true {
                let entity = t[node]
                if entity >= 0 && WordBoundary.canEnd(at: j, p, n) {
                    if entity < formCount {
                        nameEnd = j
                        nameEntity = entity
                    } else {
                        headEnd = j
                        head = Int(entity - formCount)
                    }
                }
                guard j < n else { break }
                let child = Self.child(of: node, byte: p[j], t)
                if child == 0 { break }
                node = child
                j += 1
            }
        }
        if kind & Self.dateStart != 0, let date = DateRecognizer.match(p, n, i), date.end > nameEnd {
            switch date {
            case .date(let end, let iso):
                out.append(Found(range: i..<end, lexiconIndex: -1, iso: iso))
            case .invalid:
                break
            }
            return date.end
        }
        if headEnd > nameEnd, let name = properName(head: i..<headEnd, p, n, t, base: base, out: out) {
            // The longest name wins: mentions found inside it ("Indian Ocean" in "Indian Ocean Rim Association") go.
            while out.count > base && out[out.count - 1].range.lowerBound >= name.lowerBound {
                let inner = out[out.count - 1]
                if inner.lexiconIndex >= 0 && inner.form >= 0 && formRule[Int(inner.form)] == -1 {
                    namedInside.append(inner.lexiconIndex)
                }
                out.removeLast()
            }
            let text = String(decoding: UnsafeBufferPointer(start: p + name.lowerBound, count: name.count), as: UTF8.self)
            out.append(Found(range: name, lexiconIndex: -1, iso: text, type: headType[head]))
            let target = DocumentAliases.Target(lexiconIndex: -1, name: text, type: headType[head])
            aliases.defineAcronym(after: name, target, p, n)
            if headType[head] != .place { aliases.defineInitials(of: name, target, p) }
            return name.upperBound
        }
        guard nameEnd >= 0 else { return nil }
        let entity = formEntity[Int(nameEntity)]
        if let start = ProperNames.compassStart(before: i, p, n), isPlace[entity],
           !(out.count > base && out[out.count - 1].range.upperBound > start) {
            // "East Pakistan", "South Vietnam": another place than the one named, without an id.
            let text = String(decoding: UnsafeBufferPointer(start: p + start, count: nameEnd - start), as: UTF8.self)
            out.append(Found(range: start..<nameEnd, lexiconIndex: -1, iso: text, type: .place))
            return nameEnd
        }
        let forms = formCount
        if isPlace[entity] && ProperNames.isInsideLongerName(i..<nameEnd, p, n, after: out.count > base ? out[out.count - 1].range.upperBound : -1,
                                                              startsName: { Self.startsName(at: $0, p, n, t, formCount: forms) }) {
            return nil
        }
        out.append(Found(range: i..<nameEnd, lexiconIndex: entity, iso: "", form: nameEntity))
        if definesShortForms[entity] {
            let target = DocumentAliases.Target(lexiconIndex: entity, name: "", type: nil)
            aliases.defineAcronym(after: i..<nameEnd, target, p, n)
            aliases.defineInitials(of: i..<nameEnd, target, p)
        }
        return nameEnd
    }

    /// At a capitalised word that starts no lexicon name: a short form the document defined, a person's name
    /// (see ``PersonNames``) or, when asked for, a name of no known kind (``UnlistedNames``; `english` is its
    /// verdict on the sentence, kept once made); appends it and returns where it ends.
    private func shortFormOrPerson(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ t: UnsafePointer<Int32>, base: Int,
                                   into out: inout [Found], aliases: inout DocumentAliases, english: inout Bool?) -> Int? {
        if !aliases.isEmpty, let a = aliases.match(at: i, p, n) {
            // A lexicon name left alone here (a place inside a longer name) is no short form either.
            guard !Self.startsName(at: i, p, n, t, formCount: formCount) else { return nil }
            out.append(Found(range: i..<a.end, lexiconIndex: a.target.lexiconIndex, iso: a.target.name, type: a.target.type))
            return a.end
        }
        guard ProperNames.isCapital(at: i, p, n) else { return nil }
        var wordEnd = WordBoundary.asciiWordEnd(p, i + 1, n)
        while wordEnd < n && WordBoundary.isWord(at: wordEnd, p, n) {
            wordEnd = WordBoundary.asciiWordEnd(p, wordEnd + WordBoundary.decode(p, wordEnd, n).length, n)
        }
        // Most capitalised words open a sentence and are followed by a word in lower case: no name, and no look-up.
        let forms = formCount
        guard wordEnd + 1 < n, p[wordEnd] == UInt8(ascii: " ") && (ProperNames.isCapital(at: wordEnd + 1, p, n)
                                                                    || PersonNames.isParticle(at: wordEnd + 1, p, n))
                || p[wordEnd] == UInt8(ascii: "-") || p[wordEnd] == UInt8(ascii: "."),
              let name = PersonNames.match(at: i, wordEnd: wordEnd, p, n, startsName: { Self.startsName(at: $0, p, n, t, formCount: forms) }),
              !Self.startsName(at: i, p, n, t, formCount: formCount)
        else {
            guard unlistedNames, let name = UnlistedNames.match(at: i, p, n, english: &english,
                                                                startsName: { Self.startsName(at: $0, p, n, t, formCount: forms) }),
                  !Self.startsName(at: i, p, n, t, formCount: formCount) else { return nil }
            let text = String(decoding: UnsafeBufferPointer(start: p + name.lowerBound, count: name.count), as: UTF8.self)
            out.append(Found(range: name, lexiconIndex: -1, iso: text, type: .name))
            return name.upperBound
        }
        let text = String(decoding: UnsafeBufferPointer(start: p + name.lowerBound, count: name.count), as: UTF8.self)
        out.append(Found(range: name, lexiconIndex: -1, iso: text, type: .person))
        if let family = PersonNames.familyName(of: name, p) {
            aliases.add(p, family.lowerBound, family.upperBound, DocumentAliases.Target(lexiconIndex: -1, name: text, type: .person),
                        .initials)
        }
        return name.upperBound
    }

    /// Whether a lexicon name (not a head word) starts at `start` and ends at a word boundary. (Static, with the
    /// form count passed in: a closure over `self` would copy the matcher, and retain each of its arrays, per call.)
    private static func startsName(at start: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ t: UnsafePointer<Int32>,
                                   formCount: Int32) -> Bool {
        guard start < n else { return false }
        var node = Int(t[Int(p[start])])
        var j = start + 1
        while node != 0 {
            let entity = t[node]
            if entity >= 0 && entity < formCount && WordBoundary.canEnd(at: j, p, n) { return true }
            guard j < n else { return false }
            node = Self.child(of: node, byte: p[j], t)
            j += 1
        }
        return false
    }

    /// The proper name around the head word at `head` (see ``ProperNames``), or nil. Mentions found before it in
    /// the same text (from `base` in `out`) may become part of it.
    private func properName(head: Range<Int>, _ p: UnsafePointer<UInt8>, _ n: Int, _ t: UnsafePointer<Int32>,
                            base: Int, out: [Found]) -> Range<Int>? {
        let forms = formCount
        return ProperNames.name(head: head, p, n, mentionBefore: { end in
            var k = out.count - 1
            while k >= base && out[k].range.upperBound > end { k -= 1 }
            guard k >= base, out[k].range.upperBound == end, out[k].lexiconIndex >= 0 || out[k].type != nil else { return nil }
            return out[k].range.lowerBound
        }, isName: { Self.startsName(at: $0, p, n, t, formCount: forms) })
    }

    /// The child of `node` on `byte`, or 0.
    @inline(__always)
    private static func child(of node: Int, byte: UInt8, _ t: UnsafePointer<Int32>) -> Int {
        let count = Int(t[node + 1])
        let bytes = node + 2
        let target = Int32(byte)
        if count <= 8 {
            for k in 0..<count {
                let c = t[bytes + k]
                if c == target { return Int(t[bytes + count + k]) }
                if c > target { return 0 }
            }
            return 0
        }
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let c = t[bytes + mid]
            if c == target { return Int(t[bytes + count + mid]) }
            if c < target { lo = mid + 1 } else { hi = mid }
        }
        return 0
    }
}

/// A trie under construction, free of pointers and of an allocation per node: per node its byte, its first child
/// and its next sibling (children kept in ascending byte order), in flat arrays. Node 0 is the root; its children
/// are found through `rootChild`. (A struct with mutating methods rather than closures over local arrays, so each
/// access is checked statically, not at run time.)
private struct TrieBuilder {
    var nodeByte: [UInt8] = [0]
    var firstChild: [Int32] = [-1]
    var nextSibling: [Int32] = [-1]
    /// The position in `Lexicon.forms` of the form a node completes, or -1.
    var terminal: [Int32] = [-1]
    var rootChild = [Int32](repeating: -1, count: 256)

    mutating func reserve(_ nodes: Int) {
        nodeByte.reserveCapacity(nodes)
        firstChild.reserveCapacity(nodes)
        nextSibling.reserveCapacity(nodes)
        terminal.reserveCapacity(nodes)
    }

    private mutating func newNode(_ b: UInt8, next: Int32) -> Int32 {
        nodeByte.append(b)
        firstChild.append(-1)
        nextSibling.append(next)
        terminal.append(-1)
        return Int32(nodeByte.count - 1)
    }

    /// Adds a non-empty form; the first form to end at a node keeps it.
    mutating func insert(_ bytes: String.UTF8View, form: Int32) {
        var node: Int32 = -1
        for b in bytes {
            if node < 0 {
                if rootChild[Int(b)] < 0 { rootChild[Int(b)] = newNode(b, next: -1) }
                node = rootChild[Int(b)]
                continue
            }
            // Find the child with byte `b`, or insert it where the ascending order puts it.
            var previous: Int32 = -1
            var child = firstChild[Int(node)]
            while child >= 0 && nodeByte[Int(child)] < b {
                previous = child
                child = nextSibling[Int(child)]
            }
            if child < 0 || nodeByte[Int(child)] != b {
                let new = newNode(b, next: child)
                if previous < 0 { firstChild[Int(node)] = new } else { nextSibling[Int(previous)] = new }
                child = new
            }
            node = child
        }
        if node >= 0 && terminal[Int(node)] < 0 { terminal[Int(node)] = form }
    }
}
