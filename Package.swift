// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Enjeux",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "enjeux-extract", targets: ["enjeux-extract"]),
        .executable(name: "enjeux-tokenize", targets: ["enjeux-tokenize"]),
        .executable(name: "enjeux-score", targets: ["enjeux-score"]),
        .executable(name: "enjeux-rank", targets: ["enjeux-rank"]),
        .executable(name: "enjeux-lexicon", targets: ["enjeux-lexicon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, found with pkg-config.
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        // glibc's malloc.h (part of libc6-dev).
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CSpawn"),

        // Thin Swift wrappers that own every C pointer.
        .target(name: "PopplerKit", dependencies: ["CPoppler"]),
        .target(name: "LibXMLKit", dependencies: ["CLibXML2"]),

        // Core libraries: pure Swift values and functions.
        .target(name: "EnjeuxCore", dependencies: ["CCrypto", "CMalloc"]),
        .target(
            name: "EnjeuxExtraction",
            dependencies: ["EnjeuxCore", "PopplerKit", "LibXMLKit"]),
        .target(name: "EnjeuxText", dependencies: ["EnjeuxCore"]),
        .target(
            name: "EnjeuxLexicon",
            dependencies: ["EnjeuxCore", "EnjeuxText", .product(name: "Yams", package: "Yams")]),
        .target(name: "EnjeuxEvidence", dependencies: ["EnjeuxCore", "EnjeuxLexicon"]),
        .target(name: "EnjeuxEvaluation", dependencies: ["EnjeuxCore"]),
        // What a lexicon does to the evidence: term statistics, concordances, diffs.
        .target(name: "EnjeuxTuning", dependencies: ["EnjeuxCore", "EnjeuxText", "EnjeuxLexicon", "EnjeuxEvidence"]),
        .target(
            name: "EnjeuxPipeline",
            dependencies: ["EnjeuxCore", "EnjeuxExtraction", "EnjeuxText", "EnjeuxLexicon", "EnjeuxEvidence", "CSpawn"]),

        // One executable per stage: parse arguments, read, call, write.
        .executableTarget(
            name: "enjeux-extract",
            dependencies: ["EnjeuxPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "enjeux-tokenize",
            dependencies: ["EnjeuxPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "enjeux-score",
            dependencies: ["EnjeuxPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "enjeux-rank",
            dependencies: ["EnjeuxPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Lexicon tuning tools for researchers (check, evaluate, …).
        .executableTarget(
            name: "enjeux-lexicon",
            dependencies: [
                "EnjeuxPipeline", "EnjeuxEvaluation", "EnjeuxTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Tests. EnjeuxTestSupport locates ../shared for tests that read real documents.
        .target(name: "EnjeuxTestSupport"),
        .testTarget(name: "EnjeuxCoreTests", dependencies: ["EnjeuxCore", "EnjeuxTestSupport"]),
        .testTarget(
            name: "EnjeuxExtractionTests",
            dependencies: ["EnjeuxExtraction", "PopplerKit", "LibXMLKit", "CLibXML2", "EnjeuxTestSupport"]),
        .testTarget(name: "EnjeuxTextTests", dependencies: ["EnjeuxText", "EnjeuxTestSupport"]),
        .testTarget(
            name: "EnjeuxLexiconTests",
            dependencies: ["EnjeuxLexicon", "EnjeuxTestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "EnjeuxEvidenceTests", dependencies: ["EnjeuxEvidence", "EnjeuxTestSupport"]),
        .testTarget(
            name: "EnjeuxTuningTests",
            dependencies: ["EnjeuxTuning", "EnjeuxLexicon", "EnjeuxEvidence", "EnjeuxCore", "EnjeuxTestSupport"]),
        .testTarget(name: "EnjeuxEvaluationTests", dependencies: ["EnjeuxEvaluation", "EnjeuxTestSupport"]),
        .testTarget(name: "EnjeuxPipelineTests", dependencies: ["EnjeuxPipeline", "EnjeuxTestSupport"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "EnjeuxCore", "EnjeuxEvaluation", "EnjeuxEvidence", "EnjeuxLexicon", "EnjeuxText", "EnjeuxTuning",
                "EnjeuxTestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
