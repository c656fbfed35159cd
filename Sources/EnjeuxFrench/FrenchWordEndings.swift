/// French inflectional endings, to guess the dictionary form of an inflected word. Read by
/// the PDF extractor's word list, which knows only dictionary forms.
package enum FrenchWordEndings {
    /// Feminine and plural endings with their masculine singular replacement (`-elle` → `-el`,
    /// `-ive` → `-if`, `-e` dropped), in the order they are tried.
    package static let masculineReplacements: [(String, String)] = [
        ("elle", "el"), ("enne", "en"), ("onne", "on"), ("ive", "if"), ("euse", "eux"), ("ère", "er"), ("e", ""),
    ]

    /// Common verb endings, longest first: a conjugated form is looked up as its infinitive.
    package static let verbEndings: [String] = [
        "eraient", "issent", "aient", "erait", "èrent", "aient", "ions", "iez", "ent", "ons", "ait", "ant", "ées",
        "és", "ée", "ez", "es", "é", "e", "it", "is", "ai", "a",
    ]
}
