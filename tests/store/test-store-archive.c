/* test-store-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rexian-store-archive.h"
#include "store-test-util.h"

/* The archive (归档) on real SQLite files: the catalogue of hand-built orders closed
 * across years, months, categories and departments; full-text search among archived
 * orders only; archived orders refused edits; a bulk archive of thousands of orders;
 * and two processes archiving the same backlog at once. */

typedef struct
{
  char        *dir;
  char        *path;
  RexianStore *store;
  gint64       roads;
  gint64       noise;
  gint64       transport;
  gint64       housing;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);
  fixture->store = test_open (fixture->path);

  fixture->roads = rexian_store_add_category (fixture->store, "市政设施", 5, &error);
  g_assert_no_error (error);
  fixture->noise = rexian_store_add_category (fixture->store, "环境保护", 5, &error);
  g_assert_no_error (error);
  fixture->transport = rexian_store_add_department (fixture->store, "市交通运输局", "", "",
                                                    &error);
  g_assert_no_error (error);
  fixture->housing = rexian_store_add_department (fixture->store, "市住房和城乡建设局", "",
                                                  "", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
apply (RexianStore           *store,
       gint64                 order_id,
       RexianAction           action,
       RexianTransitionInput *input,
       gint64                 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianWorkOrder) order = NULL;

  order = rexian_store_apply (store, order_id, action, input, 0, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (order);
}

/* An order taken in two days before @closed_at and closed then: through a department
 * when @department is set, answered on the spot (直接办理) otherwise. */
static gint64
close_order (Fixture    *fixture,
             const char *summary,
             gint64      category,
             gint64      department,
             gint64      closed_at,
             gboolean    confidential)
{
  g_autoptr(RexianWorkOrder) draft = test_make_draft (summary, "13803561234");
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  gint64 id;

  rexian_work_order_set_category_id (draft, category);
  rexian_work_order_set_confidential (draft, confidential);
  order = rexian_store_create_order (fixture->store, draft, 0, closed_at - 2 * 86400, &error);
  g_assert_no_error (error);
  id = rexian_work_order_get_id (order);

  input->handling_result = g_strdup ("已按规定处理并答复来电人。");
  if (department == 0)
    {
      apply (fixture->store, id, REXIAN_ACTION_CLOSE_DIRECT, input, closed_at);
      return id;
    }

  input->lead_department_id = department;
  input->transfer_opinion = g_strdup ("请按职责办理。");
  apply (fixture->store, id, REXIAN_ACTION_SUBMIT, input, closed_at - 2 * 86400 + 60);
  apply (fixture->store, id, REXIAN_ACTION_DISPATCH, input, closed_at - 2 * 86400 + 120);
  apply (fixture->store, id, REXIAN_ACTION_REPLY, input, closed_at - 3600);
  input->followup_process = REXIAN_SATISFACTION_SATISFIED;
  input->followup_result = REXIAN_SATISFACTION_SATISFIED;
  apply (fixture->store, id, REXIAN_ACTION_CLOSE, input, closed_at);

  return id;
}

static guint
archive_all (Fixture *fixture,
             gint64   cutoff,
             gint64   now)
{
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_true (rexian_store_archive_closed_before (fixture->store, cutoff, 0, now, &count,
                                                    &error));
  g_assert_no_error (error);

  return count;
}

static RexianStoreArchiveNode *
child (GListModel *model,
       guint       position)
{
  g_autoptr(RexianStoreArchiveNode) node = g_list_model_get_item (model, position);

  g_assert_nonnull (node);
  /* The catalogue holds a reference for as long as the test looks at it. */
  return node;
}

static void
assert_node (RexianStoreArchiveNode *node,
             int                     year,
             int                     month,
             const char             *name,
             guint                   count)
{
  g_assert_cmpint (rexian_store_archive_node_get_year (node), ==, year);
  if (month != 0)
    g_assert_cmpint (rexian_store_archive_node_get_month (node), ==, month);
  if (name != NULL)
    g_assert_cmpstr (rexian_store_archive_node_get_name (node), ==, name);
  g_assert_cmpuint (rexian_store_archive_node_get_count (node), ==, count);
}

static void
test_catalogue (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) years = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(RexianWorkOrder) late = NULL;
  GListModel *months, *categories, *departments;
  RexianStoreArchiveNode *y2026, *march, *roads;
  RexianArchivePlace place;
  RexianOrderEvent *last;
  gint64 new_year_eve, open_id;
  gint64 now = local_time (2026, 6, 10, 10, 0);
  guint total = 0;

  /* Closed half an hour before midnight on New Year's Eve and archived in June: filed
   * under December 2025, the year the matter was settled. */
  new_year_eve = close_order (fixture, "路面坑洼", fixture->roads, fixture->transport,
                              local_time (2025, 12, 31, 23, 30), FALSE);
  close_order (fixture, "井盖破损", fixture->roads, fixture->transport,
               local_time (2025, 12, 2, 9, 0), FALSE);
  close_order (fixture, "路灯不亮", fixture->roads, fixture->transport,
               local_time (2026, 1, 1, 0, 30), FALSE);
  close_order (fixture, "工地夜间施工", fixture->noise, fixture->housing,
               local_time (2026, 3, 15, 10, 0), FALSE);
  close_order (fixture, "噪音扰民咨询", fixture->noise, 0,
               local_time (2026, 3, 20, 15, 0), TRUE);
  close_order (fixture, "人行道破损", fixture->roads, fixture->housing,
               local_time (2026, 3, 21, 11, 0), FALSE);
  /* Closed after the cut-off, and one still open: neither is archived. */
  close_order (fixture, "公交站牌损坏", fixture->roads, fixture->transport,
               local_time (2026, 6, 9, 11, 0), FALSE);
  open_id = rexian_work_order_get_id (test_create (fixture->store, "井盖丢失", "13900000000",
                                                   now));

  g_assert_cmpuint (rexian_store_archive_count_due (fixture->store,
                                                    local_time (2026, 6, 1, 0, 0), &error),
                    ==, 6);
  g_assert_no_error (error);
  g_assert_cmpuint (archive_all (fixture, local_time (2026, 6, 1, 0, 0), now), ==, 6);
  g_assert_cmpuint (rexian_store_archive_count_due (fixture->store,
                                                    local_time (2026, 6, 1, 0, 0), &error),
                    ==, 0);

  /* The timeline says it was archived, and when. */
  events = rexian_store_list_events (fixture->store, new_year_eve, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (last->action, ==, REXIAN_ACTION_ARCHIVE);
  g_assert_cmpint (last->at, ==, now);

  years = rexian_store_archive_get_catalogue (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (years), ==, 2);

  y2026 = child (years, 0);
  assert_node (y2026, 2026, 0, NULL, 4);
  assert_node (child (years, 1), 2025, 0, NULL, 2);

  months = rexian_store_archive_node_get_children (y2026);
  g_assert_cmpuint (g_list_model_get_n_items (months), ==, 2);
  march = child (months, 0);
  assert_node (march, 2026, 3, NULL, 3);
  assert_node (child (months, 1), 2026, 1, NULL, 1);

  /* March: 市政设施 (人行道, 住建局) and 环境保护 (工地, 住建局; 噪音, answered directly). */
  categories = rexian_store_archive_node_get_children (march);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 2);
  roads = child (categories, 0);
  assert_node (roads, 2026, 3, "市政设施", 1);
  assert_node (child (categories, 1), 2026, 3, "环境保护", 2);
  departments = rexian_store_archive_node_get_children (child (categories, 1));
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 2);
  assert_node (child (departments, 0), 2026, 3, "市住房和城乡建设局", 1);
  assert_node (child (departments, 1), 2026, 3, "", 1);
  g_assert_cmpint (rexian_store_archive_node_get_department_id (child (departments, 1)),
                   ==, 0);

  /* The entries of a node: the directly answered noise question, its caller masked. */
  rexian_archive_place_from_node (child (departments, 1), &place);
  entries = rexian_store_archive_list (fixture->store, &place, NULL, 0, 50, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpuint (entries->len, ==, 1);
  {
    RexianArchiveEntry *entry = g_ptr_array_index (entries, 0);

    g_assert_cmpstr (entry->summary, ==, "噪音扰民咨询");
    g_assert_cmpstr (entry->caller_name, ==, "张**");
    g_assert_cmpstr (entry->caller_phone, ==, "138****1234");
    g_assert_cmpstr (entry->category, ==, "环境保护");
    g_assert_cmpstr (entry->department, ==, "");
    g_assert_cmpint (entry->closed_at, ==, local_time (2026, 3, 20, 15, 0));
  }
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The whole archive, newest closed first, paged. */
  entries = rexian_store_archive_list (fixture->store, NULL, NULL, 1, 2, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 6);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((RexianArchiveEntry *) g_ptr_array_index (entries, 0))->summary, ==,
                   "噪音扰民咨询");
  g_assert_cmpstr (((RexianArchiveEntry *) g_ptr_array_index (entries, 1))->summary, ==,
                   "工地夜间施工");

  late = rexian_store_get_order (fixture->store, open_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (late), ==, REXIAN_STATE_INTAKE);
}

