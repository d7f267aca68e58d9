/* test-sampling.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-sampling.h"
#include "test-util.h"

/* The follow-up sampling draw and the visit outcome rule. */

/* Three departments: 1 has 30 orders, 2 has 7, 3 has 1; ids are interleaved. */
static GArray *
make_candidates (void)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (RexianSampleCandidate));

  for (gint64 id = 1; id <= 38; id++)
    {
      RexianSampleCandidate c = { id * 7, id <= 30 ? 1 : (id <= 37 ? 2 : 3) };

      g_array_append_val (candidates, c);
    }

  return candidates;
}

static guint
count_department (GArray *drawn,
                  gint64  department_id)
{
  guint n = 0;

  for (guint i = 0; i < drawn->len; i++)
    if (g_array_index (drawn, RexianSampleCandidate, i).department_id == department_id)
      n++;

  return n;
}

static gboolean
same_draw (GArray *a,
           GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, RexianSampleCandidate, i).order_id
        != g_array_index (b, RexianSampleCandidate, i).order_id)
      return FALSE;
  return TRUE;
}

static void
test_sampling_count (void)
{
  g_assert_cmpuint (rexian_sampling_count (30, 10), ==, 3);
  g_assert_cmpuint (rexian_sampling_count (7, 10), ==, 1);
  g_assert_cmpuint (rexian_sampling_count (31, 10), ==, 4);
  g_assert_cmpuint (rexian_sampling_count (1, 0.5), ==, 1);
  g_assert_cmpuint (rexian_sampling_count (0, 50), ==, 0);
  g_assert_cmpuint (rexian_sampling_count (10, 0), ==, 0);
  g_assert_cmpuint (rexian_sampling_count (10, 100), ==, 10);
  g_assert_cmpuint (rexian_sampling_count (10, 250), ==, 10);
}

static void
test_sampling_per_department (void)
{
  g_autoptr(GArray) candidates = make_candidates ();
  g_autoptr(GArray) drawn = rexian_sampling_draw ((RexianSampleCandidate *) candidates->data,
                                                  candidates->len, 10, 42);

  g_assert_cmpuint (drawn->len, ==, 5);
  g_assert_cmpuint (count_department (drawn, 1), ==, 3);
  g_assert_cmpuint (count_department (drawn, 2), ==, 1);
  g_assert_cmpuint (count_department (drawn, 3), ==, 1);

  /* Sorted by department, then id, and every drawn order is one of the candidates. */
  for (guint i = 1; i < drawn->len; i++)
    {
      RexianSampleCandidate *prev = &g_array_index (drawn, RexianSampleCandidate, i - 1);
      RexianSampleCandidate *cur = &g_array_index (drawn, RexianSampleCandidate, i);

      g_assert_true (prev->department_id < cur->department_id
                     || (prev->department_id == cur->department_id
                         && prev->order_id < cur->order_id));
      g_assert_cmpint (cur->order_id % 7, ==, 0);
    }
}

static void
test_sampling_reproducible (void)
{
  g_autoptr(GArray) candidates = make_candidates ();
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (RexianSampleCandidate));
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GArray) shuffled = NULL;
  guint differing = 0;

  for (guint i = candidates->len; i > 0; i--)
    g_array_append_val (reversed, g_array_index (candidates, RexianSampleCandidate, i - 1));

  first = rexian_sampling_draw ((RexianSampleCandidate *) candidates->data, candidates->len,
                                20, 20261123);
  again = rexian_sampling_draw ((RexianSampleCandidate *) candidates->data, candidates->len,
                                20, 20261123);
  shuffled = rexian_sampling_draw ((RexianSampleCandidate *) reversed->data, reversed->len,
                                   20, 20261123);
  g_assert_true (same_draw (first, again));
  g_assert_true (same_draw (first, shuffled));

  /* Another seed draws other orders: of ten seeds, most differ from the first draw. */
  for (guint64 seed = 1; seed <= 10; seed++)
    {
      g_autoptr(GArray) other = rexian_sampling_draw ((RexianSampleCandidate *) candidates->data,
                                                      candidates->len, 20, seed);

      g_assert_cmpuint (other->len, ==, first->len);
      if (!same_draw (first, other))
        differing++;
    }
  g_assert_cmpuint (differing, >=, 9);
}

