import FoundationEssentials
import Glibc

extension Poller {
  /// Reads what was appended to a log since the last poll.
  ///
  /// The file is followed as log shippers follow it: its descriptor stays open, so when the path
  /// is renamed or replaced (rotation), the old file is first read to its end through that
  /// descriptor (the lines its writer added just before the rename are not lost), then the new
  /// file is read from its start.
  /// - Complexity: O(bytes appended), plus O(file) after a truncation or rotation.
  func pollAppendOnly(_ path: String, into poll: inout PollProgress) {
    guard tracked[path] != nil else { return }
    // Non-blocking: opening a FIFO put where a log was would otherwise wait for a writer forever.
    let descriptor = open(listing.fullPath(path), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      finishFollowed(path, into: &poll)
      fail(path, "cannot be read: \(reason)", into: &poll)
      return
    }
    guard let identity = FileIdentity.of(descriptor: descriptor), identity.isRegularFile else {
      close(descriptor)
      finishFollowed(path, into: &poll)
      fail(path, "is a directory or device: expected a file of JSON lines", identity: FileIdentity.of(path: listing.fullPath(path)), into: &poll)
      return
    }
    if let old = tracked[path]?.identity, identity.isSameFile(as: old) {
      if old == identity && tracked[path]?.failure == nil && tracked[path]?.descriptor ?? -1 >= 0 {
        close(descriptor)
        return
      }
    } else {
      finishFollowed(path, into: &poll)
    }
    guard var file = tracked[path] else {
      close(descriptor)
      return
    }
    if let old = file.identity, !identity.isSameFile(as: old) || identity.size < file.offset || !Poller.fingerprintMatches(file, descriptor) {
      file.restartFromBeginning()
      store.removeReport(for: path)  // its issues were about the old contents
    }
    if file.descriptor >= 0 { close(file.descriptor) }
    file.descriptor = descriptor
    file.identity = identity
    tracked[path] = file
    recover(path, into: &poll)
    if readAppended(path, descriptor: descriptor, upTo: identity.size, into: &poll) { poll.changed.insert(path) }
    if let read = tracked[path] { tracked[path]?.fingerprint = Poller.fingerprint(of: read, descriptor) }
    updateReport(for: path)
  }

  /// Reads the file still followed at `path` to its end through its open descriptor, then closes
  /// it: the path now names another file, or nothing.
  func finishFollowed(_ path: String, into poll: inout PollProgress) {
    guard let file = tracked[path], file.descriptor >= 0 else { return }
    let kept = file.descriptor
    tracked[path]?.descriptor = -1
    defer { close(kept) }
    guard let identity = FileIdentity.of(descriptor: kept), identity.isRegularFile, identity.size > file.offset,
      Poller.fingerprintMatches(file, kept)
    else { return }
    if readAppended(path, descriptor: kept, upTo: identity.size, into: &poll) { poll.changed.insert(path) }
  }

