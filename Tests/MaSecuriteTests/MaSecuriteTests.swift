import Testing
@testable import MaSecurite
