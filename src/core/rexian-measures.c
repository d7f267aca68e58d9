/* rexian-measures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "rexian-measures.h"

/* Names and formulas */

typedef struct
{
  const char        *id;
  const char        *name;
  const char        *formula;
  RexianMeasureKind  kind;
  gboolean           higher_is_better;
} MeasureInfo;

static const MeasureInfo measures[REXIAN_N_MEASURES] = {
  [REXIAN_MEASURE_OFFERED] =
    { "offered", N_("Offered"), N_("calls that reached the hotline"),
      REXIAN_MEASURE_KIND_COUNT, TRUE },
  [REXIAN_MEASURE_ANSWERED] =
    { "answered", N_("Answered"), N_("calls an agent answered"),
      REXIAN_MEASURE_KIND_COUNT, TRUE },
  [REXIAN_MEASURE_ABANDONED] =
    { "abandoned", N_("Abandoned"), N_("calls that ended before an answer"),
      REXIAN_MEASURE_KIND_COUNT, FALSE },
  [REXIAN_MEASURE_COMPLETION_RATE] =
    { "completion-rate", N_("Completion rate"), N_("answered ÷ offered"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_SERVICE_LEVEL] =
    { "service-level", N_("Answered within 15 s"), N_("answered within 15 s ÷ answered"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_SERVICE_LEVEL_2] =
    { "service-level-2", N_("Service level (SL2)"),
      N_("(answered within 15 s + abandoned within 15 s) ÷ (answered + abandoned)"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_ASA] =
    { "asa", N_("Average speed of answer"), N_("total wait of answered calls ÷ answered"),
      REXIAN_MEASURE_KIND_SECONDS, FALSE },
  [REXIAN_MEASURE_LONGEST_WAIT] =
    { "longest-wait", N_("Longest wait"), N_("the longest wait of any call"),
      REXIAN_MEASURE_KIND_SECONDS, FALSE },
  [REXIAN_MEASURE_ABANDON_RATE] =
    { "abandon-rate", N_("Abandon rate"), N_("abandoned ÷ offered"),
      REXIAN_MEASURE_KIND_RATIO, FALSE },
  [REXIAN_MEASURE_ON_TIME_DISPATCH] =
    { "on-time-dispatch", N_("On-time dispatch"),
      N_("dispatched within the dispatch deadline ÷ dispatched"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_ON_TIME_COMPLETION] =
    { "on-time-completion", N_("On-time completion"),
      N_("completed by the deadline ÷ due in the period"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_DIRECT_ANSWER_RATE] =
    { "direct-answer-rate", N_("Direct answer rate"), N_("closed at intake ÷ all orders"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_FOLLOW_UP_RATE] =
    { "follow-up-rate", N_("Follow-up rate"), N_("visited ÷ closed"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_PROCESS_SATISFACTION] =
    { "process-satisfaction", N_("Satisfaction with the process"),
      N_("(satisfied + basically satisfied) ÷ valid visits, on the process"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_RESULT_SATISFACTION] =
    { "result-satisfaction", N_("Satisfaction with the result"),
      N_("(satisfied + basically satisfied) ÷ valid visits, on the result"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_REHANDLE_RATE] =
    { "rehandle-rate", N_("Re-handle rate"), N_("re-handled ÷ transferred"),
      REXIAN_MEASURE_KIND_RATIO, FALSE },
  [REXIAN_MEASURE_RETURN_RATE] =
    { "return-rate", N_("Return rate"), N_("returned ÷ transferred"),
      REXIAN_MEASURE_KIND_RATIO, FALSE },
  [REXIAN_MEASURE_ATTITUDE] =
    { "attitude", N_("Service attitude"), N_("(transferred − returned) ÷ transferred"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
  [REXIAN_MEASURE_EFFICIENCY] =
    { "efficiency", N_("Efficiency"), N_("completed by the deadline ÷ due in the period"),
      REXIAN_MEASURE_KIND_RATIO, TRUE },
};

const char *
rexian_measure_to_string (RexianMeasure measure)
{
  g_return_val_if_fail ((guint) measure < REXIAN_N_MEASURES, NULL);

  return measures[measure].id;
}

gboolean
rexian_measure_from_string (const char    *str,
                            RexianMeasure *out)
{
  for (guint i = 0; str != NULL && i < REXIAN_N_MEASURES; i++)
    if (g_str_equal (str, measures[i].id))
      {
        *out = (RexianMeasure) i;
        return TRUE;
      }

  return FALSE;
}

const char *
rexian_measure_get_name (RexianMeasure measure)
{
  g_return_val_if_fail ((guint) measure < REXIAN_N_MEASURES, NULL);

  return _(measures[measure].name);
}

const char *
rexian_measure_get_formula (RexianMeasure measure)
{
  g_return_val_if_fail ((guint) measure < REXIAN_N_MEASURES, NULL);

  return _(measures[measure].formula);
}

RexianMeasureKind
rexian_measure_get_kind (RexianMeasure measure)
{
  g_return_val_if_fail ((guint) measure < REXIAN_N_MEASURES, REXIAN_MEASURE_KIND_COUNT);

  return measures[measure].kind;
}

gboolean
rexian_measure_higher_is_better (RexianMeasure measure)
{
  g_return_val_if_fail ((guint) measure < REXIAN_N_MEASURES, TRUE);

  return measures[measure].higher_is_better;
}

static char *
format_seconds (double seconds)
{
  int whole = (int) MIN (llround (seconds), G_MAXINT);

  if (whole < 60)
    return g_strdup_printf (_("%d s"), whole);
  if (whole < 3600)
    return g_strdup_printf (_("%d min %d s"), whole / 60, whole % 60);
  return g_strdup_printf (_("%d h %d min"), whole / 3600, (whole % 3600) / 60);
}

char *
rexian_measure_format_value (RexianMeasure             measure,
                             const RexianMeasureValue *value)
{
  g_return_val_if_fail ((guint) measure < REXIAN_N_MEASURES, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  /* An empty period has no rate: a dash, so nobody reads 0 % as a failure. */
  if (!value->defined)
    return g_strdup ("—");

  switch (measures[measure].kind)
    {
    case REXIAN_MEASURE_KIND_COUNT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value->value);

    case REXIAN_MEASURE_KIND_RATIO:
      /* Translators: a percentage with one decimal, as in "95.2%". */
      return g_strdup_printf (_("%.1f%%"), value->value * 100.0);

    case REXIAN_MEASURE_KIND_SECONDS:
    default:
      return format_seconds (value->value);
    }
}

/* One function per measure */

static RexianMeasureValue
ratio (gint64 numerator,
       gint64 denominator)
{
  RexianMeasureValue value = { FALSE, 0.0, numerator, denominator };

  if (denominator > 0)
    {
      value.defined = TRUE;
      value.value = (double) numerator / (double) denominator;
    }

  return value;
}

RexianMeasureValue
rexian_measure_count (gint64 n)
{
  RexianMeasureValue value = { TRUE, (double) n, n, 1 };

  return value;
}

RexianMeasureValue
rexian_measure_completion_rate (gint64 answered,
                                gint64 offered)
{
  return ratio (answered, offered);
}

RexianMeasureValue
rexian_measure_service_level (gint64 answered_within,
                              gint64 answered)
{
  return ratio (answered_within, answered);
}

RexianMeasureValue
rexian_measure_service_level_2 (gint64 answered_within,
                                gint64 abandoned_within,
                                gint64 answered,
                                gint64 abandoned)
{
  return ratio (answered_within + abandoned_within, answered + abandoned);
}

RexianMeasureValue
rexian_measure_asa (gint64 answered_wait_sum,
                    gint64 answered)
{
  return ratio (answered_wait_sum, answered);
}

RexianMeasureValue
rexian_measure_longest_wait (gint64 longest,
                             gint64 n_calls)
{
  RexianMeasureValue value = { n_calls > 0, (double) longest, longest, 1 };

  return value;
}

RexianMeasureValue
rexian_measure_abandon_rate (gint64 abandoned,
                             gint64 offered)
{
  return ratio (abandoned, offered);
}

RexianMeasureValue
rexian_measure_on_time_dispatch (gint64 on_time,
                                 gint64 dispatched)
{
  return ratio (on_time, dispatched);
}

RexianMeasureValue
rexian_measure_on_time_completion (gint64 on_time,
                                   gint64 due)
{
  return ratio (on_time, due);
}

RexianMeasureValue
rexian_measure_direct_answer_rate (gint64 closed_at_intake,
                                   gint64 orders)
{
  return ratio (closed_at_intake, orders);
}

RexianMeasureValue
rexian_measure_follow_up_rate (gint64 visited,
                               gint64 closed)
{
  return ratio (visited, closed);
}

RexianMeasureValue
rexian_measure_satisfaction (gint64 satisfied,
                             gint64 basically,
                             gint64 valid)
{
  return ratio (satisfied + basically, valid);
}

RexianMeasureValue
rexian_measure_rehandle_rate (gint64 rehandled,
                              gint64 transferred)
{
  return ratio (rehandled, transferred);
}

RexianMeasureValue
rexian_measure_return_rate (gint64 returned,
                            gint64 transferred)
{
  return ratio (returned, transferred);
}

RexianMeasureValue
rexian_measure_attitude (gint64 returned,
                         gint64 transferred)
{
  return ratio (transferred - returned, transferred);
}

/* Thresholds */

void
rexian_thresholds_set (RexianThresholds *thresholds,
                       RexianMeasure     measure,
                       double            bad,
                       double            warning)
{
  g_return_if_fail (thresholds != NULL);
  g_return_if_fail ((guint) measure < REXIAN_N_MEASURES);

  thresholds->bad[measure] = bad;
  thresholds->warning[measure] = warning;
}

void
rexian_thresholds_init_default (RexianThresholds *thresholds)
{
  g_return_if_fail (thresholds != NULL);

  for (guint i = 0; i < REXIAN_N_MEASURES; i++)
    rexian_thresholds_set (thresholds, i, NAN, NAN);

  /* GB/T 33358 5.2.1 and DB1405 5.1.1: 接通率 ≥ 95 % over any 24 h, answer within 15 s.
   * The standards give no share for the 15 s rule; 80 % is the usual contact-centre
   * service level (80/20).  Order measures have no number in the standards either;
   * these are lines seen in published 12345 evaluations. */
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_COMPLETION_RATE, 0.95, 0.97);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_SERVICE_LEVEL, 0.80, 0.90);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_SERVICE_LEVEL_2, 0.80, 0.90);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_ASA, REXIAN_SERVICE_SECONDS, 10);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_LONGEST_WAIT, 60, REXIAN_SERVICE_SECONDS);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_ABANDON_RATE, 0.05, 0.03);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_ON_TIME_DISPATCH, 0.95, 0.98);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_ON_TIME_COMPLETION, 0.90, 0.95);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_PROCESS_SATISFACTION, 0.85, 0.90);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_RESULT_SATISFACTION, 0.85, 0.90);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_REHANDLE_RATE, 0.10, 0.05);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_RETURN_RATE, 0.10, 0.05);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_ATTITUDE, 0.90, 0.95);
  rexian_thresholds_set (thresholds, REXIAN_MEASURE_EFFICIENCY, 0.90, 0.95);
}

