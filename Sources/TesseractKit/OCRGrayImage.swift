/// An 8-bit grey image, one byte per pixel, rows top to bottom with no padding: what a
/// rendered page is handed to Tesseract as.
public struct OCRGrayImage: Sendable {
    public var width: Int
    public var height: Int
    /// `width * height` bytes, 0 black to 255 white.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
