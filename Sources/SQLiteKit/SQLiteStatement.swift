import CSQLite

/// A compiled statement. Owns its handle (finalized when released) and keeps its connection
/// open while it lives.
public final class SQLiteStatement {
    let connection: SQLiteConnection
    let handle: OpaquePointer

    /// Tells SQLite to copy bound text before the call returns (`SQLITE_TRANSIENT`, a macro
    /// Swift cannot import).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(connection: SQLiteConnection, handle: OpaquePointer) {
        self.connection = connection
        self.handle = handle
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `values` to the parameters in order, runs the statement to its end and resets it
    /// for the next call (an `INSERT` row after row).
    public func run(_ values: [SQLiteValue]) throws(SQLiteError) {
        try bind(values)
        let status = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard status == SQLITE_DONE || status == SQLITE_ROW else {
            throw SQLiteError(path: connection.path, code: status, message: connection.lastMessage)
        }
    }

    /// Binds `values` and returns every row, each as its column values in order.
    public func rows(_ values: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var rows: [[SQLiteValue]] = []
        let columns = sqlite3_column_count(handle)
        while true {
            let status = sqlite3_step(handle)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                throw SQLiteError(path: connection.path, code: status, message: connection.lastMessage)
            }
            rows.append((0..<columns).map(column))
        }
        return rows
    }

    private func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(handle, index)
            case .integer(let number): status = sqlite3_bind_int64(handle, index, number)
            case .real(let number): status = sqlite3_bind_double(handle, index, number)
            case .text(var text):
                status = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { characters in
                        // A null pointer would bind NULL: the empty text gets a pointer to "".
                        guard let base = characters.baseAddress else {
                            return sqlite3_bind_text(handle, index, "", 0, Self.transient)
                        }
                        return sqlite3_bind_text(handle, index, base, Int32(characters.count), Self.transient)
                    }
                }
            }
            guard status == SQLITE_OK else {
                throw SQLiteError(path: connection.path, code: status, message: connection.lastMessage)
            }
        }
    }

    private func column(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_NULL: return .null
        default:
            guard let bytes = sqlite3_column_text(handle, index) else { return .null }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        }
    }
}
