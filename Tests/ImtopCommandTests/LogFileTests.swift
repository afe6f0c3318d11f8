import Foundation
import ImtopCore
import ImtopTestSupport
import Logging
import Testing

@testable import imtop

/// The dashboard's log file (the README's "Log"): one line per record, appended, rotated at its
/// size, rate-limited per kind on a hand-moved clock, and off with a note when it cannot be written.
@Suite struct LogFileTests {
  static let start = Timestamp(seconds: 1_772_323_200)  // 2026-03-01T00:00:00Z

  func lines(_ url: URL) -> [String] {
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  @Test func eachRecordIsOneLineWithTimeLevelLabelMessageAndPid() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-log")
    defer { folder.remove() }
    let path = folder.file("imtop.log")
    let clock = ManualClock(Self.start + Span(milliseconds: 42))
    let file = try LogFile(path: path.path, clock: clock, pid: 4242)
    let logger = Logger(label: "imtop.poller") { LogFileHandler(label: $0, file: file) }
    logger.error("status.jsonl: bad record\n{\"ts\":1}", metadata: ["event": "bad-records"])
    logger.debug("below the level: not written")
    logger.notice("plain")
    file.close()
    #expect(lines(path) == [
      "2026-03-01T00:00:00.042Z error imtop.poller status.jsonl: bad record\\n{\"ts\":1} event=bad-records pid=4242",
      "2026-03-01T00:00:00.042Z notice imtop.poller plain pid=4242",
    ])
  }

  @Test func theFileIsOpenedForAppendingSoTwoWritersKeepEveryLineWhole() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-log")
    defer { folder.remove() }
    let path = folder.file("imtop.log").path
    try Data("kept from before\n".utf8).write(to: URL(fileURLWithPath: path))
    let clock = ManualClock(Self.start)
    let one = try LogFile(path: path, clock: clock, pid: 1)
    let two = try LogFile(path: path, clock: clock, pid: 2)
    // Both descriptors were opened before either wrote: without O_APPEND, each would write from
    // offset 0 over the other and over the existing line.
    for index in 0..<50 {
      one.write(level: "info", label: "a", message: "one \(index)", metadata: [], kind: "one \(index)")
      two.write(level: "info", label: "b", message: "two \(index)", metadata: [], kind: "two \(index)")
    }
    one.close()
    two.close()
    let written = lines(URL(fileURLWithPath: path))
    #expect(written.count == 101)
    #expect(written.first == "kept from before")
    #expect(written.dropFirst().allSatisfy { $0.hasSuffix(" pid=1") || $0.hasSuffix(" pid=2") })
    #expect(written.filter { $0.hasSuffix(" pid=2") }.count == 50)
  }

  @Test func aLineThatWouldPassTheSizeRotatesTheFileKeepingTwo() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-log")
    defer { folder.remove() }
    let path = folder.file("imtop.log").path
    let line = LogLine.format(time: Self.start, level: "info", label: "t", message: "0000", pid: 1)
    // Room for exactly three lines a file.
    let file = try LogFile(
      path: path, clock: ManualClock(Self.start), limits: LogFile.Limits(maximumBytes: line.utf8.count * 3, kept: 2), pid: 1)
    for index in 0..<10 {
      file.write(level: "info", label: "t", message: String(format: "%04d", index), metadata: [], kind: "k\(index)")
    }
    file.close()
    let message: (String) -> String = { $0.split(separator: " ")[3].description }
    #expect(lines(URL(fileURLWithPath: path)).map(message) == ["0009"])
    #expect(lines(URL(fileURLWithPath: path + ".1")).map(message) == ["0006", "0007", "0008"])
    #expect(lines(URL(fileURLWithPath: path + ".2")).map(message) == ["0003", "0004", "0005"])
    #expect(!FileManager.default.fileExists(atPath: path + ".3"), "only two rotated files are kept")
    let sizes = [path, path + ".1", path + ".2"].map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? -1 }
    #expect(sizes.allSatisfy { $0 <= line.utf8.count * 3 }, "\(sizes)")
  }

  @Test func aRotationByAnotherInstanceIsFollowed() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-log")
    defer { folder.remove() }
    let path = folder.file("imtop.log").path
    let file = try LogFile(path: path, clock: ManualClock(Self.start), pid: 1)
    file.write(level: "info", label: "t", message: "before", metadata: [], kind: "a")
    try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
    file.write(level: "info", label: "t", message: "after", metadata: [], kind: "b")
    file.close()
    #expect(lines(URL(fileURLWithPath: path)).count == 1)
    #expect(lines(URL(fileURLWithPath: path)).first?.contains(" after ") == true)
    #expect(lines(URL(fileURLWithPath: path + ".1")).first?.contains(" before ") == true)
  }

  @Test func aFloodOfOneKindIsCutToTheLimitAndTheRestCountedOnce() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-log")
    defer { folder.remove() }
    let path = folder.file("imtop.log")
    let clock = ManualClock(Self.start)
    let file = try LogFile(path: path.path, clock: clock, limits: LogFile.Limits(linesPerKind: 3), pid: 7)
    let logger = Logger(label: "imtop.poller") { LogFileHandler(label: $0, file: file) }
    for index in 0..<100 {
      logger.warning("garbage \(index)", metadata: ["event": "bad-records"])
      clock.advance(by: Span(milliseconds: 100))  // 10 s in all: one window
    }
    logger.notice("readable again", metadata: ["event": "file-recovered"])
    #expect(lines(path).count == 4, "three of the flood and the recovery, another kind: \(lines(path))")
    clock.advance(by: .minutes(1))
    logger.warning("garbage after a minute", metadata: ["event": "bad-records"])
    file.close()
    let written = lines(path)
    #expect(written.count == 6, "\(written)")
    #expect(written[4] == "2026-03-01T00:01:10.000Z warning imtop.log 97 more lines of kind imtop.poller bad-records "
      + "suppressed (at most 3 a minute) pid=7")
    #expect(written[5].contains(" garbage after a minute "))
  }

  @Test func linesStillHeldBackAreCountedBeforeTheStopLine() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-log")
    defer { folder.remove() }
    let path = folder.file("imtop.log")
    let file = try LogFile(path: path.path, clock: ManualClock(Self.start), limits: LogFile.Limits(linesPerKind: 1), pid: 7)
    for _ in 0..<5 { file.write(level: "error", label: "x", message: "m", metadata: [], kind: "x error") }
    file.flushSuppressed()
    file.write(level: "notice", label: "x", message: "stopped", metadata: [], kind: "x stop")
    file.close()
    file.write(level: "error", label: "x", message: "after close", metadata: [], kind: "other")
    #expect(lines(path).count == 3)
    #expect(lines(path).dropFirst().first?.contains(" 4 more lines of kind x error suppressed ") == true)
    #expect(lines(path).last?.contains(" stopped ") == true, "the counts are said before the last line, not after")
  }

  @Test func anUnwritablePlaceTurnsTheLogOffWithANote() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-log")
    defer { folder.remove() }
    // A home whose state folder is a file: nothing can be created below it, whoever runs the test.
    try Data().write(to: folder.file("state"))
    let destination = DashboardLog.destination(log: nil, noLog: false, environment: ["XDG_STATE_HOME": folder.file("state").path])
    #expect(destination == .file(path: folder.file("state").path + "/imtop/imtop.log", createFolders: true))
    guard case .file(let path, let createFolders) = destination else { return }
    #expect(throws: LogFile.Unavailable.self) {
      try LogFile(path: path, clock: ManualClock(Self.start), createDirectory: createFolders)
    }
    do {
      _ = try LogFile(path: path, clock: ManualClock(Self.start), createDirectory: createFolders)
    } catch {
      #expect(error.description == "cannot create \(folder.file("state").path)/imtop: Not a directory", "\(error)")
    }
  }

  @Test func aTerminalOrAPipeIsRefused() throws {
    #expect(throws: LogFile.Unavailable.self) { try LogFile(path: "/dev/null", clock: ManualClock(Self.start)) }
  }

  @Test func theDestinationFollowsTheFlagsThenTheEnvironment() {
    #expect(DashboardLog.destination(log: "/x/a.log", noLog: false, environment: ["XDG_STATE_HOME": "/s"])
      == .file(path: "/x/a.log", createFolders: false))
    #expect(DashboardLog.destination(log: nil, noLog: true, environment: ["HOME": "/h"]) == .off(note: nil))
    #expect(DashboardLog.destination(log: nil, noLog: false, environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
      == .file(path: "/s/imtop/imtop.log", createFolders: true))
    #expect(DashboardLog.destination(log: nil, noLog: false, environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
      == .file(path: "/h/.local/state/imtop/imtop.log", createFolders: true))
    guard case .off(let note?) = DashboardLog.destination(log: nil, noLog: false, environment: [:]) else {
      Issue.record("no home: expected the log off with a note")
      return
    }
    #expect(note.hasPrefix("log off: "))
  }

  @Test func stopLinesNameTheSignal() {
    #expect(DashboardLog.signalName(exitStatus: 143) == "SIGTERM")
    #expect(DashboardLog.signalName(exitStatus: 130) == "SIGINT")
    #expect(DashboardLog.signalName(exitStatus: 0) == nil)
    #expect(DashboardLog.signalName(exitStatus: 2) == nil)
  }
}

