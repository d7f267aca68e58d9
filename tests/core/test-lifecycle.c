/* test-lifecycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "rexian-core.h"
#include "test-util.h"

static RexianCalendar *calendar;
static RexianDeadlineRules rules;

/* Monday 2026-03-02, mid-morning. */
#define NOW() test_local_time (2026, 3, 2, 10, 0, 0)

/* An order in @state with everything any action from there could need, including the
 * flags some actions depend on (a pending return, a waiting extension request). */
static RexianWorkOrder *
make_order (RexianState  state,
            RexianAction action)
{
  RexianWorkOrder *order = rexian_work_order_new ();

  rexian_work_order_set_id (order, 42);
  rexian_work_order_set_number (order, "202603020001");
  rexian_work_order_set_kind (order, REXIAN_REQUEST_COMPLAINT);
  rexian_work_order_set_summary (order, "小区路灯不亮");
  rexian_work_order_set_caller_name (order, "张三");
  rexian_work_order_set_caller_phone (order, "13812341234");
  rexian_work_order_set_created_at (order, test_local_time (2026, 2, 27, 9, 0, 0));
  rexian_work_order_set_dispatch_deadline (order, test_end_of_day (2026, 3, 3));

  if (state >= REXIAN_STATE_IN_PROGRESS
      || (state == REXIAN_STATE_PENDING_DISPATCH && action == REXIAN_ACTION_REJECT_RETURN))
    {
      rexian_work_order_set_lead_department_id (order, 3);
      rexian_work_order_set_lead_department_name (order, "市住建局");
      rexian_work_order_set_transfer_opinion (order, "请核实处理");
      rexian_work_order_set_dispatched_at (order, test_local_time (2026, 2, 27, 11, 0, 0));
      rexian_work_order_set_deadline (order, test_end_of_day (2026, 3, 6));
    }

  if (state >= REXIAN_STATE_REPLIED)
    {
      rexian_work_order_set_handling_result (order, "已维修");
      rexian_work_order_set_replied_at (order, test_local_time (2026, 3, 1, 15, 0, 0));
    }

  if (state >= REXIAN_STATE_CLOSED)
    rexian_work_order_set_closed_at (order, test_local_time (2026, 3, 1, 16, 0, 0));

  if (state == REXIAN_STATE_PENDING_DISPATCH && action == REXIAN_ACTION_REJECT_RETURN)
    {
      rexian_work_order_set_return_pending (order, TRUE);
      rexian_work_order_set_return_count (order, 1);
    }

  if (action == REXIAN_ACTION_APPROVE_EXTENSION || action == REXIAN_ACTION_REJECT_EXTENSION)
    rexian_work_order_set_extension_requested_days (order, 2);

  rexian_work_order_set_state (order, state);

  return order;
}

/* A dialog filled in completely. */
static RexianTransitionInput *
make_input (void)
{
  RexianTransitionInput *input = rexian_transition_input_new ();

  input->reason = g_strdup ("原因说明");
  input->lead_department_id = 5;
  input->transfer_opinion = g_strdup ("请于期限内办理");
  input->handler_name = g_strdup ("李四");
  input->handler_phone = g_strdup ("0351-2345678");
  input->handling_result = g_strdup ("已派人维修，路灯恢复");
  input->followup_process = REXIAN_SATISFACTION_SATISFIED;
  input->followup_result = REXIAN_SATISFACTION_BASICALLY;
  input->followup_note = g_strdup ("市民表示认可");
  input->extension_days = 2;
  input->merge_into_id = 7;
  input->merge_into_number = g_strdup ("202603010007");
  input->supervise_reason = REXIAN_SUPERVISE_REASON_MANUAL;

  return input;
}

static void
assert_orders_equal (RexianWorkOrder *a,
                     RexianWorkOrder *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_value_init (&vb, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &va);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &vb);

      if (G_PARAM_SPEC_VALUE_TYPE (pspecs[i]) == G_TYPE_ARRAY)
        {
          GArray *ia = g_value_get_boxed (&va);
          GArray *ib = g_value_get_boxed (&vb);

          g_assert_cmpmem (ia->data, ia->len * sizeof (gint64),
                           ib->data, ib->len * sizeof (gint64));
        }
      else if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        g_error ("Property “%s” differs", pspecs[i]->name);
    }
}

static gboolean
apply (RexianWorkOrder             *order,
       RexianAction                 action,
       const RexianTransitionInput *input,
       char                       **detail,
       GError                     **error)
{
  return rexian_lifecycle_apply (order, action, input, calendar, &rules, NOW (), detail, error);
}

