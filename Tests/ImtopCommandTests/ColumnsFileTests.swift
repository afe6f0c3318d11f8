import Foundation
import ImtopCore
import ImtopTestSupport
import ImtopUI
import Testing

@testable import imtop

/// The column choice (`c`) kept in imtop's state folder, apart from the user's configuration.
@Suite struct ColumnsFileTests {
  @Test func theFileIsInTheStateFolderNotBesideTheConfiguration() {
    #expect(ColumnsFile.standard(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/imtop/columns")
    #expect(ColumnsFile.standard(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.path == "/h/.local/state/imtop/columns")
    #expect(ColumnsFile.standard(environment: [:]) == nil)
  }

  @Test func aChoiceSavedIsReadBackAndAMissingFileHidesNothing() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-columns")
    defer { folder.remove() }
    let file = ColumnsFile(path: folder.path + "/state/imtop/columns")
    #expect(file.load() == ColumnsFile.Reading())
    let hidden: Set<SystemTableColumn> = [.data(.vendor), .trend, .data(.availabilityWeek)]
    try file.save(hidden)
    #expect(file.load() == ColumnsFile.Reading(hidden: hidden))
    try file.save([])
    #expect(file.load() == ColumnsFile.Reading())
  }

  @Test(arguments: [
    ("hidden = vendor, colour\n", 1, "unknown column \"colour\""),
    ("# comment\n\nshown = vendor\n", 3, "expected `hidden = column, column, ...`"),
    ("hidden = vendor\nhidden = kind\n", 2, "`hidden` given twice"),
    ("hidden = status\n", 1, "unknown column \"status\""),
  ])
  func aCorruptFileShowsEveryColumnWithAWarningNamingTheLine(text: String, line: Int, message: String) {
    let reading = ColumnsFile.parse(text, file: "/s/imtop/columns")
    #expect(reading.hidden.isEmpty)
    #expect(reading.warning?.line == line)
    #expect(reading.warning?.severity == .warning)
    #expect(reading.warning.map(CheckReport.line)?.hasPrefix("/s/imtop/columns:\(line): warning: \(message)") == true,
            "\(String(describing: reading.warning))")
  }

  @Test func anUnreadableFileIsAWarningAndAnUnwritableFolderAReasonNotACrash() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-columns")
    defer { folder.remove() }
    // A folder where the file should be cannot be read as one.
    try FileManager.default.createDirectory(atPath: folder.path + "/imtop/columns", withIntermediateDirectories: true)
    let reading = ColumnsFile(path: folder.path + "/imtop/columns").load()
    #expect(reading.hidden.isEmpty)
    #expect(reading.warning?.message == "cannot be read: Is a directory; showing every column")
    // A state "folder" that is a file cannot be made one, not even by root.
    try folder.write(["blocked": "not a folder"])
    let file = ColumnsFile(path: folder.path + "/blocked/imtop/columns")
    let failure = file.saveReportingFailure([.data(.vendor)])
    #expect(failure == "column choice not saved to \(folder.path)/blocked/imtop/columns: Not a directory (\(folder.path)/blocked/imtop)")
    #expect(file.load() == ColumnsFile.Reading())
  }
}
