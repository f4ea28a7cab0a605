/* kill-shim.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An LD_PRELOAD library for the crash tests: it SIGKILLs the process right
 * after the I/O step named in AXW_KILL_AT, so the program under test needs
 * no hook of its own.
 *
 *   write:DIR      after the first write(2) to a file inside DIR
 *   pwrite:PATH    after the first pwrite(2) to a file whose path starts with
 *                  PATH (SQLite's writes: pwrite:DB-wal is the first commit)
 *   rename:PREFIX  after the first rename(2) whose target's base name starts with PREFIX
 *   rename:PREFIX#N  the same, after the N-th such rename (N from 1)
 */
#define _GNU_SOURCE
/* pwrite and pwrite64 are both hooked: neither may be renamed to the other */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum { KILL_NONE, KILL_WRITE, KILL_PWRITE, KILL_RENAME } KillKind;

static KillKind kind = KILL_NONE;
static char arg[PATH_MAX];
static long remaining = 1;

__attribute__((constructor)) static void
kill_shim_init (void)
{
  const char *at = getenv ("AXW_KILL_AT");
  char *hash;

  if (at == NULL)
    return;
  if (strncmp (at, "write:", 6) == 0)
    kind = KILL_WRITE;
  else if (strncmp (at, "pwrite:", 7) == 0)
    kind = KILL_PWRITE;
  else if (strncmp (at, "rename:", 7) == 0)
    kind = KILL_RENAME;
  else
    {
      fprintf (stderr, "kill-shim: AXW_KILL_AT=%s is neither write:DIR nor rename:PREFIX\n", at);
      abort ();
    }
  snprintf (arg, sizeof arg, "%s", strchr (at, ':') + 1);
  hash = strrchr (arg, '#');
  if (kind == KILL_RENAME && hash != NULL)
    {
      *hash = '\0';
      remaining = strtol (hash + 1, NULL, 10);
    }
}

static int
fd_is_inside (int         fd,
              const char *dir)
{
  char proc[64];
  char target[PATH_MAX];
  size_t len = strlen (dir);
  ssize_t n;

  snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  n = readlink (proc, target, sizeof target - 1);
  if (n < 0)
    return 0;
  target[n] = '\0';
  return strncmp (target, dir, len) == 0 && target[len] == '/';
}

static int
fd_path_starts (int         fd,
                const char *prefix)
{
  char proc[64];
  char target[PATH_MAX];
  ssize_t n;

  snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  n = readlink (proc, target, sizeof target - 1);
  if (n < 0)
    return 0;
  target[n] = '\0';
  return strncmp (target, prefix, strlen (prefix)) == 0;
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static ssize_t (*real_write) (int, const void *, size_t);
  ssize_t n;

  if (real_write == NULL)
    real_write = (ssize_t (*) (int, const void *, size_t)) dlsym (RTLD_NEXT, "write");
  n = real_write (fd, buf, count);
  if (kind == KILL_WRITE && n > 0 && fd_is_inside (fd, arg))
    raise (SIGKILL);
  return n;
}

static ssize_t
kill_after_pwrite (const char *name,
                   int         fd,
                   const void *buf,
                   size_t      count,
                   off_t       offset)
{
  ssize_t (*real_pwrite) (int, const void *, size_t, off_t);
  ssize_t n;

  real_pwrite = (ssize_t (*) (int, const void *, size_t, off_t)) dlsym (RTLD_NEXT, name);
  n = real_pwrite (fd, buf, count, offset);
  if (kind == KILL_PWRITE && n > 0 && fd_path_starts (fd, arg))
    raise (SIGKILL);
  return n;
}

ssize_t
pwrite (int         fd,
        const void *buf,
        size_t      count,
        off_t       offset)
{
  return kill_after_pwrite ("pwrite", fd, buf, count, offset);
}

ssize_t
pwrite64 (int         fd,
          const void *buf,
          size_t      count,
          off_t       offset)
{
  return kill_after_pwrite ("pwrite64", fd, buf, count, offset);
}

int
rename (const char *from,
        const char *to)
{
  static int (*real_rename) (const char *, const char *);
  const char *base = strrchr (to, '/');
  int rc;

  if (real_rename == NULL)
    real_rename = (int (*) (const char *, const char *)) dlsym (RTLD_NEXT, "rename");
  rc = real_rename (from, to);
  base = base != NULL ? base + 1 : to;
  if (kind == KILL_RENAME && rc == 0 && strncmp (base, arg, strlen (arg)) == 0 && --remaining == 0)
    raise (SIGKILL);
  return rc;
}