static guint
search (Fixture                  *fixture,
        const RexianArchivePlace *place,
        const char               *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint total = 0;

  entries = rexian_store_archive_list (fixture->store, place, text, 0, 0, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, total);

  return total;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 now = local_time (2026, 6, 10, 10, 0);
  gint64 cutoff = local_time (2026, 6, 1, 0, 0);
  RexianArchivePlace january = { 2, 2026, 1, 0, 0 };

  close_order (fixture, "小区路灯不亮", fixture->roads, fixture->transport,
               local_time (2026, 1, 5, 9, 0), FALSE);
  close_order (fixture, "路灯杆倾斜", fixture->roads, fixture->transport,
               local_time (2026, 2, 5, 9, 0), FALSE);
  close_order (fixture, "夜间噪音扰民", fixture->noise, fixture->housing,
               local_time (2026, 2, 6, 9, 0), FALSE);
  archive_all (fixture, cutoff, now);
  /* The same words in orders that are not archived: closed late, and still open. */
  close_order (fixture, "路灯不亮已修复", fixture->roads, fixture->transport,
               local_time (2026, 6, 9, 9, 0), FALSE);
  g_object_unref (test_create (fixture->store, "路灯不亮", "13900000001", now));

  g_assert_cmpuint (search (fixture, NULL, "灯"), ==, 2);       /* one character */
  g_assert_cmpuint (search (fixture, NULL, "路灯"), ==, 2);     /* two */
  g_assert_cmpuint (search (fixture, NULL, "路灯不亮"), ==, 1); /* trigram */
  g_assert_cmpuint (search (fixture, NULL, "噪音扰民"), ==, 1);
  g_assert_cmpuint (search (fixture, NULL, "公交"), ==, 0);
  g_assert_cmpuint (search (fixture, NULL, "路灯 倾斜"), ==, 1);
  g_assert_cmpuint (search (fixture, &january, "路灯"), ==, 1);
  g_assert_cmpuint (search (fixture, &january, "噪音扰民"), ==, 0);
  g_assert_cmpuint (search (fixture, NULL, ""), ==, 3);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianWorkOrder) result = NULL;
  gint64 id;

  id = close_order (fixture, "路面坑洼", fixture->roads, fixture->transport,
                    local_time (2026, 3, 1, 9, 0), FALSE);
  archive_all (fixture, local_time (2026, 6, 1, 0, 0), local_time (2026, 6, 10, 10, 0));

  order = rexian_store_get_order (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_ARCHIVED);
  g_assert_cmpint (rexian_work_order_get_archived_at (order), ==,
                   local_time (2026, 6, 10, 10, 0));

  rexian_work_order_set_summary (order, "改过的摘要");
  result = rexian_store_update_order (fixture->store, order, 0, NULL, 0, &error);
  g_assert_null (result);
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  result = rexian_store_apply (fixture->store, id, REXIAN_ACTION_ARCHIVE, NULL, 0, 0, &error);
  g_assert_null (result);
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_clear_object (&order);
  order = rexian_store_get_order (fixture->store, id, &error);
  g_assert_cmpstr (rexian_work_order_get_summary (order), ==, "路面坑洼");
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM archive_entries"),
                   ==, 1);
}

