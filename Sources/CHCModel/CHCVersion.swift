package enum CHCVersion { package static let current = "0.1.0" }
