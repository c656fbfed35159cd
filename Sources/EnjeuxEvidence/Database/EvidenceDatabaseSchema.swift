/// The tables and indexes of `evidence.sqlite`, as documented in `docs/evidence-database.md`.
/// Indexes are made after the rows are in (faster than keeping them up to date row by row).
enum EvidenceDatabaseSchema {
    /// Bumped when a table or column changes meaning; kept in `run` under `schema`.
    static let version = 1

    static let tables = """
        CREATE TABLE run (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE issues (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            label TEXT NOT NULL,
            description TEXT NOT NULL,
            candidates INTEGER NOT NULL,
            shown INTEGER NOT NULL
        );
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            format TEXT NOT NULL,
            title TEXT,
            authors TEXT,
            date TEXT,
            year INTEGER,
            publisher TEXT,
            language TEXT,
            url TEXT,
            pages INTEGER NOT NULL,
            passages INTEGER NOT NULL,
            strength REAL NOT NULL,
            is_evidence INTEGER NOT NULL
        );
        CREATE TABLE passages (
            document_id TEXT NOT NULL REFERENCES documents(id),
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            page INTEGER NOT NULL,
            end_page INTEGER,
            page_label TEXT,
            end_page_label TEXT,
            paragraph INTEGER,
            location TEXT NOT NULL,
            place TEXT,
            heading TEXT,
            text TEXT NOT NULL,
            PRIMARY KEY (document_id, id)
        );
        CREATE TABLE scores (
            document_id TEXT NOT NULL,
            passage_id TEXT NOT NULL,
            issue_id TEXT NOT NULL REFERENCES issues(id),
            score REAL NOT NULL,
            PRIMARY KEY (document_id, passage_id, issue_id),
            FOREIGN KEY (document_id, passage_id) REFERENCES passages(document_id, id)
        ) WITHOUT ROWID;
        CREATE TABLE contributions (
            document_id TEXT NOT NULL,
            passage_id TEXT NOT NULL,
            issue_id TEXT NOT NULL,
            term TEXT NOT NULL,
            matched TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            contribution REAL NOT NULL,
            FOREIGN KEY (document_id, passage_id, issue_id) REFERENCES scores(document_id, passage_id, issue_id)
        );
        CREATE TABLE evidence (
            issue_id TEXT NOT NULL REFERENCES issues(id),
            rank INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            passage_id TEXT NOT NULL,
            score REAL NOT NULL,
            citation TEXT NOT NULL,
            reference TEXT NOT NULL,
            citation_needs_check INTEGER NOT NULL,
            also_in INTEGER NOT NULL,
            PRIMARY KEY (issue_id, rank),
            FOREIGN KEY (document_id, passage_id) REFERENCES passages(document_id, id)
        ) WITHOUT ROWID;
        CREATE TABLE judgments (
            document_id TEXT REFERENCES documents(id),
            passage_id TEXT NOT NULL,
            source TEXT NOT NULL,
            issue_id TEXT NOT NULL,
            grade INTEGER NOT NULL,
            judge TEXT NOT NULL,
            time TEXT NOT NULL,
            note TEXT
        );
        """

    static let indexes = """
        CREATE INDEX documents_year ON documents(year);
        CREATE INDEX documents_source ON documents(source);
        CREATE INDEX passages_id ON passages(id);
        CREATE INDEX scores_issue ON scores(issue_id, score DESC);
        CREATE INDEX contributions_score ON contributions(document_id, passage_id, issue_id);
        CREATE INDEX contributions_term ON contributions(term);
        CREATE INDEX evidence_passage ON evidence(document_id, passage_id);
        CREATE INDEX judgments_passage ON judgments(document_id, passage_id, issue_id);
        CREATE INDEX judgments_issue ON judgments(issue_id, grade);
        """
}
