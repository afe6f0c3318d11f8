/// Reads `systems.csv`, the portfolio inventory (a CMDB or spreadsheet export).
public enum SystemsReader {
  /// The columns the contract defines; any other column is kept as an `ExtraField`.
  public static let columns: Set<String> = [
    "id", "name", "category", "kind", "sourcing", "vendor", "owner", "criticality", "lifecycle", "users",
    "sla", "end_of_support", "depends_on", "data_class", "personal_data",
  ]

  /// Reads one systems file. A repeated id is rejected (the first definition wins); ids repeated
  /// across several files of a `systems/` folder are caught by `Store.assemble`.
  public static func read(_ bytes: [UInt8], path: String, context: ReadContext) -> FileReading<SystemRecord> {
    var firstLine: [String: Int] = [:]
    return CSVRecordReader.read(bytes, path: path, required: ["id"]) { row throws(ValueError) in
      let system = try record(row)
      if let line = firstLine[system.id] {
        throw ValueError("duplicate system id \"\(system.id)\" (first defined on line \(line))")
      }
      firstLine[system.id] = row.location.line
      return system
    }
  }

  static func record(_ row: CSVRow) throws(ValueError) -> SystemRecord {
    let id = try ValueParser.required(row["id"], column: "id", expected: "a unique system id")
    var system = SystemRecord(id: id, location: row.location)
    system.name = row["name"]
    system.category = row["category"]
    system.vendor = row["vendor"]
    system.owner = row["owner"]
    if !row["kind"].isEmpty { system.kind = try ValueParser.enumeration(row["kind"], column: "kind") }
    if !row["sourcing"].isEmpty { system.sourcing = try ValueParser.enumeration(row["sourcing"], column: "sourcing") }
    if !row["lifecycle"].isEmpty { system.lifecycle = try ValueParser.enumeration(row["lifecycle"], column: "lifecycle") }
    if !row["criticality"].isEmpty {
      system.criticality = try ValueParser.integer(
        row["criticality"], column: "criticality", in: 1...4, expected: "1 (most critical) to 4")
    }
    if !row["users"].isEmpty {
      system.users = try ValueParser.integer(
        row["users"], column: "users", in: 0...Int.max, expected: "a whole number of active users, 0 or more")
    }
    if !row["sla"].isEmpty { system.sla = try ValueParser.percentage(row["sla"], column: "sla") }
    if !row["end_of_support"].isEmpty {
      system.endOfSupport = try ValueParser.date(row["end_of_support"], column: "end_of_support")
    }
    system.dependsOn = row["depends_on"].split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    if !row["data_class"].isEmpty {
      system.dataClass = try ValueParser.enumeration(row["data_class"], column: "data_class")
    }
    system.personalData = try ValueParser.flag(row["personal_data"], column: "personal_data")
    system.describesData = row.header.index(of: "data_class") != nil || row.header.index(of: "personal_data") != nil
    system.extra = row.extras(known: columns)
    return system
  }
}
