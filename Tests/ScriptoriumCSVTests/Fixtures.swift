import ScriptoriumModel

enum ScriptoriumModelFixture {
    static let dataset = DatasetMetadata(id: "test", title: "Test", description: "A test dataset", license: "CC-BY-4.0",
                                         licenseURL: "https://creativecommons.org/licenses/by/4.0/", creators: ["A. Tester"],
                                         publisher: "Tests", version: "1.0.0", keywords: ["k"],
                                         baseIRI: "https://example.org/test/", modified: nil)
}

enum PayloadFixture {
    static func file(_ path: String) -> PayloadFile {
        PayloadFile(path: path, bytes: 10, sha256: String(repeating: "0", count: 64), mediaType: "text/csv", format: "csv", records: 1)
    }
}
