import Testing
import Yams

@testable import EnjeuxLexicon

/// Lexicons are composed with Yams's basic resolver and their plain scalars typed by
/// `Node.Scalar.typeName`: it must agree with Yams's default resolver on every kind of scalar.
@Suite("YAML scalar types")
struct YAMLScalarTypeTests {
    private let samples = [
        "", "~", "null", "Null", "NULL", "nul", "none", "true", "True", "TRUE", "tRue", "false", "yes", "No", "ON",
        "off",
        "y", "n", "0", "7", "-3", "+12", "1_000", "0b101", "0o17", "017", "0x1F", "0xZZ", "190:20:30", "1.5", "-0.25",
        ".5", "1e3", "6.8523015e+5", ".inf", "-.Inf", ".NaN", ".nan", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5", "<<", "=", "==", "< <", "lean", "autonomie", "charge NEAR/5 travail",
        "indicateur*",
        "=GMF", "-", "+", ".", "1.2.3", "12abc", "-x", "flexible", "weight", "term", "ordre professionnel",
    ]

    @Test func plainScalarsAreTypedAsTheDefaultResolverTypesThem() throws {
        for sample in samples {
            let expected = Resolver.default.resolveTag(of: Node(sample)).rawValue
            #expect(Node.Scalar.implicitTypeName(of: sample) == expected, "\(sample)")
        }
    }

    @Test func composedDocumentsKeepQuotedAndTaggedScalarTypes() throws {
        let yaml = """
            a: true
            b: "true"
            c: 'null'
            d: !!str 12
            e: !!int "12"
            f: 2.5
            g:
            h: lean
            """
        let fast = try #require(try Yams.compose(yaml: yaml, .basic))
        let reference = try #require(try Yams.compose(yaml: yaml))
        guard case .mapping(let fastMapping) = fast, case .mapping(let referenceMapping) = reference else {
            Issue.record("not a mapping")
            return
        }
        for ((key, value), (_, referenceValue)) in zip(fastMapping, referenceMapping) {
            guard case .scalar(let scalar) = value else { continue }
            #expect(scalar.typeName == referenceValue.tag.description, "\(key.string ?? "")")
        }
    }
}

/// Texts cut from a passage by scalar offsets, as match texts are.
@Suite("Scalar slices")
struct ScalarSlicesTests {
    @Test func slicesInAnyOrderMatchTheScalarsOfTheText() {
        let text = "Élan: œuvre « naïve » — 漢字 et 🙂 fin"
        let scalars = Array(text.unicodeScalars)
        func expected(_ range: ScalarRange) -> String {
            let lower = max(0, min(range.start, scalars.count))
            let upper = max(lower, min(range.end, scalars.count))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[lower..<upper])
            return String(view)
        }
        let ranges = [
            ScalarRange(start: 6, end: 11), ScalarRange(start: 0, end: 4), ScalarRange(start: 2, end: 9),
            ScalarRange(start: 25, end: 27), ScalarRange(start: 30, end: 99), ScalarRange(start: -3, end: 2),
            ScalarRange(start: 8, end: 5), ScalarRange(start: 6, end: 11),
        ]
        #expect(ScalarSlices.slices(of: text, ranges) == ranges.map(expected))
        #expect(ScalarSlices.slices(of: text, []) == [])
    }
}
