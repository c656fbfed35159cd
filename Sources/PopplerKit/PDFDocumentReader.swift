import CPoppler
import Foundation

/// An open PDF document. Owns the poppler document; pages are loaded one at a time
/// and released before `page(at:)` returns, so memory stays bounded on long files.
///
/// Not thread-safe: use one reader per thread.
public final class PDFDocumentReader {
    let document: OpaquePointer

    /// Opens a PDF from its bytes. An empty password is tried when none is given.
    ///
    /// The bytes are read through a memory input stream: in poppler 22.12,
    /// `poppler_document_new_from_bytes` and `_from_data` crash when given a wrong
    /// password (they retry on a stream they have already freed); the stream entry
    /// point does not.
    public init(data: Data, password: String? = nil) throws(PDFOpenError) {
        guard !data.isEmpty else { throw .notAPDF(detail: "empty file") }
        let bytes: OpaquePointer? = data.withUnsafeBytes { buffer in
            g_bytes_new(buffer.baseAddress, gsize(buffer.count))
        }
        guard let bytes else { throw .damaged(detail: "cannot copy the file into memory") }
        defer { g_bytes_unref(bytes) }
        guard let stream = g_memory_input_stream_new_from_bytes(bytes) else {
            throw .damaged(detail: "cannot read the file from memory")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(stream)) }

        let givenPassword = password.flatMap { $0.isEmpty ? nil : $0 }
        var error: UnsafeMutablePointer<GError>?
        let opened: OpaquePointer?
        if let givenPassword {
            opened = poppler_document_new_from_stream(stream, goffset(data.count), givenPassword, nil, &error)
        } else {
            opened = poppler_document_new_from_stream(stream, goffset(data.count), nil, nil, &error)
        }
        guard let opened else {
            throw Self.openError(error, passwordGiven: givenPassword != nil, data: data)
        }
        if let error { g_error_free(error) }
        document = opened
    }

    /// Opens the PDF file at `path`, read by pieces as pages need them rather than copied into
    /// memory whole (a 100 MB file stays on disk), through the same stream entry point as
    /// `init(data:password:)`.
    public init(fileAt path: String, password: String? = nil) throws(PDFOpenError) {
        document = try Self.open(path, password: password)
    }

    private static func open(_ path: String, password: String?) throws(PDFOpenError) -> OpaquePointer {
        let file = g_file_new_for_path(path)
        defer { g_object_unref(UnsafeMutableRawPointer(file)) }
        var error: UnsafeMutablePointer<GError>?
        guard let stream = g_file_read(file, nil, &error) else {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "cannot open the file"
            if let error { g_error_free(error) }
            throw .damaged(detail: message)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(stream)) }
        var status = stat()
        let length = stat(path, &status) == 0 ? goffset(status.st_size) : -1
        let givenPassword = password.flatMap { $0.isEmpty ? nil : $0 }
        let opened = poppler_document_new_from_stream(
            UnsafeMutableRawPointer(stream).assumingMemoryBound(to: GInputStream.self), length, givenPassword, nil,
            &error)
        guard let opened else {
            let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 1024)) ?? nil
            throw Self.openError(error, passwordGiven: givenPassword != nil, data: head ?? Data())
        }
        if let error { g_error_free(error) }
        return opened
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
    }

    /// Number of pages poppler found.
    public var pageCount: Int {
        Int(poppler_document_get_n_pages(document))
    }

    /// Text, character boxes and font runs of the page at a 0-based index; nil when
    /// poppler cannot load that page (broken page tree) or the index is out of range.
    public func page(at index: Int) -> PDFPageContent? {
        guard index >= 0, index < pageCount, let page = poppler_document_get_page(document, Int32(index)) else {
            return nil
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }

        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let label = Self.takeString(poppler_page_get_label(page)).flatMap { $0.isEmpty ? nil : $0 }
        let text = Self.takeString(poppler_page_get_text(page)) ?? ""
        let characters = Array(text.unicodeScalars)
        let boxes = Self.layout(of: page)
        let runs = Self.attributes(of: page)
        return PDFPageContent(
            index: index, width: width, height: height, label: label, characters: characters,
            boxes: boxes, runs: runs)
    }

    /// The information dictionary, creation date and XMP packet.
    public var info: PDFDocumentInfo {
        var info = PDFDocumentInfo()
        info.title = Self.takeString(poppler_document_get_title(document))
        info.author = Self.takeString(poppler_document_get_author(document))
        info.subject = Self.takeString(poppler_document_get_subject(document))
        info.keywords = Self.takeString(poppler_document_get_keywords(document))
        info.creator = Self.takeString(poppler_document_get_creator(document))
        info.producer = Self.takeString(poppler_document_get_producer(document))
        info.xmp = Self.takeString(poppler_document_get_metadata(document))
        if let date = poppler_document_get_creation_date_time(document) {
            info.creationDate = Self.takeString(g_date_time_format(date, "%Y-%m-%d"))
            g_date_time_unref(date)
        }
        return info
    }

    // MARK: - C helpers

    /// Copies a newly allocated C string into Swift and frees it.
    private static func takeString(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        return String(validatingCString: pointer)
            ?? String(
                decoding: UnsafeRawBufferPointer(
                    start: pointer, count: strlen(pointer)), as: UTF8.self)
    }

    private static func layout(of page: OpaquePointer) -> [PDFBox] {
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }
        let buffer = UnsafeBufferPointer(start: rectangles, count: Int(count))
        return buffer.map { PDFBox(x1: $0.x1, y1: $0.y1, x2: $0.x2, y2: $0.y2) }
    }

    private static func attributes(of page: OpaquePointer) -> [PDFTextRun] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [PDFTextRun] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let raw = current.pointee.data {
                let attributes = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let fontName = attributes.font_name.map { String(cString: $0) } ?? ""
                runs.append(
                    PDFTextRun(
                        fontName: fontName, fontSize: attributes.font_size,
                        isUnderlined: attributes.is_underlined != 0,
                        start: Int(attributes.start_index), end: Int(attributes.end_index)))
            }
            node = current.pointee.next
        }
        return runs
    }

    private static func openError(
        _ error: UnsafeMutablePointer<GError>?, passwordGiven: Bool, data: Data
    ) -> PDFOpenError {
        let isEncrypted = error?.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
        let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
        if let error { g_error_free(error) }
        if isEncrypted {
            return passwordGiven ? .wrongPassword : .passwordRequired
        }
        let header = Data("%PDF-".utf8)
        if data.prefix(1024).range(of: header) == nil {
            return .notAPDF(detail: message)
        }
        return .damaged(detail: message)
    }
}
