import Foundation

/// Why a schedules file was refused, located: the file, the station and the
/// field (a JSON path inside the station's schedule, e.g. `ranges.plainte[0].counters`).
public struct ScheduleFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (as given: a path or a name).
    public let file: String
    /// The station id whose schedule is wrong; `nil` for a file-level error.
    public let station: String?
    /// The field inside the station's schedule (or the top-level key); `nil` when the whole entry is wrong.
    public let field: String?
    /// What is wrong and what to write instead.
    public let message: String

    /// Creates an error.
    public init(file: String, station: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.station = station
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = file
        if let station { location += ": station \(station)" }
        if let field { location += (station == nil ? ": " : ", ") + "field \(field)" }
        return "\(location): \(message)"
    }
}

/// The appointment schedules a deployment publishes, one per station id.
///
/// A station offers online appointments only when a schedule is published
/// for it (see ``PublishedScheduleProvider``). The file format:
///
/// ```json
/// {
///   "schema_version": 1,
///   "stations": {
///     "commissariat_police-33069-01": {
///       "territory": "metropole",
///       "time_zone": "Europe/Paris",
///       "ranges": {
///         "plainte": [{"days": ["Mo", "Tu", "We", "Th", "Fr"], "start": "08:00", "end": "12:00", "counters": 2}],
///         "main-courante": [{"days": ["Mo", "Tu", "We", "Th", "Fr"], "start": "14:00", "end": "18:00", "counters": 1}]
///       },
///       "exceptions": [{"date": "2026-12-24", "closed": true}],
///       "closed_on_public_holidays": true
///     }
///   }
/// }
/// ```
///
/// Each station's entry is an ``AppointmentSchedule`` in its JSON form (see
/// `AppointmentSchedule+Codable`): per motif weekly ranges with a number of
/// counters (capacity per slot), dated closures and extra openings, the
/// public holidays of its territory, and its own time zone. Unknown keys,
/// unreadable station ids and a territory that is not the station's are
/// refused with a ``ScheduleFileError`` naming the file, the station and the field.
public struct PublishedSchedules: Hashable, Sendable {
    /// The file format version this code reads and writes.
    public static let schemaVersion = 1

    /// Schedules by station id.
    public var schedules: [String: AppointmentSchedule]

    /// Schedules given in code.
    public init(_ schedules: [String: AppointmentSchedule] = [:]) {
        self.schedules = schedules
    }

    /// The schedule of `station`, if one is published.
    public subscript(station: String) -> AppointmentSchedule? { schedules[station] }

    /// These schedules with `other`'s added; `other` wins for a station both publish.
    public func merging(_ other: PublishedSchedules) -> PublishedSchedules {
        PublishedSchedules(schedules.merging(other.schedules) { _, new in new })
    }

