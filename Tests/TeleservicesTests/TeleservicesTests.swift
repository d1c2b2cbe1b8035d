import Testing
@testable import Teleservices
