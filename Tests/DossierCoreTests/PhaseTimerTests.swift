@testable import DossierCore
import XCTest

final class PhaseTimerTests: XCTestCase {
    func testPhasesKeepTheOrderTheyFirstRanInAndAddUpRepeatedRuns() {
        let timer = PhaseTimer()
        timer.add("load", 1)
        timer.add("parse", 2)
        timer.add("load", 0.5)
        XCTAssertEqual(timer.phases.map(\.name), ["load", "parse"])
        XCTAssertEqual(timer.phases.map(\.seconds), [1.5, 2])
    }

    func testInterleavedWorkSharesItsWallTimeInProportionToTheCPUTimeOfEachPhase() {
        let timer = PhaseTimer()
        let value = timer.split { () -> (Int, [(name: String, seconds: Double)]) in
            usleep(20_000)
            return (7, [("render", 3), ("write", 1)])
        }
        XCTAssertEqual(value, 7)
        let render = timer.phases[0].seconds, write = timer.phases[1].seconds
        XCTAssertEqual(render / write, 3, accuracy: 1e-9)
        XCTAssertGreaterThanOrEqual(render + write, 0.02)
    }
}
