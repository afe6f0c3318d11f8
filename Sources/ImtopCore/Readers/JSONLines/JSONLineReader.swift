import FoundationEssentials

/// Reads `status.jsonl` and `metrics.jsonl` content: one JSON object per line.
///
/// Only complete lines (ending in a newline) are read; a trailing partial line is left unconsumed
/// so that the poller can read it once its writer finishes it. Each line goes through `JSONScanner`,
/// which validates it fully and locates the wanted members without building a dictionary.
public enum JSONLineReader {
  /// Longest line read; a longer one is reported and skipped, so garbage cannot exhaust memory.
  public static let maximumLineLength = 1 << 20

  /// Reads status samples from `bytes`, whose first line is physical line `firstLine` of `file`: the
  /// compact read the store loads from, given as records.
  public static func readStatus(_ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone) -> LineBatch<StatusSample> {
    let batch = readCompactStatus(bytes, file: file, firstLine: firstLine, zone: zone)
    var lines: [String: Int] = [:]
    for (system, line) in batch.systemLines { lines[system] = line }
    return LineBatch(
      records: batch.statusSamples(), issues: batch.issues, consumedBytes: batch.consumedBytes,
      consumedLines: batch.consumedLines, systemLines: lines)
  }

  /// Reads metric samples from `bytes`, whose first line is physical line `firstLine` of `file`.
  public static func readMetrics(_ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone) -> LineBatch<MetricSample> {
    let decoder = MetricLineDecoder(zone: zone)
    var batch = LineBatch<MetricSample>()
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else { return batch }
    batch.records.reserveCapacity(bytes.count / 64)
    let split = forEachLine(in: UnsafeBufferPointer(start: base, count: bytes.count), firstLine: firstLine) { line, lineNumber in
      do throws(LineError) {
        guard let record = try readLine(line, names: MetricLineDecoder.fieldNames, decode: decoder.decode) else { return }
        batch.records.append(record)
        if let warning = implausible(record.value, field: "value", file: file, line: lineNumber) { batch.issues.append(warning) }
        if let system = record.system, batch.systemLines[system] == nil { batch.systemLines[system] = lineNumber }
      } catch {
        batch.issues.append(DataIssue(file: file, line: lineNumber, message: error.message))
      }
    }
    batch.consumedBytes = split.consumedBytes
    batch.consumedLines = split.consumedLines
    return batch
  }

  /// Values this large are kept, but no latency or metric plausibly reaches them: often a writer's
  /// "unknown" (UINT64_MAX) or a unit mistake, worth a look.
  static let implausibleMagnitude = 1e15

  /// A warning for a value of `implausibleMagnitude` or more (nil otherwise, NaN included).
  static func implausible(_ value: Double, field: String, file: String, line: Int) -> DataIssue? {
    guard value.magnitude >= implausibleMagnitude else { return nil }
    return DataIssue(
      file: file, line: line,
      message: "\"\(field)\" \(PrintfFormat.text("%g", value)) is implausibly large (1e15 or more): kept, but check what writes it", severity: .warning)
  }

  /// What is said about a line longer than `maximumLineLength`.
  public static func overlongLineMessage(bytes: Int) -> String {
    "line of \(bytes) bytes is too long: expected at most \(maximumLineLength) bytes (1 MB)"
  }

  /// Decodes one line (without its line break); nil for a blank line.
  static func readLine<Record>(
    _ line: UnsafeBufferPointer<UInt8>, names: JSONFieldNames,
    decode: (JSONFieldSlots, JSONScanner) throws(LineError) -> Record
  ) throws(LineError) -> Record? {
    guard line.count <= maximumLineLength else {
      throw LineError(overlongLineMessage(bytes: line.count))
    }
    var scanner = JSONScanner(line)
    if let slots = JSONScanner.scanPlainObjectFields(line, names) { return try decode(slots, scanner) }
    let slots: JSONFieldSlots?
    do {
      slots = try scanner.scanObjectFields(names)
    } catch {
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
      throw LineError("not valid JSON at column \(error.column(in: line)): expected \(error.expected)")
    }
    guard let slots else { throw LineError("not a JSON object: expected one object per line ({\"ts\": ...})") }
    return try decode(slots, scanner)
  }
}

/// A problem with one line, with the message shown after `file:line:`.
struct LineError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
