import Foundation
import ImtopCore
import ImtopTestSupport
import Testing

/// Every zone of the system's zoneinfo against `zdump -v`, which reads the same files through the
/// C library: at each instant zdump lists (each side of each transition from 1900 to 2040), the
/// offset, the abbreviation and the local date must be the same, and the local time zdump prints
/// must read back (`instant(of:)`) to that instant, or to its first occurrence where the clock went
/// back; between two listed instants with the same local time type, `Zone` must not see a change
/// zdump does not.
///
/// Zones whose files are byte for byte the same (links such as US/Eastern) are dumped once; `right/`
/// (leap seconds, which POSIX time does not count) and `posix/` (copies) are left out.
@Suite struct ZoneDumpComparisonTests {
  static let zdump = ["/usr/bin/zdump", "/usr/sbin/zdump", "/bin/zdump"].first { FileManager.default.isExecutableFile(atPath: $0) }
  static let directory: String = {
    if let value = ProcessInfo.processInfo.environment["TZDIR"], !value.isEmpty { return value }
    return "/usr/share/zoneinfo"
  }()
  static let available = zdump != nil && FileManager.default.fileExists(atPath: directory + "/UTC")

  /// One name for each distinct TZif file under the directory.
  static func zoneNames() throws -> [String] {
    let root = URL(fileURLWithPath: directory)
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
    var byContent: [Data: String] = [:]
    while let relative = walker.nextObject() as? String {
      if relative.hasPrefix("right/") || relative.hasPrefix("posix/") || relative == "localtime" { continue }
      let url = root.appendingPathComponent(relative)
      guard let data = try? Data(contentsOf: url), data.starts(with: Array("TZif".utf8)) else { continue }
      if let existing = byContent[data], existing < relative { continue }
      byContent[data] = relative
    }
    return byContent.values.sorted()
  }

  struct Line {
    var zone: String
    var instant: Timestamp
    var local: CivilTime
    var abbreviation: String
    var offset: Int
  }

  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// `Mon Jan  1 00:00:00 1900` from the tokens after the weekday.
  static func civil(_ tokens: ArraySlice<Substring>) -> CivilTime? {
    let parts = Array(tokens)
    guard parts.count == 4, let month = months.firstIndex(of: String(parts[0])), let day = Int(parts[1]), let year = Int(parts[3]) else { return nil }
    let clock = parts[2].split(separator: ":").compactMap { Int($0) }
    guard clock.count == 3 else { return nil }
    return CivilTime(year: year, month: month + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2])
  }

  /// `NAME  Sun Mar 31 00:59:59 2024 UT = Sun Mar 31 01:59:59 2024 CET isdst=0 gmtoff=3600`; nil
  /// for the `NULL` lines of the ends of time.
  static func parse(_ text: Substring) -> Line? {
    let tokens = text.split(separator: " ")
    guard tokens.count == 16, tokens[6] == "UT", tokens[7] == "=", tokens[15].hasPrefix("gmtoff="),
      let utc = civil(tokens[2...5]), let local = civil(tokens[9...12]), let offset = Int(tokens[15].dropFirst(7))
    else { return nil }
    return Line(zone: String(tokens[0]), instant: utc.utcTimestamp, local: local, abbreviation: String(tokens[13]), offset: offset)
  }

  @Test(.enabled(if: available, "needs zdump and a zoneinfo directory"))
  func everyZoneMatchesZdump() throws {
    let zdump = try #require(Self.zdump)
    let names = try Self.zoneNames()
    #expect(names.count > 100, "the zoneinfo directory holds the zones")
    // A few batches side by side: zdump searches for transitions step by step and takes most of the time.
    let batches = 4
    let output = try TemporaryDirectory(prefix: "imtop-zdump")
    defer { output.remove() }
    var children: [pid_t] = []
    for batch in 0..<batches {
      let part = names.enumerated().filter { $0.offset % batches == batch }.map(\.element)
      children.append(try ChildProcess.spawn(zdump, ["-v", "-c", "1900,2040"] + part, outputFile: output.file("\(batch)").path))
    }
    for child in children { #expect(ChildProcess.wait(child) == 0) }

    var zones: [String: Zone] = [:]
    var compared = 0
    var mismatches: [String] = []
    for batch in 0..<batches {
      let text = try String(contentsOf: output.file("\(batch)"), encoding: .utf8)
      var previous: Line?
      for row in text.split(separator: "\n") {
        guard let line = Self.parse(row) else {
          #expect(row.hasSuffix("= NULL"), "unread zdump line: \(row)")
          continue
        }
        let zone: Zone
        if let known = zones[line.zone] {
          zone = known
        } else {
          zone = try Zone.load(line.zone, directory: Self.directory).get()
          zones[line.zone] = zone
        }
        compared += 1
        let ours = (zone.offsetSeconds(at: line.instant), zone.abbreviation(at: line.instant), zone.date(of: line.instant))
        let local = LocalDate(year: line.local.year, month: line.local.month, day: line.local.day)
        if ours.0 != line.offset || ours.1 != line.abbreviation || ours.2 != local {
          mismatches.append("\(row) | ours: \(ours.0) \(ours.1) \(ours.2)")
        }
        // The local wall time read back: the same instant, or an hour (the offset's fall) earlier
        // where the clock went back and the time happened first before the change.
        let fall = previous.flatMap { $0.zone == line.zone && $0.offset > line.offset && line.instant - $0.instant == .seconds(1) ? $0.offset - line.offset : nil } ?? 0
        let readBack = zone.instant(of: line.local)
        if readBack != line.instant - .seconds(Int64(fall)) {
          mismatches.append("\(row) | instant(of: local) \(readBack), expected \(line.instant - .seconds(Int64(fall)))")
        }
        // Between two listed instants of the same type there is no transition.
        if let previous, previous.zone == line.zone, previous.offset == line.offset, previous.abbreviation == line.abbreviation {
          let middle = Timestamp(milliseconds: (previous.instant.milliseconds + line.instant.milliseconds) / 2)
          if zone.offsetSeconds(at: middle) != line.offset || zone.abbreviation(at: middle) != line.abbreviation {
            mismatches.append("\(line.zone) at \(middle): zdump has no change between \(previous.instant) and \(line.instant), ours: \(zone.offsetSeconds(at: middle)) \(zone.abbreviation(at: middle))")
          }
        }
        previous = line
      }
    }
    #expect(Set(zones.keys).count + names.filter { !zones.keys.contains($0) }.count == names.count)
    #expect(compared > 10_000, "zdump listed the transitions of \(zones.count) zones")
    #expect(mismatches.isEmpty, "\(mismatches.count) of \(compared) differ, first: \(mismatches.prefix(20).joined(separator: "\n"))")
  }
}
