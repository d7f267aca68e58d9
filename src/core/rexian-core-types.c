/* rexian-core-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-core-types.h"

/* Each enum has one table pairing the stable identifier (stored in the database, so it
 * must never change) with the English source of the user-facing label.  The labels are
 * marked with N_() here and translated when they are asked for. */
typedef struct
{
  const char *id;
  const char *label;
} NameEntry;

static const NameEntry state_names[REXIAN_N_STATES] = {
  [REXIAN_STATE_INTAKE]           = { "intake", N_("Intake") },
  [REXIAN_STATE_PENDING_DISPATCH] = { "pending-dispatch", N_("Pending dispatch") },
  [REXIAN_STATE_IN_PROGRESS]      = { "in-progress", N_("In progress") },
  [REXIAN_STATE_REPLIED]          = { "replied", N_("Replied") },
  [REXIAN_STATE_FOLLOW_UP]        = { "follow-up", N_("Follow-up") },
  [REXIAN_STATE_CLOSED]           = { "closed", N_("Closed") },
  [REXIAN_STATE_ARCHIVED]         = { "archived", N_("Archived") },
};

static const NameEntry channel_names[REXIAN_N_CHANNELS] = {
  [REXIAN_CHANNEL_PHONE]   = { "phone", N_("Phone") },
  [REXIAN_CHANNEL_SMS]     = { "sms", N_("SMS") },
  [REXIAN_CHANNEL_MAILBOX] = { "mailbox", N_("Mailbox") },
  [REXIAN_CHANNEL_WEB]     = { "web", N_("Web") },
  [REXIAN_CHANNEL_WALK_IN] = { "walk-in", N_("Walk-in") },
};

static const NameEntry kind_names[REXIAN_N_REQUEST_KINDS] = {
  [REXIAN_REQUEST_CONSULTATION] = { "consultation", N_("Consultation") },
  [REXIAN_REQUEST_HELP]         = { "help", N_("Request for help") },
  [REXIAN_REQUEST_COMPLAINT]    = { "complaint", N_("Complaint") },
  [REXIAN_REQUEST_REPORT]       = { "report", N_("Report") },
  [REXIAN_REQUEST_SUGGESTION]   = { "suggestion", N_("Suggestion") },
  [REXIAN_REQUEST_PRAISE]       = { "praise", N_("Praise") },
};

static const NameEntry satisfaction_names[] = {
  [REXIAN_SATISFACTION_NONE]         = { "none", N_("Not asked") },
  [REXIAN_SATISFACTION_SATISFIED]    = { "satisfied", N_("Satisfied") },
  [REXIAN_SATISFACTION_BASICALLY]    = { "basically", N_("Basically satisfied") },
  [REXIAN_SATISFACTION_DISSATISFIED] = { "dissatisfied", N_("Dissatisfied") },
  [REXIAN_SATISFACTION_UNREACHABLE]  = { "unreachable", N_("Unreachable") },
};

static const NameEntry action_names[REXIAN_N_ACTIONS] = {
  [REXIAN_ACTION_CREATE]            = { "create", N_("Create") },
  [REXIAN_ACTION_EDIT]              = { "edit", N_("Edit") },
  [REXIAN_ACTION_CLOSE_DIRECT]      = { "close-direct", N_("Answer and close") },
  [REXIAN_ACTION_SUBMIT]            = { "submit", N_("Submit for dispatch") },
  [REXIAN_ACTION_DISPATCH]          = { "dispatch", N_("Dispatch") },
  [REXIAN_ACTION_RETURN]            = { "return", N_("Return") },
  [REXIAN_ACTION_REJECT_RETURN]     = { "reject-return", N_("Reject return") },
  [REXIAN_ACTION_REQUEST_EXTENSION] = { "request-extension", N_("Request extension") },
  [REXIAN_ACTION_APPROVE_EXTENSION] = { "approve-extension", N_("Approve extension") },
  [REXIAN_ACTION_REJECT_EXTENSION]  = { "reject-extension", N_("Reject extension") },
  [REXIAN_ACTION_REPLY]             = { "reply", N_("Reply") },
  [REXIAN_ACTION_START_FOLLOW_UP]   = { "start-follow-up", N_("Start follow-up") },
  [REXIAN_ACTION_CLOSE]             = { "close", N_("Close") },
  [REXIAN_ACTION_REHANDLE]          = { "rehandle", N_("Handle again") },
  [REXIAN_ACTION_MERGE]             = { "merge", N_("Merge") },
  [REXIAN_ACTION_ARCHIVE]           = { "archive", N_("Archive") },
  [REXIAN_ACTION_SUPERVISE]         = { "supervise", N_("Supervise") },
};

static const NameEntry call_direction_names[REXIAN_N_CALL_RECORD_DIRECTIONS] = {
  [REXIAN_CALL_RECORD_INCOMING] = { "incoming", N_("Incoming") },
  [REXIAN_CALL_RECORD_OUTGOING] = { "outgoing", N_("Outgoing") },
};