RexianLevel
rexian_thresholds_get_level (const RexianThresholds   *thresholds,
                             RexianMeasure             measure,
                             const RexianMeasureValue *value)
{
  double bad;
  double warning;
  double x;

  g_return_val_if_fail (thresholds != NULL, REXIAN_LEVEL_NONE);
  g_return_val_if_fail ((guint) measure < REXIAN_N_MEASURES, REXIAN_LEVEL_NONE);
  g_return_val_if_fail (value != NULL, REXIAN_LEVEL_NONE);

  if (!value->defined)
    return REXIAN_LEVEL_NONE;

  bad = thresholds->bad[measure];
  warning = thresholds->warning[measure];
  if (isnan (bad))
    return REXIAN_LEVEL_OK;
  if (isnan (warning))
    warning = bad;

  /* Exactly on the line meets it: 95.0 % meets "≥ 95 %". */
  x = value->value;
  if (measures[measure].higher_is_better)
    return x < bad ? REXIAN_LEVEL_BAD : x < warning ? REXIAN_LEVEL_WARNING : REXIAN_LEVEL_OK;

  return x > bad ? REXIAN_LEVEL_BAD : x > warning ? REXIAN_LEVEL_WARNING : REXIAN_LEVEL_OK;
}

const char *
rexian_level_to_string (RexianLevel level)
{
  static const char *const names[] = { "none", "ok", "warning", "bad" };

  g_return_val_if_fail ((guint) level < G_N_ELEMENTS (names), NULL);

  return names[level];
}

