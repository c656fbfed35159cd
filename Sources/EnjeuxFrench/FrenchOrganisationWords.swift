/// Words that make an author an organisation rather than a person (`Ministère de la Santé…`,
/// `Syndicat des…`, `Incubateur Rive-Nord Techno`), in French and English, lowercase with
/// accents folded, and the particles of people's names. Read by `AuthorName` (EnjeuxModel),
/// which tells people from organisations for the citations.
package enum FrenchOrganisationWords {
    package static let words: Set<String> = [
        // Public bodies and the health and social services network.
        "agence", "administration", "autorite", "bureau", "cabinet", "chambre", "commissaire", "commission",
        "conseil", "curateur", "departement", "direction", "division", "etablissement", "gouvernement",
        "ministere", "municipalite", "observatoire", "office", "ombudsman", "protecteur", "secretariat", "service",
        "services", "tribunal", "unite", "verificateur", "ville", "assemblee", "senat", "parlement", "programme",
        "hopital", "clinique", "dispensaire", "cisss", "ciusss", "clsc", "gmf", "chsld", "crds", "inesss", "inspq",
        "msss", "ramq",
        // Associations, orders, unions, research.
        "alliance", "association", "regroupement", "coalition", "collectif", "comite", "confederation", "federation",
        "front", "mouvement", "ordre", "reseau", "syndicat", "table", "forum", "carrefour", "maison", "centre",
        "fondation", "institut", "universite", "college", "cegep", "ecole", "faculte", "laboratoire", "chaire",
        "groupe", "equipe", "projet", "societe", "cooperative", "corporation", "entreprise",
        "compagnie", "incubateur", "organisme", "organisation", "club", "cercle", "communaute", "collectivite",
        // Publishers and newsrooms.
        "redaction", "journal", "magazine", "revue", "presse", "editions", "radio", "television",
        // English equivalents.
        "agency", "board", "center", "committee", "company",
        "council", "department", "foundation", "government", "group", "institute", "ministry",
        "network", "organization", "press", "school", "society", "staff", "team",
        "union", "university", "editors", "newsroom", "inc", "ltd", "llc", "ltee", "enr", "cie",
    ]

    /// Lowercase words of a person's name that join its parts (`Alexis de Tocqueville`,
    /// `Vincent van Gogh`); `de` and `d’` are dropped when citing a French name, the others
    /// stay with the family name.
    package static let nameParticles: Set<String> = [
        "de", "d'", "d’", "du", "des", "la", "le", "van", "von", "der", "den", "ten", "ter", "di", "da", "del",
        "della", "dos", "das", "y", "bin", "ben", "al",
    ]

    /// Name particles dropped from a French family name in a citation (`de Tocqueville` → `Tocqueville`).
    package static let droppedParticles: Set<String> = ["de", "d'", "d’"]
}
