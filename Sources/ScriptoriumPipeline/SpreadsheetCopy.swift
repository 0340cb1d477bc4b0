import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumModel

/// Copies of a dataset's tables for people who open CSV in a spreadsheet.
///
/// A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return) is read by Excel, LibreOffice and
/// Google Sheets as a formula, and a formula can fetch URLs or run commands ("CSV injection"). The dataset's own
/// tables keep every text exactly as the source has it, since that is their contract with pandas, R, DuckDB and
/// the offsets; these copies are for spreadsheets instead: each such cell is prefixed with an apostrophe, which
/// spreadsheets take as "text, not a formula" (the OWASP recommendation), and each file starts with a UTF-8 byte
/// order mark, which Excel needs to read UTF-8. They are written outside the bag and are not part of it.
public enum SpreadsheetCopy {
    /// Cells guarded, per table.
    public typealias Counts = [(table: String, guarded: Int)]

    /// True when a spreadsheet would read `cell` as a formula.
    public static func isRisky(_ cell: String) -> Bool {
        guard let first = cell.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    }

    /// Writes the six tables of the dataset at `bag` into the folder `output` (created if needed; only the
    /// table files are written there).
    public static func write(bag: URL, to output: URL) throws -> Counts {
        let data = bag.appendingPathComponent("data")
        var counts: Counts = []
        var copies: [(String, [UInt8])] = []
        for table in DatasetTables.all {
            let url = data.appendingPathComponent(table.path)
            let bytes: [UInt8]
            do {
                bytes = try RegularFile.bytes(at: url.path)
            } catch {
                throw ScriptoriumError(.dataset, path: url.path, error.isMissing ? "missing: is \(bag.path) a Scriptorium dataset?" : "\(error)")
            }
            let rows: [[String]]
            do {
                rows = try CSVReader.rows(bytes)
            } catch {
                throw ScriptoriumError(.dataset, path: url.path, "not RFC 4180 CSV (\(error))")
            }
            var encoder = CSVEncoder(capacity: bytes.count + bytes.count / 64 + 3)
            var guarded = 0
            for row in rows {
                encoder.row(row.map { cell in
                    guard isRisky(cell) else { return cell }
                    guarded += 1
                    return "'" + cell
                })
            }
            counts.append((table.name, guarded))
            copies.append(("\(table.name).csv", [0xEF, 0xBB, 0xBF] + encoder.bytes))
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            for (name, bytes) in copies { try Data(bytes).write(to: output.appendingPathComponent(name), options: .atomic) }
        } catch {
            throw ScriptoriumError(.output, path: output.path, "cannot write the copies (\(ErrorReason.of(error)))")
        }
        return counts
    }
}
