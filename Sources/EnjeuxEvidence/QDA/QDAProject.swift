/// A REFI-QDA project as Enjeux writes it, before it becomes `project.qde`.
struct QDAProject: Sendable, Hashable {
    struct User: Sendable, Hashable {
        var guid: String
        var name: String
    }

    struct Coding: Sendable, Hashable {
        var guid: String
        var code: String
        var user: String
        /// `xsd:dateTime`, or nil.
        var date: String?
    }

    /// A coded span of a source's plain text, in code points from 0, end exclusive.
    struct Selection: Sendable, Hashable {
        var guid: String
        var name: String
        var start: Int
        var end: Int
        var description: String
        var user: String
        var codings: [Coding]
    }

    /// A document metadata variable and its value type (`Text` or `Integer`).
    struct Variable: Sendable, Hashable {
        var guid: String
        var name: String
        var type: String
        var description: String
    }

    struct Value: Sendable, Hashable {
        var variable: String
        var type: String
        var value: String
    }

    struct Source: Sendable, Hashable {
        var guid: String
        var name: String
        var description: String
        /// GUID of the plain-text file (`sources/<textGUID>.txt`).
        var textGUID: String
        /// For a PDF source, its file (`sources/<guid>.pdf`); the text is then its representation.
        var isPDF: Bool
        var selections: [Selection]
        var values: [Value]
    }

    var name: String
    var creator: User
    var users: [User]
    var codebook: QDACodebook
    var variables: [Variable]
    var sources: [Source]
    var description: String
    /// `xsd:dateTime` of the run, or nil.
    var date: String?

    /// `project.qde`: elements in the order the schema requires.
    func xml() -> String {
        var xml = QDAXML()
        xml.open(
            "Project",
            [
                ("xmlns", "urn:QDA-XML:project:1.0"), ("name", name), ("origin", "Enjeux"),
                ("creatingUserGUID", creator.guid), ("creationDateTime", date),
            ])
        xml.open("Users")
        for user in users { xml.open("User", [("guid", user.guid), ("name", user.name)], empty: true) }
        xml.close("Users")
        xml.open("CodeBook")
        xml.open("Codes")
        codebook.write(into: &xml)
        xml.close("Codes")
        xml.close("CodeBook")
        if !variables.isEmpty {
            xml.open("Variables")
            for variable in variables {
                xml.open(
                    "Variable", [("guid", variable.guid), ("name", variable.name), ("typeOfVariable", variable.type)])
                xml.element("Description", variable.description)
                xml.close("Variable")
            }
            xml.close("Variables")
        }
        if !sources.isEmpty {
            xml.open("Sources")
            for source in sources { write(source, into: &xml) }
            xml.close("Sources")
        }
        xml.element("Description", description)
        xml.close("Project")
        return xml.text
    }

    private func write(_ source: Source, into xml: inout QDAXML) {
        let textPath = "internal://\(source.textGUID).txt"
        if source.isPDF {
            xml.open(
                "PDFSource",
                [
                    ("guid", source.guid), ("name", source.name), ("path", "internal://\(source.guid).pdf"),
                    ("creatingUser", creator.guid),
                ])
            xml.element("Description", source.description)
            xml.open(
                "Representation",
                [
                    ("guid", source.textGUID), ("name", source.name), ("plainTextPath", textPath),
                    ("creatingUser", creator.guid),
                ])
            for selection in source.selections { write(selection, into: &xml) }
            xml.close("Representation")
            writeValues(source.values, into: &xml)
            xml.close("PDFSource")
        } else {
            xml.open(
                "TextSource",
                [
                    ("guid", source.guid), ("name", source.name), ("plainTextPath", textPath),
                    ("creatingUser", creator.guid),
                ])
            xml.element("Description", source.description)
            for selection in source.selections { write(selection, into: &xml) }
            writeValues(source.values, into: &xml)
            xml.close("TextSource")
        }
    }

    private func write(_ selection: Selection, into xml: inout QDAXML) {
        xml.open(
            "PlainTextSelection",
            [
                ("guid", selection.guid), ("name", selection.name), ("startPosition", String(selection.start)),
                ("endPosition", String(selection.end)), ("creatingUser", selection.user),
            ])
        xml.element("Description", selection.description)
        for coding in selection.codings {
            xml.open(
                "Coding", [("guid", coding.guid), ("creatingUser", coding.user), ("creationDateTime", coding.date)])
            xml.open("CodeRef", [("targetGUID", coding.code)], empty: true)
            xml.close("Coding")
        }
        xml.close("PlainTextSelection")
    }

    private func writeValues(_ values: [Value], into xml: inout QDAXML) {
        for value in values {
            xml.open("VariableValue")
            xml.open("VariableRef", [("targetGUID", value.variable)], empty: true)
            xml.element(value.type == "Integer" ? "IntegerValue" : "TextValue", value.value)
            xml.close("VariableValue")
        }
    }
}
