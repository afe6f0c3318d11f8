import ImtopCore

extension PageName {
  public var title: String {
    switch self {
    case .overview: return "Overview"
    case .systems: return "Systems"
    case .budget: return "Budget"
    case .compliance: return "Governance & risk"
    case .kpis: return "KPIs"
    case .incidents: return "Incidents"
    }
  }

  public var shortTitle: String {
    switch self {
    case .overview: return "Overview"
    case .systems: return "Systems"
    case .budget: return "Budget"
    case .compliance: return "Governance"
    case .kpis: return "KPIs"
    case .incidents: return "Incidents"
    }
  }
}
