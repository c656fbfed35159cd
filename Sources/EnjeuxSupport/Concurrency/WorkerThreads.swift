#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a body on several threads at once: the caller's and new ones, joined before returning.
///
/// `DispatchQueue.concurrentPerform` divides its width by the width of any `concurrentPerform`
/// it is nested in: a document split over every core from inside a map over documents ran on
/// one thread. Threads of our own have no such limit; the kernel shares the cores between
/// them when nested maps ask for more threads than there are cores.
public enum WorkerThreads {
    /// Calls `body(worker)` for `worker` in `0..<count`, each on its own thread (0 on the
    /// caller's), and returns once every call has. A thread that cannot be started runs its
    /// share on the caller's thread.
    static func run(count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            let started = (1..<count).map { worker in start { escapable(worker) } }
            escapable(0)
            // Joined before `escapable` goes out of scope: no thread outlives the call.
            for thread in started { thread.join() }
        }
    }

    /// Work started on a thread of its own by `start(_:)`; to be joined once.
    public struct Started: Sendable {
        fileprivate let thread: pthread_t?

        /// Waits until the work is done (once).
        public func join() {
            if let thread { pthread_join(thread, nil) }
        }
    }

    /// Starts `work` on a new thread and returns at once; `join()` waits for it. When no
    /// thread can be started, the work is done before this returns.
    public static func start(_ work: @escaping @Sendable () -> Void) -> Started {
        let job = Unmanaged.passRetained(Job(work))
        var thread = pthread_t()
        guard pthread_create(&thread, nil, runJob, job.toOpaque()) == 0 else {
            job.release()
            work()
            return Started(thread: nil)
        }
        return Started(thread: thread)
    }

    /// The work handed to one thread.
    private final class Job: @unchecked Sendable {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    private static let runJob: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { raw in
        if let raw { Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().work() }
        return nil
    }
}
