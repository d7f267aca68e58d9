/* test-order-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-test-util.h"

/* The sample data is seeded once at the fixed test moment and shared, read-only, by
 * the query tests. */
static char *sample_dir;
static char *sample_path;
static RexianStore *sample_store;

static guint
count (RexianStore            *store,
       const RexianOrderQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint n = rexian_store_count_orders (store, query, test_now (), &error);

  g_assert_no_error (error);
  return n;
}

static guint
count_text (const char *text)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();

  query->text = g_strdup (text);
  return count (sample_store, query);
}

static GPtrArray *
query_all (RexianStore            *store,
           const RexianOrderQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *orders = rexian_store_query_orders (store, query, test_now (), 0, 0, &error);

  g_assert_no_error (error);
  return orders;
}

static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  guint total = count (sample_store, query);
  guint per_state = 0;
  guint emergency = 0, confidential = 0, supervised = 0, returned = 0, extension = 0;
  guint repeated = 0, merged = 0, rehandled = 0, extended = 0;
  gint64 now = test_now ();

  departments = rexian_store_list_departments (sample_store, &error);
  agents = rexian_store_list_agents (sample_store, &error);
  categories = rexian_store_list_categories (sample_store, &error);
  g_assert_cmpuint (departments->len, >=, 12);
  g_assert_cmpuint (agents->len, ==, 8);
  g_assert_cmpuint (categories->len, ==, 11);
  g_assert_cmpuint (total, >=, 55);

  /* Every state has orders and the states add up. */
  for (int state = 0; state < REXIAN_N_STATES; state++)
    {
      guint n;

      query->state = state;
      n = count (sample_store, query);
      g_assert_cmpuint (n, >, 0);
      per_state += n;
    }
  g_assert_cmpuint (per_state, ==, total);

  query->state = -1;
  orders = query_all (sample_store, query);
  g_assert_cmpuint (orders->len, ==, total);

  for (guint i = 0; i < orders->len; i++)
    {
      RexianWorkOrder *order = g_ptr_array_index (orders, i);
      g_autoptr(GPtrArray) events = NULL;

      emergency += rexian_work_order_get_emergency (order);
      confidential += rexian_work_order_get_confidential (order);
      supervised += rexian_work_order_get_supervised (order);
      returned += rexian_work_order_get_return_pending (order);
      extension += rexian_work_order_get_extension_requested_days (order) > 0;
      extended += rexian_work_order_get_extension_count (order) > 0;
      repeated += rexian_work_order_get_repeated (order);
      merged += rexian_work_order_get_merged_into_id (order) != 0;
      rehandled += rexian_work_order_get_rehandle_count (order) > 0;

      /* A real timeline: starts with the creation, every step in the past. */
      events = rexian_store_list_events (sample_store, rexian_work_order_get_id (order),
                                         &error);
      g_assert_no_error (error);
      g_assert_cmpuint (events->len, >=, 1);
      g_assert_cmpint (((RexianOrderEvent *) g_ptr_array_index (events, 0))->action, ==,
                       REXIAN_ACTION_CREATE);
      for (guint j = 0; j < events->len; j++)
        g_assert_cmpint (((RexianOrderEvent *) g_ptr_array_index (events, j))->at, <, now);
    }

  g_assert_cmpuint (emergency, >=, 2);
  g_assert_cmpuint (confidential, >=, 2);
  g_assert_cmpuint (supervised, >=, 2);
  g_assert_cmpuint (returned, >=, 1);
  g_assert_cmpuint (extension, >=, 1);
  g_assert_cmpuint (extended, >=, 1);
  g_assert_cmpuint (repeated, >=, 2);
  g_assert_cmpuint (merged, >=, 1);
  g_assert_cmpuint (rehandled, >=, 1);

  /* Seeding again does nothing. */
  g_assert_true (rexian_store_seed_sample_data (sample_store, now, &error));
  g_assert_no_error (error);
  query->state = -1;
  g_assert_cmpuint (count (sample_store, query), ==, total);
}

