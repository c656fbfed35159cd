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

extension OCRGrayImage {
    /// The image turned clockwise by `quarterTurns` quarter turns (0 to 3).
    public func rotated(quarterTurns: Int) -> OCRGrayImage {
        let turns = ((quarterTurns % 4) + 4) % 4
        guard turns != 0 else { return self }
        if turns == 2 { return OCRGrayImage(width: width, height: height, pixels: pixels.reversed()) }
        var turned = [UInt8](repeating: 255, count: pixels.count)
        let newWidth = height
        pixels.withUnsafeBufferPointer { source in
            turned.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    for x in 0..<width {
                        // Clockwise: (x, y) goes to (height - 1 - y, x); anticlockwise to (y, width - 1 - x).
                        let (newX, newY) = turns == 1 ? (height - 1 - y, x) : (y, width - 1 - x)
                        target[newY * newWidth + newX] = source[y * width + x]
                    }
                }
            }
        }
        return OCRGrayImage(width: newWidth, height: width, pixels: turned)
    }
}
