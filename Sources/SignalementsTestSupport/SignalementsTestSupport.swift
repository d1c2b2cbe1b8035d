@_exported import Signalements
