#ifndef SCRIPTORIUM_MALLOC_ARENAS_H
#define SCRIPTORIUM_MALLOC_ARENAS_H

/// Limits glibc's malloc to `count` arenas (mallopt M_ARENA_MAX). Each extra arena reserves 64 MiB of address
/// space for the thread that first uses it; under a virtual-memory limit (ulimit -v) a handful of threads
/// would exhaust the limit with reservations they never use. Returns 1 on success, 0 where there is no such
/// setting (another C library).
int scriptorium_limit_malloc_arenas(int count);

#endif
