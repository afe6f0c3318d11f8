extension Store {
  /// Folds the state runs about to be discarded (those before `cutoff`) into the monthly figures of
  /// the fiscal year containing `now`, so that earlier months outlive the 30-day runs.
  mutating func sealMonths(before cutoff: Timestamp, at now: Timestamp) {
    let zone = configuration.zone
    let year = FiscalYear(containing: now, startMonth: configuration.fiscalYearStart, zone: zone)
    monthly.seal(timelines, before: cutoff, fiscalYear: year, zone: zone)
  }
}
