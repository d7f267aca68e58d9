/* rexian-measures.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rexian-core-types.h"
#include "rexian-records.h"
#include "rexian-work-order.h"

G_BEGIN_DECLS

/* The measures of a government service hotline (GB/T 33358-2016, DB1405/T 086—2025) and
 * the rules that decide which call or order each one counts.  Everything here works on
 * plain values, so the store's SQL aggregates can be checked against it on the same data.
 *
 * Calls.  Only incoming calls are the hotline's queue; outgoing calls (call-backs,
 * click-to-call) count nowhere here.  A call belongs to the period in which it was
 * offered (the caller started waiting), even when it is answered or ends after midnight.
 * A call forked to several seats is one call: the store keeps one row per SIP Call-ID,
 * and rexian_call_stats_add_records() merges the legs of a list by their Call-ID.
 *
 *   waiting    offered, not answered and not ended: counted only by the "now" figures;
 *   answered   an agent answered;
 *   abandoned  ended without an answer, whatever ended it: the caller hanging up
 *              (放弃), or the call ending because no agent took it (no answer, busy,
 *              declined, failed).  Either way the caller was not served, and each such
 *              call gets a callback (DB1405 5.1.2);
 *   passed on  transferred elsewhere before any answer: offered, neither answered nor
 *              abandoned.
 *
 *   offered = answered + abandoned + passed on.
 *
 * The wait is from the offer to the answer, or to the end for an abandoned call; never
 * negative.  "Within 15 s" means a wait of 15 s or less: a call answered or abandoned at
 * exactly 15 s is within, one at 16 s is not. */

/* GB/T 33358 5.2.1: answer within 15 s. */
#define REXIAN_SERVICE_SECONDS 15

typedef enum
{
  /* Calls. */
  REXIAN_MEASURE_OFFERED,
  REXIAN_MEASURE_ANSWERED,
  REXIAN_MEASURE_ABANDONED,
  REXIAN_MEASURE_COMPLETION_RATE,      /* 接通率 */
  REXIAN_MEASURE_SERVICE_LEVEL,        /* 15 s answer rate */
  REXIAN_MEASURE_SERVICE_LEVEL_2,
  REXIAN_MEASURE_ASA,
  REXIAN_MEASURE_LONGEST_WAIT,
  REXIAN_MEASURE_ABANDON_RATE,
  /* Orders. */
  REXIAN_MEASURE_ON_TIME_DISPATCH,
  REXIAN_MEASURE_ON_TIME_COMPLETION,   /* 按时办结率 */
  REXIAN_MEASURE_DIRECT_ANSWER_RATE,   /* 直接答复率 */
  REXIAN_MEASURE_FOLLOW_UP_RATE,       /* 回访率 */
  REXIAN_MEASURE_PROCESS_SATISFACTION, /* 满意率, process */
  REXIAN_MEASURE_RESULT_SATISFACTION,  /* 满意率, result */
  REXIAN_MEASURE_REHANDLE_RATE,        /* 重办率 */
  REXIAN_MEASURE_RETURN_RATE,          /* 退单率 */
  /* Department evaluation (GB/T 33358 7.1); process and result are the two
   * satisfaction measures above. */
  REXIAN_MEASURE_ATTITUDE,
  REXIAN_MEASURE_EFFICIENCY,
} RexianMeasure;

#define REXIAN_N_MEASURES (REXIAN_MEASURE_EFFICIENCY + 1)

typedef enum
{
  REXIAN_MEASURE_KIND_COUNT,
  REXIAN_MEASURE_KIND_RATIO,   /* a fraction from 0 to 1, shown as a percentage */
  REXIAN_MEASURE_KIND_SECONDS,
} RexianMeasureKind;

/* A figure.  @defined is FALSE when there is nothing to measure (a rate over an empty
 * period): it is shown as "—", never as 0 % or 100 %.  For a ratio, @numerator and
 * @denominator are the counts it came from, for a drill-down and a tooltip. */
typedef struct
{
  gboolean defined;
  double   value;
  gint64   numerator;
  gint64   denominator;
} RexianMeasureValue;

/* A stable identifier ("completion-rate") for settings and exports. */
const char        *rexian_measure_to_string    (RexianMeasure             measure);
gboolean           rexian_measure_from_string  (const char               *str,
                                                RexianMeasure            *out);
/* Translated: the name ("Completion rate") and the formula shown next to the figure
 * ("answered ÷ offered"). */
