/// The word lists the sentence splitter consults at a candidate boundary, looked up on raw UTF-8 bytes.
///
/// Lookups happen only at a candidate boundary: where a full stop is followed by a space and a word (about once
/// per sentence), so a hash of the byte slice checked against the stored bytes is plenty fast, and nothing is
/// allocated on the lookup path.

/// How an abbreviation that is followed by a space and a capitalised word (or a number) behaves.
enum AbbreviationKind: UInt8, Sendable {
    /// A title before a name ("Mr. Dulles", "Gen. MacArthur", "St. Paul's", "Mt. Aso"): when written with a
    /// capital it never ends a sentence before a capitalised word or a number.
    case title
    /// Takes a number ("No. 5", "Art. 9", "pp. 12", "N°. 1026"): no boundary before a number; before a
    /// capitalised word it is an ordinary word and ends the sentence.
    case number
    /// Only ever inside a sentence ("e.g.", "i.e.", "cf.", "vs.", "approx."): never a boundary.
    case midSentence
    /// "etc.": no boundary before a number, a boundary before any capitalised word.
    case etCetera
    /// "a.m." and "p.m.": a boundary before a capitalised word unless the sentence so far is only an introductory
    /// time phrase ("At 9 a.m. Ambassador Sebald arrived ...").
    case time
    /// Anything else ("Co.", "Inc.", "Jr.", "Jan."): a boundary before a capitalised word only when that word
    /// typically begins a sentence ("Co. The firm built ...", but "Co. Ltd"); none before a number.
    case general
}

/// A small open-addressing hash table from byte strings to a value, built once.
struct AbbreviationWordTable<Value: Sendable>: Sendable {
    private let keys: [[UInt8]]
    private let values: [Value]
    /// Index + 1 into `keys`, 0 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    init(_ entries: [(String, Value)]) {
        var size = 16
        while size < entries.count * 4 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        var keys: [[UInt8]] = []
        var values: [Value] = []
        for (word, value) in entries {
            let bytes = Array(word.utf8)
            var slot = Int(truncatingIfNeeded: AbbreviationWordTable.hash(bytes)) & (size - 1)
            var duplicate = false
            while slots[slot] != 0 {
                if keys[Int(slots[slot]) - 1] == bytes { duplicate = true; break }
                slot = (slot + 1) & (size - 1)
            }
            if duplicate { continue }
            keys.append(bytes)
            values.append(value)
            slots[slot] = Int32(keys.count)
        }
        self.keys = keys
        self.values = values
        self.slots = slots
        self.mask = size - 1
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// Looks up `p[from..<to]`, with ASCII upper-case letters folded to lower case when `foldCase` is set
    /// (the stored keys must then be lower-case).
    func lookup(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, foldCase: Bool) -> Value? {
        let count = to - from
        if count <= 0 || count > 16 { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in from..<to {
            var b = p[k]
            if foldCase && b &- 0x41 < 26 { b |= 0x20 }
            h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
        }
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let index = Int(slots[slot])
            if index == 0 { return nil }
            let key = keys[index - 1]
            if key.count == count {
                var same = true
                for k in 0..<count {
                    var b = p[from + k]
                    if foldCase && b &- 0x41 < 26 { b |= 0x20 }
                    if b != key[k] { same = false; break }
                }
                if same { return values[index - 1] }
            }
            slot = (slot + 1) & mask
        }
    }
}

/// An abbreviation entry: its kind, and whether it counts only when written with a capital (so that the
/// ordinary words "sat", "sun", "wed", "mar" are not taken for days and months).
struct AbbreviationEntry: Sendable {
    var kind: AbbreviationKind
    var needsCapital: Bool
}

