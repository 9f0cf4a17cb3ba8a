import DossierCore
import Dispatch
import FlyingFox
import FlyingSocks
import Foundation

/// What `dossier serve` serves and where it listens.
public struct PreviewOptions: Sendable {
    public var content: String
    public var templates: String
    public var drafts: Bool
    /// An IP address, or `localhost`.
    public var host: String
    /// 0 picks a free port.
    public var port: UInt16
    /// The shortest time between two scans of the content and templates, in seconds.
    public var pollInterval: Double

    public init(content: String = "content", templates: String = "templates", drafts: Bool = false,
                host: String = "127.0.0.1", port: UInt16 = 8000, pollInterval: Double = 0.05) {
        self.content = content
        self.templates = templates
        self.drafts = drafts
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
    }
}

/// Why the preview could not start.
public enum PreviewError: Error, CustomStringConvertible {
    case portInUse(host: String, port: UInt16)
    case invalidHost(String)
    case cannotListen(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) is already in use on \(host); stop the program using it or pass another --port"
        case .invalidHost(let host):
            return "--host must be an IP address such as 127.0.0.1 or ::1, or localhost, not '\(host)'"
        case .cannotListen(let reason):
            return "cannot listen: \(reason)"
        }
    }
}

/// The editor's live preview: builds the site into a folder of its own, serves it, rebuilds when the content or
/// the templates change, and tells open pages to reload. While the content does not build, the last good site
/// stays up and every HTML page carries an overlay with the errors.
public actor PreviewServer {
    private let options: PreviewOptions
    private let folder: URL
    private let site: SiteFiles
    private let builder: Builder
    private let watcher: ContentWatcher
    private let notifier: ChangeNotifier
    private let state = ServingState()
    private let reload = LiveReload()
    private let log: @Sendable (String) -> Void
    private var server: HTTPServer?
    private var tasks: [Task<Void, Never>] = []

    /// `log` receives one line per event worth telling the editor: listening, each rebuild, each failure.
    public init(options: PreviewOptions, log: @escaping @Sendable (String) -> Void) throws {
        self.options = options
        self.log = log
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)")
        let output = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        site = SiteFiles(root: output.path)
        let build = BuildOptions(content: options.content, templates: options.templates, output: output.path, drafts: options.drafts)
        builder = Builder(IncrementalBuild(options: build, extra: ["liveReloadScript": LiveReload.script]))
        watcher = ContentWatcher(folders: [options.content, options.templates])
        notifier = ChangeNotifier(folders: [options.content, options.templates])
    }

    /// Builds the site, starts listening and watching; returns the URL the site is served at.
    public func start() async throws -> URL {
        let address = try Self.address(host: options.host, port: options.port)
        var snapshot = await builder.scan(watcher)
        await rebuild(reason: "first build")
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: Handler(preview: self))
        self.server = server
        let (events, continuation) = AsyncStream<Result<Void, Error>>.makeStream()
        tasks.append(Task {
            do { try await server.run() } catch { continuation.yield(.failure(error)) }
            continuation.finish()
        })
        tasks.append(Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                continuation.yield(.success(()))
            } catch {
                continuation.yield(.failure(error))
            }
        })
        for await event in events {
            do {
                try event.get()
                break
            } catch let SocketError.failed(type, errno, message) {
                await stop()
                if errno == EADDRINUSE { throw PreviewError.portInUse(host: options.host, port: options.port) }
                throw PreviewError.cannotListen("\(type): \(message)")
            } catch {
                await stop()
                throw PreviewError.cannotListen("\(error.localizedDescription)")
            }
        }
        guard let bound = await server.listeningAddress else {
            await stop()
            throw PreviewError.cannotListen("the server stopped")
        }
        let url = Self.url(of: bound)
        log("Serving the dossier at \(url.absoluteString) (press Ctrl-C to stop)")
        tasks.append(Task { [watcher, notifier, options] in
            var lastPing = Date()
            while !Task.isCancelled {
                let start = DispatchTime.now().uptimeNanoseconds
                let next = await self.builder.scan(watcher)
                let scanSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                var changed = ContentWatcher.changes(from: snapshot, to: next)
                snapshot = next
                // A save can take more than one write: wait until the files hold still, then build once. When the
                // notifier listens, its silence says so without scanning again.
                var settles = 0
                while !changed.isEmpty && settles < 10 {
                    let heard = await self.builder.waitForChange(notifier, seconds: Self.settle)
                    if !heard && notifier.listens { break }
                    let later = await self.builder.scan(watcher)
                    let more = ContentWatcher.changes(from: snapshot, to: later)
                    snapshot = later
                    if more.isEmpty { break }
                    changed = Array(Set(changed + more)).sorted()
                    settles += 1
                }
                if !changed.isEmpty, !Task.isCancelled { await self.rebuild(reason: Self.describe(changed)) }
                if Date().timeIntervalSince(lastPing) > 15 {
                    await self.reload.ping()
                    lastPing = Date()
                }
                // Scanning at most a tenth of the time keeps a large dossier cheap to watch; a change the notifier
                // hears of ends the pause at once, and while it listens a scan every few seconds only catches what
                // it might miss (a file system that does not report changes).
                let pause = max(options.pollInterval, scanSeconds * 9, notifier.listens ? Self.safetyScan : 0)
                await self.builder.waitForChange(notifier, seconds: pause)
            }
        })
        return url
    }

    /// Stops listening and watching, closes the open event streams, lets a build under way finish, and removes the
    /// built site.
    public func stop() async {
        for task in tasks { task.cancel() }
        tasks = []
        await reload.closeAll()
        await server?.stop(timeout: 1)
        server = nil
        await builder.finish()
        try? FileManager.default.removeItem(at: folder)
    }

    private func rebuild(reason: String) async {
        // Show the edited page as soon as it is written; the other pages follow with a second reload.
        let outcome = await builder.run { [state, reload] in
            state.update(errors: [], hasSite: true)
            Task { await reload.reload() }
        }
        let report = outcome.report
        let time = Self.milliseconds(report.seconds)
        if report.succeeded {
            state.update(errors: [], hasSite: true)
            let warnings = report.diagnostics.warningCount
            log("\(reason): rebuilt \(outcome.pagesWritten) of \(outcome.pagesTotal) pages in \(time)"
                + (outcome.filesRemoved > 0 ? ", removed \(outcome.filesRemoved) files" : "")
                + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
        } else {
            let errors = report.diagnostics.filter { $0.severity == .error }
            state.update(errors: errors, hasSite: state.snapshot().hasSite)
            log("\(reason): \(errors.count) error\(errors.count == 1 ? "" : "s") in \(time); serving the last good site with the errors shown\n"
                + DiagnosticFormat.text.render(errors).trimmingCharacters(in: .newlines))
        }
        await reload.reload()
    }

    // MARK: Requests

    fileprivate func events() async -> HTTPResponse {
        let stream = await reload.subscribe()
        return HTTPResponse(statusCode: .ok,
                            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                            body: HTTPBodySequence(from: stream))
    }

    /// Answers a request for a file of the site; never reads outside it.
    nonisolated fileprivate func file(_ request: HTTPRequest) -> HTTPResponse {
        let current = state.snapshot()
        switch site.resolve(request.target.path()) {
        case .file(let path):
            return page(path, status: .ok, current: current)
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: location], body: Data())
        case .badRequest:
            return HTTPResponse(statusCode: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("Bad request: this path can never name a file of the site.\n".utf8))
        case .notFound:
            if case .file(let path) = site.resolve("/404.html") { return page(path, status: .notFound, current: current) }
            if !current.hasSite { return unbuilt(current) }
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Not found.\n".utf8))
        }
    }

    nonisolated private func page(_ path: String, status: HTTPStatusCode, current: ServingState.Snapshot) -> HTTPResponse {
        guard var data = FileManager.default.contents(atPath: path) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Not found.\n".utf8))
        }
        let type = SiteFiles.contentType(of: path)
        if !current.errors.isEmpty, type.hasPrefix("text/html") {
            data = Data(Overlay.inject(Overlay.html(current.errors), into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
    }

    /// What every page shows before the content has ever built.
    nonisolated private func unbuilt(_ current: ServingState.Snapshot) -> HTTPResponse {
        let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not built yet</title></head><body>"
            + "<p>The dossier has not built yet.</p>" + LiveReload.script + "</body></html>"
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: Data(Overlay.inject(Overlay.html(current.errors), into: html).utf8))
    }

    // MARK: Helpers

    /// How long files must hold still after a change before the build starts: 15 ms.
    static let settle = 0.015
    /// Seconds between scans while the notifier listens.
    static let safetyScan = 2.0

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        if name.contains(":") {
            guard let address = try? sockaddr_in6.inet6(ip6: name, port: port) else { throw PreviewError.invalidHost(host) }
            return address
        }
        guard let address = try? sockaddr_in.inet(ip4: name, port: port) else { throw PreviewError.invalidHost(host) }
        return address
    }

    static func url(of address: Socket.Address) -> URL {
        switch address {
        case .ip4(let host, let port): return URL(string: "http://\(host):\(port)/")!
        case .ip6(let host, let port): return URL(string: "http://[\(host)]:\(port)/")!
        case .unix(let path): return URL(fileURLWithPath: path)
        }
    }

    /// `content/proposals/x.md changed`, or `3 files changed`.
    static func describe(_ changed: [String]) -> String {
        changed.count == 1 ? "\(changed[0]) changed" : "\(changed.count) files changed (\(changed[0]), …)"
    }

    static func milliseconds(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
    }
}

