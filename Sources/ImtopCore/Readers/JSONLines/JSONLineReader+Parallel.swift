import Foundation

extension JSONLineReader {
  /// Below this many bytes a split costs more than it saves.
  static let minimumBytesPerPart = 128 << 10

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

  /// Four parts per core, at most 32: more parts than cores lets a core that finishes early take
  /// another part, so one preempted worker (the machine is shared) does not hold up the whole read.
  public static var defaultParts: Int { max(1, min(32, 4 * ProcessInfo.processInfo.activeProcessorCount)) }

  static func readInParallel<Record>(
    _ bytes: UnsafeRawBufferPointer, firstLine: Int, parts requested: Int,
    read: @escaping @Sendable (UnsafeRawBufferPointer, Int) -> LineBatch<Record>
  ) -> LineBatch<Record> {
    let pieces = readPieces(bytes, firstLine: firstLine, parts: requested, read: read)
    guard pieces.batches.count > 1 else { return pieces.batches.first ?? LineBatch() }
    var merged = LineBatch<Record>(consumedBytes: pieces.consumedBytes, consumedLines: pieces.consumedLines)
    merged.records.reserveCapacity(pieces.batches.reduce(0) { $0 + $1.records.count })
    for batch in pieces.batches {
      merged.records.append(contentsOf: batch.records)
      merged.issues.append(contentsOf: batch.issues)
    }
    return merged
  }

  /// Reads `bytes` split into up to `parts` pieces concurrently and returns the pieces' batches in
  /// file order, each with its issues already numbered by physical line, so a caller can use them
  /// one after the other without first copying every record into one array.
  static func readPieces<Record>(
    _ bytes: UnsafeRawBufferPointer, firstLine: Int, parts requested: Int,
    read: @escaping @Sendable (UnsafeRawBufferPointer, Int) -> LineBatch<Record>
  ) -> LineBatchPieces<Record> {
    let parts = min(max(1, requested), max(1, bytes.count / minimumBytesPerPart))
    guard parts > 1 else {
      let batch = read(bytes, firstLine)
      return LineBatchPieces(batches: [batch], consumedBytes: batch.consumedBytes, consumedLines: batch.consumedLines)
    }
    let bounds = splitPoints(bytes, parts: parts)
    let results = PartResults<Record>(count: bounds.count - 1)
    let shared = SharedBytes(bytes)
    DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in
      let piece = UnsafeRawBufferPointer(rebasing: shared.bytes[bounds[part]..<bounds[part + 1]])
      // Only the first part can start the file (and so hold a byte-order mark).
      results.store(read(piece, part == 0 ? firstLine : 0), at: part)
    }
    var pieces = LineBatchPieces<Record>(batches: [], consumedBytes: 0, consumedLines: 0)
    for (part, slot) in results.batches.enumerated() {
      guard var batch = slot else { continue }
      if part > 0 {
        let shift = firstLine + pieces.consumedLines
        for index in batch.issues.indices { batch.issues[index].line = batch.issues[index].line.map { $0 + shift } }
      }
      pieces.consumedLines += batch.consumedLines
      pieces.consumedBytes = bounds[part] + batch.consumedBytes
      pieces.batches.append(batch)
    }
    return pieces
  }

  /// Byte offsets `0 = b0 < b1 < ... < bn = count` where each inner bound follows a newline.
  static func splitPoints(_ bytes: UnsafeRawBufferPointer, parts: Int) -> [Int] {
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

/// The batches of a read split into pieces, in file order, with the totals of the whole read.
struct LineBatchPieces<Record: Sendable> {
  var batches: [LineBatch<Record>]
  var consumedBytes: Int
  var consumedLines: Int
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
