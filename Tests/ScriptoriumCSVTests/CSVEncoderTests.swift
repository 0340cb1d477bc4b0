import CSV
import Foundation
import ScriptoriumTestSupport
import Testing
@testable import ScriptoriumCSV

@Suite struct CSVEncoderTests {
    static let awkward = ["plain", "with, comma", "with \"quotes\"", "line\nbreak", "cr\r\nlf", "", "  spaced  ",
                          "emoji 😀 and ’typographic’", "trailing quote\""]

    @Test func quotesOnlyWhenNeeded() {
        var e = CSVEncoder()
        e.row(["a", "b,c", "say \"hi\""])
        #expect(String(decoding: e.bytes, as: UTF8.self) == "a,\"b,c\",\"say \"\"hi\"\"\"\r\n")
        #expect(e.rows == 1)
    }

    /// An independent RFC 4180 parser (yaslab/CSV.swift) reads back exactly what was written.
    @Test func independentParserReadsBackEveryAwkwardValue() throws {
        var e = CSVEncoder()
        e.row(["id", "value"])
        for (i, v) in Self.awkward.enumerated() { e.row(["r\(i)", v]) }
        let reader = try CSVReader(string: String(decoding: e.bytes, as: UTF8.self), hasHeaderRow: true)
        var values: [String] = []
        while let row = reader.next() { values.append(row[1]) }
        #expect(values == Self.awkward)
    }

    @Test func ownReaderRoundTrips() throws {
        var e = CSVEncoder()
        for v in Self.awkward { e.row([v, "x"]) }
        let rows = try ScriptoriumCSV.CSVReader.rows(e.bytes)
        #expect(rows.map { $0[0] } == Self.awkward)
        #expect(rows.allSatisfy { $0.count == 2 })
    }

    @Test func ownReaderRejectsBrokenQuoting() {
        #expect(throws: (any Error).self) { try ScriptoriumCSV.CSVReader.rows(Array("a,\"open\n".utf8)) }
        #expect(throws: (any Error).self) { try ScriptoriumCSV.CSVReader.rows(Array("a,\"x\"y\n".utf8)) }
    }

    @Test func integersAndEmptyOptionals() {
        var e = CSVEncoder()
        e.field(0); e.field(7); e.field(12345); e.field(-3); e.field(String?.none); e.endRow()
        #expect(String(decoding: e.bytes, as: UTF8.self) == "0,7,12345,-3,\r\n")
    }

    @Test func quotingDecisionAgreesWithAByteByByteScan() {
        var rng = SplitMix64(seed: 0x4353_5645) // seeded: a failure can be repeated
        let clean: [UInt8] = Array("abcdefghij klmnop’é".utf8)
        let special: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D]
        for length in 0..<40 {
            for _ in 0..<50 {
                // Mostly clean, so that the one special byte falls anywhere in the eight-byte words, or is absent.
                let bytes = (0..<length).map { _ in
                    Int.random(in: 0..<40, using: &rng) == 0 ? special.randomElement(using: &rng)! : clean.randomElement(using: &rng)!
                }
                let expected = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                #expect(bytes.withUnsafeBufferPointer(CSVEncoder.needsQuotes) == expected, "\(bytes)")
            }
        }
    }

    @Test func integersMatchSwiftsOwnFormatting() {
        var rng = SplitMix64(seed: 0x4353_5645) // seeded: a failure can be repeated
        var values = [0, 9, 10, 99, 100, -1, -10, Int.max, Int.min]
        for _ in 0..<500 { values.append(Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0..<63, using: &rng)) }
        var e = CSVEncoder()
        for v in values { e.field(v) }
        e.endRow()
        #expect(String(decoding: e.bytes, as: UTF8.self) == values.map(String.init).joined(separator: ",") + "\r\n")
    }
}

@Suite struct DataPackageTests {
    @Test func tableSchemasHaveKeysAndResolvableForeignKeys() throws {
        let names = Set(DatasetTables.all.map(\.name))
        #expect(names == ["documents", "sections", "blocks", "sentences", "entities", "mentions"])
        for table in DatasetTables.all {
            #expect(table.header.first == "id")
            for fk in table.foreignKeys {
                #expect(names.contains(fk.table), "\(table.name).\(fk.field)")
                #expect(table.header.contains(fk.field))
            }
        }
    }

    @Test func packageJSONDescribesEveryTable() throws {
        let meta = ScriptoriumModelFixture.dataset
        let tables = DatasetTables.all.map { ($0, PayloadFixture.file($0.path)) }
        let json = DataPackage.json(dataset: meta, tables: tables, otherFiles: [PayloadFixture.file("tei/a.xml")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let resources = try #require(object["resources"] as? [[String: Any]])
        #expect(resources.count == 7)
        let sentences = try #require(resources.first { $0["name"] as? String == "sentences" })
        let schema = try #require(sentences["schema"] as? [String: Any])
        #expect(schema["primaryKey"] as? [String] == ["id"])
        #expect((schema["foreignKeys"] as? [Any])?.count == 2)
        #expect(sentences["hash"] as? String == "sha256:" + String(repeating: "0", count: 64))
    }
}
