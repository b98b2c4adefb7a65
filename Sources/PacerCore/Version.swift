public enum Pacer { public static let version = "0.1.0" }
