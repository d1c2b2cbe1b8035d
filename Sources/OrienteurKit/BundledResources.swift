import Foundation
import MaSecuriteCore

extension BundledResources {
    /// The files OrienteurKit ships (see ``BundledResources`` in MaSecuriteCore).
    static let orienteurKit = BundledResources(bundle: .module, module: "OrienteurKit")
}
