/* rexian-report-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rexian-report-document.h"
#include "rexian-store-followup.h"

/* Excel refuses longer worksheet names. */
#define SHEET_NAME_MAX 31

/* The columns of a breakdown by department: every rate GB/T 33358 asks per department,
 * then the department evaluation (attitude, efficiency, and process and result, which
 * are the two satisfaction rates). */
static const RexianMeasure department_measures[] = {
  REXIAN_MEASURE_ON_TIME_DISPATCH,
  REXIAN_MEASURE_ON_TIME_COMPLETION,
  REXIAN_MEASURE_DIRECT_ANSWER_RATE,
  REXIAN_MEASURE_FOLLOW_UP_RATE,
  REXIAN_MEASURE_REHANDLE_RATE,
  REXIAN_MEASURE_RETURN_RATE,
  REXIAN_MEASURE_ATTITUDE,
  REXIAN_MEASURE_EFFICIENCY,
  REXIAN_MEASURE_PROCESS_SATISFACTION,
  REXIAN_MEASURE_RESULT_SATISFACTION,
};

/* The shorter breakdowns (category, channel, kind) keep to what tells them apart. */
static const RexianMeasure group_measures[] = {
  REXIAN_MEASURE_DIRECT_ANSWER_RATE,
  REXIAN_MEASURE_ON_TIME_COMPLETION,
  REXIAN_MEASURE_RESULT_SATISFACTION,
};

/* The call measures of a period's parts, after its three counts. */
static const RexianMeasure part_call_measures[] = {
  REXIAN_MEASURE_COMPLETION_RATE,
  REXIAN_MEASURE_SERVICE_LEVEL,
  REXIAN_MEASURE_SERVICE_LEVEL_2,
  REXIAN_MEASURE_ASA,
  REXIAN_MEASURE_ABANDON_RATE,
};

static const RexianMeasure part_order_measures[] = {
  REXIAN_MEASURE_DIRECT_ANSWER_RATE,
  REXIAN_MEASURE_ON_TIME_COMPLETION,
  REXIAN_MEASURE_RESULT_SATISFACTION,
};

