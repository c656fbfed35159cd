/// French language data, in one place (like spaCy's `lang/fr`): word and phrase lists only,
/// the algorithms that read them stay in their stages. Edit a list here and every user sees it.
///
/// - `FrenchFunctionWords.table`: every function word once, with its roles (article,
///   preposition, pronoun, form of être…) and uses; its selections
///   (`FrenchFunctionWords+Selections.swift`) are what the users read:
///   - `skippable`: words a flexible phrase may skip (lexicon term syntax, compiled matcher);
///   - `notATerm`: words too common to be a term alone (term syntax, suggestion finder);
///   - `uninformative`: further words the suggestion finder ignores;
///   - `stopwords`: the stopword view (tests);
///   - `elisions`, `elisionPrefixesBeforeQu`, `clitics`: elided forms and hyphenated pronouns
///     (tokenizer).
/// - `FrenchSentenceOpeners.words`: words that open a sentence after `;` or `:` (sentence splitter).
/// - `FrenchTokenLists`: words kept whole and abbreviations (tokenizer, sentence splitter).
/// - `SnowballFrenchSuffixLists`: the suffixes of the Snowball French stemmer (stemmer).
/// - `FrenchBoilerplatePhrases.phrases`: cookie notices, legal lines… (HTML extraction).
/// - `FrenchHyphenatedCompounds`: halves of hyphenated compounds (PDF line-end hyphens).
/// - `FrenchWordEndings`: feminine, plural and verb endings (PDF word list look-ups).
/// - `FrenchOrganisationWords.words`, `.nameParticles`: words that name an organisation, and the
///   particles of people's names (`AuthorName`, for the citations).
///
/// Not here, as they are rules of an algorithm rather than lists: the single-letter elisions
/// and ordinal suffixes the tokenizer matches in `switch`es on scalars, French typography
/// (no-break spaces) in the PDF extractor and the evidence files, the HTML class and id rules.
package enum FrenchLanguageData {}
