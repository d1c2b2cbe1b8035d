import Foundation
import MaSecuriteCore

extension BundledResources {
    /// The files Teleservices ships (see ``BundledResources`` in MaSecuriteCore).
    static let teleservices = BundledResources(bundle: .module, module: "Teleservices")
}