/* Calls */

void
rexian_call_facts_from_record (RexianCallFacts        *facts,
                               const RexianCallRecord *record)
{
  g_return_if_fail (facts != NULL);
  g_return_if_fail (record != NULL);

  facts->direction = record->direction;
  facts->offered_at = record->offered_at;
  facts->answered_at = record->answered_at;
  facts->ended_at = record->ended_at;
  facts->outcome = record->outcome;
}

RexianCallKind
rexian_call_facts_classify (const RexianCallFacts *facts)
{
  g_return_val_if_fail (facts != NULL, REXIAN_CALL_KIND_NOT_COUNTED);

  if (facts->direction != REXIAN_CALL_RECORD_INCOMING)
    return REXIAN_CALL_KIND_NOT_COUNTED;
  if (facts->answered_at > 0)
    return REXIAN_CALL_KIND_ANSWERED;
  if (facts->ended_at <= 0)
    return REXIAN_CALL_KIND_WAITING;
  if (facts->outcome == REXIAN_CALL_OUTCOME_TRANSFERRED)
    return REXIAN_CALL_KIND_PASSED_ON;

  /* No answer and over: the caller gave up or nobody took the call. */
  return REXIAN_CALL_KIND_ABANDONED;
}

gint64
rexian_call_facts_get_wait (const RexianCallFacts *facts,
                            gint64                 now)
{
  gint64 until;

  g_return_val_if_fail (facts != NULL, 0);

  if (facts->answered_at > 0)
    until = facts->answered_at;
  else if (facts->ended_at > 0)
    until = facts->ended_at;
  else
    until = now;

  /* Seats' clocks may disagree by a second or two. */
  return MAX (until - facts->offered_at, 0);
}

