/* bench-util.h: what every benchmark measures with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* Milliseconds since @start (g_get_monotonic_time ()). */
static inline double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A field of /proc/self/status in KiB ("VmRSS:", "VmHWM:"), or -1. */
static inline long
status_kib (const char *field)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field))
      return strtol (lines[i] + strlen (field) + 1, NULL, 10);

  return -1;
}
