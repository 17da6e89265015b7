/// Accepting on the listener and handing connections round-robin to the loops with room.
extension EventLoop {
    private static let acceptBurst = 64
    private static let listenerPauseNanoseconds: UInt64 = 100_000_000

    /// Accepts what is pending, up to a burst, while some loop has room.
    func acceptConnections() {
        guard let listener else { return }
        for _ in 0..<Self.acceptBurst where listenerPausedUntil == 0 {
            guard let turn = nextTurnWithRoom() else {
                pauseListener(until: .max)
                return
            }
            switch LinuxSystem.accept(listener.fd) {
            case .connection(let fd, let remote):
                // Over its address's cap, a connection costs no handshake and no slot on a loop.
                guard context.addressCounts.admit(remote) else {
                    LinuxSystem.closeSocket(fd)
                    continue
                }
                nextPeer = (turn + 1) % (peers.count + 1)
                hand(fd: fd, remote: remote, to: loop(turn: turn))
            case .none:
                return
            case .exhausted:
                pauseListener(until: now + Self.listenerPauseNanoseconds)
                return
            }
        }
    }

    /// The turn of the next loop below its share of the connection cap; only this loop adds to the
    /// counts, so the room seen here cannot vanish before the hand-off.
    private func nextTurnWithRoom() -> Int? {
        for step in 0...peers.count {
            let turn = (nextPeer + step) % (peers.count + 1)
            if loop(turn: turn).openConnections.withLock({ $0 }) < connectionCap { return turn }
        }
        return nil
    }

    /// Turn 0 is this loop, then `peers` in order.
    private func loop(turn: Int) -> EventLoop {
        turn == 0 ? self : peers[turn - 1]
    }

    private func hand(fd: Int32, remote: String, to target: EventLoop) {
        target.openConnections.withLock { $0 += 1 }
        if target === self {
            adopt(fd: fd, remote: remote)
        } else if !target.execute({ target.adopt(fd: fd, remote: remote) }) {
            target.discard(fd, remote: remote)
        }
    }

    /// Takes over an accepted socket, already counted in `openConnections`; a draining loop closes it.
    private func adopt(fd: Int32, remote: String) {
        guard running, !isDraining else { return discard(fd, remote: remote) }
        var session: TLSSession?
        if context.isTLS {
            session = context.tls.withLock { $0 }?.makeSession(fd: fd)
            guard session != nil else { return discard(fd, remote: remote) }
        }
        nextToken += 1
        guard epoll.add(fd, token: nextToken, edgeTriggered: true, writable: true) else {
            return discard(fd, remote: remote)
        }
        connections[nextToken] = Connection(fd: fd, token: nextToken, remote: remote, tls: session, loop: self)
    }

    private func discard(_ fd: Int32, remote: String) {
        openConnections.withLock { $0 -= 1 }
        context.addressCounts.release(remote)
        LinuxSystem.closeSocket(fd)
    }

    /// Full or out of descriptors, a level-triggered listener would wake the loop in a tight circle:
    /// rest it until `deadline` (`.max`: until some loop has room).
    private func pauseListener(until deadline: UInt64) {
        guard let listener else { return }
        epoll.remove(listener.fd)
        listenerPausedUntil = deadline
    }

    /// Puts a paused listener back once its reason has passed.
    func resumeListenerIfDue() {
        guard listenerPausedUntil != 0, let listener else { return }
        let due = listenerPausedUntil == .max ? nextTurnWithRoom() != nil : now >= listenerPausedUntil
        guard due else { return }
        listenerPausedUntil = 0
        epoll.add(listener.fd, token: Self.listenerToken, edgeTriggered: false, writable: false)
    }

    /// Stops accepting for good; the socket closes as the listener is released.
    func closeListener() {
        guard let listener else { return }
        if listenerPausedUntil == 0 { epoll.remove(listener.fd) }
        listenerPausedUntil = 0
        self.listener = nil
    }
}
