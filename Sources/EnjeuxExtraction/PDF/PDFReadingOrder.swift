/// Puts the lines of a page in reading order, column by column.
///
/// Two rules give a partial order (after T. Breuel's reading-order rules for document
/// layout): a line comes before another line it overlaps horizontally and sits above;
/// and a line comes before a line entirely to its right unless some third line, between
/// them vertically, spans both (a full-width heading separating two bands of columns)
/// or its column starts lower than the other line. A topological sort of that order, breaking ties with poppler's own order,
/// gives the reading order.
enum PDFReadingOrder {
    /// Pages with more lines than this (dense tables, indexes) keep poppler's order: the
    /// pairwise rules cost time in the cube of the line count.
    static let maximumLineCount = 400

    static func ordered(_ lines: [PDFTextLine]) -> [PDFTextLine] {
        let count = lines.count
        guard count > 1, count <= maximumLineCount else { return lines }
        var successors = Array(repeating: [Int](), count: count)
        var predecessorCount = Array(repeating: 0, count: count)

        func addEdge(_ from: Int, _ to: Int) {
            successors[from].append(to)
            predecessorCount[to] += 1
        }

        for a in 0..<count {
            for b in (a + 1)..<count {
                let first = lines[a]
                let second = lines[b]
                if first.horizontalOverlap(with: second) > 0 {
                    if first.isOnSameRow(as: second) {
                        if first.x1 <= second.x1 { addEdge(a, b) } else { addEdge(b, a) }
                    } else if first.midY < second.midY {
                        addEdge(a, b)
                    } else {
                        addEdge(b, a)
                    }
                } else if first.x2 <= second.x1 {
                    if !isSeparated(a, b, lines) { addEdge(a, b) }
                } else if second.x2 <= first.x1 {
                    if !isSeparated(b, a, lines) { addEdge(b, a) }
                }
            }
        }
        return topologicalOrder(lines, successors: successors, predecessorCount: predecessorCount)
    }

    /// True when `left` need not come before `right`: a line lies vertically between
    /// them and overlaps both horizontally; or `left` sits wholly below `right` and
    /// nothing in its column reaches up to `right`'s level (a title set above a
    /// column is not the neighbouring column).
    private static func isSeparated(_ left: Int, _ right: Int, _ lines: [PDFTextLine]) -> Bool {
        let a = lines[left]
        let b = lines[right]
        if a.y1 >= b.y2 {
            let columnReachesUp = lines.indices.contains { index in
                index != right && lines[index].y1 <= b.y2 && lines[index].horizontalOverlap(with: a) > 0
            }
            if !columnReachesUp { return true }
        }
        let top = min(a.midY, b.midY)
        let bottom = max(a.midY, b.midY)
        for index in lines.indices where index != left && index != right {
            let c = lines[index]
            guard c.midY > top, c.midY < bottom else { continue }
            if c.horizontalOverlap(with: a) > 0 && c.horizontalOverlap(with: b) > 0 { return true }
        }
        return false
    }

    private static func topologicalOrder(
        _ lines: [PDFTextLine], successors: [[Int]], predecessorCount: [Int]
    ) -> [PDFTextLine] {
        var remaining = predecessorCount
        var placed = Array(repeating: false, count: lines.count)
        var result: [PDFTextLine] = []
        result.reserveCapacity(lines.count)
        while result.count < lines.count {
            // The ready line earliest in poppler's order; on a cycle, the earliest unplaced line.
            var choice: Int?
            var fallback: Int?
            for index in lines.indices where !placed[index] {
                if fallback == nil { fallback = index }
                if remaining[index] == 0 {
                    choice = index
                    break
                }
            }
            guard let next = choice ?? fallback else { break }
            placed[next] = true
            result.append(lines[next])
            for successor in successors[next] { remaining[successor] -= 1 }
        }
        return result
    }
}
