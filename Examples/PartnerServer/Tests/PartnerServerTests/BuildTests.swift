import Testing
import HummingbirdTesting
import HummingbirdWSClient
import AppointmentsTestSupport
import ChatProtocolTestSupport
@Test func placeholderBuild() { #expect(1 + 1 == 2) }
