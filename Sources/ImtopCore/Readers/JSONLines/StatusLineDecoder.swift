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
