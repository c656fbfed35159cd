/// The style sheet and the script inlined in `index.html`. Both are fixed text: the script
/// reads everything it needs from the page (data attributes), so no document text is ever
/// written inside the `<script>` element.
enum EvidencePageAssets {
    /// Forbids every load (scripts, styles, images, fonts, connections) except the inline
    /// style and script of the page itself.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'"

    static let style = """
        :root { color-scheme: light; }
        body { margin: 0 auto; max-width: 72rem; padding: 0 1rem 2rem; font: 16px/1.5 system-ui, sans-serif;
          color: #1a1a1a; background: #ffffff; }
        a { color: #0b4f9c; }
        a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, [role=tabpanel]:focus-visible {
          outline: 3px solid #b35900; outline-offset: 2px; }
        .evitement { position: absolute; left: -999px; }
        .evitement:focus { left: 1rem; top: 1rem; background: #ffffff; padding: .25rem .5rem; }
        header { border-bottom: 2px solid #0b4f9c; margin-bottom: 1rem; }
        h1 { font-size: 1.7rem; margin: 1rem 0 .25rem; }
        h2 { font-size: 1.35rem; margin: 1.5rem 0 .5rem; }
        h3 { font-size: 1.2rem; margin: .75rem 0 .25rem; }
        h4 { font-size: 1rem; margin: 0 0 .25rem; color: #333333; }
        dl.resume { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
        dl.resume dt { font-weight: 600; }
        dl.resume dd { margin: 0; overflow-wrap: anywhere; }
        .defilement { overflow: auto; max-height: 70vh; border: 1px solid #cccccc; }
        .outils-carte { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: end; margin: .5rem 0; }
        .outils-carte[hidden], [role=tablist][hidden] { display: none; }
        .outils-carte label { display: block; font-weight: 600; font-size: .9rem; }
        .outils-carte .case label { display: inline; margin-left: .3rem; }
        .outils-carte input[type=search] { font: inherit; padding: .2rem; width: 20rem; max-width: 100%; }
        .outils-carte p { margin: 0; }
        table.carte { table-layout: fixed; border-collapse: separate; border-spacing: 0; font-size: .85rem; }
        table.carte col.document { width: 20rem; }
        table.carte col.total { width: 4rem; }
        table.carte col.enjeu { width: 3.4rem; }
        table.carte th, table.carte td { padding: .15rem .4rem; border-bottom: 1px solid #e3e3e3; text-align: right; }
        table.carte thead th { position: sticky; top: 0; z-index: 1; background: #ffffff; vertical-align: bottom;
          border-bottom: 2px solid #0b4f9c; }
        table.carte thead th.enjeu { text-align: left; }
        table.carte thead th.enjeu button { writing-mode: vertical-rl; transform: rotate(180deg); max-height: 12rem;
          text-align: left; }
        table.carte th button { font: inherit; font-weight: 600; color: #0b4f9c; background: none; border: 1px solid transparent;
          padding: .1rem .2rem; cursor: pointer; text-align: inherit; }
        table.carte th[aria-sort=descending] button::after { content: " \\25BE"; }
        table.carte tbody th { text-align: left; font-weight: normal; overflow-wrap: anywhere; }
        table.carte td { color: #595959; }
        table.carte td.total { font-weight: 600; color: #1a1a1a; }
        table.carte td a { display: block; color: inherit; text-decoration: none; }
        table.carte td a:focus-visible { outline: 3px solid #b35900; outline-offset: -3px; }
        table.carte td a:hover { text-decoration: underline; }
        table.carte .n1 { background: #deebf7; color: #1a1a1a; }
        table.carte .n2 { background: #9ecae1; color: #1a1a1a; }
        table.carte .n3 { background: #3274b0; color: #ffffff; }
        table.carte .n4 { background: #2166ac; color: #ffffff; }
        table.carte .n5 { background: #08306b; color: #ffffff; }
        table.carte tr.vide td[colspan] { text-align: left; font-style: italic; }
        ul.raisons { list-style: none; padding-left: 0; margin: .25rem 0; }
        ul.raisons summary { cursor: pointer; }
        ul.raisons ul { margin: .25rem 0 .5rem; }
        .filtres { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: end; margin: .5rem 0 1rem;
          padding: .5rem .75rem; background: #f3f6fa; border: 1px solid #c9d5e3; }
        .filtres label { display: block; font-weight: 600; font-size: .9rem; }
        .filtres select { max-width: 28rem; }
        .filtres select, .filtres input { font: inherit; padding: .2rem; }
        [role=tablist] { display: flex; flex-wrap: wrap; gap: .25rem; border-bottom: 2px solid #0b4f9c; }
        [role=tab] { font: inherit; font-size: .95rem; padding: .4rem .7rem; border: 1px solid #8aa4c2;
          border-bottom: none; background: #eef3f9; color: #1a1a1a; cursor: pointer; border-radius: 4px 4px 0 0; }
        [role=tab][aria-selected=true] { background: #0b4f9c; color: #ffffff; border-color: #0b4f9c; }
        [role=tabpanel] { padding: .25rem 0 1rem; }
        article.passage { border: 1px solid #d0d0d0; border-left: 4px solid #0b4f9c; border-radius: 4px;
          padding: .6rem .9rem; margin: .75rem 0; }
        blockquote { margin: .25rem 0 .5rem; padding: 0; }
        .texte { white-space: pre-wrap; margin: 0; font-size: 1.05rem; }
        mark { background: #ffe066; color: #000000; padding: 0 .1em; border-radius: 2px; }
        .citation { font-weight: 600; margin: .25rem 0; }
        ul.details { margin: .25rem 0 .5rem; padding-left: 1.2rem; font-size: .92rem; color: #333333; }
        .a-verifier { color: #8a1c1c; font-weight: 600; font-size: .92rem; }
        button.copier { font: inherit; font-size: .9rem; padding: .3rem .7rem; border: 1px solid #0b4f9c;
          background: #ffffff; color: #0b4f9c; border-radius: 4px; cursor: pointer; }
        button.copier:hover { background: #eef3f9; }
        .choix { display: none; width: fit-content; margin: .4rem 0 0; font-size: .92rem; cursor: pointer; }
        [data-script=actif] .choix { display: block; }
        .choix input { width: 1.1rem; height: 1.1rem; vertical-align: middle; }
        .selection { margin: .5rem 0 1rem; padding: .5rem .75rem; border: 1px solid #c9d5e3; background: #f9fbfd; }
        .selection h3 { margin-top: 0; }
        .selection label { display: block; font-weight: 600; font-size: .9rem; }
        .selection textarea { font: .95rem/1.4 ui-monospace, monospace; width: 100%; max-width: 24rem; }
        .selection button { font: inherit; font-size: .9rem; padding: .3rem .7rem; border: 1px solid #0b4f9c;
          background: #ffffff; color: #0b4f9c; border-radius: 4px; cursor: pointer; }
        .visuellement-cache { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; }
        footer { margin-top: 2rem; border-top: 1px solid #cccccc; font-size: .9rem; color: #333333; }
        @media print { [role=tablist], .filtres, .selection, .choix, button.copier, .outils-carte { display: none !important; } [role=tabpanel][hidden] { display: block; } }
        """

