import CSQLite

/// An open SQLite database. Owns the connection handle and closes it when released; the
/// statements it prepares keep it alive until they are finalized.
///
/// Not thread-safe: use one connection per thread.
public final class SQLiteConnection {
    let handle: OpaquePointer
    /// The database file, for error messages.
    public let path: String

    /// Opens (and creates, unless `readOnly`) the database at `path`.
    public init(path: String, readOnly: Bool = false) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            throw SQLiteError(path: path, code: status, message: message)
        }
        self.handle = handle
        self.path = path
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows (schema, pragmas, transactions).
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(message)
            throw SQLiteError(path: path, code: status, message: text)
        }
    }

    /// Compiles one statement.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw SQLiteError(path: path, code: status, message: lastMessage)
        }
        return SQLiteStatement(connection: self, handle: statement)
    }

    /// Every row of a query, each as its column values in order.
    public func rows(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        let statement = try prepare(sql)
        return try statement.rows(arguments)
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// The version of the SQLite library in use (`3.40.1`).
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
