/* rexian-core-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The states of a work order, in the order of the kanban columns.  The stable string
 * forms ("intake", "pending-dispatch", ...) are what the database stores. */
typedef enum
{
  REXIAN_STATE_INTAKE,           /* 受理中 */
  REXIAN_STATE_PENDING_DISPATCH, /* 待转办 */
  REXIAN_STATE_IN_PROGRESS,      /* 办理中 */
  REXIAN_STATE_REPLIED,          /* 已答复 */
  REXIAN_STATE_FOLLOW_UP,        /* 待回访 */
  REXIAN_STATE_CLOSED,           /* 已办结 */
  REXIAN_STATE_ARCHIVED,         /* 已归档 */
} RexianState;

#define REXIAN_N_STATES (REXIAN_STATE_ARCHIVED + 1)

/* How the request reached the hotline. */
typedef enum
{
  REXIAN_CHANNEL_PHONE,
  REXIAN_CHANNEL_SMS,
  REXIAN_CHANNEL_MAILBOX,
  REXIAN_CHANNEL_WEB,
  REXIAN_CHANNEL_WALK_IN,
} RexianChannel;

#define REXIAN_N_CHANNELS (REXIAN_CHANNEL_WALK_IN + 1)

/* GB/T 33358 诉求分类. */
typedef enum
{
  REXIAN_REQUEST_CONSULTATION, /* 咨询 */
  REXIAN_REQUEST_HELP,         /* 求助 */
  REXIAN_REQUEST_COMPLAINT,    /* 投诉 */
  REXIAN_REQUEST_REPORT,       /* 举报 */
  REXIAN_REQUEST_SUGGESTION,   /* 建议 */
  REXIAN_REQUEST_PRAISE,       /* 表扬 */
} RexianRequestKind;

#define REXIAN_N_REQUEST_KINDS (REXIAN_REQUEST_PRAISE + 1)

/* A follow-up answer, scored separately for process and result. */
typedef enum
{
  REXIAN_SATISFACTION_NONE,        /* not asked yet */
  REXIAN_SATISFACTION_SATISFIED,   /* 满意 */
  REXIAN_SATISFACTION_BASICALLY,   /* 基本满意 */
  REXIAN_SATISFACTION_DISSATISFIED,/* 不满意 */
  REXIAN_SATISFACTION_UNREACHABLE, /* 无法联系 */
} RexianSatisfaction;

/* The colour of a deadline chip. */
typedef enum
{
  REXIAN_DEADLINE_NONE,   /* no deadline runs in this state */
  REXIAN_DEADLINE_GREEN,
  REXIAN_DEADLINE_YELLOW, /* within the warning window */
  REXIAN_DEADLINE_RED,    /* overdue */
} RexianDeadlineColor;

/* Every change the timeline records.  Lifecycle actions change the state; the rest
 * (create, edit, supervise, extension requests) keep it. */
typedef enum
{
  REXIAN_ACTION_CREATE,            /* -> intake */
  REXIAN_ACTION_EDIT,              /* fields changed, state kept */
  REXIAN_ACTION_CLOSE_DIRECT,      /* intake -> closed: answered on the spot (直接办理) */
  REXIAN_ACTION_SUBMIT,            /* intake -> pending dispatch */
  REXIAN_ACTION_DISPATCH,          /* pending dispatch -> in progress (转办, also 改派) */
  REXIAN_ACTION_RETURN,            /* in progress -> pending dispatch (退单) */
  REXIAN_ACTION_REJECT_RETURN,     /* pending dispatch (returned) -> in progress */
  REXIAN_ACTION_REQUEST_EXTENSION, /* in progress, kept (延期申请) */
  REXIAN_ACTION_APPROVE_EXTENSION, /* in progress, kept; the deadline moves */
  REXIAN_ACTION_REJECT_EXTENSION,  /* in progress, kept */
  REXIAN_ACTION_REPLY,             /* in progress -> replied (办理情况) */
  REXIAN_ACTION_START_FOLLOW_UP,   /* replied -> follow-up */
  REXIAN_ACTION_CLOSE,             /* replied or follow-up -> closed (办结) */
  REXIAN_ACTION_REHANDLE,          /* follow-up -> in progress (重办) */
  REXIAN_ACTION_MERGE,             /* intake or pending dispatch -> closed (并单) */
  REXIAN_ACTION_ARCHIVE,           /* closed -> archived (归档) */
  REXIAN_ACTION_SUPERVISE,         /* any open state, kept; the supervised flag is set (督办) */
} RexianAction;