    /// Without the script nothing can show the rows of the documents without passages nor the
    /// panels of the other issues: they are shown from the start.
    static let noScriptStyle =
        "table.carte tr.vide[hidden] { display: table-row; } [role=tabpanel][hidden] { display: block; }"

    static let script = """
        (function () {
          'use strict';
          var onglets = Array.prototype.slice.call(document.querySelectorAll('[role=tab]'));
          var panneaux = Array.prototype.slice.call(document.querySelectorAll('[role=tabpanel]'));
          var choixDocument = document.getElementById('filtre-document');
          var choixScore = document.getElementById('filtre-score');
          var annonce = document.getElementById('annonce');

          function choisir(onglet, donnerFocus) {
            onglets.forEach(function (autre) {
              var actif = autre === onglet;
              autre.setAttribute('aria-selected', actif ? 'true' : 'false');
              autre.tabIndex = actif ? 0 : -1;
              var panneau = document.getElementById(autre.getAttribute('aria-controls'));
              if (panneau) { panneau.hidden = !actif; }
            });
            if (donnerFocus) { onglet.focus(); }
          }

          onglets.forEach(function (onglet, rang) {
            onglet.addEventListener('click', function () { choisir(onglet, false); });
            onglet.addEventListener('keydown', function (evenement) {
              var cible = null;
              if (evenement.key === 'ArrowRight') { cible = onglets[(rang + 1) % onglets.length]; }
              else if (evenement.key === 'ArrowLeft') { cible = onglets[(rang - 1 + onglets.length) % onglets.length]; }
              else if (evenement.key === 'Home') { cible = onglets[0]; }
              else if (evenement.key === 'End') { cible = onglets[onglets.length - 1]; }
              if (cible) { evenement.preventDefault(); choisir(cible, true); }
            });
          });

          // Text compared without case or accents: « Évaluation » is found by « evaluation ».
          function normaliser(texte) {
            return texte.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
          }
          function entier(n) {
            return n >= 10000 ? String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, '\\u00a0') : String(n);
          }
          // The document filter: a whole path selects that document; any other text, the documents
          // whose path contains it.
          var sourcesRetenues = {};
          Array.prototype.forEach.call(document.querySelectorAll('#documents-retenus option'), function (option) {
            sourcesRetenues[option.value] = true;
          });
          function correspond(source, demande, demandeNormalisee) {
            if (demande === '') { return true; }
            if (sourcesRetenues[demande] === true) { return source === demande; }
            return normaliser(source).indexOf(demandeNormalisee) >= 0;
          }

          function filtrer() {
            var source = choixDocument ? choixDocument.value.trim() : '';
            var sourceNormalisee = normaliser(source);
            var minimum = choixScore ? parseFloat(String(choixScore.value).replace(',', '.')) : NaN;
            panneaux.forEach(function (panneau) {
              var passages = panneau.querySelectorAll('article.passage');
              var visibles = 0;
              Array.prototype.forEach.call(passages, function (passage) {
                var garde = correspond(passage.getAttribute('data-source'), source, sourceNormalisee)
                  && (isNaN(minimum) || parseFloat(passage.getAttribute('data-score')) >= minimum);
                passage.hidden = !garde;
                if (garde) { visibles += 1; }
              });
              var compte = panneau.querySelector('.compte-filtre');
              if (compte && passages.length > 0) {
                compte.textContent = visibles === passages.length ? ''
                  : visibles + ' passage' + (visibles > 1 ? 's' : '') + ' sur ' + passages.length
                    + ' correspond' + (visibles > 1 ? 'ent' : '') + ' aux filtres.';
              }
            });
          }
          if (choixDocument) {
            choixDocument.addEventListener('input', filtrer);
            choixDocument.addEventListener('change', filtrer);
          }
          if (choixScore) { choixScore.addEventListener('input', filtrer); }

          function annoncer(message) { if (annonce) { annonce.textContent = message; } }

          // The heat map: a count leads to the issue's tab with the document in the filter; the
          // buttons of the header sort the rows; the search box and the box « Masquer les documents
          // sans passage » choose the rows shown. Rows are read only when first needed.
          var carte = document.getElementById('carte');
          if (carte && carte.tBodies.length > 0) {
            var corps = carte.tBodies[0];
            var enjeux = carte.tHead.rows[0].cells.length - 2;
            var lignes = null;
            var recherche = document.getElementById('carte-recherche');
            var masquer = document.getElementById('carte-masquer');
            var compteCarte = document.getElementById('carte-compte');
            var lire = function () {
              if (lignes) { return lignes; }
              lignes = Array.prototype.map.call(corps.rows, function (ligne, rang) {
                var cellules = ligne.cells;
                var vide = ligne.classList.contains('vide');
                var comptes = [];
                for (var i = 0; i < enjeux; i += 1) {
                  comptes.push(vide ? 0 : parseInt(cellules[2 + i].textContent, 10) || 0);
                }
                return { ligne: ligne, rang: rang, total: parseInt(cellules[1].textContent, 10) || 0, comptes: comptes,
                  cle: normaliser(cellules[0].textContent) };
              });
              return lignes;
            };
            carte.addEventListener('click', function (evenement) {
              var cible = evenement.target;
              var bouton = cible.closest('thead button');
              if (bouton) {
                var tri = bouton.getAttribute('data-tri');
                var valeur = tri === 'total' ? function (d) { return d.total; } : function (d) { return d.comptes[+tri]; };
                var ordre = lire().slice().sort(function (a, b) {
                  return valeur(b) - valeur(a) || b.total - a.total || a.rang - b.rang;
                });
                var fragment = document.createDocumentFragment();
                ordre.forEach(function (d) { fragment.appendChild(d.ligne); });
                corps.appendChild(fragment);
                Array.prototype.forEach.call(carte.tHead.rows[0].cells, function (entete) {
                  if (entete.contains(bouton)) { entete.setAttribute('aria-sort', 'descending'); }
                  else { entete.removeAttribute('aria-sort'); }
                });
                annoncer('Documents classés par ' + (tri === 'total' ? 'nombre total de passages'
                  : '\\u00ab\\u00a0' + bouton.textContent + '\\u00a0\\u00bb') + '.');
                return;
              }
              var lien = cible.closest('tbody a');
              if (!lien) { return; }
              var panneau = document.getElementById(lien.getAttribute('href').slice(1));
              var onglet = panneau && document.getElementById(panneau.getAttribute('aria-labelledby'));
              if (!onglet) { return; }
              evenement.preventDefault();
              if (choixDocument) {
                var chemin = lien.closest('tr').cells[0].textContent;
                sourcesRetenues[chemin] = true;
                choixDocument.value = chemin;
              }
              filtrer();
              choisir(onglet, true);
            });
            var montrerLignes = function () {
              var demande = normaliser(recherche ? recherche.value.trim() : '');
              var sansVides = masquer ? masquer.checked : true;
              var vues = 0;
              lire().forEach(function (d) {
                var voir = (!sansVides || d.total > 0) && (demande === '' || d.cle.indexOf(demande) >= 0);
                d.ligne.hidden = !voir;
                if (voir) { vues += 1; }
              });
              if (compteCarte) {
                compteCarte.textContent = entier(vues) + (vues > 1 ? ' documents affichés' : ' document affiché')
                  + ' sur ' + entier(lignes.length) + '.';
              }
            };
            if (recherche) { recherche.addEventListener('input', montrerLignes); }
            if (masquer) { masquer.addEventListener('change', montrerLignes); }
            var outils = document.querySelector('.outils-carte');
            if (outils) { outils.hidden = false; }
          }

          function copierAncienneMethode(texte) {
            var zone = document.createElement('textarea');
            zone.value = texte;
            zone.setAttribute('readonly', '');
            zone.style.position = 'fixed';
            zone.style.left = '-9999px';
            document.body.appendChild(zone);
            zone.select();
            var reussi = false;
            try { reussi = document.execCommand('copy'); } catch (erreur) { reussi = false; }
            document.body.removeChild(zone);
            return reussi;
          }

          function copier(contenu, reussite, echec) {
            var fini = function (reussi) { annoncer(reussi ? reussite : echec); };
            if (navigator.clipboard && window.isSecureContext) {
              navigator.clipboard.writeText(contenu).then(function () { fini(true); },
                function () { fini(copierAncienneMethode(contenu)); });
            } else {
              fini(copierAncienneMethode(contenu));
            }
          }

          Array.prototype.forEach.call(document.querySelectorAll('button.copier'), function (bouton) {
            bouton.addEventListener('click', function () {
              var passage = bouton.closest('article');
              var texte = passage.querySelector('.texte').textContent;
              var citation = passage.querySelector('.citation').textContent;
              copier('\\u00ab\\u00a0' + texte + '\\u00a0\\u00bb ' + citation, 'Citation copiée dans le presse-papiers.',
                'La copie a échoué : sélectionnez le passage et copiez-le à la main.');
            });
          });

          // The selection: passage ids in the order they were ticked, kept in the browser for this
          // page (the same passage under several issues is one id, ticked everywhere).
          var panneauSelection = document.getElementById('selection');
          var listeSelection = document.getElementById('selection-liste');
          var compteSelection = document.getElementById('selection-compte');
          var cases = Array.prototype.slice.call(document.querySelectorAll('article.passage .choix input'));
          var identifiants = cases.map(function (c) { return c.closest('article').getAttribute('data-passage'); });
          var cle = 'enjeux-selection:' + location.pathname;
          var choisis = [];

          function lireSelection() {
            try { return JSON.parse(window.localStorage.getItem(cle) || '[]'); } catch (erreur) { return []; }
          }
          function garderSelection() {
            try { window.localStorage.setItem(cle, JSON.stringify(choisis)); } catch (erreur) { return; }
          }
          function compterSelection(n) {
            return n === 0 ? 'Aucun passage sélectionné.'
              : n + (n > 1 ? ' passages sélectionnés.' : ' passage sélectionné.');
          }
          function montrerSelection() {
            var dedans = {};
            choisis.forEach(function (id) { dedans[id] = true; });
            cases.forEach(function (c, rang) { c.checked = dedans[identifiants[rang]] === true; });
            listeSelection.value = choisis.map(function (id) { return id + '\\n'; }).join('');
            compteSelection.textContent = compterSelection(choisis.length);
          }
          function changerSelection(id, coche) {
            choisis = choisis.filter(function (autre) { return autre !== id; });
            if (coche) { choisis.push(id); }
            garderSelection();
            montrerSelection();
            annoncer(compterSelection(choisis.length));
          }
          if (panneauSelection && listeSelection && compteSelection) {
            var presents = {};
            identifiants.forEach(function (id) { presents[id] = true; });
            var gardes = lireSelection();
            choisis = (Array.isArray(gardes) ? gardes : []).filter(function (id, rang, tous) {
              return typeof id === 'string' && presents[id] === true && tous.indexOf(id) === rang;
            });
            cases.forEach(function (c, rang) {
              c.addEventListener('change', function () { changerSelection(identifiants[rang], c.checked); });
            });
            document.getElementById('copier-selection').addEventListener('click', function () {
              if (choisis.length === 0) { annoncer('Aucun passage sélectionné.'); return; }
              copier(listeSelection.value, 'Sélection copiée\\u00a0: ' + compterSelection(choisis.length),
                'La copie a échoué\\u00a0: sélectionnez la liste et copiez-la à la main.');
            });
            document.getElementById('vider-selection').addEventListener('click', function () {
              choisis = [];
              garderSelection();
              montrerSelection();
              annoncer('Sélection vidée.');
            });
            montrerSelection();
            panneauSelection.hidden = false;
          }

          var barre = document.querySelector('[role=tablist]');
          if (barre && onglets.length > 0) {
            barre.hidden = false;
            var depart = onglets.filter(function (o) { return '#' + o.getAttribute('aria-controls') === location.hash; })[0];
            choisir(depart || onglets[0], false);
          }
          filtrer();
          document.documentElement.setAttribute('data-script', 'actif');
        })();
        """
}