static void
cell_clear (gpointer data)
{
  RexianReportCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

static void
table_free (gpointer data)
{
  RexianReportTable *table = data;

  g_free (table->title);
  g_free (table->sheet_name);
  g_strfreev (table->headings);
  g_array_unref (table->cells);
  g_free (table);
}

static RexianReportTable *
table_new (const char *title,
           const char *sheet_name)
{
  RexianReportTable *table = g_new0 (RexianReportTable, 1);

  table->title = g_strdup (title);
  table->sheet_name = g_strdup (sheet_name);
  table->cells = g_array_new (FALSE, TRUE, sizeof (RexianReportCell));
  g_array_set_clear_func (table->cells, cell_clear);
  table->wide_column = G_MAXUINT;

  return table;
}

/* Headings are set once, before any cell. */
static void
table_set_headings (RexianReportTable *table,
                    GPtrArray         *headings)
{
  g_ptr_array_add (headings, NULL);
  table->headings = (char **) g_ptr_array_free (headings, FALSE);
  table->n_columns = g_strv_length (table->headings);
}

static void
add_cell (RexianReportTable    *table,
          RexianReportCellKind  kind,
          const char           *text,
          double                value)
{
  RexianReportCell cell = { kind, g_strdup (text), value };

  g_array_append_val (table->cells, cell);
  table->n_rows = table->cells->len / table->n_columns;
}

static void
add_text (RexianReportTable *table,
          const char        *text)
{
  add_cell (table, REXIAN_REPORT_CELL_TEXT, text != NULL ? text : "", 0);
}

static void
add_count (RexianReportTable *table,
           gint64             count)
{
  add_cell (table, REXIAN_REPORT_CELL_COUNT, NULL, (double) count);
}

static void
add_value (RexianReportTable        *table,
           RexianMeasure             measure,
           const RexianMeasureValue *value)
{
  RexianReportCellKind kind = REXIAN_REPORT_CELL_COUNT;

  if (!value->defined)
    {
      add_cell (table, REXIAN_REPORT_CELL_EMPTY, NULL, 0);
      return;
    }

  switch (rexian_measure_get_kind (measure))
    {
    case REXIAN_MEASURE_KIND_COUNT:
      kind = REXIAN_REPORT_CELL_COUNT;
      break;
    case REXIAN_MEASURE_KIND_RATIO:
      kind = REXIAN_REPORT_CELL_RATIO;
      break;
    case REXIAN_MEASURE_KIND_SECONDS:
      kind = REXIAN_REPORT_CELL_SECONDS;
      break;
    default:
      g_assert_not_reached ();
    }

  add_cell (table, kind, NULL, value->value);
}

RexianMeasureValue
rexian_report_get_measure (const RexianStatsReport *report,
                           RexianMeasure            measure)
{
  /* The measures are listed calls first, then orders. */
  if (measure < REXIAN_MEASURE_ON_TIME_DISPATCH)
    return rexian_call_stats_get (&report->calls, measure);

  return rexian_order_stats_get (&report->orders, measure);
}

/* A measure's name as a heading; a figure in seconds says so, since a file holds the bare
 * number. */
static char *
measure_heading (RexianMeasure measure)
{
  if (rexian_measure_get_kind (measure) == REXIAN_MEASURE_KIND_SECONDS)
    /* Translators: a heading for a figure in seconds, e.g. "Average speed of answer (s)". */
    return g_strdup_printf (_("%s (s)"), rexian_measure_get_name (measure));

  return g_strdup (rexian_measure_get_name (measure));
}

static void
add_summary_row (RexianReportTable        *table,
                 const char               *name,
                 RexianMeasure             measure,
                 const RexianMeasureValue *value,
                 const char               *formula)
{
  gboolean ratio = rexian_measure_get_kind (measure) == REXIAN_MEASURE_KIND_RATIO;

  add_text (table, name);
  add_value (table, measure, value);
  if (ratio)
    {
      add_count (table, value->numerator);
      add_count (table, value->denominator);
    }
  else
    {
      add_cell (table, REXIAN_REPORT_CELL_EMPTY, NULL, 0);
      add_cell (table, REXIAN_REPORT_CELL_EMPTY, NULL, 0);
    }
  add_text (table, formula);
}

static RexianReportTable *
build_summary (const RexianStatsReport *report)
{
  RexianReportTable *table = table_new (_("Summary"), _("Summary"));
  GPtrArray *headings = g_ptr_array_new ();
  RexianMeasureValue value;

  g_ptr_array_add (headings, g_strdup (_("Measure")));
  g_ptr_array_add (headings, g_strdup (_("Value")));
  g_ptr_array_add (headings, g_strdup (_("Numerator")));
  g_ptr_array_add (headings, g_strdup (_("Denominator")));
  g_ptr_array_add (headings, g_strdup (_("Formula")));
  table_set_headings (table, headings);
  table->wide_column = 4;

  for (guint i = 0; i < REXIAN_N_MEASURES; i++)
    {
      g_autofree char *name = measure_heading (i);

      value = rexian_report_get_measure (report, i);
      add_summary_row (table, name, i, &value, rexian_measure_get_formula (i));
    }

  /* The counts the rates rest on that no measure shows by itself. */
  value = rexian_measure_count (report->calls.passed_on);
  add_summary_row (table, _("Passed on"), REXIAN_MEASURE_OFFERED, &value,
                   _("calls transferred elsewhere before an answer"));
  value = rexian_measure_count (report->orders.orders);
  add_summary_row (table, _("Orders"), REXIAN_MEASURE_OFFERED, &value,
                   _("work orders taken in the period, merged ones not counted"));
  value = rexian_measure_count (report->orders.merged);
  add_summary_row (table, _("Merged orders"), REXIAN_MEASURE_OFFERED, &value,
                   _("repeated requests merged into an earlier order"));
  value = rexian_measure_count (report->orders.transferred);
  add_summary_row (table, _("Transferred to departments"), REXIAN_MEASURE_OFFERED, &value,
                   _("orders taken in the period and transferred to a department"));

  return table;
}

static char *
format_part (const RexianPeriod *report_period,
             const RexianPeriod *part)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (part->start);

  switch (report_period->kind)
    {
    case REXIAN_PERIOD_DAY:
      return g_date_time_format (start, "%H:00");
    case REXIAN_PERIOD_WEEK:
    case REXIAN_PERIOD_MONTH:
      return g_date_time_format (start, "%Y-%m-%d %a");
    case REXIAN_PERIOD_YEAR:
      return g_date_time_format (start, "%Y-%m");
    case REXIAN_PERIOD_LAST_24H:
    case REXIAN_PERIOD_CUSTOM:
    default:
      return rexian_period_format (part);
    }
}

