import Foundation

/// The ministry's open file *Compétence territoriale gendarmerie et police
/// nationales* (data.gouv.fr, Licence Ouverte): one row per commune saying
/// which force and which service is competent there. Exact answers
/// (`approximate: false`).
///
/// ## Expected columns
///
/// The first line is a header; columns are found by name (case, accents,
/// spaces, `_` and `-` ignored), in any order, and other columns are ignored:
///
/// | meaning | accepted header names | required |
/// |---|---|---|
/// | INSEE code of the commune | `code_commune_insee`, `code_commune`, `code_insee`, `insee`, `codgeo` | yes |
/// | name of the commune | `libelle_commune`, `nom_commune`, `libelle`, `commune` | no |
/// | institution | `institution`, `force`, `competence` — values `Police nationale`/`PN`/`police`, `Gendarmerie nationale`/`GN`/`gendarmerie`, `Préfecture de police`/`PP` | yes |
/// | id of the service | `id_service`, `code_service`, `identifiant_service`, `service_id`, `code_unite`, `id_unite` | yes |
/// | name of the service | `service`, `nom_service`, `libelle_service`, `unite`, `nom_unite` | yes |
/// | postal codes | `code_postal`, `codes_postaux`, `cp` — several separated by spaces, `,` `|` or `;` inside quotes | no |
///
/// The separator is `;` or `,` (the one the header line uses), a UTF-8 byte
/// order mark is skipped, fields may be quoted (`""` for a quote), lines may end
/// with CRLF. A police row of Paris or the petite couronne (75, 92, 93, 94) is
/// answered as ``Institution/prefectureDePolice``.
///
/// Errors name the line (the header is line 1) and the column.
public struct CompetenceFile: CompetenceSource {
    /// Commune INSEE code → its answer.
    public let byCommune: [INSEECode: Competence]
    private let byPostalCode: [PostalCode: [INSEECode]]

    /// The `source` of every answer.
    public static let sourceName = "official-file"

    /// Loads the file at `path`.
    public init(path: String) throws(CompetenceError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(data: data)
    }

