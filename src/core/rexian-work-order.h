/* rexian-work-order.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rexian-core-types.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_WORK_ORDER (rexian_work_order_get_type ())

G_DECLARE_FINAL_TYPE (RexianWorkOrder, rexian_work_order, REXIAN, WORK_ORDER, GObject)

/* A work order (工单): one citizen's request and everything done about it.
 *
 * It is a plain value object: the store loads and saves it, the lifecycle changes it,
 * the UI binds to its properties.  Every field below is also a GObject property of the
 * same name with '_' written as '-' ("caller-phone"), notified only when its value
 * really changes (G_PARAM_EXPLICIT_NOTIFY).  Times are Unix seconds, 0 meaning unset;
 * ids are database row ids, 0 meaning none. */

RexianWorkOrder *rexian_work_order_new  (void);
/* A deep copy, so a dialog can edit without touching the shown order. */
RexianWorkOrder *rexian_work_order_copy (RexianWorkOrder *self);

#define REXIAN_WORK_ORDER_STR_FIELD(name) \
  const char *rexian_work_order_get_##name (RexianWorkOrder *self); \
  void        rexian_work_order_set_##name (RexianWorkOrder *self, const char *value);
#define REXIAN_WORK_ORDER_INT64_FIELD(name) \
  gint64      rexian_work_order_get_##name (RexianWorkOrder *self); \
  void        rexian_work_order_set_##name (RexianWorkOrder *self, gint64 value);
#define REXIAN_WORK_ORDER_INT_FIELD(name) \
  int         rexian_work_order_get_##name (RexianWorkOrder *self); \
  void        rexian_work_order_set_##name (RexianWorkOrder *self, int value);
#define REXIAN_WORK_ORDER_BOOL_FIELD(name) \
  gboolean    rexian_work_order_get_##name (RexianWorkOrder *self); \
  void        rexian_work_order_set_##name (RexianWorkOrder *self, gboolean value);

/* Identity. */
REXIAN_WORK_ORDER_INT64_FIELD (id)
REXIAN_WORK_ORDER_STR_FIELD   (number)        /* "202611230001": day plus sequence */
REXIAN_WORK_ORDER_INT64_FIELD (version)       /* bumped by every write, for conflicts */
RexianState        rexian_work_order_get_state        (RexianWorkOrder *self);
void               rexian_work_order_set_state        (RexianWorkOrder *self, RexianState value);

/* Intake: who called, about what (GB/T 33358 list; DB1405 记录单). */
RexianChannel      rexian_work_order_get_channel      (RexianWorkOrder *self);
void               rexian_work_order_set_channel      (RexianWorkOrder *self, RexianChannel value);
RexianRequestKind  rexian_work_order_get_kind         (RexianWorkOrder *self);
void               rexian_work_order_set_kind         (RexianWorkOrder *self, RexianRequestKind value);
REXIAN_WORK_ORDER_INT64_FIELD (category_id)
REXIAN_WORK_ORDER_STR_FIELD   (category_name)       /* joined for display, not saved */
REXIAN_WORK_ORDER_STR_FIELD   (caller_name)         /* 姓名 */
REXIAN_WORK_ORDER_STR_FIELD   (caller_title)        /* 先生 / 女士 */
REXIAN_WORK_ORDER_STR_FIELD   (caller_phone)        /* 联系电话 */
REXIAN_WORK_ORDER_STR_FIELD   (caller_address)      /* 联系地址 */
REXIAN_WORK_ORDER_BOOL_FIELD  (confidential)        /* 保密 */
REXIAN_WORK_ORDER_BOOL_FIELD  (emergency)           /* 突发应急 */
REXIAN_WORK_ORDER_BOOL_FIELD  (repeated)            /* 多次反映 */
REXIAN_WORK_ORDER_INT64_FIELD (event_time)          /* 事项发生时间 */
REXIAN_WORK_ORDER_STR_FIELD   (event_place)         /* 地点 */
REXIAN_WORK_ORDER_STR_FIELD   (event_course)        /* 过程 */
REXIAN_WORK_ORDER_STR_FIELD   (present_state)       /* 现状 */
REXIAN_WORK_ORDER_STR_FIELD   (request)             /* 服务对象的要求 */
REXIAN_WORK_ORDER_STR_FIELD   (summary)             /* one line for the card (咨询内容) */
REXIAN_WORK_ORDER_INT64_FIELD (intake_agent_id)     /* 受理人 */
REXIAN_WORK_ORDER_STR_FIELD   (intake_agent_name)   /* joined for display, not saved */
REXIAN_WORK_ORDER_INT64_FIELD (created_at)          /* 来电时间 */
REXIAN_WORK_ORDER_INT64_FIELD (updated_at)
REXIAN_WORK_ORDER_INT64_FIELD (dispatch_deadline)   /* intake + 2 working days */

