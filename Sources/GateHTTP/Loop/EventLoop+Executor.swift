/// Responder tasks prefer their connection's loop as executor: a quick answer is then produced and
/// written on the loop thread, with no hop to the global pool and back (two thread wake-ups a request).
extension EventLoop: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // A task that outlives the loop (a responder still awaiting at shutdown) finishes on the pool.
        if !submit(.job(job)) { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
    }
}
