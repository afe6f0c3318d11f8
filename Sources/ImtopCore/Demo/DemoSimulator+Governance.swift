import FoundationEssentials

/// Now and then someone completes a course or a role's review is done: the learning system and the
/// identity tool export their whole files again, written beside the old ones and renamed over them
/// (a reader sees the old file or the new one, never half of one).
extension DemoSimulator {
  /// About once every 100 ticks at speed 1 (every few minutes at the demo's 2 s ticks).
  mutating func maybeGovernanceStep(at time: Timestamp) throws {
    guard random.unit() < 0.01 * pace / 1500 else { return }
    if random.unit() < 0.6 {
      try completeTraining(pick: random.unit())
    } else {
      try closeReview(at: time, pick: random.unit())
    }
  }

  /// One to three more people complete a course row that is behind (`pick` in 0..<1 chooses which).
  func completeTraining(pick: Double) throws {
    try rewrite("training.csv", pick: pick) { fields in
      guard fields.count >= 4, let required = Int(fields[2]), let completed = Int(fields[3]), completed < required
      else { return nil }
      return { fields in
        var fields = fields
        fields[3] = String(min(required, completed + 1 + Int(pick * 3)))
        return fields
      }
    }
  }

  /// A role never reviewed or not reviewed for 90 days is reviewed today.
  func closeReview(at time: Timestamp, pick: Double) throws {
    let today = CivilTime(utc: time)
    let todayNumber = CivilTime.days(fromCivil: today.year, today.month, today.day)
    try rewrite("access.csv", pick: pick) { fields in
      guard fields.count >= 5 else { return nil }
      let last = ValueParser.parseDate(fields[4])
      guard last.map({ todayNumber - $0.dayNumber > 90 }) ?? true else { return nil }
      return { fields in
        var fields = fields
        fields[4] = LocalDate(dayNumber: todayNumber).description
        return fields
      }
    }
  }

  /// Rewrites one data row of a demo file: of the rows `candidate` offers a change for, the one
  /// `pick` chooses. The demo writes these files without quoted commas, so a row splits on commas.
  private func rewrite(
    _ name: String, pick: Double, candidate: ([String]) -> (([String]) -> [String])?
  ) throws {
    let file = directory.appendingPathComponent(name)
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let changes = lines.indices.dropFirst().compactMap { index -> (Int, ([String]) -> [String])? in
      candidate(lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)).map { (index, $0) }
    }
    guard !changes.isEmpty else { return }
    let (index, change) = changes[min(changes.count - 1, Int(pick * Double(changes.count)))]
    lines[index] = change(lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init))
      .joined(separator: ",")
    try Data(lines.joined(separator: "\n").utf8).write(to: file, options: .atomic)
  }
}
