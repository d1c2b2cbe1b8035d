import Foundation

/// A station's schedule as staff published it at run time (see ``ScheduleStore``).
public struct StationSchedulePublication: Hashable, Sendable {
    /// The station id.
    public let station: String
    /// The schedule now in force at the station.
    public let schedule: AppointmentSchedule
    /// 1 for the station's first publication, then one more at each replacement.
    public let version: Int
    /// When it was published.
    public let publishedAt: Date
    /// Who published it (a staff account id), if known.
    public let publishedBy: String?

    /// Creates a publication (stores create them; hosts rarely need this).
    public init(station: String, schedule: AppointmentSchedule, version: Int, publishedAt: Date, publishedBy: String?) {
        self.station = station
        self.schedule = schedule
        self.version = version
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }
}

/// Where the schedules staff publish at run time are kept, so that every
/// process sharing the store (several server instances on one database,
/// several commands on one SQLite file) follows the same agenda, and a
/// publication survives a restart.
///
/// The SDK's ``InMemoryBookingStore`` and ``SQLiteBookingStore`` are schedule
/// stores too (the schedules live next to the bookings), and so is the
/// partner server's PostgreSQL store. ``StoredScheduleProvider`` puts these
/// publications in front of a deployment's other schedules.
///
/// ## Contract
///
/// Every implementation must pass `ScheduleStoreConformance` (product
/// `AppointmentsTestSupport`).
/// - A publication replaces the station's previous one atomically and gets
///   the next version (1, 2, …): of concurrent publications for one station,
///   each gets its own version and the highest is the one in force.
/// - What is read back is what was published (the schedule's file form,
///   see `AppointmentSchedule+Codable`: per-motif rules set in code are not kept).
/// - A call that returns has committed its change.
public protocol ScheduleStore: Sendable {
    /// The schedule staff published for `station`, if any.
    func publishedSchedule(station: String) async throws -> StationSchedulePublication?

    /// Publishes `schedule` for `station`, replacing the previous one, and returns the publication.
    func publishSchedule(_ schedule: AppointmentSchedule, station: String, by account: String?, at: Date) async throws -> StationSchedulePublication
}

extension AppointmentSchedule {
    /// The schedule's file form (sorted keys), as a ``ScheduleStore`` keeps it.
    public func storedForm() throws(BookingStoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            throw .corruptRow("a schedule could not be encoded: \(error)")
        }
    }

    /// Reads a schedule kept by a ``ScheduleStore`` (`what` names the row in errors).
    public init(storedForm text: String, what: String) throws(BookingStoreError) {
        do {
            self = try JSONDecoder().decode(AppointmentSchedule.self, from: Data(text.utf8))
        } catch {
            throw .corruptRow("\(what): \(error)")
        }
    }
}

/// The schedules published through a ``ScheduleStore`` first, then those of
/// `base` (e.g. ``PublishedScheduleProvider``): a station staff published a
/// schedule for follows it, whatever the file or the opening hours say; every
/// other station keeps its base schedule. Refusals (where online booking runs)
/// are the base's.
public struct StoredScheduleProvider: ScheduleProvider {
    /// The schedules published at run time.
    public let store: any ScheduleStore
    /// The schedules of stations nobody published one for.
    public let base: any ScheduleProvider

    /// Creates a provider.
    public init(store: any ScheduleStore, base: any ScheduleProvider) {
        self.store = store
        self.base = base
    }

    public func schedule(forStation station: String) async throws -> AppointmentSchedule {
        let published: StationSchedulePublication?
        do {
            published = try await store.publishedSchedule(station: station)
        } catch {
            throw AppointmentError.storage("cannot read the published schedule of \(station): \(error)")
        }
        if let published { return published.schedule }
        return try await base.schedule(forStation: station)
    }

    public func refusal(motif: Motif, station: String, on day: LocalDate) async -> AppointmentError? {
        await base.refusal(motif: motif, station: station, on: day)
    }
}