/* Closed orders generated without a catalogue entry, as a backlog to archive. */
static guint
fill_backlog (Fixture *fixture,
              guint    n)
{
  g_autoptr(GError) error = NULL;
  guint due;

  g_assert_true (rexian_store_fill_generated (fixture->store, n, test_now (), &error));
  g_assert_no_error (error);
  due = rexian_store_archive_count_due (fixture->store, test_now (), &error);
  g_assert_no_error (error);

  return due;
}

static void
assert_archived_once (Fixture *fixture,
                      guint    count)
{
  /* The generated backlog brings archived orders of its own, filed as it made them;
   * the ones archived here are those with an archive event. */
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM archive_entries a WHERE EXISTS ("
                                   "SELECT 1 FROM order_events e WHERE e.order_id = a.order_id"
                                   " AND e.action = 'archive')"),
                   ==, count);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM work_orders WHERE state = 'archived'"
                                   " AND id NOT IN (SELECT order_id FROM archive_entries)"),
                   ==, 0);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM order_events WHERE action = 'archive'"),
                   ==, count);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM archive_entries a JOIN work_orders o "
                                   "ON o.id = a.order_id WHERE o.state != 'archived'"),
                   ==, 0);
  g_assert_cmpuint (rexian_store_archive_count_due (fixture->store, test_now (), NULL), ==, 0);
}

