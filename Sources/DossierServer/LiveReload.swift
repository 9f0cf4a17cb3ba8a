import FlyingSocks
import Foundation

/// Tells open pages to reload, over server-sent events, and holds the script that listens for it.
actor LiveReload {
    /// The path of the event stream; no page of a site can live there (slugs have no underscores).
    static let path = "/__dossier/events"

    /// The script given to every page in serve mode, through the layout's `{{{liveReloadScript}}}`.
    static let script = """
        <script>
        (function () {
          var events = new EventSource("\(path)");
          events.addEventListener("reload", function () { location.reload(); });
        })();
        </script>
        """

    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]

    /// A new client's stream; it opens with a comment so that the client knows it is connected.
    func subscribe() -> EventStream {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        clients[id] = continuation
        continuation.yield(": connected\n\n")
        return EventStream(stream: stream, subscription: Subscription(id: id, owner: self))
    }

    func unsubscribe(_ id: UUID) {
        clients.removeValue(forKey: id)?.finish()
    }

    /// Sends `reload` to every open page.
    func reload() {
        send("event: reload\ndata: \(Date().timeIntervalSince1970)\n\n")
    }

    /// Keeps idle connections alive, and finds the closed ones (their writes fail and their streams end).
    func ping() {
        send(": ping\n\n")
    }

    /// Ends every stream, so that the server can stop.
    func closeAll() {
        for continuation in clients.values { continuation.finish() }
        clients = [:]
    }

    private func send(_ text: String) {
        for (id, continuation) in clients {
            if case .terminated = continuation.yield(text) { clients[id] = nil }
        }
    }

    /// Removes its client when the response that streams to it is done with.
    final class Subscription: Sendable {
        let id: UUID
        let owner: LiveReload

        init(id: UUID, owner: LiveReload) {
            self.id = id
            self.owner = owner
        }

        deinit {
            let id = self.id, owner = self.owner
            Task { await owner.unsubscribe(id) }
        }
    }
}

/// One client's events as the bytes of an HTTP body.
struct EventStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let stream: AsyncStream<String>
    let subscription: LiveReload.Subscription

    func makeAsyncIterator() -> Iterator {
        Iterator(events: stream.makeAsyncIterator(), subscription: subscription)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<String>.Iterator
        let subscription: LiveReload.Subscription
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = Array(event.utf8)
            }
            return pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = Array(event.utf8)
            }
            defer { pending = [] }
            return pending
        }
    }
}
