import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct LocalizedTextTests {
    @Test func returnsEachLanguageWhenTranslated() {
        let text = LocalizedText("Porter plainte", en: "File a complaint")
        #expect(text.text(in: .french) == "Porter plainte")
        #expect(text.text(in: .english) == "File a complaint")
        #expect(text.hasTranslation(in: .english))
        #expect(text.hasTranslation(in: .french))
    }

    @Test func fallsBackToFrenchWhenEnglishIsMissingOrBlank() {
        let missing = LocalizedText(french: "Main courante")
        #expect(missing.text(in: .english) == "Main courante")
        #expect(!missing.hasTranslation(in: .english))
        let blank = LocalizedText("Brigade", en: "  ")
        #expect(blank.text(in: .english) == "Brigade")
        #expect(!blank.hasTranslation(in: .english))
    }

    @Test func bothInitialisersAgree() {
        #expect(LocalizedText("Bonjour", en: "Hello") == LocalizedText(french: "Bonjour", english: "Hello"))
    }

    @Test func codableUsesFrAndEnKeys() throws {
        let text = LocalizedText("Commissariat", en: "Police station")
        let json = try encodeJSON(text)
        #expect(json == #"{"en":"Police station","fr":"Commissariat"}"#)
        #expect(try decodeJSON(LocalizedText.self, json) == text)
    }

    @Test func englishIsOmittedWhenMissing() throws {
        let json = try encodeJSON(LocalizedText(french: "Gendarmerie"))
        #expect(json == #"{"fr":"Gendarmerie"}"#)
        #expect(try decodeJSON(LocalizedText.self, json) == LocalizedText(french: "Gendarmerie"))
    }

    @Test func frenchIsRequiredWhenDecoding() {
        #expect(throws: DecodingError.self) { try decodeJSON(LocalizedText.self, #"{"en":"Hello"}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(LocalizedText.self, #"{"fr":42}"#) }
    }

    @Test func languageCodes() throws {
        #expect(Language.french.rawValue == "fr")
        #expect(Language.english.rawValue == "en")
        #expect(Language(rawValue: "de") == nil)
        #expect(try decodeJSON([Language].self, #"["en","fr"]"#) == [.english, .french])
    }
}
