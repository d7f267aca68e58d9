/* test-store-supervision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rexian-store-supervision.h"
#include "store-test-util.h"

/* Supervision records in a real database file, written and read by two connections as
 * two seats would, with orders built by hand for each of the standard's five cases. */

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
  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);
  fixture->seat_a = test_open (fixture->path);
  fixture->seat_b = test_open (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->seat_a);
  g_clear_object (&fixture->seat_b);
  test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A write by a third party: the test's own connection. */
static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
create (Fixture    *fixture,
        const char *summary,
        gint64      created_at,
        gboolean    emergency)
{
  static guint serial;
  g_autofree char *phone = g_strdup_printf ("138356%05u", ++serial);
  g_autoptr(RexianWorkOrder) draft = NULL;
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) error = NULL;

  /* A phone of its own: a caller who called before makes a repeated request (多次反映). */
  draft = test_make_draft (summary, phone);
  rexian_work_order_set_emergency (draft, emergency);
  order = rexian_store_create_order (fixture->seat_a, draft, 0, created_at, &error);
  g_assert_no_error (error);
  return rexian_work_order_get_id (order);
}

/* Submitted and transferred to a department at @now. */
static gint64
create_dispatched (Fixture    *fixture,
                   const char *summary,
                   gint64      now)
{
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create (fixture, summary, now, FALSE);

  order = rexian_store_apply (fixture->seat_a, id, REXIAN_ACTION_SUBMIT, input, 0, now, &error);
  g_assert_no_error (error);
  g_clear_object (&order);

  input->lead_department_id = rexian_store_add_department (fixture->seat_a, summary, "王五",
                                                           "0356-2020202", &error);
  g_assert_no_error (error);
  input->transfer_opinion = g_strdup ("请核实处理");
  order = rexian_store_apply (fixture->seat_a, id, REXIAN_ACTION_DISPATCH, input, 0, now,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_IN_PROGRESS);

  return id;
}

