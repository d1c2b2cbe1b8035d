@_exported import MaSecuriteCore
@_exported import OrienteurKit
@_exported import StationDirectory
@_exported import Teleservices
@_exported import Appointments
@_exported import ChatProtocol
@_exported import Signalements
@_exported import LocalInformation
