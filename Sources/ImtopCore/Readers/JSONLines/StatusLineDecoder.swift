/// Turns the members of one `status.jsonl` line into a `StatusSample`, or says what is wrong.
struct StatusLineDecoder: Sendable {
  static let names = ["ts", "system", "state", "latency_ms", "message"]
  static let fieldNames = JSONFieldNames(names)
  let zone: Zone

  func decode(_ slots: JSONFieldSlots, _ scanner: JSONScanner) throws(LineError) -> StatusSample {
    let fields = JSONLineFields(slots, scanner, names: StatusLineDecoder.names)
    let ts = try fields.timestamp(0, zone: zone)
    let system = try fields.requiredString(1)
    let state = try decodeState(fields)
    let latency = try fields.optionalNumber(3)
    if let latency, latency < 0 { throw LineError("negative \"latency_ms\": expected a number of milliseconds ≥ 0") }
    let message = (fields.value(4)?.kind == .string) ? try fields.optionalString(4) : nil
    return StatusSample(timestamp: ts, system: system, state: state, latencyMs: latency, message: message)
  }

  /// Like `decode`, with the same checks in the same order, into the compact form of the cold load:
  /// the system is numbered in `systems`, and the message is only located (at `lineOffset` plus its
  /// place in the line), not decoded.
  func decodeCompact(
    _ slots: JSONFieldSlots, _ scanner: JSONScanner, lineOffset: Int, systems: inout SystemIDTable,
    timestamps: inout CanonicalTimestamp
  ) throws(LineError) -> CompactStatusBatch.Sample {
    if let sample = commonSample(slots, scanner, lineOffset: lineOffset, systems: &systems, timestamps: &timestamps) {
      return sample
    }
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
    var sample = CompactStatusBatch.Sample(
      time: ts, latency: latency ?? .nan, system: system, messageStart: -1, messageEnd: -1, state: state,
      messageHasEscapes: false)
    if let message = fields.value(4), message.kind == .string {
      sample.messageStart = Int32(truncatingIfNeeded: lineOffset + message.start)
      sample.messageEnd = Int32(truncatingIfNeeded: lineOffset + message.end)
      sample.messageHasEscapes = message.hasEscapes
    }
    return sample
  }

  /// The sample of a line in the form monitors write: a canonical UTC time, a short system id and a
  /// lower-case state as strings without escapes, a latency (if any) as a number ≥ 0. It is what
  /// the checks of `decodeCompact` give for such a line, read without them; nil for any other line,
  /// which the checks then read (or reject with their message).
  @inline(__always)
  private func commonSample(
    _ slots: JSONFieldSlots, _ scanner: JSONScanner, lineOffset: Int, systems: inout SystemIDTable,
    timestamps: inout CanonicalTimestamp
  ) -> CompactStatusBatch.Sample? {
    guard let ts = slots[0], ts.kind == .string, !ts.hasEscapes,
      let system = slots[1], system.kind == .string, !system.hasEscapes,
      let state = slots[2], state.kind == .string, !state.hasEscapes
    else { return nil }
    let bytes = scanner.bytes
    guard let time = timestamps.parse(UnsafeBufferPointer(rebasing: bytes[ts.start..<ts.end])),
      system.end > system.start, system.end - system.start <= 16,
      StatusLineDecoder.isVisibleASCII(bytes[system.start]), StatusLineDecoder.isVisibleASCII(bytes[system.end - 1]),
      let serviceState = StatusLineDecoder.exactState(UnsafeBufferPointer(rebasing: bytes[state.start..<state.end]))
    else { return nil }
    var latency = Double.nan
    if let span = slots[3] {
      guard span.kind == .number, let value = scanner.decodeNumber(span), value >= 0 else { return nil }
      latency = value
    }
    let (low, high) = JSONFieldNames.pack(bytes, start: system.start, end: system.end)
    let number = systems.number(of: UnsafeBufferPointer(rebasing: bytes[system.start..<system.end]), low: low, high: high)
    var sample = CompactStatusBatch.Sample(
      time: time, latency: latency, system: number, messageStart: -1, messageEnd: -1, state: serviceState,
      messageHasEscapes: false)
    if let message = slots[4], message.kind == .string {
      sample.messageStart = Int32(truncatingIfNeeded: lineOffset + message.start)
      sample.messageEnd = Int32(truncatingIfNeeded: lineOffset + message.end)
      sample.messageHasEscapes = message.hasEscapes
    }
    return sample
  }

  /// Whether a byte is certainly not whitespace (ASCII, visible), as an id's first and last must be
  /// to be used untrimmed.
  @inline(__always)
  private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

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
