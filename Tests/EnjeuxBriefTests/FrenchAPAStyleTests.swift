import Testing

@testable import EnjeuxBrief

/// The default style's French punctuation: `et`, no comma before it.
struct FrenchAPAStyleTests {
    @Test func namesAreJoinedWithEtWithoutASerialComma() {
        let style = """
            <?xml version="1.0" encoding="utf-8"?>
            <style><macro name="author"><names variable="author">
            <name name-as-sort-order="all" and="symbol" delimiter=", " delimiter-precedes-last="always"/>
            </names></macro></style>
            """
        let derived = FrenchAPAStyle.derived(from: style)
        #expect(derived.contains("and=\"text\""))
        #expect(derived.contains("delimiter-precedes-last=\"never\""))
        #expect(!derived.contains("and=\"symbol\""))
        #expect(derived.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- Derived by enjeux-brief"))
    }
}
