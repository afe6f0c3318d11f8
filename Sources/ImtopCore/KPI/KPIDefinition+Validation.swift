extension KPIDefinition {
  /// The problems `imtop check` reports for configured KPIs: each bad expression as a `DataIssue` at
  /// the KPI's place in `imtop.toml` (or the file alone when the place is unknown), with the message
  /// the KPI's tile shows. The other KPIs are unaffected.
  public static func issues(in definitions: [KPIDefinition], configFile: String = "imtop.toml") -> [DataIssue] {
    definitions.compactMap { definition in
      do throws(KPIExpressionError) {
        _ = try KPIParser.parse(definition.expression)
        return nil
      } catch {
        let message = error.described(forKPI: definition.name)
        guard let location = definition.location else {
          return DataIssue(file: configFile, line: nil, message: message)
        }
        return DataIssue(at: location, message)
      }
    }
  }
}
