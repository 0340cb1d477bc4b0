import ScriptoriumModel

/// `index.html`: the dataset's landing page, for people and for search engines. It says what the dataset is
/// (title, description, licence, authors, how to cite), what it holds (record counts; every document with its
/// reading view, source, TEI and JSON-LD; every table with its columns and how to load it in pandas, DuckDB and
/// R) and how to check it (fixity). Its `<script type="application/ld+json">` is the schema.org `Dataset` of
/// `dataset.jsonld`, the same bytes but for an inline context (`JSONLDWriter.dataset(…, embedded: true)`), made
/// safe for the element by `scriptSafeJSON`. Pure: values in, bytes out; nothing in it is fetched.
public enum LandingPage {
    public struct Document: Sendable {
        public var record: DocumentRecord
        /// The reading view's path relative to `data/` (`html/essay.html`).
        public var page: String
        /// Its other files (source copy, TEI, JSON-LD), relative to `data/`.
        public var files: [DocumentFile]
        public init(record: DocumentRecord, page: String, files: [DocumentFile]) {
            self.record = record
            self.page = page
            self.files = files
        }
    }

    public static func page(dataset: DatasetMetadata, documents: [Document], tables: [TableSummary], files: Int,
                            jsonld: [UInt8]) -> [UInt8] {
        var out = HTMLBytes(capacity: 16384 + jsonld.count + documents.count * 400)
        PageStyle.head(&out, title: dataset.title, language: "en")
        out.attribute("<meta name=\"description\" content=\"", dataset.description, "\">\n<script type=\"application/ld+json\">\n")
        out.raw(scriptSafeJSON(jsonld))
        out.text("</script>\n</head>\n<body>\n<header>\n<h1>", dataset.title, "</h1>\n<p>")
        out.text(dataset.description)
        out.raw("</p>\n<p class=\"meta\">")
        if !dataset.creators.isEmpty {
            out.text("By ", dataset.creators.joined(separator: ", "), " · ")
        }
        out.raw("Published by ")
        out.text(dataset.publisher)
        if let date = dataset.publicationDate {
            out.raw(", ")
            out.text(date)
        }
        out.text(" · version ", dataset.version, " · licence ")
        if dataset.licenseURL.isEmpty {
            out.text(dataset.license)
        } else {
            out.raw("<a rel=\"license\" href=\"")
            out.attribute(dataset.licenseURL)
            out.text("\">", dataset.license, "</a>")
        }
        if !dataset.keywords.isEmpty {
            out.raw(" · ")
            out.text(dataset.keywords.joined(separator: ", "))
        }
        out.raw("</p>\n</header>\n<main>\n")
        cite(&out, dataset)
        counts(&out, documents: documents.count, tables: tables, files: files)
        documentTable(&out, documents)
        tableSection(&out, tables)
        fixity(&out)
        out.text("</main>\n<footer><p>Written by ", ScriptoriumInfo.name, " ")
        out.text(ScriptoriumInfo.version)
        out.raw(". The machine-readable description of this page is <a href=\"dataset.jsonld\">dataset.jsonld</a>; the package as an RO-Crate, <a href=\"ro-crate-metadata.json\">ro-crate-metadata.json</a>.</p></footer>\n</body>\n</html>\n")
        return out.finish()
    }

    private static func cite(_ out: inout HTMLBytes, _ dataset: DatasetMetadata) {
        out.raw("<h2 id=\"cite\">How to cite</h2>\n<p>")
        out.text(dataset.creators.isEmpty ? dataset.publisher : dataset.creators.joined(separator: ", "))
        if let date = dataset.publicationDate {
            out.text(" (", String(date.prefix(4)), ")")
        }
        out.text(". <cite>", dataset.title, "</cite>. Version ")
        out.text(dataset.version)
        out.text(". ", dataset.publisher, ". <code>")
        out.text(dataset.baseIRI)
        out.raw("</code></p>\n<p>A record is cited by its id, which is the same in every file: a sentence's place in its document's reading view is <code>html/DOCUMENT.html#</code> and its id.</p>\n")
    }