static void
test_table (void)
{
  const RexianTransition *table;
  guint n = 0;

  table = rexian_lifecycle_get_transitions (&n);
  g_assert_cmpuint (n, ==, REXIAN_N_ACTIONS);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (table[i].action, ==, i);
      g_assert_true (rexian_lifecycle_lookup (i) == &table[i]);
      g_assert_true (table[i].to_state >= -1 && table[i].to_state < REXIAN_N_STATES);
    }

  g_assert_cmpint (rexian_lifecycle_lookup (REXIAN_ACTION_DISPATCH)->required, ==,
                   REXIAN_FIELD_LEAD_DEPARTMENT | REXIAN_FIELD_TRANSFER_OPINION);
  g_assert_cmpint (rexian_lifecycle_lookup (REXIAN_ACTION_CLOSE_DIRECT)->to_state, ==,
                   REXIAN_STATE_CLOSED);
  g_assert_cmpint (rexian_lifecycle_lookup (REXIAN_ACTION_SUPERVISE)->to_state, ==, -1);

  /* The narrowed requirements. */
  g_assert_cmpint (rexian_lifecycle_get_required_fields (REXIAN_ACTION_CLOSE,
                                                         REXIAN_STATE_FOLLOW_UP,
                                                         REXIAN_SUPERVISE_REASON_NONE),
                   ==, REXIAN_FIELD_SATISFACTION);
  g_assert_cmpint (rexian_lifecycle_get_required_fields (REXIAN_ACTION_CLOSE,
                                                         REXIAN_STATE_REPLIED,
                                                         REXIAN_SUPERVISE_REASON_NONE),
                   ==, REXIAN_FIELD_NONE);
  g_assert_cmpint (rexian_lifecycle_get_required_fields (REXIAN_ACTION_SUPERVISE,
                                                         REXIAN_STATE_IN_PROGRESS,
                                                         REXIAN_SUPERVISE_REASON_OVERDUE),
                   ==, REXIAN_FIELD_NONE);
  g_assert_cmpint (rexian_lifecycle_get_required_fields (REXIAN_ACTION_SUPERVISE,
                                                         REXIAN_STATE_IN_PROGRESS,
                                                         REXIAN_SUPERVISE_REASON_MANUAL),
                   ==, REXIAN_FIELD_REASON);
}

/* Every allowed (action, from-state) pair of the table succeeds with a full input and
 * lands where the table says. */
static void
test_allowed_transitions (void)
{
  g_autoptr(RexianTransitionInput) input = make_input ();
  guint n_pairs = 0;

  for (int action = 0; action < REXIAN_N_ACTIONS; action++)
    {
      const RexianTransition *transition = rexian_lifecycle_lookup (action);

      if (action == REXIAN_ACTION_CREATE || action == REXIAN_ACTION_EDIT)
        continue;

      for (int state = 0; state < REXIAN_N_STATES; state++)
        {
          g_autoptr(RexianWorkOrder) order = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *detail = NULL;

          if ((transition->from_states & (1u << state)) == 0)
            continue;

          order = make_order (state, action);

          g_test_message ("%s from %s", rexian_action_to_string (action),
                          rexian_state_to_string (state));
          g_assert_true (rexian_lifecycle_can_apply (order, action, &error));
          g_assert_no_error (error);
          g_assert_true (apply (order, action, input, &detail, &error));
          g_assert_no_error (error);
          g_assert_nonnull (detail);

          if (transition->to_state == -1)
            g_assert_cmpint (rexian_work_order_get_state (order), ==, state);
          else
            g_assert_cmpint (rexian_work_order_get_state (order), ==, transition->to_state);

          g_assert_cmpint (rexian_work_order_get_updated_at (order), ==, NOW ());
          n_pairs++;
        }
    }

  /* 15 lifecycle actions; CLOSE and MERGE start from two states, SUPERVISE from five. */
  g_assert_cmpuint (n_pairs, ==, 21);
}

/* Every other pair is refused, and the order is left exactly as it was. */
static void
test_refused_transitions (void)
{
  g_autoptr(RexianTransitionInput) input = make_input ();

  for (int action = 0; action < REXIAN_N_ACTIONS; action++)
    {
      const RexianTransition *transition = rexian_lifecycle_lookup (action);

      for (int state = 0; state < REXIAN_N_STATES; state++)
        {
          g_autoptr(RexianWorkOrder) order = NULL;
          g_autoptr(RexianWorkOrder) before = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *detail = NULL;

          if (action != REXIAN_ACTION_CREATE && action != REXIAN_ACTION_EDIT
              && (transition->from_states & (1u << state)) != 0)
            continue;

          order = make_order (state, action);
          before = rexian_work_order_copy (order);

          g_assert_false (apply (order, action, input, &detail, &error));
          g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
          g_assert_null (detail);
          g_assert_cmpstr (error->message, !=, "");
          assert_orders_equal (order, before);
        }
    }
}

