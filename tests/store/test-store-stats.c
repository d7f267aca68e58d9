/* test-store-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rexian-store-calls.h"
#include "rexian-store-stats.h"
#include "store-test-util.h"

/* The statistics read from a real database: hand-built call and order histories whose
 * figures are known, the SQL aggregates against core's computation on a generated
 * history, the "now" figures, early warning, and another process writing calls while
 * the figures are read. */

typedef struct
{
  char        *dir;
  char        *path;
  RexianStore *store;
  gint64       agents[3];
  gint64       departments[2];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char *const names[] = { "王芳", "李强", "张敏" };

  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);
  fixture->store = test_open (fixture->path);
  rexian_store_set_poll_interval (fixture->store, 0);

  for (guint i = 0; i < G_N_ELEMENTS (fixture->agents); i++)
    {
      g_autofree char *number = g_strdup_printf ("100%u", i + 1);

      fixture->agents[i] = rexian_store_add_agent (fixture->store, number, names[i], "agent",
                                                   &error);
      g_assert_no_error (error);
    }

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
    int hour,
    int minute,
    int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (2026, month, day, hour, minute, second);

  return g_date_time_to_unix (dt);
}

/* Calls through the store, as the seats write them. */

static void
offer (Fixture    *fixture,
       const char *call_id,
       gint64      agent_id,
       gint64      offered_at)
{
  g_autoptr(GError) error = NULL;

  rexian_store_call_offered (fixture->store, call_id, REXIAN_CALL_RECORD_INCOMING,
                             "13835601234", agent_id, offered_at, &error);
  g_assert_no_error (error);
}

static void
answer (Fixture    *fixture,
        const char *call_id,
        gint64      agent_id,
        gint64      answered_at)
{
  g_autoptr(GError) error = NULL;

  rexian_store_call_answered (fixture->store, call_id, agent_id, answered_at, &error);
  g_assert_no_error (error);
}

static void
end (Fixture           *fixture,
     const char        *call_id,
     RexianCallOutcome  outcome,
     gint64             ended_at)
{
  g_autoptr(GError) error = NULL;

  rexian_store_call_ended (fixture->store, call_id, outcome, ended_at, NULL, &error);
  g_assert_no_error (error);
}

static void
whole_call (Fixture           *fixture,
            const char        *call_id,
            gint64             offered_at,
            int                wait,
            gboolean           answered,
            RexianCallOutcome  outcome)
{
  offer (fixture, call_id, fixture->agents[0], offered_at);
  if (answered)
    answer (fixture, call_id, fixture->agents[0], offered_at + wait);
  end (fixture, call_id, outcome, offered_at + wait + (answered ? 100 : 0));
}

/* June 9 2026 at the hotline: the 15-second edges, a forked call, calls nobody took, a
 * call passed on, an outgoing call, and a call offered just before midnight. */
static void
build_call_history (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 t = at (6, 9, 10, 0, 0);

  whole_call (fixture, "a", t, 15, TRUE, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP);
  whole_call (fixture, "b", t + 60, 16, TRUE, REXIAN_CALL_OUTCOME_AGENT_HUNG_UP);
  /* The caller hangs up at exactly 15 s: abandoned, within 15 s. */
  whole_call (fixture, "c", t + 120, 15, FALSE, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP);

  /* Forked to three seats, answered at the second after 5 s. */
  offer (fixture, "d", fixture->agents[0], t + 180);
  offer (fixture, "d", fixture->agents[1], t + 180);
  offer (fixture, "d", fixture->agents[2], t + 181);
  answer (fixture, "d", fixture->agents[1], t + 185);
  end (fixture, "d", REXIAN_CALL_OUTCOME_NO_ANSWER, t + 185);
  end (fixture, "d", REXIAN_CALL_OUTCOME_DECLINED, t + 185);
  end (fixture, "d", REXIAN_CALL_OUTCOME_AGENT_HUNG_UP, t + 400);

  /* Nobody took it in 30 s. */
  whole_call (fixture, "e", t + 240, 30, FALSE, REXIAN_CALL_OUTCOME_NO_ANSWER);
  whole_call (fixture, "f", t + 300, 4, FALSE, REXIAN_CALL_OUTCOME_TRANSFERRED);

  rexian_store_call_offered (fixture->store, "g", REXIAN_CALL_RECORD_OUTGOING, "13835609999",
                             fixture->agents[0], t + 360, &error);
  g_assert_no_error (error);
  answer (fixture, "g", fixture->agents[0], t + 363);
  end (fixture, "g", REXIAN_CALL_OUTCOME_AGENT_HUNG_UP, t + 420);

  /* Offered at 23:59:50, answered at 00:00:05: June 9's call, within 15 s. */
  whole_call (fixture, "h", at (6, 9, 23, 59, 50), 15, TRUE,
              REXIAN_CALL_OUTCOME_CALLER_HUNG_UP);
}

static void
assert_same_counts (const gint64 *a,
                    const gint64 *b,
                    gsize         size,
                    const char   *what)
{
  for (guint i = 0; i < size / sizeof (gint64); i++)
    if (a[i] != b[i])
      g_error ("%s: field %u is %" G_GINT64_FORMAT " in SQL and %" G_GINT64_FORMAT
               " in core", what, i, a[i], b[i]);
}

