import Testing
@testable import StationDirectory