static void
test_filters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GPtrArray) departments = rexian_store_list_departments (sample_store, &error);
  g_autoptr(GPtrArray) categories = rexian_store_list_categories (sample_store, &error);
  guint red, yellow, green, alerts, supervised;
  guint total = count (sample_store, query);

  query->color = REXIAN_DEADLINE_RED;
  red = count (sample_store, query);
  query->color = REXIAN_DEADLINE_YELLOW;
  yellow = count (sample_store, query);
  query->color = REXIAN_DEADLINE_GREEN;
  green = count (sample_store, query);
  query->color = REXIAN_DEADLINE_NONE;
  query->alerts_only = TRUE;
  alerts = count (sample_store, query);
  query->alerts_only = FALSE;

  g_assert_cmpuint (red, >, 0);
  g_assert_cmpuint (yellow, >, 0);
  g_assert_cmpuint (green, >, 0);
  g_assert_cmpuint (alerts, ==, red + yellow);
  g_assert_cmpuint (red + yellow + green, <, total);

  /* Each coloured order really has that colour by the core's rules. */
  {
    RexianDeadlineRules rules;
    g_autoptr(GPtrArray) orders = NULL;

    rexian_store_get_deadline_rules (sample_store, &rules);
    query->color = REXIAN_DEADLINE_YELLOW;
    orders = query_all (sample_store, query);
    query->color = REXIAN_DEADLINE_NONE;

    for (guint i = 0; i < orders->len; i++)
      {
        RexianWorkOrder *order = g_ptr_array_index (orders, i);
        RexianDeadlineColor color;

        g_assert_true (rexian_deadline_get_color (rexian_store_get_calendar (sample_store),
                                                  &rules,
                                                  rexian_work_order_get_running_deadline (order),
                                                  test_now (), &color, NULL, NULL));
        g_assert_cmpint (color, ==, REXIAN_DEADLINE_YELLOW);
      }
  }

  query->supervised_only = TRUE;
  supervised = count (sample_store, query);
  g_assert_cmpuint (supervised, >=, 2);
  query->supervised_only = FALSE;

  /* 市住房和城乡建设局 leads several sample orders; the 街道办 assists some. */
  query->department_id = ((RexianDepartment *) g_ptr_array_index (departments, 0))->id;
  g_assert_cmpuint (count (sample_store, query), >=, 3);
  query->department_id = ((RexianDepartment *) g_ptr_array_index (departments, 10))->id;
  g_assert_cmpuint (count (sample_store, query), >=, 2);
  query->department_id = 0;

  query->category_id = ((RexianCategory *) g_ptr_array_index (categories, 8))->id;
  g_assert_cmpuint (count (sample_store, query), >=, 5);
  query->state = REXIAN_STATE_IN_PROGRESS;
  g_assert_cmpuint (count (sample_store, query), >=, 1);
}

static void
test_ordering (void)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GPtrArray) orders = query_all (sample_store, query);
  gboolean seen_plain = FALSE;
  gint64 last_due = G_MININT64;
  gboolean last_emergency = TRUE;

  for (guint i = 0; i < orders->len; i++)
    {
      RexianWorkOrder *order = g_ptr_array_index (orders, i);
      gboolean emergency = rexian_work_order_get_emergency (order);
      gint64 due = rexian_work_order_get_running_deadline (order);

      if (due == 0)
        due = G_MAXINT64;

      /* Emergencies first, then the soonest running deadline, none last. */
      if (!emergency)
        seen_plain = TRUE;
      else
        g_assert_false (seen_plain);

      if (emergency != last_emergency)
        last_due = G_MININT64;
      g_assert_cmpint (due, >=, last_due);
      last_due = due;
      last_emergency = emergency;
    }

  g_assert_true (rexian_work_order_get_emergency (g_ptr_array_index (orders, 0)));
}

