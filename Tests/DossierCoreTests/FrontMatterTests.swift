@testable import DossierCore
import XCTest

final class FrontMatterTests: XCTestCase {
    func testTheYAMLAndTheBodyAreSplitAtTheClosingFenceWithTheirLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\nkind: x\n---\n\nBody\n")
        XCTAssertEqual(split.yaml, "title: A\nkind: x\n")
        XCTAssertEqual(split.yamlLine, 2)
        XCTAssertEqual(split.body, "\nBody\n")
        XCTAssertEqual(split.bodyLine, 5)
    }

    func testThreeDotsCloseTheFrontMatterAndABOMAndCRLFAreTolerated() throws {
        let split = try FrontMatter.split("\u{FEFF}---\r\ntitle: Ünï\r\n...\r\nBody")
        XCTAssertEqual(split.yaml, "title: Ünï\n")
        XCTAssertEqual(split.body, "Body")
        XCTAssertEqual(split.bodyLine, 4)
    }

    func testAFileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split("# Title\n---\n")
        XCTAssertNil(split.yaml)
        XCTAssertEqual(split.body, "# Title\n---\n")
    }

    func testAnUnclosedFrontMatterIsAnError() {
        for text in ["---\ntitle: A\n", "---", "---\n", "---\n----\n"] {
            XCTAssertThrowsError(try FrontMatter.split(text), text)
        }
    }

    func testAFenceAtTheVeryEndLeavesAnEmptyBody() throws {
        let split = try FrontMatter.split("---\na: b\n---")
        XCTAssertEqual(split.yaml, "a: b\n")
        XCTAssertEqual(split.body, "")
    }
}