static void
check_refusal (RexianWorkOrder *order,
               RexianAction     action,
               const char      *expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rexian_lifecycle_can_apply (order, action, &error));
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_refusal_messages (void)
{
  g_autoptr(RexianWorkOrder) returned = make_order (REXIAN_STATE_PENDING_DISPATCH,
                                                    REXIAN_ACTION_REJECT_RETURN);
  g_autoptr(RexianWorkOrder) intake = make_order (REXIAN_STATE_INTAKE, REXIAN_ACTION_SUBMIT);
  g_autoptr(RexianWorkOrder) in_progress = make_order (REXIAN_STATE_IN_PROGRESS,
                                                       REXIAN_ACTION_REPLY);
  g_autoptr(RexianWorkOrder) archived = make_order (REXIAN_STATE_ARCHIVED,
                                                    REXIAN_ACTION_EDIT);
  g_autoptr(RexianWorkOrder) pending = make_order (REXIAN_STATE_PENDING_DISPATCH,
                                                   REXIAN_ACTION_DISPATCH);
  g_autoptr(GError) error = NULL;

  check_refusal (returned, REXIAN_ACTION_REPLY,
                 "This order has been returned by its department and waits for review; "
                 "it cannot be replied to.");
  check_refusal (intake, REXIAN_ACTION_REPLY,
                 "Only an order in progress can be replied to; this one is in “Intake”.");
  check_refusal (intake, REXIAN_ACTION_ARCHIVE,
                 "Only a closed order can be archived; this one is in “Intake”.");
  check_refusal (archived, REXIAN_ACTION_EDIT, "Archived orders are read-only.");
  check_refusal (archived, REXIAN_ACTION_SUPERVISE,
                 "A closed or archived order cannot be supervised; this one is in “Archived”.");
  check_refusal (pending, REXIAN_ACTION_REJECT_RETURN,
                 "This order has not been returned by a department, so there is no return "
                 "to reject.");
  check_refusal (in_progress, REXIAN_ACTION_APPROVE_EXTENSION,
                 "No extension has been requested for this order, so there is nothing to "
                 "decide.");

  /* EDIT is allowed in every other state, but never through apply(). */
  g_assert_true (rexian_lifecycle_can_apply (intake, REXIAN_ACTION_EDIT, &error));
  g_assert_no_error (error);
  g_assert_false (rexian_lifecycle_can_apply (intake, REXIAN_ACTION_CREATE, &error));
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  rexian_work_order_set_supervised (in_progress, TRUE);
  check_refusal (in_progress, REXIAN_ACTION_SUPERVISE, "This order is already supervised.");

  rexian_work_order_set_extension_requested_days (in_progress, 3);
  check_refusal (in_progress, REXIAN_ACTION_REQUEST_EXTENSION,
                 "An extension request for this order already waits for a decision; "
                 "approve or reject it first.");
}

static void
test_explain_refusal (void)
{
  g_autofree char *intake_replied = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *same = NULL;

  intake_replied = rexian_lifecycle_explain_refusal (REXIAN_STATE_INTAKE,
                                                     REXIAN_STATE_REPLIED);
  g_assert_cmpstr (intake_replied, ==,
                   "An order in “Intake” cannot be marked replied: it must first be "
                   "transferred to a department.");

  /* In progress -> pending dispatch is RETURN, so take a pair with no rule of its own. */
  fallback = rexian_lifecycle_explain_refusal (REXIAN_STATE_FOLLOW_UP,
                                               REXIAN_STATE_PENDING_DISPATCH);
  g_assert_cmpstr (fallback, ==,
                   "An order in “Follow-up” cannot move to “Pending dispatch”; from "
                   "“Follow-up” it can move to “In progress”, “Closed”.");

  same = rexian_lifecycle_explain_refusal (REXIAN_STATE_CLOSED, REXIAN_STATE_CLOSED);
  g_assert_nonnull (strstr (same, "already"));

  /* Every pair has an explanation. */
  for (int from = 0; from < REXIAN_N_STATES; from++)
    for (int to = 0; to < REXIAN_N_STATES; to++)
      {
        g_autofree char *text = rexian_lifecycle_explain_refusal (from, to);

        g_assert_nonnull (text);
        g_assert_cmpuint (strlen (text), >, 10);
      }
}

static void
test_actions_between (void)
{
  RexianAction out[REXIAN_N_ACTIONS];
  guint n;

  n = rexian_lifecycle_actions_between (REXIAN_STATE_PENDING_DISPATCH,
                                        REXIAN_STATE_IN_PROGRESS, out);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (out[0], ==, REXIAN_ACTION_DISPATCH);
  g_assert_cmpint (out[1], ==, REXIAN_ACTION_REJECT_RETURN);

  n = rexian_lifecycle_actions_between (REXIAN_STATE_INTAKE, REXIAN_STATE_CLOSED, out);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (out[0], ==, REXIAN_ACTION_CLOSE_DIRECT);
  g_assert_cmpint (out[1], ==, REXIAN_ACTION_MERGE);

  n = rexian_lifecycle_actions_between (REXIAN_STATE_FOLLOW_UP, REXIAN_STATE_IN_PROGRESS, out);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (out[0], ==, REXIAN_ACTION_REHANDLE);

  g_assert_cmpuint (rexian_lifecycle_actions_between (REXIAN_STATE_INTAKE,
                                                      REXIAN_STATE_REPLIED, out), ==, 0);
  /* Actions that keep the state are never a drop. */
  g_assert_cmpuint (rexian_lifecycle_actions_between (REXIAN_STATE_IN_PROGRESS,
                                                      REXIAN_STATE_IN_PROGRESS, out), ==, 0);
}

