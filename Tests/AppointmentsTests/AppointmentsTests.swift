import Testing
@testable import Appointments
