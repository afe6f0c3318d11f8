extension PortfolioSummary {
  /// Portfolio counts over the inventory (systems of `systems.csv`), whose health has been computed.
  /// `today` is the local date in the organisation's zone; end of support on `today` is not yet past.
  public init(inventory: [SystemHealth], today: LocalDate) {
    self.init(records: inventory.map(\.record))
    pastEndOfSupport = PortfolioSummary.pastEndOfSupport(inventory.lazy.map(\.record), today: today)
    belowSLA = PortfolioSummary.belowSLA(inventory)
  }

  /// The counts of the records alone (everything but `pastEndOfSupport` and `belowSLA`, left 0).
  init(records: [SystemRecord]) {
    var byCategory: [String: Int] = [:]
    var bySourcing: [String: Int] = [:]
    var byLifecycle: [String: Int] = [:]
    var byCriticality: [String: Int] = [:]
    for record in records {
      let category = record.category.trimmingSpaces()
      byCategory[category.isEmpty ? "unknown" : category, default: 0] += 1
      bySourcing[record.sourcing?.rawValue ?? "unknown", default: 0] += 1
      byLifecycle[record.lifecycle?.rawValue ?? "unknown", default: 0] += 1
      byCriticality[record.criticality.map(String.init) ?? "unknown", default: 0] += 1
    }
    self.init(
      byCategory: byCategory, bySourcing: bySourcing, byLifecycle: byLifecycle, byCriticality: byCriticality,
      pastEndOfSupport: 0, belowSLA: 0, dataQualityPct: PortfolioSummary.dataQualityPct(of: records),
      lacking: QualityField.lacking(in: records))
  }

  /// Systems past `end_of_support` (a date before `today`).
  static func pastEndOfSupport(_ records: some Sequence<SystemRecord>, today: LocalDate) -> Int {
    records.reduce(0) { $0 + ($1.endOfSupport.map { $0 < today } ?? false ? 1 : 0) }
  }

  /// Systems whose 30d availability is below their SLA.
  static func belowSLA(_ inventory: [SystemHealth]) -> Int {
    inventory.reduce(0) { $0 + ($1.belowSLA ? 1 : 0) }
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
