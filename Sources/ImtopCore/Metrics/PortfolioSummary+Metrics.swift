extension PortfolioSummary {
  /// Portfolio counts over the inventory (systems of `systems.csv`), whose health has been computed.
  /// `today` is the local date in the organisation's zone; end of support on `today` is not yet past.
  public init(inventory: [SystemHealth], today: LocalDate) {
    var byCategory: [String: Int] = [:]
    var bySourcing: [String: Int] = [:]
    var byLifecycle: [String: Int] = [:]
    var byCriticality: [String: Int] = [:]
    var complete = 0
    for health in inventory {
      let record = health.record
      let category = record.category.trimmingSpaces()
      byCategory[category.isEmpty ? "unknown" : category, default: 0] += 1
      bySourcing[record.sourcing?.rawValue ?? "unknown", default: 0] += 1
      byLifecycle[record.lifecycle?.rawValue ?? "unknown", default: 0] += 1
      byCriticality[record.criticality.map(String.init) ?? "unknown", default: 0] += 1
      if record.missingQualityFields.isEmpty { complete += 1 }
    }
    self.init(
      byCategory: byCategory, bySourcing: bySourcing, byLifecycle: byLifecycle, byCriticality: byCriticality,
      pastEndOfSupport: inventory.filter { $0.record.endOfSupport.map { $0 < today } ?? false }.count,
      belowSLA: inventory.filter(\.belowSLA).count,
      dataQualityPct: inventory.isEmpty ? nil : Double(complete) / Double(inventory.count) * 100,
      lacking: QualityField.lacking(in: inventory.map(\.record)))
  }
}