    /// Reads the file's bytes.
    public init(data: Data) throws(CompetenceError) {
        guard var text = String(data: data, encoding: .utf8) else {
            throw .invalidFile(line: 1, column: nil, reason: "the file is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let headerLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let separator: Character = headerLine.filter { $0 == ";" }.count >= headerLine.filter { $0 == "," }.count ? ";" : ","
        let rows = try CompetenceCSV.rows(text, separator: separator)
        guard let header = rows.first else { throw .invalidFile(line: 1, column: nil, reason: "the file is empty") }
        let names = header.fields.map(Self.fold)
        func column(_ meaning: String, _ aliases: [String], required: Bool) throws(CompetenceError) -> Int? {
            if let index = names.firstIndex(where: { aliases.contains($0) }) { return index }
            guard !required else {
                throw .invalidFile(line: 1, column: nil,
                                   reason: "no column for the \(meaning) (expected one of \(aliases.joined(separator: ", "))); header: \(header.fields.joined(separator: String(separator)).prefix(200))")
            }
            return nil
        }
        guard let inseeColumn = try column("INSEE code", ["codecommuneinsee", "codecommune", "codeinsee", "insee", "codgeo"], required: true),
              let institutionColumn = try column("institution", ["institution", "force", "competence"], required: true),
              let idColumn = try column("service id", ["idservice", "codeservice", "identifiantservice", "serviceid", "codeunite", "idunite"], required: true),
              let nameColumn = try column("service name", ["service", "nomservice", "libelleservice", "unite", "nomunite"], required: true)
        else { throw .invalidFile(line: 1, column: nil, reason: "missing columns") }
        let communeColumn = try column("commune name", ["libellecommune", "nomcommune", "libelle", "commune"], required: false)
        let postalColumn = try column("postal codes", ["codepostal", "codespostaux", "cp"], required: false)

        var byCommune: [INSEECode: Competence] = [:]
        var byPostalCode: [PostalCode: [INSEECode]] = [:]
        for row in rows.dropFirst() {
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func value(_ index: Int, _ name: String) throws(CompetenceError) -> String {
                guard index < row.fields.count else {
                    throw .invalidFile(line: row.line, column: name, reason: "the row has \(row.fields.count) fields, fewer than the header")
                }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            let inseeText = try value(inseeColumn, header.fields[inseeColumn])
            let insee: INSEECode
            do { insee = try INSEECode(inseeText) } catch {
                throw .invalidFile(line: row.line, column: header.fields[inseeColumn], reason: error.description)
            }
            let institutionText = try value(institutionColumn, header.fields[institutionColumn])
            guard let institution = Self.institution(institutionText) else {
                throw .invalidFile(line: row.line, column: header.fields[institutionColumn],
                                   reason: "'\(Echo.truncated(institutionText))' is not an institution (expected Police nationale, Gendarmerie nationale or Préfecture de police)")
            }
            let id = try value(idColumn, header.fields[idColumn])
            let name = try value(nameColumn, header.fields[nameColumn])
            guard !id.isEmpty else { throw .invalidFile(line: row.line, column: header.fields[idColumn], reason: "the service id is empty") }
            guard !name.isEmpty else { throw .invalidFile(line: row.line, column: header.fields[nameColumn], reason: "the service name is empty") }
            guard byCommune[insee] == nil else {
                throw .invalidFile(line: row.line, column: header.fields[inseeColumn], reason: "commune \(insee.rawValue) is listed twice")
            }
            let communeName = try communeColumn.map { (index: Int) throws(CompetenceError) -> String in try value(index, header.fields[index]) }
            byCommune[insee] = Competence(insee: insee.rawValue, commune: communeName.flatMap { $0.isEmpty ? nil : $0 },
                                          unit: CompetentUnit(id: id, name: name, institution: institution.adjusted(for: insee.departement)),
                                          approximate: false, source: Self.sourceName)
            if let postalColumn {
                let raw = try value(postalColumn, header.fields[postalColumn])
                for part in raw.split(whereSeparator: { " ,;|".contains($0) }) {
                    do {
                        byPostalCode[try PostalCode(String(part)), default: []].append(insee)
                    } catch {
                        throw .invalidFile(line: row.line, column: header.fields[postalColumn], reason: error.description)
                    }
                }
            }
        }
        guard !byCommune.isEmpty else { throw .invalidFile(line: 2, column: nil, reason: "the file has a header but no commune") }
        self.byCommune = byCommune
        self.byPostalCode = byPostalCode
    }

    public func competence(for insee: INSEECode) throws(CompetenceError) -> Competence {
        if let answer = byCommune[insee] { return answer }
        if let whole = insee.municipality, let answer = byCommune[whole] { return answer }
        throw .unknownCommune(insee.rawValue)
    }

    public func communes(postalCode: PostalCode) -> [INSEECode] { byPostalCode[postalCode] ?? [] }

    /// Lowercase ASCII letters and digits only: `Code_Commune INSEE` → `codecommuneinsee`.
    static func fold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    static func institution(_ text: String) -> Institution? {
        switch fold(text) {
        case "policenationale", "pn", "police", "dgpn", "zonepolice", "zpn": .policeNationale
        case "gendarmerienationale", "gn", "gendarmerie", "dggn", "zonegendarmerie", "zgn": .gendarmerieNationale
        case "prefecturedepolice", "pp", "prefecturedepolicedeparis": .prefectureDePolice
        default: nil
        }
    }
}

/// A small RFC 4180 reader: quoted fields, `""` escapes, CRLF or LF, with the
/// line number where each row starts.
enum CompetenceCSV {
    struct Row {
        let line: Int
        let fields: [String]
    }

    static func rows(_ text: String, separator: Character) throws(CompetenceError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var atFieldStart = true
        var iterator = text.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            case separator:
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\n", "\r\n", "\r":
                fields.append(field)
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                field = ""
                atFieldStart = true
                line += 1
                rowLine = line
            default:
                field.append(character)
                atFieldStart = false
            }
        }
        if quoted { throw .invalidFile(line: rowLine, column: nil, reason: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}