const char        *rexian_measure_get_name     (RexianMeasure             measure);
const char        *rexian_measure_get_formula  (RexianMeasure             measure);
RexianMeasureKind  rexian_measure_get_kind     (RexianMeasure             measure);
/* FALSE for the measures where less is better (abandon rate, ASA, waits, re-handle and
 * return rates). */
gboolean           rexian_measure_higher_is_better (RexianMeasure         measure);
/* The figure for display: "1234", "95.2%", "12 s", "1 min 5 s"; "—" when undefined. */
char              *rexian_measure_format_value (RexianMeasure             measure,
                                                const RexianMeasureValue *value);

/* One function per measure, from plain counts.  Rates with a zero denominator are
 * undefined. */

/* A count (offered, answered, abandoned). */
RexianMeasureValue rexian_measure_count              (gint64 n);
/* 接通率 = answered ÷ offered (GB/T 33358: ≥ 95 % over any 24 h). */
RexianMeasureValue rexian_measure_completion_rate    (gint64 answered,
                                                      gint64 offered);
/* SL = answered within 15 s ÷ answered. */
RexianMeasureValue rexian_measure_service_level      (gint64 answered_within,
                                                      gint64 answered);
/* SL2 = (answered within 15 s + abandoned within 15 s) ÷ (answered + abandoned). */
RexianMeasureValue rexian_measure_service_level_2    (gint64 answered_within,
                                                      gint64 abandoned_within,
                                                      gint64 answered,
                                                      gint64 abandoned);
/* ASA = the sum of answered calls' waits ÷ answered, in seconds. */
RexianMeasureValue rexian_measure_asa                (gint64 answered_wait_sum,
                                                      gint64 answered);
/* The longest wait in seconds; undefined when no call was counted (@n_calls 0). */
RexianMeasureValue rexian_measure_longest_wait       (gint64 longest,
                                                      gint64 n_calls);
/* Abandon rate = abandoned ÷ offered. */
RexianMeasureValue rexian_measure_abandon_rate       (gint64 abandoned,
                                                      gint64 offered);
/* On-time dispatch = dispatched by the dispatch deadline ÷ dispatched. */
RexianMeasureValue rexian_measure_on_time_dispatch   (gint64 on_time,
                                                      gint64 dispatched);
/* 按时办结率 = completed by the deadline ÷ due in the period. */
RexianMeasureValue rexian_measure_on_time_completion (gint64 on_time,
                                                      gint64 due);
/* 直接答复率 = closed at intake ÷ all orders. */
RexianMeasureValue rexian_measure_direct_answer_rate (gint64 closed_at_intake,
                                                      gint64 orders);
/* 回访率 = visited ÷ closed. */
RexianMeasureValue rexian_measure_follow_up_rate     (gint64 visited,
                                                      gint64 closed);
/* 满意率 = (满意 + 基本满意) ÷ valid visits. */
RexianMeasureValue rexian_measure_satisfaction       (gint64 satisfied,
                                                      gint64 basically,
                                                      gint64 valid);
/* 重办率 = re-handled ÷ transferred. */
RexianMeasureValue rexian_measure_rehandle_rate      (gint64 rehandled,
                                                      gint64 transferred);
/* 退单率 = returned ÷ transferred. */
RexianMeasureValue rexian_measure_return_rate        (gint64 returned,
                                                      gint64 transferred);
/* Attitude = (transferred − returned) ÷ transferred: a department that sends orders
 * back instead of handling them (推诿) shows a poor service attitude. */
RexianMeasureValue rexian_measure_attitude           (gint64 returned,
                                                      gint64 transferred);

/* Thresholds: where a figure turns from ok to warning to bad.  For a measure where more
 * is better, below @bad is bad, below @warning a warning, else ok; where less is better,
 * above @bad is bad, above @warning a warning.  NAN in @bad: no threshold (the level is
 * always OK). */
typedef enum
{
  REXIAN_LEVEL_NONE,    /* the figure is undefined */
  REXIAN_LEVEL_OK,
  REXIAN_LEVEL_WARNING,
  REXIAN_LEVEL_BAD,
} RexianLevel;

typedef struct
{
  double bad[REXIAN_N_MEASURES];
  double warning[REXIAN_N_MEASURES];
} RexianThresholds;

/* The defaults: 接通率 bad below 95 % (GB/T 33358 5.2.1), warning below 97 %; the
 * others as documented in help/C/measures.page. */
