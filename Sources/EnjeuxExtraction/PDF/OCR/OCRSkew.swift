import Foundation
import TesseractKit

/// A scanned page's small skew (a sheet fed at a slant), measured and corrected so that the
/// rules of its tables run along rows and columns of pixels (`OCRRuledTables`).
///
/// The angle is the one whose sheared row profile of the ink is sharpest: along the true
/// angle, text lines and rules fall into few rows and the profile alternates between full and
/// empty rows (the squared differences of neighbouring rows are largest), the measure
/// Leptonica's skew finder also uses. Searched in 0.1° steps within ±3°, then 0.02° around
/// the best.
enum OCRSkew {
    /// Grey levels below this are ink.
    static let inkLevel: UInt8 = 160
    /// The largest skew looked for, in degrees.
    static let limit = 3.0
    /// Smaller angles are left as they are (under a pixel over 6 inches at 300 dpi).
    static let negligible = 0.1

    /// The angle in degrees by which the page's lines descend to the right (negative: they
    /// rise), 0 on a page without ink.
    static func angle(of image: OCRGrayImage) -> Double {
        // Every other pixel of every other row (fewer on a huge image, at most about 4 million
        // looked at): enough ink for the profile, a quarter of the work or less.
        let step = max(2, Int((Double(image.pixels.count) / 4e6).squareRoot().rounded(.up)))
        var xs: [Float] = []
        var ys: [Float] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in stride(from: 0, to: image.height, by: step) {
                let row = y * image.width
                for x in stride(from: 0, to: image.width, by: step) where pixels[row + x] < inkLevel {
                    xs.append(Float(x))
                    ys.append(Float(y))
                }
            }
        }
        guard xs.count >= 100 else { return 0 }
        let rowCount = image.height / 2 + Int((Double(image.width) * 0.06).rounded(.up)) + 2
        var profile = [Int32](repeating: 0, count: rowCount * 2)

        func sharpness(_ degrees: Double) -> Double {
            let slope = Float(tan(degrees * .pi / 180))
            for index in profile.indices { profile[index] = 0 }
            let offset = Float(rowCount)
            profile.withUnsafeMutableBufferPointer { bins in
                for index in xs.indices {
                    let bin = Int(((ys[index] - xs[index] * slope) / 2 + offset).rounded(.down))
                    if bin >= 0 && bin < bins.count { bins[bin] += 1 }
                }
            }
            var sum = 0.0
            for index in 1..<profile.count {
                let step = Double(profile[index] - profile[index - 1])
                sum += step * step
            }
            return sum
        }

        var best = 0.0
        var bestScore = sharpness(0)
        for step in -30...30 where step != 0 {
            let candidate = Double(step) / 10
            let score = sharpness(candidate)
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        let coarse = best
        for step in -5...5 where step != 0 {
            let candidate = coarse + Double(step) / 50
            let score = sharpness(candidate)
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// The image turned about its centre so that lines descending by `degrees` run level
    /// (bilinear sampling; corners brought in from outside are white).
    static func deskewed(_ image: OCRGrayImage, by degrees: Double) -> OCRGrayImage {
        let width = image.width
        let height = image.height
        let cosine = cos(degrees * .pi / 180)
        let sine = sin(degrees * .pi / 180)
        let centreX = Double(width - 1) / 2
        let centreY = Double(height - 1) / 2
        var turned = [UInt8](repeating: 255, count: image.pixels.count)
        image.pixels.withUnsafeBufferPointer { source in
            turned.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    let dy = Double(y) - centreY
                    for x in 0..<width {
                        let dx = Double(x) - centreX
                        let sourceX = centreX + dx * cosine - dy * sine
                        let sourceY = centreY + dx * sine + dy * cosine
                        let left = Int(sourceX.rounded(.down))
                        let top = Int(sourceY.rounded(.down))
                        guard left >= 0, top >= 0, left + 1 < width, top + 1 < height else { continue }
                        let fx = sourceX - Double(left)
                        let fy = sourceY - Double(top)
                        let base = top * width + left
                        let upper = Double(source[base]) * (1 - fx) + Double(source[base + 1]) * fx
                        let lower = Double(source[base + width]) * (1 - fx) + Double(source[base + width + 1]) * fx
                        target[y * width + x] = UInt8(min(max((upper * (1 - fy) + lower * fy).rounded(), 0), 255))
                    }
                }
            }
        }
        return OCRGrayImage(width: width, height: height, pixels: turned)
    }
}
