import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads one XML part with Foundation's `XMLParser`, element by element. Each part's reader
/// conforms to `XMLParserDelegate` itself: without Objective-C, a delegate method a subclass
/// adds is not the one the parser calls through its superclass's conformance.
class PartReader: NSObject {
    /// Reads `data` (each part's reader inherits this).
    required init(_ data: Data) {
        super.init()
        parse(data)
    }

    /// Whether the part was well-formed XML (an empty part, one the workbook lacks, counts).
    private(set) var wellFormed = true

    func parse(_ data: Data) {
        guard !data.isEmpty else { return }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = self as? XMLParserDelegate
        wellFormed = parser.parse()
    }

    /// An element's local name (`x:sheet` → `sheet`: some writers prefix the namespace).
    static func local(_ name: String) -> Substring {
        name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
    }
}

/// `xl/workbook.xml`: the sheets in order, with their relationship ids, and the date system.
final class WorkbookPart: PartReader, XMLParserDelegate {
    private(set) var sheets: [(name: String, id: String)] = []
    private(set) var date1904 = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        switch Self.local(name) {
        case "sheet":
            let id = attributes.first { Self.local($0.key) == "id" && $0.key != "sheetId" }?.value
            if let sheetName = attributes["name"], let id { sheets.append((sheetName, id)) }
        case "workbookPr": date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default: break
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: where each relationship id's part is.
final class RelationshipsPart: PartReader, XMLParserDelegate {
    private(set) var targets: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        if Self.local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}

/// `xl/sharedStrings.xml`: the text cells of type `s` point into, rich-text runs joined.
final class SharedStringsPart: PartReader, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current: String?
    private var inText = false
    /// Phonetic runs (`rPh`) are a reading aid, not the text.
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        switch Self.local(name) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch Self.local(name) {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// `xl/styles.xml`: which cell styles show a number as a date or time (built-in formats 14–22,
/// 27–36, 45–47, 50–58, or a custom format with day, month, year or hour fields).
final class StylesPart: PartReader, XMLParserDelegate {
    private(set) var dateStyles: [Bool] = []
    private var customDateFormats: Set<Int> = []
    private var inCellFormats = false

    static let builtInDateFormats = Set(Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58))

    /// Whether a custom format code shows a date: a d, m, y or h outside quotes and brackets
    /// (`[Red]`, `"text"`), and not only a number format.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracketed = false
        for character in code.lowercased() {
            switch character {
            case "\"": quoted.toggle()
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            case "d", "m", "y", "h": if !quoted && !bracketed { return true }
            default: break
            }
        }
        return false
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        switch Self.local(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], Self.isDateFormat(code) {
                customDateFormats.insert(id)
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
            dateStyles.append(Self.builtInDateFormats.contains(id) || customDateFormats.contains(id))
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if Self.local(name) == "cellXfs" { inCellFormats = false }
    }
}

/// A sheet's rows, as a stream: each `<row>`'s cells become text by column, handed over when
/// the row ends.
final class SheetReader: NSObject, XMLParserDelegate {
    let workbook: Workbook
    /// Called with each row; false stops the reading there.
    let row: (Int, [String]) -> Bool
    /// Whether `row` asked to stop.
    private(set) var stopped = false
    private(set) var rowNumber = 0
    private(set) var problem: String?
    /// Whether `</sheetData>` was read: a sheet cut short is not taken for a shorter one.
    private(set) var complete = false
    private var cells: [String] = []
    /// The cell being read: its column, type, style, stored value and inline text.
    private var cell: (column: Int, type: String?, style: Int?)?
    private var value = ""
    private var inline = ""
    private var inValue = false
    private var inInlineText = false
    private var nextColumn = 0

    init(workbook: Workbook, row: @escaping (Int, [String]) -> Bool) {
        self.workbook = workbook
        self.row = row
    }

    /// The column of a reference such as `BC12` (A is 0); nil when it has no letters.
    static func column(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            guard byte >= 65, byte <= 90 else { break }
            column = column * 26 + Int(byte - 64)
            letters += 1
            if letters > 3 { return nil }  // past XFD, Excel's last column
        }
        return letters == 0 ? nil : column - 1
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        switch PartReader.local(name) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
            nextColumn = 0
        case "c":
            let column = attributes["r"].flatMap(Self.column) ?? nextColumn
            cell = (column, attributes["t"], attributes["s"].flatMap(Int.init))
            value = ""
            inline = ""
        case "v": inValue = true
        case "t": inInlineText = cell != nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inInlineText { inline += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch PartReader.local(name) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "c":
            guard let (column, type, style) = cell else { return }
            cell = nil
            nextColumn = column + 1
            guard column < 16_384 else { return }
            switch workbook.text(type: type, style: style, value: value, inline: inline) {
            case .success(let text):
                if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
                cells[column] = text
            case .failure(let failure):
                problem = failure.reason
                parser.abortParsing()
            }
        case "row":
            if !row(rowNumber, cells) {
                stopped = true
                parser.abortParsing()
            }
        case "sheetData": complete = true
        default: break
        }
    }
}
