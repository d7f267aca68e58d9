/* test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static guint
count_all (RexianStore *store)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GError) error = NULL;
  guint count = rexian_store_count_orders (store, query, test_now (), &error);

  g_assert_no_error (error);
  return count;
}

static guint
count_text (RexianStore *store,
            const char  *text)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GError) error = NULL;
  guint count;

  query->text = g_strdup (text);
  count = rexian_store_count_orders (store, query, test_now (), &error);
  g_assert_no_error (error);

  return count;
}

/* Opening and migrations */

static void
test_open_new (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autofree char *mode = NULL;

  g_assert_cmpint (rexian_store_get_schema_version (store), ==, REXIAN_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (rexian_store_get_path (store), ==, fixture->path);
  g_assert_false (rexian_store_is_read_only (store));
  g_assert_nonnull (rexian_store_get_calendar (store));
  g_assert_cmpint (test_query_int (fixture->path, "PRAGMA user_version"), ==,
                   REXIAN_STORE_SCHEMA_VERSION);

  mode = query_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (count_all (store), ==, 0);
  g_assert_true (rexian_store_check_integrity (store, NULL));
}

static void
test_migrations (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  gint64 now = test_now ();
  gint64 department;

  /* Version 1: the base tables only.  Orders written then must survive and become
   * searchable when the later migrations add the index. */
  {
    g_autoptr(RexianStore) store = rexian_store_open_at_version (fixture->path, 1, &error);
    g_autoptr(RexianWorkOrder) first = NULL;
    g_autoptr(RexianWorkOrder) moved = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (rexian_store_get_schema_version (store), ==, 1);
    g_assert_cmpint (test_query_int (fixture->path,
                                     "SELECT count(*) FROM sqlite_master "
                                     "WHERE name = 'order_search'"), ==, 0);

    department = rexian_store_add_department (store, "市住房和城乡建设局", "王建华",
                                              "0356-2021234", &error);
    g_assert_no_error (error);

    first = test_create (store, "小区楼道灯损坏两周无人维修", "13835601234", now);
    g_object_unref (test_create (store, "公交12路末班车提前收车", "13935605678", now));

    moved = rexian_store_apply (store, rexian_work_order_get_id (first), REXIAN_ACTION_SUBMIT,
                                input, 0, now + 60, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rexian_work_order_get_state (moved), ==, REXIAN_STATE_PENDING_DISPATCH);
  }

  /* Version 2: search exists; rows from version 1 were indexed by the backfill. */
  {
    g_autoptr(RexianStore) store = rexian_store_open_at_version (fixture->path, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpint (rexian_store_get_schema_version (store), ==, 2);
    g_assert_cmpint (test_query_int (fixture->path,
                                     "SELECT count(*) FROM order_search "
                                     "WHERE order_search MATCH '\"楼道灯\"'"), ==, 1);
    g_object_unref (test_create (store, "村东砖厂夜间烧窑黑烟扰民", "15835607890", now));
  }

  /* The current version: everything kept, the board indexes in place. */
  {
    g_autoptr(RexianStore) store = test_open (fixture->path);
    g_autoptr(GPtrArray) events = NULL;
    g_autoptr(RexianWorkOrder) order = NULL;

    g_assert_cmpint (rexian_store_get_schema_version (store), ==, REXIAN_STORE_SCHEMA_VERSION);
    g_assert_cmpint (test_query_int (fixture->path, "PRAGMA user_version"), ==,
                     REXIAN_STORE_SCHEMA_VERSION);
    g_assert_cmpint (test_query_int (fixture->path,
                                     "SELECT count(*) FROM sqlite_master "
                                     "WHERE name = 'work_orders_board'"), ==, 1);
    g_assert_cmpint (count_all (store), ==, 3);
    g_assert_cmpint (count_text (store, "楼道灯"), ==, 1);
    g_assert_cmpint (count_text (store, "末班车"), ==, 1);
    g_assert_cmpint (count_text (store, "砖厂"), ==, 1);
    g_assert_cmpint (count_text (store, "烧窑黑烟"), ==, 1);

    order = rexian_store_get_order_by_number (store, "202606100001", &error);
    g_assert_no_error (error);
    g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_PENDING_DISPATCH);
    events = rexian_store_list_events (store, rexian_work_order_get_id (order), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (events->len, ==, 2);
    g_assert_true (rexian_store_check_integrity (store, NULL));
    g_assert_cmpint (department, >, 0);
  }
}

/* Errors a user can meet */

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  gsize before_length;
  gsize after_length;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 9",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));

  store = rexian_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_TOO_NEW);
  expected = g_strdup_printf ("This database was written by a newer version of Rexian "
                              "(schema 9; this one knows %d). Update Rexian to open it.",
                              REXIAN_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (error->message, ==, expected);

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autofree char *after = NULL;
  gsize after_length;

  /* A spreadsheet someone chose by mistake: not a database at all. */
  while (garbage->len < 16384)
    g_string_append (garbage, "工单编号,来电人,电话,诉求内容\n202606100001,张三,138,楼道灯\n");
  g_assert_true (g_file_set_contents (fixture->path, garbage->str, garbage->len, NULL));

  store = rexian_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (garbage->str, garbage->len, after, after_length);
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) reopened = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gboolean ok;

  {
    g_autoptr(RexianStore) store = test_open (fixture->path);

    for (guint i = 0; i < 40; i++)
      g_object_unref (test_create (store, "小区楼道灯损坏两周无人维修", "13835601234",
                                   test_now ()));
  }

  /* A valid header over scrambled pages, as a failing disk leaves it. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096 * 4);
  for (gsize i = 4096 * 2; i < length; i += 7)
    contents[i] = (char) (contents[i] ^ 0x5a);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  reopened = rexian_store_open (fixture->path, &error);
  if (reopened == NULL)
    {
      g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CORRUPT);
      return;
    }

  ok = rexian_store_check_integrity (reopened, &error);
  g_assert_false (ok);
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CORRUPT);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(RexianWorkOrder) draft = test_make_draft ("路灯不亮", "13603568368");
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autofree char *uri = NULL;

  {
    g_autoptr(RexianStore) writer = test_open (fixture->path);

    g_object_unref (test_create (writer, "小区楼道灯损坏两周无人维修", "13835601234",
                                 test_now ()));
  }

  /* The tests run as root, which writes through any file mode, so chmod cannot make the
   * file read-only here.  Opening it read-only by URI reaches the very state SQLite is
   * in when a user opens a file they may only read (SQLITE_OPEN_READWRITE falls back to
   * reading): the connection is read-only and the first write fails with
   * SQLITE_READONLY. */
  uri = g_strconcat ("file:", fixture->path, "?mode=ro", NULL);
  store = rexian_store_open (uri, &error);
  g_assert_no_error (error);
  g_assert_true (rexian_store_is_read_only (store));
  g_assert_cmpuint (count_all (store), ==, 1);

  order = rexian_store_create_order (store, draft, 0, test_now (), &error);
  g_assert_null (order);
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  g_assert_false (rexian_store_set_setting (store, "ui.theme", "dark", &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_READ_ONLY);

  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM work_orders"), ==, 1);
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) draft = test_make_draft ("路灯不亮", "13603568368");
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianWorkOrder) later = NULL;
  sqlite3 *other = NULL;
  gint64 start;
  gint64 waited;

  g_object_unref (test_create (store, "小区楼道灯损坏两周无人维修", "13835601234",
                               test_now ()));

  /* Another program takes the write lock and keeps it past the busy timeout. */
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; "
                                 "UPDATE work_orders SET summary = 'x' WHERE id = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  rexian_store_set_busy_timeout (store, 300);
  start = g_get_monotonic_time ();
  order = rexian_store_create_order (store, draft, 0, test_now (), &error);
  waited = (g_get_monotonic_time () - start) / 1000;

  g_assert_null (order);
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_cmpint (waited, >=, 250);
  g_assert_cmpint (waited, <, 3000);
  g_clear_error (&error);

  /* The other program gives up its change: nothing of either write is in the file. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_cmpuint (count_all (store), ==, 1);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM work_orders WHERE summary = 'x'"), ==, 0);

  later = rexian_store_create_order (store, draft, 0, test_now (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rexian_work_order_get_number (later), ==, "202606100002");
}

static void
test_full (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(GString) long_text = g_string_new (NULL);
  sqlite3 *db = rexian_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 pages = 0;
  guint created = 0;
  g_autofree char *limit = NULL;

  for (guint i = 0; i < 5; i++)
    g_object_unref (test_create (store, "小区楼道灯损坏两周无人维修", "13835601234",
                                 test_now ()));

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  /* SQLite reports a page limit exactly as a full disk: SQLITE_FULL. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  while (long_text->len < 3000)
    g_string_append (long_text, "地下车库积水严重，排水泵无法启动，多辆车被淹。");

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(RexianWorkOrder) draft = test_make_draft ("暴雨致地下车库积水", "13703567035");
      g_autoptr(RexianWorkOrder) order = NULL;

      rexian_work_order_set_event_course (draft, long_text->str);
      order = rexian_store_create_order (store, draft, 0, test_now (), &error);
      if (order == NULL)
        break;
      created++;
    }

  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "is full"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "nothing already saved was lost"));
  g_clear_error (&error);

  /* Room again: everything committed before is there, the failed order is not. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpuint (count_all (store), ==, 5 + created);
  g_assert_true (rexian_store_check_integrity (store, &error));
  g_assert_no_error (error);
  g_object_unref (test_create (store, "路灯不亮", "13603568368", test_now ()));
}

/* Orders */