static GPtrArray *
records_of (RexianStore *store,
            gint64       order_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = rexian_store_list_supervision_records (store, order_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

/* The one cause recorded for @order_id, checked to be supervised. */
static void
assert_one_record (Fixture               *fixture,
                   gint64                 order_id,
                   RexianSuperviseReason  cause)
{
  g_autoptr(GPtrArray) records = records_of (fixture->seat_a, order_id);
  g_autoptr(RexianWorkOrder) order = rexian_store_get_order (fixture->seat_a, order_id, NULL);
  RexianSupervisionRecord *record;

  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (rexian_supervise_reason_to_string (record->cause), ==,
                   rexian_supervise_reason_to_string (cause));
  g_assert_cmpint (record->method, ==, REXIAN_SUPERVISE_METHOD_WRITTEN_NOTICE);
  g_assert_cmpstr (record->responsible, ==, "督查室");
  g_assert_cmpint (record->agent_id, ==, 0);
  g_assert_cmpstr (record->outcome, ==, "");
  g_assert_true (rexian_work_order_get_supervised (order));
}

static void
test_manual_records (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RexianSupervisionRecord) record = rexian_supervision_record_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) supervised = NULL;
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  RexianSupervisedOrder *item;
  RexianSupervisionRecord *first;
  RexianOrderEvent *event;
  gint64 now = test_now ();
  gint64 order_id = create_dispatched (fixture, "小区供暖不热", now - 3600);
  gint64 closed_id = create (fixture, "咨询公积金提取", now - 3600, FALSE);
  gint64 first_id;
  gint64 second_id;

  /* Seat A supervises by SMS; the first record puts the order under supervision. */
  record->order_id = order_id;
  record->method = REXIAN_SUPERVISE_METHOD_SMS;
  record->responsible = g_strdup ("王科长");
  record->note = g_strdup ("群众反映强烈，请加快办理");
  first_id = rexian_store_add_supervision_record (fixture->seat_a, record, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_id, >, 0);

  /* Seat B sees it. */
  order = rexian_store_get_order (fixture->seat_b, order_id, &error);
  g_assert_true (rexian_work_order_get_supervised (order));
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_IN_PROGRESS);
  records = records_of (fixture->seat_b, order_id);
  g_assert_cmpuint (records->len, ==, 1);
  first = g_ptr_array_index (records, 0);
  g_assert_cmpint (first->id, ==, first_id);
  g_assert_cmpint (first->cause, ==, REXIAN_SUPERVISE_REASON_MANUAL);
  g_assert_cmpint (first->method, ==, REXIAN_SUPERVISE_METHOD_SMS);
  g_assert_cmpstr (first->responsible, ==, "王科长");
  g_assert_cmpint (first->at, ==, now);
  g_assert_cmpstr (first->outcome, ==, "");
  g_assert_cmpint (first->outcome_at, ==, 0);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* A second record on a supervised order adds the record and a timeline line only. */
  g_free (record->responsible);
  record->responsible = g_strdup ("李主任");
  record->method = REXIAN_SUPERVISE_METHOD_ON_SITE;
  second_id = rexian_store_add_supervision_record (fixture->seat_b, record, now + 60, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second_id, >, first_id);

  events = rexian_store_list_events (fixture->seat_a, order_id, &error);
  g_assert_no_error (error);
  event = g_ptr_array_index (events, events->len - 2);
  g_assert_cmpint (event->action, ==, REXIAN_ACTION_SUPERVISE);
  g_assert_cmpstr (event->reason, ==, "群众反映强烈，请加快办理");
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (event->action, ==, REXIAN_ACTION_SUPERVISE);
  g_assert_cmpstr (event->detail, ==,
                   "Supervision record: Manual; On-site inspection; responsible: 李主任");
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Seat B records the outcome of the first; seat A reads it. */
  g_assert_false (rexian_store_set_supervision_outcome (fixture->seat_b, first_id, "  ", 0,
                                                        now + 120, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (rexian_store_set_supervision_outcome (fixture->seat_b, first_id,
                                                       "承办单位已派人维修，明日回复", 0,
                                                       now + 120, &error));
  g_assert_no_error (error);
  g_assert_false (rexian_store_set_supervision_outcome (fixture->seat_b, 9999, "x", 0, now,
                                                        &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  records = records_of (fixture->seat_a, order_id);
  g_assert_cmpuint (records->len, ==, 2);
  first = g_ptr_array_index (records, 0);
  g_assert_cmpstr (first->outcome, ==, "承办单位已派人维修，明日回复");
  g_assert_cmpint (first->outcome_at, ==, now + 120);
  events = rexian_store_list_events (fixture->seat_a, order_id, &error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (event->detail, ==, "Supervision outcome: 承办单位已派人维修，明日回复");

  /* The list of supervised orders, with the latest record. */
  supervised = rexian_store_list_supervised_orders (fixture->seat_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (supervised->len, ==, 1);
  item = g_ptr_array_index (supervised, 0);
  g_assert_cmpint (rexian_work_order_get_id (item->order), ==, order_id);
  g_assert_cmpuint (item->n_records, ==, 2);
  g_assert_cmpint (item->latest->id, ==, second_id);
  g_assert_cmpstr (item->latest->responsible, ==, "李主任");

  /* A closed order that was never supervised cannot be. */
  exec_sql (fixture, "UPDATE work_orders SET state = 'closed', version = version + 1 "
                     "WHERE summary = '咨询公积金提取'");
  record->order_id = closed_id;
  g_assert_cmpint (rexian_store_add_supervision_record (fixture->seat_a, record, now, &error),
                   ==, 0);
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM supervision_records"),
                   ==, 2);
}

static void
on_pass_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  guint *done = user_data;
  guint count = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (rexian_store_supervise_causes_finish (REXIAN_STORE (object), result, &count,
                                                       &error));
  g_assert_no_error (error);
  done[0]++;
  done[1] += count;
}

/* Both seats run the pass at once, each on its worker thread and at the clock's time,
 * on a backlog of orders that are all late by then: every order gets its records and no
 * cause is recorded twice. */
static void
test_two_seats_at_once (Fixture       *fixture,
                        gconstpointer  data)
{
  RexianSupervisionPolicy policy;
  gint64 now = test_now ();
  guint done[2] = { 0, 0 };

  rexian_supervision_policy_init_default (&policy);
  policy.responsible = "督查室";
  policy.cluster_threshold = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *summary = g_strdup_printf ("第%u号井盖破损", i);

      if (i % 2 == 0)
        create (fixture, summary, now - 7 * 86400, i % 4 == 0);
      else
        create_dispatched (fixture, summary, now - 7 * 86400);
    }

  rexian_store_supervise_causes_async (fixture->seat_a, &policy, NULL, on_pass_done, done);
  rexian_store_supervise_causes_async (fixture->seat_b, &policy, NULL, on_pass_done, done);
  while (done[0] < 2)
    g_main_context_iteration (NULL, TRUE);

  /* Twenty overdue records and five emergencies, whoever wrote them. */
  g_assert_cmpuint (done[1], ==, 25);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM supervision_records"),
                   ==, 25);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM (SELECT order_id, cause, count(*) AS n "
                                   "FROM supervision_records GROUP BY 1, 2 HAVING n > 1)"),
                   ==, 0);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM work_orders WHERE supervised = 1"),
                   ==, 20);
}

