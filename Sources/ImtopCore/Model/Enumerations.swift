/// A value of a closed vocabulary in the data files, read case-insensitively with synonyms.
public protocol DataEnumeration: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
  /// Extra spellings (lower case, trimmed) that mean a case, beside its raw value.
  static var synonyms: [String: Self] { get }
  /// What the error message lists as expected.
  static var expectedDescription: String { get }
}

extension DataEnumeration {
  /// Reads a value ignoring case, surrounding spaces, and `_`/space for `-`; nil when it is none.
  public init?(parsing text: some StringProtocol) {
    var key = text.trimmingSpaces().lowercased()
    if let exact = Self(rawValue: key) {
      self = exact
      return
    }
    if let synonym = Self.synonyms[key] {
      self = synonym
      return
    }
    key = String(key.map { $0 == "_" || $0 == " " ? "-" : $0 })
    if let value = Self(rawValue: key) ?? Self.synonyms[key] {
      self = value
      return
    }
    return nil
  }

  public static var expectedDescription: String {
    allCases.map(\.rawValue).joined(separator: ", ")
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and line breaks.
  public func trimmingSpaces() -> String {
    // Most values need no trimming: a first and last byte that are ASCII and not white space
    // begin and end Characters that are not white space either (every white space Character
    // starts with a white space scalar, and none ends in an ASCII non-space one).
    if let string = self as? String, let first = string.utf8.first, let last = string.utf8.last, first < 0x80,
      last < 0x80, !(first == 0x20 || (0x09...0x0D).contains(first)), !(last == 0x20 || (0x09...0x0D).contains(last))
    {
      return string
    }
    var start = startIndex
    var end = endIndex
    while start < end, self[start].isWhitespace { start = index(after: start) }
    while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
    return String(self[start..<end])
  }

  /// The text without leading and trailing characters from `characters`.
  public func trimming(_ characters: Set<Character>) -> String {
    var start = startIndex
    var end = endIndex
    while start < end, characters.contains(self[start]) { start = index(after: start) }
    while end > start, characters.contains(self[index(before: end)]) { end = index(before: end) }
    return String(self[start..<end])
  }
}

/// A system's health as a monitor reports it; `unknown` is also what a stale sample becomes.
public enum ServiceState: String, DataEnumeration {
  case up, degraded, down, maintenance, unknown
  public static let synonyms: [String: ServiceState] = [
    "ok": .up, "operational": .up, "healthy": .up, "online": .up,
    "warning": .degraded, "warn": .degraded, "impaired": .degraded, "partial": .degraded,
    "outage": .down, "offline": .down, "critical": .down, "failed": .down,
    "maint": .maintenance, "planned": .maintenance,
  ]
  public static var expectedDescription: String { "up, degraded, down or maintenance" }
}

public enum SystemKind: String, DataEnumeration {
  case software, hardware, service
  public static let synonyms: [String: SystemKind] = ["sw": .software, "hw": .hardware, "device": .hardware]
}

public enum Sourcing: String, DataEnumeration {
  case purchased, proprietary, saas, openSource = "open-source"
  public static let synonyms: [String: Sourcing] = [
    "commercial": .purchased, "cots": .purchased, "bought": .purchased, "licensed": .purchased,
    "in-house": .proprietary, "inhouse": .proprietary, "custom": .proprietary, "built": .proprietary,
    "software-as-a-service": .saas, "cloud": .saas,
    "opensource": .openSource, "oss": .openSource, "open source": .openSource, "foss": .openSource,
  ]
}

public enum Lifecycle: String, DataEnumeration {
  case plan, phaseIn = "phase-in", active, phaseOut = "phase-out", retired
  public static let synonyms: [String: Lifecycle] = [
    "planned": .plan, "planning": .plan, "phasein": .phaseIn, "production": .active, "live": .active,
    "phaseout": .phaseOut, "decommissioning": .phaseOut, "sunset": .phaseOut, "decommissioned": .retired,
  ]
}

public enum BudgetCategory: String, DataEnumeration {
  case setup, maintenance, license, hardware, staff, training, other
  public static let synonyms: [String: BudgetCategory] = [
    "licence": .license, "licenses": .license, "licences": .license, "subscription": .license,
    "implementation": .setup, "project": .setup, "support": .maintenance, "maint": .maintenance,
    "personnel": .staff, "labour": .staff, "labor": .staff,
  ]
}

public enum CostType: String, DataEnumeration {
  case capex, opex
  public static let synonyms: [String: CostType] = [
    "capital": .capex, "operating": .opex, "operational": .opex,
  ]
}

public enum Priority: String, DataEnumeration, Comparable {
  case p1 = "P1", p2 = "P2", p3 = "P3", p4 = "P4"
  public static let synonyms: [String: Priority] = [
    "p1": .p1, "p2": .p2, "p3": .p3, "p4": .p4, "1": .p1, "2": .p2, "3": .p3, "4": .p4,
    "critical": .p1, "high": .p2, "medium": .p3, "moderate": .p3, "low": .p4,
  ]
  public static var expectedDescription: String { "P1, P2, P3 or P4" }
  public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum ComplianceKind: String, DataEnumeration {
  case auditFinding = "audit-finding", accessReview = "access-review", training, retention
  case policyException = "policy-exception"
  public static let synonyms: [String: ComplianceKind] = [
    "audit": .auditFinding, "finding": .auditFinding, "review": .accessReview, "exception": .policyException,
  ]
}

public enum Severity: String, DataEnumeration, Comparable {
  case low, medium, high, critical
  public static let synonyms: [String: Severity] = ["moderate": .medium, "crit": .critical, "med": .medium]
  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}
