/// The server's one listening socket, watched by the accepting loop.
///
/// It is bound once and without `SO_REUSEPORT`, so a second server on the same port fails with
/// "address already in use" instead of silently taking a share of the connections. The socket
/// closes when the accepting loop lets go of it (at drain or stop).
final class Listener: Sendable {
    /// The non-blocking listening descriptor.
    let fd: Int32
    /// The bound port (the system's pick when port 0 was asked for).
    let port: Int

    init(host: String, port: Int) throws(HTTPServerError) {
        (fd, self.port) = try LinuxSystem.listen(host: host, port: port)
    }

    deinit {
        LinuxSystem.closeSocket(fd)
    }
}
