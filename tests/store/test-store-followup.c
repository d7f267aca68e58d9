/* test-store-followup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rexian-sampling.h"
#include "rexian-store-followup.h"
#include "rexian-store-stats.h"
#include "store-test-util.h"

/* Follow-up visits on a real database: the queue, attempts and what follows from them
 * (closing, re-handling, unreachable), sampling plans drawn again with the same seed,
 * the department evaluation from hand-built visits whose rates are known, and a visit
 * recorded by another process. */

typedef struct
{
  char        *dir;
  char        *path;
  RexianStore *store;
  gint64       agent;
  gint64       departments[2];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);
  fixture->store = test_open (fixture->path);
  rexian_store_set_poll_interval (fixture->store, 0);

  fixture->agent = rexian_store_add_agent (fixture->store, "1001", "王芳", "agent", &error);
  g_assert_no_error (error);
  fixture->departments[0] = rexian_store_add_department (fixture->store, "市住房和城乡建设局",
                                                         "王建华", "0356-2021234", &error);
  g_assert_no_error (error);
  fixture->departments[1] = rexian_store_add_department (fixture->store, "市城市管理局",
                                                         "赵卫东", "0356-2025678", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
at (int month,
    int day,
    int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (2026, month, day, hour, 0, 0);

  return g_date_time_to_unix (dt);
}

static void
act (Fixture      *fixture,
     gint64        order_id,
     RexianAction  action,
     gint64        when,
     gint64        department_id)
{
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(RexianWorkOrder) moved = NULL;
  g_autoptr(GError) error = NULL;

  input->handling_days = 5;
  input->lead_department_id = department_id;
  input->transfer_opinion = g_strdup ("请按时办理");
  input->handling_result = g_strdup ("已处理并答复来电人");
  moved = rexian_store_apply (fixture->store, order_id, action, input, fixture->agent, when,
                              &error);
  g_assert_no_error (error);
}

/* An order created on June @day, dispatched to @department and replied the same day;
 * in follow-up when @follow_up, else closed from replied without a visit. */
static gint64
handled_order (Fixture  *fixture,
               int       day,
               guint     department,
               gboolean  follow_up,
               gboolean  confidential)
{
  g_autoptr(RexianWorkOrder) draft = test_make_draft ("城区凤台街道书院街路灯不亮",
                                                      "13835601234");
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rexian_work_order_set_confidential (draft, confidential);
  order = rexian_store_create_order (fixture->store, draft, fixture->agent, at (6, day, 9),
                                     &error);
  g_assert_no_error (error);
  id = rexian_work_order_get_id (order);
  act (fixture, id, REXIAN_ACTION_SUBMIT, at (6, day, 9), 0);
  act (fixture, id, REXIAN_ACTION_DISPATCH, at (6, day, 10), fixture->departments[department]);
  act (fixture, id, REXIAN_ACTION_REPLY, at (6, day, 11), 0);
  if (follow_up)
    act (fixture, id, REXIAN_ACTION_START_FOLLOW_UP, at (6, day, 12), 0);
  else
    act (fixture, id, REXIAN_ACTION_CLOSE, at (6, day, 12), 0);

  return id;
}

static RexianVisitResult
visit (Fixture            *fixture,
       gint64              order_id,
       gboolean            reached,
       RexianSatisfaction  process,
       RexianSatisfaction  result,
       RexianSatisfaction  attitude,
       RexianSatisfaction  efficiency,
       const char         *reason,
       gint64              when,
       guint               expected_attempts)
{
  g_autoptr(RexianVisit) v = rexian_visit_new ();
  g_autoptr(GError) error = NULL;
  RexianVisitResult outcome = REXIAN_VISIT_RESULT_RETRY;
  guint attempts = 0;

  v->reached = reached;
  v->process = process;
  v->result = result;
  v->attitude = attitude;
  v->efficiency = efficiency;
  v->note = g_strdup ("回访记录");
  v->reason = g_strdup (reason);
  g_assert_true (rexian_store_record_visit (fixture->store, order_id, v, fixture->agent, when,
                                            &outcome, &attempts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (attempts, ==, expected_attempts);

  return outcome;
}

#define S REXIAN_SATISFACTION_SATISFIED
#define B REXIAN_SATISFACTION_BASICALLY
#define D REXIAN_SATISFACTION_DISSATISFIED
#define N REXIAN_SATISFACTION_NONE

static RexianFollowupItem *
find_item (GPtrArray *queue,
           gint64     order_id)
{
  for (guint i = 0; i < queue->len; i++)
    {
      RexianFollowupItem *item = g_ptr_array_index (queue, i);

      if (item->order_id == order_id)
        return item;
    }
  return NULL;
}

static GPtrArray *
queue (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = rexian_store_list_followup_queue (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static gint64
query_order (Fixture    *fixture,
             const char *sql_format,
             gint64      order_id)
{
  g_autofree char *sql = g_strdup_printf (sql_format, order_id);

  return test_query_int (fixture->path, sql);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (rexian_store_get_followup_max_attempts (fixture->store), ==, 3);
  g_assert_cmpfloat (rexian_store_get_followup_sample_percent (fixture->store), ==, 10.0);
  g_assert_true (rexian_store_set_followup_settings (fixture->store, 2, 25, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rexian_store_get_followup_max_attempts (fixture->store), ==, 2);
  g_assert_cmpfloat (rexian_store_get_followup_sample_percent (fixture->store), ==, 25.0);
}

/* Both answers 不满意: back in progress with the reason, counted, and in the timeline;
 * the attempt is written with the transition. */
static void
test_rehandle (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = handled_order (fixture, 1, 0, TRUE, TRUE);
  g_autoptr(GPtrArray) before = queue (fixture);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(RexianVisit) missing = rexian_visit_new ();
  g_autoptr(GError) error = NULL;
  RexianFollowupItem *item = find_item (before, id);
  RexianOrderEvent *last;

  g_assert_nonnull (item);
  g_assert_false (item->sampled);
  g_assert_cmpuint (item->attempts, ==, 0);
  g_assert_cmpuint (item->max_attempts, ==, 3);
  g_assert_cmpstr (item->caller, ==, "张**");
  g_assert_cmpstr (item->phone_shown, ==, "138****1234");
  g_assert_cmpstr (item->phone, ==, "13835601234");
  g_assert_cmpstr (item->department, ==, "市住房和城乡建设局");

  /* Without a reason nothing is written. */
  missing->reached = TRUE;
  missing->process = D;
  missing->result = D;
  g_assert_false (rexian_store_record_visit (fixture->store, id, missing, fixture->agent,
                                             at (6, 2, 9), NULL, NULL, &error));
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_MISSING_FIELD);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count (*) FROM followup_attempts"),
                   ==, 0);

  g_assert_cmpint (visit (fixture, id, TRUE, D, D, B, D, "路灯仍未修复", at (6, 2, 9), 1),
                   ==, REXIAN_VISIT_RESULT_REHANDLE);
  g_assert_cmpint (query_order (fixture, "SELECT state = 'in-progress' FROM work_orders "
                                "WHERE id = %" G_GINT64_FORMAT, id), ==, 1);
  g_assert_cmpint (query_order (fixture, "SELECT rehandle_count FROM work_orders "
                                "WHERE id = %" G_GINT64_FORMAT, id), ==, 1);
  g_assert_cmpint (query_order (fixture, "SELECT count (*) FROM followup_attempts WHERE "
                                "order_id = %" G_GINT64_FORMAT " AND reached = 1 AND "
                                "process = 'dissatisfied' AND attitude = 'basically'", id),
                   ==, 1);

  events = rexian_store_list_events (fixture->store, id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (last->action, ==, REXIAN_ACTION_REHANDLE);
  g_assert_cmpstr (last->reason, ==, "路灯仍未修复");

  after = queue (fixture);
  g_assert_null (find_item (after, id));

  /* Handled again and back in follow-up: a new round, the earlier attempt not counted. */
  act (fixture, id, REXIAN_ACTION_REPLY, at (6, 3, 9), 0);
  act (fixture, id, REXIAN_ACTION_START_FOLLOW_UP, at (6, 3, 10), 0);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = queue (fixture);
  g_assert_cmpuint (find_item (after, id)->attempts, ==, 0);
  g_assert_cmpint (visit (fixture, id, TRUE, B, S, N, N, NULL, at (6, 4, 9), 1),
                   ==, REXIAN_VISIT_RESULT_CLOSED);
  g_assert_cmpint (query_order (fixture, "SELECT state = 'closed' AND followup_result = "
                                "'satisfied' FROM work_orders WHERE id = %" G_GINT64_FORMAT,
                                id), ==, 1);
}

/* A transition that fails after the attempt was prepared (no calendar for the new
 * deadline) writes nothing: the attempt is in the transition's transaction.  Retried
 * with the calendar back, exactly one attempt is kept. */
static void
test_attempt_rolled_back (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 id = handled_order (fixture, 1, 0, TRUE, FALSE);
  g_autoptr(RexianCalendar) calendar = g_object_ref (rexian_store_get_calendar (fixture->store));
  g_autoptr(RexianVisit) v = rexian_visit_new ();
  g_autoptr(GError) error = NULL;

  v->reached = TRUE;
  v->process = D;
  v->result = D;
  v->reason = g_strdup ("仍未解决");
  rexian_store_set_calendar (fixture->store, NULL);
  g_assert_false (rexian_store_record_visit (fixture->store, id, v, fixture->agent,
                                             at (6, 2, 9), NULL, NULL, &error));
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_CALENDAR);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count (*) FROM followup_attempts"),
                   ==, 0);
  g_assert_cmpint (query_order (fixture, "SELECT state = 'follow-up' FROM work_orders "
                                "WHERE id = %" G_GINT64_FORMAT, id), ==, 1);

  rexian_store_set_calendar (fixture->store, calendar);
  g_assert_cmpint (visit (fixture, id, TRUE, D, D, N, N, "仍未解决", at (6, 2, 10), 1),
                   ==, REXIAN_VISIT_RESULT_REHANDLE);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count (*) FROM followup_attempts"),
                   ==, 1);
}

/* Not reached three times: closed as 无法联系 at the third attempt. */
static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = handled_order (fixture, 1, 1, TRUE, FALSE);
  g_autoptr(GPtrArray) items = NULL;

  g_assert_cmpint (visit (fixture, id, FALSE, N, N, N, N, NULL, at (6, 2, 9), 1),
                   ==, REXIAN_VISIT_RESULT_RETRY);
  g_assert_cmpint (visit (fixture, id, FALSE, N, N, N, N, NULL, at (6, 2, 15), 2),
                   ==, REXIAN_VISIT_RESULT_RETRY);
  items = queue (fixture);
  g_assert_cmpuint (find_item (items, id)->attempts, ==, 2);
  g_assert_cmpint (find_item (items, id)->last_attempt_at, ==, at (6, 2, 15));
  g_assert_cmpint (query_order (fixture, "SELECT state = 'follow-up' FROM work_orders "
                                "WHERE id = %" G_GINT64_FORMAT, id), ==, 1);

  g_assert_cmpint (visit (fixture, id, FALSE, N, N, N, N, NULL, at (6, 3, 9), 3),
                   ==, REXIAN_VISIT_RESULT_UNREACHABLE);
  g_assert_cmpint (query_order (fixture, "SELECT state = 'closed' AND followup_process = "
                                "'unreachable' AND followup_result = 'unreachable' "
                                "FROM work_orders WHERE id = %" G_GINT64_FORMAT, id), ==, 1);
  g_assert_cmpint (query_order (fixture, "SELECT count (*) FROM followup_attempts "
                                "WHERE order_id = %" G_GINT64_FORMAT, id), ==, 3);
}

static GArray *
plan (Fixture *fixture,
      double   share,
      guint64  seed,
      gint64   now)
{
  g_autoptr(GError) error = NULL;
  GArray *drawn = NULL;
  gint64 plan_id;

  plan_id = rexian_store_create_followup_plan (fixture->store, at (6, 1, 0), at (7, 1, 0),
                                               share, seed, fixture->agent, now, &drawn,
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan_id, >, 0);
  return drawn;
}

/* Ten orders closed without a visit in department 0, three in department 1: 20 % draws
 * two and one; the same seed draws them again, another seed others. */
static void
test_sampling_plan (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GArray) preview = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sampled_id;
  guint differing = 0;

  for (int i = 0; i < 13; i++)
    handled_order (fixture, 1 + i % 5, i < 10 ? 0 : 1, FALSE, FALSE);

  first = plan (fixture, 20, 12345, at (7, 1, 9));
  g_assert_cmpuint (first->len, ==, 3);
  g_assert_cmpint (g_array_index (first, RexianSampleCandidate, 0).department_id, ==,
                   fixture->departments[0]);
  g_assert_cmpint (g_array_index (first, RexianSampleCandidate, 2).department_id, ==,
                   fixture->departments[1]);
  again = plan (fixture, 20, 12345, at (7, 1, 10));
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpint (g_array_index (first, RexianSampleCandidate, i).order_id, ==,
                     g_array_index (again, RexianSampleCandidate, i).order_id);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count (*) FROM followup_samples"),
                   ==, 6);

  for (guint64 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(GArray) other = rexian_store_draw_followup_sample (fixture->store, at (6, 1, 0),
                                                                   at (7, 1, 0), 20, seed,
                                                                   &error);

      g_assert_no_error (error);
      for (guint i = 0; i < other->len; i++)
        if (g_array_index (other, RexianSampleCandidate, i).order_id
            != g_array_index (first, RexianSampleCandidate, i).order_id)
          {
            differing++;
            break;
          }
    }
  g_assert_cmpuint (differing, >=, 4);

  /* The sampled closed orders are in the queue; a visit records the answers on the
   * order and leaves it closed. */
  items = queue (fixture);
  g_assert_cmpuint (items->len, ==, 3);
  sampled_id = g_array_index (first, RexianSampleCandidate, 0).order_id;
  g_assert_true (find_item (items, sampled_id)->sampled);
  g_assert_cmpint (visit (fixture, sampled_id, TRUE, D, D, N, N, NULL, at (7, 2, 9), 1),
                   ==, REXIAN_VISIT_RESULT_RECORDED);
  g_assert_cmpint (query_order (fixture, "SELECT state = 'closed' AND followup_process = "
                                "'dissatisfied' FROM work_orders WHERE id = %"
                                G_GINT64_FORMAT, sampled_id), ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = queue (fixture);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_null (find_item (items, sampled_id));
}

