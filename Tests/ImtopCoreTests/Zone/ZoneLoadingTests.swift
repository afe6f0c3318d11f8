import Foundation
import ImtopCore
import ImtopTestSupport
import Testing

/// Which names reach the zoneinfo files, what a missing or broken file says, and UTC without any.
@Suite struct ZoneLoadingTests {
  func withZoneinfo<T>(_ files: [String: [UInt8]], _ body: (String) throws -> T) throws -> T {
    let directory = try TemporaryDirectory(prefix: "imtop-zoneinfo")
    defer { directory.remove() }
    for (name, bytes) in files {
      let target = directory.file(name)
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: target)
    }
    return try body(directory.path)
  }

  func failure(_ identifier: String, in directory: String) -> ZoneError? {
    if case .failure(let error) = Zone.load(identifier, directory: directory) { return error }
    return nil
  }

  @Test func namesThatLeaveTheDirectoryAreRefusedBeforeAnyFileIsOpened() throws {
    let utc = TZifFixture(types: [TZifFixture.LocalType(offset: 0, abbreviation: "UTC")], footer: "UTC0").bytes
    try withZoneinfo(["Etc/Zulu": utc]) { directory in
      for name in ["../Etc/Zulu", "Etc/../Etc/Zulu", "/etc/localtime", directory + "/Etc/Zulu", "", "Etc//Zulu", "Etc/Zulu/", "./Etc/Zulu", "Etc/Zulu\u{0}", "Europe/Berlin Time"] {
        let error = failure(name, in: directory)
        #expect(error?.isInvalidName == true, "\(name)")
        #expect(error?.description.contains("is not a time zone name") == true)
      }
      #expect((try? Zone.load("Etc/Zulu", directory: directory).get())?.abbreviation(at: Timestamp(seconds: 0)) == "UTC")
    }
  }

  @Test func aMissingZoneOrDatabaseSaysWhichAndWhere() throws {
    try withZoneinfo([:]) { directory in
      let missing = failure("Europe/Atlantis", in: directory)
      #expect(missing?.reason == .notFound)
      #expect(missing?.isInvalidName == false)
      #expect(missing?.description.contains("no zone \"Europe/Atlantis\"") == true)
      let noDatabase = failure("Europe/Berlin", in: directory + "/absent")
      #expect(noDatabase?.reason == .noDatabase)
      #expect(noDatabase?.description.contains(directory + "/absent") == true)
    }
  }

  @Test func aFolderIsNotAZone() throws {
    let utc = TZifFixture(types: [TZifFixture.LocalType(offset: 0, abbreviation: "UTC")]).bytes
    try withZoneinfo(["Europe/Zone": utc]) { directory in
      #expect(failure("Europe", in: directory)?.reason == .notFound)
    }
  }

  @Test func brokenFilesAreRefusedWithWhatIsWrong() throws {
    let good = ZoneInfoTests.berlin.bytes
    var badType = ZoneInfoTests.berlin
    badType.transitions[1].type = 7
    var backwards = ZoneInfoTests.berlin
    backwards.transitions.swapAt(1, 2)
    var badFooter = ZoneInfoTests.berlin
    badFooter.footer = "CET-1CEST,M3.5"
    var footerWithoutRule = ZoneInfoTests.berlin
    footerWithoutRule.footer = "CET-1CEST"
    let cases: [(String, [UInt8], String)] = [
      ("Empty", [], "not a TZif file"),
      ("Text", Array("Europe/Berlin\n".utf8), "not a TZif file"),
      ("Truncated", Array(good.prefix(good.count - 40)), "ends inside"),
      ("NoFooterEnd", Array(good.dropLast()), "footer"),
      ("BadType", badType.bytes, "names local time type 7"),
      ("Backwards", backwards.bytes, "not later than"),
      ("BadFooter", badFooter.bytes, "M3.5"),
      ("FooterWithoutRule", footerWithoutRule.bytes, "without a rule"),
    ]
    try withZoneinfo(Dictionary(uniqueKeysWithValues: cases.map { ("Broken/\($0.0)", $0.1) })) { directory in
      for (name, _, expected) in cases {
        let error = failure("Broken/\(name)", in: directory)
        guard case .malformed(let why)? = error?.reason else {
          Issue.record("Broken/\(name): \(String(describing: error))")
          continue
        }
        #expect(why.contains(expected), "\(name): \(why)")
        #expect(error?.description.contains("\(directory)/Broken/\(name) is not a valid zone file") == true)
      }
    }
  }

  @Test func utcNeedsNoZoneinfo() {
    for name in ["UTC", "Etc/UTC"] {
      let zone = try? Zone.load(name, directory: "/nonexistent-zoneinfo").get()
      #expect(zone?.offsetSeconds(at: Timestamp(seconds: 1_800_000_000)) == 0)
      #expect(zone?.abbreviation(at: Timestamp(milliseconds: .max)) == "UTC")
      #expect(zone?.instant(of: CivilTime(year: 2026, month: 3, day: 29, hour: 2)) == CivilTime(year: 2026, month: 3, day: 29, hour: 2).utcTimestamp)
    }
    #expect(Zone.utc.abbreviation(at: Timestamp(seconds: 0)) == "UTC")
    #expect(Zone(identifier: "UTC") == Zone.utc)
  }

  @Test func aZoneLoadedTwiceIsTheSameZone() throws {
    try withZoneinfo(["Test/Berlin": ZoneInfoTests.berlin.bytes, "Test/Other": ZoneInfoTests.berlin.bytes]) { directory in
      let first = try Zone.load("Test/Berlin", directory: directory).get()
      let second = try Zone.load("Test/Berlin", directory: directory).get()
      #expect(first == second && first.hashValue == second.hashValue)
      #expect(first != (try Zone.load("Test/Other", directory: directory).get()))
      #expect(first != Zone.utc)
    }
  }
}
