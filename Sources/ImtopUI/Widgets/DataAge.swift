import ImtopCore

/// How old a panel's data is, and whether it is stale (files stopped changing, or failed to read).
public struct DataAge: Sendable, Hashable {
  public var age: Span?
  public var isStale: Bool
  /// Why the data is stale, when a file failed.
  public var failure: String?

  public init(age: Span?, isStale: Bool, failure: String? = nil) {
    self.age = age
    self.isStale = isStale
    self.failure = failure
  }

  /// `12s`, `stale 3h`, `stale` (no age known), `no file`.
  public var label: String {
    let ageText = age.map { DisplayFormat.age($0) }
    if isStale { return ageText.map { "stale \($0)" } ?? "stale" }
    return ageText ?? "no file"
  }

  /// The age of the data from the given files at `now`: the newest modification among them. Stale
  /// when a file failed, or when monitors' append-only files (status, metrics) have not grown for
  /// `staleAfter`; exports like `systems.csv` change rarely and are stale only when they fail.
  public static func of(_ kinds: [FileKind], in files: [FileReport], now: Timestamp, staleAfter: Span) -> DataAge {
    let matching = files.filter { kinds.contains($0.kind) }
    guard !matching.isEmpty else { return DataAge(age: nil, isStale: false) }
    let newest = matching.compactMap(\.modified).max()
    let failure = matching.compactMap(\.failure).first
    let age = newest.map { now - $0 }
    let live = matching.contains { $0.kind.isAppendOnly }
    let old = live && (age.map { $0 > staleAfter } ?? true)
    return DataAge(age: age, isStale: failure != nil || old, failure: failure)
  }
}
