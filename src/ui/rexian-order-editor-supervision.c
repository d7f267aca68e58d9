/* rexian-order-editor-supervision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Supervision section of a stored order (督办, GB/T 33358: "督办情况应在工单内做好
 * 记录"): every record with its cause, method, the person responsible, its time and its
 * outcome, oldest first, with buttons to add a record and to record an outcome. */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-order-editor-private.h"
#include "rexian-store-supervision.h"
#include "rexian-supervision-dialog.h"

typedef struct
{
  GWeakRef editor;
  guint    generation;
} SupervisionLoad;

static void
on_outcome_clicked (GtkButton *button,
                    gpointer   user_data)
{
  RexianOrderEditor *self = user_data;
  RexianSupervisionRecord *record = g_object_get_data (G_OBJECT (button), "record");
  RexianSupervisionDialog *dialog;

  dialog = rexian_supervision_dialog_new_outcome (GTK_WINDOW (self), self->store, record,
                                                  self->agent_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (_rexian_order_editor_update_supervision),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
record_row_new (RexianOrderEditor             *self,
                const RexianSupervisionRecord *record)
{
  g_autofree char *title = NULL;
  g_autofree char *when = _rexian_order_editor_format_time (record->at);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gboolean pending = record->outcome == NULL || record->outcome[0] == '\0';
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Translators: a supervision record's title: its cause and method, "Overdue · SMS". */
  title = g_strdup_printf (_("%s · %s"), rexian_supervise_reason_get_label (record->cause),
                           rexian_supervise_method_get_label (record->method));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  g_string_append (subtitle, when);
  if (record->responsible != NULL && record->responsible[0] != '\0')
    g_string_append_printf (subtitle, " · %s", record->responsible);
  if (record->note != NULL && record->note[0] != '\0')
    g_string_append_printf (subtitle, " · %s", record->note);
  g_string_append (subtitle, "\n");
  if (pending)
    g_string_append (subtitle, _("Outcome pending"));
  else
    {
      g_autofree char *outcome_at = _rexian_order_editor_format_time (record->outcome_at);

      /* Translators: a supervision record's outcome and when it was recorded. */
      g_string_append_printf (subtitle, _("Outcome: %s (%s)"), record->outcome, outcome_at);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_add_css_class (row, "supervision-record-row");
  if (pending)
    gtk_widget_add_css_class (row, "supervision-pending");

  /* An archived order is read-only, its supervision records too. */
  if (self->order != NULL &&
      rexian_work_order_get_state (self->order) != REXIAN_STATE_ARCHIVED)
    {
      button = gtk_button_new_with_label (pending ? _("Record Outcome…")
                                                  : _("Change Outcome…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "record",
                              rexian_supervision_record_copy (record),
                              rexian_supervision_record_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_outcome_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
show_records (RexianOrderEditor *self,
              GPtrArray         *records)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->supervision_list))) != NULL)
    gtk_list_box_remove (self->supervision_list, child);

  for (guint i = 0; records != NULL && i < records->len; i++)
    gtk_list_box_append (self->supervision_list,
                         record_row_new (self, g_ptr_array_index (records, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->supervision_list),
                          records != NULL && records->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->supervision_group), self->order != NULL);
  if (self->order != NULL && (records == NULL || records->len == 0))
    adw_preferences_group_set_description (self->supervision_group,
                                           rexian_work_order_get_supervised (self->order)
                                           ? _("Supervised, with no record yet.")
                                           : _("Not under supervision."));
  else
    adw_preferences_group_set_description (self->supervision_group, NULL);
}

static void
on_records_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SupervisionLoad *load = user_data;
  g_autoptr(RexianOrderEditor) self = g_weak_ref_get (&load->editor);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = load->generation;

  g_weak_ref_clear (&load->editor);
  g_free (load);
  records = rexian_store_supervision_list_finish (REXIAN_STORE (source), result, &error);

  /* The window closed, or a newer load will show its list. */
  if (self == NULL || generation != self->supervision_generation || self->order == NULL)
    return;

  if (records == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The supervision records could not be read: "
                                                 "%s"), error->message);

      show_records (self, NULL);
      adw_preferences_group_set_description (self->supervision_group, text);
      return;
    }

  show_records (self, records);

  /* A record or an outcome from this or another seat writes a timeline line without
   * changing the order's version: read the timeline again when the records changed. */
  {
    g_autoptr(GString) fingerprint = g_string_new (NULL);
    const char *shown = g_object_get_data (G_OBJECT (self->supervision_list), "fingerprint");

    for (guint i = 0; i < records->len; i++)
      {
        RexianSupervisionRecord *record = g_ptr_array_index (records, i);

        g_string_append_printf (fingerprint, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";",
                                record->id, record->outcome_at);
      }

    if (shown != NULL && !g_str_equal (shown, fingerprint->str))
      _rexian_order_editor_update_timeline (self);
    g_object_set_data_full (G_OBJECT (self->supervision_list), "fingerprint",
                            g_string_free (g_steal_pointer (&fingerprint), FALSE), g_free);
  }
}

void
_rexian_order_editor_update_supervision (RexianOrderEditor *self)
{
  SupervisionLoad *load;

  self->supervision_generation++;

  /* New records only while the order is being handled (not once closed or archived);
   * an order already supervised may be chased again. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-supervision",
                                 self->order != NULL &&
                                 rexian_work_order_get_state (self->order) < REXIAN_STATE_CLOSED);

  if (self->order == NULL)
    {
      show_records (self, NULL);
      return;
    }

  load = g_new0 (SupervisionLoad, 1);
  g_weak_ref_init (&load->editor, self);
  load->generation = self->supervision_generation;
  rexian_store_list_supervision_records_async (self->store,
                                               rexian_work_order_get_id (self->order),
                                               self->cancellable, on_records_loaded, load);
}

void
_rexian_order_editor_add_supervision (RexianOrderEditor *self)
{
  RexianSupervisionDialog *dialog;

  g_return_if_fail (self->order != NULL);

  dialog = rexian_supervision_dialog_new_record (GTK_WINDOW (self), self->store,
                                                 rexian_work_order_get_id (self->order),
                                                 rexian_work_order_get_number (self->order),
                                                 self->agent_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (_rexian_order_editor_update_supervision),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_supervision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RexianOrderEditor *self = REXIAN_ORDER_EDITOR (widget);

  if (self->order != NULL)
    _rexian_order_editor_add_supervision (self);
}

void
_rexian_order_editor_install_supervision (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, supervision_group);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, supervision_list);
  gtk_widget_class_install_action (widget_class, "editor.add-supervision", NULL,
                                   add_supervision_action);
}

guint
_rexian_order_editor_get_supervision_count (RexianOrderEditor *self)
{
  guint count = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->supervision_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count++;

  return count;
}
