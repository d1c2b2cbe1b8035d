import Foundation

extension Guichet {
    /// Resolves a place to a commune (or, for a département alone, the centre of
    /// its stations), with the other communes a postal code or name could mean.
    /// - Throws: ``GuichetError/placeNotFound(_:)`` when nothing matches.
    public func resolve(_ place: Place) throws(GuichetError) -> ResolvedPlace {
        let gazetteer: CommuneGazetteer
        do { gazetteer = try stations.communeGazetteer() } catch {
            throw .loading(module: "StationDirectory communes", message: error.description)
        }
        switch place {
        case .point(let point):
            let nearestCommune = gazetteer.communes.min { $0.location.distance(to: point) < $1.location.distance(to: point) }
            let departement: DepartementCode
            if let commune = nearestCommune {
                departement = commune.departement
            } else if let station = stations.nearest(to: point, count: 1).first?.station {
                departement = station.departement
            } else {
                throw .placeNotFound(place.description)
            }
            return ResolvedPlace(query: place, commune: nearestCommune?.name, insee: nearestCommune?.insee.rawValue,
                                 postalCode: nearestCommune?.postalCodes.first?.rawValue, departement: departement,
                                 location: point, approximate: false)
        case .postalCode(let code):
            let communes = gazetteer.communes(postalCode: code)
            guard let first = communes.first else { throw .placeNotFound(code.rawValue) }
            return ResolvedPlace(query: place, commune: first.name, insee: first.insee.rawValue, postalCode: code.rawValue,
                                 departement: first.departement, location: first.location, approximate: false,
                                 otherCommunes: communes.dropFirst().map(\.name))
        case .insee(let code):
            guard let commune = gazetteer.commune(insee: code) else { throw .placeNotFound(code.rawValue) }
            return ResolvedPlace(query: place, commune: commune.name, insee: code.rawValue,
                                 postalCode: commune.postalCodes.first?.rawValue, departement: commune.departement,
                                 location: commune.location, approximate: false)
        case .communeName(let name):
            let matches = gazetteer.search(name: name, limit: 4)
            guard let best = matches.first else { throw .placeNotFound(name) }
            return ResolvedPlace(query: place, commune: best.commune.name, insee: best.commune.insee.rawValue,
                                 postalCode: best.commune.postalCodes.first?.rawValue, departement: best.commune.departement,
                                 location: best.commune.location, approximate: false,
                                 otherCommunes: matches.dropFirst().map { "\($0.commune.name) (\($0.commune.departement.rawValue))" })
        case .departement(let code):
            let inside = stations.stations(inDepartment: code)
            guard !inside.isEmpty else { throw .placeNotFound(code.rawValue) }
            var x = 0.0, y = 0.0, z = 0.0
            for station in inside {
                let v = station.location.unitVector
                x += v.x; y += v.y; z += v.z
            }
            let length = (x * x + y * y + z * z).squareRoot()
            guard length > 0, let centre = try? GeoPoint(latitude: asin(z / length) * 180 / .pi, longitude: atan2(y, x) * 180 / .pi) else {
                throw .placeNotFound(code.rawValue)
            }
            return ResolvedPlace(query: place, commune: nil, insee: nil, postalCode: nil, departement: code, location: centre,
                                 approximate: true)
        }
    }

    /// The nearest stations for a motif, with hours at `date` and the first free slots.
    func stationAdvice(motif: String, place: ResolvedPlace?, date: Date, language: Language) async -> StationsAdvice {
        let parsed = Motif(identifier: motif)
        let name = parsed?.name.text(in: language) ?? motif
        guard let place else { return StationsAdvice(motif: motif, motifName: name, bookable: parsed != nil, stations: []) }
        var nearby: [NearbyStation] = []
        for result in stations.nearest(to: place.location, count: options.stationCount) {
            let station = result.station
            let zone = station.openingHoursContext.timeZone
            var slots: [SlotOffer] = []
            if let parsed, options.slotsPerStation > 0,
               let available = try? await appointments.availableSlots(station: station.id, motif: parsed,
                                                                     from: LocalDate(date, in: zone), days: options.slotSearchDays) {
                slots = available.prefix(options.slotsPerStation).map {
                    SlotOffer(stationID: station.id, motif: parsed.rawValue, start: $0.slot.start, end: $0.slot.end,
                              remaining: $0.remaining, timeZone: zone.identifier)
                }
            }
            let open = station.isOpen(at: date)
            nearby.append(NearbyStation(
                id: station.id, kind: station.kind.rawValue, name: station.name, address: station.address,
                postalCode: station.postalCode.rawValue, commune: station.commune, departement: station.departement.rawValue,
                location: station.location, distanceMetres: (result.distanceMetres * 10).rounded() / 10,
                phone: station.phone?.display, openNow: open, nextOpening: open == true ? nil : station.nextOpening(after: date),
                hoursNote: station.hoursNote, firstSlots: slots, timeZone: zone.identifier))
        }
        return StationsAdvice(motif: motif, motifName: name, bookable: parsed != nil, stations: nearby)
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