static void
test_sampling_all_or_none (void)
{
  g_autoptr(GArray) candidates = make_candidates ();
  g_autoptr(GArray) none = rexian_sampling_draw ((RexianSampleCandidate *) candidates->data,
                                                 candidates->len, 0, 7);
  g_autoptr(GArray) all = rexian_sampling_draw ((RexianSampleCandidate *) candidates->data,
                                                candidates->len, 100, 7);
  g_autoptr(GArray) empty = rexian_sampling_draw (NULL, 0, 50, 7);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (all->len, ==, candidates->len);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_visit_outcome (void)
{
  g_assert_cmpint (rexian_visit_outcome (TRUE, REXIAN_SATISFACTION_DISSATISFIED,
                                         REXIAN_SATISFACTION_DISSATISFIED, 1, 3),
                   ==, REXIAN_VISIT_OUTCOME_REHANDLE);
  g_assert_cmpint (rexian_visit_outcome (TRUE, REXIAN_SATISFACTION_DISSATISFIED,
                                         REXIAN_SATISFACTION_BASICALLY, 1, 3),
                   ==, REXIAN_VISIT_OUTCOME_CLOSE);
  g_assert_cmpint (rexian_visit_outcome (TRUE, REXIAN_SATISFACTION_SATISFIED,
                                         REXIAN_SATISFACTION_SATISFIED, 3, 3),
                   ==, REXIAN_VISIT_OUTCOME_CLOSE);
  g_assert_cmpint (rexian_visit_outcome (FALSE, REXIAN_SATISFACTION_NONE,
                                         REXIAN_SATISFACTION_NONE, 1, 3),
                   ==, REXIAN_VISIT_OUTCOME_RETRY);
  g_assert_cmpint (rexian_visit_outcome (FALSE, REXIAN_SATISFACTION_NONE,
                                         REXIAN_SATISFACTION_NONE, 2, 3),
                   ==, REXIAN_VISIT_OUTCOME_RETRY);
  g_assert_cmpint (rexian_visit_outcome (FALSE, REXIAN_SATISFACTION_NONE,
                                         REXIAN_SATISFACTION_NONE, 3, 3),
                   ==, REXIAN_VISIT_OUTCOME_UNREACHABLE);
  g_assert_cmpint (rexian_visit_outcome (FALSE, REXIAN_SATISFACTION_NONE,
                                         REXIAN_SATISFACTION_NONE, 1, 0),
                   ==, REXIAN_VISIT_OUTCOME_UNREACHABLE);
}

/* The lifecycle closes a follow-up order as unreachable: both answers 无法联系. */
static void
test_close_unreachable_allowed (void)
{
  g_autoptr(RexianWorkOrder) order = rexian_work_order_new ();
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  RexianDeadlineRules rules;

  rexian_deadline_rules_init_default (&rules);
  rexian_work_order_set_state (order, REXIAN_STATE_FOLLOW_UP);
  input->followup_process = REXIAN_SATISFACTION_UNREACHABLE;
  input->followup_result = REXIAN_SATISFACTION_UNREACHABLE;
  g_assert_true (rexian_lifecycle_apply (order, REXIAN_ACTION_CLOSE, input, NULL, &rules,
                                         test_local_time (2026, 11, 23, 10, 0, 0), &detail,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_CLOSED);
  g_assert_cmpint (rexian_work_order_get_followup_result (order), ==,
                   REXIAN_SATISFACTION_UNREACHABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sampling/count", test_sampling_count);
  g_test_add_func ("/sampling/per-department", test_sampling_per_department);
  g_test_add_func ("/sampling/reproducible", test_sampling_reproducible);
  g_test_add_func ("/sampling/all-or-none", test_sampling_all_or_none);
  g_test_add_func ("/sampling/visit-outcome", test_visit_outcome);
  g_test_add_func ("/sampling/close-unreachable", test_close_unreachable_allowed);

  return g_test_run ();
}
