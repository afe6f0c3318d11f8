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
    reading(kinds, in: files, now: now, staleAfter: staleAfter).age
  }

  /// The first time after `now` at which `of` with the same files reads differently (its label, or
  /// its staleness once `staleAfter` has passed); nil when it never will.
  public static func nextChange(of kinds: [FileKind], in files: [FileReport], now: Timestamp, staleAfter: Span) -> Timestamp? {
    reading(kinds, in: files, now: now, staleAfter: staleAfter).nextChange
  }

  /// `of` and `nextChange` from one look at the files: what a page notes as it draws an age.
  public static func reading(
    _ kinds: [FileKind], in files: [FileReport], now: Timestamp, staleAfter: Span
  ) -> (age: DataAge, nextChange: Timestamp?) {
    guard let facts = Facts(kinds, in: files) else { return (DataAge(age: nil, isStale: false), nil) }
    let failed = facts.failure != nil
    guard let newest = facts.newest else { return (DataAge(age: nil, isStale: failed || facts.live, failure: facts.failure), nil) }
    let age = now - newest
    let shown = DataAge(age: age, isStale: failed || (facts.live && age > staleAfter), failure: facts.failure)
    let relabel = now + QuantityFormat.ageChange(after: age)
    guard facts.live, !failed, age <= staleAfter else { return (shown, relabel) }
    return (shown, min(relabel, newest + staleAfter + Span(milliseconds: 1)))
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
