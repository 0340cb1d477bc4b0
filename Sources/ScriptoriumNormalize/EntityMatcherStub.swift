// TEMPORARY: replaced by the lexicon branch's EntityMatcher.
import Foundation
import ScriptoriumModel
public struct LexiconEntity: Sendable, Equatable { public var id: String; public var key: String; public var name: String; public var type: EntityType; public var wikidata: String?; public var aliases: [String] }
public struct EntityMatch: Sendable, Equatable { public var range: Range<Int>; public var entity: LexiconEntity }
public struct EntityMatcher: Sendable { public init() {}; public func matches(in text: UnsafeBufferPointer<UInt8>) -> [EntityMatch] { [] } }
public struct Lexicon: Sendable { public var entities: [LexiconEntity] = []; public static let empty = Lexicon(); public init() {}; public init(contentsOf url: URL) throws {} }
extension EntityMatcher { public init(lexicon: Lexicon) { self.init() } }