static void
test_search (void)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GPtrArray) found = NULL;

  /* Three or more characters: the trigram index, anywhere in the searched fields. */
  g_assert_cmpuint (count_text ("楼道灯"), ==, 2);
  g_assert_cmpuint (count_text ("小区楼道灯损坏"), ==, 1);
  g_assert_cmpuint (count_text ("末班车"), ==, 1);
  g_assert_cmpuint (count_text ("张建国"), ==, 2);
  g_assert_cmpuint (count_text ("凤台街道"), >=, 5);
  g_assert_cmpuint (count_text ("办理情况不存在的文字"), ==, 0);
  /* The handling result is searched too. */
  g_assert_cmpuint (count_text ("当场答复"), >=, 3);

  /* Two characters and one: LIKE on the table. */
  g_assert_cmpuint (count_text ("砖厂"), ==, 1);
  g_assert_cmpuint (count_text ("停水"), ==, 2);
  g_assert_cmpuint (count_text ("灯"), >=, 3);
  g_assert_cmpuint (count_text ("灯"), >=, count_text ("楼道灯"));
  g_assert_cmpuint (count_text ("鑫"), ==, 0);

  /* Digits: an order number or a phone number, whole or in part. */
  g_assert_cmpuint (count_text ("13835601234"), ==, 2);
  g_assert_cmpuint (count_text ("1234"), >=, 2);
  g_assert_cmpuint (count_text ("12"), >=, 2);
  g_assert_cmpuint (count_text ("2026"), >=, 55);

  /* Several words narrow down. */
  g_assert_cmpuint (count_text ("张建国 再次"), ==, 1);
  g_assert_cmpuint (count_text ("张建国　楼道灯"), ==, 2);

  /* Query syntax and LIKE wildcards are only text. */
  g_assert_cmpuint (count_text ("%"), ==, 0);
  g_assert_cmpuint (count_text ("_"), ==, 0);
  g_assert_cmpuint (count_text ("%%%"), ==, 0);
  g_assert_cmpuint (count_text ("\"楼道\" OR *"), ==, 0);
  g_assert_cmpuint (count_text ("楼道灯\""), ==, 0);
  g_assert_cmpuint (count_text ("NEAR(a b)"), ==, 0);
  g_assert_cmpuint (count_text ("'; DROP TABLE work_orders; --"), ==, 0);
  g_assert_cmpuint (count_text ("   "), ==, count_text (NULL));

  /* Search and filters combine, and the orders come back whole. */
  query->text = g_strdup ("楼道灯");
  query->state = REXIAN_STATE_IN_PROGRESS;
  found = query_all (sample_store, query);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (rexian_work_order_get_lead_department_name (g_ptr_array_index (found, 0)),
                   ==, "市住房和城乡建设局");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->calls++;
}

static void
test_model (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "model.db", NULL);
  g_autoptr(RexianStore) store = test_open (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(RexianOrderModel) model = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  ItemsChanged seen = { 0 };
  guint n;

  rexian_store_set_poll_interval (store, 0);
  g_assert_true (rexian_store_fill_generated (store, 1234, test_now (), &error));
  g_assert_no_error (error);

  model = rexian_order_model_new (store, query);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == REXIAN_TYPE_WORK_ORDER);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, 1234);
  g_object_get (model, "n-items", &n, NULL);
  g_assert_cmpuint (n, ==, 1234);

  /* Items across pages are the rows of the query, in order, and stable while cached. */
  expected = query_all (store, query);
  for (guint i = 0; i < 1234; i += 97)
    {
      g_autoptr(RexianWorkOrder) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(RexianWorkOrder) again = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (rexian_work_order_get_id (item), ==,
                       rexian_work_order_get_id (g_ptr_array_index (expected, i)));
      g_assert_true (item == again);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1234));

  /* Reading every page keeps memory bounded and the values right. */
  for (guint i = 0; i < 1234; i++)
    {
      g_autoptr(RexianWorkOrder) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (rexian_work_order_get_id (item), ==,
                       rexian_work_order_get_id (g_ptr_array_index (expected, i)));
    }

  /* A new order is announced as one added row where it sorts, not as a new list, so a
   * view keeps its scroll position and every other card. */
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  {
    g_autoptr(RexianWorkOrder) created = test_create (store, "路灯不亮", "13603568368",
                                                      test_now ());
    g_autoptr(RexianWorkOrder) at = NULL;

    g_assert_cmpuint (seen.calls, ==, 1);
    g_assert_cmpuint (seen.removed, ==, 0);
    g_assert_cmpuint (seen.added, ==, 1);
    at = g_list_model_get_item (G_LIST_MODEL (model), seen.position);
    g_assert_cmpint (rexian_work_order_get_id (at), ==, rexian_work_order_get_id (created));
  }

  /* Changing one order announces that row alone. */
  {
    g_autoptr(RexianWorkOrder) first = g_list_model_get_item (G_LIST_MODEL (model), 10);
    g_autoptr(RexianWorkOrder) edited = rexian_work_order_copy (first);
    g_autoptr(RexianWorkOrder) saved = NULL;
    g_autoptr(GError) error = NULL;

    rexian_work_order_set_caller_address (edited, "城区东街道新市东街8号");
    saved = rexian_store_update_order (store, edited, 1, NULL, test_now (), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (seen.calls, ==, 2);
    g_assert_cmpuint (seen.position, ==, 10);
    g_assert_cmpuint (seen.removed, ==, 1);
    g_assert_cmpuint (seen.added, ==, 1);
  }
  seen.calls = 1;

  /* A narrower query re-counts. */
  query->state = REXIAN_STATE_INTAKE;
  rexian_order_model_set_query (model, query);
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    count (store, query));
  g_assert_true (rexian_order_query_equal (rexian_order_model_get_query (model), query));

  g_clear_object (&model);
  g_clear_object (&store);
  test_remove_dir (dir);
}

