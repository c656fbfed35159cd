#ifndef ENJEUX_CSPAWN_SHIM_H
#define ENJEUX_CSPAWN_SHIM_H
// posix_spawn's "close every descriptor from n on" file action (glibc 2.34 and later), which
// Swift's Glibc module leaves out. Declared weak: on an older C library the action is skipped.
#if defined(__linux__)
#include <spawn.h>
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *, int) __attribute__((weak));

/// Adds the action to `actions`; returns 0, or an error number, or -1 when the C library has none.
static inline int enjeux_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest) {
    if (posix_spawn_file_actions_addclosefrom_np == 0) return -1;
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
}
#endif
#endif