void        rexian_thresholds_init_default (RexianThresholds         *thresholds);
void        rexian_thresholds_set          (RexianThresholds         *thresholds,
                                            RexianMeasure             measure,
                                            double                    bad,
                                            double                    warning);
RexianLevel rexian_thresholds_get_level    (const RexianThresholds   *thresholds,
                                            RexianMeasure             measure,
                                            const RexianMeasureValue *value);
const char *rexian_level_to_string         (RexianLevel               level); /* "ok" ... */

/* Periods, in local time.  A week starts on Monday.  The last 24 hours end at the
 * moment given and are exactly 86,400 s long (接通率 is defined over any 24 h). */
typedef enum
{
  REXIAN_PERIOD_DAY,
  REXIAN_PERIOD_WEEK,
  REXIAN_PERIOD_MONTH,
  REXIAN_PERIOD_YEAR,
  REXIAN_PERIOD_LAST_24H,
  REXIAN_PERIOD_CUSTOM,
} RexianPeriodKind;

/* The half-open interval [start, end) in Unix seconds. */
typedef struct
{
  RexianPeriodKind kind;
  gint64           start;
  gint64           end;
} RexianPeriod;

/* The day, week, month or year containing @at, or the 24 hours ending at @at. */
void      rexian_period_init          (RexianPeriod       *period,
                                       RexianPeriodKind    kind,
                                       gint64              at);
void      rexian_period_init_range    (RexianPeriod       *period,
                                       gint64              start,
                                       gint64              end);
gboolean  rexian_period_contains      (const RexianPeriod *period,
                                       gint64              at);
/* The period @n steps later (earlier when negative): the next day, month ... */
void      rexian_period_shift         (const RexianPeriod *period,
                                       int                 n,
                                       RexianPeriod       *out);
/* The days (of a week or month), months (of a year) or hours (of a day or the last 24
 * hours) that make up @period, as an array of RexianPeriod covering it exactly. */
GArray   *rexian_period_split         (const RexianPeriod *period);
/* "2026-06-10", "2026-06-08 – 2026-06-14", "2026-06", "2026", or the two instants. */
char     *rexian_period_format        (const RexianPeriod *period);
const char *rexian_period_kind_to_string   (RexianPeriodKind kind);   /* "day" ... */
gboolean    rexian_period_kind_from_string (const char       *str,
                                            RexianPeriodKind *out);

/* Hour buckets for the calls-per-hour chart: bucket i covers the hour from the local
 * hour in which the period starts, plus i hours (the last 24 h usually have 25 buckets,
 * the first and last partial).  The index is -1 outside the period. */
guint     rexian_period_get_n_hours     (const RexianPeriod *period);
gint64    rexian_period_get_first_hour  (const RexianPeriod *period);
int       rexian_period_get_hour_index  (const RexianPeriod *period,
                                         gint64              at);

/* Wait-time histogram buckets: 0–5, 5–10, 10–15, 15–30, 30–60 and over 60 s.  The upper
 * bound belongs to the bucket, so a 15 s wait is in 10–15, as it is within 15 s. */
#define REXIAN_N_WAIT_BUCKETS 6
guint       rexian_wait_bucket            (gint64 wait_seconds);
/* The bucket's upper bound in seconds (G_MAXINT64 for the last). */
gint64      rexian_wait_bucket_get_limit  (guint  bucket);
const char *rexian_wait_bucket_get_label  (guint  bucket); /* "0–5 s" */

/* A call as the measures see it. */
typedef struct
{
  RexianCallRecordDirection direction;
  gint64                    offered_at;
  gint64                    answered_at; /* 0: not answered */
  gint64                    ended_at;    /* 0: not ended */
  int                       outcome;     /* a RexianCallOutcome, or -1 */
} RexianCallFacts;

typedef enum
{
  REXIAN_CALL_KIND_NOT_COUNTED, /* outgoing */
  REXIAN_CALL_KIND_WAITING,
  REXIAN_CALL_KIND_ANSWERED,
  REXIAN_CALL_KIND_ABANDONED,
  REXIAN_CALL_KIND_PASSED_ON,
} RexianCallKind;

void            rexian_call_facts_from_record (RexianCallFacts          *facts,
                                               const RexianCallRecord   *record);
RexianCallKind rexian_call_facts_classify    (const RexianCallFacts    *facts);
/* Until the answer, or the end for a call not answered; at @now for a call still
 * waiting.  Never negative. */
gint64          rexian_call_facts_get_wait    (const RexianCallFacts    *facts,
                                               gint64                    now);