static RexianReportTable *
build_parts (const RexianStatsReport *report)
{
  RexianReportTable *table;
  GPtrArray *headings = g_ptr_array_new ();
  const char *first;

  switch (report->period.kind)
    {
    case REXIAN_PERIOD_DAY:
    case REXIAN_PERIOD_LAST_24H:
      table = table_new (_("By hour"), _("By hour"));
      first = _("Hour");
      break;
    case REXIAN_PERIOD_YEAR:
      table = table_new (_("By month"), _("By month"));
      first = _("Month");
      break;
    case REXIAN_PERIOD_WEEK:
    case REXIAN_PERIOD_MONTH:
    case REXIAN_PERIOD_CUSTOM:
    default:
      table = table_new (_("By day"), _("By day"));
      first = _("Day");
      break;
    }

  g_ptr_array_add (headings, g_strdup (first));
  g_ptr_array_add (headings, measure_heading (REXIAN_MEASURE_OFFERED));
  g_ptr_array_add (headings, measure_heading (REXIAN_MEASURE_ANSWERED));
  g_ptr_array_add (headings, measure_heading (REXIAN_MEASURE_ABANDONED));
  for (guint i = 0; i < G_N_ELEMENTS (part_call_measures); i++)
    g_ptr_array_add (headings, measure_heading (part_call_measures[i]));
  g_ptr_array_add (headings, g_strdup (_("Orders")));
  for (guint i = 0; i < G_N_ELEMENTS (part_order_measures); i++)
    g_ptr_array_add (headings, measure_heading (part_order_measures[i]));
  table_set_headings (table, headings);

  for (guint p = 0; report->parts != NULL && p < report->parts->len; p++)
    {
      const RexianPeriod *part = &g_array_index (report->parts, RexianPeriod, p);
      const RexianCallStats *calls = &g_array_index (report->calls_by_part, RexianCallStats, p);
      const RexianOrderStats *orders =
        &g_array_index (report->orders_by_part, RexianOrderStats, p);
      g_autofree char *label = format_part (&report->period, part);
      RexianMeasureValue value;

      add_text (table, label);
      add_count (table, calls->offered);
      add_count (table, calls->answered);
      add_count (table, calls->abandoned);
      for (guint i = 0; i < G_N_ELEMENTS (part_call_measures); i++)
        {
          value = rexian_call_stats_get (calls, part_call_measures[i]);
          add_value (table, part_call_measures[i], &value);
        }
      add_count (table, orders->orders);
      for (guint i = 0; i < G_N_ELEMENTS (part_order_measures); i++)
        {
          value = rexian_order_stats_get (orders, part_order_measures[i]);
          add_value (table, part_order_measures[i], &value);
        }
    }

  return table;
}

/* The evaluation of a department from its follow-up visits: the callers' answers on
 * attitude, efficiency, process and result (GB/T 33358 §6).  FALSE when @measure is not
 * one of those or nobody answered it, and the figure from the orders stands. */
