/* rexian-store-stats.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-measures.h"
#include "rexian-store.h"

G_BEGIN_DECLS

/* The statistics behind the supervisor view, the wall display and the reports, read from
 * the shared database.  The rules of every figure are core's (rexian-measures.h), and
 * every query reads an indexed date range, so a period's figures read only that
 * period's rows: calls are counted by core itself from a covering index (faster than SQL
 * sums), orders are summed in SQL.  The drill-down lists use the very conditions the
 * figures count, so a list always has as many rows as its figure says.
 *
 * Calls still ringing are only counted by the "now" figures.  A call left ringing or
 * talking by a seat that stopped (its end never recorded) is ignored by them once it is
 * older than the limits below. */

/* No caller rings for an hour, and no call lasts twelve. */
#define REXIAN_STATS_MAX_RING_SECONDS 3600
#define REXIAN_STATS_MAX_CALL_SECONDS (12 * 3600)

/* Which calls of a period a drill-down lists. */
typedef enum
{
  REXIAN_CALL_FILTER_OFFERED,
  REXIAN_CALL_FILTER_ANSWERED,
  REXIAN_CALL_FILTER_ABANDONED,
  REXIAN_CALL_FILTER_PASSED_ON,
  REXIAN_CALL_FILTER_ANSWERED_WITHIN,  /* wait ≤ 15 s */
  REXIAN_CALL_FILTER_ANSWERED_LATE,
  REXIAN_CALL_FILTER_ABANDONED_WITHIN,
  REXIAN_CALL_FILTER_ABANDONED_LATE,
} RexianCallFilter;

#define REXIAN_N_CALL_FILTERS (REXIAN_CALL_FILTER_ABANDONED_LATE + 1)

/* Which orders of a period a drill-down lists, as rexian_order_stats_add() counts them. */
typedef enum
{
  REXIAN_ORDER_FILTER_ORDERS,
  REXIAN_ORDER_FILTER_MERGED,
  REXIAN_ORDER_FILTER_CLOSED_AT_INTAKE,
  REXIAN_ORDER_FILTER_TRANSFERRED,
  REXIAN_ORDER_FILTER_RETURNED,
  REXIAN_ORDER_FILTER_REHANDLED,
  REXIAN_ORDER_FILTER_DISPATCHED,
  REXIAN_ORDER_FILTER_DISPATCHED_ON_TIME,
  REXIAN_ORDER_FILTER_DISPATCHED_LATE,
  REXIAN_ORDER_FILTER_DUE,
  REXIAN_ORDER_FILTER_COMPLETED_ON_TIME,
  REXIAN_ORDER_FILTER_COMPLETED_LATE,
  REXIAN_ORDER_FILTER_CLOSED,
  REXIAN_ORDER_FILTER_VISITED,
  REXIAN_ORDER_FILTER_NOT_VISITED,
  REXIAN_ORDER_FILTER_PROCESS_SATISFIED,   /* 满意 or 基本满意 */
  REXIAN_ORDER_FILTER_PROCESS_DISSATISFIED,
  REXIAN_ORDER_FILTER_RESULT_SATISFIED,
  REXIAN_ORDER_FILTER_RESULT_DISSATISFIED,
  /* Open orders now, whatever the period (for yellow and red, use a RexianOrderQuery
   * with its colour, as the board does). */
  REXIAN_ORDER_FILTER_OPEN_SUPERVISED,
  REXIAN_ORDER_FILTER_OPEN_EMERGENCY,
} RexianOrderFilter;

#define REXIAN_N_ORDER_FILTERS (REXIAN_ORDER_FILTER_OPEN_EMERGENCY + 1)

/* What a report breaks its order figures down by. */
typedef enum
{
  REXIAN_STATS_GROUP_DEPARTMENT, /* the lead department (主办); orders never dispatched: 0 */
  REXIAN_STATS_GROUP_CATEGORY,
  REXIAN_STATS_GROUP_CHANNEL,    /* the key is a RexianChannel */
  REXIAN_STATS_GROUP_KIND,       /* the key is a RexianRequestKind */
} RexianStatsGroup;

#define REXIAN_N_STATS_GROUPS (REXIAN_STATS_GROUP_KIND + 1)

/* One row of a breakdown.  Returns and re-handles count against the department leading
 * the order now, as the order keeps no department per return. */
typedef struct
{
  gint64            key;    /* a department or category id (0: none), or an enum value */
  char             *label;  /* its name, translated for channels and kinds */
  RexianOrderStats  stats;
} RexianOrderGroup;