static void
test_create_and_apply (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianWorkOrder) moved = NULL;
  g_autoptr(RexianWorkOrder) refused = NULL;
  g_autoptr(RexianWorkOrder) reread = NULL;
  g_autoptr(GPtrArray) events = NULL;
  RexianOrderEvent *event;
  gint64 now = test_now ();
  gint64 expected_deadline = 0;
  gint64 lead;
  gint64 assist;
  gint64 agent;
  gint64 category;
  GArray *assists;

  lead = rexian_store_add_department (store, "市住房和城乡建设局", "王建华", "0356-2021234",
                                      &error);
  g_assert_no_error (error);
  assist = rexian_store_add_department (store, "城区凤台街道办事处", "卫红梅", "0356-2121234",
                                        &error);
  g_assert_no_error (error);
  agent = rexian_store_add_agent (store, "1001", "刘芳", "agent", &error);
  g_assert_no_error (error);
  category = rexian_store_add_category (store, "水电气暖", 3, &error);
  g_assert_no_error (error);

  {
    g_autoptr(RexianWorkOrder) draft = test_make_draft ("小区停水超过24小时", "13935601357");

    rexian_work_order_set_category_id (draft, category);
    order = rexian_store_create_order (store, draft, agent, now, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpstr (rexian_work_order_get_number (order), ==, "202606100001");
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_INTAKE);
  g_assert_cmpint (rexian_work_order_get_version (order), ==, 1);
  g_assert_cmpint (rexian_work_order_get_created_at (order), ==, now);
  g_assert_cmpint (rexian_work_order_get_intake_agent_id (order), ==, agent);
  g_assert_cmpstr (rexian_work_order_get_intake_agent_name (order), ==, "刘芳");
  g_assert_cmpstr (rexian_work_order_get_category_name (order), ==, "水电气暖");
  g_assert_false (rexian_work_order_get_repeated (order));
  g_assert_true (rexian_calendar_deadline_after (rexian_store_get_calendar (store), now, 2,
                                                 &expected_deadline, NULL));
  g_assert_cmpint (rexian_work_order_get_dispatch_deadline (order), ==, expected_deadline);

  moved = rexian_store_apply (store, rexian_work_order_get_id (order), REXIAN_ACTION_SUBMIT,
                              input, agent, now + 60, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (moved), ==, REXIAN_STATE_PENDING_DISPATCH);
  g_assert_cmpint (rexian_work_order_get_version (moved), ==, 2);
  g_clear_object (&moved);

  /* A refusal from the lifecycle comes back as it is, and nothing is written. */
  input->handling_result = g_strdup ("已恢复供水");
  refused = rexian_store_apply (store, rexian_work_order_get_id (order), REXIAN_ACTION_REPLY,
                                input, agent, now + 90, &error);
  g_assert_null (refused);
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  input->lead_department_id = lead;
  input->assist_department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (input->assist_department_ids, assist);
  input->transfer_opinion = g_strdup ("请按职责核实处理");
  moved = rexian_store_apply (store, rexian_work_order_get_id (order), REXIAN_ACTION_DISPATCH,
                              input, agent, now + 120, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (moved), ==, REXIAN_STATE_IN_PROGRESS);
  g_assert_cmpint (rexian_work_order_get_version (moved), ==, 3);
  g_assert_cmpint (rexian_work_order_get_lead_department_id (moved), ==, lead);
  g_assert_cmpstr (rexian_work_order_get_lead_department_name (moved), ==, "市住房和城乡建设局");
  assists = rexian_work_order_get_assist_department_ids (moved);
  g_assert_cmpuint (assists->len, ==, 1);
  g_assert_cmpint (g_array_index (assists, gint64, 0), ==, assist);
  /* The category's 3 days, not the default 5. */
  g_assert_true (rexian_calendar_deadline_after (rexian_store_get_calendar (store), now + 120,
                                                 3, &expected_deadline, NULL));
  g_assert_cmpint (rexian_work_order_get_deadline (moved), ==, expected_deadline);

  reread = rexian_store_get_order (store, rexian_work_order_get_id (order), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_version (reread), ==, 3);

  events = rexian_store_list_events (store, rexian_work_order_get_id (order), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->action, ==, REXIAN_ACTION_CREATE);
  g_assert_cmpint (event->from_state, ==, -1);
  g_assert_cmpint (event->to_state, ==, REXIAN_STATE_INTAKE);
  g_assert_cmpstr (event->agent_name, ==, "刘芳");
  event = g_ptr_array_index (events, 2);
  g_assert_cmpint (event->action, ==, REXIAN_ACTION_DISPATCH);
  g_assert_cmpint (event->from_state, ==, REXIAN_STATE_PENDING_DISPATCH);
  g_assert_cmpint (event->to_state, ==, REXIAN_STATE_IN_PROGRESS);
  g_assert_cmpint (event->at, ==, now + 120);
  g_assert_nonnull (strstr (event->detail, "市住房和城乡建设局"));
  g_assert_nonnull (strstr (event->detail, "城区凤台街道办事处"));

  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM order_departments"), ==, 2);
}

