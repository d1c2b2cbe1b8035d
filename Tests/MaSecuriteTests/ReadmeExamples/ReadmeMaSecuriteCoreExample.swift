import MaSecuriteCore
import Testing

/// The README's "MaSecuriteCore" example, verbatim between the markers (checked by
/// ``ReadmeSyncTests``), with only the README block's own imports: a missing
/// import in README.md fails to compile here.
@Suite("README example: MaSecuriteCore")
struct ReadmeMaSecuriteCoreExampleTests {
    @Test("MaSecuriteCore: places, time zones, opening hours", .timeLimit(.minutes(2)))
    func coreExample() throws {
        // README:begin
        let clock: any WallClock = SystemWallClock()
        let commune = try INSEECode("97209")                        // Fort-de-France, Martinique
        let hours = try OpeningHours.parse("Mo-Fr 08:00-12:00,14:00-18:00; PH off")
        let context = OpeningHoursContext(territory: commune.territory)
        print(hours.isOpen(at: clock.now(), in: context))           // in Martinique's own time
        print(hours.nextOpening(after: clock.now(), in: context) as Any)
        let alsace = PublicHolidays.holidays(in: 2026, territory: .alsaceMoselle) // 13 days
        let bordeaux = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
        let toulouse = try GeoPoint(latitude: 43.6047, longitude: 1.4442)
        print(bordeaux.distance(to: toulouse) / 1000)               // ≈ 211.6 km
        // README:end
        #expect(hours.nextOpening(after: clock.now(), in: context) != nil)
        #expect(alsace.count == 13)
        #expect(abs(bordeaux.distance(to: toulouse) / 1000 - 211.6) < 1)
    }
}
