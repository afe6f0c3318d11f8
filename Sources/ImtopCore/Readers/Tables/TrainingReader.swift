/// Reads `training.csv`: mandatory training per course and audience, from the learning system.
public enum TrainingReader {
  /// The columns the contract defines; any other column is kept as an `ExtraField`.
  public static let columns: Set<String> = ["course", "audience", "required", "completed", "due", "system"]

  /// Reads one training file; `course`, `required`, `completed` and `due` are required, and
  /// `completed` may not exceed `required`.
  public static func read(_ bytes: [UInt8], path: String, context: ReadContext) -> FileReading<TrainingRow> {
    CSVRecordReader.read(bytes, path: path, required: ["course", "required", "completed", "due"]) { row throws(ValueError) in
      try record(row, zone: context.zone)
    }
  }

  static func record(_ row: CSVRow, zone: Zone) throws(ValueError) -> TrainingRow {
    let course = try ValueParser.required(row["course"], column: "course", expected: "the course's name")
    let required = try ValueParser.count(
      row["required"], column: "required", expected: "the number of people who must complete it, 0 or more")
    let completed = try ValueParser.count(
      row["completed"], column: "completed", expected: "the number of people who completed it, 0 or more")
    guard completed <= required else {
      throw ValueError("completed \(completed) is more than required \(required): expected at most \(required)")
    }
    let due = try ValueParser.deadline(row["due"], column: "due", zone: zone)
    return TrainingRow(
      course: course, audience: row["audience"], required: required, completed: completed, due: due,
      system: row["system"].isEmpty ? nil : row["system"], extra: row.extras(known: columns), location: row.location)
  }
}
