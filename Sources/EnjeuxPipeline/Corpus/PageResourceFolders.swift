/// Resource folders of pages saved with a browser's "Save page as… complete". Beside
/// `page.html` the browser writes a folder named after the page that holds its style
/// sheets, images, scripts and frames (`saved_resource.html`, ads, cookie banners): parts
/// of the page, not documents. Chromium always names it `page_files`; Firefox, Internet
/// Explorer, Word and the other Office programs use the word for "files" in their language
/// (`page-Dateien`, `page_fichiers`, `page_archivos`, `page.files`…). A folder is taken
/// for one only when the page it is named after is beside it.
enum PageResourceFolders {
    /// The word for "files" in the suffixes of the browsers' and Office's languages.
    static let words: Set<String> = [
        "files", "archivos", "arquivos", "bestanden", "bylos", "dateien", "datoteke", "dosyalar", "elemei",
        "failid", "fails", "fajlovi", "ficheiros", "fichiers", "file", "filer", "fitxategiak", "fitxers", "pliki",
        "soubory", "tiedostot",
    ]

    /// What joins the page's name to the word: `_` mostly, `-` in German and the
    /// Scandinavian languages, `.` in the Office languages without a word of their own.
    static let separators: Set<Character> = ["_", "-", "."]

    /// Extensions of the pages that come with a resource folder.
    static let pageExtensions: Set<String> = ["html", "htm", "xhtml"]

    /// The pages among the names of a folder's files, by their name without the extension
    /// (the first in byte order when two differ only by it: `page.htm`, `page.html`).
    static func pagesByBaseName(_ fileNames: [String]) -> [String: String] {
        var pages: [String: String] = [:]
        for name in fileNames.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { continue }
            let fileExtension = name[name.index(after: dot)...].lowercased()
            guard pageExtensions.contains(fileExtension) else { continue }
            let base = String(name[..<dot])
            if pages[base] == nil { pages[base] = name }
        }
        return pages
    }

    /// The file name of the page whose resources a folder holds, given the pages beside it
    /// (`pagesByBaseName`), or nil when the folder is not a page's resource folder.
    static func page(ofFolder name: String, pages: [String: String]) -> String? {
        var index = name.endIndex
        while index > name.startIndex {
            index = name.index(before: index)
            guard separators.contains(name[index]), index > name.startIndex else { continue }
            let word = name[name.index(after: index)...].lowercased()
            if words.contains(word), let page = pages[String(name[..<index])] { return page }
        }
        return nil
    }
}