  /// The last bytes consumed from the file as it is now on disk.
  static func fingerprint(of file: TrackedFile, _ descriptor: Int32) -> [UInt8] {
    let length = Int(min(Int64(TrackedFile.fingerprintLength), file.offset))
    guard length > 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: length)
    let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(file.offset - Int64(length))) }
    return count == length ? bytes : []
  }

  /// Whether the bytes before the read position are still the ones read (one small read).
  static func fingerprintMatches(_ file: TrackedFile, _ descriptor: Int32) -> Bool {
    file.fingerprint.isEmpty || fingerprint(of: file, descriptor) == file.fingerprint
  }

  /// Reads complete lines from the tracked offset up to `size`, chunk by chunk.
  ///
  /// Status chunks overlap: while one is read and parsed (on other threads), this thread adds the
  /// one before to the store, so neither the store's single-threaded share of a cold load nor the
  /// kernel's copy adds to the parse time. The two chunks live in `buffer` and `spareBuffer` in turn.
  /// - Returns: whether any line was consumed.
  private func readAppended(_ path: String, descriptor: Int32, upTo size: Int64, into poll: inout PollProgress) -> Bool {
    guard var file = tracked[path] else { return false }
    defer { tracked[path] = file }
    let zone = store.configuration.zone
    var consumedAny = false
    /// Status lines parsed but not yet in the store; they point into the buffer not read into next.
    var pending: [CompactStatusBatch]?
    var useSpare = false
    let large: (UnsafeMutableRawBufferPointer, UnsafeMutableRawBufferPointer)? =
      file.kind == .status && size - file.offset > Int64(Poller.largeChunkSize) ? Poller.mapLargeBuffers() : nil
    /// Bytes this read put into `buffer` and `spareBuffer`.
    var intoChunkBuffers = 0
    /// Parts each chunk is parsed in (`StatusParse.parts(after:)`).
    var parts = JSONLineReader.defaultParts
    defer {
      if let large {
        munmap(large.0.baseAddress, large.0.count)
        munmap(large.1.baseAddress, large.1.count)
      }
      if intoChunkBuffers > Poller.releaseAfter { releaseChunkBuffers() }
    }
    while file.offset < size {
      noteReading(path, at: file.offset, of: size)
      let target = useSpare ? large?.1 ?? spareBuffer : large?.0 ?? buffer
      let wanted = Int(min(Int64(target.count), size - file.offset))
      let count: Int
      var parsed: [CompactStatusBatch]?
      if file.kind == .status, file.overlongLine == nil, let previous = pending {
        let parse = StatusParse(
          reading: descriptor, at: file.offset, into: UnsafeMutableRawBufferPointer(rebasing: target[0..<wanted]),
          file: path, firstLine: file.nextLine, zone: zone, parts: parts, heldAfter: poll.now)
        ingest(previous, from: path, into: &file, poll: &poll)
        pending = nil
        (count, parsed) = parse.result()
      } else {
        if let previous = pending { ingest(previous, from: path, into: &file, poll: &poll) }
        pending = nil
        count = pread(descriptor, target.baseAddress, wanted, off_t(file.offset))
      }
      guard count > 0 else { break }
      if large == nil { intoChunkBuffers += count }
      let bytes = UnsafeRawBufferPointer(rebasing: target[0..<count])
      if let overlong = file.overlongLine {
        consumedAny = true
        guard let newline = bytes.firstIndex(of: 0x0A) else {
          file.offset += Int64(count)
          file.overlongLine = (overlong.line, overlong.bytes + count)
          continue
        }
        let issue = DataIssue(file: path, line: overlong.line, message: JSONLineReader.overlongLineMessage(bytes: overlong.bytes + newline))
        record([issue], in: &file, path: path, into: &poll)
        file.offset += Int64(newline + 1)
        file.nextLine += 1
        file.overlongLine = nil
        continue
      }
      let consumed: Int
      let lines: Int
      if file.kind == .status {
        let batches =
          parsed
          ?? JSONLineReader.readCompactStatusPieces(bytes, file: path, firstLine: file.nextLine, zone: zone, heldAfter: poll.now)
        pending = batches
        parts = StatusParse.parts(after: batches)
        useSpare.toggle()
        // Samples that carry no message do not read their buffer again: for a large portfolio a
        // mapped one gives its pages back now instead of holding them beside the other's while the
        // store takes these (16 MB of its peak at 50,000 systems; faulting them in again for the
        // next read costs a log of a few systems a tenth of its load time, so it keeps them).
        if large != nil, StatusParse.namesManySystems(batches), batches.allSatisfy({ $0.samples.allSatisfy { $0.messageStart < 0 } }),
          let pages = Poller.wholePages(of: target)
        {
          _ = madvise(pages.start, pages.count, MADV_DONTNEED)
        }
        (consumed, lines) = (batches.consumedBytes, batches.consumedLines)
      } else {
        let batch = JSONLineReader.readMetricsInParallel(bytes, file: path, firstLine: file.nextLine, zone: zone)
        store.add(batch.records, from: path, systemLines: batch.systemLines, aggregatesAfter: file.aggregatesAfter, now: poll.now)
        file.records += batch.records.count
        if let newest = batch.records.map(\.timestamp).max() { file.newestSample = max(file.newestSample ?? newest, newest) }
        record(batch.issues, in: &file, path: path, into: &poll)
        (consumed, lines) = (batch.consumedBytes, batch.consumedLines)
      }
      file.offset += Int64(consumed)
      file.nextLine += lines
      if consumed > 0 { consumedAny = true }
      let unfinished = count - consumed
      if unfinished > JSONLineReader.maximumLineLength {
        // No newline within the longest allowed line: skip up to the next newline, however far.
        file.overlongLine = (file.nextLine, unfinished)
        file.offset += Int64(unfinished)
        consumedAny = true
      } else if consumed == 0 {
        break  // a half-written last line: it waits for its newline
      }
    }
    if let batches = pending { ingest(batches, from: path, into: &file, poll: &poll) }
    pending = nil
    noteReading(path, at: file.offset, of: size)
    if large != nil { afterLongRead?() }
    return consumedAny
  }

  /// Adds status lines to the store (each batch in time order), noting the runs they extend for the
  /// events, then records their issues. The batches point into a read buffer, so this happens before
  /// that buffer is read into again.
  private func ingest(_ batches: [CompactStatusBatch], from path: String, into file: inout TrackedFile, poll: inout PollProgress) {
    let count = batches.reduce(0) { $0 + $1.samples.count }
    var dropped: [DataIssue] = []
    if count > 0 {
      noteRunsBefore(into: &poll)
      dropped = store.add(batches, from: path, aggregatesAfter: file.aggregatesAfter, now: poll.now)
      file.records += count
      if let newest = batches.compactMap(\.newest).max() { file.newestSample = max(file.newestSample ?? newest, newest) }
    }
    record(batches.flatMap(\.issues) + dropped, in: &file, path: path, into: &poll)
  }

  private func record(_ issues: [DataIssue], in file: inout TrackedFile, path: String, into poll: inout PollProgress) {
    guard let first = issues.first else { return }
    file.errors += issues.filter(\.isError).count
    store.appendIssues(issues, for: path)
    poll.issues.append(contentsOf: issues.prefix(Store.issuesKeptPerFile))
    poll.events.append(.badRecords(path: path, count: issues.count, first: first))
  }

  /// A warning for each log whose last line has no newline yet (a writer mid-line, or one that
  /// never ends its last line): for a one-shot command, which will not wait for it. The dashboard
  /// says nothing, as the line is read once it is finished.
  func unfinishedLines() -> [DataIssue] {
    tracked.keys.sorted().compactMap { path in
      guard let file = tracked[path], file.kind.isAppendOnly, file.overlongLine == nil,
        let size = file.identity?.size, size > file.offset
      else { return nil }
      let descriptor = open(listing.fullPath(path), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
      guard descriptor >= 0 else { return nil }
      defer { close(descriptor) }
      let length = Int(min(size - file.offset, Int64(JSONLineReader.maximumLineLength)))
      var tail = [UInt8](repeating: 0, count: length)
      let count = tail.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(file.offset)) }
      guard count > 0, tail[0..<count].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
      return DataIssue(
        file: path, line: file.nextLine,
        message: "the last line has no newline yet: it is read once its writer ends it with one", severity: .warning)
    }
  }
}