void
rexian_call_stats_add (RexianCallStats       *stats,
                       const RexianCallFacts *facts)
{
  RexianCallKind class;
  gint64 wait;

  g_return_if_fail (stats != NULL);
  g_return_if_fail (facts != NULL);

  class = rexian_call_facts_classify (facts);
  if (class == REXIAN_CALL_KIND_NOT_COUNTED || class == REXIAN_CALL_KIND_WAITING)
    return;

  stats->offered++;
  if (class == REXIAN_CALL_KIND_PASSED_ON)
    {
      stats->passed_on++;
      return;
    }

  wait = rexian_call_facts_get_wait (facts, 0);
  stats->longest_wait = MAX (stats->longest_wait, wait);

  if (class == REXIAN_CALL_KIND_ANSWERED)
    {
      stats->answered++;
      stats->answered_wait_sum += wait;
      stats->answered_within += wait <= REXIAN_SERVICE_SECONDS;
      stats->answered_waits[rexian_wait_bucket (wait)]++;
    }
  else
    {
      stats->abandoned++;
      stats->abandoned_within += wait <= REXIAN_SERVICE_SECONDS;
      stats->abandoned_waits[rexian_wait_bucket (wait)]++;
    }
}

/* Merges the legs of one call as the store does: the caller waited from the first
 * offer; the first answer took the call; the call is over when its last leg is. */