/* The same period computed by core from the stored call records. */
static void
core_calls (Fixture            *fixture,
            const RexianPeriod *period,
            RexianCallStats    *out,
            GArray            **out_hours)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = rexian_store_list_calls (fixture->store, period->start,
                                                          period->end, 0, &error);

  g_assert_no_error (error);
  memset (out, 0, sizeof *out);
  rexian_call_stats_add_records (out, period, records);

  if (out_hours != NULL)
    {
      *out_hours = rexian_hour_counts_new (period);
      for (guint i = 0; i < records->len; i++)
        {
          RexianCallFacts facts;

          rexian_call_facts_from_record (&facts, g_ptr_array_index (records, i));
          rexian_hour_counts_add (*out_hours, period, &facts);
        }
    }
}

static void
assert_calls_agree (Fixture            *fixture,
                    const RexianPeriod *period)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sql_hours = NULL;
  g_autoptr(GArray) core_hours = NULL;
  g_autofree char *label = rexian_period_format (period);
  RexianCallStats sql;
  RexianCallStats core;

  g_assert_true (rexian_store_stats_calls (fixture->store, period, &sql, &error));
  g_assert_no_error (error);
  core_calls (fixture, period, &core, &core_hours);
  assert_same_counts ((gint64 *) &sql, (gint64 *) &core, sizeof sql, label);

  sql_hours = rexian_store_stats_calls_per_hour (fixture->store, period, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_hours->len, ==, core_hours->len);
  assert_same_counts ((gint64 *) (gpointer) sql_hours->data,
                      (gint64 *) (gpointer) core_hours->data,
                      sql_hours->len * sizeof (RexianHourCount), label);
}

static guint
count_calls (Fixture            *fixture,
             const RexianPeriod *period,
             RexianCallFilter    filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rexian_store_stats_list_calls (fixture->store, period, filter, 0,
                                                         &error);

  g_assert_no_error (error);
  return ids->len;
}

static void
test_call_history (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RexianPeriod day;
  RexianPeriod today;
  RexianCallStats stats;
  RexianMeasureValue value;

  build_call_history (fixture);
  /* Still ringing today: waiting, not yet offered in the figures. */
  offer (fixture, "i", fixture->agents[0], test_now () - 30);

  rexian_period_init (&day, REXIAN_PERIOD_DAY, at (6, 9, 12, 0, 0));
  g_assert_true (rexian_store_stats_calls (fixture->store, &day, &stats, &error));
  g_assert_no_error (error);

  /* a b c d e f h: seven calls offered, the forked one once; g went out. */
  g_assert_cmpint (stats.offered, ==, 7);
  g_assert_cmpint (stats.answered, ==, 4);
  g_assert_cmpint (stats.abandoned, ==, 2);
  g_assert_cmpint (stats.passed_on, ==, 1);
  /* a (15 s), d (5 s), h (15 s across midnight); b took 16 s. */
  g_assert_cmpint (stats.answered_within, ==, 3);
  /* c gave up at exactly 15 s; e waited 30 s. */
  g_assert_cmpint (stats.abandoned_within, ==, 1);
  g_assert_cmpint (stats.answered_wait_sum, ==, 15 + 16 + 5 + 15);
  g_assert_cmpint (stats.longest_wait, ==, 30);

  value = rexian_call_stats_get (&stats, REXIAN_MEASURE_COMPLETION_RATE);
  g_assert_cmpint (value.numerator, ==, 4);
  g_assert_cmpint (value.denominator, ==, 7);
  value = rexian_call_stats_get (&stats, REXIAN_MEASURE_SERVICE_LEVEL_2);
  g_assert_cmpint (value.numerator, ==, 4);
  g_assert_cmpint (value.denominator, ==, 6);

  /* Each figure's list has as many calls as the figure. */
  g_assert_cmpint (count_calls (fixture, &day, REXIAN_CALL_FILTER_OFFERED), ==, 7);
  g_assert_cmpint (count_calls (fixture, &day, REXIAN_CALL_FILTER_ANSWERED_WITHIN), ==, 3);
  g_assert_cmpint (count_calls (fixture, &day, REXIAN_CALL_FILTER_ANSWERED_LATE), ==, 1);
  g_assert_cmpint (count_calls (fixture, &day, REXIAN_CALL_FILTER_ABANDONED_WITHIN), ==, 1);
  g_assert_cmpint (count_calls (fixture, &day, REXIAN_CALL_FILTER_ABANDONED_LATE), ==, 1);
  g_assert_cmpint (count_calls (fixture, &day, REXIAN_CALL_FILTER_PASSED_ON), ==, 1);

  assert_calls_agree (fixture, &day);

  /* Today has only the call still ringing: nothing to measure, shown as "—". */
  rexian_period_init (&today, REXIAN_PERIOD_DAY, test_now ());
  g_assert_true (rexian_store_stats_calls (fixture->store, &today, &stats, &error));
  g_assert_cmpint (stats.offered, ==, 0);
  value = rexian_call_stats_get (&stats, REXIAN_MEASURE_COMPLETION_RATE);
  g_assert_false (value.defined);
  assert_calls_agree (fixture, &today);
}

/* Orders through the lifecycle, as agents and departments move them. */

static RexianWorkOrder *
act (Fixture          *fixture,
     RexianWorkOrder  *order,
     RexianAction      action,
     gint64            when,
     gint64            department_id,
     RexianSatisfaction satisfaction_process,
     RexianSatisfaction satisfaction_result)
{
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *moved;

  input->reason = g_strdup ("测试");
  /* Five working days whatever the kind, so the deadlines below are easy to follow. */
  input->handling_days = 5;
  input->lead_department_id = department_id;
  input->transfer_opinion = g_strdup ("请按时办理");
  input->handling_result = g_strdup ("已处理并答复来电人");
  input->followup_process = satisfaction_process;
  input->followup_result = satisfaction_result;
  moved = rexian_store_apply (fixture->store, rexian_work_order_get_id (order), action, input,
                              0, when, &error);
  g_assert_no_error (error);
  g_object_unref (order);

  return moved;
}