static void
check_missing (RexianState            state,
               RexianAction           action,
               RexianTransitionInput *input,
               const char            *expected_part)
{
  g_autoptr(RexianWorkOrder) order = make_order (state, action);
  g_autoptr(RexianWorkOrder) before = NULL;
  g_autoptr(GError) error = NULL;

  if (action == REXIAN_ACTION_SUBMIT || action == REXIAN_ACTION_CLOSE_DIRECT)
    {
      if (g_strcmp0 (expected_part, "summary") == 0)
        rexian_work_order_set_summary (order, "  ");
    }

  before = rexian_work_order_copy (order);
  g_assert_false (apply (order, action, input, NULL, &error));
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_MISSING_FIELD);
  if (strstr (error->message, expected_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expected_part);
  assert_orders_equal (order, before);
}

static void
test_missing_fields (void)
{
  g_autoptr(RexianTransitionInput) input = NULL;

  input = make_input ();
  check_missing (REXIAN_STATE_INTAKE, REXIAN_ACTION_SUBMIT, input, "summary");
  check_missing (REXIAN_STATE_INTAKE, REXIAN_ACTION_CLOSE_DIRECT, input, "summary");

  g_clear_pointer (&input->handling_result, g_free);
  check_missing (REXIAN_STATE_INTAKE, REXIAN_ACTION_CLOSE_DIRECT, input, "handling result");
  check_missing (REXIAN_STATE_IN_PROGRESS, REXIAN_ACTION_REPLY, input, "handling result");
  g_clear_pointer (&input, rexian_transition_input_free);

  input = make_input ();
  input->lead_department_id = 0;
  check_missing (REXIAN_STATE_PENDING_DISPATCH, REXIAN_ACTION_DISPATCH, input,
                 "lead department");
  input->lead_department_id = 5;
  g_free (input->transfer_opinion);
  input->transfer_opinion = g_strdup ("\t ");
  check_missing (REXIAN_STATE_PENDING_DISPATCH, REXIAN_ACTION_DISPATCH, input,
                 "transfer opinion");
  g_clear_pointer (&input, rexian_transition_input_free);

  input = make_input ();
  g_clear_pointer (&input->reason, g_free);
  check_missing (REXIAN_STATE_IN_PROGRESS, REXIAN_ACTION_RETURN, input, "“Return”");
  check_missing (REXIAN_STATE_PENDING_DISPATCH, REXIAN_ACTION_REJECT_RETURN, input,
                 "“Reject return”");
  check_missing (REXIAN_STATE_IN_PROGRESS, REXIAN_ACTION_REQUEST_EXTENSION, input, "reason");
  check_missing (REXIAN_STATE_IN_PROGRESS, REXIAN_ACTION_REJECT_EXTENSION, input, "reason");
  check_missing (REXIAN_STATE_FOLLOW_UP, REXIAN_ACTION_REHANDLE, input, "“Handle again”");
  check_missing (REXIAN_STATE_IN_PROGRESS, REXIAN_ACTION_SUPERVISE, input, "“Supervise”");
  g_clear_pointer (&input, rexian_transition_input_free);

  input = make_input ();
  input->extension_days = 0;
  check_missing (REXIAN_STATE_IN_PROGRESS, REXIAN_ACTION_REQUEST_EXTENSION, input,
                 "working days");
  input->followup_result = REXIAN_SATISFACTION_NONE;
  check_missing (REXIAN_STATE_FOLLOW_UP, REXIAN_ACTION_CLOSE, input, "satisfaction");
  input->merge_into_id = 0;
  check_missing (REXIAN_STATE_INTAKE, REXIAN_ACTION_MERGE, input, "merge");
}

static void
check_invalid (RexianWorkOrder             *order,
               RexianAction                 action,
               const RexianTransitionInput *input,
               const char                  *expected_part)
{
  g_autoptr(RexianWorkOrder) before = rexian_work_order_copy (order);
  g_autoptr(GError) error = NULL;

  g_assert_false (apply (order, action, input, NULL, &error));
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_INVALID);
  if (strstr (error->message, expected_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expected_part);
  assert_orders_equal (order, before);
}

