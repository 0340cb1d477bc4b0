#ifndef SCRIPTORIUM_PATH_EXCHANGE_H
#define SCRIPTORIUM_PATH_EXCHANGE_H

/// Atomically swaps two existing paths (Linux renameat2 with RENAME_EXCHANGE), so a finished build replaces
/// the previous output in one step. Returns 0 on success, or -1 with errno set (EINVAL or ENOSYS where the
/// file system or kernel cannot exchange; the caller then falls back to two renames).
int scriptorium_exchange_paths(const char *from, const char *to);

/// Flushes every written file of the file system holding `path` to stable storage (Linux syncfs): one call
/// before the swap instead of an fsync per file, so the output that appears is complete even after a power
/// cut. Returns 0 on success, or -1 with errno set.
int scriptorium_sync_filesystem(const char *path);

#endif
