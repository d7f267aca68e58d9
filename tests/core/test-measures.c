/* test-measures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "rexian-measures.h"
#include "test-util.h"

/* The measures on hand-built histories whose answers are worked out by hand. */

static RexianCallFacts
incoming (gint64 offered_at,
          gint64 answered_at,
          gint64 ended_at,
          int    outcome)
{
  RexianCallFacts facts = { REXIAN_CALL_RECORD_INCOMING, offered_at, answered_at, ended_at,
                            outcome };

  return facts;
}

static void
assert_ratio (RexianMeasureValue value,
              gint64             numerator,
              gint64             denominator)
{
  g_assert_true (value.defined);
  g_assert_cmpint (value.numerator, ==, numerator);
  g_assert_cmpint (value.denominator, ==, denominator);
  g_assert_cmpfloat_with_epsilon (value.value, (double) numerator / denominator, 1e-9);
}

static char *
format (RexianMeasure      measure,
        RexianMeasureValue value)
{
  return rexian_measure_format_value (measure, &value);
}

static void
test_names_and_formulas (void)
{
  for (guint i = 0; i < REXIAN_N_MEASURES; i++)
    {
      RexianMeasure back = 0;

      g_assert_nonnull (rexian_measure_get_name (i));
      g_assert_cmpstr (rexian_measure_get_formula (i), !=, "");
      g_assert_true (rexian_measure_from_string (rexian_measure_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
    }

  g_assert_cmpstr (rexian_measure_get_formula (REXIAN_MEASURE_COMPLETION_RATE), ==,
                   "answered ÷ offered");
  g_assert_cmpstr (rexian_measure_get_formula (REXIAN_MEASURE_SERVICE_LEVEL), ==,
                   "answered within 15 s ÷ answered");
  g_assert_false (rexian_measure_higher_is_better (REXIAN_MEASURE_ABANDON_RATE));
  g_assert_true (rexian_measure_higher_is_better (REXIAN_MEASURE_COMPLETION_RATE));
}

/* Answered at exactly 15 s is within, at 16 s is not; abandoned at exactly 15 s counts
 * as abandoned within 15 s in SL2. */
static void
test_fifteen_seconds (void)
{
  gint64 t = test_local_time (2026, 6, 10, 10, 0, 0);
  RexianCallFacts calls[] = {
    incoming (t, t + 15, t + 200, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP),
    incoming (t + 1, t + 17, t + 300, REXIAN_CALL_OUTCOME_AGENT_HUNG_UP),
    incoming (t + 2, 0, t + 17, REXIAN_CALL_OUTCOME_ABANDONED),
  };
  RexianCallStats stats = { 0, };
  g_autofree char *sl = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    rexian_call_stats_add (&stats, &calls[i]);

  g_assert_cmpint (stats.offered, ==, 3);
  g_assert_cmpint (stats.answered, ==, 2);
  g_assert_cmpint (stats.abandoned, ==, 1);
  g_assert_cmpint (stats.answered_within, ==, 1);
  g_assert_cmpint (stats.abandoned_within, ==, 1);
  assert_ratio (rexian_call_stats_get (&stats, REXIAN_MEASURE_SERVICE_LEVEL), 1, 2);
  assert_ratio (rexian_call_stats_get (&stats, REXIAN_MEASURE_SERVICE_LEVEL_2), 2, 3);
  assert_ratio (rexian_call_stats_get (&stats, REXIAN_MEASURE_COMPLETION_RATE), 2, 3);
  assert_ratio (rexian_call_stats_get (&stats, REXIAN_MEASURE_ABANDON_RATE), 1, 3);
  /* ASA: (15 + 16) ÷ 2. */
  g_assert_cmpfloat_with_epsilon (rexian_call_stats_get (&stats, REXIAN_MEASURE_ASA).value,
                                  15.5, 1e-9);
  g_assert_cmpint (stats.longest_wait, ==, 16);

  /* The 15 s waits sit in the 10–15 s bucket, the 16 s one in 15–30 s. */
  g_assert_cmpint (rexian_wait_bucket (15), ==, 2);
  g_assert_cmpint (rexian_wait_bucket (16), ==, 3);
  g_assert_cmpint (rexian_wait_bucket (0), ==, 0);
  g_assert_cmpint (rexian_wait_bucket (60), ==, 4);
  g_assert_cmpint (rexian_wait_bucket (61), ==, 5);
  g_assert_cmpint (stats.answered_waits[2], ==, 1);
  g_assert_cmpint (stats.answered_waits[3], ==, 1);
  g_assert_cmpint (stats.abandoned_waits[2], ==, 1);

  sl = format (REXIAN_MEASURE_SERVICE_LEVEL,
               rexian_call_stats_get (&stats, REXIAN_MEASURE_SERVICE_LEVEL));
  g_assert_cmpstr (sl, ==, "50.0%");
}

/* What counts as offered, answered, abandoned. */
static void
test_classes (void)
{
  gint64 t = test_local_time (2026, 6, 10, 10, 0, 0);
  RexianCallFacts outgoing = { REXIAN_CALL_RECORD_OUTGOING, t, t + 3, t + 60,
                               REXIAN_CALL_OUTCOME_AGENT_HUNG_UP };
  RexianCallFacts ringing = incoming (t, 0, 0, -1);
  RexianCallFacts no_answer = incoming (t, 0, t + 40, REXIAN_CALL_OUTCOME_NO_ANSWER);
  RexianCallFacts passed_on = incoming (t, 0, t + 4, REXIAN_CALL_OUTCOME_TRANSFERRED);
  RexianCallFacts clock_skew = incoming (t, t - 2, t + 30, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP);
  RexianCallStats stats = { 0, };

  g_assert_cmpint (rexian_call_facts_classify (&outgoing), ==, REXIAN_CALL_KIND_NOT_COUNTED);
  g_assert_cmpint (rexian_call_facts_classify (&ringing), ==, REXIAN_CALL_KIND_WAITING);
  g_assert_cmpint (rexian_call_facts_get_wait (&ringing, t + 9), ==, 9);
  /* Nobody took it: the caller was not served, so it is abandoned too. */
  g_assert_cmpint (rexian_call_facts_classify (&no_answer), ==, REXIAN_CALL_KIND_ABANDONED);
  g_assert_cmpint (rexian_call_facts_classify (&passed_on), ==, REXIAN_CALL_KIND_PASSED_ON);
  g_assert_cmpint (rexian_call_facts_get_wait (&clock_skew, 0), ==, 0);

  rexian_call_stats_add (&stats, &outgoing);
  rexian_call_stats_add (&stats, &ringing);
  rexian_call_stats_add (&stats, &no_answer);
  rexian_call_stats_add (&stats, &passed_on);
  g_assert_cmpint (stats.offered, ==, 2);
  g_assert_cmpint (stats.abandoned, ==, 1);
  g_assert_cmpint (stats.passed_on, ==, 1);
  g_assert_cmpint (stats.answered, ==, 0);
  g_assert_false (rexian_call_stats_get (&stats, REXIAN_MEASURE_SERVICE_LEVEL).defined);
}

static RexianCallRecord *
leg (const char *call_id,
     gint64      offered_at,
     gint64      answered_at,
     gint64      ended_at,
     int         outcome)
{
  RexianCallRecord *record = rexian_call_record_new ();

  record->call_id = g_strdup (call_id);
  record->direction = REXIAN_CALL_RECORD_INCOMING;
  record->offered_at = offered_at;
  record->answered_at = answered_at;
  record->ended_at = ended_at;
  record->outcome = outcome;

  return record;
}

/* A call forked to three seats, as each seat logged it, is one answered call. */
static void
test_forked_counted_once (void)
{
  gint64 t = test_local_time (2026, 6, 10, 10, 0, 0);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (rexian_call_record_free);
  RexianCallStats stats = { 0, };
  RexianPeriod day;

  g_ptr_array_add (records, leg ("fork@a", t + 1, 0, t + 9, REXIAN_CALL_OUTCOME_NO_ANSWER));
  g_ptr_array_add (records, leg ("fork@a", t, t + 8, t + 100,
                                 REXIAN_CALL_OUTCOME_CALLER_HUNG_UP));
  g_ptr_array_add (records, leg ("fork@a", t + 1, 0, t + 9, REXIAN_CALL_OUTCOME_DECLINED));
  /* A forked call nobody answered is one abandoned call. */
  g_ptr_array_add (records, leg ("fork@b", t, 0, t + 20, REXIAN_CALL_OUTCOME_NO_ANSWER));
  g_ptr_array_add (records, leg ("fork@b", t, 0, t + 22, REXIAN_CALL_OUTCOME_ABANDONED));

  rexian_period_init (&day, REXIAN_PERIOD_DAY, t);
  rexian_call_stats_add_records (&stats, &day, records);

  g_assert_cmpint (stats.offered, ==, 2);
  g_assert_cmpint (stats.answered, ==, 1);
  g_assert_cmpint (stats.abandoned, ==, 1);
  g_assert_cmpint (stats.answered_wait_sum, ==, 8);
  /* The caller of fork@b waited from the first offer to the last leg's end. */
  g_assert_cmpint (stats.longest_wait, ==, 22);
}

/* A call belongs to the day it was offered, even when answered after midnight. */
static void
test_crossing_midnight (void)
{
  gint64 late = test_local_time (2026, 6, 9, 23, 59, 50);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (rexian_call_record_free);
  RexianCallStats first = { 0, };
  RexianCallStats second = { 0, };
  RexianPeriod day;
  RexianPeriod next;
  g_autofree char *label = NULL;

  g_ptr_array_add (records, leg ("midnight", late, late + 20, late + 400,
                                 REXIAN_CALL_OUTCOME_CALLER_HUNG_UP));
  rexian_period_init (&day, REXIAN_PERIOD_DAY, late);
  rexian_period_shift (&day, 1, &next);
  rexian_call_stats_add_records (&first, &day, records);
  rexian_call_stats_add_records (&second, &next, records);

  g_assert_cmpint (first.answered, ==, 1);
  g_assert_cmpint (first.answered_within, ==, 0);
  g_assert_cmpint (first.answered_wait_sum, ==, 20);
  g_assert_cmpint (second.offered, ==, 0);
  g_assert_cmpint (day.end, ==, test_local_time (2026, 6, 10, 0, 0, 0));
  label = rexian_period_format (&next);
  g_assert_cmpstr (label, ==, "2026-06-10");
}

/* Nothing to measure: rates are "—", never 0 % or 100 %; counts are 0. */
static void
test_empty_period (void)
{
  RexianCallStats calls = { 0, };
  RexianOrderStats orders = { 0, };
  g_autofree char *rate = format (REXIAN_MEASURE_COMPLETION_RATE,
                                  rexian_call_stats_get (&calls,
                                                         REXIAN_MEASURE_COMPLETION_RATE));
  g_autofree char *asa = format (REXIAN_MEASURE_ASA,
                                 rexian_call_stats_get (&calls, REXIAN_MEASURE_ASA));
  g_autofree char *offered = format (REXIAN_MEASURE_OFFERED,
                                     rexian_call_stats_get (&calls, REXIAN_MEASURE_OFFERED));
  g_autofree char *longest = format (REXIAN_MEASURE_LONGEST_WAIT,
                                     rexian_call_stats_get (&calls,
                                                            REXIAN_MEASURE_LONGEST_WAIT));
  RexianThresholds thresholds;
  RexianMeasureValue satisfaction;

  g_assert_cmpstr (rate, ==, "—");
  g_assert_cmpstr (asa, ==, "—");
  g_assert_cmpstr (longest, ==, "—");
  g_assert_cmpstr (offered, ==, "0");

  for (guint m = REXIAN_MEASURE_ON_TIME_DISPATCH; m < REXIAN_N_MEASURES; m++)
    g_assert_false (rexian_order_stats_get (&orders, m).defined);

  rexian_thresholds_init_default (&thresholds);
  satisfaction = rexian_order_stats_get (&orders, REXIAN_MEASURE_RESULT_SATISFACTION);
  g_assert_cmpint (rexian_thresholds_get_level (&thresholds, REXIAN_MEASURE_RESULT_SATISFACTION,
                                                &satisfaction), ==, REXIAN_LEVEL_NONE);
}

static void
test_thresholds (void)
{
  RexianThresholds thresholds;
  RexianMeasureValue value;

  rexian_thresholds_init_default (&thresholds);

  /* 接通率: 95 % meets the standard, below it is bad; under 97 % warns. */
  value = rexian_measure_completion_rate (950, 1000);
  g_assert_cmpint (rexian_thresholds_get_level (&thresholds, REXIAN_MEASURE_COMPLETION_RATE,
                                                &value), ==, REXIAN_LEVEL_WARNING);
  value = rexian_measure_completion_rate (949, 1000);
  g_assert_cmpint (rexian_thresholds_get_level (&thresholds, REXIAN_MEASURE_COMPLETION_RATE,
                                                &value), ==, REXIAN_LEVEL_BAD);
  value = rexian_measure_completion_rate (980, 1000);
  g_assert_cmpint (rexian_thresholds_get_level (&thresholds, REXIAN_MEASURE_COMPLETION_RATE,
                                                &value), ==, REXIAN_LEVEL_OK);

  /* Less is better for the abandon rate. */
  value = rexian_measure_abandon_rate (6, 100);
  g_assert_cmpint (rexian_thresholds_get_level (&thresholds, REXIAN_MEASURE_ABANDON_RATE,
                                                &value), ==, REXIAN_LEVEL_BAD);
  value = rexian_measure_abandon_rate (4, 100);
  g_assert_cmpint (rexian_thresholds_get_level (&thresholds, REXIAN_MEASURE_ABANDON_RATE,
                                                &value), ==, REXIAN_LEVEL_WARNING);
  value = rexian_measure_abandon_rate (2, 100);
  g_assert_cmpint (rexian_thresholds_get_level (&thresholds, REXIAN_MEASURE_ABANDON_RATE,
                                                &value), ==, REXIAN_LEVEL_OK);

  /* A measure without a line is always ok; a setting can give it one. */
  value = rexian_measure_direct_answer_rate (1, 10);
  g_assert_cmpint (rexian_thresholds_get_level (&thresholds, REXIAN_MEASURE_DIRECT_ANSWER_RATE,
                                                &value), ==, REXIAN_LEVEL_OK);
  rexian_thresholds_set (&thresholds, REXIAN_MEASURE_DIRECT_ANSWER_RATE, 0.2, 0.3);
  g_assert_cmpint (rexian_thresholds_get_level (&thresholds, REXIAN_MEASURE_DIRECT_ANSWER_RATE,
                                                &value), ==, REXIAN_LEVEL_BAD);
  g_assert_cmpstr (rexian_level_to_string (REXIAN_LEVEL_WARNING), ==, "warning");
}

static void
test_formatting (void)
{
  g_autofree char *rate = format (REXIAN_MEASURE_COMPLETION_RATE,
                                  rexian_measure_completion_rate (952, 1000));
  g_autofree char *short_wait = format (REXIAN_MEASURE_ASA, rexian_measure_asa (12, 1));
  g_autofree char *long_wait = format (REXIAN_MEASURE_LONGEST_WAIT,
                                       rexian_measure_longest_wait (65, 1));
  g_autofree char *hours = format (REXIAN_MEASURE_LONGEST_WAIT,
                                   rexian_measure_longest_wait (7380, 1));

  g_assert_cmpstr (rate, ==, "95.2%");
  g_assert_cmpstr (short_wait, ==, "12 s");
  g_assert_cmpstr (long_wait, ==, "1 min 5 s");
  g_assert_cmpstr (hours, ==, "2 h 3 min");
}

/* Periods in local time (the tests run in Asia/Shanghai); weeks start on Monday. */
static void
test_periods (void)
{
  gint64 wednesday = test_local_time (2026, 6, 10, 10, 30, 0);
  RexianPeriod period;
  RexianPeriod shifted;
  RexianPeriodKind kind;
  g_autoptr(GArray) parts = NULL;
  g_autofree char *week = NULL;

  rexian_period_init (&period, REXIAN_PERIOD_DAY, wednesday);
  g_assert_cmpint (period.start, ==, test_local_time (2026, 6, 10, 0, 0, 0));
  g_assert_cmpint (period.end, ==, test_local_time (2026, 6, 11, 0, 0, 0));
  g_assert_cmpint (rexian_period_get_n_hours (&period), ==, 24);
  g_assert_cmpint (rexian_period_get_hour_index (&period, wednesday), ==, 10);
  g_assert_cmpint (rexian_period_get_hour_index (&period, period.end), ==, -1);

  rexian_period_init (&period, REXIAN_PERIOD_WEEK, wednesday);
  g_assert_cmpint (period.start, ==, test_local_time (2026, 6, 8, 0, 0, 0));
  g_assert_cmpint (period.end, ==, test_local_time (2026, 6, 15, 0, 0, 0));
  week = rexian_period_format (&period);
  g_assert_cmpstr (week, ==, "2026-06-08 – 2026-06-14");
  /* A Sunday belongs to the week that began the Monday before. */
  rexian_period_init (&shifted, REXIAN_PERIOD_WEEK, test_local_time (2026, 6, 14, 23, 0, 0));
  g_assert_cmpint (shifted.start, ==, period.start);

  rexian_period_init (&period, REXIAN_PERIOD_MONTH, wednesday);
  g_assert_cmpint (period.start, ==, test_local_time (2026, 6, 1, 0, 0, 0));
  g_assert_cmpint (period.end, ==, test_local_time (2026, 7, 1, 0, 0, 0));
  parts = rexian_period_split (&period);
  g_assert_cmpint (parts->len, ==, 30);
  g_clear_pointer (&parts, g_array_unref);

  /* December shifts into the next year. */
  rexian_period_init (&period, REXIAN_PERIOD_MONTH, test_local_time (2026, 12, 31, 23, 0, 0));
  rexian_period_shift (&period, 1, &shifted);
  g_assert_cmpint (shifted.start, ==, test_local_time (2027, 1, 1, 0, 0, 0));
  g_assert_cmpint (shifted.end, ==, test_local_time (2027, 2, 1, 0, 0, 0));

  rexian_period_init (&period, REXIAN_PERIOD_YEAR, wednesday);
  g_assert_cmpint (period.start, ==, test_local_time (2026, 1, 1, 0, 0, 0));
  parts = rexian_period_split (&period);
  g_assert_cmpint (parts->len, ==, 12);
  g_assert_cmpint (g_array_index (parts, RexianPeriod, 11).end, ==,
                   test_local_time (2027, 1, 1, 0, 0, 0));
  g_clear_pointer (&parts, g_array_unref);

  /* The last 24 hours are exactly 86,400 s; not on the hour, they touch 25 hours. */
  rexian_period_init (&period, REXIAN_PERIOD_LAST_24H, wednesday);
  g_assert_cmpint (period.end - period.start, ==, 86400);
  g_assert_cmpint (rexian_period_get_n_hours (&period), ==, 25);
  g_assert_cmpint (rexian_period_get_first_hour (&period), ==,
                   test_local_time (2026, 6, 9, 10, 0, 0));
  parts = rexian_period_split (&period);
  g_assert_cmpint (parts->len, ==, 25);
  g_assert_cmpint (g_array_index (parts, RexianPeriod, 0).start, ==, period.start);
  g_assert_cmpint (g_array_index (parts, RexianPeriod, 24).end, ==, period.end);

  g_assert_true (rexian_period_kind_from_string ("week", &kind));
  g_assert_cmpint (kind, ==, REXIAN_PERIOD_WEEK);
}

static void
test_hour_counts (void)
{
  gint64 t = test_local_time (2026, 6, 10, 9, 59, 59);
  RexianPeriod day;
  g_autoptr(GArray) counts = NULL;
  RexianCallFacts a = incoming (t, t + 3, t + 60, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP);
  RexianCallFacts b = incoming (t + 1, 0, t + 30, REXIAN_CALL_OUTCOME_ABANDONED);

  rexian_period_init (&day, REXIAN_PERIOD_DAY, t);
  counts = rexian_hour_counts_new (&day);
  rexian_hour_counts_add (counts, &day, &a);
  rexian_hour_counts_add (counts, &day, &b);

  g_assert_cmpint (counts->len, ==, 24);
  g_assert_cmpint (g_array_index (counts, RexianHourCount, 9).answered, ==, 1);
  g_assert_cmpint (g_array_index (counts, RexianHourCount, 10).abandoned, ==, 1);
  g_assert_cmpint (g_array_index (counts, RexianHourCount, 10).offered, ==, 1);
}

static RexianOrderFacts
order (RexianState state,
       gint64      created_at)
{
  RexianOrderFacts facts = { 0, };

  facts.state = state;
  facts.created_at = created_at;
  facts.followup_process = REXIAN_SATISFACTION_NONE;
  facts.followup_result = REXIAN_SATISFACTION_NONE;

  return facts;
}

/* Orders around the Labour Day holiday of 2026 (May 1–5 off, May 9 worked): the dispatch
 * deadline two working days after April 30 is May 7, so an order dispatched on May 6 is
 * on time although six calendar days passed. */
static void
test_orders_across_holiday (void)
{
  g_autoptr(RexianCalendar) calendar = test_load_calendar ();
  g_autoptr(GError) error = NULL;
  gint64 april_30 = test_local_time (2026, 4, 30, 10, 0, 0);
  gint64 april_28 = test_local_time (2026, 4, 28, 10, 0, 0);
  gint64 may_6 = test_local_time (2026, 5, 6, 9, 0, 0);
  gint64 now = test_local_time (2026, 6, 10, 10, 0, 0);
  RexianOrderFacts facts[7];
  RexianOrderStats stats = { 0, };
  RexianPeriod may;
  gint64 deadline;

  g_assert_true (rexian_calendar_deadline_after (calendar, april_30, 2, &deadline, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deadline, ==, test_end_of_day (2026, 5, 7));

  /* 0: created before the holiday, dispatched after it, on time; replied by its handling
   * deadline, closed in May with 满意 / 基本满意. */
  facts[0] = order (REXIAN_STATE_CLOSED, april_30);
  facts[0].dispatch_deadline = deadline;
  facts[0].dispatched_at = may_6;
  facts[0].deadline = test_end_of_day (2026, 5, 13);
  facts[0].replied_at = test_local_time (2026, 5, 13, 23, 59, 59);
  facts[0].closed_at = test_local_time (2026, 5, 15, 10, 0, 0);
  facts[0].followup_process = REXIAN_SATISFACTION_SATISFIED;
  facts[0].followup_result = REXIAN_SATISFACTION_BASICALLY;

  /* 1: dispatched late (deadline April 30), replied one second late, returned once,
   * closed in May: 不满意 on both, and re-handled once before. */
  g_assert_true (rexian_calendar_deadline_after (calendar, april_28, 2, &deadline, &error));
  g_assert_cmpint (deadline, ==, test_end_of_day (2026, 4, 30));
  facts[1] = order (REXIAN_STATE_ARCHIVED, april_28);
  facts[1].dispatch_deadline = deadline;
  facts[1].dispatched_at = may_6;
  facts[1].deadline = test_end_of_day (2026, 5, 12);
  facts[1].replied_at = test_end_of_day (2026, 5, 12) + 1;
  facts[1].closed_at = test_local_time (2026, 5, 20, 10, 0, 0);
  facts[1].followup_process = REXIAN_SATISFACTION_DISSATISFIED;
  facts[1].followup_result = REXIAN_SATISFACTION_DISSATISFIED;
  facts[1].return_count = 1;
  facts[1].rehandle_count = 1;

  /* 2: created in May, answered on the spot. */
  facts[2] = order (REXIAN_STATE_CLOSED, test_local_time (2026, 5, 2, 15, 0, 0));
  facts[2].closed_at = facts[2].created_at + 300;

  /* 3: created in May, merged into another: counted only as merged. */
  facts[3] = order (REXIAN_STATE_CLOSED, test_local_time (2026, 5, 3, 15, 0, 0));
  facts[3].closed_at = facts[3].created_at + 60;
  facts[3].merged = TRUE;

  /* 4: created in May, still in progress past its May deadline: due, not completed. */
  facts[4] = order (REXIAN_STATE_IN_PROGRESS, test_local_time (2026, 5, 20, 9, 0, 0));
  facts[4].dispatch_deadline = test_end_of_day (2026, 5, 22);
  facts[4].dispatched_at = test_local_time (2026, 5, 20, 11, 0, 0);
  facts[4].deadline = test_end_of_day (2026, 5, 27);

  /* 5: closed in May, the follow-up could not reach the caller: not a visit. */
  facts[5] = order (REXIAN_STATE_CLOSED, test_local_time (2026, 4, 1, 9, 0, 0));
  facts[5].dispatched_at = test_local_time (2026, 4, 1, 10, 0, 0);
  facts[5].deadline = test_end_of_day (2026, 4, 8);
  facts[5].replied_at = test_local_time (2026, 4, 7, 10, 0, 0);
  facts[5].closed_at = test_local_time (2026, 5, 8, 10, 0, 0);
  facts[5].followup_process = REXIAN_SATISFACTION_UNREACHABLE;
  facts[5].followup_result = REXIAN_SATISFACTION_UNREACHABLE;

  /* 6: created in May, returned to the hotline and waiting for re-dispatch: its old May
   * deadline is nobody's to meet. */
  facts[6] = order (REXIAN_STATE_PENDING_DISPATCH, test_local_time (2026, 5, 11, 9, 0, 0));
  facts[6].dispatched_at = test_local_time (2026, 5, 11, 10, 0, 0);
  facts[6].deadline = test_end_of_day (2026, 5, 18);
  facts[6].dispatch_deadline = test_end_of_day (2026, 6, 12);
  facts[6].return_count = 1;

  rexian_period_init (&may, REXIAN_PERIOD_MONTH, may_6);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    rexian_order_stats_add (&stats, &facts[i], &may, now);

  /* Created in May and kept: 2, 4, 6; merged: 3. */
  g_assert_cmpint (stats.orders, ==, 3);
  g_assert_cmpint (stats.merged, ==, 1);
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_DIRECT_ANSWER_RATE), 1, 3);
  /* Transferred of those: 4 and 6; 6 was returned. */
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_RETURN_RATE), 1, 2);
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_ATTITUDE), 1, 2);
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_REHANDLE_RATE), 0, 2);
  /* Dispatched in May: 0 (on time across the holiday), 1 (late), 4 (on time), and 6,
   * whose return restarted the dispatch clock, so its dispatch is measured against the
   * new deadline: on time. */
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_ON_TIME_DISPATCH), 3, 4);
  /* Due in May: 0 (on time), 1 (a second late), 4 (not replied); 6 is back with the
   * hotline. */
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_ON_TIME_COMPLETION), 1, 3);
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_EFFICIENCY), 1, 3);
  /* Closed in May after a transfer: 0, 1, 5; visited: 0 and 1. */
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_FOLLOW_UP_RATE), 2, 3);
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_PROCESS_SATISFACTION), 1, 2);
  assert_ratio (rexian_order_stats_get (&stats, REXIAN_MEASURE_RESULT_SATISFACTION), 1, 2);

  /* In a period whose deadlines have not passed yet, nothing is due. */
  memset (&stats, 0, sizeof stats);
  rexian_order_stats_add (&stats, &facts[4], &may, test_local_time (2026, 5, 21, 0, 0, 0));
  g_assert_cmpint (stats.due, ==, 0);
}