/* The aggregate a period's call measures come from. */
typedef struct
{
  gint64 offered;
  gint64 answered;
  gint64 abandoned;
  gint64 passed_on;
  gint64 answered_within;   /* wait ≤ 15 s */
  gint64 abandoned_within;
  gint64 answered_wait_sum;
  gint64 longest_wait;      /* of answered and abandoned calls */
  gint64 answered_waits[REXIAN_N_WAIT_BUCKETS];
  gint64 abandoned_waits[REXIAN_N_WAIT_BUCKETS];
} RexianCallStats;

/* Adds a call offered in the period (the caller checks the period). */
void               rexian_call_stats_add         (RexianCallStats          *stats,
                                                  const RexianCallFacts    *facts);
/* Adds the calls of @records (RexianCallRecord) offered in @period, the legs of one
 * forked call (the same Call-ID) merged into one call first: the earliest offer, the
 * first answer, the last end. */
void               rexian_call_stats_add_records (RexianCallStats          *stats,
                                                  const RexianPeriod       *period,
                                                  GPtrArray                *records);
void               rexian_call_stats_merge       (RexianCallStats          *stats,
                                                  const RexianCallStats    *other);
RexianMeasureValue rexian_call_stats_get         (const RexianCallStats    *stats,
                                                  RexianMeasure             measure);

/* Calls per hour, one per bucket of rexian_period_get_n_hours(). */
typedef struct
{
  gint64 offered;
  gint64 answered;
  gint64 abandoned;
} RexianHourCount;

GArray            *rexian_hour_counts_new        (const RexianPeriod       *period);
void               rexian_hour_counts_add        (GArray                   *counts,
                                                  const RexianPeriod       *period,
                                                  const RexianCallFacts    *facts);

/* An order as the measures see it. */
typedef struct
{
  RexianState        state;
  gint64             created_at;
  gint64             dispatch_deadline;
  gint64             dispatched_at;
  gint64             deadline;
  gint64             replied_at;
  gint64             closed_at;
  RexianSatisfaction followup_process;
  RexianSatisfaction followup_result;
  int                rehandle_count;
  int                return_count;
  gboolean           merged;
} RexianOrderFacts;

void rexian_order_facts_from_order (RexianOrderFacts *facts,
                                    RexianWorkOrder  *order);

/* The aggregate a period's order measures come from.  Each figure is dated by its own
 * event, in [start, end) of the period:
 *
 *   orders, closed at intake, transferred, returned, re-handled: created in the period;
 *     merged orders (并单) count only as merged, with the order they joined;
 *   dispatched, on time: dispatched in the period, with a dispatch deadline running; on
 *     time when dispatched no later than it (a return restarts the clock for the
 *     re-dispatch);
 *   due, completed on time: the handling deadline falls in the period and has passed
 *     (before @now), the order being with a department or past it; completed on time
 *     when the department replied (办结, GB/T 33358 6.3.4: replying with the result is
 *     completion for a transferred order) no later than the deadline and the order has
 *     not been sent back for re-handling since;
 *   closed, visited, satisfaction: transferred orders closed in the period; visited when
 *     the follow-up reached the caller (an answer other than 无法联系); valid visits per
 *     score are those with 满意, 基本满意 or 不满意. */
typedef struct
{
  gint64 orders;
  gint64 merged;
  gint64 closed_at_intake;
  gint64 transferred;
  gint64 returned;
  gint64 rehandled;
  gint64 dispatched;
  gint64 dispatched_on_time;
  gint64 due;
  gint64 completed_on_time;
  gint64 closed;
  gint64 visited;
  gint64 process_satisfied;
  gint64 process_basically;
  gint64 process_valid;
  gint64 result_satisfied;
  gint64 result_basically;
  gint64 result_valid;
} RexianOrderStats;

void               rexian_order_stats_add   (RexianOrderStats       *stats,
                                             const RexianOrderFacts *facts,
                                             const RexianPeriod     *period,
                                             gint64                  now);
void               rexian_order_stats_merge (RexianOrderStats       *stats,
                                             const RexianOrderStats *other);
RexianMeasureValue rexian_order_stats_get   (const RexianOrderStats *stats,
                                             RexianMeasure           measure);

/* Early warning: the area of a place, for grouping requests from the same place — the
 * text before the first house number ("城区凤台街道书院街12号" → "城区凤台街道书院街"),
 * trimmed.  Empty when nothing is left. */
char *rexian_place_get_area (const char *place);

G_END_DECLS
