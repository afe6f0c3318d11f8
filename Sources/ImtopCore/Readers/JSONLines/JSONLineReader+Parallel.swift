import Foundation

extension JSONLineReader {
  /// Below this many bytes a split costs more than it saves.
  static let minimumBytesPerPart = 256 << 10

  /// Like `readStatus`, but splits `bytes` at newlines into `parts` pieces read concurrently, then
  /// merges them in file order (records, issues, line numbers and consumed counts are exactly what
  /// the sequential read gives).
  public static func readStatusInParallel(
    _ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone, parts: Int = defaultParts
  ) -> LineBatch<StatusSample> {
    readInParallel(bytes, firstLine: firstLine, parts: parts) { piece, first in
      readStatus(piece, file: file, firstLine: first, zone: zone)
    }
  }

  /// Like `readMetrics`, split across `parts` concurrent readers and merged in file order.
  public static func readMetricsInParallel(
    _ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone, parts: Int = defaultParts
  ) -> LineBatch<MetricSample> {
    readInParallel(bytes, firstLine: firstLine, parts: parts) { piece, first in
      readMetrics(piece, file: file, firstLine: first, zone: zone)
    }
  }

  /// One part per core, at most 8.
  public static var defaultParts: Int { max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) }

  static func readInParallel<Record>(
    _ bytes: UnsafeRawBufferPointer, firstLine: Int, parts requested: Int,
    read: @escaping @Sendable (UnsafeRawBufferPointer, Int) -> LineBatch<Record>
  ) -> LineBatch<Record> {
    let parts = min(max(1, requested), max(1, bytes.count / minimumBytesPerPart))
    guard parts > 1 else { return read(bytes, firstLine) }
    let bounds = splitPoints(bytes, parts: parts)
    let results = PartResults<Record>(count: bounds.count - 1)
    let shared = SharedBytes(bytes)
    DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in
      let piece = UnsafeRawBufferPointer(rebasing: shared.bytes[bounds[part]..<bounds[part + 1]])
      // Only the first part can start the file (and so hold a byte-order mark).
      results.store(read(piece, part == 0 ? firstLine : 0), at: part)
    }
    var merged = LineBatch<Record>()
    merged.records.reserveCapacity(results.batches.reduce(0) { $0 + ($1?.records.count ?? 0) })
    var lineOffset = 0
    for (part, batch) in results.batches.enumerated() {
      guard let batch else { continue }
      merged.records.append(contentsOf: batch.records)
      let shift = part == 0 ? 0 : firstLine + lineOffset
      merged.issues.append(contentsOf: batch.issues.map { issue in
        var moved = issue
        moved.line = issue.line.map { $0 + shift }
        return moved
      })
      merged.consumedLines += batch.consumedLines
      merged.consumedBytes = bounds[part] + batch.consumedBytes
      lineOffset += batch.consumedLines
    }
    return merged
  }

  /// Byte offsets `0 = b0 < b1 < ... < bn = count` where each inner bound follows a newline.
  private static func splitPoints(_ bytes: UnsafeRawBufferPointer, parts: Int) -> [Int] {
    var bounds = [0]
    for part in 1..<parts {
      var cut = max(bytes.count * part / parts, bounds[bounds.count - 1])
      while cut < bytes.count, bytes[cut] != 0x0A { cut += 1 }
      if cut < bytes.count { cut += 1 }
      if cut > bounds[bounds.count - 1] && cut < bytes.count { bounds.append(cut) }
    }
    bounds.append(bytes.count)
    return bounds
  }
}

/// The input of a parallel read, shared read-only by its workers (which finish before it is freed).
private struct SharedBytes: @unchecked Sendable {
  let bytes: UnsafeRawBufferPointer
  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}

/// One slot per part; each worker writes only its own slot, under a lock.
private final class PartResults<Record: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var batches: [LineBatch<Record>?]

  init(count: Int) { batches = Array(repeating: nil, count: count) }

  func store(_ batch: LineBatch<Record>, at index: Int) {
    lock.lock()
    batches[index] = batch
    lock.unlock()
  }
}
