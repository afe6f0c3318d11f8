import ImtopCore

/// The built-in KPIs the pages colour figures by, by the name a `[[kpi]]` uses to replace one.
enum BuiltInKPIName: String, CaseIterable {
  case systemsMeetingSLA = "Systems meeting SLA"
  case budgetVariance = "Budget variance"
  case overdueCompliance = "Overdue compliance items"
  case pastEndOfSupport = "Systems past end of support"
  case dataQuality = "Data quality"
  case trainingCompletion = "Training completion"
  case reviewCoverage = "Access review coverage"
  case pastRetention = "Records past retention"
  case exposed = "Exposed sensitive systems"
}

extension PageContext {
  /// The snapshot's result for a KPI (the configured one when `[[kpi]]` replaced the built-in).
  func kpi(_ name: BuiltInKPIName) -> KPIResult? {
    snapshot.kpis.first { $0.definition.name == name.rawValue }
  }

  /// The status the snapshot gives a KPI, as a light (unknown when the snapshot has no such KPI).
  /// Pages show this rather than judging a figure against thresholds of their own, so overrides
  /// apply on every page as on the KPI page.
  func light(_ name: BuiltInKPIName) -> StatusLight {
    StatusLight(kpi: kpi(name)?.status ?? .unknown, glyphs: glyphs)
  }
}
