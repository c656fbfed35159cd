/// The workbench's one page: the issues, the list of the issue chosen, the search and the
/// basket; the script fills them from the JSON API. Semantic HTML in French, keyboard first.
enum ReviewPage {
    static func html(token: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="enjeux-token" content="\(token)">
        <title>Enjeux — atelier de lecture</title>
        <link rel="stylesheet" href="/assets/review.css?token=\(token)">
        <script src="/assets/review.js?token=\(token)" defer></script>
        </head>
        <body>
        <a class="saut" href="#liste">Aller à la liste</a>
        <header>
        <h1>Atelier de lecture</h1>
        <p id="aide">Touches : <kbd>2</kbd> très pertinent, <kbd>1</kbd> pertinent, <kbd>0</kbd> non pertinent, \
        <kbd>n</kbd> commentaire, <kbd>u</kbd> annuler, <kbd>j</kbd>/<kbd>k</kbd> passage suivant/précédent, \
        <kbd>c</kbd> contexte, <kbd>b</kbd> ajouter au panier.</p>
        </header>
        <nav aria-label="Enjeux"><ul id="enjeux"></ul></nav>
        <main>
        <section aria-labelledby="titre-liste">
        <h2 id="titre-liste">Choisissez un enjeu</h2>
        <p id="progression" aria-live="polite"></p>
        <p><label><input type="checkbox" id="mode-suite"> À juger ensuite</label></p>
        <p id="statut" role="status" aria-live="polite"></p>
        <ol id="liste" tabindex="-1"></ol>
        <details id="ecartes"><summary>Écartés par un jugement</summary><ol id="liste-ecartes"></ol></details>
        <details id="pistes"><summary>Pistes pour le lexique (jugés pertinents, aucun terme trouvé)</summary>
        <ol id="liste-pistes"></ol></details>
        </section>
        <section aria-labelledby="titre-recherche">
        <h2 id="titre-recherche">Rechercher dans tout le corpus</h2>
        <form id="recherche" role="search">
        <label for="terme">Terme (syntaxe du lexique : autonom*, "=GMF", jugement NEAR/3 clinique)</label>
        <input id="terme" name="q" type="search" maxlength="500">
        <button type="submit">Rechercher</button>
        </form>
        <p id="statut-recherche" role="status" aria-live="polite"></p>
        <ol id="resultats"></ol>
        </section>
        <section aria-labelledby="titre-panier">
        <h2 id="titre-panier">Panier de la note</h2>
        <p><label for="titre-note">Titre de la note</label>
        <input id="titre-note" type="text" maxlength="300"> <button type="button" id="enregistrer-titre">Enregistrer le titre</button></p>
        <ol id="panier"></ol>
        <p><a id="telecharger-docx" href="#">Télécharger la note (DOCX)</a> ·
        <a id="telecharger-odt" href="#">Télécharger la note (ODT)</a> ·
        <a id="telecharger-selection" href="#">Fichier de sélection</a></p>
        </section>
        </main>
        </body>
        </html>

        """
    }
}