static gboolean
get_visit_value (const RexianDepartmentEvaluation *evaluation,
                 RexianMeasure                     measure,
                 RexianMeasureValue               *out_value)
{
  RexianEvaluationAspect aspect;

  if (evaluation == NULL)
    return FALSE;

  switch (measure)
    {
    case REXIAN_MEASURE_ATTITUDE:
      aspect = REXIAN_EVALUATION_ATTITUDE;
      break;
    case REXIAN_MEASURE_EFFICIENCY:
      aspect = REXIAN_EVALUATION_EFFICIENCY;
      break;
    case REXIAN_MEASURE_PROCESS_SATISFACTION:
      aspect = REXIAN_EVALUATION_PROCESS;
      break;
    case REXIAN_MEASURE_RESULT_SATISFACTION:
      aspect = REXIAN_EVALUATION_RESULT;
      break;
    default:
      return FALSE;
    }

  *out_value = rexian_department_evaluation_rate (evaluation, aspect);
  return out_value->defined;
}

/* The visits' evaluation of department @key, or, for @key -1, of all departments. */
static const RexianDepartmentEvaluation *
find_evaluation (const RexianStatsReport    *report,
                 gint64                      key,
                 RexianDepartmentEvaluation *total)
{
  for (guint i = 0; report->evaluation != NULL && i < report->evaluation->len; i++)
    {
      const RexianDepartmentEvaluation *row = g_ptr_array_index (report->evaluation, i);

      if (key < 0)
        for (guint a = 0; a < REXIAN_N_EVALUATION_ASPECTS; a++)
          {
            total->aspects[a].satisfied += row->aspects[a].satisfied;
            total->aspects[a].basically += row->aspects[a].basically;
            total->aspects[a].dissatisfied += row->aspects[a].dissatisfied;
          }
      else if (row->department_id == key)
        return row;
    }

  return key < 0 ? total : NULL;
}

static void
add_group_row (RexianReportTable                *table,
               const char                       *label,
               const RexianOrderStats           *stats,
               gint64                            all_orders,
               gboolean                          full,
               const RexianDepartmentEvaluation *evaluation)
{
  const RexianMeasure *measures = full ? department_measures : group_measures;
  guint n_measures = full ? G_N_ELEMENTS (department_measures) : G_N_ELEMENTS (group_measures);
  RexianMeasureValue value;

  add_text (table, label);
  add_count (table, stats->orders);
  if (!full)
    {
      /* The share of all orders, as a ratio like any other. */
      if (all_orders > 0)
        add_cell (table, REXIAN_REPORT_CELL_RATIO, NULL, (double) stats->orders / all_orders);
      else
        add_cell (table, REXIAN_REPORT_CELL_EMPTY, NULL, 0);
    }
  add_count (table, stats->transferred);
  for (guint i = 0; i < n_measures; i++)
    {
      if (!get_visit_value (evaluation, measures[i], &value))
        value = rexian_order_stats_get (stats, measures[i]);
      add_value (table, measures[i], &value);
    }
}

/* A breakdown of the orders: by department with every rate and the evaluation (@full),
 * or by category, channel or kind with the share of orders and the main rates. */
static RexianReportTable *
build_groups (const RexianStatsReport *report,
              GPtrArray               *groups,
              const char              *title,
              const char              *first_heading,
              const char              *no_key_label,
              gboolean                 full)
{
  RexianReportTable *table = table_new (title, title);
  GPtrArray *headings = g_ptr_array_new ();
  const RexianMeasure *measures = full ? department_measures : group_measures;
  guint n_measures = full ? G_N_ELEMENTS (department_measures) : G_N_ELEMENTS (group_measures);
  RexianDepartmentEvaluation total = { 0 };

  g_ptr_array_add (headings, g_strdup (first_heading));
  g_ptr_array_add (headings, g_strdup (_("Orders")));
  if (!full)
    g_ptr_array_add (headings, g_strdup (_("Share of orders")));
  g_ptr_array_add (headings, g_strdup (_("Transferred to departments")));
  for (guint i = 0; i < n_measures; i++)
    g_ptr_array_add (headings, measure_heading (measures[i]));
  table_set_headings (table, headings);

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      const RexianOrderGroup *group = g_ptr_array_index (groups, i);
      const char *label = group->label;

      if (label == NULL || *label == '\0')
        label = no_key_label;
      add_group_row (table, label, &group->stats, report->orders.orders, full,
                     full ? find_evaluation (report, group->key, NULL) : NULL);
    }

  add_group_row (table, _("Total"), &report->orders, report->orders.orders, full,
                 full ? find_evaluation (report, -1, &total) : NULL);

  return table;
}