static void
test_extension (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_IN_PROGRESS,
                                                 REXIAN_ACTION_REQUEST_EXTENSION);
  g_autoptr(RexianTransitionInput) input = make_input ();
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *approved = NULL;

  input->extension_days = 11;
  check_invalid (order, REXIAN_ACTION_REQUEST_EXTENSION, input, "at most 10 working days");

  /* Deadline Friday 2026-09-18; three working days on: Sun 20 (make-up), Mon 21, Tue 22. */
  rexian_work_order_set_deadline (order, test_end_of_day (2026, 9, 18));
  input->extension_days = 3;
  g_assert_true (apply (order, REXIAN_ACTION_REQUEST_EXTENSION, input, &detail, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_extension_requested_days (order), ==, 3);
  g_assert_cmpstr (detail, ==, "3 working days requested");

  g_assert_true (apply (order, REXIAN_ACTION_APPROVE_EXTENSION, input, &approved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_deadline (order), ==, test_end_of_day (2026, 9, 22));
  g_assert_cmpint (rexian_work_order_get_extension_count (order), ==, 1);
  g_assert_cmpint (rexian_work_order_get_extension_requested_days (order), ==, 0);
  g_assert_cmpstr (approved, ==, "Extended by 3 working days; deadline 2026-09-22");

  /* Over National Day, and a rejection keeps the deadline. */
  input->extension_days = 10;
  rexian_work_order_set_deadline (order, test_end_of_day (2026, 9, 30));
  g_assert_true (apply (order, REXIAN_ACTION_REQUEST_EXTENSION, input, NULL, &error));
  g_assert_true (apply (order, REXIAN_ACTION_REJECT_EXTENSION, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_deadline (order), ==, test_end_of_day (2026, 9, 30));
  g_assert_cmpint (rexian_work_order_get_extension_requested_days (order), ==, 0);
  g_assert_cmpint (rexian_work_order_get_extension_count (order), ==, 1);

  input->extension_days = 2;
  g_assert_true (apply (order, REXIAN_ACTION_REQUEST_EXTENSION, input, NULL, &error));
  g_assert_true (apply (order, REXIAN_ACTION_APPROVE_EXTENSION, input, NULL, &error));
  g_assert_cmpint (rexian_work_order_get_deadline (order), ==, test_end_of_day (2026, 10, 9));
  g_assert_cmpint (rexian_work_order_get_extension_count (order), ==, 2);

  /* A different maximum in the settings. */
  rules.max_extension_days = 1;
  input->extension_days = 2;
  check_invalid (order, REXIAN_ACTION_REQUEST_EXTENSION, input, "at most 1 working day;");
  rexian_deadline_rules_init_default (&rules);
}

static void
test_close (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_FOLLOW_UP, REXIAN_ACTION_CLOSE);
  g_autoptr(RexianWorkOrder) replied = make_order (REXIAN_STATE_REPLIED, REXIAN_ACTION_CLOSE);
  g_autoptr(RexianTransitionInput) input = make_input ();
  g_autoptr(RexianTransitionInput) empty = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  input->followup_process = REXIAN_SATISFACTION_DISSATISFIED;
  input->followup_result = REXIAN_SATISFACTION_DISSATISFIED;
  check_invalid (order, REXIAN_ACTION_CLOSE, input, "handled again");

  /* One of the two dissatisfied is not enough to refuse. */
  input->followup_process = REXIAN_SATISFACTION_SATISFIED;
  g_assert_true (apply (order, REXIAN_ACTION_CLOSE, input, &detail, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_CLOSED);
  g_assert_cmpint (rexian_work_order_get_closed_at (order), ==, NOW ());
  g_assert_cmpint (rexian_work_order_get_followup_process (order), ==,
                   REXIAN_SATISFACTION_SATISFIED);
  g_assert_cmpint (rexian_work_order_get_followup_result (order), ==,
                   REXIAN_SATISFACTION_DISSATISFIED);
  g_assert_cmpstr (rexian_work_order_get_followup_note (order), ==, "市民表示认可");
  g_assert_cmpstr (detail, ==, "Process: Satisfied; result: Dissatisfied");

  /* A replied order may close without a visit. */
  g_assert_true (apply (replied, REXIAN_ACTION_CLOSE, empty, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_followup_process (replied), ==,
                   REXIAN_SATISFACTION_NONE);

  /* Then archive. */
  g_assert_true (apply (replied, REXIAN_ACTION_ARCHIVE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (replied), ==, REXIAN_STATE_ARCHIVED);
  g_assert_cmpint (rexian_work_order_get_archived_at (replied), ==, NOW ());
}

static void
test_merge (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_INTAKE, REXIAN_ACTION_MERGE);
  g_autoptr(RexianTransitionInput) input = make_input ();
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  input->merge_into_id = 42;
  check_invalid (order, REXIAN_ACTION_MERGE, input, "itself");

  input->merge_into_id = 7;
  g_free (input->merge_into_number);
  input->merge_into_number = g_strdup ("202603020001");
  check_invalid (order, REXIAN_ACTION_MERGE, input, "itself");

  g_free (input->merge_into_number);
  input->merge_into_number = g_strdup ("202603010007");
  g_assert_true (apply (order, REXIAN_ACTION_MERGE, input, &detail, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_CLOSED);
  g_assert_cmpint (rexian_work_order_get_merged_into_id (order), ==, 7);
  g_assert_cmpstr (rexian_work_order_get_merged_into_number (order), ==, "202603010007");
  g_assert_cmpint (rexian_work_order_get_closed_at (order), ==, NOW ());
  g_assert_cmpstr (detail, ==, "Merged into 202603010007");
}

static void
test_dispatch (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_INTAKE, REXIAN_ACTION_SUBMIT);
  g_autoptr(RexianTransitionInput) input = make_input ();
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  gint64 assist[] = { 8, 9 };
  gint64 now = test_local_time (2026, 2, 13, 10, 0, 0);

  input->assist_department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (input->assist_department_ids, assist, G_N_ELEMENTS (assist));

  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_SUBMIT, input, calendar, &rules,
                                         now, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_PENDING_DISPATCH);

  /* A complaint: 5 working days from Friday 2026-02-13 over the Spring Festival. */
  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_DISPATCH, input, calendar, &rules,
                                         now, &detail, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_IN_PROGRESS);
  g_assert_cmpint (rexian_work_order_get_lead_department_id (order), ==, 5);
  g_assert_cmpuint (rexian_work_order_get_assist_department_ids (order)->len, ==, 2);
  g_assert_cmpint (g_array_index (rexian_work_order_get_assist_department_ids (order),
                                  gint64, 1), ==, 9);
  g_assert_cmpstr (rexian_work_order_get_transfer_opinion (order), ==, "请于期限内办理");
  g_assert_cmpint (rexian_work_order_get_dispatched_at (order), ==, now);
  g_assert_cmpint (rexian_work_order_get_deadline (order), ==, test_end_of_day (2026, 2, 27));
  g_assert_cmpstr (detail, ==, "Deadline 2026-02-27 (5 working days)");
  g_clear_pointer (&detail, g_free);

  /* The department returns it; the review runs on the 2-day dispatch clock. */
  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_RETURN, input, calendar, &rules,
                                         test_local_time (2026, 2, 24, 9, 0, 0), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_PENDING_DISPATCH);
  g_assert_true (rexian_work_order_get_return_pending (order));
  g_assert_cmpint (rexian_work_order_get_return_count (order), ==, 1);
  g_assert_cmpint (rexian_work_order_get_dispatch_deadline (order), ==,
                   test_end_of_day (2026, 2, 26));

  /* Rejecting the return keeps department and deadline. */
  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_REJECT_RETURN, input, calendar,
                                         &rules, test_local_time (2026, 2, 24, 11, 0, 0),
                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_IN_PROGRESS);
  g_assert_false (rexian_work_order_get_return_pending (order));
  g_assert_cmpint (rexian_work_order_get_lead_department_id (order), ==, 5);
  g_assert_cmpint (rexian_work_order_get_deadline (order), ==, test_end_of_day (2026, 2, 27));

  /* Returned again, then re-dispatched (改派) to another department for the dialog's 10
   * days, which count the make-up Saturday 2026-02-28. */
  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_RETURN, input, calendar, &rules,
                                         test_local_time (2026, 2, 25, 9, 0, 0), NULL, &error));
  g_assert_cmpint (rexian_work_order_get_return_count (order), ==, 2);
  rexian_work_order_set_lead_department_name (order, "市住建局");
  input->lead_department_id = 6;
  input->handling_days = 10;
  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_DISPATCH, input, calendar, &rules,
                                         test_local_time (2026, 2, 25, 10, 0, 0), NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_false (rexian_work_order_get_return_pending (order));
  g_assert_cmpint (rexian_work_order_get_lead_department_id (order), ==, 6);
  g_assert_null (rexian_work_order_get_lead_department_name (order));
  g_assert_cmpint (rexian_work_order_get_deadline (order), ==, test_end_of_day (2026, 3, 10));
}

