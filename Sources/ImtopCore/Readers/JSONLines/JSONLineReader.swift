import Foundation

/// Reads `status.jsonl` and `metrics.jsonl` content: one JSON object per line.
///
/// Only complete lines (ending in a newline) are read; a trailing partial line is left unconsumed
/// so that the poller can read it once its writer finishes it.
public enum JSONLineReader {
  /// Reads status samples from `bytes`, whose first line is physical line `firstLine` of `file`.
  public static func readStatus(_ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone) -> LineBatch<StatusSample> {
    read(bytes, file: file, firstLine: firstLine) { object, location in
      try StatusLineDecoder.decode(object, zone: zone)
    }
  }

  /// Reads metric samples from `bytes`, whose first line is physical line `firstLine` of `file`.
  public static func readMetrics(_ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone) -> LineBatch<MetricSample> {
    read(bytes, file: file, firstLine: firstLine) { object, location in
      try MetricLineDecoder.decode(object, zone: zone)
    }
  }

  private static func read<Record>(
    _ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int,
    decode: ([String: Any], SourceLocation) throws -> Record
  ) -> LineBatch<Record> {
    var batch = LineBatch<Record>()
    var lineStart = 0
    var lineNumber = firstLine
    let newline = UInt8(ascii: "\n")
    for index in 0..<bytes.count where bytes[index] == newline {
      let location = SourceLocation(file: file, line: lineNumber)
      var end = index
      if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<end])
      if !isBlank(line) {
        do {
          let value = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
          guard let object = value as? [String: Any] else {
            throw LineError("expected a JSON object")
          }
          batch.records.append(try decode(object, location))
        } catch let error as LineError {
          batch.issues.append(DataIssue(at: location, error.message))
        } catch {
          batch.issues.append(DataIssue(at: location, "not valid JSON: expected one JSON object per line"))
        }
      }
      lineStart = index + 1
      lineNumber += 1
      batch.consumedLines += 1
    }
    batch.consumedBytes = lineStart
    return batch
  }

  private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
    line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
  }
}

/// A problem with one line, with the message shown after `file:line:`.
struct LineError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

enum StatusLineDecoder {
  static func decode(_ object: [String: Any], zone: Zone) throws -> StatusSample {
    let ts = try JSONFieldDecoding.timestamp(object, "ts", zone: zone)
    let system = try JSONFieldDecoding.requiredString(object, "system")
    guard let stateText = object["state"] as? String else {
      throw LineError("missing \"state\": expected \(ServiceState.expectedDescription)")
    }
    guard let state = ServiceState(parsing: stateText) else {
      throw LineError("unknown state \"\(stateText)\": expected \(ServiceState.expectedDescription)")
    }
    let latency = try JSONFieldDecoding.optionalNumber(object, "latency_ms")
    if let latency, latency < 0 { throw LineError("negative \"latency_ms\": expected a number of milliseconds ≥ 0") }
    return StatusSample(timestamp: ts, system: system, state: state, latencyMs: latency, message: object["message"] as? String)
  }
}

enum MetricLineDecoder {
  static func decode(_ object: [String: Any], zone: Zone) throws -> MetricSample {
    let ts = try JSONFieldDecoding.timestamp(object, "ts", zone: zone)
    let metric = try JSONFieldDecoding.requiredString(object, "metric")
    guard let value = try JSONFieldDecoding.optionalNumber(object, "value") else {
      throw LineError("missing \"value\": expected a number")
    }
    let system = (object["system"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    return MetricSample(timestamp: ts, metric: metric, value: value, system: system, unit: object["unit"] as? String)
  }
}

enum JSONFieldDecoding {
  static func timestamp(_ object: [String: Any], _ key: String, zone: Zone) throws -> Timestamp {
    guard let raw = object[key], !(raw is NSNull) else {
      throw LineError("missing \"\(key)\": expected \(TimestampParser.expected)")
    }
    if let text = raw as? String {
      guard let parsed = TimestampParser.parse(text, zone: zone) else {
        throw LineError("bad \"\(key)\" \"\(text)\": expected \(TimestampParser.expected)")
      }
      return parsed.instant
    }
    if let number = raw as? NSNumber, type(of: raw) != Bool.self,
      let instant = TimestampParser.instant(epochSeconds: number.doubleValue)
    {
      return instant
    }
    throw LineError("bad \"\(key)\": expected \(TimestampParser.expected)")
  }

  static func requiredString(_ object: [String: Any], _ key: String) throws -> String {
    guard let text = object[key] as? String, !text.trimmingSpaces().isEmpty else {
      throw LineError("missing \"\(key)\": expected a non-empty string")
    }
    return text.trimmingSpaces()
  }

  static func optionalNumber(_ object: [String: Any], _ key: String) throws -> Double? {
    guard let raw = object[key], !(raw is NSNull) else { return nil }
    if let number = raw as? NSNumber, type(of: raw) != Bool.self { return number.doubleValue }
    throw LineError("bad \"\(key)\": expected a number")
  }
}