static void
merge_leg (RexianCallFacts        *call,
           const RexianCallRecord *leg)
{
  call->offered_at = MIN (call->offered_at, leg->offered_at);

  if (leg->answered_at > 0 && (call->answered_at == 0 || leg->answered_at < call->answered_at))
    {
      call->answered_at = leg->answered_at;
      call->outcome = leg->outcome;
    }
  call->ended_at = MAX (call->ended_at, leg->ended_at);

  if (call->answered_at == 0 && leg->outcome == REXIAN_CALL_OUTCOME_ABANDONED)
    call->outcome = leg->outcome;
  else if (call->answered_at == 0 && call->outcome < 0)
    call->outcome = leg->outcome;
}

void
rexian_call_stats_add_records (RexianCallStats    *stats,
                               const RexianPeriod *period,
                               GPtrArray          *records)
{
  g_autoptr(GHashTable) calls = NULL;
  g_autoptr(GPtrArray) order = NULL;

  g_return_if_fail (stats != NULL);
  g_return_if_fail (period != NULL);
  g_return_if_fail (records != NULL);

  calls = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  order = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    {
      const RexianCallRecord *record = g_ptr_array_index (records, i);
      RexianCallFacts *call;

      if (record->call_id == NULL)
        continue;

      call = g_hash_table_lookup (calls, record->call_id);
      if (call == NULL)
        {
          call = g_new0 (RexianCallFacts, 1);
          rexian_call_facts_from_record (call, record);
          g_hash_table_insert (calls, record->call_id, call);
          g_ptr_array_add (order, call);
        }
      else
        merge_leg (call, record);
    }

  for (guint i = 0; i < order->len; i++)
    {
      const RexianCallFacts *call = g_ptr_array_index (order, i);

      if (rexian_period_contains (period, call->offered_at))
        rexian_call_stats_add (stats, call);
    }
}

void
rexian_call_stats_merge (RexianCallStats       *stats,
                         const RexianCallStats *other)
{
  g_return_if_fail (stats != NULL);
  g_return_if_fail (other != NULL);

  stats->offered += other->offered;
  stats->answered += other->answered;
  stats->abandoned += other->abandoned;
  stats->passed_on += other->passed_on;
  stats->answered_within += other->answered_within;
  stats->abandoned_within += other->abandoned_within;
  stats->answered_wait_sum += other->answered_wait_sum;
  stats->longest_wait = MAX (stats->longest_wait, other->longest_wait);
  for (guint i = 0; i < REXIAN_N_WAIT_BUCKETS; i++)
    {
      stats->answered_waits[i] += other->answered_waits[i];
      stats->abandoned_waits[i] += other->abandoned_waits[i];
    }
}

RexianMeasureValue
rexian_call_stats_get (const RexianCallStats *stats,
                       RexianMeasure          measure)
{
  RexianMeasureValue undefined = { FALSE, 0.0, 0, 0 };

  g_return_val_if_fail (stats != NULL, undefined);

  switch (measure)
    {
    case REXIAN_MEASURE_OFFERED:
      return rexian_measure_count (stats->offered);
    case REXIAN_MEASURE_ANSWERED:
      return rexian_measure_count (stats->answered);
    case REXIAN_MEASURE_ABANDONED:
      return rexian_measure_count (stats->abandoned);
    case REXIAN_MEASURE_COMPLETION_RATE:
      return rexian_measure_completion_rate (stats->answered, stats->offered);
    case REXIAN_MEASURE_SERVICE_LEVEL:
      return rexian_measure_service_level (stats->answered_within, stats->answered);
    case REXIAN_MEASURE_SERVICE_LEVEL_2:
      return rexian_measure_service_level_2 (stats->answered_within, stats->abandoned_within,
                                             stats->answered, stats->abandoned);
    case REXIAN_MEASURE_ASA:
      return rexian_measure_asa (stats->answered_wait_sum, stats->answered);
    case REXIAN_MEASURE_LONGEST_WAIT:
      return rexian_measure_longest_wait (stats->longest_wait,
                                          stats->answered + stats->abandoned);
    case REXIAN_MEASURE_ABANDON_RATE:
      return rexian_measure_abandon_rate (stats->abandoned, stats->offered);
    default:
      return undefined;
    }
}

