import Foundation

/// How the process ends on SIGINT, SIGTERM, SIGHUP and SIGQUIT: cleanly, whatever it was doing.
///
/// Left to their default actions these signals kill the process wherever it is (the next build then removes the
/// staging folder it left); SIGQUIT is worse, since the Swift runtime's crash reporter catches it, prints a
/// "crash" with registers and may let the build run on or deadlock. Instead, `install()` blocks the four signals
/// in every thread and waits for them on a thread of its own, which, when one arrives, removes the staging
/// folders of builds that are not yet in place, says so on stderr, and ends the process with the signal's
/// usual status (128 + the signal number). A build's swap into place runs under `uninterruptible`, so a signal
/// never lands half-way through it: the previous output or the new one is there, never neither.
public enum Interruption {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: [String] = []
    nonisolated(unsafe) private static var installed = false

    /// Blocks the signals in this thread and every thread it starts from now on (call it first, from the main
    /// thread, before any other thread exists), and starts the thread that waits for them.
    public static func install() {
        lock.withLock {
            guard !installed else { return }
            installed = true
            var set = signalSet()
            pthread_sigmask(SIG_BLOCK, &set, nil)
            let waiter = Thread {
                while true {
                    var set = signalSet()
                    var received: Int32 = 0
                    if sigwait(&set, &received) == 0 { end(by: received) }
                }
            }
            waiter.name = "scriptorium-signals"
            waiter.start()
        }
    }

    /// Registers a folder to remove if the process is ended by a signal before `release(path)`.
    static func protect(_ path: String) {
        lock.withLock { pending.append(path) }
    }

    static func release(_ path: String) {
        lock.withLock { pending.removeAll { $0 == path } }
    }

    /// Runs `body` with signals held off until it returns (the swap of a finished build into place).
    static func uninterruptible<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Removes what a build had not yet put in place, then ends the process as the signal would have.
    private static func end(by signal: Int32) -> Never {
        lock.lock() // never released: the process ends here, and no swap may start after this
        for path in pending { removeWhileWritten(path) }
        let name = String(cString: strsignal(signal))
        let kept = pending.isEmpty ? "" : "; the unfinished build was removed and the previous output left as it was"
        FileHandle.standardError.write(Data("scriptorium: stopped by a signal (\(name))\(kept)\n".utf8))
        if signal != SIGQUIT {
            // The default action, so that a shell or make sees the process as ended by this signal.
            Foundation.signal(signal, SIG_DFL)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, signal)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(signal)
        }
        // SIGQUIT's default action would also dump core; the status says the same without one.
        _exit(128 + signal)
    }

    /// Removes a folder that worker threads may still be writing into: a removal that races with a new file
    /// fails or leaves it behind, so it is repeated until the folder is gone (a leftover after that is a
    /// folder of a dead process, which the next build removes).
    private static func removeWhileWritten(_ path: String) {
        for _ in 0..<100 {
            try? FileManager.default.removeItem(atPath: path)
            if access(path, F_OK) != 0 { return }
            usleep(1_000)
        }
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        return set
    }
}
