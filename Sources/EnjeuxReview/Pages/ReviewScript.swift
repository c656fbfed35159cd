/// The page's script: fetches the JSON API with the token, builds the lists with DOM nodes
/// (text never parsed as HTML), and handles the keys.
enum ReviewScript {
    static let source = #"""
        "use strict";
        const token = document.querySelector('meta[name="enjeux-token"]').content;
        const state = { issue: null, items: [], focus: 0, last: null };
        const $ = (id) => document.getElementById(id);
        const grades = { 2: "très pertinent", 1: "pertinent", 0: "non pertinent" };

        async function api(path, body) {
          const options = { headers: { "X-Enjeux-Token": token } };
          if (body !== undefined) {
            options.method = "POST";
            options.headers["Content-Type"] = "application/json";
            options.body = JSON.stringify(body);
          }
          const response = await fetch(path, options);
          const data = await response.json();
          if (!response.ok) throw new Error(data.error || ("Erreur " + response.status));
          return data;
        }

        function say(id, text) { $(id).textContent = text; }

        function element(tag, text, className) {
          const node = document.createElement(tag);
          if (text !== undefined && text !== null) node.textContent = text;
          if (className) node.className = className;
          return node;
        }

        function passageNode(p, options) {
          const item = element("li", null, "passage");
          item.dataset.id = p.id;
          item.tabIndex = -1;
          const article = element("article");
          const head = element("h3", (p.rank ? "Rang " + p.rank + " · " : "") + p.place);
          article.appendChild(head);
          const quote = element("blockquote");
          const para = element("p", null, "texte");
          for (const piece of p.pieces) para.appendChild(piece.mark ? element("mark", piece.text) : document.createTextNode(piece.text));
          quote.appendChild(para);
          article.appendChild(quote);
          article.appendChild(element("p", p.citation, "citation"));
          const details = element("ul", null, "details");
          const source = element("li");
          const link = element("a", "Ouvrir la source (" + p.place + ")");
          link.href = p.link;
          link.target = "_blank";
          link.rel = "noopener";
          source.appendChild(link);
          details.appendChild(source);
          if (p.terms.length) details.appendChild(element("li", "Termes : " + p.terms.join(" ; ")));
          for (const flag of p.flags) details.appendChild(element("li", flag, "drapeau"));
          if (p.probability !== null && p.probability !== undefined) {
            details.appendChild(element("li", "Probabilité apprise : " + p.probability.toFixed(2).replace(".", ",") +
              (p.reasons.length ? " (" + p.reasons.join(", ") + ")" : "")));
          }
          if (p.uncertain) details.appendChild(element("li", "Proposé car le modèle hésite", "drapeau"));
          if (p.listed === false) details.appendChild(element("li", "Hors de la liste du lexique", "drapeau"));
          article.appendChild(details);
          const verdict = element("p", p.grade === null || p.grade === undefined ? "Non jugé" :
            "Jugé : " + grades[p.grade] + (p.note ? " — commentaire : " + p.note : ""), "jugement");
          verdict.dataset.grade = p.grade === null || p.grade === undefined ? "" : String(p.grade);
          article.appendChild(verdict);
          const actions = element("div", null, "actions");
          for (const g of [2, 1, 0]) {
            const button = element("button", g + " · " + grades[g]);
            button.type = "button";
            button.addEventListener("click", () => judge(p.id, g));
            actions.appendChild(button);
          }
          const context = element("button", "Contexte");
          context.type = "button";
          context.addEventListener("click", () => showContext(item, p.id));
          actions.appendChild(context);
          const basket = element("button", p.in_basket ? "Dans le panier" : "Ajouter au panier");
          basket.type = "button";
          basket.addEventListener("click", () => addToBasket(p.id));
          actions.appendChild(basket);
          article.appendChild(actions);
          item.appendChild(article);
          item.addEventListener("focus", () => { state.focus = state.items.indexOf(p.id); });
          return item;
        }

        function fill(list, passages) {
          list.replaceChildren(...passages.map((p) => passageNode(p)));
        }

        async function loadIssues() {
          const issues = await api("/api/issues");
          const nav = $("enjeux");
          nav.replaceChildren();
          for (const issue of issues) {
            const item = element("li");
            const link = element("a", issue.label + " (" + issue.judged + " jugés, " + issue.relevant + " pertinents)");
            link.href = "#" + encodeURIComponent(issue.id);
            item.appendChild(link);
            nav.appendChild(item);
          }
          if (!state.issue && issues.length && !location.hash) location.hash = "#" + encodeURIComponent(issues[0].id);
        }

        async function loadList(keepFocus) {
          if (!state.issue) return;
          const next = $("mode-suite").checked;
          const path = "/api/issues/" + encodeURIComponent(state.issue) + (next ? "/next?count=10" : "");
          const data = await api(path);
          const g = data.progress;
          $("titre-liste").textContent = g.label + (next ? " — à juger ensuite" : "");
          say("progression", g.judged + " jugés, " + g.relevant + " pertinents trouvés, " + g.unjudged_candidates +
            " candidats à juger sur " + g.candidates + (g.trained ? " ; liste apprise des jugements" : ""));
          fill($("liste"), data.passages);
          fill($("liste-ecartes"), data.excluded);
          fill($("liste-pistes"), data.leads);
          state.items = data.passages.map((p) => p.id);
          document.body.dataset.listMs = String(data.milliseconds);
          const focus = keepFocus ? Math.min(state.focus, state.items.length - 1) : 0;
          move(focus, keepFocus);
        }

        function move(index, quiet) {
          if (!state.items.length) return;
          state.focus = Math.max(0, Math.min(index, state.items.length - 1));
          const node = $("liste").children[state.focus];
          if (node) { node.focus({ preventScroll: false }); }
        }

