/* test-supervision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "rexian-core.h"
#include "test-util.h"

#define BIT(reason) REXIAN_SUPERVISE_CAUSE_BIT (REXIAN_SUPERVISE_REASON_##reason)

static RexianCalendar *calendar;
static RexianDeadlineRules rules;

/* In progress at a department since Friday 2026-02-27, due at the end of Friday
 * 2026-03-06: green on Monday, yellow on its last working day, red after it. */
static RexianWorkOrder *
make_order (void)
{
  RexianWorkOrder *order = rexian_work_order_new ();

  rexian_work_order_set_id (order, 7);
  rexian_work_order_set_summary (order, "小区路灯不亮");
  rexian_work_order_set_created_at (order, test_local_time (2026, 2, 27, 9, 0, 0));
  rexian_work_order_set_dispatch_deadline (order, test_end_of_day (2026, 3, 3));
  rexian_work_order_set_lead_department_id (order, 3);
  rexian_work_order_set_dispatched_at (order, test_local_time (2026, 2, 27, 11, 0, 0));
  rexian_work_order_set_deadline (order, test_end_of_day (2026, 3, 6));
  rexian_work_order_set_state (order, REXIAN_STATE_IN_PROGRESS);

  return order;
}

static guint
due (RexianWorkOrder              *order,
     const RexianSupervisionFacts *facts,
     gint64                        now)
{
  return rexian_supervision_get_due_causes (order, calendar, &rules, facts, now);
}