static RexianReportTable *
build_states (const RexianStatsReport *report)
{
  RexianReportTable *table = table_new (_("By state"), _("By state"));
  GPtrArray *headings = g_ptr_array_new ();
  gint64 total = 0;

  g_ptr_array_add (headings, g_strdup (_("State now")));
  g_ptr_array_add (headings, g_strdup (_("Orders")));
  table_set_headings (table, headings);

  for (guint i = 0; i < REXIAN_N_STATES; i++)
    {
      add_text (table, rexian_state_get_label (i));
      add_count (table, report->orders_by_state[i]);
      total += report->orders_by_state[i];
    }
  add_text (table, _("Total"));
  add_count (table, total);

  return table;
}

static RexianReportTable *
build_waits (const RexianStatsReport *report)
{
  RexianReportTable *table = table_new (_("Wait times"), _("Wait times"));
  GPtrArray *headings = g_ptr_array_new ();

  g_ptr_array_add (headings, g_strdup (_("Wait")));
  g_ptr_array_add (headings, measure_heading (REXIAN_MEASURE_ANSWERED));
  g_ptr_array_add (headings, measure_heading (REXIAN_MEASURE_ABANDONED));
  table_set_headings (table, headings);

  for (guint i = 0; i < REXIAN_N_WAIT_BUCKETS; i++)
    {
      add_text (table, rexian_wait_bucket_get_label (i));
      add_count (table, report->calls.answered_waits[i]);
      add_count (table, report->calls.abandoned_waits[i]);
    }

  return table;
}

static RexianReportTable *
build_warnings (GPtrArray *clusters)
{
  RexianReportTable *table = table_new (_("Early warning"), _("Early warning"));
  GPtrArray *headings = g_ptr_array_new ();

  g_ptr_array_add (headings, g_strdup (_("Kind")));
  g_ptr_array_add (headings, g_strdup (_("Category")));
  g_ptr_array_add (headings, g_strdup (_("Area or shared request")));
  g_ptr_array_add (headings, g_strdup (_("Orders")));
  g_ptr_array_add (headings, g_strdup (_("First")));
  g_ptr_array_add (headings, g_strdup (_("Last")));
  table_set_headings (table, headings);
  table->wide_column = 2;

  for (guint i = 0; clusters != NULL && i < clusters->len; i++)
    {
      const RexianWarningCluster *cluster = g_ptr_array_index (clusters, i);
      gboolean place = cluster->kind == REXIAN_WARNING_SAME_PLACE;

      add_text (table, place ? _("Same category and place") : _("Similar requests"));
      add_text (table, cluster->category_name != NULL && *cluster->category_name != '\0'
                         ? cluster->category_name : (place ? _("No category") : ""));
      add_text (table, place ? cluster->area : cluster->text);
      add_count (table, cluster->order_ids != NULL ? cluster->order_ids->len : 0);
      add_cell (table, REXIAN_REPORT_CELL_DATETIME, NULL, (double) cluster->first_at);
      add_cell (table, REXIAN_REPORT_CELL_DATETIME, NULL, (double) cluster->last_at);
    }

  return table;
}

static gboolean
sheet_name_is_free (GPtrArray  *tables,
                    guint       before,
                    const char *name)
{
  for (guint j = 0; j < before; j++)
    {
      RexianReportTable *other = g_ptr_array_index (tables, j);

      if (g_utf8_collate (other->sheet_name, name) == 0)
        return FALSE;
    }

  return TRUE;
}

/* Excel allows neither these characters nor more than 31 characters in a worksheet
 * name, and no two alike; translations may break either rule. */
