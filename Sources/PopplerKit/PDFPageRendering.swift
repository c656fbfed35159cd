import CPoppler

/// A page rendered to 8-bit grey pixels (0 black, 255 white), rows top to bottom, as a
/// reader sees the page (its `/Rotate` applied).
public struct PDFRenderedPage: Sendable {
    public var width: Int
    public var height: Int
    /// Pixels per inch the page was rendered at (lower than asked for a huge page).
    public var resolution: Int
    /// `width * height` bytes.
    public var pixels: [UInt8]
}

extension PDFDocumentReader {
    /// Renders the page at a 0-based index with cairo on a white background at `resolution`
    /// pixels per inch, lowered so that the image has at most `maximumPixels` pixels; nil when
    /// the page cannot be loaded or cairo cannot allocate the image.
    public func renderGray(pageAt index: Int, resolution: Int, maximumPixels: Int = 80_000_000) -> PDFRenderedPage? {
        guard index >= 0, index < pageCount, resolution > 0,
            let page = poppler_document_get_page(document, Int32(index))
        else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width > 0, height > 0 else { return nil }
        var dpi = Double(resolution)
        let pixelsAtDPI = (width * dpi / 72) * (height * dpi / 72)
        if pixelsAtDPI > Double(maximumPixels) {
            dpi = (dpi * (Double(maximumPixels) / pixelsAtDPI).squareRoot()).rounded(.down)
        }
        let scale = dpi / 72
        let pixelWidth = Int((width * scale).rounded(.up))
        let pixelHeight = Int((height * scale).rounded(.up))
        guard dpi >= 1, pixelWidth > 0, pixelHeight > 0 else { return nil }

        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight))
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            return nil
        }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)

        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt8](repeating: 255, count: pixelWidth * pixelHeight)
        pixels.withUnsafeMutableBufferPointer { grey in
            for row in 0..<pixelHeight {
                let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                for column in 0..<pixelWidth {
                    // RGB24: one native-endian 32-bit word per pixel, 0x00RRGGBB.
                    let value = line[column]
                    let red = (value >> 16) & 0xFF
                    let green = (value >> 8) & 0xFF
                    let blue = value & 0xFF
                    // ITU-R BT.601 luma, in integers.
                    grey[row * pixelWidth + column] = UInt8((299 * red + 587 * green + 114 * blue) / 1000)
                }
            }
        }
        return PDFRenderedPage(width: pixelWidth, height: pixelHeight, resolution: Int(dpi), pixels: pixels)
    }
}
