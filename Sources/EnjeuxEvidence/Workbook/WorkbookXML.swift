/// The fixed parts of an `.xlsx` package (ECMA-376 Open Packaging Conventions and
/// SpreadsheetML): content types, relationships, the workbook with its sheet list, the styles.
enum WorkbookXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let contentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types"
    private static let spreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    /// The part of the `index`-th sheet (from 0), relative to `xl/`.
    static func sheetPath(_ index: Int) -> String { "worksheets/sheet\(index + 1).xml" }

    /// `[Content_Types].xml`: the type of every part.
    static func contentTypes(sheetCount: Int) -> String {
        var out = declaration + "<Types xmlns=\"\(contentTypesNamespace)\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(spreadsheetType).sheet.main+xml\"/>"
        for index in 0..<sheetCount {
            out += "<Override PartName=\"/xl/\(sheetPath(index))\" ContentType=\"\(spreadsheetType).worksheet+xml\"/>"
        }
        out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(spreadsheetType).styles+xml\"/>"
        out += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(spreadsheetType).sharedStrings+xml\"/>"
        return out + "</Types>"
    }

    /// `_rels/.rels`: the package's main part is the workbook.
    static let packageRelations =
        declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    /// `xl/_rels/workbook.xml.rels`: sheets `rId1`…`rIdN`, then the styles and the strings.
    static func workbookRelations(sheetCount: Int) -> String {
        var out = declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
        for index in 0..<sheetCount {
            out += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipsNamespace)/worksheet\" "
            out += "Target=\"\(sheetPath(index))\"/>"
        }
        out +=
            "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/>"
        out += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipsNamespace)/sharedStrings\" "
        out += "Target=\"sharedStrings.xml\"/>"
        return out + "</Relationships>"
    }

    /// `xl/workbook.xml`: the sheets in tab order, the first one active.
    static func workbook(sheetNames: [String]) -> String {
        var out = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
        out += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            out += "<sheet name=\"\(SpreadsheetText.escaped(name, attribute: true))\" sheetId=\"\(index + 1)\" "
            out += "r:id=\"rId\(index + 1)\"/>"
        }
        return out + "</sheets></workbook>"
    }

    /// `xl/styles.xml`. Cell formats: 0 the default, 1 the header (bold), 2 body text at the
    /// top of its cell, 3 the same wrapping long text (`WorksheetXML.Style`).
    static let styles =
        declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