static void
test_handling_days (void)
{
  g_autoptr(RexianTransitionInput) input = make_input ();
  g_autoptr(GError) error = NULL;
  gint64 now = test_local_time (2026, 9, 30, 16, 0, 0);
  RexianWorkOrder *order;

  /* A consultation gets 3 days: Oct 8, 9, 10 (make-up Saturday). */
  order = make_order (REXIAN_STATE_PENDING_DISPATCH, REXIAN_ACTION_DISPATCH);
  rexian_work_order_set_kind (order, REXIAN_REQUEST_CONSULTATION);
  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_DISPATCH, input, calendar, &rules,
                                         now, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_deadline (order), ==, test_end_of_day (2026, 10, 10));
  g_object_unref (order);

  /* The category's own figure wins over the kind. */
  order = make_order (REXIAN_STATE_PENDING_DISPATCH, REXIAN_ACTION_DISPATCH);
  rexian_work_order_set_kind (order, REXIAN_REQUEST_CONSULTATION);
  input->category_days = 1;
  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_DISPATCH, input, calendar, &rules,
                                         now, NULL, &error));
  g_assert_cmpint (rexian_work_order_get_deadline (order), ==, test_end_of_day (2026, 10, 8));
  g_object_unref (order);

  input->handling_days = -1;
  order = make_order (REXIAN_STATE_PENDING_DISPATCH, REXIAN_ACTION_DISPATCH);
  check_invalid (order, REXIAN_ACTION_DISPATCH, input, "-1");
  g_object_unref (order);
}

