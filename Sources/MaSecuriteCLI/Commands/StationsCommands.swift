import Foundation
import MaSecuriteCore
import StationDirectory

/// `masecurite stations …`: find the nearest commissariat or brigade.
///
/// The command formats are a contract for test harnesses:
/// - `stations near (--lat X --lon Y | --postal-code P | --commune NAME) [--limit K] [--kind police|gendarmerie] [--open-at ISO8601] [--lang fr|en] [--json]`
/// - `stations nearest --k K` (stdin `lat,lon` lines → stdout `query,rank,station_id,distance_m`)
/// - `stations show ID [--lang fr|en] [--json]`
enum StationsCommands: CommandArea {
    static var groups: [CommandGroup] {
        [CommandGroup("stations", summary: "Find the nearest police station (commissariat) or gendarmerie (brigade) and its hours.")]
    }

    static var bundledData: [BundledDataInfo] {
        [
            BundledDataInfo(
                name: "stations (police and gendarmerie sites)",
                version: BundledStationSource.snapshotDate,
                source: "DILA — Annuaire de l'administration (service-public.fr), via MTES-MCT/acceslibre",
                licence: "Licence Ouverte / Open Licence 2.0 (Etalab)"),
            BundledDataInfo(
                name: "communes (postal codes, names, centres)",
                version: "2023 (La Poste), names 2021 (geo.api.gouv.fr)",
                source: "La Poste — Base officielle des codes postaux; geo.api.gouv.fr",
                licence: "ODbL 1.0 (La Poste) and Licence Ouverte 2.0 (names)"),
        ]
    }

    static var commands: [CommandSpec] { [near, nearest, show] }

    // MARK: near

