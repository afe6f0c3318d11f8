/// Turns the members of one `metrics.jsonl` line into a `MetricSample`, or says what is wrong.
struct MetricLineDecoder: Sendable {
  static let names = ["ts", "metric", "value", "system", "unit"]
  static let fieldNames = JSONFieldNames(names)
  let zone: Zone

  func decode(_ slots: JSONFieldSlots, _ scanner: JSONScanner) throws(LineError) -> MetricSample {
    let fields = JSONLineFields(slots, scanner, names: MetricLineDecoder.names)
    let ts = try fields.timestamp(0, zone: zone)
    let metric = try fields.requiredString(1)
    guard let value = try fields.optionalNumber(2) else { throw LineError("missing \"value\": expected a number") }
    let system = try fields.value(3).map { span throws(LineError) -> String in
      guard span.kind == .string else { throw LineError("bad \"system\": expected a string, not \(span.kindDescription)") }
      return fields.trimmedString(span)
    }
    let unit = try fields.optionalString(4)
    return MetricSample(timestamp: ts, metric: metric, value: value, system: system?.isEmpty == false ? system : nil, unit: unit)
  }
}
