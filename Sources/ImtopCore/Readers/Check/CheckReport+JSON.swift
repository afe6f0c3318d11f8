extension CheckReport {
  /// The version of `imtop check --format json`'s shape, apart from the snapshot's: the same rule
  /// (the README's JSON section) raises it when a key is renamed or removed or a value changes meaning.
  public static let schemaVersion = 1

  /// The report of a directory read once: every file with the snapshot's own fields, the kinds not
  /// present, every problem with its severity, and the counts the text's summary gives.
  static func json(_ reading: DirectoryReading, issues: [DataIssue], exitStatus: Int32) -> JSONValue {
    let files = reading.input.files
    let errors = issues.filter(\.isError).count
    return document(
      asOf: .string(reading.now.iso8601), exitStatus: exitStatus, error: .null,
      summary: .object([
        ("files", .integer(Int64(files.count))),
        ("errors", .integer(Int64(errors))),
        ("warnings", .integer(Int64(issues.count - errors))),
      ]),
      files: files.map { SnapshotJSONWriter.file($0, now: reading.now) },
      notPresent: absentKinds(files).map { .string($0.fileName) },
      problems: issues.map(SnapshotJSONWriter.issue))
  }

  /// Exit status 2 (not a data directory) as JSON: the same keys, `error` saying why, nothing read,
  /// so that a script can parse standard output whatever happened.
  static func refusalJSON(_ reason: String) -> JSONValue {
    document(asOf: .null, exitStatus: 2, error: .string(reason), summary: .null, files: [], notPresent: [], problems: [])
  }

  private static func document(
    asOf: JSONValue, exitStatus: Int32, error: JSONValue, summary: JSONValue, files: [JSONValue],
    notPresent: [JSONValue], problems: [JSONValue]
  ) -> JSONValue {
    .object([
      ("schema_version", .integer(Int64(schemaVersion))),
      ("as_of", asOf),
      ("exit_status", .integer(Int64(exitStatus))),
      ("error", error),
      ("summary", summary),
      ("files", .array(files)),
      ("not_present", .array(notPresent)),
      ("problems", .array(problems)),
    ])
  }
}
