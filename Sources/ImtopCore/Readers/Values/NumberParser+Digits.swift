extension NumberParser {
  /// The significand and scale of a bare number (digits, group and decimal separators only).
  static func digits(_ scalars: [Unicode.Scalar]) -> (Int64, Int)? {
    guard !scalars.isEmpty else { return nil }
    guard let decimalIndex = decimalSeparatorIndex(scalars) else { return nil }
    let integerPart = decimalIndex.map { Array(scalars[..<$0]) } ?? scalars
    let fractionPart = decimalIndex.map { Array(scalars[($0 + 1)...]) } ?? []
    if decimalIndex != nil && fractionPart.isEmpty { return nil }
    guard fractionPart.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
    guard let integerDigits = groupedDigits(integerPart) else { return nil }
    if integerDigits.isEmpty && fractionPart.isEmpty { return nil }
    let all = integerDigits + fractionPart
    guard all.count <= maximumDigits else { return nil }
    var significand: Int64 = 0
    for scalar in all { significand = significand * 10 + Int64(scalar.value - 48) }
    return (significand, fractionPart.count)
  }

  /// Where the decimal separator is: `.some(nil)` for none, nil when the separators contradict.
  private static func decimalSeparatorIndex(_ scalars: [Unicode.Scalar]) -> Int?? {
    let commas = scalars.indices.filter { scalars[$0] == "," }
    let dots = scalars.indices.filter { scalars[$0] == "." }
    guard let lastComma = commas.last else {
      guard let lastDot = dots.last else { return .some(nil) }
      return dots.count == 1 ? .some(lastDot) : .some(nil)
    }
    guard let lastDot = dots.last else {
      let digitsAfter = scalars.count - lastComma - 1
      let integerPart = scalars[..<lastComma]
      let isDecimal = commas.count == 1 && (digitsAfter != 3 || integerPart.elementsEqual(["0"]))
      return .some(isDecimal ? lastComma : nil)
    }
    // Both: the last one is decimal and appears once; the other only groups, before it.
    if lastDot > lastComma {
      return dots.count == 1 ? .some(lastDot) : nil
    }
    return commas.count == 1 ? .some(lastComma) : nil
  }

  /// The digits of an integer part with optional thousands grouping, validated: the first group has
  /// one to three digits, every later one exactly three, and one kind of separator is used.
  private static func groupedDigits(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
    var groups: [[Unicode.Scalar]] = [[]]
    var separatorKind: Unicode.Scalar?
    for scalar in scalars {
      if scalar >= "0" && scalar <= "9" {
        groups[groups.count - 1].append(scalar)
        continue
      }
      let kind: Unicode.Scalar
      switch scalar {
      case ",", ".": kind = scalar
      case "'", "\u{2019}": kind = "'"
      default:
        guard isSpace(scalar) else { return nil }
        kind = " "
      }
      if let separatorKind, separatorKind != kind { return nil }
      separatorKind = kind
      groups.append([])
    }
    if groups.count > 1 {
      guard let first = groups.first, (1...3).contains(first.count) else { return nil }
      guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
    }
    return groups.flatMap { $0 }
  }
}
