import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a blocking socket, so that tests can send request targets exactly as written
/// (URL libraries clean up `..` before sending) and read an event stream as it arrives.
final class RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    private let fd: Int32

    /// Connects to 127.0.0.1 on `port`; reads give up after `timeout` seconds of silence.
    init(port: UInt16, timeout: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(fd) }

    func send(_ target: String) {
        let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { Glibc.send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// Reads what arrives until the connection closes or goes silent.
    func readAll() -> String {
        var data = Data()
        while let chunk = readChunk() { data.append(chunk) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads until `text` has arrived; false when the connection closes or goes silent first.
    func read(until text: String) -> Bool {
        var data = Data()
        while let chunk = readChunk() {
            data.append(chunk)
            if String(decoding: data, as: UTF8.self).contains(text) { return true }
        }
        return false
    }

    private func readChunk() -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? Data(buffer[0..<n]) : nil
    }

    /// Sends one request and reads the whole response.
    static func get(_ target: String, port: UInt16) throws -> Response {
        let client = try RawHTTP(port: port)
        client.send(target)
        return parse(client.readAll())
    }

    static func parse(_ raw: String) -> Response {
        guard let split = raw.range(of: "\r\n\r\n") else { return Response(status: 0, headers: [:], body: raw) }
        let lines = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(raw[split.upperBound...]))
    }
}

/// Runs blocking work on a thread outside Swift's cooperative pool, which the server in the same process needs.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

/// Polls `condition` until it holds or `timeout` seconds pass.
func eventually(timeout: Double = 15, _ condition: @escaping @Sendable () throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try await blocking(condition) { return true }
        try await Task.sleep(nanoseconds: 20_000_000)
    }
    return false
}
