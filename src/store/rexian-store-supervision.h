/* rexian-store-supervision.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store.h"
#include "rexian-supervision.h"

G_BEGIN_DECLS

/* Supervision records (督办记录, GB/T 33358: "督办情况应在工单内做好记录"): each says why an
 * order is supervised, how (phone, SMS …), who is responsible, when, and later the
 * outcome.  The first record of an order puts it under supervision through the
 * lifecycle's SUPERVISE step; later ones add a record and a timeline line. */
typedef struct
{
  gint64                id;
  gint64                order_id;
  gint64                at;
  RexianSuperviseReason cause;
  RexianSuperviseMethod method;
  char                 *responsible;
  gint64                agent_id;    /* 0: the automatic pass */
  char                 *agent_name;  /* read only */
  char                 *note;
  char                 *outcome;     /* "" while pending */
  gint64                outcome_at;  /* 0 while pending */
} RexianSupervisionRecord;

RexianSupervisionRecord *rexian_supervision_record_new  (void);
RexianSupervisionRecord *rexian_supervision_record_copy (const RexianSupervisionRecord *record);
void                     rexian_supervision_record_free (gpointer record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianSupervisionRecord, rexian_supervision_record_free)

/* An open supervised order with its latest record (NULL for an order supervised before
 * records were kept). */
typedef struct
{
  RexianWorkOrder         *order;
  RexianSupervisionRecord *latest;
  guint                    n_records;
} RexianSupervisedOrder;

void rexian_supervised_order_free (gpointer item);

/* How the automatic pass records what it finds: the method and the person responsible
 * (settings "supervision-default-method" and "supervision-responsible"), and the early
 * warning's threshold and window in days (clusters count as 集中反映; threshold 0: off). */
typedef struct
{
  RexianSuperviseMethod method;
  const char           *responsible;
  guint                 cluster_threshold;
  guint                 cluster_days;
} RexianSupervisionPolicy;

void rexian_supervision_policy_init_default (RexianSupervisionPolicy *policy);

/* Adds @record (order_id, cause, method, responsible, agent_id, note are read) at @now
 * (0: the clock) and returns its id, or 0 with @error set: the order is missing, or is
 * closed and was never supervised. */
gint64     rexian_store_add_supervision_record    (RexianStore                   *self,
                                                   const RexianSupervisionRecord *record,
                                                   gint64                         now,
                                                   GError                       **error);
/* RexianSupervisionRecord, oldest first. */
GPtrArray *rexian_store_list_supervision_records  (RexianStore                   *self,
                                                   gint64                         order_id,
                                                   GError                       **error);
/* Sets the outcome of a record (a non-blank text) and its time, with a timeline line. */
gboolean   rexian_store_set_supervision_outcome   (RexianStore                   *self,
                                                   gint64                         record_id,
                                                   const char                    *outcome,
                                                   gint64                         agent_id,
                                                   gint64                         now,
                                                   GError                       **error);
/* RexianSupervisedOrder: open orders with the supervised flag, the latest record first. */
GPtrArray *rexian_store_list_supervised_orders    (RexianStore                   *self,
                                                   GError                       **error);
/* The automatic pass: a record for every automatic cause that newly applies to an open
 * order (see rexian_supervision_get_due_causes()); returns how many records it made.
 * Safe when several seats run it at once: each cause is recorded once per order. */
gboolean   rexian_store_supervise_causes          (RexianStore                   *self,
                                                   const RexianSupervisionPolicy *policy,
                                                   gint64                         now,
                                                   guint                         *out_count,
                                                   GError                       **error);

/* The same on the store's worker thread, for the UI. */
void       rexian_store_add_supervision_record_async    (RexianStore                   *self,
                                                         const RexianSupervisionRecord *record,
                                                         GCancellable                  *cancellable,
                                                         GAsyncReadyCallback            callback,
                                                         gpointer                       user_data);
gint64     rexian_store_add_supervision_record_finish   (RexianStore                   *self,
                                                         GAsyncResult                  *result,
                                                         GError                       **error);
void       rexian_store_list_supervision_records_async  (RexianStore                   *self,
                                                         gint64                         order_id,
                                                         GCancellable                  *cancellable,
                                                         GAsyncReadyCallback            callback,
                                                         gpointer                       user_data);
void       rexian_store_set_supervision_outcome_async   (RexianStore                   *self,
                                                         gint64                         record_id,
                                                         const char                    *outcome,
                                                         gint64                         agent_id,
                                                         GCancellable                  *cancellable,
                                                         GAsyncReadyCallback            callback,
                                                         gpointer                       user_data);
gboolean   rexian_store_set_supervision_outcome_finish  (RexianStore                   *self,
                                                         GAsyncResult                  *result,
                                                         GError                       **error);
void       rexian_store_list_supervised_orders_async    (RexianStore                   *self,
                                                         GCancellable                  *cancellable,
                                                         GAsyncReadyCallback            callback,
                                                         gpointer                       user_data);
/* For both lists. */
GPtrArray *rexian_store_supervision_list_finish         (RexianStore                   *self,
                                                         GAsyncResult                  *result,
                                                         GError                       **error);
void       rexian_store_supervise_causes_async          (RexianStore                   *self,
                                                         const RexianSupervisionPolicy *policy,
                                                         GCancellable                  *cancellable,
                                                         GAsyncReadyCallback            callback,
                                                         gpointer                       user_data);
gboolean   rexian_store_supervise_causes_finish         (RexianStore                   *self,
                                                         GAsyncResult                  *result,
                                                         guint                         *out_count,
                                                         GError                       **error);

G_END_DECLS