        function currentId() {
          const active = document.activeElement && document.activeElement.closest("li.passage");
          return active ? active.dataset.id : state.items[state.focus];
        }

        async function judge(id, grade, note) {
          if (!id || !state.issue) return;
          try {
            await api("/api/judgments", { passage_id: id, issue: state.issue, grade: grade, note: note || null });
            state.last = id;
            say("statut", "Enregistré : " + grades[grade] + ".");
            await loadList(true);
            await loadIssues();
          } catch (error) { say("statut", "Non enregistré : " + error.message); }
        }

        async function undo() {
          const id = state.last || currentId();
          if (!id) return;
          try {
            const answer = await api("/api/judgments/undo", { passage_id: id, issue: state.issue });
            say("statut", answer.grade === null || answer.grade === undefined ? "Jugement annulé." :
              "Jugement rétabli : " + grades[answer.grade] + ".");
            await loadList(true);
          } catch (error) { say("statut", error.message); }
        }

        async function showContext(item, id) {
          try {
            const data = await api("/api/passages/" + encodeURIComponent(id) + "/context?issue=" +
              encodeURIComponent(state.issue || ""));
            const box = element("div", null, "contexte");
            box.appendChild(element("h4", "Contexte dans le document"));
            for (const p of data.before) box.appendChild(element("p", p.pieces.map((x) => x.text).join(""), "avant"));
            box.appendChild(element("p", data.passage.pieces.map((x) => x.text).join(""), "ici"));
            for (const p of data.after) box.appendChild(element("p", p.pieces.map((x) => x.text).join(""), "apres"));
            const old = item.querySelector(".contexte");
            if (old) old.remove(); else item.appendChild(box);
          } catch (error) { say("statut", error.message); }
        }

        async function search(event) {
          event.preventDefault();
          const q = $("terme").value;
          say("statut-recherche", "Recherche…");
          try {
            const data = await api("/api/search?q=" + encodeURIComponent(q) + "&issue=" + encodeURIComponent(state.issue || ""));
            say("statut-recherche", data.count + " passages trouvés" + (data.count > data.passages.length ?
              " (les " + data.passages.length + " premiers affichés)" : "") + ".");
            fill($("resultats"), data.passages);
          } catch (error) { say("statut-recherche", error.message); }
        }

        async function addToBasket(id) {
          try {
            const data = await api("/api/basket/add", { passage_id: id, issue: state.issue || "" });
            showBasket(data);
            say("statut", "Ajouté au panier.");
          } catch (error) { say("statut", error.message); }
        }

        function showBasket(data) {
          $("titre-note").value = data.title;
          const list = $("panier");
          list.replaceChildren();
          data.passages.forEach((p, index) => {
            const item = element("li", null, "panier-element");
            item.dataset.id = p.id;
            item.appendChild(element("p", p.pieces.map((x) => x.text).join("").slice(0, 200) + " — " + p.citation));
            for (const [label, delta] of [["Monter", -1], ["Descendre", 1], ["Retirer", 0]]) {
              const button = element("button", label);
              button.type = "button";
              button.addEventListener("click", () => arrange(index, delta));
              item.appendChild(button);
            }
            list.appendChild(item);
          });
        }

        async function arrange(index, delta) {
          const order = [...$("panier").children].map((node) => node.dataset.id);
          if (delta === 0) order.splice(index, 1);
          else {
            const target = index + delta;
            if (target < 0 || target >= order.length) return;
            [order[index], order[target]] = [order[target], order[index]];
          }
          showBasket(await api("/api/basket/arrange", { order: order }));
        }

        document.addEventListener("keydown", (event) => {
          const tag = event.target.tagName;
          if (tag === "INPUT" || tag === "TEXTAREA" || event.ctrlKey || event.metaKey || event.altKey) return;
          const key = event.key;
          if (key === "j") { move(state.focus + 1); event.preventDefault(); }
          else if (key === "k") { move(state.focus - 1); event.preventDefault(); }
          else if (key === "2" || key === "1" || key === "0") { judge(currentId(), Number(key)); event.preventDefault(); }
          else if (key === "u") { undo(); event.preventDefault(); }
          else if (key === "n") {
            // The note goes with the grade in force (pertinent when the passage is not judged yet).
            const id = currentId();
            const node = id && document.querySelector('li.passage[data-id="' + CSS.escape(id) + '"] .jugement');
            const grade = node && node.dataset.grade !== "" ? Number(node.dataset.grade) : 1;
            const note = window.prompt("Commentaire sur ce passage :");
            if (note !== null) judge(id, grade, note);
            event.preventDefault();
          } else if (key === "c") {
            const id = currentId();
            const node = $("liste").children[state.focus];
            if (id && node) showContext(node, id);
          } else if (key === "b") { const id = currentId(); if (id) addToBasket(id); }
        });

        window.addEventListener("hashchange", () => { state.issue = decodeURIComponent(location.hash.slice(1)); loadList(false); });
        document.addEventListener("DOMContentLoaded", async () => {
          $("recherche").addEventListener("submit", search);
          $("mode-suite").addEventListener("change", () => loadList(false));
          $("enregistrer-titre").addEventListener("click", async () => {
            showBasket(await api("/api/basket/arrange", { title: $("titre-note").value }));
          });
          const base = "/api/basket/";
          $("telecharger-docx").href = base + "brief/docx?token=" + token;
          $("telecharger-odt").href = base + "brief/odt?token=" + token;
          $("telecharger-selection").href = base + "selection.txt?token=" + token;
          await loadIssues();
          showBasket(await api("/api/basket"));
          if (location.hash) { state.issue = decodeURIComponent(location.hash.slice(1)); await loadList(false); }
        });
        """#
}
