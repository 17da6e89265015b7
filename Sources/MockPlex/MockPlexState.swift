/// The mutable side of a simulated Plex server: tokens, running tasks, faults, the request log.
actor MockPlexState {
    var validToken: String
    var running: Set<String>
    var knownTasks: [String]
    var faults: [String: MockPlexFault] = [:]
    var allRequestsFault: MockPlexFault?
    var received: [MockPlexRequest] = []
    var isStopping = false

    init(validToken: String, knownTasks: [String], running: Set<String>) {
        self.validToken = validToken
        self.knownTasks = knownTasks
        self.running = running
    }

    func record(_ request: MockPlexRequest) {
        received.append(request)
    }

    func fault(for task: String?) -> MockPlexFault? {
        task.flatMap { faults[$0] } ?? allRequestsFault
    }

    /// Stops `task` if it runs; true when it did.
    func stop(_ task: String) -> Bool {
        running.remove(task) != nil
    }

    /// Starts `task`; false when it already ran.
    func start(_ task: String) -> Bool {
        running.insert(task).inserted
    }

    func stopAll() {
        running.removeAll()
    }

    func setToken(_ token: String) { validToken = token }
    func setRunning(_ tasks: Set<String>) { running = tasks }
    func setFault(_ fault: MockPlexFault?, task: String?) {
        if let task {
            faults[task] = fault
        } else {
            allRequestsFault = fault
        }
    }
    func clearLog() { received.removeAll() }
    func markStopping() { isStopping = true }
}
