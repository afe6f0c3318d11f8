import FoundationEssentials

/// Status lines of one piece of a log in the form the store loads them from: fixed-size samples
/// naming their system by number, and the system ids once each.
///
/// This is the cold-load path: a `StatusSample` per line costs a `String` for its system, a copy of
/// the struct into an array and a dictionary lookup in the store, which together took more time than
/// parsing the line. Messages stay where they are in the bytes read, since only the last one per
/// system is kept; the store decodes just that one (`messageText`). `statusSamples()` gives the same
/// lines as records, for tests and tools.
struct CompactStatusBatch {
  struct Sample {
    var time: Timestamp
    /// NaN when the line has no latency.
    var latency: Double
    /// Number of the system in `systems`.
    var system: Int32
    /// Where the message's characters are in `source`; `messageStart` is -1 when there is none.
    var messageStart: Int32
    var messageEnd: Int32
    var state: ServiceState
    var messageHasEscapes: Bool

    var hasLatency: Bool { !latency.isNaN }
  }

  var systems = SystemIDTable()
  /// Per system number, the physical line of its first good sample (-1 when only bad lines named it):
  /// where an id missing from `systems.csv` is reported.
  var firstLines: [Int] = []
  var samples: [Sample] = []
  /// The physical line of each sample stamped after the read's `heldAfter` time, by sample index:
  /// such samples are held by the store, and `imtop check` names where they are.
  var futureLines: [Int: Int] = [:]
  var issues: [DataIssue] = []
  var consumedBytes = 0
  var consumedLines = 0
  /// The newest sample time, nil without samples.
  var newest: Timestamp?
  /// Whether the samples are in time order (the store sorts them otherwise).
  var isSorted = true
  /// The bytes read: message spans point into them, so they must outlive the batch's use.
  let source: UnsafeBufferPointer<UInt8>

  init(source: UnsafeBufferPointer<UInt8>) {
    self.source = source
  }

  /// The text of a sample's message (escapes decoded), nil when it has none.
  func messageText(_ sample: Sample) -> String? {
    guard sample.messageStart >= 0 else { return nil }
    let span = JSONValueSpan(
      kind: .string, start: Int(sample.messageStart), end: Int(sample.messageEnd), hasEscapes: sample.messageHasEscapes)
    return JSONScanner(source).decodeString(span)
  }

  /// The samples as records, ids and messages decoded, in file order.
  func statusSamples() -> [StatusSample] {
    samples.map(statusSample)
  }

  /// One sample as a record, its id and message decoded.
  func statusSample(_ sample: Sample) -> StatusSample {
    StatusSample(
      timestamp: sample.time, system: systems.names[Int(sample.system)], state: sample.state,
      latencyMs: sample.hasLatency ? sample.latency : nil, message: messageText(sample))
  }

  /// Each system named by a good sample, with the line of its first one.
  var systemLines: [(system: String, line: Int)] {
    firstLines.enumerated().compactMap { number, line in line < 0 ? nil : (systems.names[number], line) }
  }

  @inline(__always)
  mutating func append(_ sample: Sample, line: Int) {
    let number = Int(sample.system)
    // Once per system: the line of its first sample.
    if number >= firstLines.count || firstLines[number] < 0 { noteFirstLine(of: number, at: line) }
    if let newest {
      if sample.time < newest { isSorted = false } else { self.newest = sample.time }
    } else {
      newest = sample.time
    }
    samples.append(sample)
  }

  private mutating func noteFirstLine(of number: Int, at line: Int) {
    while firstLines.count <= number { firstLines.append(-1) }
    firstLines[number] = line
  }
}

/// `CompactStatusBatch` is used only while the buffer it points into is alive (one read of a log),
/// and by one thread at a time.
extension CompactStatusBatch: @unchecked Sendable {}

extension CompactStatusBatch: LinePiece {
  mutating func renumber(by shift: Int) {
    for index in issues.indices { issues[index].line = issues[index].line.map { $0 + shift } }
    for number in firstLines.indices where firstLines[number] >= 0 { firstLines[number] += shift }
    for (index, line) in futureLines { futureLines[index] = line + shift }
  }
}

extension JSONLineReader {
  /// Reads status lines from `bytes` into a compact batch; `bytes` must stay alive while the batch
  /// is used. The lines of samples stamped after `heldAfter` are noted (`futureLines`).
  static func readCompactStatus(
    _ raw: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone, heldAfter: Timestamp? = nil
  ) -> CompactStatusBatch {
    let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
    let bytes = UnsafeBufferPointer(start: base, count: raw.count)
    var batch = CompactStatusBatch(source: bytes)
    guard let base, raw.count > 0 else { return batch }
    let decoder = StatusLineDecoder(zone: zone)
    var timestamps = CanonicalTimestamp()
    batch.samples.reserveCapacity(raw.count / 64)
    let split = forEachLine(in: bytes, firstLine: firstLine) { line, lineNumber in
      do throws(LineError) {
        let offset = base.distance(to: line.baseAddress ?? base)
        let sample = try readLine(line, names: StatusLineDecoder.fieldNames) { (slots, scanner) throws(LineError) in
          try decoder.decode(slots, scanner, lineOffset: offset, systems: &batch.systems, timestamps: &timestamps)
        }
        guard let sample else { return }
        batch.append(sample, line: lineNumber)
        if let heldAfter, sample.time > heldAfter { batch.futureLines[batch.samples.count - 1] = lineNumber }
        if let warning = JSONLineReader.implausible(sample.latency, field: "latency_ms", file: file, line: lineNumber) {
          batch.issues.append(warning)
        }
      } catch {
        batch.issues.append(DataIssue(file: file, line: lineNumber, message: error.message))
      }
    }
    batch.consumedBytes = split.consumedBytes
    batch.consumedLines = split.consumedLines
    return batch
  }
}