extension Poller {
  /// Gives the pages of `buffer` and `spareBuffer` back to the kernel (their contents are not
  /// needed between reads: every line read is in the store by then). A long read fills both; without
  /// this they stayed resident for as long as the dashboard ran (4 MB of the live demo's 39 MB), while
  /// the few lines a poll appends touch only their first pages.
  func releaseChunkBuffers() {
    for chunk in [buffer, spareBuffer] {
      guard let pages = Poller.wholePages(of: chunk) else { continue }
      _ = madvise(pages.start, pages.count, MADV_DONTNEED)
    }
  }

  /// The whole pages inside `chunk` (start and length in bytes): what is around them belongs to
  /// the allocator. Nil when there is none.
  static func wholePages(of chunk: UnsafeMutableRawBufferPointer) -> (start: UnsafeMutableRawPointer, count: Int)? {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    guard page > 0, let base = chunk.baseAddress else { return nil }
    let start = (Int(bitPattern: base) + page - 1) / page * page
    let end = (Int(bitPattern: base) + chunk.count) / page * page
    guard end > start, let first = UnsafeMutableRawPointer(bitPattern: start) else { return nil }
    return (first, end - start)
  }

  /// The two buffers of a long read (`largeChunkSize` each), mapped for that read alone and unmapped
  /// after it, so their memory goes back to the system: allocated with malloc, blocks of this size
  /// stay in the heap once glibc's adaptive threshold has grown past them. Nil when the system has
  /// no room (the read then goes on with the usual buffers).
  static func mapLargeBuffers() -> (UnsafeMutableRawBufferPointer, UnsafeMutableRawBufferPointer)? {
    func map() -> UnsafeMutableRawBufferPointer? {
      guard let address = mmap(nil, largeChunkSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
        address != MAP_FAILED
      else { return nil }
      return UnsafeMutableRawBufferPointer(start: address, count: largeChunkSize)
    }
    guard let first = map() else { return nil }
    guard let second = map() else {
      munmap(first.baseAddress, first.count)
      return nil
    }
    return (first, second)
  }
}
