/// Turns the members of one `status.jsonl` line into a sample, or says what is wrong: the one
/// decoder of a status line, for the dashboard's poller and the one-shot commands alike.
///
/// Samples come out in the compact form the store loads (see `CompactStatusBatch`): the system is
/// numbered in a `SystemIDTable` and the message only located, so a line in the form monitors write
/// (a canonical UTC time, a short plain id, a lower-case state) makes no `String` at all.
struct StatusLineDecoder: Sendable {
  static let names = ["ts", "system", "state", "latency_ms", "message"]
  static let fieldNames = JSONFieldNames(names)
  let zone: Zone

  /// Decodes one line's members; `lineOffset` is where the line starts in the batch's bytes, so the
  /// message can be found again there.
  @inline(__always)
  func decode(
    _ slots: JSONFieldSlots, _ scanner: JSONScanner, lineOffset: Int, systems: inout SystemIDTable,
    timestamps: inout CanonicalTimestamp
  ) throws(LineError) -> CompactStatusBatch.Sample {
    var sample: CompactStatusBatch.Sample
    if let plain = plainSample(slots, scanner, systems: &systems, timestamps: &timestamps) {
      sample = plain
    } else {
      sample = try checkedSample(slots, scanner, systems: &systems, timestamps: &timestamps)
    }
    // A message that is not a string is ignored, and an empty one counts as absent.
    if let message = slots[4], message.kind == .string, message.end > message.start {
      sample.messageStart = Int32(truncatingIfNeeded: lineOffset + message.start)
      sample.messageEnd = Int32(truncatingIfNeeded: lineOffset + message.end)
      sample.messageHasEscapes = message.hasEscapes
    }
    return sample
  }

  /// The sample of a line in the form monitors write (a canonical UTC time, a plain id of at most
  /// 16 bytes and a lower-case state, strings without escapes; a latency ≥ 0 if any), read straight
  /// from the slots; nil for any other line, which `checkedSample` reads with every check. For a line
  /// of this form both give the same sample; this one makes no `JSONLineFields` (most lines of a
  /// million-line log take this way).
  @inline(__always)
  private func plainSample(
    _ slots: JSONFieldSlots, _ scanner: JSONScanner, systems: inout SystemIDTable, timestamps: inout CanonicalTimestamp
  ) -> CompactStatusBatch.Sample? {
    let bytes = scanner.bytes
    guard let ts = slots[0], ts.kind == .string, !ts.hasEscapes,
      let id = slots[1], id.kind == .string, !id.hasEscapes, id.end > id.start, id.end - id.start <= 16,
      bytes[id.start] > 0x20, bytes[id.start] < 0x7F, bytes[id.end - 1] > 0x20, bytes[id.end - 1] < 0x7F,
      let stateSpan = slots[2], stateSpan.kind == .string, !stateSpan.hasEscapes,
      let state = StatusLineDecoder.exactState(UnsafeBufferPointer(rebasing: bytes[stateSpan.start..<stateSpan.end])),
      let time = timestamps.parse(UnsafeBufferPointer(rebasing: bytes[ts.start..<ts.end]))
    else { return nil }
    var latency = Double.nan
    if let span = slots[3] {
      guard span.kind == .number, let value = scanner.decodeNumber(span), value >= 0 else { return nil }
      latency = value
    }
    let (low, high) = JSONFieldNames.pack(bytes, start: id.start, end: id.end)
    let system = systems.number(of: UnsafeBufferPointer(rebasing: bytes[id.start..<id.end]), low: low, high: high)
    return CompactStatusBatch.Sample(
      time: time, latency: latency, system: system, messageStart: -1, messageEnd: -1, state: state, messageHasEscapes: false)
  }

  /// The sample of any line, each member checked in turn, or the first problem found.
  private func checkedSample(
    _ slots: JSONFieldSlots, _ scanner: JSONScanner, systems: inout SystemIDTable, timestamps: inout CanonicalTimestamp
  ) throws(LineError) -> CompactStatusBatch.Sample {
    let fields = JSONLineFields(slots, scanner, names: StatusLineDecoder.names)
    let ts: Timestamp
    // The canonical form first, as `timestamp` tries it, but remembering the date between lines.
    if let span = fields.value(0), span.kind == .string, !span.hasEscapes, let instant = timestamps.parse(fields.bytes(span)) {
      ts = instant
    } else {
      ts = try fields.timestamp(0, zone: zone)
    }
    let system = try fields.requiredStringNumber(1, in: &systems)
    let state = try decodeState(fields)
    let latency = try fields.optionalNumber(3)
    if let latency, latency < 0 { throw LineError("negative \"latency_ms\": expected a number of milliseconds ≥ 0") }
    return CompactStatusBatch.Sample(
      time: ts, latency: latency ?? .nan, system: system, messageStart: -1, messageEnd: -1, state: state,
      messageHasEscapes: false)
  }

  private func decodeState(_ fields: JSONLineFields) throws(LineError) -> ServiceState {
    let expected = ServiceState.expectedDescription
    guard let span = fields.value(2) else { throw LineError("missing \"state\": expected \(expected)") }
    guard span.kind == .string else { throw LineError("bad \"state\": expected \(expected), not \(span.kindDescription)") }
    if !span.hasEscapes, let state = StatusLineDecoder.exactState(fields.bytes(span)) { return state }
    let text = fields.scanner.decodeString(span)
    guard let state = ServiceState(parsing: text) else {
      throw LineError("unknown state \"\(text)\": expected \(expected)")
    }
    return state
  }

  /// The four canonical lower-case spellings, recognised without making a string.
  private static func exactState(_ bytes: UnsafeBufferPointer<UInt8>) -> ServiceState? {
    switch bytes.count {
    case 2 where bytes[0] == UInt8(ascii: "u") && bytes[1] == UInt8(ascii: "p"): return .up
    case 4 where bytes.elementsEqual("down".utf8): return .down
    case 8 where bytes.elementsEqual("degraded".utf8): return .degraded
    case 11 where bytes.elementsEqual("maintenance".utf8): return .maintenance
    default: return nil
    }
  }
}
