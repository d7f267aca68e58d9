/* test-store-phrases.c: the service phrases and forbidden phrases every seat shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "rexian-store-phrases.h"
#include "store-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  RexianStore *seat_a;
  RexianStore *seat_b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);
  fixture->seat_a = rexian_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->seat_b = rexian_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->seat_a);
  g_clear_object (&fixture->seat_b);
  test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) phrases = rexian_store_dup_phrases (fixture->seat_a, &error);
  g_auto(GStrv) forbidden = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (phrases), ==, REXIAN_N_PHRASE_MOMENTS);
  for (int i = 0; i < REXIAN_N_PHRASE_MOMENTS; i++)
    {
      g_assert_cmpstr (phrases[i], ==, rexian_phrase_get_default (i));
      g_assert_false (rexian_store_phrase_is_custom (fixture->seat_a, i));
    }

  /* A new database holds the standard's forbidden phrases as rows, not only as a
   * fallback, so a report or another tool reading the table sees them. */
  forbidden = rexian_store_dup_forbidden_phrases (fixture->seat_b, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) forbidden, "不清楚"));
  g_assert_true (g_strv_contains ((const char * const *) forbidden, "应该是"));
  g_assert_true (g_strv_contains ((const char * const *) forbidden, "我觉得"));

  stmt = rexian_store_prepare (fixture->seat_a, rexian_store_get_db (fixture->seat_a),
                               "SELECT count(*) FROM forbidden_phrases", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==,
                   g_strv_length ((char **) rexian_phrases_get_default_forbidden ()));
}

static void
test_set_phrase_shared (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *greeting = "您好，晋城12345热线，{agent_no}号为您服务。";
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *after_reset = NULL;
  g_autofree char *filled = NULL;

  g_assert_true (rexian_store_set_phrase (fixture->seat_a, REXIAN_PHRASE_GREETING,
                                          greeting, &error));
  g_assert_no_error (error);

  /* The other seat reads the new wording at once. */
  seen = rexian_store_dup_phrase (fixture->seat_b, REXIAN_PHRASE_GREETING, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen, ==, greeting);
  g_assert_true (rexian_store_phrase_is_custom (fixture->seat_b, REXIAN_PHRASE_GREETING));
  filled = rexian_phrase_fill (seen, "2031", NULL);
  g_assert_cmpstr (filled, ==, "您好，晋城12345热线，2031号为您服务。");

  /* Other moments keep the standard's wording. */
  g_clear_pointer (&seen, g_free);
  seen = rexian_store_dup_phrase (fixture->seat_b, REXIAN_PHRASE_CLOSING, &error);
  g_assert_cmpstr (seen, ==, rexian_phrase_get_default (REXIAN_PHRASE_CLOSING));

  /* Resetting from the other seat goes back to the standard for both. */
  g_assert_true (rexian_store_set_phrase (fixture->seat_b, REXIAN_PHRASE_GREETING, NULL,
                                          &error));
  g_assert_no_error (error);
  after_reset = rexian_store_dup_phrase (fixture->seat_a, REXIAN_PHRASE_GREETING, &error);
  g_assert_cmpstr (after_reset, ==, rexian_phrase_get_default (REXIAN_PHRASE_GREETING));
  g_assert_false (rexian_store_phrase_is_custom (fixture->seat_a, REXIAN_PHRASE_GREETING));

  /* Saving the default's own text keeps no row either. */
  g_assert_true (rexian_store_set_phrase (fixture->seat_a, REXIAN_PHRASE_WAIT,
                                          rexian_phrase_get_default (REXIAN_PHRASE_WAIT),
                                          &error));
  g_assert_false (rexian_store_phrase_is_custom (fixture->seat_b, REXIAN_PHRASE_WAIT));
}

static void
test_forbidden_shared (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const edited[] = { " 不清楚 ", "研究研究", "", "研究研究", NULL };
  const char * const none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) seen = NULL;
  g_auto(GStrv) emptied = NULL;
  g_autoptr(RexianStore) reopened = NULL;

  g_assert_true (rexian_store_set_forbidden_phrases (fixture->seat_a, edited, &error));
  g_assert_no_error (error);

  seen = rexian_store_dup_forbidden_phrases (fixture->seat_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (seen), ==, 2);
  g_assert_cmpstr (seen[0], ==, "不清楚");
  g_assert_cmpstr (seen[1], ==, "研究研究");

  /* A list emptied on purpose stays empty, even after the database is opened again. */
  g_assert_true (rexian_store_set_forbidden_phrases (fixture->seat_b, none, &error));
  g_assert_no_error (error);
  reopened = rexian_store_open (fixture->path, &error);
  g_assert_no_error (error);
  emptied = rexian_store_dup_forbidden_phrases (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (emptied), ==, 0);
}

static void
test_read_only_defaults (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) old = NULL;
  g_auto(GStrv) forbidden = NULL;

  /* A database from before schema 6 has no tables for phrases: the defaults still
   * check replies and nothing is written. */
  old = rexian_store_open_at_version (path, 5, &error);
  g_assert_no_error (error);
  forbidden = rexian_store_dup_forbidden_phrases (old, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) forbidden, "我觉得"));

  g_clear_object (&old);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-phrases/defaults", Fixture, NULL,
              fixture_set_up, test_defaults, fixture_tear_down);
  g_test_add ("/store-phrases/set-phrase-shared", Fixture, NULL,
              fixture_set_up, test_set_phrase_shared, fixture_tear_down);
  g_test_add ("/store-phrases/forbidden-shared", Fixture, NULL,
              fixture_set_up, test_forbidden_shared, fixture_tear_down);
  g_test_add_func ("/store-phrases/old-schema-defaults", test_read_only_defaults);

  return g_test_run ();
}