#define NO_ANSWER REXIAN_SATISFACTION_NONE

/* Created, dispatched on @dispatch_day, replied on @reply_day (0: not yet). */
static RexianWorkOrder *
transferred (Fixture    *fixture,
             gint64      created_at,
             gint64      dispatched_at,
             gint64      replied_at,
             guint       department)
{
  RexianWorkOrder *order = test_create (fixture->store, "城区凤台街道书院街路灯不亮",
                                        "13835601111", created_at);
  gint64 lead = fixture->departments[department];

  order = act (fixture, order, REXIAN_ACTION_SUBMIT, created_at, 0, NO_ANSWER, NO_ANSWER);
  order = act (fixture, order, REXIAN_ACTION_DISPATCH, dispatched_at, lead, NO_ANSWER,
               NO_ANSWER);
  if (replied_at > 0)
    order = act (fixture, order, REXIAN_ACTION_REPLY, replied_at, 0, NO_ANSWER, NO_ANSWER);

  return order;
}

static RexianWorkOrder *
follow_up_and_close (Fixture           *fixture,
                     RexianWorkOrder   *order,
                     gint64             when,
                     RexianSatisfaction process,
                     RexianSatisfaction result)
{
  order = act (fixture, order, REXIAN_ACTION_START_FOLLOW_UP, when, 0, NO_ANSWER, NO_ANSWER);
  return act (fixture, order, REXIAN_ACTION_CLOSE, when, 0, process, result);
}

/* June 2026 up to Wednesday June 10, 10:00 (see the expectations in the test). */
static void
build_order_history (Fixture *fixture)
{
  g_autoptr(RexianWorkOrder) a = NULL;
  g_autoptr(RexianWorkOrder) b = NULL;
  g_autoptr(RexianWorkOrder) c = NULL;
  g_autoptr(RexianWorkOrder) d = NULL;
  g_autoptr(RexianWorkOrder) e = NULL;
  g_autoptr(RexianWorkOrder) f = NULL;
  g_autoptr(RexianWorkOrder) g = NULL;
  g_autoptr(RexianTransitionInput) merge = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;

  /* A: dispatched the next day (on time), replied by its deadline (June 9), 满意 twice
   * (closed below, once D has joined it). */
  a = transferred (fixture, at (6, 1, 9, 0, 0), at (6, 2, 10, 0, 0), at (6, 5, 10, 0, 0), 0);

  /* B: dispatched after its dispatch deadline (June 3); due June 11, not yet. */
  b = transferred (fixture, at (6, 1, 9, 30, 0), at (6, 4, 10, 0, 0), at (6, 5, 11, 0, 0), 0);
  b = follow_up_and_close (fixture, b, at (6, 8, 10, 0, 0), REXIAN_SATISFACTION_BASICALLY,
                           REXIAN_SATISFACTION_DISSATISFIED);

  /* C: answered on the spot. */
  c = test_create (fixture->store, "咨询社保转移手续", "13835602222", at (6, 2, 9, 0, 0));
  c = act (fixture, c, REXIAN_ACTION_CLOSE_DIRECT, at (6, 2, 9, 5, 0), 0, NO_ANSWER,
           NO_ANSWER);

  /* D: the same request as A, merged into it. */
  d = test_create (fixture->store, "书院街路灯还是不亮", "13835601111", at (6, 2, 11, 0, 0));
  merge->merge_into_id = rexian_work_order_get_id (a);
  g_object_unref (rexian_store_apply (fixture->store, rexian_work_order_get_id (d),
                                      REXIAN_ACTION_MERGE, merge, 0, at (6, 2, 11, 5, 0),
                                      &error));
  g_assert_no_error (error);
  a = follow_up_and_close (fixture, a, at (6, 6, 10, 0, 0), REXIAN_SATISFACTION_SATISFIED,
                           REXIAN_SATISFACTION_SATISFIED);

  /* E: returned by the first department, dispatched again to the second (on time
   * against the review deadline); due June 12. */
  e = transferred (fixture, at (6, 3, 9, 0, 0), at (6, 3, 14, 0, 0), 0, 0);
  e = act (fixture, e, REXIAN_ACTION_RETURN, at (6, 4, 9, 0, 0), 0, NO_ANSWER, NO_ANSWER);
  e = act (fixture, e, REXIAN_ACTION_DISPATCH, at (6, 5, 9, 0, 0), fixture->departments[1],
           NO_ANSWER, NO_ANSWER);

  /* F: from May, replied late, sent back after a dissatisfied follow-up: in progress
   * again with a deadline at the end of June 10, not passed yet. */
  f = transferred (fixture, at (5, 25, 9, 0, 0), at (5, 25, 10, 0, 0), at (6, 2, 10, 0, 0), 1);
  f = act (fixture, f, REXIAN_ACTION_START_FOLLOW_UP, at (6, 3, 9, 0, 0), 0, NO_ANSWER,
           NO_ANSWER);
  f = act (fixture, f, REXIAN_ACTION_REHANDLE, at (6, 3, 10, 0, 0), 0,
           REXIAN_SATISFACTION_DISSATISFIED, REXIAN_SATISFACTION_DISSATISFIED);

  /* G: from May, due June 2, replied June 3 (late); the caller could not be reached. */
  g = transferred (fixture, at (5, 26, 9, 0, 0), at (5, 26, 10, 0, 0), at (6, 3, 10, 0, 0), 1);
  g = follow_up_and_close (fixture, g, at (6, 4, 10, 0, 0), REXIAN_SATISFACTION_UNREACHABLE,
                           REXIAN_SATISFACTION_UNREACHABLE);
}