enum AbbreviationList {
    /// Keys are lower-case, without the final full stop; internal full stops are kept ("e.g", "a.m").
    static let table: AbbreviationWordTable<AbbreviationEntry> = {
        var entries: [(String, AbbreviationEntry)] = []
        func add(_ kind: AbbreviationKind, _ words: String, needsCapital: Bool = false) {
            for w in words.split(separator: " ") {
                entries.append((String(w), AbbreviationEntry(kind: kind, needsCapital: needsCapital)))
            }
        }
        add(.title, """
            mr mrs ms mme mlle messrs dr drs prof profs gen gens sen sens rep reps gov govs lt lieut col capt cmdr \
            comdr cdr sgt maj adm brig cpl pvt rev hon st ste mt ft pres supt insp det amb atty fr rt msgr
            """)
        add(.number, """
            no nos nr art arts pp vol vols fig figs ch chap chs sec secs para paras pt pts ref refs eq eqs tab app \
            ex ill ca n° nº
            """)
        add(.midSentence, "e.g i.e cf viz vs approx incl esp resp a.k.a w.r.t")
        add(.etCetera, "etc")
        add(.time, "a.m p.m")
        add(.general, """
            co corp inc ltd llc plc bros jr sr esq al dept depts govt est assn assoc univ natl intl mfg \
            jan feb apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri \
            ave blvd rd hwy sq op cit ibid seq ed eds trans
            """)
        add(.general, "mar mon wed sat sun", needsCapital: true)
        return AbbreviationWordTable(entries)
    }()

    /// Capitalised words that typically begin a sentence: pronouns, determiners, conjunctions, prepositions,
    /// auxiliaries and sentence adverbs. After an ambiguous abbreviation ("U.S.", "Co.", an initial) such a word
    /// signals a new sentence ("the U.S. How long will it last?"), while any other capitalised word is taken for a name
    /// ("the U.S. Senate", "Harry S. Truman"). Matched case-sensitively on the word's ASCII letters.
    static let sentenceStarters: AbbreviationWordTable<Bool> = {
        let words = """
            A An The This That These Those It Its He She They We I You His Her Their Our My Your Them There Here \
            What When Where Why How Who Which Whose Whom Whether If In On At By For From With Without Within After \
            Before During Since Until As But And Or Nor So Yet Then Thus Hence Therefore However Moreover \
            Furthermore Nevertheless Nonetheless Meanwhile Instead Still Also Although Though While Whereas \
            Because Once Unlike Despite Between Among Through Throughout Against Into Upon Today Now Later \
            Finally Indeed Yes No Not None Some Many Most Much More Few All Both Each Every Either Neither Such \
            Other Others Another Any Is Are Was Were Be Been Do Does Did Can Could Will Would Should Shall May \
            Might Must Has Have Had Let Please Perhaps Even Only Just Often Sometimes Similarly Likewise \
            Accordingly Consequently Additionally Overall Otherwise Rather Again Already Never Always Yesterday \
            Tomorrow Ultimately Initially Eventually Recently Currently Notably Specifically Besides Regardless \
            Whatever Whenever Wherever Everyone Everything Nothing Someone Something Nobody Everybody Somebody
            """
        return AbbreviationWordTable(words.split(separator: " ").map { (String($0), true) })
    }()

    /// Lower-case words that typically continue a sentence after an abbreviation ("etc. and", "Corp. in",
    /// "e.g. the", "No. of"). After a full stop, a lower-case word opens a new sentence only when the word
    /// before is an ordinary word and the word after is none of these: they guard against the abbreviations no
    /// list has ("dir. and", "Calif. in"), while a program's or a function's name ("gzip", "malloc") is never one.
    static let continuationWords: AbbreviationWordTable<Bool> = {
        let words = "and or nor but of in on at to for from with by as than the a an is are was were be"
        return AbbreviationWordTable(words.split(separator: " ").map { (String($0), true) })
    }()

    /// Abbreviated units that follow a number ("3 in. wide", "10 min. later", "5 lbs. of flour"). Only after a
    /// number are they abbreviations: "in" and "mo" are ordinary words elsewhere.
    static let unitsAfterNumber: AbbreviationWordTable<Bool> = {
        let words = "in ft yd mi lb lbs oz gal qt pt hr hrs min mins sec secs yr yrs mo mos wk wks"
        return AbbreviationWordTable(words.split(separator: " ").map { (String($0), true) })
    }()

    /// Lower-case prepositions that open an introductory time phrase ("At 5 a.m.", "By 10 p.m.").
    static let timePrepositions: AbbreviationWordTable<Bool> = {
        let words = "at by from until till after before around about since on between near past"
        return AbbreviationWordTable(words.split(separator: " ").map { (String($0), true) })
    }()
}
