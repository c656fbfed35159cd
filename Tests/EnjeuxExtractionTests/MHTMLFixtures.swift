import Foundation

/// Web archives written for the tests, in the shapes browsers and office suites write them.
enum MHTMLFixtures {
    /// One part: its header lines and its body, as they appear in the file.
    struct Part {
        var headers: [String]
        var body: String
    }

    /// An archive: the top header lines, then the parts between boundary lines. `lineEnd`
    /// is `\r\n` (as browsers write) or `\n`; `closed: false` leaves out the closing boundary.
    static func archive(
        headers: [String], boundary: String, parts: [Part], lineEnd: String = "\r\n", closed: Bool = true,
        preamble: String = ""
    ) -> Data {
        var text = headers.map { $0 + lineEnd }.joined() + lineEnd + preamble
        for part in parts {
            text += "--\(boundary)\(lineEnd)"
            text += part.headers.map { $0 + lineEnd }.joined() + lineEnd
            text += part.body + lineEnd
        }
        if closed { text += "--\(boundary)--\(lineEnd)" }
        return Data(text.utf8)
    }

    static let chromeBoundary = "----MultipartBoundary--k3W8pQzR1vTx7yNfJ2hLmA0cEuGdSbIo----"

    /// The main page as Chrome serialises it: a `<meta charset>` it adds itself, and the
    /// page's text in quoted-printable with `=3D`, non-ASCII bytes and soft line breaks.
    static let chromePage = """
        <!DOCTYPE html><html lang=3D"fr"><head><meta http-equiv=3D"Content-Type" co=
        ntent=3D"text/html; charset=3DUTF-8"><title>La r=C3=A9forme et la pratique =
        | Le Fil social</title><link rel=3D"stylesheet" href=3D"cid:css-1@mhtml.bli=
        nk"></head><body><nav><a href=3D"https://exemple.org/">Accueil</a></nav><ar=
        ticle><h1>La r=C3=A9forme et la pratique</h1><p>Depuis la r=C3=A9forme, les=
         travailleuses sociales d=C3=A9crivent une charge de travail qui ne cesse d=
        =E2=80=99augmenter et des statistiques qui prennent le pas sur le jugement =
        clinique.</p><p>Les intervenantes demandent du temps pour la relation d=E2=
        =80=99aide et une reconnaissance de leur autonomie professionnelle.</p></ar=
        ticle><iframe src=3D"cid:frame-1@mhtml.blink"></iframe></body></html>
        """

    /// A page saved by Chrome: the page, a style sheet, an image and an advertising frame.
    static func chrome(lineEnd: String = "\r\n", closed: Bool = true) -> Data {
        archive(
            headers: [
                "From: <Saved by Blink>",
                "Snapshot-Content-Location: https://exemple.org/2023/05/17/reforme-pratique",
                "Subject: =?utf-8?Q?La_r=C3=A9forme_et_la_pratique?=",
                "Date: Wed, 17 May 2023 09:12:44 -0000",
                "MIME-Version: 1.0",
                "Content-Type: multipart/related;",
                "\ttype=\"text/html\";",
                "\tboundary=\"\(chromeBoundary)\"",
            ],
            boundary: chromeBoundary,
            parts: [
                Part(
                    headers: [
                        "Content-Type: text/html", "Content-ID: <frame-0@mhtml.blink>",
                        "Content-Transfer-Encoding: quoted-printable",
                        "Content-Location: https://exemple.org/2023/05/17/reforme-pratique",
                    ],
                    body: chromePage.replacingOccurrences(of: "\n", with: lineEnd)),
                Part(
                    headers: [
                        "Content-Type: text/css", "Content-Transfer-Encoding: quoted-printable",
                        "Content-Location: cid:css-1@mhtml.blink",
                    ],
                    body: "@charset \"utf-8\";\(lineEnd)article { max-width: 40em; }"),
                Part(
                    headers: [
                        "Content-Type: image/png", "Content-Transfer-Encoding: base64",
                        "Content-Location: https://exemple.org/logo.png",
                    ],
                    body:
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
                ),
                Part(
                    headers: [
                        "Content-Type: text/html", "Content-ID: <frame-1@mhtml.blink>",
                        "Content-Transfer-Encoding: quoted-printable", "Content-Location: cid:frame-1@mhtml.blink",
                    ],
                    body: "<html><body><p>Publicit=C3=A9 : abonnez-vous !</p></body></html>"),
            ],
            lineEnd: lineEnd, closed: closed)
    }

    /// An Internet Explorer or Word archive: a preamble, an unquoted boundary, a page in
    /// quoted-printable windows-1252 whose `<meta>` says nothing of its encoding.
    static func office(pageBody: String? = nil, charset: String = "\"windows-1252\"") -> Data {
        let body =
            pageBody
            ?? "<html><body><h1>Note de service</h1><p>Le comit=E9 a d=E9cid=E9 de r=E9duire les d=E9lais d'at=\r\ntente =E0 la r=E9ception.</p></body></html>"
        return archive(
            headers: [
                "MIME-Version: 1.0", "Content-Type: multipart/related; boundary=----=_NextPart_01D9.4F2A6B30",
            ],
            boundary: "----=_NextPart_01D9.4F2A6B30",
            parts: [
                Part(
                    headers: [
                        "Content-Location: file:///C:/Users/ordre/Documents/note.htm",
                        "Content-Transfer-Encoding: quoted-printable", "Content-Type: text/html; charset=\(charset)",
                    ],
                    body: body),
                Part(
                    headers: [
                        "Content-Location: file:///C:/Users/ordre/Documents/note_fichiers/filelist.xml",
                        "Content-Transfer-Encoding: quoted-printable",
                        "Content-Type: text/xml; charset=\"utf-8\"",
                    ],
                    body: "<xml xmlns:o=3D\"urn:schemas-microsoft-com:office:office\"></xml>"),
            ],
            preamble: "Ce document est une page Web à fichier unique, également appelée fichier d'archive Web.\r\n\r\n")
    }
}
