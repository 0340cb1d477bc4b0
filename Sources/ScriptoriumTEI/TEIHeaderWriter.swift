import ScriptoriumModel

/// Writes the `teiHeader` of a document: what it is (title, authors), who publishes it and under what licence
/// (the dataset), where it comes from (the source file, its path, SHA-256 and size), what wrote it (scriptorium and
/// its version, the schema it follows) and its language.
struct TEIHeaderWriter {
    let dataset: DatasetMetadata

    func write(_ document: DocumentRecord, language: String, into tree: XMLTree) {
        let header = tree.element("teiHeader", in: tree.root, container: true)
        writeFileDesc(document, into: tree, header)
        writeEncodingDesc(into: tree, header)
        writeProfileDesc(document, language: language, into: tree, header)
    }

    private func writeFileDesc(_ document: DocumentRecord, into tree: XMLTree, _ header: XMLTree.Node) {
        let fileDesc = tree.element("fileDesc", in: header, container: true)

        let titleStmt = tree.element("titleStmt", in: fileDesc, container: true)
        tree.element("title", text: document.title, in: titleStmt)
        for creator in document.creators {
            tree.element("author", text: creator, in: titleStmt)
        }

        let publicationStmt = tree.element("publicationStmt", in: fileDesc, container: true)
        tree.element("publisher", text: dataset.publisher, in: publicationStmt)
        let datasetID = tree.element("idno", text: dataset.id, in: publicationStmt)
        tree.attribute("type", "dataset", on: datasetID)
        let availability = tree.element("availability", in: publicationStmt, container: true)
        let (licenceName, licenceURL) = licence(of: document)
        let licence = tree.element("licence", text: licenceName, in: availability)
        if let licenceURL { tree.attribute("target", licenceURL, on: licence) }
        if let modified = dataset.modified, !modified.isEmpty {
            let date = tree.element("date", in: publicationStmt)
            tree.attribute("when", modified, on: date)
        }

        let sourceDesc = tree.element("sourceDesc", in: fileDesc, container: true)
        let bibl = tree.element("bibl", in: sourceDesc, container: true)
        tree.element("title", text: document.title, in: bibl)
        let path = tree.element("idno", text: document.source, in: bibl)
        tree.attribute("type", "path", on: path)
        let sha = tree.element("idno", text: asciiLowercased(document.sourceSHA256), in: bibl)
        tree.attribute("type", "sha256", on: sha)
        let extent = tree.element("extent", in: bibl)
        let bytes = tree.element("measure", in: extent)
        tree.attribute("unit", "byte", on: bytes)
        tree.attribute("quantity", String(document.byteCount), on: bytes)
        let codePoints = tree.element("measure", in: extent)
        tree.attribute("unit", "codepoint", on: codePoints)
        tree.attribute("quantity", String(document.codePointCount), on: codePoints)
    }

    private func writeEncodingDesc(into tree: XMLTree, _ header: XMLTree.Node) {
        let encodingDesc = tree.element("encodingDesc", in: header, container: true)
        let schemaRef = tree.element("schemaRef", in: encodingDesc)
        tree.attribute("type", "customisation", on: schemaRef)
        tree.attribute("url", TEISchema.fileName, on: schemaRef)
        let appInfo = tree.element("appInfo", in: encodingDesc, container: true)
        let application = tree.element("application", in: appInfo)
        tree.attribute("ident", ScriptoriumInfo.name, on: application)
        tree.attribute("version", ScriptoriumInfo.version, on: application)
        tree.element("label", text: ScriptoriumInfo.name, in: application)
        let ptr = tree.element("ptr", in: application)
        tree.attribute("target", ScriptoriumInfo.homepage, on: ptr)
    }

    private func writeProfileDesc(_ document: DocumentRecord, language: String, into tree: XMLTree,
                                  _ header: XMLTree.Node) {
        let profileDesc = tree.element("profileDesc", in: header, container: true)
        let langUsage = tree.element("langUsage", in: profileDesc, container: true)
        let lang = tree.element("language", in: langUsage)
        tree.attribute("ident", language, on: lang)
        if let description = document.description, !description.isEmpty {
            let abstract = tree.element("abstract", in: profileDesc, container: true)
            tree.element("p", text: description, in: abstract)
        }
    }

    /// The licence's name and URL: the dataset's, unless the document names a different licence of its own
    /// (whose URL is then known only if the document gives the licence as a URL).
    private func licence(of document: DocumentRecord) -> (name: String, url: String?) {
        let own = document.license
        if own.isEmpty || own == dataset.license {
            return (dataset.license, dataset.licenseURL.isEmpty ? nil : dataset.licenseURL)
        }
        let isURL = own.hasPrefix("https://") || own.hasPrefix("http://")
        return (own, isURL ? own : nil)
    }

    private func asciiLowercased(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
