import Foundation
import MaSecuriteCore

extension BundledResources {
    /// The files Signalements ships (see ``BundledResources`` in MaSecuriteCore).
    static let signalements = BundledResources(bundle: .module, module: "Signalements")
}
