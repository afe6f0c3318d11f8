import CNCursesW
import Foundation
import ImtopUI
import ImtopTestSupport
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

/// The dashboard lets go of its code pages and read-only file data after starting
/// (`imtop_trim_code_pages`), so that what stays resident is what it still runs and reads.
@Suite(.timeLimit(.minutes(1)))
struct CodeTrimTests {
  /// The resident kilobytes of the mapping that starts at `address`, from /proc.
  static func resident(at address: UnsafeMutableRawPointer) throws -> Int? {
    let smaps = try Self.read("/proc/self/smaps")
    let start = String(UInt(bitPattern: address), radix: 16) + "-"
    var found = false
    for line in smaps.split(separator: "\n") {
      if line.hasPrefix(start) {
        found = true
      } else if found, line.hasPrefix("Rss:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
      }
    }
    return nil
  }

  /// A /proc file read to its end (its size says 0, so it is read until `read` returns nothing).
  static func read(_ path: String) throws -> String {
    let descriptor = open(path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A file of 16 pages mapped three times: executable (as code is), read-only (as constants are)
  /// and writable (as data is), every page read and one byte of the writable one changed. The first
  /// two are let go of; the writable one keeps its change.
  @Test func executableFileMappingsAreLetGoOfAndWritableOnesKept() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("code").path
    let size = 16 * 4_096
    FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x90, count: size))
    let descriptor = open(path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let code = mmap(nil, size, PROT_READ | PROT_EXEC, MAP_PRIVATE, descriptor, 0)
    let constants = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
    let data = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0)
    try #require(
      code != MAP_FAILED && constants != MAP_FAILED && data != MAP_FAILED, "mmap: errno \(errno) (a folder mounted noexec?)")
    guard let code, let constants, let data else { return }
    defer {
      munmap(code, size)
      munmap(constants, size)
      munmap(data, size)
    }
    var sum = 0
    for page in stride(from: 0, to: size, by: 4_096) {
      for mapping in [code, constants, data] { sum += Int(mapping.load(fromByteOffset: page, as: UInt8.self)) }
    }
    #expect(sum == 3 * 16 * 0x90)
    data.storeBytes(of: 0x42, toByteOffset: 100, as: UInt8.self)
    // Not checked resident here: another suite's run loop may let go of them first.
    let released = imtop_trim_code_pages()
    #expect(released >= 2 * size)
    #expect(try Self.resident(at: code) == 0)
    #expect(try Self.resident(at: constants) == 0)
    #expect((try Self.resident(at: data) ?? 0) > 0)
    #expect(data.load(fromByteOffset: 100, as: UInt8.self) == 0x42)
    // Read again, from the page cache.
    #expect(code.load(fromByteOffset: 8 * 4_096, as: UInt8.self) == 0x90)
  }

  final class Count: @unchecked Sendable {
    var value = 0
  }

  /// On the loop's clock: 2 s after the start, then 8 s and 50 s after that, then every 10 minutes.
  @Test func theLoopLetsGoOfThemAfterStartingThenEveryTenMinutes() throws {
    let trims = Count()
    var seen: [Int] = []
    func look() -> RecordingBackend.Step {
      .look { _ in
        seen.append(trims.value)
        return []
      }
    }
    let backend = RecordingBackend(size: Size(width: 30, height: 6), script: [
      .elapse(.milliseconds(1_900)), look(),
      .elapse(.milliseconds(200)), look(),
      .elapse(.seconds(8)), look(),
      .elapse(.seconds(50)), look(),
      .elapse(.seconds(590)), look(),
      .elapse(.seconds(11)), look(),
      .input([.key(.character("q"))]),
    ])
    var program = RecordingProgram()
    program.tickInterval = nil
    let loop = TerminalRunLoop(
      backend: backend, program: program, mailbox: try TerminalMailbox<String>(), clock: backend.clock.function,
      trimCode: { trims.value += 1 })
    #expect(try loop.run() == 0)
    #expect(seen == [0, 1, 2, 3, 3, 4])
  }
}