static void
test_place_area (void)
{
  g_autofree char *a = rexian_place_get_area ("城区凤台街道书院街12号");
  g_autofree char *b = rexian_place_get_area ("城区凤台街道书院街１５号院");
  g_autofree char *c = rexian_place_get_area ("  泽州县金村镇 ");
  g_autofree char *d = rexian_place_get_area ("88号");
  g_autofree char *e = rexian_place_get_area (NULL);

  g_assert_cmpstr (a, ==, "城区凤台街道书院街");
  g_assert_cmpstr (b, ==, "城区凤台街道书院街");
  g_assert_cmpstr (c, ==, "泽州县金村镇");
  g_assert_cmpstr (d, ==, "");
  g_assert_cmpstr (e, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/measures/names-and-formulas", test_names_and_formulas);
  g_test_add_func ("/measures/fifteen-seconds", test_fifteen_seconds);
  g_test_add_func ("/measures/classes", test_classes);
  g_test_add_func ("/measures/forked-counted-once", test_forked_counted_once);
  g_test_add_func ("/measures/crossing-midnight", test_crossing_midnight);
  g_test_add_func ("/measures/empty-period", test_empty_period);
  g_test_add_func ("/measures/thresholds", test_thresholds);
  g_test_add_func ("/measures/formatting", test_formatting);
  g_test_add_func ("/measures/periods", test_periods);
  g_test_add_func ("/measures/hour-counts", test_hour_counts);
  g_test_add_func ("/measures/orders-across-holiday", test_orders_across_holiday);
  g_test_add_func ("/measures/place-area", test_place_area);

  return g_test_run ();
}
