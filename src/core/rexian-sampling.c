/* rexian-sampling.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rexian-sampling.h"

typedef struct
{
  RexianSampleCandidate candidate;
  guint64               lot;
} Lot;

/* SplitMix64 (Steele, Lea and Flood, 2014; the seeding function of xoshiro): a fixed,
 * documented mix, so that a draw can be repeated by any later version of Rexian. */
static guint64
splitmix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

guint
rexian_sampling_count (guint  n_department,
                       double share_percent)
{
  double wanted;
  guint count;

  if (n_department == 0 || !(share_percent > 0))
    return 0;
  if (share_percent >= 100)
    return n_department;

  /* The small margin keeps 10 % of 30 at 3 although 0.1 × 30 is not exact in binary. */
  wanted = ceil (share_percent * n_department / 100.0 - 1e-9);
  count = (guint) MAX (wanted, 1.0);

  return MIN (count, n_department);
}

static int
compare_by_department_and_lot (gconstpointer a,
                               gconstpointer b)
{
  const Lot *la = a;
  const Lot *lb = b;

  if (la->candidate.department_id != lb->candidate.department_id)
    return la->candidate.department_id < lb->candidate.department_id ? -1 : 1;
  if (la->lot != lb->lot)
    return la->lot < lb->lot ? -1 : 1;
  if (la->candidate.order_id != lb->candidate.order_id)
    return la->candidate.order_id < lb->candidate.order_id ? -1 : 1;
  return 0;
}

static int
compare_by_department_and_id (gconstpointer a,
                              gconstpointer b)
{
  const RexianSampleCandidate *ca = a;
  const RexianSampleCandidate *cb = b;

  if (ca->department_id != cb->department_id)
    return ca->department_id < cb->department_id ? -1 : 1;
  if (ca->order_id != cb->order_id)
    return ca->order_id < cb->order_id ? -1 : 1;
  return 0;
}

GArray *
rexian_sampling_draw (const RexianSampleCandidate *candidates,
                      guint                        n_candidates,
                      double                       share_percent,
                      guint64                      seed)
{
  g_autoptr(GArray) lots = g_array_sized_new (FALSE, FALSE, sizeof (Lot), n_candidates);
  GArray *drawn = g_array_new (FALSE, FALSE, sizeof (RexianSampleCandidate));
  guint start = 0;

  g_return_val_if_fail (candidates != NULL || n_candidates == 0, drawn);

  /* The lot depends only on the seed and the order's id, and the sort on the lots and
   * ids, so the input's order cannot change the draw. */
  for (guint i = 0; i < n_candidates; i++)
    {
      guint64 id_hash = splitmix64 ((guint64) candidates[i].order_id);
      Lot lot = { candidates[i], splitmix64 (seed ^ id_hash) };

      g_array_append_val (lots, lot);
    }
  g_array_sort (lots, compare_by_department_and_lot);

  while (start < lots->len)
    {
      gint64 department_id = g_array_index (lots, Lot, start).candidate.department_id;
      guint end = start;
      guint take;

      while (end < lots->len && g_array_index (lots, Lot, end).candidate.department_id
                                == department_id)
        end++;

      take = rexian_sampling_count (end - start, share_percent);
      for (guint i = start; i < start + take; i++)
        g_array_append_val (drawn, g_array_index (lots, Lot, i).candidate);
      start = end;
    }

  g_array_sort (drawn, compare_by_department_and_id);

  return drawn;
}

RexianVisitOutcome
rexian_visit_outcome (gboolean           reached,
                      RexianSatisfaction process,
                      RexianSatisfaction result,
                      guint              attempts,
                      guint              max_attempts)
{
  if (reached)
    {
      /* Dissatisfied in both respects: the lifecycle refuses to close, the order goes
       * back to its department (重办). */
      if (process == REXIAN_SATISFACTION_DISSATISFIED
          && result == REXIAN_SATISFACTION_DISSATISFIED)
        return REXIAN_VISIT_OUTCOME_REHANDLE;
      return REXIAN_VISIT_OUTCOME_CLOSE;
    }

  if (attempts >= MAX (max_attempts, 1))
    return REXIAN_VISIT_OUTCOME_UNREACHABLE;

  return REXIAN_VISIT_OUTCOME_RETRY;
}