static gboolean
plan_uses_sort (sqlite3    *db,
                const char *sql,
                const char *state,
                GString    *plan)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  if (state != NULL)
    sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append (plan, (const char *) sqlite3_column_text (stmt, 3));
      g_string_append_c (plan, '\n');
    }
  sqlite3_finalize (stmt);

  return strstr (plan->str, "TEMP B-TREE") != NULL;
}

static void
test_large (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "large.db", NULL);
  g_autoptr(RexianStore) store = test_open (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(RexianOrderModel) model = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autofree char *board_sql = NULL;
  guint n = g_test_slow () ? 100000 : 30000;
  gint64 start;
  gint64 fill_ms;
  gint64 open_ms;

  rexian_store_set_poll_interval (store, 0);

  start = g_get_monotonic_time ();
  g_assert_true (rexian_store_fill_generated (store, n, test_now (), &error));
  g_assert_no_error (error);
  fill_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("Generated %u orders in %" G_GINT64_FORMAT " ms", n, fill_ms);
  g_assert_cmpint (fill_ms, <, 60000);

  /* A kanban column: counted and its first page read straight from the board index. */
  board_sql = g_strconcat (rexian_store_order_select,
                           "WHERE o.state = ?1 ORDER BY o.emergency DESC, o.due_at, o.id DESC "
                           "LIMIT 100",
                           NULL);
  g_assert_false (plan_uses_sort (rexian_store_get_db (store), board_sql, "in-progress", plan));
  g_assert_nonnull (strstr (plan->str, "work_orders_board"));
  g_string_truncate (plan, 0);
  g_assert_false (plan_uses_sort (rexian_store_get_db (store),
                                  "SELECT count(*) FROM work_orders o WHERE o.state = ?1",
                                  "in-progress", plan));
  /* The count may take the narrower flags index of migration 5; both cover it. */
  g_assert_true (strstr (plan->str, "COVERING INDEX work_orders_board") != NULL ||
                 strstr (plan->str, "COVERING INDEX work_orders_flags") != NULL);
  g_string_truncate (plan, 0);
  g_free (board_sql);
  board_sql = g_strconcat (rexian_store_order_select,
                           "ORDER BY o.emergency DESC, o.due_at, o.id DESC LIMIT 100", NULL);
  g_assert_false (plan_uses_sort (rexian_store_get_db (store), board_sql, NULL, plan));

  for (int state = 0; state < REXIAN_N_STATES; state++)
    {
      g_autoptr(RexianWorkOrder) first = NULL;
      gint64 elapsed;

      query->state = state;
      start = g_get_monotonic_time ();
      if (model == NULL)
        model = rexian_order_model_new (store, query);
      else
        rexian_order_model_set_query (model, query);
      first = g_list_model_get_item (G_LIST_MODEL (model), 0);
      elapsed = (g_get_monotonic_time () - start) / 1000;

      g_test_message ("%s: %u orders, counted and first page in %" G_GINT64_FORMAT " ms",
                      rexian_state_to_string (state),
                      g_list_model_get_n_items (G_LIST_MODEL (model)), elapsed);
      g_assert_nonnull (first);
      g_assert_cmpint (elapsed, <, 250);
    }

  /* Searching a large table stays interactive. */
  g_clear_pointer (&query, rexian_order_query_free);
  query = rexian_order_query_new ();
  query->text = g_strdup ("楼道灯");
  start = g_get_monotonic_time ();
  rexian_order_model_set_query (model, query);
  open_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("search: %u orders in %" G_GINT64_FORMAT " ms",
                  g_list_model_get_n_items (G_LIST_MODEL (model)), open_ms);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  g_assert_cmpint (open_ms, <, 1000);

  g_clear_object (&model);
  g_clear_object (&store);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  sample_dir = test_make_dir ();
  sample_path = g_build_filename (sample_dir, "sample.db", NULL);
  sample_store = test_open (sample_path);
  rexian_store_set_poll_interval (sample_store, 0);
  g_assert_true (rexian_store_seed_sample_data (sample_store, test_now (), &error));
  g_assert_no_error (error);

  g_test_add_func ("/query/sample", test_sample);
  g_test_add_func ("/query/filters", test_filters);
  g_test_add_func ("/query/ordering", test_ordering);
  g_test_add_func ("/query/search", test_search);
  g_test_add_func ("/query/model", test_model);
  g_test_add_func ("/query/large", test_large);

  result = g_test_run ();

  g_clear_object (&sample_store);
  test_remove_dir (sample_dir);
  g_free (sample_dir);
  g_free (sample_path);

  return result;
}