static GPtrArray *
load_orders (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *orders = rexian_store_query_orders (fixture->store, NULL, test_now (), 0, 0,
                                                 &error);

  g_assert_no_error (error);
  return orders;
}

static gint64
group_key (RexianWorkOrder  *order,
           RexianStatsGroup  group)
{
  switch (group)
    {
    case REXIAN_STATS_GROUP_DEPARTMENT:
      return rexian_work_order_get_lead_department_id (order);
    case REXIAN_STATS_GROUP_CATEGORY:
      return rexian_work_order_get_category_id (order);
    case REXIAN_STATS_GROUP_CHANNEL:
      return rexian_work_order_get_channel (order);
    case REXIAN_STATS_GROUP_KIND:
    default:
      return rexian_work_order_get_kind (order);
    }
}

/* Core's figures for the orders of one group (@group < 0: every order). */
static void
core_orders (GPtrArray          *orders,
             const RexianPeriod *period,
             gint64              now,
             int                 group,
             gint64              key,
             RexianOrderStats   *out)
{
  memset (out, 0, sizeof *out);

  for (guint i = 0; i < orders->len; i++)
    {
      RexianWorkOrder *order = g_ptr_array_index (orders, i);
      RexianOrderFacts facts;

      if (group >= 0 && group_key (order, group) != key)
        continue;

      rexian_order_facts_from_order (&facts, order);
      rexian_order_stats_add (out, &facts, period, now);
    }
}

static void
assert_orders_agree (Fixture            *fixture,
                     GPtrArray          *orders,
                     const RexianPeriod *period,
                     gint64              now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = rexian_period_format (period);
  RexianOrderStats sql;
  RexianOrderStats core;

  g_assert_true (rexian_store_stats_orders (fixture->store, period, now, &sql, &error));
  g_assert_no_error (error);
  core_orders (orders, period, now, -1, 0, &core);
  assert_same_counts ((gint64 *) &sql, (gint64 *) &core, sizeof sql, label);

  for (guint group = REXIAN_STATS_GROUP_DEPARTMENT; group <= REXIAN_STATS_GROUP_KIND; group++)
    {
      g_autoptr(GPtrArray) groups = rexian_store_stats_orders_grouped (fixture->store, period,
                                                                       now, group, &error);
      RexianOrderStats total = { 0, };

      g_assert_no_error (error);
      for (guint i = 0; i < groups->len; i++)
        {
          RexianOrderGroup *row = g_ptr_array_index (groups, i);

          g_assert_nonnull (row->label);
          core_orders (orders, period, now, group, row->key, &core);
          assert_same_counts ((gint64 *) &row->stats, (gint64 *) &core, sizeof core, label);
          rexian_order_stats_merge (&total, &row->stats);
        }

      /* The groups cover every order once. */
      assert_same_counts ((gint64 *) &total, (gint64 *) &sql, sizeof sql, label);
    }
}

