import ImtopTestSupport
import Foundation

@testable import ImtopCore

/// A small organisation in a temporary folder driven through a `LiveSession` with a hand-moved
/// clock, with the faults the fault suite inflicts on its files.
final class FaultRig {
  static let systems = "id,name,criticality\nerp,ERP suite,1\ncrm,Citizen portal,2\n"
  static let incidents = "id,system,priority,opened,acknowledged,resolved,summary\nINC-1,erp,P1,2026-02-28T10:00:00Z,,,Posting run failed\n"
  static let compliance = "id,kind,system,owner,severity,opened,due,closed\nAF-1,audit-finding,erp,Finance team,high,2026-01-15,2026-06-30,\n"
  static let budget = "period,system,category,type,planned,actual,currency\n2026-02,erp,license,opex,1000.00,900.00,EUR\n"
  static let config = "[organization]\nname = \"Harbour IT\"\ncurrency = \"EUR\"\n"
  /// erp up at minutes 0-9, crm down at minutes 0-9.
  static let status = (0..<10).map { statusLine("erp", "up", minute: $0, latency: 20) + statusLine("crm", "down", minute: $0) }.joined()
  static let metrics = "{\"ts\":1772323200,\"metric\":\"tickets_open\",\"value\":37,\"system\":\"crm\"}\n"

  /// Every kind at its usual path, in its first good version.
  static let goodFiles: [String: String] = [
    "imtop.toml": config, "systems.csv": systems, "incidents.csv": incidents, "compliance.csv": compliance,
    "budget.csv": budget, "status.jsonl": status, "metrics.jsonl": metrics,
  ]

  let directory: TemporaryDataDirectory
  /// Two minutes after the last sample, so samples at minutes 10 and 11 are in the past.
  let clock = ManualClock(marchFirst + .minutes(11))
  let live: LiveSession

  init() throws {
    directory = try TemporaryDataDirectory()
    for (name, text) in FaultRig.goodFiles { try directory.write(name, text) }
    live = LiveSession(poller: Poller(directory: directory.path, clock: clock))
  }

  /// Two seconds of the dashboard: a poll, and one a second later that always delivers figures (the
  /// `r` key does the same), so a file rewritten in place has stayed unchanged for the poller's
  /// settle time and is read. Events of both polls are delivered.
  func step() -> LiveUpdate? {
    clock.advance(by: .seconds(1))
    let first = live.step()
    clock.advance(by: .seconds(1))
    guard var update = live.step(force: true) else { return nil }
    update.events = (first?.events ?? []) + update.events
    return update
  }

  func report(_ update: LiveUpdate?, _ path: String) -> FileReport? {
    update?.snapshot.data.files.first { $0.path == path }
  }

  func system(_ update: LiveUpdate?, _ id: String) -> SystemHealth? {
    update?.snapshot.systems.first { $0.id == id }
  }

  var fullPath: String { directory.path }
  func path(_ name: String) -> String { directory.path + "/" + name }

  /// Puts `fault` where `name` was (the file itself is removed first).
  func inflict(_ fault: FileFault, on name: String) throws {
    let target = path(name)
    try? FileManager.default.removeItem(atPath: target)
    switch fault {
    case .deleted:
      break
    case .binaryGarbage:
      try directory.write(name, bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
    case .empty:
      try directory.write(name, "")
    case .invalidUTF8:
      try directory.write(name, bytes: Array("id,name\nerp,".utf8) + [0xC3, 0x28, 0xFF] + Array("\n".utf8))
    case .fiftyMegabyteLine:
      try FaultRig.writeLongLine(to: target, bytes: 50 << 20)
    case .directory:
      try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    case .symlinkLoop:
      // name -> name.loop -> name: following either never ends (ELOOP).
      try? FileManager.default.removeItem(atPath: target + ".loop")
      try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: target + ".loop")
      try FileManager.default.createSymbolicLink(atPath: target + ".loop", withDestinationPath: target)
    case .fifoWithoutWriter:
      guard mkfifo(target, 0o644) == 0 else { throw FaultRigError.mkfifo(errno) }
    }
  }

  /// Puts the good version of `name` back.
  func repair(_ name: String) throws {
    try? FileManager.default.removeItem(atPath: path(name))
    try? FileManager.default.removeItem(atPath: path(name) + ".loop")
    try directory.write(name, FaultRig.goodFiles[name] ?? "")
  }

  /// One line of `bytes` bytes (no newline but the last), written in 1 MB pieces.
  static func writeLongLine(to path: String, bytes: Int) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil) else { throw FaultRigError.create(path) }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    let piece = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
    for _ in 0..<(bytes >> 20) { try handle.write(contentsOf: piece) }
    try handle.write(contentsOf: Data("\n".utf8))
  }
}

/// What a fault puts where a data file was. Unreadability is simulated without permissions (tests
/// run as root, which reads anything): a directory, a FIFO with no writer, a looping symbolic link,
/// bytes that are not UTF-8.
enum FileFault: String, CaseIterable, Sendable, CustomStringConvertible {
  case deleted, binaryGarbage, empty, invalidUTF8, fiftyMegabyteLine, directory, symlinkLoop, fifoWithoutWriter
  var description: String { rawValue }
}

enum FaultRigError: Error {
  case mkfifo(Int32)
  case create(String)
}
