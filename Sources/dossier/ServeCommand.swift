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
        await Self.waitForInterrupt()
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

    /// Returns on Ctrl-C or a termination signal, so that the preview can clean up its folder.
    static func waitForInterrupt() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = Once(continuation)
            var sources: [DispatchSourceSignal] = []
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { once.resume() }
                source.resume()
                sources.append(source)
            }
            once.keep(sources)
        }
    }

    /// Resumes a continuation once, however many signals arrive; keeps the signal sources alive until then.
    private final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Void, Never>?
        private var sources: [DispatchSourceSignal] = []

        init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

        func keep(_ sources: [DispatchSourceSignal]) { lock.withLock { self.sources = sources } }

        func resume() {
            let continuation = lock.withLock {
                defer { self.continuation = nil }
                return self.continuation
            }
            continuation?.resume()
        }
    }
}
