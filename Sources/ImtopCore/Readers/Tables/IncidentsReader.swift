/// Reads `incidents.csv`, an ITSM export of incidents with their priority and timeline.
public enum IncidentsReader {
  /// The columns the contract defines; any other column is kept as an `ExtraField`.
  public static let columns: Set<String> = ["id", "system", "priority", "opened", "acknowledged", "resolved", "summary"]

  /// Reads one incidents file; `id`, `system`, `priority` and `opened` are required, and neither
  /// `acknowledged` nor `resolved` may come before `opened`.
  public static func read(_ bytes: [UInt8], path: String, context: ReadContext) -> FileReading<Incident> {
    CSVRecordReader.read(bytes, path: path, required: ["id", "system", "priority", "opened"]) { row throws(ValueError) in
      try record(row, zone: context.zone)
    }
  }

  static func record(_ row: CSVRow, zone: Zone) throws(ValueError) -> Incident {
    let id = try ValueParser.required(row["id"], column: "id", expected: "an incident id")
    let system = try ValueParser.required(row["system"], column: "system", expected: "the id of a system in systems.csv")
    let priorityText = try ValueParser.required(row["priority"], column: "priority", expected: Priority.expectedDescription)
    let priority: Priority = try ValueParser.enumeration(priorityText, column: "priority")
    let openedText = try ValueParser.required(row["opened"], column: "opened", expected: TimestampParser.expected)
    let opened = try ValueParser.time(openedText, column: "opened", zone: zone).instant
    var incident = Incident(id: id, system: system, priority: priority, opened: opened, location: row.location)
    incident.acknowledged = try laterTime(row, "acknowledged", opened: opened, zone: zone)
    incident.resolved = try laterTime(row, "resolved", opened: opened, zone: zone)
    incident.summary = row["summary"]
    incident.extra = row.extras(known: columns)
    return incident
  }

  /// An optional time that must not come before `opened`.
  static func laterTime(_ row: CSVRow, _ column: String, opened: Timestamp, zone: Zone) throws(ValueError) -> Timestamp? {
    let text = row[column]
    guard !text.isEmpty else { return nil }
    let time = try ValueParser.time(text, column: column, zone: zone).instant
    guard time >= opened else {
      throw ValueError("\(column) \"\(text)\" is before opened \"\(row["opened"])\"")
    }
    return time
  }
}
