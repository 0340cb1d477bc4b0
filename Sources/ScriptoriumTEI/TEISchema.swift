/// The project's own RELAX NG schema for the TEI it writes: `scriptorium-tei.rng` in this target, a real `.rng`
/// file that editors and RELAX NG tools open as such.
///
/// It is compiled into the binary as a SwiftPM resource with `.embedInCode` (Package.swift): the schema travels
/// inside the binary and needs no bundle lookup at run time (a `scriptorium` binary copied elsewhere still finds it).
/// The pipeline writes `bytes` into every bag beside the TEI files, as `fileName` (`data/tei/scriptorium-tei.rng`),
/// where each TEI document's `<?xml-model?>` and `schemaRef` point, so users can run
/// `xmllint --noout --relaxng scriptorium-tei.rng *.xml` or `jing scriptorium-tei.rng *.xml` on the bag alone.
/// The tests check that libxml2 compiles it, that what the writer produces is valid against it and, where
/// jing and the TEI schemas are installed, that jing accepts it and that the same documents are valid `tei_all`.
public enum TEISchema {
    /// The file name the schema is published under, next to the TEI documents (they refer to it relatively).
    public static let fileName = "scriptorium-tei.rng"

    /// The schema as UTF-8 bytes, exactly the file's, for writing into the bag.
    public static var bytes: [UInt8] { PackageResources.scriptorium_tei_rng }

    /// The schema text (RELAX NG, XML syntax).
    public static let text = String(decoding: PackageResources.scriptorium_tei_rng, as: UTF8.self)
}
