/// The request side of a connection: head, screening, body, responder, response.
extension Connection {
    /// Parses as far as the buffered input allows.
    func processInbound() {
        var progressed = true
        while progressed {
            switch state {
            case .readingHead: progressed = parseHead()
            case .readingBody: progressed = readBody()
            default: progressed = false
            }
        }
    }

    private func parseHead() -> Bool {
        guard inboundStart < inbound.count else { return false }
        let isTLS = tls != nil
        let outcome = inbound.withUnsafeBufferPointer { all in
            parser.parse(UnsafeBufferPointer(rebasing: all[inboundStart...]), remoteAddress: remote, isTLS: isTLS)
        }
        let startsHere = requestStartedAt == 0 && parser.hasStarted
        if startsHere { requestStartedAt = loop.now }
        switch outcome {
        case .needMore:
            if startsHere { deadline = loop.now + timeouts.header.nanoseconds }
            return false
        case .failed(let error):
            refuse(error, head: nil)
            return false
        case .head(let parsed, let consumed):
            inboundStart += consumed
            parser.reset()
            startRequest(parsed)
            return true
        }
    }

    private func startRequest(_ parsed: HTTPRequestParser.ParsedHead) {
        current = parsed
        let head = parsed.head
        switch loop.context.responder.screen(head) {
        case .respond(let response):
            writeResponse(response, forceClose: head.hasBody)
        case .proceed(let maxBodyBytes):
            let limits = loop.context.configuration.limits
            let limit = min(maxBodyBytes, limits.maxBodyBytes)
            if let length = head.contentLength, length > limit {
                refuse(.bodyTooLarge, head: head)
                return
            }
            guard head.hasBody else {
                dispatch()
                return
            }
            if head.isChunked {
                framing = .chunked(ChunkedBodyDecoder(maxBodyBytes: limit, limits: limits))
            } else {
                framing = .length(remaining: head.contentLength ?? 0)
                // Reserve only what a slow client cannot use to pin memory before sending anything.
                body.reserveCapacity(min(head.contentLength ?? 0, 65536))
            }
            state = .readingBody
            deadline = loop.now + timeouts.body.nanoseconds
            if parsed.expectsContinue, inboundStart == inbound.count {
                outbound.append(contentsOf: ResponseSerializer.continueLine)
                flush()
            }
        }
    }

    private func readBody() -> Bool {
        switch framing {
        case .length(let remaining):
            let take = min(remaining, inbound.count - inboundStart)
            if take > 0 {
                body.append(contentsOf: inbound[inboundStart..<(inboundStart + take)])
                inboundStart += take
            }
            framing = .length(remaining: remaining - take)
            guard remaining == take else { return false }
        case .chunked(var decoder):
            // Dropping the enum's copy first keeps the decoder's buffers uniquely referenced.
            framing = .length(remaining: 0)
            let start = inboundStart
            let progress: ChunkedBodyDecoder.Progress
            do {
                progress = try inbound.withUnsafeBufferPointer { (all) throws(HTTPRequestError) in
                    try decoder.decode(UnsafeBufferPointer(rebasing: all[start...]), into: &body)
                }
            } catch {
                refuse(error, head: current?.head)
                return false
            }
            framing = .chunked(decoder)
            switch progress {
            case .needMore(let consumed):
                inboundStart += consumed
                return false
            case .done(let consumed):
                inboundStart += consumed
            }
        }
        dispatch()
        return true
    }

    /// Hands the complete request to a task on this loop's executor; the answer comes back through the loop.
    private func dispatch() {
        guard let parsed = current else { preconditionFailure("dispatch without a request") }
        state = .awaitingResponder
        deadline = 0
        let request = HTTPRequest(head: parsed.head, body: body)
        body = []
        compactInbound()
        let loop = self.loop
        let token = self.token
        let responder = loop.context.responder
        Task(executorPreference: loop) {
            let response = await responder.respond(to: request)
            loop.execute { loop.deliver(response, to: token) }
        }
    }

    private func compactInbound() {
        if inboundStart == inbound.count {
            inbound.removeAll(keepingCapacity: inbound.capacity <= 65536)
        } else if inboundStart > 0 {
            inbound.removeSubrange(0..<inboundStart)
        }
        inboundStart = 0
    }

    /// The responder's answer to the request this connection is waiting on.
    func responderFinished(_ response: HTTPResponse) {
        guard state == .awaitingResponder else { return }
        writeResponse(response, forceClose: false)
    }

    /// Answers a refused request through the responder, then closes.
    func refuse(_ error: HTTPRequestError, head: HTTPRequestHead?) {
        if head == nil { current = nil }
        compactInbound()
        let started = requestStartedAt == 0 ? nil : MonotonicClock.instant(of: requestStartedAt)
        let info = HTTPConnectionInfo(remoteAddress: remote, isTLS: session != nil, requestStarted: started)
        writeResponse(loop.context.responder.reject(error, head: head, connection: info), forceClose: true)
    }

    private func writeResponse(_ response: HTTPResponse, forceClose: Bool) {
        if response.dropsConnection {
            close()
            return
        }
        let keepAlive =
            !forceClose && !response.closesConnection && (current?.keepAlive ?? false)
            && !loop.isDraining
        let persistence: ResponseSerializer.Persistence =
            if !keepAlive {
                .close
            } else {
                current?.head.minorVersion == 0 ? .keepAliveExplicit : .keepAlive
            }
        closeAfterWrite = !keepAlive
        ResponseSerializer.serialize(
            response,
            isHead: current?.head.method == "HEAD",
            persistence: persistence,
            date: loop.date.bytes(),
            into: &outbound
        )
        state = .writing
        deadline = loop.now + timeouts.idle.nanoseconds
        flush()
    }

    /// After a full response: close, or wait for the next request.
    func responseWritten() {
        if closeAfterWrite {
            beginClosing()
            return
        }
        state = .readingHead
        current = nil
        requestStartedAt = 0
        deadline = loop.now + timeouts.idle.nanoseconds
        loop.scheduleResume(self)
    }
}
