/// Reads `access.csv`: the roles of each system, their accounts and their reviews, from the identity tool.
public enum AccessReader {
  /// The columns the contract defines; any other column is kept as an `ExtraField`.
  public static let columns: Set<String> = ["system", "role", "accounts", "privileged", "last_review", "review_every"]

  /// Reads one access file; `system` and `role` are required. An empty `accounts` is 0, an empty
  /// `last_review` never reviewed, an empty `review_every` 90 days for a privileged role and 365 otherwise.
  public static func read(_ bytes: [UInt8], path: String, context: ReadContext) -> FileReading<AccessRole> {
    CSVRecordReader.read(bytes, path: path, required: ["system", "role"]) { row throws(ValueError) in
      try record(row, zone: context.zone)
    }
  }

  static func record(_ row: CSVRow, zone: Zone) throws(ValueError) -> AccessRole {
    let system = try ValueParser.required(row["system"], column: "system", expected: "the id of the system")
    let role = try ValueParser.required(row["role"], column: "role", expected: "the role's name")
    let accounts = try ValueParser.count(
      row["accounts"], column: "accounts", empty: 0, expected: "the number of accounts holding the role, 0 or more")
    let privileged = try ValueParser.flag(row["privileged"], column: "privileged")
    let lastReview =
      row["last_review"].isEmpty ? nil : try ValueParser.calendarDate(row["last_review"], column: "last_review", zone: zone)
    let every = row["review_every"].isEmpty ? nil : try ValueParser.days(row["review_every"], column: "review_every")
    return AccessRole(
      system: system, role: role, accounts: accounts, privileged: privileged, lastReview: lastReview,
      reviewEvery: every, extra: row.extras(known: columns), location: row.location)
  }
}
