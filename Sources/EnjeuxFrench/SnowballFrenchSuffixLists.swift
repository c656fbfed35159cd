/// The suffix lists of the Snowball French stemming algorithm (snowballstem.org, "French
/// stemming algorithm"), grouped by the action the algorithm takes when a suffix is found.
/// Upper-case `I`, `U` and `Y` stand for the vowels the algorithm marks as consonants. The
/// stemmer builds its suffix tables from them (EnjeuxText, `Stemming/SuffixTable.swift`).

package enum StandardAction: Sendable {
    case deleteInR2, ation, logie, ution, ence, ement, ite, ive, eaux, aux, oux, euse, issement, amment, emment, ment
}
package enum AfterIteAction: Sendable { case abil, ic, iv }
package enum AfterEmentAction: Sendable { case iv, eus, ablIqU, ier }
package enum VerbAction: Sendable { case ions, delete, deleteWithE, ais }
package enum ResidualAction: Sendable { case ion, ier, e }

package enum SnowballFrenchSuffixLists {
    package static let standard: [([String], StandardAction)] = [
        (["ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes"], .deleteInR2),
        (["atrice", "ateur", "ation", "atrices", "ateurs", "ations"], .ation),
        (["logie", "logies"], .logie),
        (["usion", "ution", "usions", "utions"], .ution),
        (["ence", "ences"], .ence),
        (["ement", "ements"], .ement),
        (["ité", "ités"], .ite),
        (["if", "ive", "ifs", "ives"], .ive),
        (["eaux"], .eaux),
        (["aux"], .aux),
        (["oux"], .oux),
        (["euse", "euses"], .euse),
        (["issement", "issements"], .issement),
        (["amment"], .amment),
        (["emment"], .emment),
        (["ment", "ments"], .ment),
    ]
    package static let afterIte: [([String], AfterIteAction)] = [(["abil"], .abil), (["ic"], .ic), (["iv"], .iv)]
    package static let afterEment: [([String], AfterEmentAction)] = [
        (["iv"], .iv), (["eus"], .eus), (["abl", "iqU"], .ablIqU), (["ièr", "Ièr"], .ier),
    ]
    package static let iVerb: [([String], Void)] = [
        (
            [
                "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras",
                "irent", "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait", "issant",
                "issante", "issantes", "issants", "isse", "issent", "isses", "issez", "issiez", "issions", "issons",
                "it",
            ], ()
        )
    ]
    package static let verb: [([String], VerbAction)] = [
        (["ions"], .ions),
        (
            [
                "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras", "erez",
                "eriez", "erions", "erons", "eront", "ez", "iez",
            ], .delete
        ),
        (
            [
                "âmes", "ât", "âtes", "a", "ai", "aIent", "ait", "ant", "ante", "antes", "ants", "as", "asse",
                "assent", "asses", "assiez", "assions",
            ], .deleteWithE
        ),
        (["ais", "aise", "aises"], .ais),
        (["eais"], .delete),
    ]
    package static let residual: [([String], ResidualAction)] = [
        (["ion"], .ion), (["ier", "ière", "Ier", "Ière"], .ier), (["e"], .e),
    ]
}
