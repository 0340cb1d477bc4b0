import Foundation
import ScriptoriumModel

/// Proper names that no lexicon lists, recognised by their head noun: "Pact of Bogotá", "Peninsula Shield Force",
/// "Indian Ocean Rim Association", "Iran–Iraq War", "Al Udeid Air Base". A reader knows these are names from their
/// shape alone (capitalised words around a word such as Treaty, Council, Force or War), and no list of them can be
/// complete, so the lexicon's recall on new texts depends on recognising that shape.
///
/// Such a name never gets an id (nothing says which Wikidata item it is), so it can never be a wrong link. It is
/// typed by its head ("Treaty" → legal instrument, "Council" → organisation, "War" → event, "Air Base" → place),
/// and its entity id is made from the name itself, so the same name in several documents is one entity.
///
/// Shapes, found where the matcher meets a capitalised head word (one pass: the head words are in the matcher's
/// trie, and only around a head is anything looked at again):
/// - "X … Head": capitalised words before the head, joined by spaces, hyphens or en dashes ("Inter-American Peace
///   Force", "Iran–Iraq War"); a lexicon name among them becomes part of the longer name ("Indian Ocean Rim
///   Association" is one mention, not a mention of the Indian Ocean), as the longest name wins.
/// - "Head of X" (also "for", "on"): the head, the preposition, an optional "the", then capitalised words that may
///   be joined by "of", "the", "and", "for", "de" ("Treaty of Friendship and Cooperation", "Battle of the Coral
///   Sea"). An "and" joins only words that are not names of their own: "Council of Europe and NATO" stops before "and".
/// - Both: "Inter-American Treaty of Reciprocal Assistance".
///
/// Not names: a head alone ("the Treaty", "Council members"), a head in lower case, a word that begins a sentence
/// or clause and is never the first word of a name ("The", "In", "After", "When"…: "The Treaty of Rio" starts at
/// "Treaty" unless the lexicon has a name with "The"), a possessive ("Britain's Royal Navy" starts at "Royal"),
/// and a word joined by a hyphen to a lower-case one ("anti-Soviet Pact" gives nothing).
enum ProperNames {
    /// Head words with the type of the names they end. Two-word heads ("Air Base") are for heads whose last word
    /// alone names too much ("Base" in a software text).
    static let heads: [(text: String, type: EntityType)] = {
        let instruments = ["Treaty", "Pact", "Agreement", "Accord", "Accords", "Charter", "Convention", "Protocol",
                           "Declaration", "Covenant", "Communiqué", "Doctrine", "Act", "License", "Licence",
                           "Arrangements", "Resolution", "Plan"]
        let organisations = ["Alliance", "Organization", "Organisation", "Association", "Council", "Union",
                             "Community", "Commission", "Command", "Force", "Forces", "Fleet", "Army", "Navy",
                             "Air Force", "Marines", "Corps", "Coast Guard", "Guard", "League", "Ministry",
                             "Secretariat", "Committee", "Assembly", "Parliament", "Conclave", "Bloc", "Foundation",
                             "Institute", "Agency", "Bank", "Fund", "Court", "Movement", "Partnership", "Group",
                             "Quartet", "Quad", "Brigade", "Division", "Regiment", "Squadron", "Mission", "Architecture",
                             "Mechanism", "System", "Structure", "Cooperation", "Co-operation", "Front", "Center",
                             "Centre", "Commonwealth", "Panel", "Party", "Company", "Tribunal", "Office", "Survey",
                             // A group named by its number: "Shanghai Five", "Big Four".
                             "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twelve", "Twenty"]
        let events = ["War", "Wars", "Revolution", "Crisis", "Conference", "Summit", "Initiative", "Dialogue", "Battle",
                      "Siege", "Uprising", "Invasion", "Blockade", "Airlift", "Offensive", "Campaign", "Talks",
                      "Congress", "Games", "Olympics", "Massacre", "Incident", "Coup", "Spring", "Exercise",
                      "Operation"]
        let places = ["Air Base", "Naval Base", "Peninsula", "Archipelago", "Island", "Islands", "Atoll", "Strait",
                      "Straits", "Sea", "Ocean", "Gulf", "Bay", "River", "Canal", "Causeway", "Mountains", "Desert",
                      "Lake", "Valley", "Plateau", "Corridor", "Wall", "Cape", "Isthmus", "Channel", "Basin", "Peak",
                      "Pass", "Harbour", "Harbor", "Port", "Military Base", "Cosmodrome", "Gap", "Airfield",
                      "Airport", "Strip", "Heights", "Shoal", "Reef", "Shipyard", "Ridge", "Air Station", "Naval Station",
                      "Space Base", "Republic", "Federation", "Confederation", "Emirate", "Sultanate", "Principality",
                      // Also first, before the name: "Camp David", "Lake Prespa", "Mount Elbrus", "Fort Bragg".
                      "Camp", "Mount", "Fort"]
        return instruments.map { ($0, EntityType.legalInstrument) } + organisations.map { ($0, .organization) }
            + events.map { ($0, .event) } + places.map { ($0, .place) }
    }()