static void
fix_sheet_names (GPtrArray *tables)
{
  for (guint i = 0; i < tables->len; i++)
    {
      RexianReportTable *table = g_ptr_array_index (tables, i);
      g_autoptr(GString) base = g_string_new (NULL);
      g_autofree char *name = NULL;
      guint n = 0;

      /* Room is left for a number that makes a repeated name unique. */
      for (const char *p = table->sheet_name; *p != '\0' && n < SHEET_NAME_MAX - 4;
           p = g_utf8_next_char (p), n++)
        {
          gunichar c = g_utf8_get_char (p);

          g_string_append_unichar (base, c < 128 && strchr ("[]:*?/\\'", (int) c) ? ' ' : c);
        }

      name = g_strdup (base->str);
      for (guint k = 2; *name == '\0' || !sheet_name_is_free (tables, i, name); k++)
        {
          g_free (name);
          name = g_strdup_printf ("%s %u", base->str, k);
        }

      g_free (table->sheet_name);
      table->sheet_name = g_steal_pointer (&name);
    }
}

char *
rexian_report_describe_period (const RexianPeriod *period)
{
  g_autofree char *dates = rexian_period_format (period);

  switch (period->kind)
    {
    case REXIAN_PERIOD_DAY:
      /* Translators: the period of a daily report; %s is the date. */
      return g_strdup_printf (_("Day: %s"), dates);
    case REXIAN_PERIOD_WEEK:
      /* Translators: the period of a weekly report; %s is its first and last day. */
      return g_strdup_printf (_("Week: %s"), dates);
    case REXIAN_PERIOD_MONTH:
      return g_strdup_printf (_("Month: %s"), dates);
    case REXIAN_PERIOD_YEAR:
      return g_strdup_printf (_("Year: %s"), dates);
    case REXIAN_PERIOD_LAST_24H:
      return g_strdup_printf (_("Last 24 hours: %s"), dates);
    case REXIAN_PERIOD_CUSTOM:
    default:
      return g_strdup_printf (_("Period: %s"), dates);
    }
}

RexianReportDocument *
rexian_report_document_new (const RexianStatsReport *report,
                            GPtrArray               *clusters,
                            gint64                   produced_at)
{
  RexianReportDocument *document;
  g_autoptr(GDateTime) produced = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  produced = g_date_time_new_from_unix_local (produced_at);
  when = g_date_time_format (produced, "%Y-%m-%d %H:%M");

  document = g_new0 (RexianReportDocument, 1);
  g_atomic_ref_count_init (&document->ref_count);
  /* Translators: the heading of every statistics report (12345政务服务便民热线统计报表). */
  document->title = g_strdup (_("12345 Government Service Hotline Statistics Report"));
  document->period_text = rexian_report_describe_period (&report->period);
  /* Translators: %s is the date and time the report was made. */
  document->produced_text = g_strdup_printf (_("Produced %s"), when);
  document->period = report->period;
  document->tables = g_ptr_array_new_with_free_func (table_free);

  g_ptr_array_add (document->tables, build_summary (report));
  g_ptr_array_add (document->tables, build_parts (report));
  g_ptr_array_add (document->tables,
                   build_groups (report, report->by_department, _("By department"),
                                 _("Department"), _("Not dispatched"), TRUE));
  g_ptr_array_add (document->tables,
                   build_groups (report, report->by_category, _("By category"),
                                 _("Category"), _("No category"), FALSE));
  g_ptr_array_add (document->tables,
                   build_groups (report, report->by_channel, _("By channel"),
                                 _("Channel"), _("Unknown"), FALSE));
  g_ptr_array_add (document->tables,
                   build_groups (report, report->by_kind, _("By request kind"),
                                 _("Request kind"), _("Unknown"), FALSE));
  g_ptr_array_add (document->tables, build_states (report));
  g_ptr_array_add (document->tables, build_waits (report));
  g_ptr_array_add (document->tables, build_warnings (clusters));

  fix_sheet_names (document->tables);

  return document;
}

