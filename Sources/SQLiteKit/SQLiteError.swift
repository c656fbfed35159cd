/// An SQLite call that failed: the database file, SQLite's result code and its message.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var code: Int32
    public var message: String

    public init(path: String, code: Int32, message: String) {
        self.path = path
        self.code = code
        self.message = message
    }

    public var description: String { "\(path): SQLite error \(code): \(message)" }
}