static guint
count_orders (Fixture           *fixture,
              const RexianPeriod *period,
              RexianOrderFilter  filter,
              gint64             department_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rexian_store_stats_list_orders (fixture->store, period, test_now (),
                                                          filter, department_id, 0, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* Every drill-down list has as many rows as the figure it explains. */
static void
check_lists (Fixture                *fixture,
             const RexianPeriod     *period,
             const RexianCallStats  *c,
             const RexianOrderStats *o)
{
  const RexianCallStats calls = *c;
  const RexianOrderStats orders = *o;
  const struct
  {
    RexianCallFilter filter;
    gint64           count;
  } call_lists[] = {
    { REXIAN_CALL_FILTER_OFFERED, calls.offered },
    { REXIAN_CALL_FILTER_ANSWERED, calls.answered },
    { REXIAN_CALL_FILTER_ABANDONED, calls.abandoned },
    { REXIAN_CALL_FILTER_PASSED_ON, calls.passed_on },
    { REXIAN_CALL_FILTER_ANSWERED_WITHIN, calls.answered_within },
    { REXIAN_CALL_FILTER_ANSWERED_LATE, calls.answered - calls.answered_within },
    { REXIAN_CALL_FILTER_ABANDONED_WITHIN, calls.abandoned_within },
    { REXIAN_CALL_FILTER_ABANDONED_LATE, calls.abandoned - calls.abandoned_within },
  };
  const struct
  {
    RexianOrderFilter filter;
    gint64            count;
  } order_lists[] = {
    { REXIAN_ORDER_FILTER_ORDERS, orders.orders },
    { REXIAN_ORDER_FILTER_MERGED, orders.merged },
    { REXIAN_ORDER_FILTER_CLOSED_AT_INTAKE, orders.closed_at_intake },
    { REXIAN_ORDER_FILTER_TRANSFERRED, orders.transferred },
    { REXIAN_ORDER_FILTER_RETURNED, orders.returned },
    { REXIAN_ORDER_FILTER_REHANDLED, orders.rehandled },
    { REXIAN_ORDER_FILTER_DISPATCHED_ON_TIME, orders.dispatched_on_time },
    { REXIAN_ORDER_FILTER_DISPATCHED_LATE, orders.dispatched - orders.dispatched_on_time },
    { REXIAN_ORDER_FILTER_COMPLETED_ON_TIME, orders.completed_on_time },
    { REXIAN_ORDER_FILTER_COMPLETED_LATE, orders.due - orders.completed_on_time },
    { REXIAN_ORDER_FILTER_VISITED, orders.visited },
    { REXIAN_ORDER_FILTER_NOT_VISITED, orders.closed - orders.visited },
    { REXIAN_ORDER_FILTER_PROCESS_SATISFIED,
      orders.process_satisfied + orders.process_basically },
    { REXIAN_ORDER_FILTER_PROCESS_DISSATISFIED,
      orders.process_valid - orders.process_satisfied - orders.process_basically },
    { REXIAN_ORDER_FILTER_RESULT_SATISFIED, orders.result_satisfied + orders.result_basically },
    { REXIAN_ORDER_FILTER_RESULT_DISSATISFIED,
      orders.result_valid - orders.result_satisfied - orders.result_basically },
  };

  for (guint i = 0; i < G_N_ELEMENTS (call_lists); i++)
    g_assert_cmpint (count_calls (fixture, period, call_lists[i].filter), ==,
                     call_lists[i].count);
  for (guint i = 0; i < G_N_ELEMENTS (order_lists); i++)
    g_assert_cmpint (count_orders (fixture, period, order_lists[i].filter, 0), ==,
                     order_lists[i].count);
}

static void
assert_lists_agree (Fixture            *fixture,
                    const RexianPeriod *period)
{
  g_autoptr(GError) error = NULL;
  RexianCallStats calls;
  RexianOrderStats orders;

  g_assert_true (rexian_store_stats_calls (fixture->store, period, &calls, &error));
  g_assert_true (rexian_store_stats_orders (fixture->store, period, test_now (), &orders,
                                            &error));
  g_assert_no_error (error);
  check_lists (fixture, period, &calls, &orders);
}

static void
assert_measure (const RexianOrderStats *stats,
                RexianMeasure           measure,
                gint64                  numerator,
                gint64                  denominator)
{
  RexianMeasureValue value = rexian_order_stats_get (stats, measure);

  g_assert_true (value.defined);
  g_assert_cmpint (value.numerator, ==, numerator);
  g_assert_cmpint (value.denominator, ==, denominator);
}

static void
test_order_history (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  RexianOrderStats stats;
  RexianPeriod june;

  build_order_history (fixture);
  rexian_period_init (&june, REXIAN_PERIOD_MONTH, test_now ());
  g_assert_true (rexian_store_stats_orders (fixture->store, &june, test_now (), &stats,
                                            &error));
  g_assert_no_error (error);

  /* Created in June: A B C E, and D merged. */
  g_assert_cmpint (stats.orders, ==, 4);
  g_assert_cmpint (stats.merged, ==, 1);
  assert_measure (&stats, REXIAN_MEASURE_DIRECT_ANSWER_RATE, 1, 4);
  /* Transferred of those: A B E; E was returned. */
  assert_measure (&stats, REXIAN_MEASURE_RETURN_RATE, 1, 3);
  assert_measure (&stats, REXIAN_MEASURE_REHANDLE_RATE, 0, 3);
  /* Dispatched in June: A (on time), B (late), E again (on time). */
  assert_measure (&stats, REXIAN_MEASURE_ON_TIME_DISPATCH, 2, 3);
  /* Due by now in June: A (June 9, replied June 5) and G (June 2, replied June 3). */
  assert_measure (&stats, REXIAN_MEASURE_ON_TIME_COMPLETION, 1, 2);
  /* Closed in June after a transfer: A, B, G; G's caller could not be reached. */
  assert_measure (&stats, REXIAN_MEASURE_FOLLOW_UP_RATE, 2, 3);
  assert_measure (&stats, REXIAN_MEASURE_PROCESS_SATISFACTION, 2, 2);
  assert_measure (&stats, REXIAN_MEASURE_RESULT_SATISFACTION, 1, 2);

  g_assert_cmpint (count_orders (fixture, &june, REXIAN_ORDER_FILTER_DISPATCHED_LATE, 0), ==, 1);
  g_assert_cmpint (count_orders (fixture, &june, REXIAN_ORDER_FILTER_COMPLETED_LATE, 0), ==, 1);
  g_assert_cmpint (count_orders (fixture, &june, REXIAN_ORDER_FILTER_NOT_VISITED, 0), ==, 1);
  g_assert_cmpint (count_orders (fixture, &june, REXIAN_ORDER_FILTER_MERGED, 0), ==, 1);
  g_assert_cmpint (count_orders (fixture, &june, REXIAN_ORDER_FILTER_RESULT_DISSATISFIED, 0),
                   ==, 1);
  g_assert_cmpint (count_orders (fixture, &june, REXIAN_ORDER_FILTER_CLOSED,
                                 fixture->departments[0]), ==, 2);

  /* By department: the first has A and B; E, F and G lead with the second now. */
  departments = rexian_store_stats_orders_grouped (fixture->store, &june, test_now (),
                                                   REXIAN_STATS_GROUP_DEPARTMENT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < departments->len; i++)
    {
      RexianOrderGroup *row = g_ptr_array_index (departments, i);

      if (row->key == fixture->departments[0])
        {
          g_assert_cmpstr (row->label, ==, "市住房和城乡建设局");
          assert_measure (&row->stats, REXIAN_MEASURE_ON_TIME_DISPATCH, 1, 2);
          assert_measure (&row->stats, REXIAN_MEASURE_EFFICIENCY, 1, 1);
        }
      else if (row->key == fixture->departments[1])
        {
          assert_measure (&row->stats, REXIAN_MEASURE_ATTITUDE, 0, 1);
          assert_measure (&row->stats, REXIAN_MEASURE_EFFICIENCY, 0, 1);
        }
    }

  orders = load_orders (fixture);
  assert_orders_agree (fixture, orders, &june, test_now ());
}

/* The SQL aggregates equal core's computation on a generated history: a year of calls
 * and a quarter of orders, plus the hand-built edges. */
static void
test_sql_agrees_with_core (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  static const RexianPeriodKind kinds[] = {
    REXIAN_PERIOD_DAY, REXIAN_PERIOD_WEEK, REXIAN_PERIOD_MONTH, REXIAN_PERIOD_YEAR,
    REXIAN_PERIOD_LAST_24H,
  };
  gint64 now = test_now ();

  g_assert_true (rexian_store_fill_generated_calls (fixture->store, 20000, now, &error));
  g_assert_no_error (error);
  g_assert_true (rexian_store_fill_generated (fixture->store, 1500, now, &error));
  g_assert_no_error (error);
  build_call_history (fixture);
  build_order_history (fixture);

  /* Random calls of every kind around now, including ones still ringing. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *call_id = g_strdup_printf ("random-%u", i);
      gint64 offered_at = now - g_rand_int_range (rand, 0, 3 * 86400);
      int wait = g_rand_int_range (rand, 0, 40);
      int kind = g_rand_int_range (rand, 0, 5);

      if (kind == 4)
        {
          offer (fixture, call_id, fixture->agents[1], offered_at);
          continue;
        }
      whole_call (fixture, call_id, offered_at, wait, kind < 2,
                  (RexianCallOutcome[]) { REXIAN_CALL_OUTCOME_CALLER_HUNG_UP,
                                          REXIAN_CALL_OUTCOME_AGENT_HUNG_UP,
                                          REXIAN_CALL_OUTCOME_ABANDONED,
                                          REXIAN_CALL_OUTCOME_TRANSFERRED }[kind]);
    }

  orders = load_orders (fixture);
  g_assert_cmpint (orders->len, >, 1500);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (int shift = 0; shift >= -1; shift--)
      {
        RexianPeriod period;
        RexianPeriod shifted;

        rexian_period_init (&period, kinds[i], now);
        rexian_period_shift (&period, shift, &shifted);
        assert_calls_agree (fixture, &shifted);
        assert_orders_agree (fixture, orders, &shifted, now);
        assert_lists_agree (fixture, &shifted);
      }

  /* And the figures compared were not empty. */
  {
    RexianPeriod year;
    RexianCallStats calls;
    RexianOrderStats stats;

    rexian_period_init (&year, REXIAN_PERIOD_YEAR, now);
    g_assert_true (rexian_store_stats_calls (fixture->store, &year, &calls, &error));
    g_assert_true (rexian_store_stats_orders (fixture->store, &year, now, &stats, &error));
    g_assert_cmpint (calls.offered, >, 5000);
    g_assert_cmpint (calls.abandoned, >, 100);
    g_assert_cmpint (calls.passed_on, >, 10);
    g_assert_cmpint (stats.orders, >, 1000);
    g_assert_cmpint (stats.due, >, 100);
    g_assert_cmpint (stats.result_valid, >, 100);
  }
}

/* A report's parts add up to its totals. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStatsReport) report = NULL;
  RexianCallStats calls = { 0, };
  RexianOrderStats orders = { 0, };
  RexianPeriod year;
  gint64 created = 0;

  g_assert_true (rexian_store_fill_generated_calls (fixture->store, 5000, test_now (), &error));
  build_order_history (fixture);

  rexian_period_init (&year, REXIAN_PERIOD_YEAR, test_now ());
  report = rexian_store_stats_report (fixture->store, &year, test_now (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->parts->len, ==, 12);

  for (guint i = 0; i < report->parts->len; i++)
    {
      rexian_call_stats_merge (&calls, &g_array_index (report->calls_by_part,
                                                       RexianCallStats, i));
      rexian_order_stats_merge (&orders, &g_array_index (report->orders_by_part,
                                                         RexianOrderStats, i));
    }
  assert_same_counts ((gint64 *) &calls, (gint64 *) &report->calls, sizeof calls, "calls");
  assert_same_counts ((gint64 *) &orders, (gint64 *) &report->orders, sizeof orders, "orders");
  g_assert_cmpint (report->calls.offered, >, 1000);

  for (guint s = 0; s < REXIAN_N_STATES; s++)
    created += report->orders_by_state[s];
  g_assert_cmpint (created, ==, report->orders.orders + report->orders.merged);
  g_assert_cmpint (report->by_kind->len, >, 0);
  g_assert_cmpint (report->by_channel->len, >, 0);
}

/* The "now" figures: who waits, who does what, missed calls, deadline colours. */
static void
test_now_figures (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStatsNow) now = NULL;
  g_autoptr(RexianOrderQuery) red = rexian_order_query_new ();
  g_autoptr(RexianOrderQuery) yellow = rexian_order_query_new ();
  g_autoptr(RexianCallRecord) talking = NULL;
  RexianPeriod any;
  gint64 t = test_now ();

  build_call_history (fixture);
  build_order_history (fixture);
  g_assert_cmpint (rexian_store_fill_generated (fixture->store, 300, t, &error), ==, TRUE);
  rexian_store_supervise_due (fixture->store, t, &error);
  g_assert_no_error (error);

  /* Two callers wait; one left ringing two hours ago by a seat that stopped is not. */
  offer (fixture, "ringing-1", fixture->agents[0], t - 42);
  offer (fixture, "ringing-2", fixture->agents[0], t - 3);
  offer (fixture, "stale", fixture->agents[0], t - 7200);
  /* The second agent talks since 50 s. */
  offer (fixture, "talking", fixture->agents[1], t - 60);
  answer (fixture, "talking", fixture->agents[1], t - 50);

  rexian_store_set_agent_status (fixture->store, fixture->agents[0], REXIAN_AGENT_AVAILABLE,
                                 NULL, t - 100, &error);
  rexian_store_set_agent_status (fixture->store, fixture->agents[1], REXIAN_AGENT_ON_CALL,
                                 NULL, t - 50, &error);
  rexian_store_set_agent_status (fixture->store, fixture->agents[2], REXIAN_AGENT_AWAY,
                                 "开会", t - 600, &error);
  g_assert_no_error (error);

  now = rexian_store_stats_now (fixture->store, t, &error);
  g_assert_no_error (error);

  g_assert_cmpint (now->waiting->len, ==, 2);
  g_assert_cmpint (now->longest_wait, ==, 42);
  g_assert_cmpstr (((RexianWaitingCall *) g_ptr_array_index (now->waiting, 0))->call_id, ==,
                   "ringing-1");

  /* The generated data adds its own agents, never signed in. */
  g_assert_cmpint (now->agents_by_status[REXIAN_AGENT_AVAILABLE], ==, 1);
  g_assert_cmpint (now->agents_by_status[REXIAN_AGENT_ON_CALL], ==, 1);
  g_assert_cmpint (now->agents_by_status[REXIAN_AGENT_AWAY], ==, 1);
  talking = rexian_store_get_call (fixture->store, "talking", &error);
  for (guint i = 0; i < now->agents->len; i++)
    {
      RexianAgentNow *agent = g_ptr_array_index (now->agents, i);

      if (agent->agent_id == fixture->agents[1])
        {
          g_assert_cmpint (agent->seconds_in_status, ==, 50);
          g_assert_cmpint (agent->call_id, ==, talking->id);
          g_assert_cmpint (agent->call_started_at, ==, t - 50);
        }
      else if (agent->agent_id == fixture->agents[2])
        {
          g_assert_cmpstr (agent->reason, ==, "开会");
          g_assert_cmpint (agent->seconds_in_status, ==, 600);
          g_assert_cmpint (agent->call_id, ==, 0);
        }
    }

  /* c and e were missed on June 9; the calls never ended have no callback yet. */
  g_assert_cmpint (now->callbacks_pending, ==, 2);
  g_assert_cmpint (now->oldest_callback_at, ==, at (6, 9, 10, 2, 0));

  /* The colours are the board's own. */
  g_assert_true (now->colours_known);
  red->color = REXIAN_DEADLINE_RED;
  yellow->color = REXIAN_DEADLINE_YELLOW;
  g_assert_cmpint (now->orders_red, ==, rexian_store_count_orders (fixture->store, red, t,
                                                                   &error));
  g_assert_cmpint (now->orders_yellow, ==, rexian_store_count_orders (fixture->store, yellow,
                                                                      t, &error));
  g_assert_cmpint (now->orders_red, >, 0);
  rexian_period_init_range (&any, 0, G_MAXINT64);
  g_assert_cmpint (now->orders_supervised, ==,
                   count_orders (fixture, &any, REXIAN_ORDER_FILTER_OPEN_SUPERVISED, 0));
  g_assert_cmpint (now->orders_emergency, ==,
                   count_orders (fixture, &any, REXIAN_ORDER_FILTER_OPEN_EMERGENCY, 0));
  g_assert_cmpint (now->orders_supervised, >, 0);
}

static void
create_at_place (Fixture    *fixture,
                 const char *address,
                 const char *summary,
                 gint64      created_at)
{
  g_autoptr(RexianWorkOrder) draft = test_make_draft (summary, "13835603333");
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) error = NULL;

  rexian_work_order_set_caller_address (draft, address);
  order = rexian_store_create_order (fixture->store, draft, 0, created_at, &error);
  g_assert_no_error (error);
}

