// swift-tools-version: 6.1
import PackageDescription

// The pipeline, as targets (docs/architecture.md):
//   extract → tokenize → score → rank, with tuning and evaluation beside the score and rank stages.
// Every target declares exactly the modules its files import (scripts/check-imports.py,
// run by `make test`, compares them).

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let yams = Target.Dependency.product(name: "Yams", package: "Yams")
let zipFoundation = Target.Dependency.product(name: "ZIPFoundation", package: "ZIPFoundation")

let package = Package(
    name: "Enjeux",
    products: [
        .executable(name: "enjeux-extract", targets: ["enjeux-extract"]),
        .executable(name: "enjeux-tokenize", targets: ["enjeux-tokenize"]),
        .executable(name: "enjeux-score", targets: ["enjeux-score"]),
        .executable(name: "enjeux-rank", targets: ["enjeux-rank"]),
        .executable(name: "enjeux-lexicon", targets: ["enjeux-lexicon"]),
        .executable(name: "enjeux-brief", targets: ["enjeux-brief"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Word and OpenDocument files (read) and evidence.xlsx (written) are zip archives (needs zlib:
        // zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // C libraries of the system, found with pkg-config or in glibc's headers.
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CSpawn"),

        // Thin Swift wrappers that own every C pointer.
        .target(name: "PopplerKit", dependencies: ["CPoppler"]),
        .target(name: "LibXMLKit", dependencies: ["CLibXML2"]),

        // Foundations shared by the stages.
        // JSON reading and writing, files, hashing, threads, child processes, progress reporting.
        .target(name: "EnjeuxSupport", dependencies: ["CCrypto", "CSpawn"]),
        // The values that flow between stages (documents, passages, scores) and their file formats.
        .target(name: "EnjeuxModel", dependencies: ["EnjeuxSupport", "EnjeuxFrench"]),
        // What only a process decides: exit codes, console lines, the progress bar, the allocator.
        .target(name: "EnjeuxCommandLine", dependencies: ["EnjeuxSupport", "CMalloc"]),
        // French language data: function words, elisions, abbreviations, Snowball suffixes.
        .target(name: "EnjeuxFrench"),

        // One library per stage, then the side paths.
        // Stage 1: the text of PDF, HTML, Word, OpenDocument and text files, with pages, blocks and
        // metadata (Word and OpenDocument archives read with ZIPFoundation, Markdown front matter with Yams).
        .target(
            name: "EnjeuxExtraction",
            dependencies: [
                "EnjeuxModel", "EnjeuxSupport", "PopplerKit", "LibXMLKit", "EnjeuxFrench", zipFoundation, yams,
            ]),
        // Stage 2: French analysis (tokens, normal forms, stems, sentences) and passages.
        .target(name: "EnjeuxText", dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxFrench"]),
        // Stage 3: the lexicon language, term matching and the scoring formula.
        .target(
            name: "EnjeuxLexicon",
            dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxText", "EnjeuxFrench", yams]),
        // Stage 4: ranking, citations and the Evidence files (evidence.xlsx zipped with ZIPFoundation).
        .target(name: "EnjeuxEvidence", dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxFrench", zipFoundation]),
        // The researchers' tools over a scored corpus: statistics, concordances, diffs, suggestions.
        .target(
            name: "EnjeuxTuning",
            dependencies: [
                "EnjeuxSupport", "EnjeuxModel", "EnjeuxText", "EnjeuxLexicon", "EnjeuxEvidence", "EnjeuxEvaluation",
                "EnjeuxFrench",
            ]),
        // Gold quotes against a ranking: nDCG@10, P@5, recall@20.
        .target(name: "EnjeuxEvaluation"),
        // Briefs: chosen passages of the evidence as pandoc Markdown with citations, and their bibliography.
        .target(name: "EnjeuxBrief", dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxFrench"]),

        // The stages run over a corpus and its work folder.
        .target(
            name: "EnjeuxPipeline",
            dependencies: [
                "EnjeuxSupport", "EnjeuxModel", "EnjeuxCommandLine", "EnjeuxExtraction", "EnjeuxText",
                "EnjeuxLexicon", "EnjeuxEvidence", "EnjeuxBrief",
            ]),

        // One executable per stage, and the researchers' tools: parse arguments, read, call, write.
        .executableTarget(
            name: "enjeux-extract",
            dependencies: ["EnjeuxSupport", "EnjeuxCommandLine", "EnjeuxEvidence", "EnjeuxPipeline", argumentParser]),
        .executableTarget(
            name: "enjeux-tokenize",
            dependencies: ["EnjeuxCommandLine", "EnjeuxText", "EnjeuxPipeline", argumentParser]),
        .executableTarget(
            name: "enjeux-score",
            dependencies: ["EnjeuxCommandLine", "EnjeuxLexicon", "EnjeuxPipeline", argumentParser]),
        .executableTarget(
            name: "enjeux-rank",
            dependencies: ["EnjeuxSupport", "EnjeuxCommandLine", "EnjeuxEvidence", "EnjeuxPipeline", argumentParser]),
        .executableTarget(
            name: "enjeux-lexicon",
            dependencies: [
                "EnjeuxSupport", "EnjeuxModel", "EnjeuxCommandLine", "EnjeuxLexicon", "EnjeuxEvidence", "EnjeuxTuning",
                "EnjeuxEvaluation", "EnjeuxPipeline", argumentParser,
            ]),

        .executableTarget(
            name: "enjeux-brief",
            dependencies: ["EnjeuxCommandLine", "EnjeuxBrief", "EnjeuxPipeline", argumentParser]),

        // Tests. EnjeuxTestSupport locates ../shared for tests that read real documents.
        .target(name: "EnjeuxTestSupport"),
        .testTarget(name: "EnjeuxSupportTests", dependencies: ["EnjeuxSupport"]),
        .testTarget(name: "EnjeuxModelTests", dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxTestSupport"]),
        .testTarget(name: "EnjeuxCommandLineTests", dependencies: ["EnjeuxCommandLine"]),
        .testTarget(
            name: "EnjeuxExtractionTests",
            dependencies: [
                "EnjeuxExtraction", "EnjeuxModel", "PopplerKit", "LibXMLKit", "CLibXML2", "EnjeuxTestSupport",
                zipFoundation,
            ]),
        .testTarget(
            name: "EnjeuxTextTests",
            dependencies: ["EnjeuxText", "EnjeuxFrench", "EnjeuxModel", "EnjeuxSupport", "EnjeuxTestSupport"]),
        .testTarget(
            name: "EnjeuxLexiconTests",
            dependencies: ["EnjeuxLexicon", "EnjeuxText", "EnjeuxModel", "EnjeuxSupport", "EnjeuxTestSupport", yams]),
        .testTarget(
            name: "EnjeuxEvidenceTests",
            dependencies: ["EnjeuxEvidence", "EnjeuxModel", "EnjeuxSupport", "EnjeuxTestSupport", zipFoundation]),
        .testTarget(
            name: "EnjeuxTuningTests",
            dependencies: ["EnjeuxTuning", "EnjeuxLexicon", "EnjeuxText", "EnjeuxEvidence", "EnjeuxModel"]),
        .testTarget(name: "EnjeuxEvaluationTests", dependencies: ["EnjeuxEvaluation", "EnjeuxTestSupport"]),
        .testTarget(name: "EnjeuxBriefTests", dependencies: ["EnjeuxBrief", "EnjeuxModel"]),
        .testTarget(
            name: "EnjeuxPipelineTests",
            dependencies: [
                "EnjeuxPipeline", "EnjeuxModel", "EnjeuxSupport", "EnjeuxCommandLine", "EnjeuxText", "EnjeuxLexicon",
                "EnjeuxEvidence", "EnjeuxTestSupport",
            ]),
        // Runs the executables on real corpora: depends on them so that they are built first.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "EnjeuxModel", "EnjeuxSupport", "EnjeuxEvaluation", "EnjeuxEvidence", "EnjeuxLexicon", "EnjeuxText",
                "EnjeuxTuning", "EnjeuxTestSupport",
                "enjeux-extract", "enjeux-tokenize", "enjeux-score", "enjeux-rank", "enjeux-lexicon", "enjeux-brief",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
