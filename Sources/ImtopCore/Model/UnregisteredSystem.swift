/// A system id that records name but `systems.csv` does not: listed in one place so the inventory
/// can be fixed. Its status and metric samples make no system row and count in no portfolio or
/// availability figure; its budget, incident and compliance records still count where they belong.
public struct UnregisteredSystem: Hashable, Sendable {
  public var id: String
  /// The kinds of file naming it, in reading order.
  public var kinds: [FileKind]
  /// Records naming it, over all those files (samples of the logs as read so far).
  public var records: Int

  public init(id: String, kinds: [FileKind], records: Int) {
    self.id = id
    self.kinds = kinds
    self.records = records
  }

  /// What names it: `status, 240 samples`.
  public var namedBy: String {
    let noun = kinds.allSatisfy(\.isAppendOnly) ? "sample" : "record"
    return "\(kinds.map(\.baseName).joined(separator: ", ")), \(records) \(noun)\(records == 1 ? "" : "s")"
  }

  /// `legacy-fax (status, 240 samples)`.
  public var summary: String { "\(id) (\(namedBy))" }
}