static void
test_numbers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) first = NULL;
  g_autoptr(RexianWorkOrder) big = NULL;
  g_autoptr(RexianWorkOrder) next_day = NULL;
  sqlite3 *db = rexian_store_get_db (store);

  first = test_create (store, "路灯不亮", "13603568368", test_now ());
  g_assert_cmpstr (rexian_work_order_get_number (first), ==, "202606100001");

  /* Past 9999 in a day the sequence simply grows a digit. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE order_counters SET seq = 9999", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  big = test_create (store, "路灯不亮", "13603568368", test_now ());
  g_assert_cmpstr (rexian_work_order_get_number (big), ==, "2026061010000");

  next_day = test_create (store, "路灯不亮", "13603568368", test_now () + 86400);
  g_assert_cmpstr (rexian_work_order_get_number (next_day), ==, "202606110001");
}

static void
test_repeated (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) first = NULL;
  g_autoptr(RexianWorkOrder) second = NULL;
  g_autoptr(RexianWorkOrder) other = NULL;
  g_autoptr(GPtrArray) history = NULL;

  first = test_create (store, "小区楼道灯损坏两周无人维修", "13835601234", test_now ());
  other = test_create (store, "公交12路末班车提前收车", "13935605678", test_now () + 10);
  second = test_create (store, "再次反映楼道灯未修复", "13835601234", test_now () + 60);

  g_assert_false (rexian_work_order_get_repeated (first));
  g_assert_false (rexian_work_order_get_repeated (other));
  g_assert_true (rexian_work_order_get_repeated (second));

  history = rexian_store_find_by_phone (store, "13835601234", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (rexian_work_order_get_number (g_ptr_array_index (history, 0)), ==,
                   rexian_work_order_get_number (second));
}

static void
test_update_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianWorkOrder) mine = NULL;
  g_autoptr(RexianWorkOrder) theirs = NULL;
  g_autoptr(RexianWorkOrder) saved = NULL;
  g_autoptr(RexianWorkOrder) refused = NULL;
  g_autoptr(GPtrArray) events = NULL;
  RexianOrderEvent *event;

  order = test_create (store, "路灯不亮", "13603568368", test_now ());
  mine = rexian_work_order_copy (order);
  theirs = rexian_work_order_copy (order);

  rexian_work_order_set_summary (mine, "凤台东街整条街路灯不亮");
  rexian_work_order_set_caller_address (mine, "城区凤台街道凤台东街");
  saved = rexian_store_update_order (store, mine, 0, "来电人补充地址", test_now () + 30, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_version (saved), ==, 2);
  g_assert_cmpstr (rexian_work_order_get_summary (saved), ==, "凤台东街整条街路灯不亮");
  g_assert_cmpint (rexian_work_order_get_state (saved), ==, REXIAN_STATE_INTAKE);

  rexian_work_order_set_summary (theirs, "别的修改");
  refused = rexian_store_update_order (store, theirs, 0, NULL, test_now () + 40, &error);
  g_assert_null (refused);
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_clear_object (&saved);
  saved = rexian_store_get_order (store, rexian_work_order_get_id (order), &error);
  g_assert_cmpstr (rexian_work_order_get_summary (saved), ==, "凤台东街整条街路灯不亮");

  events = rexian_store_list_events (store, rexian_work_order_get_id (order), &error);
  g_assert_cmpuint (events->len, ==, 2);
  event = g_ptr_array_index (events, 1);
  g_assert_cmpint (event->action, ==, REXIAN_ACTION_EDIT);
  g_assert_cmpstr (event->reason, ==, "来电人补充地址");
  g_assert_nonnull (strstr (event->detail, "summary"));
  g_assert_nonnull (strstr (event->detail, "address"));
  g_assert_null (strstr (event->detail, "phone"));

  /* The new version is found by the search as well. */
  g_assert_cmpuint (count_text (store, "凤台东街"), ==, 1);
}

