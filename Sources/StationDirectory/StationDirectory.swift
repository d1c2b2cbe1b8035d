@_exported import MaSecuriteCore
