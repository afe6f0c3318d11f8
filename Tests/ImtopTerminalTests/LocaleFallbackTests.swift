import Testing

@testable import ImtopTerminal

/// A UTF-8 locale that is not installed falls back to C.UTF-8; only a character set that is not
/// UTF-8 gives ASCII.
@Suite struct LocaleFallbackTests {
  static let ascii = "ANSI_X3.4-1968"

  @Test func anUninstalledUTF8LocaleFallsBackToCUTF8() {
    // An SSH session forwarding the client's LANG: setlocale failed and left the C locale.
    #expect(LocaleFallback.fallback(afterCodeset: Self.ascii, environment: ["LANG": "en_US.UTF-8"]) == "C.UTF-8")
    #expect(LocaleFallback.fallback(afterCodeset: Self.ascii, environment: ["LC_CTYPE": "de_DE.utf8"]) == "C.UTF-8")
    #expect(LocaleFallback.fallback(afterCodeset: Self.ascii, environment: ["LC_ALL": "xx_YY.UTF-8@euro", "LANG": "C"]) == "C.UTF-8")
  }

  @Test func aLocaleThatIsNotUTF8StaysAndGivesASCII() {
    #expect(LocaleFallback.fallback(afterCodeset: Self.ascii, environment: ["LANG": "C"]) == nil)
    #expect(LocaleFallback.fallback(afterCodeset: Self.ascii, environment: [:]) == nil)
    #expect(LocaleFallback.fallback(afterCodeset: "ISO-8859-1", environment: ["LANG": "de_DE.ISO-8859-1"]) == nil)
    #expect(LocaleFallback.fallback(afterCodeset: "ISO-8859-1", environment: ["LANG": "de_DE"]) == nil)
    // LC_ALL decides over LANG, as setlocale reads them.
    #expect(LocaleFallback.fallback(afterCodeset: Self.ascii, environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == nil)
    // An empty variable counts as unset.
    #expect(LocaleFallback.fallback(afterCodeset: Self.ascii, environment: ["LC_ALL": "", "LANG": "en_US.UTF-8"]) == "C.UTF-8")
  }

  @Test func aUTF8LocaleThatWorkedIsKept() {
    #expect(LocaleFallback.fallback(afterCodeset: "UTF-8", environment: ["LANG": "en_US.UTF-8"]) == nil)
  }

  @Test(arguments: [("UTF-8", true), ("utf8", true), ("UTF_8", true), ("ANSI_X3.4-1968", false), ("ISO-8859-15", false), ("", false)])
  func utf8IsReadHoweverItIsSpelled(codeset: String, expected: Bool) {
    #expect(LocaleFallback.isUTF8(codeset: codeset) == expected)
    #expect(LocaleFallback.namesUTF8("xx_YY." + codeset) == expected)
  }

  @Test func aLocaleNameWithoutACodesetDoesNotAskForUTF8() {
    #expect(!LocaleFallback.namesUTF8("en_US"))
    #expect(!LocaleFallback.namesUTF8("C"))
    #expect(LocaleFallback.namesUTF8("C.UTF-8"))
  }
}
