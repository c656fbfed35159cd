/// Builds Strings from arrays of Unicode scalars in one pass (UTF-8 encoded up front),
/// which is much cheaper than appending scalars to a String one by one.
enum PDFScalarText {
    static func string<S: Collection<Unicode.Scalar>>(_ scalars: S) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + scalars.count / 4)
        for scalar in scalars {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
