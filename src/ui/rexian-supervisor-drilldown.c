/* rexian-supervisor-drilldown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-records.h"
#include "rexian-supervisor-drilldown.h"
#include "rexian-work-order.h"

struct _RexianSupervisorDrilldown
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkListBox     *list;
  guint           n_rows;
};

G_DEFINE_FINAL_TYPE (RexianSupervisorDrilldown, rexian_supervisor_drilldown, ADW_TYPE_WINDOW)

enum {
  OPEN_ORDER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_time (gint64 at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at);

  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
}

static GtkWidget *
new_call_row (const RexianCallRecord *call)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *offered = format_time (call->offered_at);
  g_autofree char *title = g_strdup_printf ("%s · %s",
                                            call->remote_number != NULL && *call->remote_number
                                            ? call->remote_number : _("Unknown number"),
                                            offered);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gint64 waited = (call->answered_at > 0 ? call->answered_at
                   : call->ended_at > 0 ? call->ended_at : call->offered_at) - call->offered_at;

  g_string_append_printf (subtitle, _("Waited %d s"), (int) MAX (waited, 0));
  if (call->agent_name != NULL)
    g_string_append_printf (subtitle, _(" · answered by %s"), call->agent_name);
  if (call->outcome >= 0)
    g_string_append_printf (subtitle, " · %s",
                            rexian_call_outcome_get_label ((RexianCallOutcome) call->outcome));
  if (call->order_number != NULL)
    g_string_append_printf (subtitle, _(" · order %s"), call->order_number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  return row;
}

static GtkWidget *
new_order_row (RexianWorkOrder *order)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s · %s", rexian_work_order_get_number (order),
                                            rexian_state_get_label (rexian_work_order_get_state (order)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               rexian_work_order_get_summary (order) != NULL
                               ? rexian_work_order_get_summary (order) : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "order", g_object_ref (order), g_object_unref);
  return row;
}

static void
on_row_activated (RexianSupervisorDrilldown *self,
                  GtkListBoxRow             *row)
{
  RexianWorkOrder *order = g_object_get_data (G_OBJECT (row), "order");

  if (order != NULL)
    g_signal_emit (self, signals[OPEN_ORDER], 0, order);
}

static void
rexian_supervisor_drilldown_class_init (RexianSupervisorDrilldownClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[OPEN_ORDER] = g_signal_new ("open-order", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, REXIAN_TYPE_WORK_ORDER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-supervisor-drilldown.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorDrilldown, window_title);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorDrilldown, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_supervisor_drilldown_init (RexianSupervisorDrilldown *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rexian_supervisor_drilldown_new (GtkWindow  *parent,
                                 const char *title,
                                 gboolean    calls,
                                 GPtrArray  *items)
{
  RexianSupervisorDrilldown *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (REXIAN_TYPE_SUPERVISOR_DRILLDOWN, "transient-for", parent,
                       "title", title, NULL);
  adw_window_title_set_title (self->window_title, title);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", items->len),
                              items->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->list, calls ? new_call_row (g_ptr_array_index (items, i))
                                           : new_order_row (g_ptr_array_index (items, i)));
  self->n_rows = items->len;

  if (items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing to list"));
      gtk_list_box_append (self->list, row);
    }

  return GTK_WIDGET (self);
}

guint
rexian_supervisor_drilldown_get_n_rows (RexianSupervisorDrilldown *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISOR_DRILLDOWN (self), 0);

  return self->n_rows;
}
