import ImtopCore
import Logging

/// swift-log's handler for the dashboard's log file: each record one line of `LogFile`, its kind
/// for the rate limit being the label and the `event` metadata (else the level), so a flood of bad
/// records cannot crowd out a recovery or a stop line.
struct LogFileHandler: LogHandler {
  let label: String
  let file: LogFile
  var logLevel: Logger.Level = .info
  var metadata: Logger.Metadata = [:]

  init(label: String, file: LogFile) {
    self.label = label
    self.file = file
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var merged = metadata
    if let extra = event.metadata { merged.merge(extra) { _, new in new } }
    let kind = label + " " + (merged["event"].map { "\($0)" } ?? event.level.rawValue)
    file.write(
      level: event.level.rawValue, label: label, message: "\(event.message)",
      metadata: merged.map { ($0.key, "\($0.value)") }, kind: kind)
  }
}
