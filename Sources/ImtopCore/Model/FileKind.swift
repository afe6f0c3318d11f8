/// The kinds of file a data directory holds, each as `base.ext` or a folder `base/` of `*.ext` files.
public enum FileKind: String, CaseIterable, Sendable, Hashable {
  case systems, budget, status, incidents, metrics, compliance, config

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
}
