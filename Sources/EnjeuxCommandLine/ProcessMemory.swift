#if os(Linux)
    import CMalloc
#endif

/// glibc's allocator, tuned for stages that build large structures on several threads and
/// then free them: by default each thread allocates from an arena of its own, and memory
/// freed in one is not reused by the others nor given back, so the peak resident size grows
/// with every phase. These calls do nothing on other systems.
package enum ProcessMemory {
    /// Makes every thread allocate from one arena (call once, before any thread starts).
    package static func useOneArena() {
        #if os(Linux)
            _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }

    /// Gives the memory freed so far back to the system.
    package static func releaseFreedMemory() {
        #if os(Linux)
            _ = malloc_trim(0)
        #endif
    }
}
