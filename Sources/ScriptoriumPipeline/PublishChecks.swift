import Foundation
import ScriptoriumHTML
import ScriptoriumJSONLD
import ScriptoriumModel

/// `validate`'s checks of the files for publishing: every HTML page (the landing page and the reading views)
/// passes `HTMLCheck` and links only to files in the bag or to the web; the landing page's embedded JSON-LD is
/// the description in `dataset.jsonld` (the same JSON, but for the context, which the page has inline); each
/// reading view holds an element for every sentence of its document, with the sentence's id; and every file the
/// RO-Crate lists with a size and hash has that size and hash, and every file of the payload is in it.
enum PublishChecks {
    /// Every `.html` file of the payload, and `index.html` and `ro-crate-metadata.json`, which must be there.
    static func check(data: URL, inventory: PayloadInventory, malformedJSON: Set<String>) -> [DatasetProblem] {
        var problems: [DatasetProblem] = []
        for path in inventory.paths where path.hasSuffix(".html") && !path.hasPrefix(OutputLayout.sourceFolder + "/") {
            guard let bytes = DatasetValidator.payload(data, path, problems: &problems) else { continue }
            // A reading view's own syntax and ids are its format's check (`HTMLFormat.check`); here, its links.
            problems += page(path, bytes, inventory: inventory, syntax: !path.hasPrefix(HTMLFormat.folder + "/"))
        }
        if inventory[OutputLayout.landingPagePath] == nil { problems.append(DatasetProblem(.fileMissing, OutputLayout.landingPagePath, "missing")) }
        problems += landingJSONLD(data, malformedJSON: malformedJSON)
        if !malformedJSON.contains(OutputLayout.roCratePath) { problems += roCrate(data, inventory: inventory) }
        return problems
    }

    /// One page: its syntax (unless its format checks it), and every link that stays in the bag leads to a file
    /// of it.
    static func page(_ path: String, _ bytes: [UInt8], inventory: PayloadInventory, syntax: Bool = true) -> [DatasetProblem] {
        let report = HTMLCheck.check(bytes)
        var problems = syntax ? report.problems.map { DatasetProblem(.htmlInvalid, path, $0) } : []
        let folder = path.split(separator: "/").dropLast().map(String.init)
        for link in report.links where !link.hasPrefix("https://") && !link.hasPrefix("http://") {
            let target = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            var parts = folder
            for segment in (target.removingPercentEncoding ?? String(target)).split(separator: "/") {
                if segment == ".." { if parts.popLast() == nil { parts = ["/.."]; break } } else if segment != "." { parts.append(String(segment)) }
            }
            let resolved = parts.joined(separator: "/")
            if inventory[resolved] == nil { problems.append(DatasetProblem(.htmlBrokenLink, path, "a link to \(link), which is not a file of the bag")) }
        }
        return problems
    }

    /// The landing page's JSON-LD and `dataset.jsonld` hold the same JSON but for `@context`.
    static func landingJSONLD(_ data: URL, malformedJSON: Set<String>) -> [DatasetProblem] {
        let page = OutputLayout.landingPagePath, datasetPath = OutputLayout.datasetJSONLDPath
        guard !malformedJSON.contains(datasetPath),
              let pageBytes = try? RegularFile.bytes(at: data.appendingPathComponent(page).path),
              let datasetBytes = try? RegularFile.bytes(at: data.appendingPathComponent(datasetPath).path),
              var described = try? JSONSerialization.jsonObject(with: Data(datasetBytes)) as? [String: Any] else { return [] }
        let blocks = HTMLCheck.check(pageBytes).jsonld
        guard blocks.count == 1 else { return [DatasetProblem(.htmlDatasetMismatch, page, "\(blocks.count) JSON-LD blocks, expected one (the dataset)")] }
        if let problem = JSONSyntax.firstProblem(in: blocks[0]) {
            return [DatasetProblem(.jsonSyntax, page, "the embedded JSON-LD, line \(problem.line) column \(problem.column): \(problem.message)")]
        }
        guard var embedded = try? JSONSerialization.jsonObject(with: Data(blocks[0])) as? [String: Any] else {
            return [DatasetProblem(.htmlDatasetMismatch, page, "the embedded JSON-LD is not a JSON object")]
        }
        embedded["@context"] = nil
        described["@context"] = nil
        return NSDictionary(dictionary: embedded).isEqual(to: described) ? []
            : [DatasetProblem(.htmlDatasetMismatch, page, "the embedded JSON-LD does not describe the dataset as \(datasetPath) does")]
    }

    /// Every `File` of the RO-Crate with a `contentSize` and `sha256` has them, and every payload file but the
    /// RO-Crate's own is one of its data entities.
    static func roCrate(_ data: URL, inventory: PayloadInventory) -> [DatasetProblem] {
        let path = OutputLayout.roCratePath
        var problems: [DatasetProblem] = []
        guard let bytes = DatasetValidator.payload(data, path, problems: &problems) else { return problems }
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let graph = root["@graph"] as? [[String: Any]] else { return [DatasetProblem(.rocrateMalformed, path, "not a JSON object with an @graph")] }
        var listed = Set<[UInt8]>()
        for entity in graph {
            guard let id = entity["@id"] as? String, entity["@type"] as? String == "File" else { continue }
            let file = id.removingPercentEncoding ?? id
            listed.insert(PathOrder.key(file))
            guard let actual = inventory[file] else {
                problems.append(DatasetProblem(.rocrateMissingFile, path, "\(file) is not in the bag"))
                continue
            }
            if let size = entity["contentSize"] as? String, size != String(actual.bytes) {
                problems.append(DatasetProblem(.rocrateSizeMismatch, file, "\(actual.bytes) bytes, \(path) says \(size)", expected: size, found: String(actual.bytes)))
            }
            if let hash = entity["sha256"] as? String, hash != actual.sha256 {
                problems.append(DatasetProblem(.rocrateHashMismatch, file, "sha256 differs from \(path)", expected: hash, found: actual.sha256))
            }
        }
        for file in inventory.paths where !PathOrder.same(file, path) && !listed.contains(PathOrder.key(file)) {
            problems.append(DatasetProblem(.rocrateUnlistedFile, file, "not listed in \(path)"))
        }
        return problems
    }
}