    /// Reads a schedules file.
    /// - Throws: ``ScheduleFileError`` when the file cannot be read or is invalid.
    public init(contentsOf url: URL) throws(ScheduleFileError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ScheduleFileError(file: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(data: data, file: url.path)
    }

    private static let topKeys: Set<String> = ["schema_version", "stations"]
    private static let scheduleKeys: Set<String> = [
        "territory", "time_zone", "ranges", "exceptions", "closed_on_public_holidays",
        "minimum_notice_minutes", "maximum_horizon_days", "slot_step_minutes", "buffer_minutes",
    ]

    private struct FileForm: Decodable {
        let stations: [String: AppointmentSchedule]
    }

    /// Reads a schedules file's content; `file` names it in errors.
    /// - Throws: ``ScheduleFileError`` when the content is invalid.
    public init(data: Data, file: String) throws(ScheduleFileError) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ScheduleFileError(file: file, message: "not valid JSON: \(error.localizedDescription)")
        }
        guard let top = object as? [String: Any] else {
            throw ScheduleFileError(file: file, message: "expected an object {\"schema_version\": 1, \"stations\": {…}}")
        }
        for key in top.keys.sorted() where !Self.topKeys.contains(key) {
            throw ScheduleFileError(file: file, field: key, message: "unknown key (expected schema_version and stations)")
        }
        guard let version = top["schema_version"] as? Int else {
            throw ScheduleFileError(file: file, field: "schema_version", message: "missing or not a number (expected \(Self.schemaVersion))")
        }
        guard version == Self.schemaVersion else {
            throw ScheduleFileError(file: file, field: "schema_version",
                                    message: "version \(version) is not supported (this SDK reads version \(Self.schemaVersion))")
        }
        guard let stations = top["stations"] as? [String: Any] else {
            throw ScheduleFileError(file: file, field: "stations", message: "missing or not an object keyed by station id")
        }
        for id in stations.keys.sorted() {
            guard let entry = stations[id] as? [String: Any] else {
                throw ScheduleFileError(file: file, station: id, message: "a station's schedule must be an object")
            }
            for key in entry.keys.sorted() where !Self.scheduleKeys.contains(key) {
                throw ScheduleFileError(file: file, station: id, field: key,
                                        message: "unknown key (expected one of \(Self.scheduleKeys.sorted().joined(separator: ", ")))")
            }
            do {
                _ = try StationID.inseeCode(of: id)
            } catch {
                throw ScheduleFileError(file: file, station: id, message: error.description)
            }
        }
        let form: FileForm
        do {
            form = try JSONDecoder().decode(FileForm.self, from: data)
        } catch let error as DecodingError {
            throw Self.locate(error, file: file)
        } catch {
            throw ScheduleFileError(file: file, message: "\(error)")
        }
        for (id, schedule) in form.stations.sorted(by: { $0.key < $1.key }) {
            if let territory = try? StationID.territory(of: id), territory != schedule.territory {
                throw ScheduleFileError(file: file, station: id, field: "territory",
                                        message: "'\(schedule.territory.rawValue)' is not the station's territory '\(territory.rawValue)' (its public holidays would be wrong)")
            }
        }
        self.schedules = form.stations
    }

    private static func locate(_ error: DecodingError, file: String) -> ScheduleFileError {
        let path: [any CodingKey]
        let message: String
        switch error {
        case .typeMismatch(let type, let context):
            path = context.codingPath
            message = "expected \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            message = "missing \(type) value: \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            message = "required key is missing"
        case .dataCorrupted(let context):
            path = context.codingPath
            message = context.debugDescription
        @unknown default:
            return ScheduleFileError(file: file, message: "\(error)")
        }
        // ["stations", "<id>", field…]
        guard path.count >= 2, path[0].stringValue == "stations" else {
            return ScheduleFileError(file: file, field: path.first?.stringValue, message: message)
        }
        var field = ""
        for key in path.dropFirst(2) {
            if let index = key.intValue { field += "[\(index)]" } else { field += (field.isEmpty ? "" : ".") + key.stringValue }
        }
        return ScheduleFileError(file: file, station: path[1].stringValue, field: field.isEmpty ? nil : field, message: message)
    }

    /// The file content of these schedules (sorted keys, readable).
    public func encoded() throws -> Data {
        struct Form: Encodable {
            let schemaVersion: Int
            let stations: [String: AppointmentSchedule]
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", stations }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Form(schemaVersion: Self.schemaVersion, stations: schedules))
    }
}

extension AppointmentSchedule {
    /// The earliest and latest wall-clock times of a derived appointment
    /// range: even a station open round the clock takes appointments in the day only.
    public static let derivedDay = (start: 8 * 60, end: 19 * 60)

    /// The motifs, with their counters, of a schedule derived from opening hours:
    /// one counter each for plainte, main courante, procuration and visio-plainte
    /// (visio-plainte is then bookable only where the pilot runs, see ``BookingArea``).
    public static let derivedCounters: [Motif: Int] = [.plainte: 1, .mainCourante: 1, .procuration: 1, .visioPlainte: 1]

    /// An appointment schedule derived from a station's published opening
    /// hours: for each motif of `counters`, the station's weekly ranges
    /// clipped to ``derivedDay`` (08:00–19:00), closed on the territory's
    /// public holidays and on the dated closures of the hours; `nil` when no
    /// range is long enough for the shortest motif (the hours do not allow appointments).
    ///
    /// This is how the bundled default is made: stations whose hours are not
    /// published get no schedule, hence no bookable slot.
    public static func derived(from hours: OpeningHours, territory: Territory, timeZone: TimeZone? = nil,
                               counters: [Motif: Int] = derivedCounters) -> AppointmentSchedule? {
        let shortest = counters.keys.map { $0.defaultRules.durationMinutes }.min() ?? 30
        var byRanges: [[TimeRange]: Set<Weekday>] = [:]
        for weekday in Weekday.allCases {
            let clipped: [TimeRange] = hours.ranges(for: weekday).compactMap { range in
                let start = max(range.start.minutesSinceMidnight, derivedDay.start)
                let end = min(range.crossesMidnight ? 1440 : range.end.minutesSinceMidnight, derivedDay.end)
                guard end - start >= shortest else { return nil }
                return TimeRange(minutes: start, end)
            }
            if !clipped.isEmpty { byRanges[clipped, default: []].insert(weekday) }
        }
        guard !byRanges.isEmpty else { return nil }
        var ranges: [Motif: [WeeklyRange]] = [:]
        for (motif, count) in counters where count >= 1 {
            let duration = motif.defaultRules.durationMinutes
            var list: [WeeklyRange] = []
            for (dayRanges, weekdays) in byRanges.sorted(by: { ($0.value.min() ?? .monday) < ($1.value.min() ?? .monday) }) {
                for range in dayRanges where range.end.minutesSinceMidnight - range.start.minutesSinceMidnight >= duration {
                    list.append(WeeklyRange(unchecked: weekdays, range, counters: count))
                }
            }
            if !list.isEmpty { ranges[motif] = list }
        }
        guard !ranges.isEmpty else { return nil }
        let closures = hours.exceptions.filter { $0.value.isEmpty }.keys.sorted().map { Exception.closed($0) }
        return AppointmentSchedule(territory: territory, timeZone: timeZone, ranges: ranges, exceptions: closures)
    }
}