/* Department 0: four callers reached (process 满意, 满意, 基本满意, 不满意; result 满意,
 * 不满意, 不满意, 不满意 — the last one sent back), attitude asked twice (满意, 不满意),
 * one caller not reached.  Department 1: one caller reached, all 基本满意. */
static void
test_evaluation (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 a = handled_order (fixture, 1, 0, TRUE, FALSE);
  gint64 b = handled_order (fixture, 1, 0, TRUE, FALSE);
  gint64 c = handled_order (fixture, 1, 0, TRUE, FALSE);
  gint64 d = handled_order (fixture, 1, 0, TRUE, FALSE);
  gint64 e = handled_order (fixture, 1, 0, TRUE, FALSE);
  gint64 f = handled_order (fixture, 1, 1, TRUE, FALSE);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  RexianDepartmentEvaluation *first;
  RexianDepartmentEvaluation *second;
  RexianMeasureValue value;
  RexianPeriod period;

  visit (fixture, a, TRUE, S, S, S, S, NULL, at (6, 2, 9), 1);
  visit (fixture, b, TRUE, S, D, N, N, NULL, at (6, 2, 9), 1);
  visit (fixture, c, TRUE, B, D, D, N, NULL, at (6, 2, 9), 1);
  visit (fixture, d, TRUE, D, D, N, N, "没有解决", at (6, 2, 9), 1);
  visit (fixture, e, FALSE, N, N, N, N, NULL, at (6, 2, 9), 1);
  visit (fixture, f, TRUE, B, B, B, B, NULL, at (6, 2, 9), 1);
  /* Outside the period: not counted. */
  visit (fixture, e, TRUE, D, S, N, N, NULL, at (7, 1, 9), 2);

  rexian_period_init (&period, REXIAN_PERIOD_MONTH, at (6, 15, 9));
  rows = rexian_store_get_department_evaluation (fixture->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  /* Sorted by name: 市城市管理局 before 市住房和城乡建设局 in UTF-8 byte order. */
  first = g_ptr_array_index (rows, 0);
  second = g_ptr_array_index (rows, 1);
  if (first->department_id != fixture->departments[0])
    {
      RexianDepartmentEvaluation *swap = first;

      first = second;
      second = swap;
    }

  g_assert_cmpint (first->visits, ==, 5);
  g_assert_cmpint (first->reached, ==, 4);
  value = rexian_department_evaluation_rate (first, REXIAN_EVALUATION_PROCESS);
  g_assert_cmpint (value.numerator, ==, 3);
  g_assert_cmpint (value.denominator, ==, 4);
  value = rexian_department_evaluation_rate (first, REXIAN_EVALUATION_RESULT);
  g_assert_cmpint (value.numerator, ==, 1);
  g_assert_cmpint (value.denominator, ==, 4);
  value = rexian_department_evaluation_rate (first, REXIAN_EVALUATION_ATTITUDE);
  g_assert_cmpint (value.numerator, ==, 1);
  g_assert_cmpint (value.denominator, ==, 2);
  value = rexian_department_evaluation_rate (first, REXIAN_EVALUATION_EFFICIENCY);
  g_assert_cmpint (value.numerator, ==, 1);
  g_assert_cmpint (value.denominator, ==, 1);
  g_assert_cmpint (first->aspects[REXIAN_EVALUATION_RESULT].dissatisfied, ==, 3);

  g_assert_cmpint (second->visits, ==, 1);
  value = rexian_department_evaluation_rate (second, REXIAN_EVALUATION_RESULT);
  g_assert_true (value.defined);
  g_assert_cmpfloat (value.value, ==, 1.0);

  /* The report carries the same evaluation, for its department table. */
  {
    g_autoptr(RexianStatsReport) report = rexian_store_stats_report (fixture->store, &period,
                                                                     at (6, 30, 9), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (report->evaluation->len, ==, 2);
  }
}

static void
record_visit_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  RexianVisitResult outcome = REXIAN_VISIT_RESULT_RETRY;
  guint attempts = 0;

  g_assert_true (rexian_store_record_visit_finish (REXIAN_STORE (object), result, &outcome,
                                                   &attempts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, REXIAN_VISIT_RESULT_CLOSED);
  g_assert_cmpuint (attempts, ==, 1);
  *done = TRUE;
}

/* The async form on the worker's connection, and a second process that sees it. */
static void
test_async_and_other_seat (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 id = handled_order (fixture, 1, 0, TRUE, FALSE);
  g_autoptr(RexianVisit) v = rexian_visit_new ();
  g_autoptr(RexianStore) other = test_open (fixture->path);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  items = rexian_store_list_followup_queue (other, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_item (items, id));

  v->reached = TRUE;
  v->process = S;
  v->result = B;
  rexian_store_record_visit_async (fixture->store, id, v, fixture->agent, NULL,
                                   record_visit_done_cb, &done);
  g_assert_true (test_wait_for (&done, 30000));

  g_clear_pointer (&items, g_ptr_array_unref);
  items = rexian_store_list_followup_queue (other, &error);
  g_assert_no_error (error);
  g_assert_null (find_item (items, id));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store-followup/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("settings", test_settings);
  ADD ("rehandle", test_rehandle);
  ADD ("unreachable", test_unreachable);
  ADD ("attempt-rolled-back", test_attempt_rolled_back);
  ADD ("sampling-plan", test_sampling_plan);
  ADD ("evaluation", test_evaluation);
  ADD ("async-and-other-seat", test_async_and_other_seat);

  return g_test_run ();
}
