/// Pacer's own version, stamped on everything it writes.
public enum Pacer {
    public static let version = "0.1.0"
}
