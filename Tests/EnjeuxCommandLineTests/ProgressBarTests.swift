import EnjeuxCommandLine
import Testing

@Suite struct ProgressBarTests {
    @Test func startsEmptyWithoutRateOrEstimate() {
        #expect(
            ProgressBar.line(label: "extract", done: 0, total: 40, elapsed: 0, width: 10)
                == "extract [----------] 0/40 documents")
    }

    @Test func showsRateAndTimeLeft() {
        // 10 of 40 in 4 s: 2.5 per second, 30 left → 12 s.
        #expect(
            ProgressBar.line(label: "score", done: 10, total: 40, elapsed: 4, width: 8)
                == "score [##------] 10/40 documents, 2.5/s, 12 s left")
    }

    @Test func longEstimatesInMinutesAndHours() {
        #expect(
            ProgressBar.line(label: "extract", done: 1, total: 1000, elapsed: 1, width: 4)
                == "extract [----] 1/1000 documents, 1.0/s, 16 min 39 s left")
        #expect(
            ProgressBar.line(label: "extract", done: 1, total: 10_000, elapsed: 1, width: 4)
                == "extract [----] 1/10000 documents, 1.0/s, 2 h 46 min left")
    }

    @Test func finishedBarIsFullWithoutEstimate() {
        #expect(
            ProgressBar.line(label: "tokenize", done: 59, total: 59, elapsed: 2, width: 6)
                == "tokenize [######] 59/59 documents, 30/s")
    }

    @Test func emptyStageAndOvercountStayInBounds() {
        #expect(
            ProgressBar.line(label: "score", done: 0, total: 0, elapsed: 1, width: 4) == "score [####] 0/0 documents")
        #expect(
            ProgressBar.line(label: "score", done: 7, total: 5, elapsed: 1, width: 4)
                == "score [####] 7/5 documents, 7.0/s")
    }
}
