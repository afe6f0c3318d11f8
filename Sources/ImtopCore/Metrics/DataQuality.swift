/// A field the data-quality figure asks of every system: owner, criticality, lifecycle and sla all
/// filled in make a system complete (the README's portfolio definitions).
public enum QualityField: String, CaseIterable, Sendable, Hashable, Comparable {
  case owner, criticality, lifecycle, sla

  public static func < (lhs: QualityField, rhs: QualityField) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

extension SystemRecord {
  /// The data-quality fields this system leaves empty, in `QualityField` order: the one rule behind
  /// the data-quality figure, the lists of what is missing and `imtop check`'s warnings.
  public var missingQualityFields: [QualityField] {
    var missing: [QualityField] = []
    if owner.trimmingSpaces().isEmpty { missing.append(.owner) }
    if criticality == nil { missing.append(.criticality) }
    if lifecycle == nil { missing.append(.lifecycle) }
    if sla == nil { missing.append(.sla) }
    return missing
  }
}

extension QualityField {
  /// For each field, the ids of the systems that lack it, sorted (so the order of `systems.csv` changes
  /// nothing); fields no system lacks are left out.
  public static func lacking(in systems: [SystemRecord]) -> [QualityField: [String]] {
    var result: [QualityField: [String]] = [:]
    for record in systems {
      for field in record.missingQualityFields { result[field, default: []].append(record.id) }
    }
    return result.mapValues { $0.sorted() }
  }

  /// One warning per field some systems lack, at the line of the first of them:
  /// `3 systems have no owner: crm, hr, wan` (at most `named` ids, then `and N more`).
  static func issues(in systems: [SystemRecord], named: Int = 10) -> [DataIssue] {
    var first: [QualityField: SourceLocation] = [:]
    for record in systems {
      for field in record.missingQualityFields where first[field] == nil { first[field] = record.location }
    }
    let lacking = lacking(in: systems)
    return allCases.compactMap { field in
      guard let ids = lacking[field], let location = first[field] else { return nil }
      let count = ids.count
      var list = ids.prefix(named).joined(separator: ", ")
      if count > named { list += " and \(count - named) more" }
      let subject = count == 1 ? "1 system has" : "\(count) systems have"
      return DataIssue(at: location, "\(subject) no \(field.rawValue): \(list)", severity: .warning)
    }
  }
}