static const NameEntry call_outcome_names[REXIAN_N_CALL_OUTCOMES] = {
  [REXIAN_CALL_OUTCOME_CALLER_HUNG_UP] = { "caller-hung-up", N_("Caller hung up") },
  [REXIAN_CALL_OUTCOME_AGENT_HUNG_UP]  = { "agent-hung-up", N_("Agent hung up") },
  [REXIAN_CALL_OUTCOME_ABANDONED]      = { "abandoned", N_("Abandoned") },
  [REXIAN_CALL_OUTCOME_DECLINED]       = { "declined", N_("Declined") },
  [REXIAN_CALL_OUTCOME_BUSY]           = { "busy", N_("Busy") },
  [REXIAN_CALL_OUTCOME_NO_ANSWER]      = { "no-answer", N_("No answer") },
  [REXIAN_CALL_OUTCOME_TRANSFERRED]    = { "transferred", N_("Transferred") },
  [REXIAN_CALL_OUTCOME_FAILED]         = { "failed", N_("Failed") },
};

static const NameEntry callback_status_names[REXIAN_N_CALLBACK_STATUSES] = {
  [REXIAN_CALLBACK_PENDING]     = { "pending", N_("Waiting for callback") },
  [REXIAN_CALLBACK_CALLED_BACK] = { "called-back", N_("Called back") },
  [REXIAN_CALLBACK_UNREACHABLE] = { "unreachable", N_("Could not be reached") },
};

static const NameEntry agent_status_names[REXIAN_N_AGENT_STATUSES] = {
  [REXIAN_AGENT_AVAILABLE]  = { "available", N_("Available") },
  [REXIAN_AGENT_ON_CALL]    = { "on-call", N_("On a call") },
  [REXIAN_AGENT_WRAP_UP]    = { "wrap-up", N_("Wrap-up") },
  [REXIAN_AGENT_AWAY]       = { "away", N_("Away") },
  [REXIAN_AGENT_LOGGED_OUT] = { "logged-out", N_("Logged out") },
};

static const char *deadline_color_names[] = {
  [REXIAN_DEADLINE_NONE]   = "none",
  [REXIAN_DEADLINE_GREEN]  = "green",
  [REXIAN_DEADLINE_YELLOW] = "yellow",
  [REXIAN_DEADLINE_RED]    = "red",
};

static const char *
lookup_id (const NameEntry *table,
           guint            n_entries,
           int              value)
{
  if (value < 0 || (guint) value >= n_entries)
    return NULL;

  return table[value].id;
}

static const char *
lookup_label (const NameEntry *table,
              guint            n_entries,
              int              value)
{
  if (value < 0 || (guint) value >= n_entries)
    return NULL;

  return _(table[value].label);
}

static gboolean
lookup_value (const NameEntry *table,
              guint            n_entries,
              const char      *str,
              int             *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_entries; i++)
    {
      if (g_strcmp0 (table[i].id, str) == 0)
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The enums are passed around as their own types in the public API; these macros write
 * the three functions per enum once, so every table is handled the same way. */
#define DEFINE_NAMES(prefix, Type, table)                                         \
  const char *                                                                    \
  prefix##_to_string (Type value)                                                 \
  {                                                                               \
    return lookup_id (table, G_N_ELEMENTS (table), (int) value);                  \
  }                                                                               \
                                                                                  \
  gboolean                                                                        \
  prefix##_from_string (const char *str,                                          \
                        Type       *out)                                          \
  {                                                                               \
    int value;                                                                    \
                                                                                  \
    g_return_val_if_fail (out != NULL, FALSE);                                    \
                                                                                  \
    if (!lookup_value (table, G_N_ELEMENTS (table), str, &value))                 \
      return FALSE;                                                               \
                                                                                  \
    *out = (Type) value;                                                          \
    return TRUE;                                                                  \
  }                                                                               \
                                                                                  \
  const char *                                                                    \
  prefix##_get_label (Type value)                                                 \
  {                                                                               \
    return lookup_label (table, G_N_ELEMENTS (table), (int) value);               \
  }

DEFINE_NAMES (rexian_state, RexianState, state_names)
DEFINE_NAMES (rexian_channel, RexianChannel, channel_names)
DEFINE_NAMES (rexian_request_kind, RexianRequestKind, kind_names)
DEFINE_NAMES (rexian_satisfaction, RexianSatisfaction, satisfaction_names)
DEFINE_NAMES (rexian_action, RexianAction, action_names)
DEFINE_NAMES (rexian_call_record_direction, RexianCallRecordDirection, call_direction_names)
DEFINE_NAMES (rexian_call_outcome, RexianCallOutcome, call_outcome_names)
DEFINE_NAMES (rexian_callback_status, RexianCallbackStatus, callback_status_names)
DEFINE_NAMES (rexian_agent_status, RexianAgentStatus, agent_status_names)

#undef DEFINE_NAMES

const char *
rexian_deadline_color_to_string (RexianDeadlineColor color)
{
  if ((guint) color >= G_N_ELEMENTS (deadline_color_names))
    return NULL;

  return deadline_color_names[color];
}
