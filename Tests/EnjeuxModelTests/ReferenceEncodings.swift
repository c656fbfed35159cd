import EnjeuxModel

/// `Encodable` mirrors of the stored types, as synthesized `Codable` would encode them: with
/// `JSONCoding.encoder()` (sorted keys, snake_case) they give the reference bytes each type's
/// hand-written serialization must match.
enum Reference {
    struct Warning: Encodable {
        var code: String
        var message: String
        var values: [String: String]?

        init(_ warning: DocumentWarning) {
            code = warning.code
            message = warning.message
            values = warning.values.isEmpty ? nil : warning.values
        }
    }

    struct Metadata: Encodable {
        var title: String?
        var titleSource: String?
        var authors: [String]
        var date: String?
        var language: String?
        var subject: String?
        var keywords: [String]
        var publisher: String?
        var url: String?
        var producer: String?

        init(_ metadata: DocumentMetadata) {
            title = metadata.title
            titleSource = metadata.titleSource?.rawValue
            authors = metadata.authors
            date = metadata.date
            language = metadata.language
            subject = metadata.subject
            keywords = metadata.keywords
            publisher = metadata.publisher
            url = metadata.url
            producer = metadata.producer
        }
    }

    struct Extracted: Encodable {
        struct Block: Encodable {
            var kind: String
            var text: String
            var level: Int?
        }

        struct Page: Encodable {
            var number: Int
            var label: String?
            var blocks: [Block]
        }

        var schema: Int
        var id: String
        var source: String
        var sha256: String
        var byteCount: Int
        var format: String
        var metadata: Metadata
        var pages: [Page]
        var warnings: [Warning]

        init(_ document: ExtractedDocument) {
            schema = document.schema
            id = document.id
            source = document.source
            sha256 = document.sha256
            byteCount = document.byteCount
            format = document.format.rawValue
            metadata = Metadata(document.metadata)
            pages = document.pages.map { page in
                Page(
                    number: page.number, label: page.label,
                    blocks: page.blocks.map { Block(kind: $0.kind.rawValue, text: $0.text, level: $0.level) })
            }
            warnings = document.warnings.map(Warning.init)
        }
    }

    /// Schema 2: forms once, tokens as columns.
    struct Tokenized: Encodable {
        struct Columns: Encodable {
            var start: [Int] = []
            var end: [Int] = []
            var form: [Int] = []
            var kind = ""
        }

        struct Passage: Encodable {
            var id: String
            var index: Int
            var page: Int
            var endPage: Int?
            var pageLabel: String?
            var endPageLabel: String?
            var heading: String?
            var blockKind: String
            var text: String
            var tokens: Columns
        }

        var schema = TokenizedDocument.currentSchema
        var id: String
        var source: String
        var sha256: String
        var format: String
        var metadata: Metadata
        var pageCount: Int
        var analyzer: String
        var forms: [[String]] = []
        var passages: [Passage] = []
        var warnings: [Warning]

        init(_ document: TokenizedDocument) {
            id = document.id
            source = document.source
            sha256 = document.sha256
            format = document.format.rawValue
            metadata = Metadata(document.metadata)
            pageCount = document.pageCount
            analyzer = document.analyzer
            warnings = document.warnings.map(Warning.init)
            let letters: [TokenKind: Character] = [
                .word: "w", .number: "n", .punctuation: "p", .symbol: "s", .url: "u", .email: "e",
            ]
            for passage in document.passages {
                var columns = Columns()
                for token in passage.tokens {
                    let form = [token.norm, token.stem]
                    if !forms.contains(form) { forms.append(form) }
                    columns.start.append(token.start)
                    columns.end.append(token.end)
                    columns.form.append(forms.firstIndex(of: form) ?? -1)
                    columns.kind.append(letters[token.kind] ?? "?")
                }
                passages.append(
                    Passage(
                        id: passage.id, index: passage.index, page: passage.page, endPage: passage.endPage,
                        pageLabel: passage.pageLabel, endPageLabel: passage.endPageLabel, heading: passage.heading,
                        blockKind: passage.blockKind.rawValue, text: passage.text, tokens: columns))
            }
        }
    }

    struct Scores: Encodable {
        struct Category: Encodable {
            var id: String
            var label: String
            var description: String
        }

        struct Document: Encodable {
            var id: String
            var source: String
            var sha256: String
            var format: String
            var metadata: Metadata
            var pageCount: Int
            var passageCount: Int
            var warnings: [Warning]
        }

        struct Match: Encodable {
            var term: String
            var text: String
            var start: Int
            var end: Int
            var contribution: Double
        }

        struct Score: Encodable {
            var category: String
            var score: Double
            var matches: [Match]
        }

        struct Passage: Encodable {
            var documentId: String
            var passageId: String
            var index: Int
            var page: Int
            var endPage: Int?
            var pageLabel: String?
            var endPageLabel: String?
            var heading: String?
            var text: String
            var scores: [Score]
        }

        var schema: Int
        var lexicon: LexiconInfo
        var categories: [Category]
        var documents: [Document]
        var passages: [Passage]

        init(_ set: ScoreSet) {
            schema = set.schema
            lexicon = set.lexicon
            categories = set.categories.map { Category(id: $0.id, label: $0.label, description: $0.description) }
            documents = set.documents.map {
                Document(
                    id: $0.id, source: $0.source, sha256: $0.sha256, format: $0.format.rawValue,
                    metadata: Metadata($0.metadata), pageCount: $0.pageCount, passageCount: $0.passageCount,
                    warnings: $0.warnings.map(Warning.init))
            }
            passages = set.passages.map { passage in
                Passage(
                    documentId: passage.documentId, passageId: passage.passageId, index: passage.index,
                    page: passage.page, endPage: passage.endPage, pageLabel: passage.pageLabel,
                    endPageLabel: passage.endPageLabel, heading: passage.heading, text: passage.text,
                    scores: passage.scores.map { score in
                        Score(
                            category: score.category, score: score.score,
                            matches: score.matches.map {
                                Match(
                                    term: $0.term, text: $0.text, start: $0.start, end: $0.end,
                                    contribution: $0.contribution)
                            })
                    })
            }
        }
    }
}
