import Foundation
import StationDirectory
import Testing

/// Numbers shown so they can be dialled from France, and points shared by several stations (issue 16).
@Suite struct PhoneAndPointTests {
    @Test("numbers of the French plan written internationally are shown in the national form", arguments: [
        ("+594 5 94 29 98 00", "+594594299800", "05 94 29 98 00"),
        ("+590 5 90 89 77 17", "+590590897717", "05 90 89 77 17"),
        ("+33 4 74 47 20 20", "+33474472020", "04 74 47 20 20"),
        ("+262 2 62 90 74 50", nil, "02 62 90 74 50"),
    ])
    func nationalForm(_ published: String, _ e164: String?, _ shown: String) throws {
        let phone = try PhoneNumber(published: published, e164: e164)
        #expect(phone.display == shown)
        #expect(phone.e164 == "+" + published.filter(\.isNumber))
    }

    @Test("a number disagreeing with its E.164 form is shown as given, without a guessed E.164")
    func malformedIsNotInvented() throws {
        let phone = try PhoneNumber(published: "+262 33 50 33", e164: "+262262335033")
        #expect(phone.display == "+262 33 50 33")
        #expect(phone.e164 == nil)
    }

    @Test("numbers outside the national plan and short numbers are kept", arguments: [
        ("+687 24 33 00", "+687243300"), ("+508 41 02 70", "+508410270"), ("3430", nil), ("04 74 47 20 20", "+33474472020"),
    ])
    func keptAsPublished(_ published: String, _ e164: String?) throws {
        let phone = try PhoneNumber(published: published, e164: e164)
        #expect(phone.display == published)
        #expect(phone.e164 == e164)
    }

    @Test("the bundled directory shows overseas numbers dialable and flags shared points")
    func bundledDirectory() throws {
        let finder = try StationFinder.bundled()
        let cayenne = try #require(finder.station(id: "commissariat_police-97302-01"))
        #expect(cayenne.phone?.display == "05 94 29 98 00")
        let laSaline = try #require(finder.station(id: "gendarmerie-97415-01"))
        #expect(laSaline.phone?.display == "+262 33 50 33")
        #expect(laSaline.phone?.e164 == nil)
        for id in ["gendarmerie-97415-01", "gendarmerie-97415-03", "gendarmerie-97415-05"] {
            let brigade = try #require(finder.station(id: id))
            #expect(brigade.coordinateQuality == .sharedPoint, "\(id)")
            #expect(brigade.coordinateQuality.isApproximate)
        }
        let bordeaux = try #require(finder.station(id: "commissariat_police-33063-01"))
        #expect(bordeaux.coordinateQuality == .ok)
    }
}
