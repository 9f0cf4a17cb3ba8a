@testable import DossierCore
import Foundation
import Testing

@Suite struct PhaseTimerTests {
    @Test func phasesKeepTheOrderTheyFirstRanInAndAddUpRepeatedRuns() {
        let timer = PhaseTimer()
        timer.add("load", 1)
        timer.add("parse", 2)
        timer.add("load", 0.5)
        #expect(timer.phases.map(\.name) == ["load", "parse"])
        #expect(timer.phases.map(\.seconds) == [1.5, 2])
    }

    @Test func interleavedWorkSharesItsWallTimeInProportionToTheCPUTimeOfEachPhase() {
        let timer = PhaseTimer()
        let value = timer.split { () -> (Int, [(name: String, seconds: Double)]) in
            usleep(20_000)
            return (7, [("render", 3), ("write", 1)])
        }
        #expect(value == 7)
        let render = timer.phases[0].seconds, write = timer.phases[1].seconds
        #expect(abs(render / write - 3) < 1e-9)
        #expect(render + write >= 0.02)
    }
}
