@testable import DossierCore
import Testing

@Suite struct PartialDateTests {
    @Test func aYearAMonthOrADayAreDatesShownAtTheirPrecision() {
        #expect(PartialDate("2025")?.display == "2025")
        #expect(PartialDate("2025-03")?.display == "March 2025")
        #expect(PartialDate("2024-02-29")?.display == "29 February 2024")
        #expect(PartialDate("0987-01")?.description == "0987-01")
    }

    @Test func anythingElseIsNotADate() {
        for text in ["", "25", "2025-3", "2025-13", "2025-00", "2023-02-29", "2025-04-31", "2025-01-01-01", "2025-", "-2025",
                     "+2025", "16/08/2025", "２０２５", "2025-1a", "20250-01", "2025--01", "2025-01-1", "2025-01-011"] {
            #expect(PartialDate(text) == nil, "\(text)")
        }
    }

    @Test func aPartialDateSortsBeforeFullerDatesInsideIt() {
        #expect(PartialDate("2025")! < PartialDate("2025-01")!)
        #expect(PartialDate("2025-03")! < PartialDate("2025-03-01")!)
    }
}
