/// A rectangle on an image in pixels, origin at the top-left corner.
public struct OCRBox: Sendable, Hashable {
    public var left: Int
    public var top: Int
    public var right: Int
    public var bottom: Int

    public init(left: Int, top: Int, right: Int, bottom: Int) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    public var height: Int { bottom - top }
}

/// One recognised word: its text (UTF-8 from Tesseract, NFC not guaranteed), where it is
/// and Tesseract's confidence in it (0–100).
public struct OCRWord: Sendable, Hashable {
    public var text: String
    public var box: OCRBox
    public var confidence: Double

    public init(text: String, box: OCRBox, confidence: Double) {
        self.text = text
        self.box = box
        self.confidence = confidence
    }
}

/// One text line of Tesseract's layout analysis, with the paragraph and block it belongs to
/// (numbered from 0 in Tesseract's reading order).
public struct OCRLine: Sendable, Hashable {
    public var words: [OCRWord]
    public var box: OCRBox
    /// Height of the line's baseline below its top, in pixels (nil when Tesseract gives none).
    public var ascent: Int?
    public var paragraph: Int
    public var block: Int

    public init(words: [OCRWord], box: OCRBox, ascent: Int?, paragraph: Int, block: Int) {
        self.words = words
        self.box = box
        self.ascent = ascent
        self.paragraph = paragraph
        self.block = block
    }
}

/// What Tesseract recognised on one image.
public struct OCRPageResult: Sendable, Hashable {
    public var lines: [OCRLine]
    /// True when the time limit stopped recognition before its end (the lines are what was
    /// recognised before).
    public var timedOut: Bool

    public init(lines: [OCRLine], timedOut: Bool) {
        self.lines = lines
        self.timedOut = timedOut
    }

    /// Mean word confidence (0–100), weighted by word length; nil when no word was found.
    public var meanConfidence: Double? {
        var total = 0.0
        var weight = 0
        for line in lines {
            for word in line.words {
                let length = max(word.text.unicodeScalars.count, 1)
                total += word.confidence * Double(length)
                weight += length
            }
        }
        return weight > 0 ? total / Double(weight) : nil
    }
}