static void
test_bulk (Fixture       *fixture,
           gconstpointer  data)
{
  guint due = fill_backlog (fixture, 12000);
  gint64 start;
  guint count;

  g_assert_cmpuint (due, >, 2000);

  start = g_get_monotonic_time ();
  count = archive_all (fixture, test_now (), test_now ());
  g_test_message ("Archived %u orders in %.2f s", count,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (count, ==, due);
  assert_archived_once (fixture, count);
}

static void
archive_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint *count = user_data;

  g_assert_true (rexian_store_archive_closed_before_finish (REXIAN_STORE (source), result,
                                                            count, &error));
  g_assert_no_error (error);
}

static void
test_two_processes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) other = NULL;
  g_autofree char *output = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  guint due = fill_backlog (fixture, 6000);
  guint mine = G_MAXUINT;
  gint64 theirs;

  /* Another seat archives the same backlog from its own process while this one does it
   * on the worker thread: every order is archived exactly once between them. */
  other = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--archive-child", fixture->path, NULL);
  g_assert_no_error (error);

  rexian_store_archive_closed_before_async (fixture->store, test_now (), 0, NULL,
                                            archive_done_cb, &mine);
  while (mine == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_subprocess_communicate_utf8 (other, NULL, NULL, &output, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (other));
  theirs = g_ascii_strtoll (output, NULL, 10);
  g_test_message ("This process archived %u, the other %" G_GINT64_FORMAT, mine, theirs);

  g_assert_cmpint (mine + theirs, ==, due);
  assert_archived_once (fixture, due);
}

/* The other seat of test_two_processes(). */
static int
archive_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = rexian_store_open (path, &error);
  guint count = 0;

  if (store == NULL ||
      !rexian_store_archive_closed_before (store, test_now (), 0, 0, &count, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%u\n", count);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--archive-child"))
    return archive_child (argv[2]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/archive/catalogue", test_catalogue);
  ADD ("/store/archive/search", test_search);
  ADD ("/store/archive/read-only", test_read_only);
  ADD ("/store/archive/bulk", test_bulk);
  ADD ("/store/archive/two-processes", test_two_processes);

  return g_test_run ();
}
