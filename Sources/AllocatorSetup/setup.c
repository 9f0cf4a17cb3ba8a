// mimalloc's options for the executables, set before anything allocates: see Package.swift's fastAllocator.
#if defined(__linux__)
#include <mimalloc.h>

static void dossier_allocator_setup(void) {
    // Every segment committed when it is made, so that every one can be given 2 MiB pages; by default each
    // thread's first segment is committed piece by piece, in 4 KiB pages.
    mi_option_set(mi_option_eager_commit_delay, 0);
    mi_option_enable(mi_option_large_os_pages);
}

// Functions in `.preinit_array` run before any library's initialiser, and so before the first allocation: options
// set later, in `main`, left the memory taken by then (a third of a 10,000-brief build's heap) in 4 KiB pages.
__attribute__((section(".preinit_array"), used))
static void (*const dossier_preinit)(void) = dossier_allocator_setup;
#endif