GArray *
rexian_hour_counts_new (const RexianPeriod *period)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (RexianHourCount));

  g_return_val_if_fail (period != NULL, counts);

  g_array_set_size (counts, rexian_period_get_n_hours (period));
  return counts;
}

void
rexian_hour_counts_add (GArray                *counts,
                        const RexianPeriod    *period,
                        const RexianCallFacts *facts)
{
  RexianCallKind class;
  RexianHourCount *hour;
  int index;

  g_return_if_fail (counts != NULL);
  g_return_if_fail (facts != NULL);

  class = rexian_call_facts_classify (facts);
  index = rexian_period_get_hour_index (period, facts->offered_at);
  if (index < 0 || (guint) index >= counts->len ||
      class == REXIAN_CALL_KIND_NOT_COUNTED || class == REXIAN_CALL_KIND_WAITING)
    return;

  hour = &g_array_index (counts, RexianHourCount, index);
  hour->offered++;
  hour->answered += class == REXIAN_CALL_KIND_ANSWERED;
  hour->abandoned += class == REXIAN_CALL_KIND_ABANDONED;
}

/* Orders */

void
rexian_order_facts_from_order (RexianOrderFacts *facts,
                               RexianWorkOrder  *order)
{
  g_return_if_fail (facts != NULL);
  g_return_if_fail (REXIAN_IS_WORK_ORDER (order));

  facts->state = rexian_work_order_get_state (order);
  facts->created_at = rexian_work_order_get_created_at (order);
  facts->dispatch_deadline = rexian_work_order_get_dispatch_deadline (order);
  facts->dispatched_at = rexian_work_order_get_dispatched_at (order);
  facts->deadline = rexian_work_order_get_deadline (order);
  facts->replied_at = rexian_work_order_get_replied_at (order);
  facts->closed_at = rexian_work_order_get_closed_at (order);
  facts->followup_process = rexian_work_order_get_followup_process (order);
  facts->followup_result = rexian_work_order_get_followup_result (order);
  facts->rehandle_count = rexian_work_order_get_rehandle_count (order);
  facts->return_count = rexian_work_order_get_return_count (order);
  facts->merged = rexian_work_order_get_merged_into_id (order) != 0;
}

static gboolean
is_valid_visit (RexianSatisfaction answer)
{
  return answer == REXIAN_SATISFACTION_SATISFIED ||
         answer == REXIAN_SATISFACTION_BASICALLY ||
         answer == REXIAN_SATISFACTION_DISSATISFIED;
}

static void
add_score (RexianSatisfaction  answer,
           gint64             *satisfied,
           gint64             *basically,
           gint64             *valid)
{
  *satisfied += answer == REXIAN_SATISFACTION_SATISFIED;
  *basically += answer == REXIAN_SATISFACTION_BASICALLY;
  *valid += is_valid_visit (answer);
}

