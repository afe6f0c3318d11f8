/// Turns the members of one `status.jsonl` line into a sample, or says what is wrong: the one
/// decoder of a status line, for the dashboard's poller and the one-shot commands alike.
///
/// Samples come out in the compact form the store loads (see `CompactStatusBatch`): the system is
/// numbered in a `SystemIDTable` and the message only located, so a line in the form monitors write
/// (a canonical UTC time, a short plain id, a lower-case state) makes no `String` at all. Each field
/// tries that plain form first and falls back to the general reading, with the same checks.
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
    // A message that is not a string is ignored, and an empty one counts as absent.
    if let message = fields.value(4), message.kind == .string, message.end > message.start {
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
