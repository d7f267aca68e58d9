/* bench-supervision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rexian-store-supervision.h"
#include "bench-util.h"

/* How long the automatic supervision pass takes on a large shared database: the first
 * pass over a backlog (every order of the five cases gets its records), then the pass
 * every seat runs each minute when nothing new is due, and the Supervised list.
 * Prints figures; asserts nothing.
 *
 *   bench-supervision [ORDERS]   (100,000 by default) */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(GPtrArray) supervised = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rexian-bench-supervision-XXXXXX", &error);
  g_autofree char *path = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  RexianSupervisionPolicy policy;
  guint count = 0;
  gint64 start;

  g_assert_no_error (error);
  path = g_build_filename (dir, "rexian.db", NULL);
  store = rexian_store_open (path, &error);
  g_assert_no_error (error);
  if (!rexian_store_fill_generated (store, n, now, &error))
    g_error ("Could not generate the orders: %s", error->message);

  rexian_supervision_policy_init_default (&policy);
  policy.responsible = "督查室";

  start = g_get_monotonic_time ();
  if (!rexian_store_supervise_causes (store, &policy, now, &count, &error))
    g_error ("The first pass failed: %s", error->message);
  g_print ("%-44s %9.1f ms  (%u records on %u orders)\n", "first pass (backlog)",
           ms_since (start), count, n);

  for (guint i = 0; i < 3; i++)
    {
      start = g_get_monotonic_time ();
      if (!rexian_store_supervise_causes (store, &policy, now + 60 * (i + 1), &count, &error))
        g_error ("A later pass failed: %s", error->message);
      g_print ("%-44s %9.1f ms  (%u new records)\n", "a minute later, nothing new",
               ms_since (start), count);
    }

  start = g_get_monotonic_time ();
  supervised = rexian_store_list_supervised_orders (store, &error);
  g_assert_no_error (error);
  g_print ("%-44s %9.1f ms  (%u orders)\n", "the Supervised list", ms_since (start),
           supervised->len);

  g_clear_object (&store);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
  return 0;
}
