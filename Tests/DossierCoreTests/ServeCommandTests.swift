import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dossier serve` run as a program: it prints its address, serves, stops cleanly on Ctrl-C, and explains a busy port.
@Suite struct ServeCommandTests {
    /// Starts `dossier serve`, returning the process and its output so far, once it has printed its address.
    private func startServe(_ fixture: EditorFixture, port: UInt16 = 0) throws -> (Process, OutputLines) {
        let process = Process()
        process.executableURL = DossierBinary.url
        process.arguments = ["serve", "--content", fixture.content, "--templates", EditorFixture.templates, "--port", "\(port)"]
        let output = OutputLines()
        let pipe = Pipe()
        pipe.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        return (process, output)
    }

    @Test func servePrintsItsAddressServesAndStopsOnCtrlC() async throws {
        let fixture = try EditorFixture()
        let (process, output) = try startServe(fixture)
        let address = try await output.waitFor(#"http://127\.0\.0\.1:\d+/"#)
        let page = try Data(contentsOf: URL(string: address + "actors/italy/")!)
        #expect(String(decoding: page, as: UTF8.self).contains("Italy"))
        #expect(output.text.contains("first build: rebuilt 14 of 14 pages in "))
        try fixture.edit("actors/italy.md", "A founding member.", "A founding member of NATO.")
        _ = try await output.waitFor(#"actors/italy\.md changed: rebuilt \d+ of 14 pages in \d+ ms"#)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aBusyPortExitsWithAnErrorNamingThePort() async throws {
        let fixture = try EditorFixture()
        let (first, output) = try startServe(fixture)
        let address = try await output.waitFor(#"http://127\.0\.0\.1:\d+/"#)
        let port = UInt16(address.split(separator: ":").last!.dropLast())!
        let second = try DossierBinary.run(["serve", "--content", fixture.content, "--templates", EditorFixture.templates,
                                            "--port", "\(port)"])
        #expect(second.status == 1)
        #expect(second.stderr == "error: port \(port) is already in use on 127.0.0.1; stop the program using it or pass another --port\n")
        kill(first.processIdentifier, SIGTERM)
        first.waitUntilExit()
    }
}

/// A process's output as it arrives.
final class OutputLines: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    func append(_ more: Data) { lock.withLock { data.append(more) } }

    /// Waits (polling, up to a generous timeout) for the output to match `pattern`; returns the match.
    func waitFor(_ pattern: String, timeout: Double = 60) async throws -> String {
        let regex = try NSRegularExpression(pattern: pattern)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = self.text
            if let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
               let range = Range(match.range, in: text) {
                return String(text[range])
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no '\(pattern)' in: \(text)"])
    }
}