void
rexian_order_stats_add (RexianOrderStats       *stats,
                        const RexianOrderFacts *facts,
                        const RexianPeriod     *period,
                        gint64                  now)
{
  gboolean with_department;
  gboolean completed;

  g_return_if_fail (stats != NULL);
  g_return_if_fail (facts != NULL);
  g_return_if_fail (period != NULL);

  if (rexian_period_contains (period, facts->created_at))
    {
      if (facts->merged)
        stats->merged++;
      else
        {
          stats->orders++;
          stats->closed_at_intake += facts->dispatched_at == 0 && facts->closed_at > 0;
          stats->transferred += facts->dispatched_at > 0;
          stats->returned += facts->dispatched_at > 0 && facts->return_count > 0;
          stats->rehandled += facts->dispatched_at > 0 && facts->rehandle_count > 0;
        }
    }

  if (facts->dispatch_deadline > 0 && rexian_period_contains (period, facts->dispatched_at))
    {
      stats->dispatched++;
      stats->dispatched_on_time += facts->dispatched_at <= facts->dispatch_deadline;
    }

  /* An order returned to the hotline is not with a department, so its old deadline is
   * nobody's to meet until it is dispatched again. */
  with_department = facts->state != REXIAN_STATE_INTAKE &&
                    facts->state != REXIAN_STATE_PENDING_DISPATCH;
  if (with_department && facts->deadline > 0 && facts->deadline < now &&
      rexian_period_contains (period, facts->deadline))
    {
      completed = facts->state != REXIAN_STATE_IN_PROGRESS && facts->replied_at > 0;
      stats->due++;
      stats->completed_on_time += completed && facts->replied_at <= facts->deadline;
    }

  if (facts->dispatched_at > 0 && rexian_period_contains (period, facts->closed_at) &&
      (facts->state == REXIAN_STATE_CLOSED || facts->state == REXIAN_STATE_ARCHIVED))
    {
      stats->closed++;
      stats->visited += is_valid_visit (facts->followup_process) ||
                        is_valid_visit (facts->followup_result);
      add_score (facts->followup_process, &stats->process_satisfied,
                 &stats->process_basically, &stats->process_valid);
      add_score (facts->followup_result, &stats->result_satisfied,
                 &stats->result_basically, &stats->result_valid);
    }
}

void
rexian_order_stats_merge (RexianOrderStats       *stats,
                          const RexianOrderStats *other)
{
  gint64 *to = (gint64 *) stats;
  const gint64 *from = (const gint64 *) other;

  g_return_if_fail (stats != NULL);
  g_return_if_fail (other != NULL);

  /* Every field is a count of the same type, so they add up one by one. */
  G_STATIC_ASSERT (sizeof (RexianOrderStats) % sizeof (gint64) == 0);
  for (guint i = 0; i < sizeof (RexianOrderStats) / sizeof (gint64); i++)
    to[i] += from[i];
}

RexianMeasureValue
rexian_order_stats_get (const RexianOrderStats *stats,
                        RexianMeasure           measure)
{
  RexianMeasureValue undefined = { FALSE, 0.0, 0, 0 };

  g_return_val_if_fail (stats != NULL, undefined);

  switch (measure)
    {
    case REXIAN_MEASURE_ON_TIME_DISPATCH:
      return rexian_measure_on_time_dispatch (stats->dispatched_on_time, stats->dispatched);
    case REXIAN_MEASURE_ON_TIME_COMPLETION:
    case REXIAN_MEASURE_EFFICIENCY:
      return rexian_measure_on_time_completion (stats->completed_on_time, stats->due);
    case REXIAN_MEASURE_DIRECT_ANSWER_RATE:
      return rexian_measure_direct_answer_rate (stats->closed_at_intake, stats->orders);
    case REXIAN_MEASURE_FOLLOW_UP_RATE:
      return rexian_measure_follow_up_rate (stats->visited, stats->closed);
    case REXIAN_MEASURE_PROCESS_SATISFACTION:
      return rexian_measure_satisfaction (stats->process_satisfied, stats->process_basically,
                                          stats->process_valid);
    case REXIAN_MEASURE_RESULT_SATISFACTION:
      return rexian_measure_satisfaction (stats->result_satisfied, stats->result_basically,
                                          stats->result_valid);
    case REXIAN_MEASURE_REHANDLE_RATE:
      return rexian_measure_rehandle_rate (stats->rehandled, stats->transferred);
    case REXIAN_MEASURE_RETURN_RATE:
      return rexian_measure_return_rate (stats->returned, stats->transferred);
    case REXIAN_MEASURE_ATTITUDE:
      return rexian_measure_attitude (stats->returned, stats->transferred);
    default:
      return undefined;
    }
}

/* Early warning */

char *
rexian_place_get_area (const char *place)
{
  GString *area;

  if (place == NULL)
    return g_strdup ("");

  area = g_string_new (NULL);
  for (const char *p = place; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* ASCII and full-width digits both start a house number. */
      if (g_unichar_isdigit (c))
        break;
      g_string_append_unichar (area, c);
    }

  return g_strstrip (g_string_free (area, FALSE));
}
