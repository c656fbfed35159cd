import EnjeuxLearning
import EnjeuxTuning
import Foundation

/// The simulation as tables, or as one JSON object.
enum SimulationReport {
    static let readPoints = [10, 20, 50]

    static func text(_ result: SimulationResult) -> String {
        let checkpoints = SimulationResult.checkpoints
        var header = ["issue", "candidates"]
        header += checkpoints.map { "nDCG@10 \($0)" } + checkpoints.map { "P@5 \($0)" }
        var table = TextTable(header: header, rightAligned: header.indices.map { $0 > 0 })
        for issue in result.issues {
            table.rows.append(
                [issue.category, "\(issue.candidates)"] + checkpoints.map { format(issue.ndcgAt10[$0]) }
                    + checkpoints.map { format(issue.precisionAt5[$0]) })
        }
        table.rows.append(
            ["mean", ""] + checkpoints.map { format(result.meanNDCG(after: $0)) }
                + checkpoints.map { format(result.meanPrecision(after: $0)) })
        var recallHeader = ["issue", "grade-2 lines", "reachable"]
        recallHeader += readPoints.map { "recall @\($0) read" } + ["read at 95%", "WSS@95"]
        var recall = TextTable(header: recallHeader, rightAligned: recallHeader.indices.map { $0 > 0 })
        for issue in result.issues {
            recall.rows.append(
                [issue.category, "\(issue.gradeTwoLines)", "\(issue.reachableGradeTwoLines)"]
                    + readPoints.map { format(recallAfter($0, issue)) }
                    + [issue.readAt95.map { "\($0) of \(issue.candidates)" } ?? "—", format(issue.wss95)])
        }
        recall.rows.append(
            ["mean", "", ""] + readPoints.map { format(result.meanRecall(afterReading: $0)) }
                + ["", format(result.meanWSS95)])
        return "nDCG@10 and P@5 after 0, 5, 10, 20 and 50 judgments per issue\n\n" + table.render()
            + "\nReading in the proposed order: recall of the reachable grade-2 quotes\n\n" + recall.render()
    }

    static func json(_ result: SimulationResult) -> String {
        func object(_ values: [Int: Double]) -> String {
            "{" + SimulationResult.checkpoints.map { "\"\($0)\": \(number(values[$0]))" }.joined(separator: ", ") + "}"
        }
        var members: [String] = []
        for issue in result.issues {
            let recall = readPoints.map { "\"\($0)\": \(number(recallAfter($0, issue)))" }.joined(separator: ", ")
            members.append(
                "\"\(issue.category)\": {\"candidates\": \(issue.candidates), \"ndcg10\": \(object(issue.ndcgAt10)), "
                    + "\"p5\": \(object(issue.precisionAt5)), \"grade2_lines\": \(issue.gradeTwoLines), "
                    + "\"reachable_grade2_lines\": \(issue.reachableGradeTwoLines), \"recall_after_reading\": {\(recall)}, "
                    + "\"read_at_95\": \(issue.readAt95.map(String.init) ?? "null"), \"wss95\": \(number(issue.wss95))}"
            )
        }
        let checkpoints = SimulationResult.checkpoints
        let meanNDCG = Dictionary(uniqueKeysWithValues: checkpoints.map { ($0, result.meanNDCG(after: $0)) })
        let meanP5 = Dictionary(uniqueKeysWithValues: checkpoints.map { ($0, result.meanPrecision(after: $0)) })
        let meanRecall = readPoints.map { "\"\($0)\": \(number(result.meanRecall(afterReading: $0)))" }
            .joined(separator: ", ")
        members.append(
            "\"mean\": {\"ndcg10\": \(object(meanNDCG)), \"p5\": \(object(meanP5)), "
                + "\"recall_after_reading\": {\(meanRecall)}, \"wss95\": \(number(result.meanWSS95))}")
        return "{" + members.joined(separator: ", ") + "}\n"
    }

    static func recallAfter(_ read: Int, _ issue: SimulatedIssue) -> Double? {
        issue.recallCurve.isEmpty ? nil : issue.recallCurve[min(read, issue.recallCurve.count) - 1]
    }

    static func format(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "—" }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return String(format: "%.4f", value)
    }
}
