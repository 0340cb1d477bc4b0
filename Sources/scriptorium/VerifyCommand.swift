import ArgumentParser
import Foundation
import ScriptoriumBag

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the fixity of a built dataset: every checksum, every missing or extra file.",
        discussion: "Exit status 0 when every file matches its manifest; 1 when any file is modified, missing or extra, or the folder is not a bag.")

    @Argument(help: "The dataset folder (a BagIt bag).")
    var directory = "output"

    func run() throws {
        try reportingErrors {
            let report = try BagVerifier.verify(bag: URL(fileURLWithPath: directory))
            try reportFindings(report.findings.map(\.description), in: directory,
                               failed: "\(report.findings.count) problem(s) in \(report.filesChecked) checked files",
                               ok: "ok: \(report.filesChecked) files match their checksums")
        }
    }
}
