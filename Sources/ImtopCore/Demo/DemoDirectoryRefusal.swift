/// Why `imtop demo` will not write into a folder; its description is the message for the user.
public struct DemoDirectoryRefusal: Error, Equatable, CustomStringConvertible {
  public enum Reason: Equatable, Sendable {
    case holdsOtherFiles([String])
    case notAFolder
  }

  public var path: String
  public var reason: Reason

  public var description: String {
    switch reason {
    case .notAFolder:
      return "imtop demo: \(path) is a file, not a folder; nothing was written."
    case .holdsOtherFiles(let names):
      let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
      return "imtop demo: \(path) is not empty and holds no previous demo (it has \(shown)); nothing was written. "
        + "Use a new or empty folder, or --force to write the demo's files over the ones with the same names."
    }
  }
}
