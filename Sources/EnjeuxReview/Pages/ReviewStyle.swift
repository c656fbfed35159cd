/// The page's style: system fonts, readable contrast, a visible focus.
enum ReviewStyle {
    static let source = """
        body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 70rem; margin: 0 auto;
          padding: 1rem; line-height: 1.5; }
        .saut { position: absolute; left: -999px; } .saut:focus { left: 1rem; }
        nav ul { display: flex; flex-wrap: wrap; gap: .5rem 1rem; list-style: none; padding: 0; }
        a { color: #0b4f9c; } mark { background: #ffe066; color: #000; }
        li.passage { border: 1px solid #888; border-radius: 4px; margin: .75rem 0; padding: .5rem 1rem; }
        li.passage:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
        .citation { font-style: italic; } .drapeau { color: #8a3b00; }
        .jugement { font-weight: bold; } .actions button { margin: .2rem; }
        .contexte { border-left: 4px solid #888; padding-left: .75rem; } .contexte .ici { font-weight: bold; }
        kbd { border: 1px solid #555; border-radius: 3px; padding: 0 .25rem; }
        """
}
