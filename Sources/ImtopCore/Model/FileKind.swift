/// The kinds of file a data directory holds, each as `base.ext` or a folder `base/` of `*.ext` files.
public enum FileKind: String, CaseIterable, Sendable, Hashable {
  case systems, budget, status, incidents, metrics, compliance, training, access, retention, config

  public var baseName: String { self == .config ? "imtop" : rawValue }

  public var fileExtension: String {
    switch self {
    case .status, .metrics: return "jsonl"
    case .config: return "toml"
    default: return "csv"
    }
  }

  /// `systems.csv`, `status.jsonl`, `imtop.toml`...
  public var fileName: String { "\(baseName).\(fileExtension)" }

  /// Whether files of this kind only grow, and are read incrementally from the last offset.
  public var isAppendOnly: Bool { self == .status || self == .metrics }

  /// The order files are read in: the configuration first (it sets the zone, the currency and
  /// `stale_after` the others are read with), the inventory every other kind refers to, then the
  /// rest; within a kind, files in name order.
  public static let readingOrder: [FileKind] = [
    .config, .systems, .budget, .incidents, .compliance, .training, .access, .retention, .status, .metrics,
  ]

  /// Kinds in reading order, then paths in name order.
  static func readsBefore(_ lhs: FileContents, _ rhs: FileContents) -> Bool {
    let left = readingOrder.firstIndex(of: lhs.kind) ?? 0
    let right = readingOrder.firstIndex(of: rhs.kind) ?? 0
    return left != right ? left < right : lhs.path < rhs.path
  }
}
