import Foundation
import MaSecuriteCore

extension BundledResources {
    /// The files StationDirectory ships (see ``BundledResources`` in MaSecuriteCore).
    static let stationDirectory = BundledResources(bundle: .module, module: "StationDirectory")
}
