@testable import DossierCore
import XCTest

final class PartialDateTests: XCTestCase {
    func testAYearAMonthOrADayAreDatesShownAtTheirPrecision() {
        XCTAssertEqual(PartialDate("2025")?.display, "2025")
        XCTAssertEqual(PartialDate("2025-03")?.display, "March 2025")
        XCTAssertEqual(PartialDate("2024-02-29")?.display, "29 February 2024")
        XCTAssertEqual(PartialDate("0987-01")?.description, "0987-01")
    }

    func testAnythingElseIsNotADate() {
        for text in ["", "25", "2025-3", "2025-13", "2025-00", "2023-02-29", "2025-04-31", "2025-01-01-01", "2025-", "-2025",
                     "+2025", "16/08/2025", "２０２５", "2025-1a"] {
            XCTAssertNil(PartialDate(text), text)
        }
    }

    func testAPartialDateSortsBeforeFullerDatesInsideIt() {
        XCTAssertLessThan(PartialDate("2025")!, PartialDate("2025-01")!)
        XCTAssertLessThan(PartialDate("2025-03")!, PartialDate("2025-03-01")!)
    }
}