RexianReportDocument *
rexian_report_document_new_blank (const char *title,
                                  const char *period_text,
                                  gint64      produced_at)
{
  RexianReportDocument *document;
  g_autoptr(GDateTime) produced = g_date_time_new_from_unix_local (produced_at);
  g_autofree char *when = g_date_time_format (produced, "%Y-%m-%d %H:%M");

  g_return_val_if_fail (title != NULL && period_text != NULL, NULL);

  document = g_new0 (RexianReportDocument, 1);
  g_atomic_ref_count_init (&document->ref_count);
  document->title = g_strdup (title);
  document->period_text = g_strdup (period_text);
  document->produced_text = g_strdup_printf (_("Produced %s"), when);
  document->tables = g_ptr_array_new_with_free_func (table_free);

  return document;
}

RexianReportTable *
rexian_report_document_add_table (RexianReportDocument *document,
                                  const char           *title,
                                  const char           *sheet_name,
                                  const char *const    *headings)
{
  RexianReportTable *table = table_new (title, sheet_name);
  GPtrArray *copy = g_ptr_array_new ();

  for (guint i = 0; headings[i] != NULL; i++)
    g_ptr_array_add (copy, g_strdup (headings[i]));
  table_set_headings (table, copy);
  g_ptr_array_add (document->tables, table);
  fix_sheet_names (document->tables);

  return table;
}

void
rexian_report_table_add_text (RexianReportTable *table,
                              const char        *text)
{
  add_text (table, text);
}

void
rexian_report_table_add_time (RexianReportTable *table,
                              gint64             at)
{
  if (at > 0)
    add_cell (table, REXIAN_REPORT_CELL_DATETIME, NULL, (double) at);
  else
    add_text (table, "");
}

RexianReportDocument *
rexian_report_document_load (RexianStore         *store,
                             const RexianPeriod  *period,
                             gint64               now,
                             guint                threshold,
                             GError             **error)
{
  g_autoptr(RexianStatsReport) report = NULL;
  g_autoptr(GPtrArray) clusters = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  report = rexian_store_stats_report (store, period, now, error);
  if (report == NULL)
    return NULL;

  clusters = rexian_store_stats_find_clusters (store, period, threshold, error);
  if (clusters == NULL)
    return NULL;

  return rexian_report_document_new (report, clusters, now);
}

RexianReportDocument *
rexian_report_document_ref (RexianReportDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  g_atomic_ref_count_inc (&document->ref_count);

  return document;
}

void
rexian_report_document_unref (RexianReportDocument *document)
{
  if (document == NULL || !g_atomic_ref_count_dec (&document->ref_count))
    return;

  g_free (document->title);
  g_free (document->period_text);
  g_free (document->produced_text);
  g_free (document->header_text);
  g_ptr_array_unref (document->tables);
  g_free (document);
}

const RexianReportCell *
rexian_report_table_get_cell (const RexianReportTable *table,
                              guint                    row,
                              guint                    column)
{
  g_return_val_if_fail (row < table->n_rows && column < table->n_columns, NULL);

  return &g_array_index (table->cells, RexianReportCell, row * table->n_columns + column);
}

char *
rexian_report_cell_format (const RexianReportCell *cell)
{
  switch (cell->kind)
    {
    case REXIAN_REPORT_CELL_TEXT:
      return g_strdup (cell->text);
    case REXIAN_REPORT_CELL_COUNT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) cell->value);
    case REXIAN_REPORT_CELL_RATIO:
      /* Translators: a percentage in a report, e.g. "95.2%". */
      return g_strdup_printf (_("%.1f%%"), cell->value * 100.0);
    case REXIAN_REPORT_CELL_SECONDS:
      /* Translators: a time in seconds in a report, e.g. "12.5 s". */
      return g_strdup_printf (_("%.1f s"), cell->value);
    case REXIAN_REPORT_CELL_DATETIME:
      {
        g_autoptr(GDateTime) at = g_date_time_new_from_unix_local ((gint64) cell->value);

        return at != NULL ? g_date_time_format (at, "%Y-%m-%d %H:%M") : g_strdup ("");
      }
    case REXIAN_REPORT_CELL_EMPTY:
    default:
      return g_strdup ("—");
    }
}
