extension PortfolioSummary {
  /// Portfolio counts over the inventory (systems of `systems.csv`), whose health has been computed.
  /// `today` is the local date in the organisation's zone; end of support on `today` is not yet past.
  public init(inventory: [SystemHealth], today: LocalDate) {
    var byCategory: [String: Int] = [:]
    var bySourcing: [String: Int] = [:]
    var byLifecycle: [String: Int] = [:]
    var byCriticality: [String: Int] = [:]
    for health in inventory {
      let record = health.record
      let category = record.category.trimmingSpaces()
      byCategory[category.isEmpty ? "unknown" : category, default: 0] += 1
      bySourcing[record.sourcing?.rawValue ?? "unknown", default: 0] += 1
      byLifecycle[record.lifecycle?.rawValue ?? "unknown", default: 0] += 1
      byCriticality[record.criticality.map(String.init) ?? "unknown", default: 0] += 1
    }
    self.init(
      byCategory: byCategory, bySourcing: bySourcing, byLifecycle: byLifecycle, byCriticality: byCriticality,
      pastEndOfSupport: inventory.filter { $0.record.endOfSupport.map { $0 < today } ?? false }.count,
      belowSLA: inventory.filter(\.belowSLA).count,
      dataQualityPct: PortfolioSummary.dataQualityPct(of: inventory.lazy.map(\.record)),
      lacking: QualityField.lacking(in: inventory.map(\.record)))
  }
}

extension PortfolioSummary {
  /// % of the records that lack none of the data-quality fields (`SystemRecord.missingQualityFields`);
  /// nil for none.
  static func dataQualityPct(of records: some Collection<SystemRecord>) -> Double? {
    guard !records.isEmpty else { return nil }
    let complete = records.reduce(0) { $0 + ($1.missingQualityFields.isEmpty ? 1 : 0) }
    return Double(complete) / Double(records.count) * 100
  }
}