void rexian_order_group_free (gpointer group);

/* A call waiting for an answer now. */
typedef struct
{
  gint64  id;             /* the calls row */
  char   *call_id;
  char   *remote_number;
  gint64  offered_at;
  gint64  wait;           /* seconds so far */
} RexianWaitingCall;

void rexian_waiting_call_free (gpointer call);

/* An agent now: status, time in it, and the call they are on. */
typedef struct
{
  gint64             agent_id;
  char              *agent_no;
  char              *name;
  RexianAgentStatus  status;
  char              *reason;
  gint64             since;             /* 0: never signed in */
  gint64             seconds_in_status; /* 0 when since is 0 */
  gint64             call_id;           /* the calls row of the current call, or 0 */
  char              *call_number;       /* its remote number */
  gint64             call_started_at;   /* answered (or dialled) at */
} RexianAgentNow;

void rexian_agent_now_free (gpointer agent);

/* The "now" figures. */
typedef struct
{
  gint64     at;
  GPtrArray *waiting;                 /* RexianWaitingCall, longest waiting first */
  gint64     longest_wait;            /* 0 when nobody waits */
  GPtrArray *agents;                  /* RexianAgentNow, by agent number */
  guint      agents_by_status[REXIAN_N_AGENT_STATUSES];
  guint      callbacks_pending;       /* missed calls not yet called back */
  gint64     oldest_callback_at;      /* 0 when none */
  gboolean   colours_known;           /* FALSE when the calendar does not cover now */
  guint      orders_yellow;
  guint      orders_red;
  guint      orders_supervised;       /* open and supervised */
  guint      orders_emergency;        /* open and emergency */
} RexianStatsNow;

void rexian_stats_now_free (RexianStatsNow *now);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianStatsNow, rexian_stats_now_free)

/* Everything the supervisor view shows in one read: now, today and the last 24 hours. */
typedef struct
{
  RexianStatsNow   *now;
  RexianPeriod      today;
  RexianPeriod      last_24h;
  RexianCallStats   today_calls;
  RexianCallStats   last_24h_calls;
  GArray           *today_hours;     /* RexianHourCount */
  GArray           *last_24h_hours;
  RexianOrderStats  today_orders;
} RexianStatsSnapshot;

void rexian_stats_snapshot_free (RexianStatsSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianStatsSnapshot, rexian_stats_snapshot_free)

/* A report for a day, week, month or year (GB/T 33358 6.6 统计汇总). */
typedef struct
{
  RexianPeriod      period;
  gint64            now;
  RexianCallStats   calls;
  RexianOrderStats  orders;
  GArray           *parts;           /* RexianPeriod: rexian_period_split() */
  GArray           *calls_by_part;   /* RexianCallStats, one per part */
  GArray           *orders_by_part;  /* RexianOrderStats, one per part */
  GPtrArray        *by_department;   /* RexianOrderGroup */
  GPtrArray        *by_category;
  GPtrArray        *by_channel;
  GPtrArray        *by_kind;
  gint64            orders_by_state[REXIAN_N_STATES]; /* created in the period, state now */
  /* The department evaluation from the follow-up visits made in the period
   * (RexianDepartmentEvaluation, see rexian-store-followup.h). */
  GPtrArray        *evaluation;
} RexianStatsReport;

void rexian_stats_report_free (RexianStatsReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianStatsReport, rexian_stats_report_free)

/* Early warning (GB/T 33358 6.6 预警): requests that gather. */
typedef enum
{
  REXIAN_WARNING_SAME_PLACE,   /* the same category from the same area */
  REXIAN_WARNING_SIMILAR_TEXT, /* the same request in the text (FTS5 trigram) */
} RexianWarningKind;

typedef struct
{
  RexianWarningKind  kind;
  gint64             category_id;   /* SAME_PLACE; 0 for no category */
  char              *category_name;
  char              *area;          /* SAME_PLACE: rexian_place_get_area() of the place */
  char              *text;          /* SIMILAR_TEXT: the words the orders share */
  GArray            *order_ids;     /* gint64, oldest first */
  gint64             first_at;
  gint64             last_at;
} RexianWarningCluster;

void rexian_warning_cluster_free (gpointer cluster);

/* Figures for a period; @now decides which deadlines have passed. */
gboolean             rexian_store_stats_calls          (RexianStore         *self,
                                                        const RexianPeriod  *period,
                                                        RexianCallStats     *out_stats,
                                                        GError             **error);
