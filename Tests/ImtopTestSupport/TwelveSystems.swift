import Foundation

/// The built-in demo organisation cut down to 12 systems: the first of `systems.csv` with the
/// systems they depend on, and in every other file only the lines about those systems (or none):
/// the wall-screen tests' organisation and the benchmark's quiet dashboard.
public struct TwelveSystems: Sendable {
  private let folder: TemporaryDirectory
  public let url: URL

  /// Writes it with `imtop demo --generate-only`, `imtop` being the binary at that path.
  public init(imtop: String) throws {
    folder = try TemporaryDirectory(prefix: "imtop-twelve")
    url = folder.file("org")
    let result = try ChildProcess.run(imtop, ["demo", "--generate-only", "--dir", url.path])
    guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    let systemsFile = url.appendingPathComponent("systems.csv")
    let lines = try String(contentsOf: systemsFile, encoding: .utf8).split(separator: "\n").map(String.init)
    let header = Self.fields(lines[0])
    let id = header.firstIndex(of: "id") ?? 0, depends = header.firstIndex(of: "depends_on") ?? 0
    var dependencies: [String: [String]] = [:]
    for line in lines.dropFirst() {
      let fields = Self.fields(line)
      dependencies[fields[id]] = fields[depends].split(separator: ";").map(String.init)
    }
    // Systems in file order, each with everything it depends on, while the total stays within 12.
    var kept = Set<String>()
    for line in lines.dropFirst() where kept.count < 12 {
      var closure = Set<String>(), queue = [Self.fields(line)[id]]
      while let next = queue.popLast() {
        guard !closure.contains(next), !kept.contains(next) else { continue }
        closure.insert(next)
        queue += dependencies[next] ?? []
      }
      if kept.count + closure.count <= 12 { kept.formUnion(closure) }
    }
    guard kept.count == 12 else { throw CocoaError(.fileReadCorruptFile) }
    let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
    for name in names where name.hasSuffix(".csv") || name.hasSuffix(".jsonl") {
      let file = url.appendingPathComponent(name)
      let text = try String(contentsOf: file, encoding: .utf8)
      var rows = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if name.hasSuffix(".jsonl") {
        rows.removeAll { row in
          guard let range = row.range(of: "\"system\":\"") else { return false }
          let system = row[range.upperBound...].prefix { $0 != "\"" }
          return !kept.contains(String(system))
        }
      } else if let column = Self.fields(rows[0]).firstIndex(of: name == "systems.csv" ? "id" : "system") {
        rows = [rows[0]] + rows.dropFirst().filter { row in
          let fields = Self.fields(row)
          return row.isEmpty || column >= fields.count || fields[column].isEmpty || kept.contains(fields[column])
        }
      }
      try Data(rows.joined(separator: "\n").utf8).write(to: file)
    }
  }

  /// A CSV line's fields (quotes honoured, enough for the demo's files).
  static func fields(_ line: String) -> [String] {
    var fields: [String] = [], current = "", quoted = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
      } else if character == "," && !quoted {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }

  public func remove() { folder.remove() }
}