static void
test_past_calendar (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GDateTime) future = g_date_time_new_local (2031, 3, 2, 9, 0, 0);

  /* A date the holiday data does not reach: the order is still saved. */
  g_test_expect_message ("Rexian-Store", G_LOG_LEVEL_WARNING,
                         "Saving the order without a dispatch deadline*");
  order = test_create (store, "路灯不亮", "13603568368", g_date_time_to_unix (future));
  g_test_assert_expected_messages ();

  g_assert_cmpstr (rexian_work_order_get_number (order), ==, "203103020001");
  g_assert_cmpint (rexian_work_order_get_dispatch_deadline (order), ==, 0);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianAgent) agent = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  RexianDeadlineRules rules;
  RexianDeadlineRules defaults;
  char *value;

  value = rexian_store_get_setting (store, "missing", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  g_assert_true (rexian_store_set_setting (store, "hotline.name", "晋城12345", &error));
  value = rexian_store_get_setting (store, "hotline.name", &error);
  g_assert_cmpstr (value, ==, "晋城12345");
  g_free (value);

  rexian_deadline_rules_init_default (&defaults);
  rexian_store_get_deadline_rules (store, &rules);
  g_assert_cmpmem (&rules, sizeof rules, &defaults, sizeof defaults);

  rules.default_handling_days = 7;
  rules.yellow_days = 2;
  g_assert_true (rexian_store_set_deadline_rules (store, &rules, &error));
  g_assert_no_error (error);
  rexian_store_get_deadline_rules (store, &defaults);
  g_assert_cmpint (defaults.default_handling_days, ==, 7);
  g_assert_cmpint (defaults.yellow_days, ==, 2);

  g_assert_cmpint (rexian_store_add_agent (store, "2001", "赵雪梅", "supervisor", &error), >, 0);
  agent = rexian_store_find_agent (store, "2001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agent->name, ==, "赵雪梅");
  g_assert_cmpstr (agent->role, ==, "supervisor");
  g_assert_null (rexian_store_find_agent (store, "9999", &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (rexian_store_add_department (store, "市教育局", "吴晓燕", "0356-2076789",
                                                &error), >, 0);
  departments = rexian_store_list_departments (store, &error);
  g_assert_cmpuint (departments->len, ==, 1);
}

static void
test_supervise (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) emergency = NULL;
  g_autoptr(RexianWorkOrder) overdue = NULL;
  g_autoptr(RexianWorkOrder) fresh = NULL;
  g_autoptr(GPtrArray) events = NULL;
  RexianOrderEvent *event;
  gint64 now = test_now ();
  guint count;

  {
    g_autoptr(RexianWorkOrder) draft = test_make_draft ("燃气管道泄漏", "18635609146");

    rexian_work_order_set_emergency (draft, TRUE);
    emergency = rexian_store_create_order (store, draft, 0, now, &error);
    g_assert_no_error (error);
  }
  /* Taken in a week ago: the two-day dispatch deadline has passed. */
  overdue = test_create (store, "垃圾点三天未清运", "13635609146", now - 7 * 86400);
  fresh = test_create (store, "路灯不亮", "13603568368", now);

  count = rexian_store_supervise_due (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (rexian_store_supervise_due (store, now, &error), ==, 0);

  g_clear_object (&overdue);
  overdue = rexian_store_get_order_by_number (store, "202606030001", &error);
  g_assert_no_error (error);
  g_assert_true (rexian_work_order_get_supervised (overdue));

  events = rexian_store_list_events (store, rexian_work_order_get_id (emergency), &error);
  g_assert_cmpuint (events->len, ==, 2);
  event = g_ptr_array_index (events, 1);
  g_assert_cmpint (event->action, ==, REXIAN_ACTION_SUPERVISE);
  g_assert_cmpint (event->agent_id, ==, 0);
  g_assert_cmpstr (event->agent_name, ==, "System");
  g_assert_nonnull (strstr (event->detail, "emergency"));
  g_assert_false (rexian_work_order_get_supervised (fresh));
}

/* Change watching and async calls */

static void
test_changed_polling (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianStore) other = test_open (fixture->path);
  guint changed = 0;
  gboolean seen = FALSE;
  gint64 start;
  gint64 elapsed;

  rexian_store_set_poll_interval (store, 100);
  rexian_store_set_poll_interval (other, 0);
  g_signal_connect (store, "changed", G_CALLBACK (test_count_signal_cb), &changed);

  /* Own writes announce themselves at once. */
  g_object_unref (test_create (store, "路灯不亮", "13603568368", test_now ()));
  g_assert_cmpuint (changed, ==, 1);

  /* Another connection's commit is noticed by the poll, once. */
  g_object_unref (test_create (other, "垃圾点三天未清运", "13635609146", test_now ()));
  start = g_get_monotonic_time ();
  while (changed < 2 && (g_get_monotonic_time () - start) < 2 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  elapsed = (g_get_monotonic_time () - start) / 1000;
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (elapsed, <, 1000);

  /* Nothing new: no signal. */
  g_timeout_add (350, test_timeout_cb, &seen);
  while (!seen)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changed, ==, 2);
}

typedef struct
{
  GMainLoop       *loop;
  RexianWorkOrder *order;
  GError          *error;
  GThread         *thread;
} AsyncResult;

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->order = rexian_store_create_order_finish (REXIAN_STORE (source), result,
                                                   &async->error);
  async->thread = g_thread_self ();
  g_main_loop_quit (async->loop);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->order = rexian_store_apply_finish (REXIAN_STORE (source), result, &async->error);
  async->thread = g_thread_self ();
  g_main_loop_quit (async->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) draft = test_make_draft ("小区停水超过24小时", "13935601357");
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { loop, NULL, NULL, NULL };
  guint changed = 0;
  gint64 id;

  rexian_store_set_poll_interval (store, 0);
  g_signal_connect (store, "changed", G_CALLBACK (test_count_signal_cb), &changed);

  rexian_store_create_order_async (store, draft, 0, NULL, created_cb, &async);
  g_main_loop_run (loop);
  g_assert_no_error (async.error);
  g_assert_nonnull (async.order);
  g_assert_true (async.thread == g_thread_self ());
  g_assert_cmpint (rexian_work_order_get_created_at (async.order), >,
                   g_get_real_time () / G_USEC_PER_SEC - 60);
  id = rexian_work_order_get_id (async.order);
  g_clear_object (&async.order);

  /* "changed" arrives on this thread's context too, once. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changed, ==, 1);

  rexian_store_apply_async (store, id, REXIAN_ACTION_SUBMIT, input, 0, NULL, applied_cb,
                            &async);
  g_main_loop_run (loop);
  g_assert_no_error (async.error);
  g_assert_cmpint (rexian_work_order_get_state (async.order), ==,
                   REXIAN_STATE_PENDING_DISPATCH);
  g_clear_object (&async.order);

  /* A refusal arrives as the lifecycle's error. */
  rexian_store_apply_async (store, id, REXIAN_ACTION_ARCHIVE, input, 0, NULL, applied_cb,
                            &async);
  g_main_loop_run (loop);
  g_assert_null (async.order);
  g_assert_error (async.error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
  g_clear_error (&async.error);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changed, ==, 2);
}

static void
record_thread_cb (RexianStore *store,
                  gpointer     user_data)
{
  GThread **thread = user_data;

  *thread = g_thread_self ();
}

/* Listeners of "changed" update list views, so they must run on the thread that opened
 * the store even when the worker commits while that thread is not iterating its main
 * context (the case where g_main_context_invoke() would run them on the worker). */
static void
test_changed_on_main_thread (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) draft = test_make_draft ("小区停水超过24小时", "13935601357");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { loop, NULL, NULL, NULL };
  GThread *emitted_on = NULL;

  rexian_store_set_poll_interval (store, 0);
  g_signal_connect (store, "changed", G_CALLBACK (record_thread_cb), &emitted_on);

  rexian_store_create_order_async (store, draft, 0, NULL, created_cb, &async);
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_null (emitted_on);

  g_main_loop_run (loop);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_no_error (async.error);
  g_clear_object (&async.order);
  g_assert_true (emitted_on == g_thread_self ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open/new", test_open_new);
  ADD ("/store/open/migrations", test_migrations);
  ADD ("/store/errors/too-new", test_too_new);
  ADD ("/store/errors/corrupt", test_corrupt);
  ADD ("/store/errors/damaged", test_damaged);
  ADD ("/store/errors/read-only", test_read_only);
  ADD ("/store/errors/locked", test_locked);
  ADD ("/store/errors/full", test_full);
  ADD ("/store/orders/create-and-apply", test_create_and_apply);
  ADD ("/store/orders/numbers", test_numbers);
  ADD ("/store/orders/repeated", test_repeated);
  ADD ("/store/orders/update-conflict", test_update_conflict);
  ADD ("/store/orders/past-calendar", test_past_calendar);
  ADD ("/store/settings", test_settings);
  ADD ("/store/supervise", test_supervise);
  ADD ("/store/changed/polling", test_changed_polling);
  ADD ("/store/async", test_async);
  ADD ("/store/changed-on-main-thread", test_changed_on_main_thread);

#undef ADD

  return g_test_run ();
}
