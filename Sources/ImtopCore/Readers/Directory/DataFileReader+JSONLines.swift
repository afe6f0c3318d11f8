extension DataFileReader {
  /// The contents of a `.jsonl` file from its `LineBatch`, with the first line of each system.
  static func lineContents<Record>(
    _ path: String, _ records: FileRecords, _ batch: LineBatch<Record>, _ bytes: [UInt8], _ systems: [String?]
  ) -> FileContents {
    var issues = batch.issues
    let tail = bytes[batch.consumedBytes...]
    if tail.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
      issues.append(DataIssue(
        file: path, line: batch.consumedLines + 1,
        message: "the last line has no newline yet: it is read once its writer ends it with one"))
    }
    return FileContents(
      path: path, records: records, issues: issues, rejected: batch.issues.count,
      systemLines: recordLines(bytes[..<batch.consumedBytes], rejected: Set(batch.issues.compactMap(\.line)), systems: systems),
      consumedBytes: batch.consumedBytes, consumedLines: batch.consumedLines)
  }

  /// The first line of each system, found by pairing records with the lines that produced them:
  /// every non-blank line either gave the next record or an issue. Empty when the pairing does not
  /// add up (the unknown-system check then names the file without a line).
  private static func recordLines(_ bytes: ArraySlice<UInt8>, rejected: Set<Int>, systems: [String?]) -> [String: Int] {
    var lines: [String: Int] = [:]
    var recordIndex = 0
    var lineNumber = 1
    var blank = true
    for byte in bytes {
      if byte == 0x0A {
        if !blank && !rejected.contains(lineNumber) {
          guard recordIndex < systems.count else { return [:] }
          if let system = systems[recordIndex], lines[system] == nil { lines[system] = lineNumber }
          recordIndex += 1
        }
        lineNumber += 1
        blank = true
      } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
        blank = false
      }
    }
    return recordIndex == systems.count ? lines : [:]
  }
}
