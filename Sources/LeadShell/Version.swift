/// The version `leadq --version` prints and the banner shows.
public enum Version {
    public static let current = "0.1.0"
}
