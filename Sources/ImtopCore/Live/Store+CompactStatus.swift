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
    var slots: [String: Int] = [:]
    var names: [String] = []
    var runs: [StatusTimeline] = []
    /// Per slot: whether the system had dropped runs before this read (it was warned about then).
    var wasCapped: [Bool] = []
    var latencies: [LatencyHistory?] = []
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
        let timeline = timelines.removeValue(forKey: name) ?? StatusTimeline(staleAfter: staleAfter)
        wasCapped.append(timeline.keptFrom != nil)
        runs.append(timeline)
        latencies.append(latency.removeValue(forKey: name))
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
    var lines: [String: Int] = [:]
    var counts: [String: Int] = [:]
    for batch in incoming {
      for (system, line) in batch.systemLines where lines[system] == nil { lines[system] = line }
      guard !counted else { continue }
      var perNumber = [Int](repeating: 0, count: batch.systems.count)
      for sample in batch.samples { perNumber[Int(sample.system)] += 1 }
      for (number, count) in perNumber.enumerated() where count > 0 { counts[batch.systems.names[number], default: 0] += count }
    }
    var capped: [DataIssue] = []
    for (slot, name) in names.enumerated() {
      if let keptFrom = runs[slot].keptFrom {
        sealDropped(of: name, from: &runs[slot], at: now ?? keptFrom)
        if !wasCapped[slot] {
          capped.append(Store.runsDroppedWarning(system: name, keptFrom: keptFrom, file: path, line: lines[name] ?? 0))
        }
      }
      timelines[name] = runs[slot]
      latency[name] = latencies[slot]
      if let winner = newMessages[slot], let time = messageTimes[slot] {
        let batch = batches[winner.batch]
        if let text = batch.messageText(batch.samples[winner.sample]) { messages[name] = TimedMessage(time: time, text: text) }
      }
    }
    noteSystems(lines, counts: counts, from: path)
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