static void
test_calendar_refusal (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_PENDING_DISPATCH,
                                                 REXIAN_ACTION_DISPATCH);
  g_autoptr(RexianWorkOrder) before = rexian_work_order_copy (order);
  g_autoptr(RexianTransitionInput) input = make_input ();
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  g_assert_false (rexian_lifecycle_apply (order, REXIAN_ACTION_DISPATCH, input, calendar,
                                          &rules, test_local_time (2026, 12, 28, 10, 0, 0),
                                          &detail, &error));
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_CALENDAR);
  g_assert_nonnull (strstr (error->message, "2025 to 2026"));
  g_assert_nonnull (strstr (error->message, "Update the holiday file"));
  g_assert_null (detail);
  assert_orders_equal (order, before);
}

static void
test_reply_and_rehandle (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_IN_PROGRESS, REXIAN_ACTION_REPLY);
  g_autoptr(RexianTransitionInput) input = make_input ();
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  g_assert_true (apply (order, REXIAN_ACTION_REPLY, input, &detail, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_REPLIED);
  g_assert_cmpstr (rexian_work_order_get_handling_result (order), ==, "已派人维修，路灯恢复");
  g_assert_cmpstr (rexian_work_order_get_handler_name (order), ==, "李四");
  g_assert_cmpstr (rexian_work_order_get_handler_phone (order), ==, "0351-2345678");
  g_assert_cmpint (rexian_work_order_get_replied_at (order), ==, NOW ());
  g_assert_cmpstr (detail, ==, "Handled by 李四");

  g_assert_true (apply (order, REXIAN_ACTION_START_FOLLOW_UP, NULL, NULL, &error));
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_FOLLOW_UP);

  /* Both dissatisfied: handled again by the same department with a fresh deadline. */
  input->followup_process = REXIAN_SATISFACTION_DISSATISFIED;
  input->followup_result = REXIAN_SATISFACTION_DISSATISFIED;
  g_assert_true (apply (order, REXIAN_ACTION_REHANDLE, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_IN_PROGRESS);
  g_assert_cmpint (rexian_work_order_get_rehandle_count (order), ==, 1);
  g_assert_cmpint (rexian_work_order_get_lead_department_id (order), ==, 3);
  g_assert_cmpint (rexian_work_order_get_followup_result (order), ==,
                   REXIAN_SATISFACTION_DISSATISFIED);
  g_assert_cmpint (rexian_work_order_get_deadline (order), ==, test_end_of_day (2026, 3, 9));

  /* A reply may reuse a result drafted on the order. */
  g_clear_pointer (&input->handling_result, g_free);
  g_assert_true (apply (order, REXIAN_ACTION_REPLY, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rexian_work_order_get_handling_result (order), ==, "已派人维修，路灯恢复");
}

static void
test_close_direct (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_INTAKE,
                                                 REXIAN_ACTION_CLOSE_DIRECT);
  g_autoptr(RexianTransitionInput) input = make_input ();
  g_autoptr(GError) error = NULL;

  g_assert_true (apply (order, REXIAN_ACTION_CLOSE_DIRECT, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_CLOSED);
  g_assert_cmpint (rexian_work_order_get_closed_at (order), ==, NOW ());
  g_assert_cmpstr (rexian_work_order_get_handling_result (order), ==, "已派人维修，路灯恢复");
}

static void
test_supervise (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_IN_PROGRESS,
                                                 REXIAN_ACTION_SUPERVISE);
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  /* The automatic check needs no reason. */
  input->supervise_reason = REXIAN_SUPERVISE_REASON_OVERDUE;
  g_assert_true (apply (order, REXIAN_ACTION_SUPERVISE, input, &detail, &error));
  g_assert_no_error (error);
  g_assert_true (rexian_work_order_get_supervised (order));
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_IN_PROGRESS);
  g_assert_cmpstr (detail, ==, "Supervised automatically: the deadline passed");

  g_assert_false (apply (order, REXIAN_ACTION_SUPERVISE, input, NULL, &error));
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
}