    /// Capitalised words that begin a sentence or clause and are never the first word of a name: a name found
    /// after one starts after it. (Compared with the word's bytes as written.)
    static let notNameWords = WordSet([
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "Without", "Within", "After", "Before",
        "When", "While", "Whilst", "Since", "During", "Under", "Over", "Both", "Each", "Every", "This", "That",
        "These", "Those", "Its", "It", "Their", "They", "His", "Her", "Our", "We", "Your", "My", "Why", "How",
        "What", "Which", "Who", "Whose", "Where", "Today", "Yesterday", "Later", "Then", "Now", "But", "And", "Or",
        "Nor", "As", "If", "Although", "Though", "Because", "Unlike", "Like", "Between", "Among", "Against",
        "Through", "Throughout", "Until", "Despite", "Some", "Many", "Most", "All", "No", "Neither", "Either", "Such",
        "Other", "Another", "Once", "Only", "Even", "Also", "Yet", "So", "Thus", "Hence", "However", "Meanwhile",
        "Instead", "Indeed", "Still", "Here", "There", "Upon", "Via", "Per", "Any", "Several", "Few",
        "Former", "Whether", "Unless", "Whereas", "Following", "Including", "See", "Note", "Use", "Using",
        "You", "He", "She",
        "Is", "Are", "Was", "Were", "Be", "Do", "Does", "Did", "Has", "Have", "Had", "Can", "May", "Must",
        "Should", "Will", "Would", "Could", "Not", "Let", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
        "Nine", "Ten", "One", "January", "February", "March", "April", "June", "July", "August",
        "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "Section", "Article", "Chapter", "Part", "Clause", "Paragraph", "Version",
    ])

