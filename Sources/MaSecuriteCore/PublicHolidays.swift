/// A French public holiday (jour férié) on a given date.
///
/// Encoded as `{"date": "2026-07-14", "id": "fete-nationale", "name": {"fr": …, "en": …}}`.
public struct PublicHoliday: Hashable, Sendable, Codable {
    /// The civil date.
    public let date: LocalDate
    /// A stable identifier, e.g. `"fete-nationale"`, `"abolition-esclavage"`.
    public let id: String
    /// Its name in French and English.
    public let name: LocalizedText

    /// Creates a holiday entry.
    public init(date: LocalDate, id: String, name: LocalizedText) {
        self.date = date
        self.id = id
        self.name = name
    }
}

/// French public holidays for any year and territory.
///
/// - The 11 national days (Code du travail, L3133-1), everywhere including overseas.
/// - Alsace-Moselle (57, 67, 68): Good Friday and 26 December.
/// - Overseas: each territory's abolition-of-slavery day (loi 83-550), and the
///   well-established local days of French Polynesia, New Caledonia and
///   Wallis-and-Futuna.
///
/// Fixed days are not moved when they fall on a weekend. Lundi de Pentecôte
/// (Whit Monday) is listed: it is legally a holiday even where it is worked as
/// the "journée de solidarité". Customary local days of lower legal standing
/// (Mi-Carême or 21 July in the Antilles) are not included.
///
/// Everything is computed (no table, no global state): any year 1…9999 works.
public enum PublicHolidays {
    /// Easter Sunday of `year` (Gregorian, Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(uncheckedYear: year, month: month, day: day)
    }

    /// Every public holiday of `year` in `territory`, sorted by date
    /// (empty for a year outside 1…9999).
    public static func holidays(in year: Int, territory: Territory) -> [PublicHoliday] {
        guard (1...9999).contains(year) else { return [] }
        let easter = easterSunday(year: year)
        func fixed(_ month: Int, _ day: Int) -> LocalDate { LocalDate(uncheckedYear: year, month: month, day: day) }
        var days: [PublicHoliday] = [
            PublicHoliday(date: fixed(1, 1), id: "jour-de-l-an", name: LocalizedText("Jour de l'an", en: "New Year's Day")),
            PublicHoliday(date: easter.adding(days: 1), id: "lundi-de-paques", name: LocalizedText("Lundi de Pâques", en: "Easter Monday")),
            PublicHoliday(date: fixed(5, 1), id: "fete-du-travail", name: LocalizedText("Fête du Travail", en: "Labour Day")),
            PublicHoliday(date: fixed(5, 8), id: "victoire-1945", name: LocalizedText("Victoire 1945", en: "Victory in Europe Day")),
            PublicHoliday(date: easter.adding(days: 39), id: "ascension", name: LocalizedText("Ascension", en: "Ascension Day")),
            PublicHoliday(date: easter.adding(days: 50), id: "lundi-de-pentecote", name: LocalizedText("Lundi de Pentecôte", en: "Whit Monday")),
            PublicHoliday(date: fixed(7, 14), id: "fete-nationale", name: LocalizedText("Fête nationale", en: "Bastille Day")),
            PublicHoliday(date: fixed(8, 15), id: "assomption", name: LocalizedText("Assomption", en: "Assumption Day")),
            PublicHoliday(date: fixed(11, 1), id: "toussaint", name: LocalizedText("Toussaint", en: "All Saints' Day")),
            PublicHoliday(date: fixed(11, 11), id: "armistice-1918", name: LocalizedText("Armistice 1918", en: "Armistice Day")),
            PublicHoliday(date: fixed(12, 25), id: "noel", name: LocalizedText("Noël", en: "Christmas Day")),
        ]
        let goodFriday = PublicHoliday(date: easter.adding(days: -2), id: "vendredi-saint", name: LocalizedText("Vendredi saint", en: "Good Friday"))
        func abolition(_ month: Int, _ day: Int) -> PublicHoliday {
            PublicHoliday(date: fixed(month, day), id: "abolition-esclavage",
                          name: LocalizedText("Abolition de l'esclavage", en: "Abolition of Slavery Day"))
        }
        switch territory {
        case .metropole, .saintPierreEtMiquelon, .terresAustralesEtAntarctiques:
            break
        case .alsaceMoselle:
            days.append(goodFriday)
            days.append(PublicHoliday(date: fixed(12, 26), id: "saint-etienne", name: LocalizedText("Saint-Étienne", en: "St Stephen's Day")))
        case .mayotte: days.append(abolition(4, 27))
        case .martinique: days.append(abolition(5, 22))
        case .guadeloupe: days.append(abolition(5, 27))
        case .saintMartin: days.append(abolition(5, 28))
        case .guyane: days.append(abolition(6, 10))
        case .saintBarthelemy: days.append(abolition(10, 9))
        case .reunion: days.append(abolition(12, 20))
        case .polynesieFrancaise:
            days.append(PublicHoliday(date: fixed(3, 5), id: "arrivee-evangile", name: LocalizedText("Arrivée de l'Évangile", en: "Arrival of the Gospel")))
            days.append(goodFriday)
            days.append(PublicHoliday(date: fixed(6, 29), id: "fete-autonomie", name: LocalizedText("Fête de l'autonomie", en: "Autonomy Day")))
        case .nouvelleCaledonie:
            days.append(PublicHoliday(date: fixed(9, 24), id: "fete-citoyennete", name: LocalizedText("Fête de la citoyenneté", en: "Citizenship Day")))
        case .wallisEtFutuna:
            days.append(PublicHoliday(date: fixed(4, 28), id: "saint-pierre-chanel", name: LocalizedText("Saint Pierre Chanel", en: "Saint Peter Chanel Day")))
            days.append(PublicHoliday(date: fixed(6, 29), id: "saints-pierre-et-paul", name: LocalizedText("Saints Pierre et Paul", en: "Saints Peter and Paul")))
            days.append(PublicHoliday(date: fixed(7, 29), id: "fete-du-territoire", name: LocalizedText("Fête du Territoire", en: "Territory Day")))
        }
        return days.sorted { $0.date < $1.date }
    }

    /// The holiday on `date` in `territory`, if any.
    public static func holiday(on date: LocalDate, territory: Territory) -> PublicHoliday? {
        guard isHoliday(date, territory: territory) else { return nil }
        return holidays(in: date.year, territory: territory).first { $0.date == date }
    }

    /// Whether `date` is a public holiday in `territory`.
    ///
    /// Cheap: computed without building the year's list (opening-hours queries call it for every day they look at).
    public static func isHoliday(_ date: LocalDate, territory: Territory) -> Bool {
        switch (date.month, date.day) {
        case (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25): return true
        default: break
        }
        if localFixedDays(territory).contains(where: { $0 == (date.month, date.day) }) { return true }
        let offset = date.daysSinceEpoch - easterSunday(year: date.year).daysSinceEpoch
        switch offset {
        case 1, 39, 50: return true
        case -2: return territory == .alsaceMoselle || territory == .polynesieFrancaise
        default: return false
        }
    }

    /// The fixed (month, day) holidays specific to `territory`, as in ``holidays(in:territory:)``.
    private static func localFixedDays(_ territory: Territory) -> [(Int, Int)] {
        switch territory {
        case .metropole, .saintPierreEtMiquelon, .terresAustralesEtAntarctiques: return []
        case .alsaceMoselle: return [(12, 26)]
        case .mayotte: return [(4, 27)]
        case .martinique: return [(5, 22)]
        case .guadeloupe: return [(5, 27)]
        case .saintMartin: return [(5, 28)]
        case .guyane: return [(6, 10)]
        case .saintBarthelemy: return [(10, 9)]
        case .reunion: return [(12, 20)]
        case .polynesieFrancaise: return [(3, 5), (6, 29)]
        case .nouvelleCaledonie: return [(9, 24)]
        case .wallisEtFutuna: return [(4, 28), (6, 29), (7, 29)]
        }
    }
}
