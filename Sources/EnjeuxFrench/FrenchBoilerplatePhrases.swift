/// Phrases of page furniture in French and English web pages (legal lines, cookie notices,
/// unsubscribe links). Read by the HTML extractor, which drops short blocks holding one.
package enum FrenchBoilerplatePhrases {
    /// Lowercase; letters limited to ASCII and the accented letters of Latin-1, which the
    /// extractor lowercases on bytes before searching.
    package static let phrases: [String] = [
        "tous droits réservés", "all rights reserved", "©", "utilise des témoins", "utilisons des témoins",
        "uses cookies", "use cookies", "se désabonner", "désabonnement", "unsubscribe", "version web",
        "web version", "partager sur", "share on", "lire la suite", "read more", "vous devez activer javascript",
        "enable javascript", "requires javascript", "suivez-nous sur", "follow us on", "abonnez-vous à notre",
        "inscrivez-vous à notre", "subscribe to our", "sign up for our", "delivered to your inbox",
        "playback is unsupported",
    ]
}