GArray              *rexian_store_stats_calls_per_hour (RexianStore         *self,
                                                        const RexianPeriod  *period,
                                                        GError             **error);
gboolean             rexian_store_stats_orders         (RexianStore         *self,
                                                        const RexianPeriod  *period,
                                                        gint64               now,
                                                        RexianOrderStats    *out_stats,
                                                        GError             **error);
/* RexianOrderGroup, by key. */
GPtrArray           *rexian_store_stats_orders_grouped (RexianStore         *self,
                                                        const RexianPeriod  *period,
                                                        gint64               now,
                                                        RexianStatsGroup     group,
                                                        GError             **error);
RexianStatsNow      *rexian_store_stats_now            (RexianStore         *self,
                                                        gint64               now,
                                                        GError             **error);
RexianStatsSnapshot *rexian_store_stats_snapshot       (RexianStore         *self,
                                                        gint64               now,
                                                        GError             **error);
RexianStatsReport   *rexian_store_stats_report         (RexianStore         *self,
                                                        const RexianPeriod  *period,
                                                        gint64               now,
                                                        GError             **error);

/* Drill-down: the row ids behind a figure (calls rows for rexian_store_get_calls_by_ids(),
 * or work order ids for rexian_store_get_orders_by_ids()), newest first; @limit 0: all.
 * @department_id limits orders to one lead department (0: all). */
GArray              *rexian_store_stats_list_calls     (RexianStore         *self,
                                                        const RexianPeriod  *period,
                                                        RexianCallFilter     filter,
                                                        guint                limit,
                                                        GError             **error);
GArray              *rexian_store_stats_list_orders    (RexianStore         *self,
                                                        const RexianPeriod  *period,
                                                        gint64               now,
                                                        RexianOrderFilter    filter,
                                                        gint64               department_id,
                                                        guint                limit,
                                                        GError             **error);

/* Clusters of at least @threshold orders created in @period (the window), the largest
 * first.  Same place: same category and same area (the event place, or the caller's
 * address when no place was given).  Similar text: the orders whose text holds the
 * request of another order in the window (its summary without the place), found with
 * the trigram index; the most frequent requests are tried first, at most
 * REXIAN_STATS_MAX_TEXT_PROBES of them. */
#define REXIAN_STATS_MAX_TEXT_PROBES 50
GPtrArray           *rexian_store_stats_find_clusters  (RexianStore         *self,
                                                        const RexianPeriod  *period,
                                                        guint                threshold,
                                                        GError             **error);

/* Async forms on the store's worker thread, for the UI: @now 0 is the moment it runs. */
void                 rexian_store_stats_snapshot_async  (RexianStore        *self,
                                                         gint64              now,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
RexianStatsSnapshot *rexian_store_stats_snapshot_finish (RexianStore        *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
void                 rexian_store_stats_report_async    (RexianStore        *self,
                                                         const RexianPeriod *period,
                                                         gint64              now,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
RexianStatsReport   *rexian_store_stats_report_finish   (RexianStore        *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
void                 rexian_store_stats_list_calls_async  (RexianStore        *self,
                                                           const RexianPeriod *period,
                                                           RexianCallFilter    filter,
                                                           guint               limit,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
void                 rexian_store_stats_list_orders_async (RexianStore        *self,
                                                           const RexianPeriod *period,
                                                           gint64              now,
                                                           RexianOrderFilter   filter,
                                                           gint64              department_id,
                                                           guint               limit,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
/* For both lists: the GArray of ids. */
GArray              *rexian_store_stats_list_finish     (RexianStore        *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
void                 rexian_store_stats_find_clusters_async  (RexianStore        *self,
                                                              const RexianPeriod *period,
                                                              guint               threshold,
                                                              GCancellable       *cancellable,
                                                              GAsyncReadyCallback callback,
                                                              gpointer            user_data);
GPtrArray           *rexian_store_stats_find_clusters_finish (RexianStore        *self,
                                                              GAsyncResult       *result,
                                                              GError            **error);

/* For benchmarks: @n generated calls over the year before @now, by the hour of day as a
 * city hotline gets them, about 5 % abandoned, in large transactions. */
gboolean             rexian_store_fill_generated_calls  (RexianStore        *self,
                                                         guint               n,
                                                         gint64              now,
                                                         GError            **error);

/* Sample data: a month of calls before the day of @now (about 120 a day, every missed
 * one called back), as the first run shows them. */
gboolean             rexian_store_fill_sample_calls     (RexianStore        *self,
                                                         gint64              now,
                                                         GError            **error);

G_END_DECLS
