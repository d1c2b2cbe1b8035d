import Foundation
import Logging
import PostgresBackends
import PostgresNIO
import Testing

/// TLS to PostgreSQL against a server started with a self-signed CA (`.ci/steps/65-postgres-tls.sh`
/// sets the variables): `require` encrypts, `verify-full` checks the certificate against the CA file
/// and the host, and a wrong CA fails with a sentence that says so.
/// The TLS server of `.ci/steps/65-postgres-tls.sh`, from the environment.
enum TLSServer {
    static let environment = ProcessInfo.processInfo.environment
    /// A URL without TLS parameters of a server with `ssl=on` that refuses unencrypted connections.
    static let url = environment["MASECURITE_TEST_POSTGRES_TLS_URL"].flatMap { $0.isEmpty ? nil : $0 }
}

@Suite(.enabled(if: TLSServer.url != nil, "MASECURITE_TEST_POSTGRES_TLS_URL is not set: TLS tests skipped (.ci/steps/65-postgres-tls.sh sets it)"))
struct PostgresTLSTests {
    static var environment: [String: String] { TLSServer.environment }
    static var url: String? { TLSServer.url }
    /// The CA that signed the server's certificate (for 127.0.0.1 and localhost).
    static var ca: String { environment["MASECURITE_TEST_POSTGRES_TLS_CA"] ?? "" }
    /// Another CA, which did not.
    static var wrongCA: String { environment["MASECURITE_TEST_POSTGRES_TLS_WRONG_CA"] ?? "" }

    /// Connects with `settings` and returns whether the server sees the session encrypted.
    static func encrypted(_ settings: PostgresURL) async throws -> Bool {
        try await settings.checkConnection(logger: TestSupport.quietLogger)
        let connection = try await PostgresConnection.connect(configuration: settings.connectionConfiguration, id: 1, logger: TestSupport.quietLogger)
        let encrypted = try await PostgresURL.sessionUsesTLS(connection, logger: TestSupport.quietLogger)
        try await connection.close()
        return encrypted
    }

    /// `url` with `host` in place of 127.0.0.1.
    static func on(_ host: String) throws -> String {
        try #require(url).replacingOccurrences(of: "@127.0.0.1:", with: "@\(host):")
    }

    @Test func requireEncrypts() async throws {
        #expect(try await Self.encrypted(try PostgresURL(try #require(Self.url) + "?sslmode=require")))
    }

    @Test func verifyFullWithTheCAFileEncryptsForTheAddressAndTheName() async throws {
        let url = try #require(Self.url)
        #expect(try await Self.encrypted(try PostgresURL(url + "?sslmode=verify-full&sslrootcert=\(Self.ca)")))
        #expect(try await Self.encrypted(try PostgresURL(try Self.on("localhost") + "?sslmode=verify-full&sslrootcert=\(Self.ca)")))
        // The server flags' way: the mode and CA given beside the URL.
        #expect(try await Self.encrypted(try PostgresURL(url, sslMode: .verifyFull, sslRootCert: Self.ca)))
    }

    @Test func verifyFullWithAWrongCAFailsAndSaysWhy() async throws {
        let settings = try PostgresURL(try #require(Self.url) + "?sslmode=verify-full&sslrootcert=\(Self.wrongCA)")
        do {
            try await settings.checkConnection(logger: TestSupport.quietLogger)
            Issue.record("a certificate signed by another CA was accepted")
        } catch {
            #expect(error.description.contains("not trusted"), "\(error)")
            #expect(error.description.contains(Self.wrongCA), "\(error)")
            #expect(error.description.contains("sslmode=verify-full"), "\(error)")
        }
    }

    @Test func verifyFullRefusesAnAddressTheCertificateIsNotFor() async throws {
        // The same server on another loopback address, absent from the certificate (127.0.0.1, localhost).
        let other = try #require(Self.environment["MASECURITE_TEST_POSTGRES_TLS_OTHER_HOST"], "the CI step sets it")
        let url = try Self.on(other)
        // verify-ca checks the signature only: accepted.
        #expect(try await Self.encrypted(try PostgresURL(url + "?sslmode=verify-ca&sslrootcert=\(Self.ca)")))
        // verify-full also checks the address: refused, and said.
        let settings = try PostgresURL(url + "?sslmode=verify-full&sslrootcert=\(Self.ca)")
        do {
            try await settings.checkConnection(logger: TestSupport.quietLogger)
            Issue.record("a certificate for 127.0.0.1 and localhost was accepted for \(other)")
        } catch {
            #expect(error.description.contains("not issued for this host"), "\(error)")
        }
    }

    @Test func withoutTLSTheServerRefusesAndTheErrorSaysSo() async throws {
        let settings = try PostgresURL(try #require(Self.url))
        do {
            try await settings.checkConnection(logger: TestSupport.quietLogger)
            Issue.record("an unencrypted connection was accepted by a server that refuses them")
        } catch {
            #expect(error.description.contains("the server refused"), "\(error)")
            #expect(error.description.contains("sslmode=disable"), "\(error)")
        }
    }
}

/// Reading the TLS parameters (no database needed).
@Suite struct PostgresTLSSettingsTests {
    static let base = "postgres://user:secret@127.0.0.1:5432/masecurite"

    /// A CA file written for the test (any valid certificate will do to read it).
    static func temporaryPEM(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ca-\(UUID().uuidString).pem").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func modesAreReadFromTheURLAndFlagsOverrideThem() throws {
        #expect(try PostgresURL(Self.base).sslMode == .disable)
        #expect(try PostgresURL(Self.base + "?sslmode=require").sslMode == .require)
        #expect(try PostgresURL(Self.base + "?sslmode=prefer").sslMode == .prefer)
        #expect(try PostgresURL(Self.base + "?sslmode=require", sslMode: .disable).sslMode == .disable)
        let full = try PostgresURL(Self.base + "?sslmode=verify-full")
        #expect(full.sslMode == .verifyFull && full.sslRootCert == nil)  // the system's trust store
    }

    @Test(arguments: [
        ("?sslmode=always", "sslmode 'always' is not one of disable, prefer, require, verify-ca, verify-full"),
        ("?ssl=true", "unknown parameter 'ssl'"),
        ("?sslmode=require&sslmode=disable", "given twice"),
        ("?sslmode=require&sslrootcert=/tmp/ca.pem", "only used with sslmode=verify-ca or verify-full"),
        ("?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "sslrootcert /nonexistent/ca.pem cannot be read"),
    ])
    func badTLSParametersAreRefused(query: String, reason: String) throws {
        do {
            _ = try PostgresURL(Self.base + query)
            Issue.record("accepted \(query)")
        } catch {
            #expect(error.description.contains(reason), "\(error)")
            #expect(!error.description.contains("secret"), "the password is never repeated")
        }
    }

    @Test func aFileWithoutCertificatesIsRefused() throws {
        let path = try Self.temporaryPEM("not a certificate\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PostgresURLError.self) { try PostgresURL(Self.base, sslMode: .verifyFull, sslRootCert: path) }
    }
}
