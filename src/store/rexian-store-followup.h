/* rexian-store-followup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-measures.h"
#include "rexian-store.h"

G_BEGIN_DECLS

/* Shared settings (the settings table) for follow-up visits. */
#define REXIAN_STORE_FOLLOWUP_MAX_ATTEMPTS_KEY   "followup-max-attempts"
#define REXIAN_STORE_FOLLOWUP_SAMPLE_PERCENT_KEY "followup-sample-percent"
#define REXIAN_STORE_FOLLOWUP_DEFAULT_MAX_ATTEMPTS   3
#define REXIAN_STORE_FOLLOWUP_DEFAULT_SAMPLE_PERCENT 10.0

/* One order waiting for a visit: in follow-up, or closed and drawn by a sampling plan
 * and not yet visited. */
typedef struct
{
  gint64       order_id;
  char        *number;
  char        *summary;
  char        *caller;          /* the name, masked when the order is confidential */
  char        *phone;           /* the number to dial */
  char        *phone_shown;     /* masked when the order is confidential */
  gint64       department_id;   /* the lead department; 0: none */
  char        *department;      /* NULL when there is none */
  RexianState  state;
  gboolean     sampled;         /* drawn from closed orders */
  gint64       replied_at;
  gint64       closed_at;
  guint        attempts;        /* attempts in this round of visits */
  guint        max_attempts;    /* the setting: after this many, unreachable */
  gint64       last_attempt_at; /* 0: none yet */
} RexianFollowupItem;

void rexian_followup_item_free (RexianFollowupItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianFollowupItem, rexian_followup_item_free)

/* What an agent records after one call to the caller. */
typedef struct
{
  gboolean            reached;
  RexianSatisfaction  process;    /* required when reached */
  RexianSatisfaction  result;     /* required when reached */
  RexianSatisfaction  attitude;   /* NONE: not asked */
  RexianSatisfaction  efficiency; /* NONE: not asked */
  char               *note;
  char               *reason;     /* the reason for re-handling, required when both
                                   * process and result are dissatisfied */
  gint64              call_id;    /* the call log's row; 0: none */
} RexianVisit;

RexianVisit *rexian_visit_new  (void);
RexianVisit *rexian_visit_copy (const RexianVisit *visit);
void         rexian_visit_free (RexianVisit *visit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianVisit, rexian_visit_free)

/* What recording a visit did. */
typedef enum
{
  REXIAN_VISIT_RESULT_RETRY,       /* not reached: still in the queue */
  REXIAN_VISIT_RESULT_CLOSED,      /* closed with the caller's answers */
  REXIAN_VISIT_RESULT_REHANDLE,    /* back to the department (重办) */
  REXIAN_VISIT_RESULT_UNREACHABLE, /* closed (or, when sampled, dropped) as unreachable */
  REXIAN_VISIT_RESULT_RECORDED,    /* a sampled closed order: answers kept, state unchanged */
} RexianVisitResult;

/* The aspects of a department's evaluation (GB/T 33358 §6 评价). */
typedef enum
{
  REXIAN_EVALUATION_ATTITUDE,   /* 服务态度 */
  REXIAN_EVALUATION_EFFICIENCY, /* 工作效率 */
  REXIAN_EVALUATION_PROCESS,    /* 办理过程 */
  REXIAN_EVALUATION_RESULT,     /* 办理结果 */
} RexianEvaluationAspect;

#define REXIAN_N_EVALUATION_ASPECTS (REXIAN_EVALUATION_RESULT + 1)

typedef struct
{
  gint64 satisfied;    /* 满意 */
  gint64 basically;    /* 基本满意 */
  gint64 dissatisfied; /* 不满意 */
} RexianEvaluationCounts;

/* A department's evaluation over a period, from the visits' answers. */
typedef struct
{
  gint64                 department_id; /* 0: orders with no lead department */
  char                  *department;
  gint64                 visits;        /* attempts in the period */
  gint64                 reached;       /* attempts that reached the caller */
  RexianEvaluationCounts aspects[REXIAN_N_EVALUATION_ASPECTS];
} RexianDepartmentEvaluation;

