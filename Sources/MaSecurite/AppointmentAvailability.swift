import Foundation

extension BookingArea {
    /// The catalog's service whose availability gates visits at a station (plainte, main courante, …).
    public static let visitServiceID = "rendez-vous"
    /// The catalog's service whose availability gates ``Motif/visioPlainte`` (the pilot's départements).
    public static let videoServiceID = "visioplainte"

    /// Where online booking runs, read from the teleservice catalog, so that
    /// the catalog, the guichet and `appointments slots` give one answer:
    /// every visit motif where the catalog's `rendez-vous` service runs, and
    /// ``Motif/visioPlainte`` where the `visioplainte` pilot runs. A service
    /// missing from the catalog makes its motifs bookable nowhere.
    public init(catalog: TeleserviceCatalog) {
        func windows(_ id: String) -> [Window] {
            (catalog.service(id: id)?.availability ?? []).map { window in
                switch window.scope {
                case .national: return Window(departements: nil, from: window.from, until: window.until)
                case .departements(let codes): return Window(departements: codes, from: window.from, until: window.until)
                }
            }
        }
        let visits = windows(Self.visitServiceID)
        var all: [Motif: [Window]] = [:]
        for motif in Motif.allCases { all[motif] = motif.isRemote ? windows(Self.videoServiceID) : visits }
        self.init(windows: all)
    }
}

extension PublishedSchedules {
    /// The bundled default: a schedule derived from each station's published
    /// opening hours (``AppointmentSchedule/derived(from:territory:timeZone:counters:)``),
    /// for stations that receive the public; stations whose hours are not
    /// published, or do not allow an appointment, get none.
    public static func derived(from stations: [Station]) -> PublishedSchedules {
        var schedules: [String: AppointmentSchedule] = [:]
        for station in stations where station.receivesPublic && !station.isMotorisedUnit {
            guard let hours = station.hours.openingHours,
                  let schedule = AppointmentSchedule.derived(from: hours, territory: station.departement.territory) else { continue }
            schedules[station.id] = schedule
        }
        return PublishedSchedules(schedules)
    }
}

extension PublishedScheduleProvider {
    /// The SDK's default provider: schedules derived from the directory's
    /// published hours (plus `published`, which wins for a station both give),
    /// bookable only where the catalog says online booking runs.
    public static func standard(stations: StationFinder, catalog: TeleserviceCatalog,
                                published: PublishedSchedules = PublishedSchedules()) -> PublishedScheduleProvider {
        PublishedScheduleProvider(schedules: PublishedSchedules.derived(from: stations.stations).merging(published),
                                  area: BookingArea(catalog: catalog))
    }
}

extension AppointmentError {
    /// What the citizen can do instead, in words: call the station when its
    /// hours are not published (with its number when known), or where the service runs.
    func advice(station: Station?, language: Language) -> String {
        let french = language == .french
        switch self {
        case .hoursNotPublished:
            if let phone = station?.phone?.display {
                return french ? "Horaires non publiés : pas de rendez-vous en ligne. Appelez le \(phone) pour en prendre un."
                    : "Hours not published: no online appointment. Call \(phone) to arrange one."
            }
            return french ? "Horaires non publiés : pas de rendez-vous en ligne. Appelez le commissariat ou la brigade."
                : "Hours not published: no online appointment. Call the station."
        case .notOfferedHere(_, let motif, _, let offeredIn):
            let list = offeredIn.joined(separator: ", ")
            if motif.isRemote {
                return french ? "La visio-plainte n'est pas proposée dans ce département (pilote : \(list))."
                    : "Visio-plainte is not offered in this département (pilot: \(list))."
            }
            return french ? "Le rendez-vous en ligne n'est pas encore proposé dans ce département : présentez-vous ou appelez."
                : "Online appointments are not offered in this département yet: go there or call."
        default:
            return french ? "Pas de rendez-vous en ligne pour l'instant." : "No online appointment for now."
        }
    }
}
