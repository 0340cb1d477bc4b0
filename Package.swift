// swift-tools-version:6.0
// Scriptorium: prose documents in, a validated and checksummed open dataset out.
// Stages depend one way only: Model <- Extract/Normalize/Validate <- writers (CSV, TEI, JSON-LD, HTML) <- Bag <- Pipeline <- CLI.
// ScriptoriumText (byte-level text: ASCII classes, eight-bytes-at-a-time masks, UTF-8 checks, white space) sits below
// the stages that read text.
// ScriptoriumJSON (a byte-level JSON emitter) sits beside the model for every writer of JSON.
import PackageDescription

let package = Package(
    name: "Scriptorium",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scriptorium", targets: ["scriptorium"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .target(name: "ScriptoriumModel", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "ScriptoriumJSON", dependencies: ["ScriptoriumText"]),
        // Vector scans of text in C (SSE2 where available), each behind a safe API of ScriptoriumText.
        .target(name: "CTextScan"),
        .target(name: "ScriptoriumText", dependencies: ["CTextScan"]),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CPathExchange"),
        // glibc's malloc tuning that Swift cannot reach: fewer arenas under a virtual-memory limit.
        .target(name: "CMallocArenas"),
        // libxml2's allocator: a per-thread bump arena while one TEI document is built, validated and written.
        .target(name: "CXMLArena", dependencies: ["CLibXML2"]),
        .target(name: "ScriptoriumExtract", dependencies: ["ScriptoriumModel", "ScriptoriumText"]),
        // The default lexicon and gazetteer (generated data, Tools/gazetteer), compiled in with C23 #embed.
        .target(name: "CDefaultLexicon", exclude: ["default-lexicon.tsv"]),
        .target(name: "ScriptoriumNormalize", dependencies: ["ScriptoriumModel", "ScriptoriumExtract", "CDefaultLexicon"]),
        .target(name: "ScriptoriumValidate", dependencies: ["ScriptoriumModel", "ScriptoriumText"]),
        .target(name: "ScriptoriumCSV", dependencies: ["ScriptoriumModel", "ScriptoriumJSON"]),
        // The RELAX NG schema is a real .rng file, compiled into the binary (no bundle to find at run time).
        .target(name: "ScriptoriumTEI", dependencies: ["ScriptoriumModel", "CLibXML2", "CXMLArena"],
                resources: [.embedInCode("scriptorium-tei.rng")]),
        .target(name: "ScriptoriumJSONLD", dependencies: ["ScriptoriumModel", "ScriptoriumJSON"]),
        // The landing page and a reading view per document, and their checker (no libxml2: bytes in, bytes out).
        .target(name: "ScriptoriumHTML", dependencies: ["ScriptoriumModel", "ScriptoriumJSON", "ScriptoriumText"]),
        .target(name: "ScriptoriumBag", dependencies: [
            "ScriptoriumModel", "ScriptoriumJSON",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "ScriptoriumPipeline", dependencies: [
            "ScriptoriumModel", "ScriptoriumText", "ScriptoriumExtract", "ScriptoriumNormalize", "ScriptoriumValidate",
            "ScriptoriumCSV", "ScriptoriumTEI", "ScriptoriumJSONLD", "ScriptoriumHTML", "ScriptoriumBag", "CPathExchange",
            "CMallocArenas",
        ]),
        .executableTarget(name: "scriptorium", dependencies: [
            "ScriptoriumPipeline", "ScriptoriumExtract",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Shared by the tests only: a seeded random generator for property and fuzz tests.
        .target(name: "ScriptoriumTestSupport", path: "Tests/ScriptoriumTestSupport"),
        .testTarget(name: "ScriptoriumModelTests", dependencies: ["ScriptoriumTestSupport", "ScriptoriumModel", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ScriptoriumTextTests", dependencies: ["ScriptoriumText"]),
        .testTarget(name: "ScriptoriumExtractTests", dependencies: ["ScriptoriumTestSupport", "ScriptoriumExtract", "ScriptoriumText"]),
        .testTarget(name: "ScriptoriumNormalizeTests", dependencies: ["ScriptoriumTestSupport", "ScriptoriumNormalize", "ScriptoriumExtract"]),
        .testTarget(name: "ScriptoriumValidateTests", dependencies: ["ScriptoriumValidate"]),
        .testTarget(name: "ScriptoriumCSVTests", dependencies: [
            "ScriptoriumTestSupport", "ScriptoriumCSV", "ScriptoriumModel", .product(name: "CSV", package: "CSV.swift"),
        ]),
        .testTarget(name: "ScriptoriumTEITests", dependencies: ["ScriptoriumTestSupport", "ScriptoriumTEI", "CLibXML2", "CXMLArena"]),
        .testTarget(name: "ScriptoriumJSONLDTests", dependencies: ["ScriptoriumTestSupport", "ScriptoriumJSONLD", "ScriptoriumJSON"]),
        .testTarget(name: "ScriptoriumBagTests", dependencies: ["ScriptoriumBag"]),
        .testTarget(name: "ScriptoriumHTMLTests", dependencies: ["ScriptoriumHTML", "ScriptoriumJSONLD", "CLibXML2"]),
        .testTarget(name: "ScriptoriumEndToEndTests", dependencies: ["ScriptoriumTestSupport",
            "ScriptoriumPipeline", "CLibXML2", .product(name: "CSV", package: "CSV.swift"),
        ], exclude: ["Styles"]),
    ]
)