static void
test_supervision_due (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_IN_PROGRESS,
                                                 REXIAN_ACTION_SUPERVISE);
  gint64 deadline = rexian_work_order_get_deadline (order);

  g_assert_cmpint (rexian_lifecycle_supervision_due (order, deadline), ==,
                   REXIAN_SUPERVISE_REASON_NONE);
  g_assert_cmpint (rexian_lifecycle_supervision_due (order, deadline + 1), ==,
                   REXIAN_SUPERVISE_REASON_OVERDUE);

  rexian_work_order_set_emergency (order, TRUE);
  g_assert_cmpint (rexian_lifecycle_supervision_due (order, deadline), ==,
                   REXIAN_SUPERVISE_REASON_EMERGENCY);

  rexian_work_order_set_supervised (order, TRUE);
  g_assert_cmpint (rexian_lifecycle_supervision_due (order, deadline + 1), ==,
                   REXIAN_SUPERVISE_REASON_NONE);

  /* Intake runs on the dispatch deadline. */
  rexian_work_order_set_supervised (order, FALSE);
  rexian_work_order_set_emergency (order, FALSE);
  rexian_work_order_set_state (order, REXIAN_STATE_INTAKE);
  g_assert_cmpint (rexian_lifecycle_supervision_due (order, test_end_of_day (2026, 3, 3) + 1),
                   ==, REXIAN_SUPERVISE_REASON_OVERDUE);

  /* Once replied nothing is due, whatever the flags. */
  rexian_work_order_set_emergency (order, TRUE);
  rexian_work_order_set_state (order, REXIAN_STATE_REPLIED);
  g_assert_cmpint (rexian_lifecycle_supervision_due (order, deadline + 1), ==,
                   REXIAN_SUPERVISE_REASON_NONE);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_notify_on_apply (void)
{
  g_autoptr(RexianWorkOrder) order = make_order (REXIAN_STATE_REPLIED,
                                                 REXIAN_ACTION_START_FOLLOW_UP);
  g_autoptr(GError) error = NULL;
  guint n_notify = 0;

  /* A follow-up start changes the state and the update time, nothing else. */
  g_signal_connect (order, "notify", G_CALLBACK (count_notify), &n_notify);
  g_assert_true (apply (order, REXIAN_ACTION_START_FOLLOW_UP, NULL, NULL, &error));
  g_assert_cmpuint (n_notify, ==, 2);

  /* A refused action says nothing. */
  n_notify = 0;
  g_assert_false (apply (order, REXIAN_ACTION_ARCHIVE, NULL, NULL, &error));
  g_assert_cmpuint (n_notify, ==, 0);
}

/* The store hands a copy to its worker thread: nothing may be shared with the
 * caller's input, which a dialog frees as soon as it has asked. */
static void
test_input_copy_is_deep (void)
{
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(RexianTransitionInput) copy = NULL;
  gint64 assist[] = { 3, 7 };

  input->reason = g_strdup ("部门职责不符");
  input->lead_department_id = 5;
  input->assist_department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (input->assist_department_ids, assist, G_N_ELEMENTS (assist));
  input->merge_into_number = g_strdup ("202611230001");
  input->followup_process = REXIAN_SATISFACTION_BASICALLY;

  copy = rexian_transition_input_copy (input);
  g_clear_pointer (&input, rexian_transition_input_free);

  g_assert_cmpstr (copy->reason, ==, "部门职责不符");
  g_assert_cmpint (copy->lead_department_id, ==, 5);
  g_assert_cmpuint (copy->assist_department_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (copy->assist_department_ids, gint64, 1), ==, 7);
  g_assert_cmpstr (copy->merge_into_number, ==, "202611230001");
  g_assert_cmpint (copy->followup_process, ==, REXIAN_SATISFACTION_BASICALLY);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  calendar = test_load_calendar ();
  rexian_deadline_rules_init_default (&rules);

  g_test_add_func ("/core/lifecycle/table", test_table);
  g_test_add_func ("/core/lifecycle/allowed", test_allowed_transitions);
  g_test_add_func ("/core/lifecycle/refused", test_refused_transitions);
  g_test_add_func ("/core/lifecycle/refusal-messages", test_refusal_messages);
  g_test_add_func ("/core/lifecycle/explain-refusal", test_explain_refusal);
  g_test_add_func ("/core/lifecycle/actions-between", test_actions_between);
  g_test_add_func ("/core/lifecycle/missing-fields", test_missing_fields);
  g_test_add_func ("/core/lifecycle/extension", test_extension);
  g_test_add_func ("/core/lifecycle/close", test_close);
  g_test_add_func ("/core/lifecycle/merge", test_merge);
  g_test_add_func ("/core/lifecycle/dispatch", test_dispatch);
  g_test_add_func ("/core/lifecycle/handling-days", test_handling_days);
  g_test_add_func ("/core/lifecycle/calendar-refusal", test_calendar_refusal);
  g_test_add_func ("/core/lifecycle/reply-and-rehandle", test_reply_and_rehandle);
  g_test_add_func ("/core/lifecycle/close-direct", test_close_direct);
  g_test_add_func ("/core/lifecycle/supervise", test_supervise);
  g_test_add_func ("/core/lifecycle/supervision-due", test_supervision_due);
  g_test_add_func ("/core/lifecycle/notify-on-apply", test_notify_on_apply);
  g_test_add_func ("/core/lifecycle/input-copy", test_input_copy_is_deep);

  ret = g_test_run ();

  g_clear_object (&calendar);

  return ret;
}
