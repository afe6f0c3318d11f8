/// How sensitive the data a system holds is (`data_class` in `systems.csv`).
public enum DataClass: String, DataEnumeration, Comparable {
  case `public`, `internal`, confidential, restricted

  public static let synonyms: [String: DataClass] = [:]

  /// Confidential and restricted data make a system sensitive.
  public var isSensitive: Bool { self == .confidential || self == .restricted }

  public static func < (lhs: DataClass, rhs: DataClass) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}
