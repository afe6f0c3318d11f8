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
    guard let facts = Facts(kinds, in: files) else { return DataAge(age: nil, isStale: false) }
    let age = facts.newest.map { now - $0 }
    let old = facts.live && (age.map { $0 > staleAfter } ?? true)
    return DataAge(age: age, isStale: facts.failure != nil || old, failure: facts.failure)
  }

  /// The first time after `now` at which `of` with the same files reads differently (its label, or
  /// its staleness once `staleAfter` has passed); nil when it never will.
  public static func nextChange(of kinds: [FileKind], in files: [FileReport], now: Timestamp, staleAfter: Span) -> Timestamp? {
    guard let facts = Facts(kinds, in: files), let newest = facts.newest else { return nil }
    let age = now - newest
    let relabel = now + QuantityFormat.ageChange(after: age)
    guard facts.live, facts.failure == nil, age <= staleAfter else { return relabel }
    return min(relabel, newest + staleAfter + Span(milliseconds: 1))
  }

  /// What the age and staleness of data from some kinds of file are worked out from.
  private struct Facts {
    var newest: Timestamp?
    var failure: String?
    /// One of them is a monitor's append-only file, which goes stale when it stops growing.
    var live: Bool

    /// Nil when none of the files is of those kinds.
    init?(_ kinds: [FileKind], in files: [FileReport]) {
      let matching = files.filter { kinds.contains($0.kind) }
      guard !matching.isEmpty else { return nil }
      newest = matching.compactMap(\.modified).max()
      failure = matching.compactMap(\.failure).first
      live = matching.contains { $0.kind.isAppendOnly }
    }
  }
}