#define REXIAN_N_ACTIONS (REXIAN_ACTION_SUPERVISE + 1)

/* Why an order came under supervision: the five cases of GB/T 33358 (督办) and a
 * person's own decision.  The names, keys and rules are in rexian-supervision.h. */
typedef enum
{
  REXIAN_SUPERVISE_REASON_NONE,
  REXIAN_SUPERVISE_REASON_EMERGENCY,     /* 紧急 */
  REXIAN_SUPERVISE_REASON_OVERDUE,       /* 超过办理时限 */
  REXIAN_SUPERVISE_REASON_MANUAL,        /* 人工督办 */
  REXIAN_SUPERVISE_REASON_REPEATED,      /* 多次或集中反映 */
  REXIAN_SUPERVISE_REASON_NEAR_DEADLINE, /* 临近办理时限 */
  REXIAN_SUPERVISE_REASON_DISSATISFIED,  /* 服务态度差、效率低、对结果不满意 */
} RexianSuperviseReason;

#define REXIAN_N_SUPERVISE_REASONS (REXIAN_SUPERVISE_REASON_DISSATISFIED + 1)

/* How a supervision is carried out (GB/T 33358: 电话、短信、书面通知、现场督查、召开督查会议). */
typedef enum
{
  REXIAN_SUPERVISE_METHOD_PHONE,
  REXIAN_SUPERVISE_METHOD_SMS,
  REXIAN_SUPERVISE_METHOD_WRITTEN_NOTICE,
  REXIAN_SUPERVISE_METHOD_ON_SITE,
  REXIAN_SUPERVISE_METHOD_MEETING,
} RexianSuperviseMethod;

#define REXIAN_N_SUPERVISE_METHODS (REXIAN_SUPERVISE_METHOD_MEETING + 1)

/* Which way a call went, as the call log stores it.  (The telephony layer has its own
 * RexianCallDirection for a live SIP call; this one belongs to the record and must not
 * need the SIP stack.) */
typedef enum
{
  REXIAN_CALL_RECORD_INCOMING, /* 呼入 */
  REXIAN_CALL_RECORD_OUTGOING, /* 呼出 */
} RexianCallRecordDirection;

#define REXIAN_N_CALL_RECORD_DIRECTIONS (REXIAN_CALL_RECORD_OUTGOING + 1)

/* How a call ended, from the hotline's point of view.  The first two follow an answer;
 * the next four leave the caller unserved (an incoming call ending so gets a callback);
 * transferred and failed may happen either way. */
typedef enum
{
  REXIAN_CALL_OUTCOME_CALLER_HUNG_UP, /* answered, then the caller hung up */
  REXIAN_CALL_OUTCOME_AGENT_HUNG_UP,  /* answered, then the agent hung up */
  REXIAN_CALL_OUTCOME_ABANDONED,      /* the caller hung up before an answer (放弃) */
  REXIAN_CALL_OUTCOME_DECLINED,
  REXIAN_CALL_OUTCOME_BUSY,
  REXIAN_CALL_OUTCOME_NO_ANSWER,
  REXIAN_CALL_OUTCOME_TRANSFERRED,
  REXIAN_CALL_OUTCOME_FAILED,
} RexianCallOutcome;

