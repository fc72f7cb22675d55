public enum CHCVersion { public static let current = "0.1.0" }
