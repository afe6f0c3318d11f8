import Foundation

extension JSONLineReader {
  /// Status lines read into compact batches, split at newlines into up to `parts` pieces read
  /// concurrently; the batches come back in file order, their issues numbered by physical line, so
  /// the store can take them one after the other (see `readPieces`).
  static func readCompactStatusPieces(
    _ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone, parts requested: Int = defaultParts
  ) -> [CompactStatusBatch] {
    let parts = min(max(1, requested), max(1, bytes.count / minimumBytesPerPart))
    guard parts > 1 else { return [readCompactStatus(bytes, file: file, firstLine: firstLine, zone: zone)] }
    let bounds = splitPoints(bytes, parts: parts)
    let results = CompactResults(count: bounds.count - 1)
    let shared = CompactSharedBytes(bytes)
    DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in
      let piece = UnsafeRawBufferPointer(rebasing: shared.bytes[bounds[part]..<bounds[part + 1]])
      // Only the first part can start the file (and so hold a byte-order mark).
      results.store(readCompactStatus(piece, file: file, firstLine: part == 0 ? firstLine : 0, zone: zone), at: part)
    }
    var batches: [CompactStatusBatch] = []
    var lines = 0
    for (part, slot) in results.batches.enumerated() {
      guard var batch = slot else { continue }
      if part > 0 {
        let shift = firstLine + lines
        for index in batch.issues.indices { batch.issues[index].line = batch.issues[index].line.map { $0 + shift } }
      }
      lines += batch.consumedLines
      batch.consumedBytes += bounds[part]
      batches.append(batch)
    }
    return batches
  }
}

extension [CompactStatusBatch] {
  /// Bytes consumed by the whole read: up to the end of the last piece's last complete line.
  var consumedBytes: Int { last?.consumedBytes ?? 0 }
  /// Complete lines consumed by the whole read.
  var consumedLines: Int { reduce(0) { $0 + $1.consumedLines } }
}

/// The input of a parallel read, shared read-only by its workers (which finish before it is freed).
private struct CompactSharedBytes: @unchecked Sendable {
  let bytes: UnsafeRawBufferPointer
  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}

/// One slot per part; each worker writes only its own slot, under a lock.
private final class CompactResults: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var batches: [CompactStatusBatch?]

  init(count: Int) { batches = Array(repeating: nil, count: count) }

  func store(_ batch: CompactStatusBatch, at index: Int) {
    lock.lock()
    batches[index] = batch
    lock.unlock()
  }
}
