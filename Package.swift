// swift-tools-version: 6.1
import PackageDescription

// The pipeline, as targets (docs/architecture.md):
//   extract → tokenize → score → rank, with tuning and evaluation beside the score and rank stages.
// Every target declares exactly the modules its files import (scripts/check-imports.py,
// run by `make test`, compares them).

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let yams = Target.Dependency.product(name: "Yams", package: "Yams")
let zipFoundation = Target.Dependency.product(name: "ZIPFoundation", package: "ZIPFoundation")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")

let package = Package(
    name: "Enjeux",
    products: [
        .executable(name: "enjeux-extract", targets: ["enjeux-extract"]),
        .executable(name: "enjeux-tokenize", targets: ["enjeux-tokenize"]),
        .executable(name: "enjeux-score", targets: ["enjeux-score"]),
        .executable(name: "enjeux-rank", targets: ["enjeux-rank"]),
        .executable(name: "enjeux-lexicon", targets: ["enjeux-lexicon"]),
        .executable(name: "enjeux-brief", targets: ["enjeux-brief"]),
        .executable(name: "enjeux-review", targets: ["enjeux-review"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Word and OpenDocument files (read) and evidence.xlsx (written) are zip archives (needs zlib:
        // zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The review workbench's local web server (SwiftNIO underneath); without the
        // swift-configuration trait, which the workbench does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
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
        // Tesseract's C API: OCR of scanned PDF pages (language data: tesseract-ocr-fra, -eng).
        .systemLibrary(
            name: "CTesseract", pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CSpawn"),

        // Thin Swift wrappers that own every C pointer.
        .target(name: "PopplerKit", dependencies: ["CPoppler"]),
        .target(name: "LibXMLKit", dependencies: ["CLibXML2"]),
        .target(name: "TesseractKit", dependencies: ["CTesseract"]),
        // SQLite's C API for evidence.sqlite (docs/evidence-database.md): a connection and
        // prepared statements, finalized and closed by their owners.
        .target(name: "SQLiteKit", dependencies: ["CSQLite"]),

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
        // Stage 1: the text of PDF (scanned pages read by Tesseract), HTML, Word, OpenDocument and text
        // files, with pages, blocks and metadata (Word and OpenDocument archives read with ZIPFoundation, Markdown front matter with Yams).
        .target(
            name: "EnjeuxExtraction",
            dependencies: [
                "EnjeuxModel", "EnjeuxSupport", "PopplerKit", "TesseractKit", "LibXMLKit", "EnjeuxFrench",
                zipFoundation,
                yams,
            ]),
        // Stage 2: French analysis (tokens, normal forms, stems, sentences) and passages.
        .target(name: "EnjeuxText", dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxFrench"]),
        // Stage 3: the lexicon language, term matching and the scoring formula.
        .target(
            name: "EnjeuxLexicon",
            dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxText", "EnjeuxFrench", yams]),
        // Stage 4: ranking, citations and the Evidence files (evidence.xlsx and enjeux.qdpx zipped
        // with ZIPFoundation, evidence.sqlite written with SQLite).
        .target(
            name: "EnjeuxEvidence",
            dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxFrench", "SQLiteKit", zipFoundation]),
        // The researchers' tools over a scored corpus: statistics, concordances, diffs, suggestions.
        .target(
            name: "EnjeuxTuning",
            dependencies: [
                "EnjeuxSupport", "EnjeuxModel", "EnjeuxText", "EnjeuxLexicon", "EnjeuxEvidence", "EnjeuxEvaluation",
                "EnjeuxFrench",
            ]),
        // Gold quotes against a ranking: nDCG@10, P@5, recall@20.
        .target(name: "EnjeuxEvaluation"),
        // The group's judgments of passages: the judgments file (append-only JSON Lines) and
        // how a judgment finds its passage again after re-extraction.
        .target(name: "EnjeuxJudgments", dependencies: ["EnjeuxEvaluation"]),
        // Learning to rank from judgments: features, logistic regression, the learned order,
        // what to judge next, and the simulation of a judging session.
        .target(
            name: "EnjeuxLearning",
            dependencies: [
                "EnjeuxModel", "EnjeuxSupport", "EnjeuxEvidence", "EnjeuxEvaluation", "EnjeuxJudgments", "EnjeuxText",
                "EnjeuxFrench",
            ]),
        // Briefs: chosen passages of the evidence as pandoc Markdown with citations, and their bibliography.
        .target(name: "EnjeuxBrief", dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxFrench"]),

        // The stages run over a corpus and its work folder.
        .target(
            name: "EnjeuxPipeline",
            dependencies: [
                "EnjeuxSupport", "EnjeuxModel", "EnjeuxCommandLine", "EnjeuxExtraction", "EnjeuxText",
                "EnjeuxLexicon", "EnjeuxEvidence", "EnjeuxBrief", "EnjeuxJudgments", "EnjeuxLearning",
            ]),

        // One executable per stage, and the researchers' tools: parse arguments, read, call, write.
        .executableTarget(
            name: "enjeux-extract",
            dependencies: [
                "EnjeuxSupport", "EnjeuxCommandLine", "EnjeuxEvidence", "EnjeuxExtraction", "EnjeuxPipeline",
                argumentParser,
            ]),
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
                "EnjeuxEvaluation", "EnjeuxPipeline", "EnjeuxJudgments", "EnjeuxLearning", argumentParser,
            ]),

        .executableTarget(
            name: "enjeux-brief",
            dependencies: ["EnjeuxCommandLine", "EnjeuxBrief", "EnjeuxPipeline", argumentParser]),
        // make fuzz only (docs/fuzzing.md): the parsers of outside input under libFuzzer or a mutation loop.
        .executableTarget(
            name: "enjeux-fuzz",
            dependencies: ["EnjeuxExtraction", "EnjeuxLexicon", "EnjeuxModel", "EnjeuxSupport", "EnjeuxText"]),

        // The review workbench: a local web app to read, judge and collect passages (docs/review.md).
        .target(
            name: "EnjeuxReview",
            dependencies: [
                "EnjeuxSupport", "EnjeuxModel", "EnjeuxEvidence", "EnjeuxLexicon", "EnjeuxTuning", "EnjeuxJudgments",
                "EnjeuxLearning", "EnjeuxEvaluation", "EnjeuxBrief", "EnjeuxPipeline", hummingbird,
            ]),
        .executableTarget(
            name: "enjeux-review",
            dependencies: ["EnjeuxCommandLine", "EnjeuxReview", argumentParser]),

        // Tests. EnjeuxTestSupport locates ../shared for tests that read real documents.
        .target(name: "EnjeuxTestSupport"),
        .testTarget(name: "EnjeuxSupportTests", dependencies: ["EnjeuxSupport"]),
        .testTarget(name: "EnjeuxModelTests", dependencies: ["EnjeuxModel", "EnjeuxSupport", "EnjeuxTestSupport"]),
        .testTarget(name: "EnjeuxCommandLineTests", dependencies: ["EnjeuxCommandLine"]),
        .testTarget(
            name: "EnjeuxExtractionTests",
            dependencies: [
                "EnjeuxExtraction", "EnjeuxModel", "PopplerKit", "TesseractKit", "LibXMLKit", "CLibXML2",
                "EnjeuxTestSupport",
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
            dependencies: [
                "EnjeuxEvidence", "EnjeuxModel", "EnjeuxSupport", "SQLiteKit", "EnjeuxTestSupport", zipFoundation,
            ]),
        .testTarget(
            name: "EnjeuxTuningTests",
            dependencies: ["EnjeuxTuning", "EnjeuxLexicon", "EnjeuxText", "EnjeuxEvidence", "EnjeuxModel"]),
        .testTarget(name: "EnjeuxEvaluationTests", dependencies: ["EnjeuxEvaluation", "EnjeuxTestSupport"]),
        .testTarget(name: "EnjeuxBriefTests", dependencies: ["EnjeuxBrief", "EnjeuxModel"]),
        .testTarget(name: "EnjeuxJudgmentsTests", dependencies: ["EnjeuxJudgments"]),
        .testTarget(
            name: "EnjeuxLearningTests",
            dependencies: ["EnjeuxLearning", "EnjeuxEvidence", "EnjeuxModel", "EnjeuxTestSupport"]),
        .testTarget(
            name: "EnjeuxPipelineTests",
            dependencies: [
                "EnjeuxPipeline", "EnjeuxModel", "EnjeuxSupport", "EnjeuxCommandLine", "EnjeuxText", "EnjeuxLexicon",
                "EnjeuxEvidence", "EnjeuxExtraction", "EnjeuxTestSupport",
            ]),
        .testTarget(
            name: "EnjeuxReviewTests",
            dependencies: [
                "EnjeuxJudgments", "EnjeuxLexicon", "EnjeuxModel", "EnjeuxPipeline", "EnjeuxReview", "EnjeuxTuning",
                "EnjeuxTestSupport", "enjeux-extract", "enjeux-tokenize", "enjeux-score", "enjeux-rank",
                "enjeux-review",
            ]),
        // Runs the executables on real corpora: depends on them so that they are built first.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "EnjeuxModel", "EnjeuxSupport", "EnjeuxEvaluation", "EnjeuxEvidence", "EnjeuxLexicon", "EnjeuxText",
                "EnjeuxTuning", "EnjeuxTestSupport", "SQLiteKit", "PopplerKit",
                "enjeux-extract", "enjeux-tokenize", "enjeux-score", "enjeux-rank", "enjeux-lexicon", "enjeux-brief",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
