/* bench-knowledge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "rexian-store-knowledge-private.h"

/* How fast the knowledge base answers as the agent types: generated Chinese articles
 * (300 to 800 characters each), then queries of one, two, three and four or more
 * characters, each class timed as median and 95th percentile over many runs, with the
 * number of results.  The "rare" and "absent" classes are the worst case of the
 * short-query scan: few or no rows match, so every row is read.  Prints figures; asserts
 * nothing.
 *
 *   bench-knowledge [ARTICLES [DATABASE]]   (100,000 by default)
 *
 * One- and two-character searches go through the short-term index of migration 7
 * (REXIAN_STORE_KNOWLEDGE_SHORT_INDEX_SQL) once a scan of the articles has not found
 * enough within its budget.
 *
 * With DATABASE the file is kept, and filled only when it does not exist yet, so that
 * several runs search the same data. */

#define RUNS 15

typedef struct
{
  const char        *label;
  const char *const *queries;
} QueryClass;

static const char *const one_common[] = { "办", "保", "税", "证", "费", NULL };
static const char *const one_absent[] = { "鬼", "雪", "凤", NULL };
static const char *const one_rare[] = { "沁", "港", NULL };
static const char *const two_common[] = { "社保", "医保", "户籍", "提取", "窗口", NULL };
static const char *const two_absent[] = { "龙舟", "雪花", "火锅", NULL };
static const char *const two_rare[] = { "沁水", "龙港", NULL };
static const char *const three[] = { "公积金", "身份证", "居住证", "契税缴", "龙舟赛", NULL };
static const char *const four[] = {
  "公积金提取", "住房公积金", "异地就医备案", "最低生活保障申请", "营业执照办理须知", NULL,
};
static const char *const mixed[] = { "公积金 提取", "社保 转移接续", "税 个人所得", NULL };
static const char *const empty[] = { "", NULL };

static const QueryClass classes[] = {
  { "1 character, common", one_common },
  { "1 character, rare (1 in 1,000)", one_rare },
  { "1 character, absent", one_absent },
  { "2 characters, common", two_common },
  { "2 characters, rare (1 in 1,000)", two_rare },
  { "2 characters, absent", two_absent },
  { "3 characters (trigram index)", three },
  { "4+ characters (trigram index)", four },
  { "several terms", mixed },
  { "empty query (recently updated)", empty },
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
file_mib (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size / 1048576.0 : 0;
}

static void
measure_class (RexianStore      *store,
               const QueryClass *class)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint queries = 0;
  guint results = 0;
  double median;
  double p95;

  for (guint q = 0; class->queries[q] != NULL; q++, queries++)
    {
      for (guint run = 0; run < RUNS; run++)
        {
          g_autoptr(GPtrArray) found = NULL;
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();
          double ms;

          found = rexian_store_search_articles (store, class->queries[q], 0, 0, 0, 0, 0,
                                                &error);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          if (found == NULL)
            g_error ("“%s”: %s", class->queries[q], error->message);

          g_array_append_val (times, ms);
          if (run == 0)
            results += found->len;
        }
    }

  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, MIN (times->len - 1, times->len * 95 / 100));

  g_print ("%-36s median %7.1f ms  p95 %7.1f ms  (%u queries × %d, %.1f results each)\n",
           class->label, median, p95, queries, RUNS, (double) results / queries);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  guint n = 100000;
  gboolean keep = FALSE;
  gboolean fill = TRUE;
  struct rusage usage;
  gint64 start;

  setlocale (LC_ALL, "");
  if (argc > 1)
    n = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  if (argc > 2)
    {
      path = g_strdup (argv[2]);
      keep = TRUE;
      fill = !g_file_test (path, G_FILE_TEST_EXISTS);
    }
  else
    {
      dir = g_dir_make_tmp ("rexian-bench-knowledge-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "rexian.db", NULL);
    }

  store = rexian_store_open (path, &error);
  g_assert_no_error (error);
  rexian_store_set_poll_interval (store, 0);

  start = g_get_monotonic_time ();
  if (fill && !rexian_store_fill_generated_articles (store, n, 0, &error))
    g_error ("%s", error->message);
  if (fill)
    g_print ("knowledge base: %u generated articles in %.1f s, %.1f MiB on disk\n", n,
             (g_get_monotonic_time () - start) / 1e6, file_mib (path));

  g_print ("with the short-term index:\n");
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    measure_class (store, &classes[i]);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%-36s %7.1f MiB\n", "peak memory (RSS)", usage.ru_maxrss / 1024.0);

  g_clear_object (&store);
  if (keep)
    return 0;

  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