    /// Prepositions that open the "Head of X" shape.
    static let prepositions = WordSet(["of", "for", "on"])
    /// Heads that name a presence somewhere, and the prepositions that may also open their object: "African Union
    /// Mission in Somalia", "Transit Center at Manas". (Other heads do not take "in": "the Council in Brussels".)
    static let placedHeads = WordSet(["Mission", "Center", "Centre"])
    static let placePrepositions = WordSet(["in", "at", "to"])
    /// Month and weekday names: never the first word of a name's object.
    static let calendarWords = WordSet(["January", "February", "March", "April", "May", "June", "July", "August",
                                        "September", "October", "November", "December", "Monday", "Tuesday",
                                        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
    /// Lower-case words that may join the capitalised words after the preposition.
    static let joiners = WordSet(["of", "the", "and", "for", "de", "del", "da", "do", "dos", "das", "la", "le", "y", "&"])

    private static let space = UInt8(ascii: " "), hyphen = UInt8(ascii: "-")

    /// The entity of a recognised name: its id is made from the name with diacritics folded, so "Pact of Bogotá"
    /// and "Pact of Bogota", or "Iran–Iraq War" and "Iran-Iraq War", are one entity across the dataset. No ids.
    ///
    /// The id qualified by the type, `ent.TYPE.SLUG`, is for when the plain one would stand for two entities: always
    /// for a name of no known kind (``UnlistedNames``), whose words may be a person's name elsewhere ("Syngman Rhee"
    /// after "President") or a lexicon key of another entity ("Micronesia" for the Federated States); and, with
    /// `qualified`, for a name whose plain id a lexicon entity of another type has. Lexicon keys are slugs, which
    /// hold no ".", so no key gives a qualified id.
    static func entity(name: String, type: EntityType, qualified: Bool = false) -> LexiconEntity {
        let folded = name.folding(options: [.diacriticInsensitive], locale: nil)
        guard qualified || type == .name else { return LexiconEntity(key: folded, name: name, type: type) }
        let key = type.rawValue + "." + RecordID.slug(folded)
        return LexiconEntity(id: "ent." + key, key: key, name: name, type: type, wikidata: nil, aliases: [], geonames: nil)
    }

    /// The name around the head word at `head` in the `n` bytes at `p`, or nil when the head stands alone.
    /// - `mentionBefore(end)`: the start of a mention already found that ends at byte `end` (and may be part of a
    ///   longer name), or nil.
    /// - `isName(start)`: whether a lexicon name begins at `start` (an "and" does not join it).
    static func name(head: Range<Int>, _ p: UnsafePointer<UInt8>, _ n: Int,
                     mentionBefore: (Int) -> Int?, isName: (Int) -> Bool) -> Range<Int>? {
        // "Resolution 1744": a numbered head is a name with its number ("Conflict Resolution" is none), and with
        // the capitalised words or names before it ("Security Council Resolution 1031").
        if numberedHeads.contains(p, head.lowerBound, head.upperBound) {
            var end = head.upperBound + 1
            guard end < n, p[head.upperBound] == space, WordBoundary.isDigit(p[end]) else { return nil }
            while end < n && WordBoundary.isDigit(p[end]) { end += 1 }
            guard !WordBoundary.isWord(at: end, p, n) else { return nil }
            return nameStart(before: head.lowerBound, p, n, mentionBefore: mentionBefore)..<end
        }
        // "Operation Desert Storm", "Exercise Talisman Sabre": the head comes first and the name after it.
        if leadingHeads.contains(p, head.lowerBound, head.upperBound) {
            var end = head.upperBound, words = 0
            while words < 3, end < n, p[end] == space, let next = capitalisedToken(at: end + 1, p, n) {
                end = next
                words += 1
            }
            if words > 0 && !isTitleCase(p, n) { return head.lowerBound..<end }
        }
        var start = nameStart(before: head.lowerBound, p, n, mentionBefore: mentionBefore)
        // "the October War", "the February Revolution": a month names an event after "the".
        if start == head.lowerBound, let month = monthBefore(head.lowerBound, p, n), type(ofHead: head, p) == .event {
            start = month
        }
        var end = head.upperBound
        // A licence is named "X License"; "License of the Program" is a defined term.
        if !isLicence(head, p) {
            end = nameEnd(after: head.upperBound, p, n, placed: placedHeads.contains(p, head.lowerBound, head.upperBound),
                          isName: isName)
            // "Fifth Fleet of the United States Navy" is two names: a name with words before its head does not
            // take an "of" object that is itself a name ending in a head of the same type ("Constitutive Act of the
            // African Union" is one: an instrument of an organisation; "South Asian Association for Regional
            // Cooperation" is one: "for" says what the body is for, not whose part it is).
            if start < head.lowerBound && end > head.upperBound, isOf(after: head.upperBound, p, n),
               let objectType = headType(endingAt: end, p, n), objectType == type(ofHead: head, p) {
                end = head.upperBound
            }
        }
        guard start < head.lowerBound || end > head.upperBound,
              end > head.upperBound || !isDeterminer(before: start, p, n) || isAttributive(end, p, n)
                || wordCount(start..<head.lowerBound, p) >= 3,
              !isQuoted(start..<end, p, n), !isTitleCase(p, n) else { return nil }
        return start..<end
    }

    /// Heads that name something only with a number after them.
    private static let numberedHeads = WordSet(["Resolution"])

    /// Heads that may come first, their name after them in capitals (a named operation or exercise).
    private static let leadingHeads = WordSet(["Operation", "Exercise", "Camp", "Lake", "Mount", "Fort"])

    /// Words before which a capitalised phrase ending in its head is a common noun phrase, not a name: "a
    /// Secondary License", "any Contributor Agreement", "this General Public License". ("a Treaty of Friendship"
    /// is still a name: its object says which.)
    static let determiners = WordSet(["a", "an", "any", "each", "every", "such", "no", "another", "some", "this",
                                      "these", "those", "either", "neither"])

    /// The words (space-separated) in `p[r]`. Three or more capitalised words before a head make a name even after
    /// a determiner ("a Continental Early Warning System"); "a Secondary License" has one.
    private static func wordCount(_ r: Range<Int>, _ p: UnsafePointer<UInt8>) -> Int {
        var count = 0
        for k in r where p[k] == space { count += 1 }
        return count
    }

    /// Whether the phrase ending at `end` modifies a noun after it ("a Royal Navy frigate"): the determiner then
    /// belongs to that noun, and the phrase is a name. A function word or a verb after it ("a Secondary License
    /// or", "a Patent License is") leaves the determiner to the phrase.
    private static func isAttributive(_ end: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard end < n, p[end] == space, let wordEnd = lowerWord(at: end + 1, p, n) else { return false }
        return !notNounWords.contains(p, end + 1, wordEnd)
    }

    private static let notNounWords = WordSet([
        "is", "are", "was", "were", "be", "been", "or", "and", "nor", "but", "that", "which", "who", "whom", "for",
        "to", "of", "in", "on", "with", "by", "as", "at", "from", "under", "than", "if", "shall", "may", "must",
        "will", "would", "can", "could", "should", "does", "do", "did", "has", "have", "had", "not", "means",
        "applies", "apply", "grants", "requires", "permits", "covers", "so", "then", "you", "it", "its", "the",
    ])

    private static func isDeterminer(before start: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard start >= 2, p[start - 1] == space else { return false }
        var s = start - 1
        while s > 0 && WordBoundary.isASCIIWordByte(p[s - 1]) { s -= 1 }
        guard s < start - 1, start - 1 - s <= 8, !WordBoundary.isWord(before: s, p, n) else { return false }
        return determiners.contains(p, s, start - 1, lowerFirst: true)  // "A Secondary License" begins a sentence
    }

    /// Whether the phrase is in quotation marks of its own: a term being defined or cited ("Secondary License" means…).
    private static func isQuoted(_ r: Range<Int>, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        func opening(_ i: Int) -> Bool {
            i >= 1 && p[i - 1] == UInt8(ascii: "\"") || i >= 3 && p[i - 3] == 0xE2 && p[i - 2] == 0x80 && p[i - 1] == 0x9C
        }
        func closing(_ j: Int) -> Bool {
            j < n && p[j] == UInt8(ascii: "\"") || j + 2 < n && p[j] == 0xE2 && p[j + 1] == 0x80 && p[j + 2] == 0x9D
        }
        return opening(r.lowerBound) && closing(r.upperBound)
    }

    /// Whether every word of the sentence that is not a short function word is capitalised: a label or a
    /// heading read as a sentence ("Grant of Copyright License."), where capitals say nothing about names.
    static func isTitleCase(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        var words = 0
        while i < n {
            guard WordBoundary.isWord(at: i, p, n), !WordBoundary.isWord(before: i, p, n) else { i += 1; continue }
            var j = i + 1
            while j < n && WordBoundary.isWord(at: j, p, n) { j += 1 }
            let b = p[i]
            if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") && !titleCaseFunctionWords.contains(p, i, j) {
                return false
            }
            words += 1
            i = j
        }
        return words >= 2
    }

    private static let titleCaseFunctionWords = WordSet(["of", "the", "and", "for", "on", "in", "to", "a", "an", "or",
                                                         "with", "by", "at"])

    private static func isLicence(_ head: Range<Int>, _ p: UnsafePointer<UInt8>) -> Bool {
        licences.contains(p, head.lowerBound, head.upperBound)
    }

    /// The type of the head word ending at `end`, if the word there is one.
    private static func headType(endingAt end: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> EntityType? {
        var s = end
        while s > 0 && p[s - 1] != space { s -= 1 }
        return lastWordType[Array(UnsafeBufferPointer(start: p + s, count: end - s))]
    }

    /// The type of the head at `head` (its last word's).
    private static func type(ofHead head: Range<Int>, _ p: UnsafePointer<UInt8>) -> EntityType? {
        var s = head.upperBound
        while s > head.lowerBound && p[s - 1] != space { s -= 1 }
        return lastWordType[Array(UnsafeBufferPointer(start: p + s, count: head.upperBound - s))]
    }

    /// The type of the names each head's last word ends (the first head listed with that word decides).
    private static let lastWordType: [[UInt8]: EntityType] = {
        var types: [[UInt8]: EntityType] = [:]
        for head in heads { types[Array(head.text.split(separator: " ").last!.utf8)] = types[Array(head.text.split(separator: " ").last!.utf8)] ?? head.type }
        return types
    }()

    /// Whether `p[i..<j]` is the last word of a head word ("Council", "Base").
    static func isHeadWord(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int) -> Bool { headWords.contains(p, i, j) }
    /// Whether `p[i..<j]` is a head of two words ("Air Base", "Coast Guard").
    static func isTwoWordHead(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int) -> Bool { twoWordHeads.contains(p, i, j) }
    private static let twoWordHeads = WordSet(heads.map(\.text).filter { $0.contains(" ") })

    /// The last words of the head words.
    private static let headWords = WordSet(heads.map { String($0.text.split(separator: " ").last!) })
    private static let licences = WordSet(["License", "Licence"])

    /// The start of "North", "South", "East" or "West" written as its own word just before `i` (with one space):
    /// before a place name it makes the name of another place ("East Pakistan", "West Berlin", "South Vietnam"),
    /// which the lexicon's place must not be linked for. (The adjectives "Eastern", "Northern"… describe a part
    /// of the place instead: "Eastern Ukraine" is Ukraine.)
    static func compassStart(before i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard i >= 5, p[i - 1] == space, p[i - 2] == UInt8(ascii: "t") || p[i - 2] == UInt8(ascii: "h") else { return nil }
        let s = p[i - 2] == UInt8(ascii: "t") ? i - 5 : i - 6  // East, West; North, South
        guard s >= 0, compassWords.contains(p, s, i - 1), !WordBoundary.isWord(before: s, p, n) else { return nil }
        return s
    }

    private static let compassWords = WordSet(["North", "South", "East", "West"])

    // MARK: Before the head

    /// Where the name starts: the head's start, moved back over capitalised words and earlier mentions.
    static func nameStart(before h: Int, _ p: UnsafePointer<UInt8>, _ n: Int, mentionBefore: (Int) -> Int?) -> Int {
        var start = h
        var joinedByAnd = false
        while start > 0 {
            let separator = separatorLength(before: start, p)
            guard separator > 0, start - separator > 0 else { break }
            let wordEnd = start - separator
            if let m = mentionBefore(wordEnd) {
                start = m
                continue
            }
            guard let wordStart = capitalisedWord(endingAt: wordEnd, p, n),
                  !notNameWords.contains(p, wordStart, wordEnd)
            else {
                // A hyphenated word whose first part is not a name word: "anti-Soviet Pact" is no name.
                if p[wordEnd] != space { return h }
                // "Belt and Road Initiative", "Peace and Security Council": one "and" between two capitalised
                // words that are no names of their own ("Kenya and Uganda Police Force" stays "Uganda Police Force").
                // The "and" needs a word between it and the head ("Authors and Group" is none), and the word
                // before it is in lower case after its capital ("OpenSSL and Secure Channel" is none).
                if !joinedByAnd, start < h, let before = andStart(endingAt: wordEnd, p), before >= 2, p[before - 1] == space,
                   mentionBefore(before - 1) == nil, let s = capitalisedWord(endingAt: before - 1, p, n),
                   (s + 1..<before - 1).allSatisfy({ !(p[$0] >= UInt8(ascii: "A") && p[$0] <= UInt8(ascii: "Z")) }),
                   !notNameWords.contains(p, s, before - 1) {
                    joinedByAnd = true
                    start = s
                    continue
                }
                // "201st Military Base", "7th Fleet": an ordinal opens the name.
                if let s = ordinalStart(endingAt: wordEnd, p, n) { start = s }
                break
            }
            start = wordStart
        }
        return start
    }

    /// Whether " of " follows `e`.
    private static func isOf(after e: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        e + 3 < n && p[e] == space && p[e + 1] == UInt8(ascii: "o") && p[e + 2] == UInt8(ascii: "f") && p[e + 3] == space
    }

    /// The start of a month's name that ends one space before `h` and follows "the ", or nil.
    private static func monthBefore(_ h: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard h >= 2, p[h - 1] == space, let s = capitalisedWord(endingAt: h - 1, p, n), calendarWords.contains(p, s, h - 1),
              s >= 4, p[s - 1] == space, p[s - 2] == UInt8(ascii: "e"), p[s - 3] == UInt8(ascii: "h"),
              p[s - 4] == UInt8(ascii: "t") || p[s - 4] == UInt8(ascii: "T"), s == 4 || !WordBoundary.isWord(before: s - 4, p, n)
        else { return nil }
        return s
    }

    /// The start of the word "and" ending at `end`, or nil.
    private static func andStart(endingAt end: Int, _ p: UnsafePointer<UInt8>) -> Int? {
        guard end >= 3, p[end - 3] == UInt8(ascii: "a"), p[end - 2] == UInt8(ascii: "n"), p[end - 1] == UInt8(ascii: "d"),
              end == 3 || !WordBoundary.isASCIIWordByte(p[end - 4]) else { return nil }
        return end - 3
    }

    /// The start of an ordinal number ending at `end` ("201st", "7th", "2nd", "3rd"), or nil.
    private static func ordinalStart(endingAt end: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard end >= 3 else { return nil }
        let suffix = (p[end - 2], p[end - 1])
        guard suffix == (UInt8(ascii: "s"), UInt8(ascii: "t")) || suffix == (UInt8(ascii: "n"), UInt8(ascii: "d"))
                || suffix == (UInt8(ascii: "r"), UInt8(ascii: "d")) || suffix == (UInt8(ascii: "t"), UInt8(ascii: "h"))
        else { return nil }
        var s = end - 2
        while s > 0 && WordBoundary.isDigit(p[s - 1]) { s -= 1 }
        guard s < end - 2, s == 0 || !WordBoundary.isWord(before: s, p, n) else { return nil }
        return s
    }

    /// Whether the lexicon place `p[r]` is only part of a longer name that no lexicon lists, and so no mention of
    /// that place: joined by a hyphen to a capitalised word that is no name ("Karshi-Khanabad"; "US-Japan" is two
    /// names), or after "da", "de", "do"… and a capitalised word ("Mocímboa da Praia"). (Before a head noun the
    /// longer name is found anyway: "Suwałki Gap", "Shanghai Five".) `after` is where the mention before it ends (-1 if none); `startsName(k)` says whether a
    /// lexicon name starts at `k`.
    static func isInsideLongerName(_ r: Range<Int>, _ p: UnsafePointer<UInt8>, _ n: Int, after: Int,
                                   startsName: (Int) -> Bool) -> Bool {
        let i = r.lowerBound, e = r.upperBound
        if i >= 2 && p[i - 1] == hyphen && after != i - 1, let s = capitalisedWord(endingAt: i - 1, p, n),
           !combiningForms.contains(p, s, i - 1) {
            return true
        }
        if e + 1 < n && p[e] == hyphen && isCapital(at: e + 1, p, n) && !startsName(e + 1) { return true }
        if i >= 2 && p[i - 1] == space {
            var s = i - 1
            while s > 0 && p[s - 1] >= UInt8(ascii: "a") && p[s - 1] <= UInt8(ascii: "z") { s -= 1 }
            if s >= 2, s < i - 1, p[s - 1] == space, particles.contains(p, s, i - 1),
               capitalisedWord(endingAt: s - 1, p, n) != nil {
                return true
            }
        }
        return false
    }

    /// Capitalised first parts of compounds with a place ("Indo-Pacific", "Pan-Africa", "Anti-America").
    private static let combiningForms = WordSet(["Anti", "Pro", "Pan", "Trans", "Sino", "Euro", "Afro", "Indo", "Russo",
                                                 "Anglo", "Franco", "Non", "Post", "Pre", "Mid", "Ex", "Inter", "Intra"])
    private static let particles = WordSet(["da", "de", "do", "dos", "das", "del", "di", "du"])

    /// The bytes of a space, a hyphen or an en dash just before `i`; 0 for anything else.
    @inline(__always)
    private static func separatorLength(before i: Int, _ p: UnsafePointer<UInt8>) -> Int {
        let b = p[i - 1]
        if b == space || b == hyphen { return 1 }
        if i >= 3 && b == 0x93 && p[i - 2] == 0x80 && p[i - 3] == 0xE2 { return 3 }  // –
        return 0
    }

    /// The start of the word ending at `end` when it begins with a capital letter (A–Z, or a Latin capital with
    /// a diacritic) and is preceded by no word character; nil otherwise.
    private static func capitalisedWord(endingAt end: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var s = end
        while s > 0 && WordBoundary.isWord(before: s, p, n) {
            s -= 1
            while s > 0 && p[s] & 0xC0 == 0x80 { s -= 1 }
        }
        guard s < end, isCapital(at: s, p, n) else { return nil }
        // "Britain’s": the word before an apostrophe is not a word of a name here.
        if s > 0 && (p[s - 1] == UInt8(ascii: "'") || (s >= 3 && p[s - 1] == 0x99 && p[s - 2] == 0x80 && p[s - 3] == 0xE2)) {
            return nil
        }
        return s
    }

    @inline(__always)
    static func isCapital(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let b = p[i]
        if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { return true }
        guard b >= 0xC3 && b <= 0xC5 else { return false }
        // Latin-1 and Latin Extended-A capitals (Á, Ç, Ł, Ś, Ż…): upper case are U+00C0–U+00DE and the even code
        // points of U+0100–U+017F, with a few odd exceptions that do not start English-prose names.
        let (v, _) = WordBoundary.decode(p, i, n)
        if v >= 0xC0 && v <= 0xDE { return v != 0xD7 }
        if v >= 0x100 && v <= 0x17F { return v & 1 == 0 }
        return false
    }

    // MARK: After the head

    /// Where the name ends: after the head, or after "of"/"for"/"on" and the capitalised words that follow.
    static func nameEnd(after e: Int, _ p: UnsafePointer<UInt8>, _ n: Int, placed: Bool = false,
                        isName: (Int) -> Bool) -> Int {
        guard e < n, p[e] == space else { return e }
        var k = e + 1
        guard let prepositionEnd = lowerWord(at: k, p, n),
              prepositions.contains(p, k, prepositionEnd) || placed && placePrepositions.contains(p, k, prepositionEnd),
              prepositionEnd < n, p[prepositionEnd] == space else { return e }
        k = prepositionEnd + 1
        if let theEnd = lowerWord(at: k, p, n), the.contains(p, k, theEnd),
           theEnd < n, p[theEnd] == space {
            k = theEnd + 1
        }
        // A month or a weekday after the preposition is a date, not the object of a name ("the Agreement of April
        // 2014", "Congress on January 5").
        guard var last = capitalisedToken(at: k, p, n), !calendarWords.contains(p, k, last) else { return e }
        // More capitalised words, or a joiner and a capitalised word.
        while last < n && p[last] == space {
            let next = last + 1
            if let end = capitalisedToken(at: next, p, n) {
                last = end
                continue
            }
            guard let joinerEnd = lowerWord(at: next, p, n) ?? ampersand(at: next, p, n),
                  joiners.contains(p, next, joinerEnd), joinerEnd < n, p[joinerEnd] == space else { break }
            var after = joinerEnd + 1
            if !the.contains(p, next, joinerEnd), let theEnd = lowerWord(at: after, p, n),
               the.contains(p, after, theEnd), theEnd < n, p[theEnd] == space {
                after = theEnd + 1
            }
            guard let end = capitalisedToken(at: after, p, n) else { break }
            if and.contains(p, next, joinerEnd) && (isName(after) || isName(lastTokenStart(before: last, p, n))) {
                break
            }
            last = end
        }
        return listEnd(after: last, p, n, isName: isName) ?? last
    }

    /// The end of a list that continues an object, or nil: ", Capitalised words" once or more, then "(,) and
    /// Capitalised words" ("Treaty of Friendship, Cooperation and Mutual Assistance"). No item may be a name of its
    /// own ("Council of Europe, Japan and Korea" is three names), and a list that ends without "and" is none.
    private static func listEnd(after last: Int, _ p: UnsafePointer<UInt8>, _ n: Int, isName: (Int) -> Bool) -> Int? {
        var k = last, items = 0
        while k + 2 < n && p[k] == UInt8(ascii: ",") && p[k + 1] == space {
            var item = k + 2
            if let andEnd = lowerWord(at: item, p, n), and.contains(p, item, andEnd), andEnd < n, p[andEnd] == space {
                item = andEnd + 1
                return items > 0 ? capitalisedWords(at: item, p, n, isName: isName) : nil
            }
            guard let end = capitalisedWords(at: item, p, n, isName: isName) else { return nil }
            k = end
            items += 1
        }
        guard items > 0, k + 5 < n, p[k] == space, let andEnd = lowerWord(at: k + 1, p, n), and.contains(p, k + 1, andEnd),
              andEnd < n, p[andEnd] == space else { return nil }
        return capitalisedWords(at: andEnd + 1, p, n, isName: isName)
    }

    /// The end of one or more capitalised words in lower case after their capital ("Mutual Assistance", not an
    /// acronym) at `i`, separated by single spaces, none of them starting a name.
    private static func capitalisedWords(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int, isName: (Int) -> Bool) -> Int? {
        func word(_ k: Int) -> Int? {
            guard k + 1 < n, !(p[k + 1] >= UInt8(ascii: "A") && p[k + 1] <= UInt8(ascii: "Z")), !isName(k) else { return nil }
            return capitalisedToken(at: k, p, n)
        }
        guard var end = word(i) else { return nil }
        while end + 1 < n && p[end] == space, let next = word(end + 1) { end = next }
        return end
    }

    /// The end of the lower-case ASCII word at `i`, or nil.
    private static func lowerWord(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var j = i
        while j < n && p[j] >= UInt8(ascii: "a") && p[j] <= UInt8(ascii: "z") { j += 1 }
        guard j > i, !WordBoundary.isWord(at: j, p, n) else { return nil }
        return j
    }

    private static func ampersand(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        i < n && p[i] == UInt8(ascii: "&") ? i + 1 : nil
    }

    /// The end of a capitalised token at `i`: a word starting with a capital, continued over hyphens and en dashes
    /// joining further word characters ("Co-operation", "al-Batin" inside "Hafar al-Batin" is reached by the caller).
    private static func capitalisedToken(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard i < n, isCapital(at: i, p, n), !WordBoundary.isWord(before: i, p, n) else { return nil }
        var j = wordEnd(from: i, p, n)
        while j < n {
            let joint = p[j] == hyphen ? 1 : (j + 2 < n && p[j] == 0xE2 && p[j + 1] == 0x80 && p[j + 2] == 0x93 ? 3 : 0)
            guard joint > 0, WordBoundary.isWord(at: j + joint, p, n) else { break }
            j = wordEnd(from: j + joint, p, n)
        }
        return j
    }

    /// The start of the space-separated token ending at `end`.
    private static func lastTokenStart(before end: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var s = end
        while s > 0 && p[s - 1] != space { s -= 1 }
        return s
    }

    @inline(__always)
    private static func wordEnd(from i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var j = i
        while j < n && WordBoundary.isWord(at: j, p, n) {
            j += p[j] < 0x80 ? 1 : WordBoundary.decode(p, j, n).length
        }
        return j
    }

    private static let the = WordSet(["the"]), and = WordSet(["and"])
}

/// A set of words looked up by a byte range without making an array: a word of up to eight bytes is packed into
/// one integer (no word has a zero byte, so the packing is exact); a longer one is compared as bytes.
struct WordSet: Sendable {
    private var short: Set<UInt64> = []
    private var long: Set<[UInt8]> = []

    init(_ words: [String]) {
        for w in words {
            let u = Array(w.utf8)
            if u.count <= 8 { short.insert(Self.pack(u.withUnsafeBufferPointer { $0.baseAddress! }, 0, u.count)) } else { long.insert(u) }
        }
    }

    /// Whether the bytes `p[i..<j]` are one of the words; with `lowerFirst`, the first byte is read in lower case.
    func contains(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int, lowerFirst: Bool = false) -> Bool {
        guard j > i else { return false }
        if j - i <= 8 {
            var key = Self.pack(p, i, j)
            if lowerFirst { key |= 0x20 }
            return short.contains(key)
        }
        var word = Array(UnsafeBufferPointer(start: p + i, count: j - i))
        if lowerFirst { word[0] |= 0x20 }
        return long.contains(word)
    }

    @inline(__always)
    static func pack(_ p: UnsafePointer<UInt8>, _ i: Int, _ j: Int) -> UInt64 {
        var key: UInt64 = 0
        for k in i..<j { key |= UInt64(p[k]) << UInt64(8 * (k - i)) }
        return key
    }
}
