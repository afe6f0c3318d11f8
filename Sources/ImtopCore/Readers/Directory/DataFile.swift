import Foundation

/// One file of a data directory: its kind, where it is, and its path relative to the directory.
public struct DataFile: Hashable, Sendable {
  public var kind: FileKind
  public var url: URL
  /// Relative to the data directory, `/`-separated (`systems.csv`, `status/edge.jsonl`): the name
  /// every message and report uses.
  public var path: String

  public init(kind: FileKind, url: URL, path: String) {
    self.kind = kind
    self.url = url
    self.path = path
  }

  /// The last modification time, or nil when the file cannot be looked at.
  public var modified: Timestamp? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
      let date = attributes[.modificationDate] as? Date
    else { return nil }
    return Timestamp(milliseconds: Int64(saturating: (date.timeIntervalSince1970 * 1000).rounded(.down)))
  }

  /// The whole file's bytes, or a short reason it cannot be read (`permission denied`).
  public func readBytes() -> Result<[UInt8], FileReadError> {
    do {
      let data = try Data(contentsOf: url)
      return .success([UInt8](data))
    } catch let error as CocoaError {
      switch error.code {
      case .fileReadNoSuchFile, .fileNoSuchFile: return .failure(FileReadError("cannot read: no such file"))
      case .fileReadNoPermission: return .failure(FileReadError("cannot read: permission denied"))
      default: return .failure(FileReadError("cannot read: \(error.localizedDescription)"))
      }
    } catch {
      return .failure(FileReadError("cannot read: \(error.localizedDescription)"))
    }
  }
}

/// Why a file could not be read at all.
public struct FileReadError: Error, Hashable, Sendable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}