/* Early warning: four manhole covers broken on one street within the day, and two more
 * elsewhere; another street's complaint from last week is outside the window. */
static void
test_clusters (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  RexianWarningCluster *first;
  RexianWarningCluster *second;
  RexianPeriod window;
  gint64 t = test_now ();

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *address = g_strdup_printf ("城区凤台街道书院街%u号", 10 + i);

      create_at_place (fixture, address, "城区凤台街道书院街井盖破损", t - 3600 * (i + 1));
    }
  create_at_place (fixture, "泽州县金村镇府城村5号", "泽州县金村镇府城村井盖破损", t - 600);
  create_at_place (fixture, "高平市米山镇3号", "高平市米山镇井盖破损", t - 300);
  create_at_place (fixture, "城区凤台街道书院街1号", "城区凤台街道书院街井盖破损",
                   t - 8 * 86400);
  create_at_place (fixture, "城区西街街道新市东街2号", "城区西街街道新市东街噪音扰民", t - 60);

  rexian_period_init (&window, REXIAN_PERIOD_LAST_24H, t);
  clusters = rexian_store_stats_find_clusters (fixture->store, &window, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (clusters->len, ==, 2);

  first = g_ptr_array_index (clusters, 0);
  g_assert_cmpint (first->kind, ==, REXIAN_WARNING_SIMILAR_TEXT);
  g_assert_cmpstr (first->text, ==, "井盖破损");
  g_assert_cmpint (first->order_ids->len, ==, 6);

  second = g_ptr_array_index (clusters, 1);
  g_assert_cmpint (second->kind, ==, REXIAN_WARNING_SAME_PLACE);
  g_assert_cmpstr (second->area, ==, "城区凤台街道书院街");
  g_assert_cmpint (second->order_ids->len, ==, 4);
  g_assert_cmpint (second->first_at, ==, t - 4 * 3600);
  g_assert_cmpint (second->last_at, ==, t - 3600);

  /* Above the threshold only. */
  g_clear_pointer (&clusters, g_ptr_array_unref);
  clusters = rexian_store_stats_find_clusters (fixture->store, &window, 5, &error);
  g_assert_cmpint (clusters->len, ==, 1);
}