#define REXIAN_N_CALL_OUTCOMES (REXIAN_CALL_OUTCOME_FAILED + 1)

/* A missed incoming call waiting to be called back (DB1405 5.1.2 漏接回拨). */
typedef enum
{
  REXIAN_CALLBACK_PENDING,     /* 待回拨 */
  REXIAN_CALLBACK_CALLED_BACK, /* 已回拨 */
  REXIAN_CALLBACK_UNREACHABLE, /* 无法接通 */
} RexianCallbackStatus;

#define REXIAN_N_CALLBACK_STATUSES (REXIAN_CALLBACK_UNREACHABLE + 1)

/* What an agent is doing, as contact-centre software reports it (FreeSWITCH
 * mod_callcenter, Asterisk queue pauses). */
typedef enum
{
  REXIAN_AGENT_AVAILABLE,  /* 空闲 */
  REXIAN_AGENT_ON_CALL,    /* 通话中 */
  REXIAN_AGENT_WRAP_UP,    /* 话后处理 */
  REXIAN_AGENT_AWAY,       /* 离开 (with a reason) */
  REXIAN_AGENT_LOGGED_OUT, /* 未签入 */
} RexianAgentStatus;

#define REXIAN_N_AGENT_STATUSES (REXIAN_AGENT_LOGGED_OUT + 1)

/* Stable identifiers used in the database and in settings.  from_string() returns
 * FALSE for an unknown string and leaves *out untouched. */
const char *rexian_state_to_string          (RexianState        state);
gboolean    rexian_state_from_string        (const char        *str,
                                             RexianState       *out);
const char *rexian_channel_to_string        (RexianChannel      channel);
gboolean    rexian_channel_from_string      (const char        *str,
                                             RexianChannel     *out);
const char *rexian_request_kind_to_string   (RexianRequestKind  kind);
gboolean    rexian_request_kind_from_string (const char        *str,
                                             RexianRequestKind *out);
const char *rexian_satisfaction_to_string   (RexianSatisfaction value);
gboolean    rexian_satisfaction_from_string (const char        *str,
                                             RexianSatisfaction *out);
const char *rexian_action_to_string         (RexianAction       action);
gboolean    rexian_action_from_string       (const char        *str,
                                             RexianAction      *out);

const char *rexian_call_record_direction_to_string   (RexianCallRecordDirection  direction);
gboolean    rexian_call_record_direction_from_string (const char                *str,
                                                      RexianCallRecordDirection *out);
const char *rexian_call_outcome_to_string            (RexianCallOutcome          outcome);
gboolean    rexian_call_outcome_from_string          (const char                *str,
                                                      RexianCallOutcome         *out);
const char *rexian_callback_status_to_string         (RexianCallbackStatus       status);
gboolean    rexian_callback_status_from_string       (const char                *str,
                                                      RexianCallbackStatus      *out);
const char *rexian_agent_status_to_string            (RexianAgentStatus          status);
gboolean    rexian_agent_status_from_string          (const char                *str,
                                                      RexianAgentStatus         *out);

/* Translated labels for the user (zh_CN: 受理中, 电话, 咨询, 满意, 转办 ...). */
const char *rexian_state_get_label          (RexianState        state);
const char *rexian_channel_get_label        (RexianChannel      channel);
const char *rexian_request_kind_get_label   (RexianRequestKind  kind);
const char *rexian_satisfaction_get_label   (RexianSatisfaction value);
const char *rexian_action_get_label         (RexianAction       action);
const char *rexian_call_record_direction_get_label (RexianCallRecordDirection direction);
const char *rexian_call_outcome_get_label          (RexianCallOutcome         outcome);
const char *rexian_callback_status_get_label       (RexianCallbackStatus      status);
const char *rexian_agent_status_get_label          (RexianAgentStatus         status);
const char *rexian_deadline_color_to_string (RexianDeadlineColor color); /* "green", ... */

G_END_DECLS