/* Transfer (转办单). */
REXIAN_WORK_ORDER_STR_FIELD   (transfer_opinion)      /* 转办意见 */
REXIAN_WORK_ORDER_INT64_FIELD (lead_department_id)    /* 主办 (转办单位) */
REXIAN_WORK_ORDER_STR_FIELD   (lead_department_name)  /* joined for display, not saved */
/* 协办: an array of gint64 department ids; never NULL. */
GArray            *rexian_work_order_get_assist_department_ids (RexianWorkOrder *self);
void               rexian_work_order_set_assist_department_ids (RexianWorkOrder *self,
                                                                const gint64    *ids,
                                                                guint            n_ids);
REXIAN_WORK_ORDER_INT64_FIELD (dispatched_at)         /* 转办时间 */
REXIAN_WORK_ORDER_INT64_FIELD (deadline)              /* handling deadline, end of a working day */
REXIAN_WORK_ORDER_STR_FIELD   (handler_name)          /* 承办人 */
REXIAN_WORK_ORDER_STR_FIELD   (handler_phone)         /* 承办人电话 */

/* Reply and follow-up. */
REXIAN_WORK_ORDER_STR_FIELD   (handling_result)       /* 办理情况 */
REXIAN_WORK_ORDER_INT64_FIELD (replied_at)
RexianSatisfaction rexian_work_order_get_followup_process (RexianWorkOrder *self);
void               rexian_work_order_set_followup_process (RexianWorkOrder *self,
                                                           RexianSatisfaction value);
RexianSatisfaction rexian_work_order_get_followup_result  (RexianWorkOrder *self);
void               rexian_work_order_set_followup_result  (RexianWorkOrder *self,
                                                           RexianSatisfaction value);
REXIAN_WORK_ORDER_STR_FIELD   (followup_note)         /* 回访情况 */

/* Flags and counters beside the state. */
REXIAN_WORK_ORDER_BOOL_FIELD  (supervised)            /* 督办 */
REXIAN_WORK_ORDER_INT_FIELD   (rehandle_count)        /* 重办 */
REXIAN_WORK_ORDER_INT_FIELD   (return_count)          /* 退单 */
REXIAN_WORK_ORDER_BOOL_FIELD  (return_pending)        /* returned, waiting for review */
REXIAN_WORK_ORDER_INT_FIELD   (extension_count)       /* approved extensions */
REXIAN_WORK_ORDER_INT_FIELD   (extension_requested_days) /* > 0 while a request waits */
REXIAN_WORK_ORDER_INT64_FIELD (merged_into_id)        /* 并单 target */
REXIAN_WORK_ORDER_STR_FIELD   (merged_into_number)    /* joined for display, not saved */
REXIAN_WORK_ORDER_INT64_FIELD (closed_at)
REXIAN_WORK_ORDER_INT64_FIELD (archived_at)

#undef REXIAN_WORK_ORDER_STR_FIELD
#undef REXIAN_WORK_ORDER_INT64_FIELD
#undef REXIAN_WORK_ORDER_INT_FIELD
#undef REXIAN_WORK_ORDER_BOOL_FIELD

/* Derived, for display: the caller's name and phone as this user may see them.  For a
 * confidential order these are masked (张** and 138****1234); otherwise they are the
 * stored values.  Free with g_free(). */
char *rexian_work_order_dup_display_caller (RexianWorkOrder *self);
char *rexian_work_order_dup_display_phone  (RexianWorkOrder *self);

/* Masking rules, usable on their own: keep the first character of a name, the first
 * three and last four digits of a phone number. */
char *rexian_mask_name  (const char *name);
char *rexian_mask_phone (const char *phone);

G_END_DECLS
