import Testing

@testable import ImtopCore

/// printf's rendering without Foundation: the C decimal point, and numbers longer than the first
/// buffer written whole.
@Suite struct PrintfFormatTests {
  @Test func fixedAndGeneralForms() {
    #expect(PrintfFormat.text("%.3f", 1.5) == "1.500")
    #expect(PrintfFormat.text("%.*f", Int32(2), -0.125) == "-0.12")
    #expect(PrintfFormat.text("%g", 18_446_744_073_709_551_615.0) == "1.84467e+19")
    #expect(PrintfFormat.text("%g", 1e-7) == "1e-07")
  }

  @Test func aNumberLongerThanTheFirstBufferIsWrittenWhole() {
    let text = PrintfFormat.text("%.6f", 1e300)
    #expect(text == "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000")
    #expect(text.count == 301 + 7)
  }
}
