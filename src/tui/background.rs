//! Threads that work behind the interface: loading a big article, and finding its
//! suggestions again after the entities change. They let the interface go first, and a
//! panic on one is caught rather than printed over the screen.

/// Let the interface's thread go first when both want the processor: a key pressed while
/// the article is analysed is answered at once, and the analysis takes what is left. The
/// loading thread, and the helpers it starts, which inherit this, run at a lower priority
/// (nice 10) and in the shortest slices Linux allows (0.1 ms; 6.12 and later): without
/// those, a key pressed while every processor analysed could wait over a millisecond for
/// a slice to end.
pub(super) fn yield_to_the_interface() {
    #[cfg(target_os = "linux")]
    // SAFETY: sched_setattr reads the attributes it is given and setpriority nothing; on
    // Linux, both change the calling thread only. A failure leaves it as it was.
    unsafe {
        let attributes = libc::sched_attr {
            size: std::mem::size_of::<libc::sched_attr>() as u32,
            sched_policy: libc::SCHED_OTHER as u32,
            sched_flags: 0,
            sched_nice: 10,
            sched_priority: 0,
            sched_runtime: 100_000, // nanoseconds: the slice
            sched_deadline: 0,
            sched_period: 0,
        };
        let calling_thread = 0;
        if libc::syscall(libc::SYS_sched_setattr, calling_thread, &attributes, 0) != 0 {
            let thread = libc::gettid();
            libc::setpriority(libc::PRIO_PROCESS, thread as libc::id_t, 10);
        }
    }
}

/// Give the system back the memory the helpers freed. glibc's allocator keeps what a
/// thread frees in that thread's own arena, for it to use again; the helpers will not.
/// With two threads, the peak went from 69 to 66 MiB.
pub(super) fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the system; nothing in use moves.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Free `old` and give the memory back on a thread of its own: 130,000 suggestions take a
/// few milliseconds to free, and what they free would otherwise stay with the allocator.
pub(super) fn let_go<T: Send + 'static>(old: T) {
    std::thread::spawn(move || {
        drop(old);
        give_back_freed_memory();
    });
}

/// Run `work`, catching a panic as its message: printed on a thread behind the interface,
/// it would garble the screen.
pub(super) fn catching<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .map_err(|payload| super::crash::panic_text(&*payload))
}
