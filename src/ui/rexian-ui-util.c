/* rexian-ui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-ui-util.h"

char *
rexian_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

void
rexian_text_view_set_text (GtkTextView *view,
                           const char  *text)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

char *
rexian_editable_dup_text (GtkEditable *editable)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  text = g_strdup (gtk_editable_get_text (editable));
  g_strstrip (text);

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

char *
rexian_deadline_describe (RexianCalendar            *calendar,
                          const RexianDeadlineRules *rules,
                          RexianWorkOrder           *order,
                          gint64                     now,
                          const char               **out_css_class)
{
  g_autoptr(GError) error = NULL;
  RexianDeadlineColor color = REXIAN_DEADLINE_NONE;
  gint64 deadline = rexian_work_order_get_running_deadline (order);
  int remaining = 0;

  if (out_css_class != NULL)
    *out_css_class = NULL;

  if (deadline == 0)
    return NULL;

  if (calendar == NULL
      || !rexian_deadline_get_color (calendar, rules, deadline, now, &color, &remaining, &error))
    {
      if (out_css_class != NULL)
        *out_css_class = "deadline-unknown";
      /* The holiday data does not reach the deadline: say so rather than guess. */
      return g_strdup (_("Deadline beyond the holiday data"));
    }

  if (out_css_class != NULL)
    {
      switch (color)
        {
        case REXIAN_DEADLINE_GREEN:
          *out_css_class = "deadline-green";
          break;
        case REXIAN_DEADLINE_YELLOW:
          *out_css_class = "deadline-yellow";
          break;
        case REXIAN_DEADLINE_RED:
          *out_css_class = "deadline-red";
          break;
        case REXIAN_DEADLINE_NONE:
        default:
          break;
        }
    }

  switch (color)
    {
    case REXIAN_DEADLINE_RED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Overdue by %d working day",
                                           "Overdue by %d working days", -remaining),
                              -remaining);
    case REXIAN_DEADLINE_YELLOW:
    case REXIAN_DEADLINE_GREEN:
      if (remaining <= 0)
        return g_strdup (_("Due today"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d working day left",
                                           "%d working days left", remaining),
                              remaining);
    case REXIAN_DEADLINE_NONE:
    default:
      return NULL;
    }
}

void
rexian_thresholds_load (RexianThresholds *thresholds,
                        GSettings        *settings)
{
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *name;
  double bad, warning;

  g_return_if_fail (thresholds != NULL);

  rexian_thresholds_init_default (thresholds);
  if (settings == NULL)
    return;

  value = g_settings_get_value (settings, "measure-thresholds");
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "{&s(dd)}", &name, &bad, &warning))
    {
      RexianMeasure measure;

      if (rexian_measure_from_string (name, &measure))
        rexian_thresholds_set (thresholds, measure, bad, warning);
      else
        g_debug ("Unknown measure “%s” in measure-thresholds", name);
    }
}

char *
rexian_format_clock_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return g_date_time_format (time, "%H:%M:%S");
}

void
rexian_widget_dispose_template (GtkWidget *widget,
                                GType      widget_type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, widget_type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
