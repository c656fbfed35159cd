/// The tables and indexes of `evidence.sqlite`, as documented in `docs/evidence-database.md`.
/// Documents and passages have integer keys given in writing order, so that every table is
/// filled by appending (text keys made of hashes would land at random places in the
/// B-trees); secondary indexes are made after the rows are in. A score's term contributions
/// are one JSON column of its row (`terms`), which the `contributions` view unfolds: one row
/// per score rather than one per matched term, for a database written in a fraction of the
/// rank stage's time.
enum EvidenceDatabaseSchema {
    /// Bumped when a table or column changes meaning; kept in `run` under `schema`.
    static let version = 2

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
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
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
            key INTEGER PRIMARY KEY,
            document INTEGER NOT NULL REFERENCES documents(key),
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
            text TEXT NOT NULL
        );
        CREATE TABLE scores (
            passage INTEGER NOT NULL REFERENCES passages(key),
            issue_id TEXT NOT NULL REFERENCES issues(id),
            score REAL NOT NULL,
            terms TEXT NOT NULL,
            PRIMARY KEY (passage, issue_id)
        ) WITHOUT ROWID;
        CREATE VIEW contributions AS
        SELECT s.passage AS passage, s.issue_id AS issue_id, CAST(t.key AS INTEGER) AS position,
            json_extract(t.value, '$[0]') AS term, json_extract(t.value, '$[1]') AS matched,
            json_extract(t.value, '$[2]') AS start, json_extract(t.value, '$[3]') AS "end",
            json_extract(t.value, '$[4]') AS contribution
        FROM scores AS s, json_each(s.terms) AS t;
        CREATE TABLE evidence (
            issue_id TEXT NOT NULL REFERENCES issues(id),
            rank INTEGER NOT NULL,
            passage INTEGER NOT NULL REFERENCES passages(key),
            score REAL NOT NULL,
            citation TEXT NOT NULL,
            reference TEXT NOT NULL,
            citation_needs_check INTEGER NOT NULL,
            also_in INTEGER NOT NULL,
            PRIMARY KEY (issue_id, rank)
        ) WITHOUT ROWID;
        CREATE TABLE judgments (
            passage INTEGER REFERENCES passages(key),
            passage_id TEXT NOT NULL,
            source TEXT NOT NULL,
            issue_id TEXT NOT NULL,
            grade INTEGER NOT NULL,
            judge TEXT NOT NULL,
            time TEXT NOT NULL,
            note TEXT
        );
        """

    /// The indexes of the passages and scores, made with the tables: they grow as the rows go
    /// in, on the thread that writes them while `scores.json` is read (a core the reading leaves
    /// partly idle), rather than by sorts once the ranking has both cores busy.
    static let passageIndexes = """
        CREATE INDEX passages_document ON passages(document, position);
        CREATE INDEX passages_id ON passages(id);
        CREATE INDEX scores_issue ON scores(issue_id, score DESC);
        """

    /// The indexes of the documents, made once their rows are in.
    static let earlyIndexes = """
        CREATE INDEX documents_year ON documents(year);
        CREATE INDEX documents_source ON documents(source);
        """

    /// The indexes of the tables filled after the ranking.
    static let indexes = """
        CREATE INDEX evidence_passage ON evidence(passage);
        CREATE INDEX judgments_passage ON judgments(passage, issue_id);
        CREATE INDEX judgments_issue ON judgments(issue_id, grade);
        """
}
