@testable import DossierCore
import Testing

@Suite struct FrontMatterTests {
    @Test func theYAMLAndTheBodyAreSplitAtTheClosingFenceWithTheirLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\nkind: x\n---\n\nBody\n")
        #expect(split.yaml == "title: A\nkind: x\n")
        #expect(split.yamlLine == 2)
        #expect(split.body == "\nBody\n")
        #expect(split.bodyLine == 5)
    }

    @Test func threeDotsCloseTheFrontMatterAndABOMAndCRLFAreTolerated() throws {
        let split = try FrontMatter.split("\u{FEFF}---\r\ntitle: Ünï\r\n...\r\nBody")
        #expect(split.yaml == "title: Ünï\n")
        #expect(split.body == "Body")
        #expect(split.bodyLine == 4)
    }

    @Test func aFileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split("# Title\n---\n")
        #expect(split.yaml == nil)
        #expect(split.body == "# Title\n---\n")
    }

    @Test func anUnclosedFrontMatterIsAnError() {
        for text in ["---\ntitle: A\n", "---", "---\n", "---\n----\n"] {
            #expect(throws: FrontMatter.SplitError.self, "\(text)") { try FrontMatter.split(text) }
        }
    }

    @Test func aFenceAtTheVeryEndLeavesAnEmptyBody() throws {
        let split = try FrontMatter.split("---\na: b\n---")
        #expect(split.yaml == "a: b\n")
        #expect(split.body == "")
    }
}
