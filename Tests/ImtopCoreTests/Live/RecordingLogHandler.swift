import Foundation
import Logging

/// Records of a `RecordingLogHandler`, shared between the test and the logger.
final class LogRecords: @unchecked Sendable {
  struct Record: CustomStringConvertible {
    var level: Logger.Level
    var message: String
    var kind: String
    var description: String { "\(level) \(kind) \(message)" }
  }

  private let lock = NSLock()
  private var records: [Record] = []

  func append(_ record: Record) {
    lock.lock()
    records.append(record)
    lock.unlock()
  }

  /// The records so far, forgetting them.
  func take() -> [Record] {
    lock.lock()
    defer { lock.unlock() }
    let taken = records
    records = []
    return taken
  }
}

/// A log handler keeping records in memory.
struct RecordingLogHandler: LogHandler {
  let label: String
  let records: LogRecords
  var logLevel: Logger.Level = .trace
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    let kind = event.metadata?["event"].map { "\($0)" } ?? ""
    records.append(LogRecords.Record(level: event.level, message: "\(event.message)", kind: kind))
  }
}
