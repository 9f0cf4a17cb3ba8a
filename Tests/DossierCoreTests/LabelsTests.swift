@testable import DossierCore
import Testing

@Suite struct LabelsTests {
    @Test func aCitingPositionIsNamedByItsStanceInLowerCase() {
        for stance in Stance.allCases {
            #expect(Labels.citedPosition(stance) == "Position: " + Labels.stance(stance).lowercased())
        }
    }
}
