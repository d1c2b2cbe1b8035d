import Testing
@testable import ChatProtocol
