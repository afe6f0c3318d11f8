extension Store {
  /// Adds the status lines of one read of a log, in compact batches in file order (each batch's
  /// samples taken in time order, file order among equal times): the one way status samples enter
  /// the store.
  ///
  /// Samples stamped after `now` are held back (`holdFuture`) and take effect when their time comes;
  /// they count among the log's records when read, and not again then (`counted`).
  ///
  /// Each batch's system numbers are mapped to slots of this call on first use, so a sample costs no
  /// hash lookup; of the messages only each system's winner is decoded, at the end.
  /// - Returns: a warning for each system whose runs reached `StatusTimeline.maximumRuns` in this
  ///   read, so that its oldest were dropped.
  /// - Complexity: O(samples) when each batch is in time order, else O(n log n) for that batch.
  @discardableResult
  mutating func add(
    _ incoming: [CompactStatusBatch], from path: String = "", aggregatesAfter: Timestamp? = nil, now: Timestamp? = nil,
    counted: Bool = false
  ) -> [DataIssue] {
    var batches = incoming
    if let now {
      for index in batches.indices where (batches[index].newest ?? now) > now {
        let batch = batches[index]
        let future = batch.samples.indices.filter { batch.samples[$0].time > now }
        holdFuture(future.map { (batch.statusSample(batch.samples[$0]), batch.futureLines[$0] ?? 0) }, from: path)
        batches[index].samples.removeAll { $0.time > now }
      }
    }
    // At 50,000 systems hashing their ids was a third of a cold load: each system's runs and
    // latency are found once per read (taken out where they sit, put back there by position), and
    // the tables built here are sized before they fill.
    var slots: [String: Int] = [:]
    slots.reserveCapacity(batches.reduce(0) { max($0, $1.systems.count) })
    var names: [String] = []
    var runs: [StatusTimeline] = []
    /// Per slot: whether the system had dropped runs before this read (it was warned about then).
    var wasCapped: [Bool] = []
    var latencies: [LatencyHistory?] = []
    /// Per slot: where its runs and latency history sit in the store's tables (nil: not there yet).
    var timelineAt: [[String: StatusTimeline].Index?] = []
    var latencyAt: [[String: LatencyHistory].Index?] = []
    /// Per slot: the time of the message that currently wins, and the sample carrying it when it is new.
    var messageTimes: [Timestamp?] = []
    var newMessages: [(batch: Int, sample: Int)?] = []
    let staleAfter = configuration.staleAfter
    for (batchIndex, batch) in batches.enumerated() where !batch.samples.isEmpty {
      // A system named only by bad lines has a number but no slot (it gets none, as in `add`).
      var slotOf = [Int](repeating: -1, count: batch.systems.count)
      let order = batch.isSorted ? nil : Store.timeOrder(of: batch.samples)
      // Slots first, in the order the samples are taken, so the loop below can hold the histories
      // in place (no appends while it runs).
      for position in batch.samples.indices {
        let system = Int(batch.samples[order?[position] ?? position].system)
        guard slotOf[system] < 0 else { continue }
        let name = batch.systems.names[system]
        if let found = slots[name] {
          slotOf[system] = found
          continue
        }
        slotOf[system] = names.count
        slots[name] = names.count
        names.append(name)
        // Taken out, a placeholder left in their place, so that they are changed in place below.
        var timeline = StatusTimeline(staleAfter: staleAfter)
        let timelineIndex = timelines.index(forKey: name)
        if let timelineIndex { swap(&timeline, &timelines.values[timelineIndex]) }
        timelineAt.append(timelineIndex)
        wasCapped.append(timeline.keptFrom != nil)
        runs.append(timeline)
        let latencyIndex = latency.index(forKey: name)
        var history: LatencyHistory?
        if let latencyIndex {
          var taken = LatencyHistory()
          swap(&taken, &latency.values[latencyIndex])
          history = taken
        }
        latencyAt.append(latencyIndex)
        latencies.append(history)
        messageTimes.append(messages[name]?.time)
        newMessages.append(nil)
      }
      batch.samples.withUnsafeBufferPointer { samples in
        runs.withUnsafeMutableBufferPointer { runs in
          latencies.withUnsafeMutableBufferPointer { latencies in
            for position in samples.indices {
              let index = order?[position] ?? position
              let sample = samples[index]
              let slot = slotOf[Int(sample.system)]
              runs[slot].insert(state: sample.state, at: sample.time)
              // A run keeps the first message read for it: decoded only when its run has none.
              if sample.messageStart >= 0, runs[slot].lacksMessage(at: sample.time), let text = batch.messageText(sample) {
                runs[slot].setMessage(intern(text), at: sample.time)
              }
              if let cutoff = aggregatesAfter, sample.time <= cutoff { continue }
              if sample.hasLatency {
                if latencies[slot] == nil { latencies[slot] = LatencyHistory() }
                latencies[slot]?.add(sample.latency, at: sample.time)
              }
              if sample.messageStart >= 0, messageTimes[slot].map({ $0 <= sample.time }) ?? true {
                messageTimes[slot] = sample.time
                newMessages[slot] = (batchIndex, index)
              }
            }
          }
        }
      }
    }
    // Each system named by a good line: the line of its first sample, and how many samples it had.
    var named: [String: LoggedSystem] = [:]
    named.reserveCapacity(slots.count)
    for batch in incoming {
      var perNumber = [Int](repeating: 0, count: counted ? 0 : batch.systems.count)
      if !counted { for sample in batch.samples { perNumber[Int(sample.system)] += 1 } }
      for (number, line) in batch.firstLines.enumerated() where line >= 0 {
        named[batch.systems.names[number], default: LoggedSystem(firstLine: line, samples: 0)].samples +=
          counted ? 0 : perNumber[number]
      }
    }
    var capped: [DataIssue] = []
    for (slot, name) in names.enumerated() {
      if let keptFrom = runs[slot].keptFrom {
        sealDropped(of: name, from: &runs[slot], at: now ?? keptFrom)
        if !wasCapped[slot] {
          capped.append(
            Store.runsDroppedWarning(system: name, keptFrom: keptFrom, file: path, line: named[name]?.firstLine ?? 0))
        }
      }
      // Put back where they were taken from; the positions hold until a table gains a key, below.
      if let index = timelineAt[slot] { timelines.values[index] = runs[slot] }
      if let index = latencyAt[slot], let history = latencies[slot] { latency.values[index] = history }
      if let winner = newMessages[slot], let time = messageTimes[slot] {
        let batch = batches[winner.batch]
        if let text = batch.messageText(batch.samples[winner.sample]) { messages[name] = TimedMessage(time: time, text: text) }
      }
    }
    let newTimelines = timelineAt.indices.filter { timelineAt[$0] == nil }
    let newLatencies = latencyAt.indices.filter { latencyAt[$0] == nil && latencies[$0] != nil }
    timelines.reserveCapacity(timelines.count + newTimelines.count)
    latency.reserveCapacity(latency.count + newLatencies.count)
    for slot in newTimelines { timelines[names[slot]] = runs[slot] }
    for slot in newLatencies { latency[names[slot]] = latencies[slot] }
    noteSystems(named, from: path)
    return capped
  }

  /// The same text as one already kept, so the runs of a monitor that repeats a few messages share
  /// them rather than each holding a copy.
  private mutating func intern(_ text: String) -> String {
    if let index = internedMessages.firstIndex(of: text) { return internedMessages[index] }
    if internedMessages.count >= Store.internedMessageLimit { internedMessages.removeAll(keepingCapacity: true) }
    internedMessages.insert(text)
    return text
  }

  /// What is said when a system's oldest runs are dropped to keep its memory bounded.
  static func runsDroppedWarning(system: String, keptFrom: Timestamp, file: String, line: Int) -> DataIssue {
    DataIssue(
      file: file, line: line,
      message: "\"\(system)\" changed state more than \(StatusTimeline.maximumRuns) times in 30 days: only its newest "
        + "\(StatusTimeline.maximumRuns) changes are kept (from \(keptFrom.iso8601)); its figures count the time before as without samples",
      severity: .warning)
  }

  /// Sample indices in time order, equal times in file order (as a stable sort of the samples).
  private static func timeOrder(of samples: [CompactStatusBatch.Sample]) -> [Int] {
    samples.indices.sorted { left, right in
      samples[left].time != samples[right].time ? samples[left].time < samples[right].time : left < right
    }
  }
}
