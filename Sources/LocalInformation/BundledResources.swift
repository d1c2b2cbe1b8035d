import Foundation
import MaSecuriteCore

extension BundledResources {
    /// The files LocalInformation ships (see ``BundledResources`` in MaSecuriteCore).
    static let localInformation = BundledResources(bundle: .module, module: "LocalInformation")
}
