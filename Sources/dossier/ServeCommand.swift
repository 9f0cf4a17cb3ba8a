import ArgumentParser
import DossierCore
import DossierServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a live preview that rebuilds and reloads on every change.",
        discussion: """
            Builds the site into a temporary folder (public/ is not touched), serves it, watches the content and \
            the templates, and reloads open pages after each rebuild. While the content does not build, the last \
            good site stays up with the errors shown over every page.
            Exit status: 0 when stopped with Ctrl-C, 1 when the server cannot start (for example, a busy port), \
            2 on usage errors.
            """)

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on; the default is reachable from this computer only.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    @Flag(help: "Open the site in the browser (with xdg-open).")
    var open = false

    func run() async throws {
        let interrupt = Interrupt()
        let options = PreviewOptions(content: site.content, templates: site.templates, drafts: site.drafts, host: host, port: port)
        let preview: PreviewServer
        let url: URL
        do {
            preview = try PreviewServer(options: options) { line in
                print(line)
                fflush(stdout)
            }
            url = try await preview.start()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            print("warning: listening on \(host): other computers on the network can see the preview")
        }
        if open { Self.openInBrowser(url) }
        await interrupt.wait()
        await preview.stop()
    }

    /// Tries the desktop's opener; a failure only means the editor opens the URL by hand.
    static func openInBrowser(_ url: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

/// Catches Ctrl-C and SIGTERM from the start, so that the preview can always remove its folder before exiting.
private final class Interrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var arrived = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    /// Returns once a signal has arrived, at once if one already has.
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now: Bool = lock.withLock {
                if arrived { return true }
                waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }

    private func fire() {
        let continuation: CheckedContinuation<Void, Never>? = lock.withLock {
            arrived = true
            defer { waiter = nil }
            return waiter
        }
        continuation?.resume()
    }
}
