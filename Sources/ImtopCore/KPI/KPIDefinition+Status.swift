extension KPIDefinition {
  /// The status of a value against this KPI's thresholds (the README's metric definitions).
  ///
  /// nil → unknown. `higher`: crit when value ≤ crit, else warn when value ≤ warn, else ok. `lower`:
  /// crit when value ≥ crit, else warn when value ≥ warn. `target`: the distance |value − target| judged
  /// as `lower` (the farther, the worse), unknown without a target. A threshold left out is never
  /// reached.
  public func status(of value: Double?) -> KPIStatus {
    guard let value, value.isFinite else { return .unknown }
    switch better {
    case .higher:
      if let crit, value <= crit { return .crit }
      if let warn, value <= warn { return .warn }
      return .ok
    case .lower:
      return KPIDefinition.lowerIsBetter(value, warn: warn, crit: crit)
    case .target:
      guard let target else { return .unknown }
      return KPIDefinition.lowerIsBetter(abs(value - target), warn: warn, crit: crit)
    }
  }

  private static func lowerIsBetter(_ value: Double, warn: Double?, crit: Double?) -> KPIStatus {
    if let crit, value >= crit { return .crit }
    if let warn, value >= warn { return .warn }
    return .ok
  }
}