/* The statistics need the indexes of migration 5 and read only the period's rows. */
static void
test_indexes (Fixture       *fixture,
              gconstpointer  data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);

  g_assert_cmpint (rexian_store_get_schema_version (fixture->store), >=, 5);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count (*) FROM sqlite_master WHERE type = 'index' "
                                   "AND name IN ('calls_stats', 'calls_open', "
                                   "'work_orders_created', 'work_orders_dispatched', "
                                   "'work_orders_deadline', 'work_orders_closed', "
                                   "'work_orders_flags')"), ==, 7);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "EXPLAIN QUERY PLAN SELECT sum (c.answered_at > 0) "
                                       "FROM calls c WHERE c.offered_at >= ?1 "
                                       "AND c.offered_at < ?2 AND c.direction = 'incoming'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append (plan, (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_nonnull (strstr (plan->str, "COVERING INDEX calls_stats"));
}

/* The async forms give what the sync ones give, on the worker's connection. */

static void
snapshot_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RexianStatsSnapshot **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rexian_store_stats_snapshot_finish (REXIAN_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rexian_store_stats_list_finish (REXIAN_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RexianStatsSnapshot) snapshot = NULL;
  g_autoptr(GArray) ids = NULL;
  RexianPeriod day;
  gint64 t = at (6, 10, 0, 30, 0);

  build_call_history (fixture);

  rexian_store_stats_snapshot_async (fixture->store, t, NULL, snapshot_ready_cb, &snapshot);
  while (snapshot == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* At 00:30 the last 24 hours hold all of June 9's calls from 00:30 on. */
  g_assert_cmpint (snapshot->last_24h_calls.offered, ==, 7);
  g_assert_cmpint (snapshot->today_calls.offered, ==, 0);
  g_assert_cmpint (snapshot->today_hours->len, ==, 24);
  g_assert_cmpint (snapshot->last_24h_hours->len, ==, 25);
  g_assert_cmpint (g_array_index (snapshot->last_24h_hours, RexianHourCount, 10).offered,
                   ==, 6);
  g_assert_nonnull (snapshot->now);

  rexian_period_init (&day, REXIAN_PERIOD_DAY, at (6, 9, 12, 0, 0));
  rexian_store_stats_list_calls_async (fixture->store, &day, REXIAN_CALL_FILTER_ABANDONED, 0,
                                       NULL, list_ready_cb, &ids);
  while (ids == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ids->len, ==, 2);
}

/* Another seat writes calls while the figures are read: every read is whole (a call is
 * never half counted) and the figures only grow, up to the final count. */
static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_other_seat_writes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) tool = NULL;
  g_autofree char *now_arg = g_strdup_printf ("--now=%" G_GINT64_FORMAT, test_now ());
  g_autofree char *agent_arg = g_strdup_printf ("--agent=%" G_GINT64_FORMAT,
                                                fixture->agents[0]);
  RexianPeriod period;
  RexianCallStats stats;
  gint64 previous = 0;
  guint reads = 0;
  gboolean done = FALSE;

  rexian_period_init_range (&period, test_now (), test_now () + 3600);
  tool = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, REXIAN_DB_TOOL,
                           now_arg, agent_arg, fixture->path, "calls", "300", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (tool, NULL, wait_cb, &done);

  while (!done)
    {
      g_assert_true (rexian_store_stats_calls (fixture->store, &period, &stats, &error));
      g_assert_no_error (error);
      g_assert_cmpint (stats.offered, ==, stats.answered + stats.abandoned + stats.passed_on);
      g_assert_cmpint (stats.offered, >=, previous);
      previous = stats.offered;
      reads++;
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_true (rexian_store_stats_calls (fixture->store, &period, &stats, &error));
  g_assert_cmpint (stats.offered, ==, 300);
  g_assert_cmpint (stats.answered, ==, 150);
  g_assert_cmpint (stats.abandoned, ==, 150);
  g_assert_cmpint (stats.answered_within, ==, 150);
  g_assert_cmpint (stats.abandoned_waits[3], ==, 150);
  g_test_message ("%u reads while the other seat wrote", reads);
  g_assert_cmpint (reads, >, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store-stats/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("call-history", test_call_history);
  ADD ("order-history", test_order_history);
  ADD ("sql-agrees-with-core", test_sql_agrees_with_core);
  ADD ("report", test_report);
  ADD ("now", test_now_figures);
  ADD ("clusters", test_clusters);
  ADD ("indexes", test_indexes);
  ADD ("async", test_async);
  ADD ("other-seat-writes", test_other_seat_writes);

#undef ADD

  return g_test_run ();
}