/// Where online booking of each motif runs: by département, between dates.
///
/// The SDK builds it from the teleservice catalog (the `rendez-vous` service
/// for visits, the `visioplainte` service for ``Motif/visioPlainte``), so
/// that the catalog, the guichet and `appointments slots` give one answer.
/// A motif without windows is bookable everywhere.
public struct BookingArea: Hashable, Sendable {
    /// Where and when a motif is offered.
    public struct Window: Hashable, Sendable {
        /// The départements; `nil` means everywhere.
        public var departements: Set<DepartementCode>?
        /// First day, if any.
        public var from: LocalDate?
        /// Last day, if any.
        public var until: LocalDate?

        /// Creates a window.
        public init(departements: Set<DepartementCode>?, from: LocalDate? = nil, until: LocalDate? = nil) {
            self.departements = departements
            self.from = from
            self.until = until
        }

        /// Whether the window covers `departement` on `day`.
        public func covers(_ departement: DepartementCode, on day: LocalDate) -> Bool {
            if let from, day < from { return false }
            if let until, day > until { return false }
            return departements?.contains(departement) ?? true
        }
    }

    /// Windows per motif; a motif absent here is bookable everywhere; an empty list means nowhere.
    public var windows: [Motif: [Window]]

    /// Creates an area.
    public init(windows: [Motif: [Window]] = [:]) {
        self.windows = windows
    }

    /// Every motif everywhere (no restriction).
    public static let everywhere = BookingArea()

    /// Whether `motif` can be booked online in `departement` on `day`.
    public func covers(_ motif: Motif, in departement: DepartementCode, on day: LocalDate) -> Bool {
        guard let list = windows[motif] else { return true }
        return list.contains { $0.covers(departement, on: day) }
    }

    /// The départements where `motif` runs on `day`, sorted; `nil` when it runs everywhere.
    public func departements(for motif: Motif, on day: LocalDate) -> [String]? {
        guard let list = windows[motif] else { return nil }
        var codes = Set<String>()
        for window in list {
            if let from = window.from, day < from { continue }
            if let until = window.until, day > until { continue }
            guard let departements = window.departements else { return nil }
            codes.formUnion(departements.map(\.rawValue))
        }
        return codes.sorted()
    }
}

/// The schedules a deployment publishes, restricted to the ``BookingArea``
/// where online booking runs: a station without a published schedule throws
/// ``AppointmentError/hoursNotPublished(station:)``, a motif outside its
/// area is refused with ``AppointmentError/notOfferedHere(station:motif:departement:offeredIn:)``.
public struct PublishedScheduleProvider: ScheduleProvider {
    /// The published schedules.
    public var schedules: PublishedSchedules
    /// Where each motif can be booked online.
    public var area: BookingArea

    /// Creates a provider.
    public init(schedules: PublishedSchedules, area: BookingArea = .everywhere) {
        self.schedules = schedules
        self.area = area
    }

    public func schedule(forStation station: String) throws(AppointmentError) -> AppointmentSchedule {
        if let schedule = schedules[station] { return schedule }
        _ = try StationID.inseeCode(of: station)
        throw .hoursNotPublished(station: station)
    }

    public func refusal(motif: Motif, station: String, on day: LocalDate) -> AppointmentError? {
        guard let departement = try? StationID.inseeCode(of: station).departement else { return .invalidStation(station) }
        guard !area.covers(motif, in: departement, on: day) else { return nil }
        return .notOfferedHere(station: station, motif: motif, departement: departement.rawValue,
                               offeredIn: area.departements(for: motif, on: day) ?? [])
    }
}
