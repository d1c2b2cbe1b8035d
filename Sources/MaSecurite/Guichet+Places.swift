import Foundation

extension Guichet {
    /// Resolves a place to a commune (or, for a département alone, the centre of
    /// its stations), with the other communes a postal code or name could mean:
    /// the directory's ``StationFinder/resolve(_:)``, shared with the command line
    /// and the partner server.
    /// - Throws: ``GuichetError/place(_:)`` when nothing matches.
    public func resolve(_ place: Place) throws(GuichetError) -> ResolvedPlace {
        do { return try stations.resolve(place) } catch { throw .place(error) }
    }

    /// The nearest stations for a motif, with hours at `date`, whether each
    /// takes online appointments (and if not, why and whom to call) and its first free slots.
    /// `bookable` is `true` when at least one listed station takes online appointments for the motif.
    func stationAdvice(motif: String, place: ResolvedPlace?, date: Date, language: Language) async -> StationsAdvice {
        let parsed = Motif(identifier: motif)
        let name = parsed?.name.text(in: language) ?? motif
        guard let place else { return StationsAdvice(motif: motif, motifName: name, bookable: parsed != nil, stations: []) }
        var nearby: [NearbyStation] = []
        for result in stations.nearest(to: place.location, count: options.stationCount) {
            let station = result.station
            let zone = station.openingHoursContext.timeZone
            var slots: [SlotOffer] = []
            var booking: String?
            var note: String?
            if let parsed {
                do throws(AppointmentError) {
                    let available = try await appointments.availableSlots(station: station.id, motif: parsed,
                                                                          from: LocalDate(date, in: zone), days: options.slotSearchDays)
                    booking = "bookable"
                    slots = available.prefix(options.slotsPerStation).map {
                        SlotOffer(stationID: station.id, motif: parsed.rawValue, start: $0.slot.start, end: $0.slot.end,
                                  remaining: $0.remaining, timeZone: zone.identifier)
                    }
                } catch {
                    booking = error.code
                    note = error.advice(station: station, language: language)
                }
            }
            nearby.append(NearbyStation(listing: StationListing(station, distanceMetres: result.distanceMetres, at: date),
                                        firstSlots: slots, booking: booking, bookingNote: note))
        }
        let bookable = parsed != nil && nearby.contains { $0.booking == "bookable" }
        return StationsAdvice(motif: motif, motifName: name, bookable: bookable, stations: nearby)
    }

    /// The chat platform that fits: the space for minors for under-18s, the
    /// violence victims' platform (PNAV) when the leaf points to it or the
    /// offence is one PNAV's catalog rule lists (violence, harassment, threats,
    /// discrimination in the bundled catalog: `pnav.rules[1]`), else the general chat.
    func chatAdvice(for leaf: Leaf?, situation: Situation, language: Language, date: Date, place: ResolvedPlace?) -> ChatAdvice? {
        let isMinor: Bool = {
            if case .value(.bool(true))? = situation["victim_is_minor"] { return true }
            if case .value(.number(let age))? = situation["age"] { return age < 18 }
            return false
        }()
        let leafChats = (leaf?.actions ?? []).compactMap { action -> Platform? in
            if case .teleservice(let id) = action { return Platform(rawValue: id) }
            return nil
        }
        let day = LocalDate(date, in: place?.timeZone ?? Territory.metropole.timeZone)
        // The offences PNAV is for are the catalog's rule, not a list here: a known offence that
        // PNAV's rules do not rule out.
        let offenceFitsPNAV: Bool = {
            guard situation.value(of: "offence") != nil, let pnav = catalog.service(id: Platform.pnav.rawValue),
                  let verdict = try? catalog.evaluate(pnav, situation: situation, on: day).verdict else { return false }
            return verdict != .notEligible
        }()
        let platform: Platform
        let reason: LocalizedText
        if isMinor {
            platform = .espaceMineurs
            reason = Text.chatMinor
        } else if leafChats.contains(.pnav) {
            platform = .pnav
            reason = Text.chatVictims
        } else if offenceFitsPNAV {
            platform = .pnav
            reason = Text.chatVictims
        } else {
            platform = .tchat
            reason = Text.chatGeneral
        }
        guard let service = catalog.service(id: platform.rawValue) else { return nil }
        if let verdict = try? catalog.evaluate(service, situation: situation, on: day).verdict, verdict == .notEligible {
            return nil
        }
        return ChatAdvice(platform: platform, name: service.name.text(in: language), url: service.url.absoluteString,
                          reason: reason.text(in: language))
    }
}