    static let near = CommandSpec(
        path: ["stations", "near"],
        summary: "List the stations nearest to a point, a postal code or a commune.",
        discussion: """
        Give exactly one place: --lat and --lon, --postal-code, or --commune.
        A postal code may serve several communes: the most prominent one is used
        and the others are listed. Commune names ignore case, accents, hyphens and
        'St'/'Saint', and tolerate typing mistakes.
        With --open-at, only stations known to be open at that instant are listed
        (stations whose hours are unknown are left out) and open_now is evaluated
        at that instant; otherwise open_now is evaluated now.
        Examples:
          masecurite stations near --lat 44.8378 --lon -0.5792
          masecurite stations near --postal-code 38500 --kind police --json
          masecurite stations near --commune "st etienne" --open-at 2026-03-04T10:00:00+01:00
        """,
        options: [
            PlaceOptions.latOption,
            PlaceOptions.lonOption,
            PlaceOptions.postalCodeOption,
            PlaceOptions.communeOption,
            limitOption,
            kindOption,
            openAtOption,
            CLILanguage.option,
            .json,
        ]
    ) { arguments, context in
        let place = try PlaceOptions.place(arguments, allowingDepartement: false)
        guard let place else { throw UsageError("give exactly one place: --lat and --lon, --postal-code, or --commune") }
        let limit = try arguments.int(StationsCommands.limitOption, in: 1...100) ?? 5
        let kind = try arguments.choice(StationsCommands.kindOption, from: StationKind.allCases.map(\.rawValue)).flatMap(StationKind.init(rawValue:))
        let openAt = try arguments.date(StationsCommands.openAtOption)
        let t = Wording(language: try CLILanguage.language(arguments))
        let finder = try StationsCatalog.finder()
        let resolved: ResolvedPlace
        do throws(PlaceError) { resolved = try finder.resolve(place) } catch { throw OperationError(error.description) }
        let point = resolved.location
        var placeNote: String?
        if case .point = place {} else if let commune = resolved.commune {
            placeNote = t("Lieu : ", "Place: ") + commune + (resolved.insee.map { " (\($0))" } ?? "")
            if case .postalCode(let code) = place { placeNote? += ", " + t("code postal ", "postal code ") + code.rawValue }
            if !resolved.otherCommunes.isEmpty {
                let lead: String
                if case .postalCode = place { lead = t(" ; ce code dessert aussi ", "; the code also serves ") }
                else { lead = t(" ; autres communes possibles : ", "; other matches: ") }
                placeNote? += lead + resolved.otherCommunes.joined(separator: ", ")
            }
        }

        let filter = StationFilter(kinds: kind.map { [$0] }, openAt: openAt)
        let results = finder.nearest(to: point, count: limit, filter: filter)
        let instant = openAt ?? context.clock.now()
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(results.map { StationListing($0.station, distanceMetres: $0.distanceMetres, at: instant) }))
            return 0
        }
        if let placeNote { context.console.line(placeNote) }
        if results.isEmpty {
            context.console.line(openAt == nil
                ? t("Aucun commissariat ni brigade trouvé.", "No station found.")
                : t("Aucun commissariat ni brigade aux horaires connus n'est ouvert à ce moment près d'ici.",
                    "No station with known hours is open at that time nearby."))
        }
        for (rank, result) in results.enumerated() {
            let station = result.station
            context.console.line("\(rank + 1). \(station.name) — \(StationsFormatting.distance(result.distanceMetres))")
            var details = [station.kind.rawValue]
            if let address = station.address { details.append(address) }
            details.append("\(station.postalCode) \(station.commune)")
            if let phone = station.phone { details.append(phone.display) }
            if station.coordinateQuality.isApproximate { details.append(t("position approximative", "approximate location")) }
            details.append(StationsFormatting.openStatus(station, at: instant, t))
            context.console.line("   " + details.joined(separator: " · "))
            context.console.line("   " + t("identifiant : ", "id: ") + station.id)
        }
        return 0
    }

    // MARK: nearest (batch)

    static let nearest = CommandSpec(
        path: ["stations", "nearest"],
        summary: "Batch mode: read 'lat,lon' lines on stdin, write the k nearest stations as CSV.",
        discussion: """
        Input: one 'lat,lon' per line (decimal degrees), with an optional first
        line 'lat,lon'. Output: the header 'query,rank,station_id,distance_m', then
        k rows per query; query is the 0-based index of the input line among the
        data lines (bad lines keep their index), rank starts at 1, distance in
        metres with one decimal. Input is streamed (any number of lines). A bad
        line is reported on stderr with its line number and the run goes on; the
        exit code is 1 if any line was bad.
        """,
        options: [kOption]
    ) { arguments, context in
        guard let k = try arguments.int(StationsCommands.kOption, in: 1...1000) else { throw UsageError("missing required option --k") }
        let finder = try StationsCatalog.finder()
        let console = context.console
        var output = "query,rank,station_id,distance_m\n"
        output.reserveCapacity(1 << 16)
        var lineNumber = 0
        var query = 0
        var badLines = 0
        while let rawLine = console.readLine() {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line.removeLast() }
            // A UTF-8 byte order mark (files saved by some editors) is not data.
            if lineNumber == 1, line.unicodeScalars.first == "\u{FEFF}" { line = Substring(line.unicodeScalars.dropFirst()) }
            if lineNumber == 1, StationsFormatting.isHeader(line) { continue }
            defer { query += 1 }
            let point: GeoPoint
            switch StationsFormatting.parsePoint(line) {
            case .success(let parsed): point = parsed
            case .failure(let reason):
                badLines += 1
                if !output.isEmpty { console.write(output); output.removeAll(keepingCapacity: true) }
                console.errorLine("line \(lineNumber): \(reason.message)")
                continue
            }
            let results = finder.nearest(to: point, count: k)
            for (rank, result) in results.enumerated() {
                output += String(query)
                output += ","
                output += String(rank + 1)
                output += ","
                output += result.station.id
                output += ","
                output += StationsFormatting.oneDecimal(result.distanceMetres)
                output += "\n"
            }
            if output.utf8.count >= 1 << 16 {
                console.write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        if !output.isEmpty { console.write(output) }
        if badLines > 0 {
            console.errorLine("\(badLines) bad line(s) skipped")
            return 1
        }
        return 0
    }

    // MARK: show

    static let show = CommandSpec(
        path: ["stations", "show"],
        summary: "Show one station: address, phone, hours and whether it is open now.",
        positionals: [PositionalSpec("ID", help: "The station identifier, e.g. commissariat_police-33063-01.")],
        options: [CLILanguage.option, .json]
    ) { arguments, context in
        guard let id = arguments.positional(0) else { throw UsageError("missing argument ID") }
        let t = Wording(language: try CLILanguage.language(arguments))
        let finder = try StationsCatalog.finder()
        guard let station = finder.station(id: id) else {
            throw OperationError("no station has id '\(Echo.truncated(id))'; find ids with 'masecurite stations near'")
        }
        let now = context.clock.now()
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(StationListing(station, at: now)))
            return 0
        }
        let console = context.console
        console.line(station.name)
        console.line(t.label("identifiant :", "id:") + station.id)
        console.line(t.label("type :", "kind:") + station.kind.rawValue)
        console.line(t.label("adresse :", "address:") + (station.address ?? t("(non publiée)", "(not published)")))
        console.line(t.label("commune :", "commune:") + "\(station.postalCode) \(station.commune) (INSEE \(station.insee), "
            + t("département ", "département ") + "\(station.departement))")
        let approximate = station.coordinateQuality.isApproximate ? t(", approximative", ", approximate") : ""
        console.line(t.label("position :", "location:") + "\(station.location.latitude),\(station.location.longitude) (\(station.coordinateQuality.rawValue)\(approximate))")
        if let phone = station.phone {
            console.line(t.label("téléphone :", "phone:") + phone.display + (phone.e164.map { " (\($0))" } ?? ""))
        } else {
            console.line(t.label("téléphone :", "phone:") + t("(non publié)", "(not published)"))
        }
        if let email = station.email { console.line(t.label("e-mail :", "e-mail:") + email) }
        console.line(t.label("horaires :", "hours:") + (station.hours.osmText ?? t("inconnus (appelez avant de venir)", "unknown (call the station)")))
        if let note = station.hoursNote { console.line(t.label("note horaires :", "hours note:") + note) }
        console.line(t.label("maintenant :", "now:") + StationsFormatting.openStatus(station, at: now, t))
        if let access = station.accessibility {
            console.line(t.label("accessibilité :", "accessibility:") + access.level.rawValue + (access.detail.map { " (\($0))" } ?? ""))
        }
        if let updated = station.updated { console.line(t.label("mise à jour :", "updated:") + "\(updated)") }
        console.line("  " + BundledStationSource.attribution)
        return 0
    }
}

extension StationsCommands {
    // The options of its commands, read by value so that a misspelt name does not compile.
    static let limitOption = OptionSpec("limit", .value(placeholder: "K"), help: "How many stations to list (1…100, default 5).")
    static let kindOption = OptionSpec("kind", .value(placeholder: "police|gendarmerie"), help: "Only police or only gendarmerie.")
    static let openAtOption = OptionSpec("open-at", .value(placeholder: "ISO8601"), help: "Only stations open at this instant, e.g. 2026-03-04T10:00:00+01:00.")
    static let kOption = OptionSpec("k", .value(placeholder: "K"), help: "How many stations per query (1…1000).", required: true)
}