static void
test_keys (void)
{
  const char *reasons[] = { "none", "emergency", "overdue", "manual", "repeated",
                            "near-deadline", "dissatisfied" };
  const char *methods[] = { "phone", "sms", "written-notice", "on-site", "meeting" };
  RexianSuperviseReason reason = REXIAN_SUPERVISE_REASON_NONE;
  RexianSuperviseMethod method = REXIAN_SUPERVISE_METHOD_PHONE;

  G_STATIC_ASSERT (G_N_ELEMENTS (reasons) == REXIAN_N_SUPERVISE_REASONS);
  G_STATIC_ASSERT (G_N_ELEMENTS (methods) == REXIAN_N_SUPERVISE_METHODS);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_assert_cmpstr (rexian_supervise_reason_to_string (i), ==, reasons[i]);
      g_assert_true (rexian_supervise_reason_from_string (reasons[i], &reason));
      g_assert_cmpint (reason, ==, i);
      g_assert_nonnull (rexian_supervise_reason_get_label (i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_assert_cmpstr (rexian_supervise_method_to_string (i), ==, methods[i]);
      g_assert_true (rexian_supervise_method_from_string (methods[i], &method));
      g_assert_cmpint (method, ==, i);
    }

  reason = REXIAN_SUPERVISE_REASON_OVERDUE;
  g_assert_false (rexian_supervise_reason_from_string ("late", &reason));
  g_assert_cmpint (reason, ==, REXIAN_SUPERVISE_REASON_OVERDUE);
  g_assert_false (rexian_supervise_method_from_string (NULL, &method));

  g_assert_cmpstr (rexian_supervise_method_get_label (REXIAN_SUPERVISE_METHOD_MEETING), ==,
                   "Supervision meeting");
  g_assert_true (rexian_supervise_reason_is_automatic (REXIAN_SUPERVISE_REASON_NEAR_DEADLINE));
  g_assert_false (rexian_supervise_reason_is_automatic (REXIAN_SUPERVISE_REASON_MANUAL));
}

static void
test_five_causes (void)
{
  g_autoptr(RexianWorkOrder) order = make_order ();
  RexianSupervisionFacts facts = { 0 };
  gint64 monday = test_local_time (2026, 3, 2, 10, 0, 0);
  gint64 last_day = test_local_time (2026, 3, 6, 10, 0, 0);
  gint64 saturday = test_local_time (2026, 3, 7, 10, 0, 0);

  g_assert_cmpuint (due (order, NULL, monday), ==, 0);

  /* Near the deadline (yellow), then overdue (red): never both at once. */
  g_assert_cmpuint (due (order, NULL, last_day), ==, BIT (NEAR_DEADLINE));
  g_assert_cmpuint (due (order, NULL, saturday), ==, BIT (OVERDUE));
  /* Without a calendar the yellow cannot be told; the red can. */
  g_assert_cmpuint (rexian_supervision_get_due_causes (order, NULL, NULL, NULL, last_day), ==, 0);

  rexian_work_order_set_emergency (order, TRUE);
  g_assert_cmpuint (due (order, NULL, monday), ==, BIT (EMERGENCY));

  /* Repeated: the order's flag (merged requests) or an early-warning cluster. */
  rexian_work_order_set_emergency (order, FALSE);
  rexian_work_order_set_repeated (order, TRUE);
  g_assert_cmpuint (due (order, NULL, monday), ==, BIT (REPEATED));
  rexian_work_order_set_repeated (order, FALSE);
  facts.in_cluster = TRUE;
  g_assert_cmpuint (due (order, &facts, monday), ==, BIT (REPEATED));
  facts.in_cluster = FALSE;

  /* Dissatisfied: a visit's answer on the order, a visit attempt, or a re-handling. */
  rexian_work_order_set_followup_result (order, REXIAN_SATISFACTION_DISSATISFIED);
  g_assert_cmpuint (due (order, NULL, monday), ==, BIT (DISSATISFIED));
  rexian_work_order_set_followup_result (order, REXIAN_SATISFACTION_BASICALLY);
  g_assert_cmpuint (due (order, NULL, monday), ==, 0);
  rexian_work_order_set_followup_process (order, REXIAN_SATISFACTION_DISSATISFIED);
  g_assert_cmpuint (due (order, NULL, monday), ==, BIT (DISSATISFIED));
  rexian_work_order_set_followup_process (order, REXIAN_SATISFACTION_SATISFIED);
  rexian_work_order_set_rehandle_count (order, 1);
  g_assert_cmpuint (due (order, NULL, monday), ==, BIT (DISSATISFIED));
  rexian_work_order_set_rehandle_count (order, 0);
  facts.dissatisfied_visit = TRUE;
  g_assert_cmpuint (due (order, &facts, monday), ==, BIT (DISSATISFIED));

  /* Several at once, the most pressing first. */
  rexian_work_order_set_emergency (order, TRUE);
  g_assert_cmpuint (due (order, &facts, saturday), ==,
                    BIT (EMERGENCY) | BIT (OVERDUE) | BIT (DISSATISFIED));
  g_assert_cmpint (rexian_supervision_first_cause (due (order, &facts, saturday)), ==,
                   REXIAN_SUPERVISE_REASON_EMERGENCY);
  g_assert_cmpint (rexian_supervision_first_cause (BIT (OVERDUE) | BIT (NEAR_DEADLINE)), ==,
                   REXIAN_SUPERVISE_REASON_NEAR_DEADLINE);
  g_assert_cmpint (rexian_supervision_first_cause (0), ==, REXIAN_SUPERVISE_REASON_NONE);
}

static void
test_once_per_cause (void)
{
  g_autoptr(RexianWorkOrder) order = make_order ();
  RexianSupervisionFacts facts = { 0 };
  gint64 last_day = test_local_time (2026, 3, 6, 10, 0, 0);
  gint64 saturday = test_local_time (2026, 3, 7, 10, 0, 0);

  /* Supervised as near its deadline: nothing more that day, but a new record once it is
   * overdue, and the supervised flag does not stop it. */
  facts.recorded = BIT (NEAR_DEADLINE) | BIT (MANUAL);
  rexian_work_order_set_supervised (order, TRUE);
  g_assert_cmpuint (due (order, &facts, last_day), ==, 0);
  g_assert_cmpuint (due (order, &facts, saturday), ==, BIT (OVERDUE));
  facts.recorded |= BIT (OVERDUE);
  g_assert_cmpuint (due (order, &facts, saturday + 86400 * 3), ==, 0);

  /* The lifecycle's own question stays "should this unsupervised order be supervised". */
  g_assert_cmpint (rexian_lifecycle_supervision_due (order, saturday), ==,
                   REXIAN_SUPERVISE_REASON_NONE);
  rexian_work_order_set_supervised (order, FALSE);
  rexian_work_order_set_repeated (order, TRUE);
  g_assert_cmpint (rexian_lifecycle_supervision_due (order, saturday), ==,
                   REXIAN_SUPERVISE_REASON_REPEATED);
}

static void
test_open_states_only (void)
{
  g_autoptr(RexianWorkOrder) order = make_order ();
  gint64 saturday = test_local_time (2026, 3, 7, 10, 0, 0);
  const RexianState closed[] = { REXIAN_STATE_REPLIED, REXIAN_STATE_FOLLOW_UP,
                                 REXIAN_STATE_CLOSED, REXIAN_STATE_ARCHIVED };

  rexian_work_order_set_emergency (order, TRUE);
  rexian_work_order_set_rehandle_count (order, 2);
  for (guint i = 0; i < G_N_ELEMENTS (closed); i++)
    {
      rexian_work_order_set_state (order, closed[i]);
      g_assert_cmpuint (due (order, NULL, saturday), ==, 0);
    }

  /* Waiting for dispatch, the transfer deadline runs; near-deadline is for orders at a
   * department, so only the red counts here. */
  rexian_work_order_set_emergency (order, FALSE);
  rexian_work_order_set_rehandle_count (order, 0);
  rexian_work_order_set_state (order, REXIAN_STATE_PENDING_DISPATCH);
  g_assert_cmpuint (due (order, NULL, test_local_time (2026, 3, 3, 10, 0, 0)), ==, 0);
  g_assert_cmpuint (due (order, NULL, test_local_time (2026, 3, 4, 10, 0, 0)), ==, BIT (OVERDUE));
}

static void
test_automatic_needs_no_reason (void)
{
  g_autoptr(RexianWorkOrder) order = make_order ();
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  g_assert_cmpuint (rexian_lifecycle_get_required_fields (REXIAN_ACTION_SUPERVISE,
                                                          REXIAN_STATE_IN_PROGRESS,
                                                          REXIAN_SUPERVISE_REASON_DISSATISFIED)
                    & REXIAN_FIELD_REASON, ==, 0);
  g_assert_cmpuint (rexian_lifecycle_get_required_fields (REXIAN_ACTION_SUPERVISE,
                                                          REXIAN_STATE_IN_PROGRESS,
                                                          REXIAN_SUPERVISE_REASON_MANUAL)
                    & REXIAN_FIELD_REASON, !=, 0);

  input->supervise_reason = REXIAN_SUPERVISE_REASON_REPEATED;
  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_SUPERVISE, input, calendar,
                                         &rules, test_local_time (2026, 3, 2, 10, 0, 0),
                                         &detail, &error));
  g_assert_no_error (error);
  g_assert_true (rexian_work_order_get_supervised (order));
  g_assert_cmpstr (detail, ==, "Supervised automatically: Repeated requests");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  calendar = test_load_calendar ();
  rexian_deadline_rules_init_default (&rules);

  g_test_add_func ("/core/supervision/keys", test_keys);
  g_test_add_func ("/core/supervision/five-causes", test_five_causes);
  g_test_add_func ("/core/supervision/once-per-cause", test_once_per_cause);
  g_test_add_func ("/core/supervision/open-states-only", test_open_states_only);
  g_test_add_func ("/core/supervision/automatic-needs-no-reason", test_automatic_needs_no_reason);

  ret = g_test_run ();
  g_clear_object (&calendar);
  return ret;
}
