/// The inventory's records as the store holds them, shared by a snapshot's figures: the array is
/// the store's own, not a copy.
@usableFromInline final class SharedRecords: Sendable {
  @usableFromInline let records: [SystemRecord]

  init(_ records: [SystemRecord]) {
    self.records = records
  }
}

/// Where a system's record is: `SystemHealth` refers to it by position in the inventory rather than
/// carrying a copy (about 210 bytes a system, 10 MB of every snapshot at 50,000 systems, and twice
/// that while a recomputation builds the next one). Compared and hashed by the record it refers to.
@usableFromInline struct RecordReference: Sendable, Hashable {
  @usableFromInline let shared: SharedRecords
  @usableFromInline let position: Int

  /// A record of its own (a system's figures made or changed by hand).
  init(_ record: SystemRecord) {
    shared = SharedRecords([record])
    position = 0
  }

  init(_ shared: SharedRecords, position: Int) {
    self.shared = shared
    self.position = position
  }

  /// Inlinable, so that reading a field of a system's record in a list (a sort by name) borrows it
  /// in place rather than copying the system's whole figures to call an accessor.
  @inlinable var record: SystemRecord {
    _read { yield shared.records[position] }
  }

  @usableFromInline static func == (lhs: RecordReference, rhs: RecordReference) -> Bool {
    (lhs.shared === rhs.shared && lhs.position == rhs.position) || lhs.record == rhs.record
  }

  @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(record) }
}
