extension Store {
  /// Folds the state runs about to be discarded (those before `cutoff`) into the monthly figures of
  /// the fiscal year containing `now`, so that earlier months outlive the 30-day runs.
  mutating func sealMonths(before cutoff: Timestamp, at now: Timestamp) {
    let zone = configuration.zone
    let year = FiscalYear(containing: now, startMonth: configuration.fiscalYearStart, zone: zone)
    monthly.seal(timelines, before: cutoff, fiscalYear: year, zone: zone)
  }

  /// Folds the runs a system dropped for `StatusTimeline.maximumRuns` into its months, so that a
  /// flapping system's earlier months stay whole (in the dashboard and a one-shot command alike).
  mutating func sealDropped(of system: String, from timeline: inout StatusTimeline, at now: Timestamp) {
    guard let dropped = timeline.takeDropped() else { return }
    let zone = configuration.zone
    let year = FiscalYear(containing: now, startMonth: configuration.fiscalYearStart, zone: zone)
    monthly.sealDropped(dropped.timeline, of: system, until: dropped.until, fiscalYear: year, zone: zone)
  }
}