/// Routes requests to the preview: the reload events, or a file of the site.
private struct Handler: HTTPHandler {
    let preview: PreviewServer

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD"], body: Data())
        }
        if request.target.path() == LiveReload.path { return await preview.events() }
        var response = preview.file(request)
        if request.method == .HEAD { response.payload = .httpBody(HTTPBodySequence()) }
        return response
    }
}

/// The build, run one at a time on a thread of its own, away from the threads that answer requests.
private final class Builder: @unchecked Sendable {
    private let build: IncrementalBuild
    private let queue = DispatchQueue(label: "dossier.preview.build")
    private let waiting = DispatchQueue(label: "dossier.preview.wait")

    init(_ build: IncrementalBuild) { self.build = build }

    func run(editedPagesWritten: @escaping @Sendable () -> Void) async -> IncrementalBuild.Outcome {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.build.run(editedPagesWritten: editedPagesWritten)) }
        }
    }

    /// Returns when the build under way, if any, is done.
    func finish() async {
        await withCheckedContinuation { continuation in queue.async { continuation.resume() } }
    }

    /// Returns when the notifier hears of a change, after `seconds`, or soon after the task is cancelled; waits on a
    /// thread of its own, as builds and scans go on.
    @discardableResult
    func waitForChange(_ notifier: ChangeNotifier, seconds: Double) async -> Bool {
        var left = seconds
        while left > 0, !Task.isCancelled {
            let slice = min(left, 0.2)
            let changed = await withCheckedContinuation { continuation in
                waiting.async { continuation.resume(returning: notifier.wait(seconds: slice)) }
            }
            if changed { return true }
            left -= slice
        }
        return false
    }

    func scan(_ watcher: ContentWatcher) async -> [String: FileStamp] {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: watcher.scan()) }
        }
    }
}

/// What the request handlers need to know about the last build, readable without waiting for a build to end.
private final class ServingState: @unchecked Sendable {
    struct Snapshot {
        /// The errors of the last build; empty when it succeeded.
        var errors: [Diagnostic]
        /// Whether a build ever succeeded.
        var hasSite: Bool
    }

    private let lock = NSLock()
    private var current = Snapshot(errors: [], hasSite: false)

    func update(errors: [Diagnostic], hasSite: Bool) {
        lock.withLock { current = Snapshot(errors: errors, hasSite: hasSite) }
    }

    func snapshot() -> Snapshot {
        lock.withLock { current }
    }
}
