/// The demo's monitoring history: status samples every `sampleInterval` for `historyDays`, and the
/// metric samples behind the user KPIs.
extension DemoGenerator {
  /// A stretch of trouble seen in the history, for the incidents it caused.
  struct Trouble {
    var system: DemoSystem
    var state: ServiceState
    var start: Timestamp
    var end: Timestamp?
  }

  struct History {
    /// `status.jsonl`, in UTF-8.
    var status: [UInt8]
    var metrics: String
    var troubles: [Trouble]
  }

  func historySamples(random: inout SeededGenerator) -> History {
    let step = sampleInterval
    let steps = Int(Span.days(Int64(historyDays)).milliseconds / max(1, step.milliseconds))
    // Align to the interval so sample times look like a cron job's.
    let last = Timestamp(milliseconds: now.milliseconds - now.milliseconds % max(1, step.milliseconds))
    var monitors = DemoCatalog.systems.filter(\.monitored).map { DemoMonitor(system: $0) }
    var open: [String: Trouble] = [:]
    var troubles: [Trouble] = []
    var status: [UInt8] = []
    status.reserveCapacity((steps + 1) * monitors.count * 100)
    var metrics = ""
    for index in 0...steps {
      let time = last - Span(milliseconds: Int64(steps - index) * step.milliseconds)
      let stamp = Array(time.iso8601.utf8)
      for m in monitors.indices {
        let before = monitors[m].state
        let state = monitors[m].advance(to: time, step: step, pace: 1, random: &random)
        if state != before {
          let id = monitors[m].system.id
          if var ended = open.removeValue(forKey: id) {
            ended.end = time
            troubles.append(ended)
          }
          if state == .down || state == .degraded {
            open[id] = Trouble(system: monitors[m].system, state: state, start: time)
          }
        }
        // Sensors' monitors miss a report now and then: those gaps show as lower coverage.
        if monitors[m].isSensor, random.chance(0.01) { continue }
        monitors[m].appendStatusLine(stamped: stamp, to: &status, random: &random)
      }
      metrics += metricLines(at: time, index: index, stepsPerDay: Int(Span.days(1).milliseconds / max(1, step.milliseconds)), random: &random)
    }
    troubles.append(contentsOf: open.values.sorted { $0.system.id < $1.system.id })
    return History(status: status, metrics: metrics, troubles: troubles)
  }

  private func metricLines(at time: Timestamp, index: Int, stepsPerDay: Int, random: inout SeededGenerator) -> String {
    var text = ""
    let ts = time.iso8601
    // Data-centre temperature at every sample, with a daily cycle.
    let hour = Double(CivilTime(utc: time).hour)
    let cycle = hour >= 10 && hour <= 18 ? 1.5 : 0.0
    let temperature = random.around(22.5 + cycle, spread: 0.04)
    text += "{\"ts\":\"\(ts)\",\"metric\":\"dc_temperature_c\",\"system\":\"dc-sensors\",\"value\":\(DemoMonitor.format(temperature)),\"unit\":\"°C\"}\n"
    // Service-desk backlog hourly.
    if stepsPerDay >= 24, index % max(1, stepsPerDay / 24) == 0 {
      let backlog = Int(random.around(62, spread: 0.3))
      text += "{\"ts\":\"\(ts)\",\"metric\":\"service_desk_backlog\",\"system\":\"service-desk\",\"value\":\(backlog),\"unit\":\"tickets\"}\n"
    }
    // Daily figures from the patching, backup and device-management reports.
    if index % max(1, stepsPerDay) == 0 {
      let patch = random.around(17, spread: 0.25)
      let backup = min(100, random.around(98.6, spread: 0.015))
      let compliance = min(100, random.around(93.5, spread: 0.02))
      text += "{\"ts\":\"\(ts)\",\"metric\":\"patch_latency_days\",\"value\":\(DemoMonitor.format(patch)),\"unit\":\"days\"}\n"
      text += "{\"ts\":\"\(ts)\",\"metric\":\"backup_success_pct\",\"system\":\"backup\",\"value\":\(DemoMonitor.format(backup)),\"unit\":\"%\"}\n"
      text += "{\"ts\":\"\(ts)\",\"metric\":\"endpoint_compliance_pct\",\"system\":\"laptops\",\"value\":\(DemoMonitor.format(compliance)),\"unit\":\"%\"}\n"
    }
    return text
  }
}
