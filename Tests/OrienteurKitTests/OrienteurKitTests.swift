import Testing
@testable import OrienteurKit
