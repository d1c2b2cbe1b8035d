import Foundation
import MaSecurite

/// Plain, accessible terminal text for a ``Guidance``: headings in words, one
/// idea per line, numbers spelled out with what they are for, no colour.
struct GuichetRendering {
    let language: Language

    private func t(_ french: String, _ english: String) -> String { language == .french ? french : english }

    func render(_ guidance: Guidance) -> String {
        var lines: [String] = []
        if let emergency = guidance.emergency, emergency.possible {
            // A likely danger the words do not state: the numbers first, then the ordinary answer.
            lines.append(t("En danger maintenant ? Appelez tout de suite :", "In danger right now? Call at once:"))
            for number in emergency.numbers {
                lines.append("  - \(number.name)" + (number.purpose.isEmpty ? "" : " — \(number.purpose)"))
            }
            lines.append(t("Sinon :", "Otherwise:"))
            var ordinary = guidance
            ordinary.emergency = nil
            return lines.joined(separator: "\n") + "\n" + render(ordinary)
        }
        if let emergency = guidance.emergency {
            lines.append(t("URGENCE — appelez maintenant", "EMERGENCY — call now"))
            lines.append(emergency.reason)
            for step in guidance.steps {
                let detail = [step.number?.purpose, step.number?.hours].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                lines.append("  - \(step.title)" + (detail.isEmpty ? "" : " — \(detail)"))
            }
            lines.append(contentsOf: guidance.notes)
            return lines.joined(separator: "\n") + "\n"
        }
        if let orientation = guidance.orientation {
            lines.append(t("Votre situation : ", "Your situation: ") + orientation.title)
            lines.append(orientation.summary)
        }
        if !guidance.understood.isEmpty {
            lines.append(t("J'ai compris que :", "I understood that:"))
            for fact in guidance.understood {
                lines.append("  - \(fact.question) \(fact.answer) (« \(fact.evidence) »)")
            }
            let hint = guidance.understood.map { "--fact \($0.name)=…" }.joined(separator: " ")
            lines.append(t("  Si c'est inexact, corrigez-le : \(hint)", "  If that is wrong, correct it: \(hint)"))
        }
        if let place = guidance.place {
            var where_ = place.commune.map { "\($0) (\(place.postalCode ?? place.departement.rawValue))" } ?? t("département ", "département ") + place.departement.rawValue
            if place.approximate { where_ += t(", position approximative", ", approximate position") }
            lines.append(t("Lieu : ", "Place: ") + where_)
        }
        if !guidance.steps.isEmpty {
            lines.append("")
            lines.append(t("Ce que vous pouvez faire, dans l'ordre :", "What you can do, in order:"))
        }
        var motifsShown = Set<String>()
        for (index, step) in guidance.steps.enumerated() {
            lines.append("\(index + 1). \(step.title)")
            if let advice = step.stations, !advice.stations.isEmpty, !motifsShown.insert(advice.motif).inserted {
                // Same stations as a step above (a visit and an appointment for one motif): say so once.
                lines.append("   " + t("Mêmes commissariats et brigades que ci-dessus.", "Same stations as above."))
                continue
            }
            lines.append(contentsOf: details(step).map { "   " + $0 })
        }
        if !guidance.setAside.isEmpty {
            lines.append("")
            lines.append(t("Services en ligne qui ne conviennent pas ici :", "Online services that do not fit here:"))
            for advice in guidance.setAside {
                lines.append("  - \(advice.name) : " + advice.reasons.joined(separator: " "))
            }
        }
        if !guidance.documents.isEmpty {
            lines.append("")
            lines.append(t("À apporter :", "What to bring:"))
            for list in guidance.documents {
                lines.append("  \(list.title)" + (list.duration.map { " (\($0))" } ?? ""))
                for item in list.items { lines.append("  - \(item)") }
            }
        }
        if !guidance.numbers.isEmpty {
            lines.append("")
            lines.append(t("Numéros utiles :", "Useful numbers:"))
            for number in guidance.numbers {
                lines.append("  - \(number.name) — \(number.purpose) \(number.hours)")
            }
        }
        if let chat = guidance.chat {
            lines.append("")
            lines.append(t("Parler à un policier ou un gendarme par écrit : ", "Write to a police officer or gendarme: ") + "\(chat.name) — \(chat.url)")
            lines.append("  " + chat.reason)
        }
        if !guidance.notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: guidance.notes)
        }
        if !guidance.alternatives.isEmpty {
            lines.append("")
            lines.append(t("Autres réponses possibles :", "Other possible answers:"))
            // Internal ids stay in --json: a person reads titles.
            for candidate in guidance.alternatives { lines.append("  - \(candidate.title)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func details(_ step: GuidanceStep) -> [String] {
        var lines: [String] = []
        if let number = step.number {
            lines.append("\(number.purpose) \(number.hours)".trimmingCharacters(in: .whitespaces))
        }
        if let service = step.teleservice {
            lines.append(service.purpose)
            lines.append(service.url)
            switch service.verdict {
            case .eligible:
                lines.append(t("Ce service correspond à votre situation.", "This service fits your situation."))
                lines.append(contentsOf: service.reasons.dropFirst())
            case .needsInformation:
                lines.append(t("Possible. Pour en être sûr, il faut encore savoir :", "Possible. To be sure, we still need to know:"))
                for fact in service.missing { lines.append("  - \(fact.question)") }
            case .notEligible:
                lines.append(contentsOf: service.reasons)
            }
        }
        if let kind = step.signalementKind {
            lines.append(t("Ou signalez-le ici, de façon structurée et anonyme : masecurite signalements submit --kind \(kind) …",
                           "Or report it here, structured and anonymous: masecurite signalements submit --kind \(kind) …"))
        }
        if let advice = step.stations {
            if advice.stations.isEmpty {
                lines.append(t("Donnez votre code postal pour voir les plus proches.", "Give your postal code to see the nearest ones."))
            }
            for (index, station) in advice.stations.enumerated() {
                let letter = String(UnicodeScalar(UInt8(97 + index)))
                lines.append("\(letter)) \(station.name) — \(distance(station.distanceMetres))")
                let address = [station.address, "\(station.postalCode) \(station.commune)"].compactMap { $0 }.joined(separator: ", ")
                lines.append("   " + address)
                if let phone = station.phone { lines.append("   " + t("Téléphone : ", "Phone: ") + phone) }
                lines.append("   " + openStatus(station))
                if !station.firstSlots.isEmpty {
                    let zone = TimeZone(identifier: station.timeZone) ?? .gmt
                    lines.append("   " + t("Premiers créneaux libres : ", "First free slots: ")
                                 + station.firstSlots.map { when($0.start, in: zone) }.joined(separator: t(" ; ", "; ")))
                } else if step.kind == "appointment", let note = station.bookingNote {
                    // No online appointment here: why, and whom to call.
                    lines.append("   " + note)
                }
            }
        }
        if let fiche = step.fiche { lines.append(fiche.summary) }
        if let partner = step.partner {
            lines.append(partner.description)
            if let url = partner.url { lines.append(url) }
        }
        return lines.filter { !$0.isEmpty }
    }

    func openStatus(_ station: NearbyStation) -> String {
        switch station.openNow {
        case .some(true): return t("Ouvert en ce moment.", "Open now.")
        case .some(false):
            let zone = TimeZone(identifier: station.timeZone) ?? .gmt
            if let next = station.nextOpening { return t("Fermé. Ouvre ", "Closed. Opens ") + when(next, in: zone) + "." }
            return t("Fermé.", "Closed.")
        case .none:
            return t("Horaires non publiés : appelez avant de venir.", "Hours not published: call before you go.")
        }
    }

    func distance(_ metres: Double) -> String {
        if metres < 1000 { return "\(Int(metres.rounded())) m" }
        let tenths = Int((metres / 100).rounded())
        return language == .french ? "\(tenths / 10),\(tenths % 10) km" : "\(tenths / 10).\(tenths % 10) km"
    }

    /// « mardi 10 mars à 14:00 » / "Tuesday 10 March at 14:00", in the station's time zone.
    func when(_ date: Date, in zone: TimeZone) -> String {
        let day = LocalDate(date, in: zone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0
        let time = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        let frenchDays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        let englishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let weekday = day.weekday.isoIndex
        let month = day.month - 1
        if language == .french {
            return "\(frenchDays[weekday]) \(day.day) \(frenchMonths[month]) à \(time)"
        }
        return "\(englishDays[weekday]) \(day.day) \(englishMonths[month]) at \(time)"
    }
}