static void
test_causes_at_fixed_time (Fixture       *fixture,
                           gconstpointer  data)
{
  RexianSupervisionPolicy policy;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gint64 now = test_now ();
  gint64 emergency, repeated, near, overdue, dissatisfied, visited, fresh, manual;
  g_autofree char *sql = NULL;
  RexianOrderEvent *event;
  guint count = 0;

  rexian_supervision_policy_init_default (&policy);
  policy.method = REXIAN_SUPERVISE_METHOD_WRITTEN_NOTICE;
  policy.responsible = "督查室";
  policy.cluster_threshold = 0;

  emergency = create (fixture, "燃气管道泄漏", now - 600, TRUE);
  repeated = create (fixture, "楼道堆放杂物", now - 600, FALSE);
  exec_sql (fixture, "UPDATE work_orders SET repeated = 1 WHERE summary = '楼道堆放杂物'");
  near = create_dispatched (fixture, "路面塌陷", now - 600);
  sql = g_strdup_printf ("UPDATE work_orders SET deadline = %" G_GINT64_FORMAT
                         " WHERE summary = '路面塌陷'", now + 3600);
  exec_sql (fixture, sql);
  overdue = create (fixture, "垃圾点三天未清运", now - 7 * 86400, FALSE);
  dissatisfied = create_dispatched (fixture, "噪音扰民", now - 600);
  exec_sql (fixture, "UPDATE work_orders SET followup_result = 'dissatisfied', "
                     "rehandle_count = 1 WHERE summary = '噪音扰民'");
  visited = create_dispatched (fixture, "物业不作为", now - 600);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO followup_attempts (order_id, at, reached, process, "
                         "result, attitude) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ", 1, 'satisfied', 'basically', 'dissatisfied')", visited, now - 300);
  exec_sql (fixture, sql);
  fresh = create_dispatched (fixture, "路灯不亮", now - 600);
  manual = create (fixture, "占道经营", now - 600, FALSE);
  {
    g_autoptr(RexianSupervisionRecord) record = rexian_supervision_record_new ();

    record->order_id = manual;
    record->note = g_strdup ("领导批示");
    g_assert_cmpint (rexian_store_add_supervision_record (fixture->seat_a, record, now - 60,
                                                          &error), >, 0);
  }

  g_assert_true (rexian_store_supervise_causes (fixture->seat_b, &policy, now, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 6);

  assert_one_record (fixture, emergency, REXIAN_SUPERVISE_REASON_EMERGENCY);
  assert_one_record (fixture, repeated, REXIAN_SUPERVISE_REASON_REPEATED);
  assert_one_record (fixture, near, REXIAN_SUPERVISE_REASON_NEAR_DEADLINE);
  assert_one_record (fixture, overdue, REXIAN_SUPERVISE_REASON_OVERDUE);
  assert_one_record (fixture, dissatisfied, REXIAN_SUPERVISE_REASON_DISSATISFIED);
  assert_one_record (fixture, visited, REXIAN_SUPERVISE_REASON_DISSATISFIED);
  records = records_of (fixture->seat_a, fresh);
  g_assert_cmpuint (records->len, ==, 0);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = records_of (fixture->seat_a, manual);
  g_assert_cmpuint (records->len, ==, 1);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* The lifecycle's line, by the system, with the record's note as its reason. */
  events = rexian_store_list_events (fixture->seat_a, near, &error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (event->action, ==, REXIAN_ACTION_SUPERVISE);
  g_assert_cmpint (event->agent_id, ==, 0);
  g_assert_cmpstr (event->detail, ==, "Supervised automatically: Near the deadline");
  g_assert_cmpstr (event->reason, ==, "Close to the handling time limit");

  /* Nothing new a minute later, from either seat. */
  g_assert_true (rexian_store_supervise_causes (fixture->seat_a, &policy, now + 60, &count,
                                                &error));
  g_assert_cmpuint (count, ==, 0);

  /* The next morning the near order is overdue: a second record, a new cause. */
  g_assert_true (rexian_store_supervise_causes (fixture->seat_a, &policy, now + 86400, &count,
                                                &error));
  g_assert_no_error (error);
  records = records_of (fixture->seat_b, near);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpint (((RexianSupervisionRecord *) g_ptr_array_index (records, 1))->cause, ==,
                   REXIAN_SUPERVISE_REASON_OVERDUE);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM (SELECT order_id, cause, count(*) AS n "
                                   "FROM supervision_records GROUP BY 1, 2 HAVING n > 1)"),
                   ==, 0);
}

/* Concentrated requests (集中反映): an early-warning cluster of the same street. */
static void
test_cluster (Fixture       *fixture,
              gconstpointer  data)
{
  RexianSupervisionPolicy policy;
  g_autoptr(GError) error = NULL;
  gint64 now = test_now ();
  gint64 ids[3];
  gint64 elsewhere;
  guint count = 0;

  rexian_supervision_policy_init_default (&policy);
  policy.method = REXIAN_SUPERVISE_METHOD_WRITTEN_NOTICE;
  policy.responsible = "督查室";
  policy.cluster_threshold = 3;
  policy.cluster_days = 1;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *phone = g_strdup_printf ("1383560333%u", i);
      g_autoptr(RexianWorkOrder) draft = test_make_draft ("城区凤台街道书院街井盖破损", phone);
      g_autoptr(RexianWorkOrder) order = NULL;
      g_autofree char *address = g_strdup_printf ("城区凤台街道书院街%u号", 10 + i);

      rexian_work_order_set_caller_address (draft, address);
      order = rexian_store_create_order (fixture->seat_a, draft, 0, now - 3600 * (i + 1),
                                         &error);
      g_assert_no_error (error);
      ids[i] = rexian_work_order_get_id (order);
    }
  {
    g_autoptr(RexianWorkOrder) draft = test_make_draft ("高平市米山镇路灯不亮", "13835604444");
    g_autoptr(RexianWorkOrder) order = NULL;

    rexian_work_order_set_caller_address (draft, "高平市米山镇3号");
    order = rexian_store_create_order (fixture->seat_a, draft, 0, now - 600, &error);
    elsewhere = rexian_work_order_get_id (order);
  }

  g_assert_true (rexian_store_supervise_causes (fixture->seat_b, &policy, now, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_one_record (fixture, ids[i], REXIAN_SUPERVISE_REASON_REPEATED);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM supervision_records "
                                                  "WHERE order_id NOT IN (1, 2, 3)"), ==, 0);
  (void) elsewhere;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/supervision/manual-records", test_manual_records);
  ADD ("/store/supervision/two-seats-at-once", test_two_seats_at_once);
  ADD ("/store/supervision/five-causes", test_causes_at_fixed_time);
  ADD ("/store/supervision/cluster", test_cluster);

  return g_test_run ();
}