/// The crash's line, which the fatal-signal handler assembles from parts without formatting.
@Suite struct CrashLogLineTests {
  @Test func thePartsAroundTheSignalNameMakeALineOfTheLogsOwnFormat() {
    let note = "Crash report: /state/imtop/crash-20261201T012018Z-4242.log"
    let parts = LogLine.crashLine(note: note, pid: 4242)
    let stamp = LogLine.stamp(Timestamp(seconds: 1_796_088_018))
    let assembled = stamp + parts.head + "SIGSEGV (segmentation fault)" + parts.tail
    let expected = LogLine.format(
      time: Timestamp(seconds: 1_796_088_018), level: "critical", label: "imtop",
      message: "crashed on SIGSEGV (segmentation fault); \(note)", metadata: [("event", "crashed")], pid: 4242)
    #expect(assembled == expected)
    #expect(parts.head == " critical imtop crashed on ")
    #expect(parts.tail.hasSuffix(" event=crashed pid=4242\n"))
  }

  @Test func aNoteWithANewlineStaysOnOneLine() {
    let parts = LogLine.crashLine(note: "report in /tmp/odd\nname", pid: 1)
    #expect(!parts.tail.dropLast().contains("\n"))
    #expect(parts.tail.contains("odd\\nname"))
  }
}
