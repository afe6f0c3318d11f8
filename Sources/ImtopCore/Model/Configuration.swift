/// The settings of `imtop.toml` (the README's configuration section), every key optional with the documented default.
public struct Configuration: Hashable, Sendable {
  public var organizationName: String
  /// ISO 4217 code; nil when `imtop.toml` does not say (then the budget file's own currency is used).
  public var currency: String?
  /// Month 1...12 in which the fiscal year starts.
  public var fiscalYearStart: Int
  public var zone: Zone
  /// Why the configured time zone is not the one in use (the system's zoneinfo lacks it or holds a
  /// broken file): `zone` is UTC then. nil when the configured zone, or the default, is in use.
  public var zoneFallback: ZoneError?
  public var refreshInterval: Span
  public var staleAfter: Span
  public var theme: String
  public var pages: [PageName]
  public var rotate: Span
  /// `display.glyphs`: which characters the screen draws with; nil lets the terminal decide.
  public var glyphs: GlyphSet?
  public var kpis: [KPIDefinition]

  public init(
    organizationName: String = "Organisation", currency: String? = nil, fiscalYearStart: Int = 1,
    zone: Zone = .utc, refreshInterval: Span = .seconds(2), staleAfter: Span = .minutes(10),
    theme: String = "default", pages: [PageName] = PageName.allCases, rotate: Span = .seconds(20),
    glyphs: GlyphSet? = nil, kpis: [KPIDefinition] = []
  ) {
    self.organizationName = organizationName
    self.currency = currency
    self.fiscalYearStart = fiscalYearStart
    self.zone = zone
    self.refreshInterval = refreshInterval
    self.staleAfter = staleAfter
    self.theme = theme
    self.pages = pages
    self.rotate = rotate
    self.glyphs = glyphs
    self.kpis = kpis
  }

  /// The currency every budget line must use (`EUR` when neither the config nor the data says).
  public var effectiveCurrency: String { currency ?? "EUR" }
}

/// The characters the screen may draw with (`--glyphs`, `display.glyphs`): braille and every
/// symbol; box drawing and the block elements the Linux console's fonts have, symbols in ASCII; or
/// ASCII only.
public enum GlyphSet: String, DataEnumeration {
  case braille, blocks, ascii
  public static let synonyms: [String: GlyphSet] = ["unicode": .braille, "block": .blocks]
}

/// The dashboard's pages, in their default order. Page 4, Governance & risk, keeps the name it had
/// as the compliance page (`compliance`), so existing configurations stay valid; `governance` names it too.
public enum PageName: String, DataEnumeration {
  case overview, systems, budget, compliance, kpis, incidents
  public static let synonyms: [String: PageName] = [
    "governance": .compliance, "governance-risk": .compliance, "governance-and-risk": .compliance, "risk": .compliance, "kpi": .kpis, "compliance-risk": .compliance, "incident": .incidents,
  ]
}

/// A KPI as declared (built in, or a `[[kpi]]` table of `imtop.toml`).
public struct KPIDefinition: Hashable, Sendable {
  public var name: String
  /// The expression source (section 5 language).
  public var expression: String
  public var unit: String
  public var target: Double?
  public var warn: Double?
  public var crit: Double?
  public var better: KPIDirection
  /// Where it was declared, for error messages (`imtop.toml:12`); nil for built-in KPIs.
  public var location: SourceLocation?

  public init(
    name: String, expression: String, unit: String = "", target: Double? = nil, warn: Double? = nil,
    crit: Double? = nil, better: KPIDirection = .higher, location: SourceLocation? = nil
  ) {
    self.name = name
    self.expression = expression
    self.unit = unit
    self.target = target
    self.warn = warn
    self.crit = crit
    self.better = better
    self.location = location
  }
}

public enum KPIDirection: String, DataEnumeration {
  case higher, lower, target
  public static let synonyms: [String: KPIDirection] = ["up": .higher, "down": .lower, "closer": .target]
}

public enum KPIStatus: String, Sendable, Hashable, Comparable, CaseIterable {
  case ok, warn, crit, unknown

  /// The monitoring-plugin exit code: 0 ok, 1 warn, 2 crit, 3 unknown.
  public var exitCode: Int32 {
    switch self {
    case .ok: return 0
    case .warn: return 1
    case .crit: return 2
    case .unknown: return 3
    }
  }

  public static func < (lhs: KPIStatus, rhs: KPIStatus) -> Bool { lhs.exitCode < rhs.exitCode }
}