void rexian_department_evaluation_free (RexianDepartmentEvaluation *evaluation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianDepartmentEvaluation, rexian_department_evaluation_free)

/* The satisfaction rate of an aspect: (满意 + 基本满意) ÷ the callers reached who answered
 * it.  Process and result are required, so their denominator is every caller reached;
 * attitude and efficiency are optional and only count where asked.  Undefined when
 * there is nothing to measure. */
RexianMeasureValue rexian_department_evaluation_rate (const RexianDepartmentEvaluation *evaluation,
                                                      RexianEvaluationAspect            aspect);
const char        *rexian_evaluation_aspect_get_label (RexianEvaluationAspect aspect);

/* Settings, with the defaults where unset. */
guint    rexian_store_get_followup_max_attempts   (RexianStore  *self);
double   rexian_store_get_followup_sample_percent (RexianStore  *self);
gboolean rexian_store_set_followup_settings       (RexianStore  *self,
                                                   guint         max_attempts,
                                                   double        sample_percent,
                                                   GError      **error);

/* The queue, orders in follow-up first (oldest reply first), then sampled orders. */
GPtrArray *rexian_store_list_followup_queue (RexianStore  *self,
                                             GError      **error); /* RexianFollowupItem */

/* The draw for orders closed in [@period_start, @period_end), without saving it:
 * RexianSampleCandidate sorted by department and id. */
GArray    *rexian_store_draw_followup_sample (RexianStore  *self,
                                              gint64        period_start,
                                              gint64        period_end,
                                              double        share_percent,
                                              guint64       seed,
                                              GError      **error);

/* Draws and saves a plan and its samples in one transaction; returns the plan's id and
 * the drawn orders in @out_drawn.  The same period, share and seed draw the same
 * orders again. */
gint64     rexian_store_create_followup_plan (RexianStore  *self,
                                              gint64        period_start,
                                              gint64        period_end,
                                              double        share_percent,
                                              guint64       seed,
                                              gint64        agent_id,
                                              gint64        now,
                                              GArray      **out_drawn,
                                              GError      **error);

/* Records one attempt and, in the same transaction, what follows from it: closing with
 * the answers, re-handling with the reason, or closing as unreachable after the last
 * allowed attempt, through the lifecycle.  @out_attempts gets the attempts in this
 * round, this one included. */
gboolean   rexian_store_record_visit (RexianStore        *self,
                                      gint64              order_id,
                                      const RexianVisit  *visit,
                                      gint64              agent_id,
                                      gint64              now,
                                      RexianVisitResult  *out_result,
                                      guint              *out_attempts,
                                      GError            **error);

/* The evaluation per department from the attempts made in @period (sorted by
 * department name). */
GPtrArray *rexian_store_get_department_evaluation (RexianStore         *self,
                                                   const RexianPeriod  *period,
                                                   GError             **error);

/* Async forms on the store's worker thread, for the UI. */
void       rexian_store_list_followup_queue_async  (RexianStore         *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray *rexian_store_list_followup_queue_finish (RexianStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* @save FALSE only draws (a preview); the result is the drawn orders. */
void       rexian_store_followup_plan_async        (RexianStore         *self,
                                                    gint64               period_start,
                                                    gint64               period_end,
                                                    double               share_percent,
                                                    guint64              seed,
                                                    gboolean             save,
                                                    gint64               agent_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GArray    *rexian_store_followup_plan_finish       (RexianStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* @visit is copied. */
void       rexian_store_record_visit_async         (RexianStore         *self,
                                                    gint64               order_id,
                                                    const RexianVisit   *visit,
                                                    gint64               agent_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   rexian_store_record_visit_finish        (RexianStore         *self,
                                                    GAsyncResult        *result,
                                                    RexianVisitResult   *out_result,
                                                    guint               *out_attempts,
                                                    GError             **error);
void       rexian_store_get_department_evaluation_async  (RexianStore         *self,
                                                          const RexianPeriod  *period,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray *rexian_store_get_department_evaluation_finish (RexianStore         *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
