/// The simulated health of one demo system: a small state machine stepped through time, used both to
/// write the demo's history and to keep appending live samples.
///
/// Trouble arrives at random with a mean spacing of the system's `hoursBetweenTrouble` (scaled by
/// `pace`), and recovers after a random while: mostly short degradations, sometimes outages, and a
/// monthly maintenance window for the systems that have one.
struct DemoMonitor: Sendable {
  let system: DemoSystem
  private(set) var state: ServiceState = .up
  /// When the current trouble ends.
  private var recoversAt: Timestamp?
  /// Whether the system is patched in a monthly maintenance window (`isMaintenanceWindow`).
  private let patchedInWindow: Bool
  /// What every status line of the system has between its time and its state, in UTF-8.
  private let systemField: [UInt8]
  /// Whether it is a sensor, whose monitor misses a report now and then.
  let isSensor: Bool

  init(system: DemoSystem) {
    self.system = system
    patchedInWindow = ["erp", "edrms", "db-cluster", "finance-consol"].contains(system.id)
    isSensor = system.category == "Sensor"
    systemField = Array("\",\"system\":\"\(system.id)\",\"state\":\"".utf8)
  }

  /// Advances the machine to `time`, `step` after the previous call. `pace` multiplies how often
  /// trouble starts and divides how long it lasts (1 = realistic, large = lively demo).
  mutating func advance(to time: Timestamp, step: Span, pace: Double, random: inout SeededGenerator) -> ServiceState {
    if isMaintenanceWindow(time) {
      state = .maintenance
      recoversAt = nil
      return state
    }
    if state == .maintenance { state = .up }
    if let end = recoversAt {
      if time >= end {
        state = .up
        recoversAt = nil
      } else if state == .degraded, random.chance(0.02 * pace * step.hours * 10) {
        state = .down
      }
      return state
    }
    let hazard = step.hours / system.hoursBetweenTrouble * pace
    if random.chance(hazard) {
      let outage = random.chance(system.criticality == "1" ? 0.2 : 0.35)
      state = outage ? .down : .degraded
      let minutes = outage ? 10 + random.unit() * 50 : 10 + random.unit() * 80
      recoversAt = time + Span(milliseconds: Int64(minutes * 60_000 / pace))
    }
    return state
  }

  /// The first Sunday of each month, 01:00 to 03:00 UTC, for the systems patched in a window.
  func isMaintenanceWindow(_ time: Timestamp) -> Bool {
    guard patchedInWindow else { return false }
    let civil = CivilTime(utc: time)
    guard civil.day <= 7, civil.hour >= 1, civil.hour < 3 else { return false }
    return CivilTime.weekday(fromDays: CivilTime.days(fromCivil: civil.year, civil.month, civil.day)) == 0
  }

  /// Appends a status line for the current state to `text` (UTF-8), as a monitor script would
  /// append it; `stamp` is the sample's time as written (`Timestamp.iso8601`), worked out once for
  /// all the monitors of a tick. Appended as bytes, piece by piece: the demo's 30 days of history are
  /// 150,000 lines written before its first figures.
  /// Mutating, though it changes nothing, so that it is called on the monitors' array element in
  /// place, as `advance` is: the copies of monitors (each with its system's fourteen strings) that
  /// showed in profiles of the history's generation went with this and `isSensor`.
  mutating func appendStatusLine(stamped stamp: [UInt8], to text: inout [UInt8], random: inout SeededGenerator) {
    text += #"{"ts":""#.utf8
    text += stamp
    text += systemField
    text += state.rawValue.utf8
    text.append(UInt8(ascii: "\""))
    switch state {
    case .up:
      text += #","latency_ms":"#.utf8
      text += DemoMonitor.format(random.around(system.latencyMs, spread: 0.25)).utf8
    case .degraded:
      text += #","latency_ms":"#.utf8
      text += DemoMonitor.format(random.around(system.latencyMs * 4, spread: 0.3)).utf8
      text += #","message":""#.utf8
      text += DemoMonitor.degradedMessages[Int(random.next() % 4)].utf8
      text.append(UInt8(ascii: "\""))
    case .down:
      text += #","message":""#.utf8
      text += DemoMonitor.downMessages[Int(random.next() % 4)].utf8
      text.append(UInt8(ascii: "\""))
    case .maintenance:
      text += #","message":"planned maintenance window""#.utf8
    case .unknown:
      break
    }
    text += "}\n".utf8
  }

  static let degradedMessages = [
    "slow responses", "error rate above 2%", "queue backlog growing", "one node of two out of service",
  ]
  static let downMessages = [
    "health check failed: HTTP 503", "connection timed out", "no response from probe", "TLS handshake failed",
  ]

  /// A number with at most one decimal, as monitors usually write it.
  static func format(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    let whole = Int(tenths) / 10
    let fraction = Int(tenths) % 10
    return fraction == 0 ? "\(whole)" : "\(whole).\(fraction)"
  }
}