    private static func counts(_ out: inout HTMLBytes, documents: Int, tables: [TableSummary], files: Int) {
        out.raw("<h2 id=\"contents\">Contents</h2>\n<p>")
        out.int(documents)
        out.raw(documents == 1 ? " document, " : " documents, ")
        out.int(files)
        out.raw(" files. Records per table:</p>\n<table>\n<thead><tr><th>table</th><th>records</th><th>what a record is</th></tr></thead>\n<tbody>\n")
        for table in tables {
            out.raw("<tr><td><a href=\"#table-")
            out.attribute(table.name)
            out.text("\">", table.name, "</a></td><td>")
            out.int(table.rows)
            out.text("</td><td>", table.description, "</td></tr>\n")
        }
        out.raw("</tbody>\n</table>\n")
    }

    private static func link(_ out: inout HTMLBytes, _ path: String, _ label: String) {
        out.attribute("<a href=\"", RelativeURL.reference(to: path, up: false), "\">")
        out.text(label)
        out.raw("</a>")
    }

    private static func documentTable(_ out: inout HTMLBytes, _ documents: [Document]) {
        out.raw("<h2 id=\"documents\">Documents</h2>\n<table>\n<thead><tr><th>document</th><th>id</th><th>characters</th><th>files</th></tr></thead>\n<tbody>\n")
        for d in documents {
            out.raw("<tr><td><a href=\"")
            out.attribute(RelativeURL.reference(to: d.page, up: false))
            out.text("\">", d.record.title, "</a></td><td><code>")
            out.text(d.record.id)
            out.raw("</code></td><td>")
            out.int(d.record.codePointCount)
            out.raw("</td><td>")
            for (k, file) in d.files.enumerated() {
                if k > 0 { out.raw(" · ") }
                link(&out, file.path, file.label)
            }
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody>\n</table>\n")
    }

    private static func tableSection(_ out: inout HTMLBytes, _ tables: [TableSummary]) {
        out.raw("<h2 id=\"tables\">Tables</h2>\n<p>CSV (RFC 4180, UTF-8, a header row), described with their types and keys in <a href=\"datapackage.json\">datapackage.json</a> (Frictionless).</p>\n")
        for table in tables {
            out.attribute("<h3 id=\"table-", table.name, "\"><a href=\"")
            out.attribute(RelativeURL.reference(to: table.path, up: false))
            out.text("\">", table.path, "</a></h3>\n<p>")
            out.text(table.description)
            out.raw("</p>\n<table>\n<thead><tr><th>column</th><th>meaning</th></tr></thead>\n<tbody>\n")
            for column in table.columns {
                out.text("<tr><td><code>", column.name, "</code></td><td>")
                out.text(column.description)
                out.raw("</td></tr>\n")
            }
            out.raw("</tbody>\n</table>\n<pre><code>")
            let name = table.name, path = table.path
            out.text("# pandas\nimport pandas as pd\n\(name) = pd.read_csv(\"\(path)\")\n")
            out.text("-- DuckDB\nSELECT * FROM '\(path)' LIMIT 10;\n")
            out.text("# R\n\(name) <- read.csv(\"\(path)\", encoding = \"UTF-8\")\nhead(\(name))\n")
            out.raw("</code></pre>\n")
        }
    }

    private static func fixity(_ out: inout HTMLBytes) {
        out.raw("""
        <h2 id="fixity">Checking the files</h2>
        <p>This folder is the payload of a BagIt bag: the folder above it holds <code>manifest-sha256.txt</code> with every file's SHA-256. In that folder:</p>
        <pre><code>sha256sum -c manifest-sha256.txt
        bagit.py --validate .
        scriptorium verify .</code></pre>
        <p>Each also appears, with its size and media type, in <a href="manifest.json">manifest.json</a>, <a href="datapackage.json">datapackage.json</a> and <a href="ro-crate-metadata.json">ro-crate-metadata.json</a>.</p>

        """)
    }
}
