/* rexian-order-editor-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The repeated caller panel of the intake form.  Once enough of a phone number is typed,
 * the caller's earlier orders are listed, so that the agent sees at once whether this
 * is the same matter again and can merge the new request into the earlier order (并单):
 * the new request is still recorded, then closed as merged, and the earlier order keeps
 * a note of it. */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-order-editor-private.h"

/* Typing is given this long to pause before the store is asked. */
#define HISTORY_DELAY_MS 300
/* Fewer digits than this match too many unrelated numbers to be of use. */
#define HISTORY_MIN_DIGITS 7
#define HISTORY_LIMIT 20

static guint
count_digits (const char *text)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n++;
    }

  return n;
}

static void
remove_rows (RexianOrderEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
}

void
_rexian_order_editor_history_clear (RexianOrderEditor *self)
{
  g_clear_handle_id (&self->history_timeout_id, g_source_remove);
  remove_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
}

static gboolean
history_timeout (gpointer user_data)
{
  RexianOrderEditor *self = user_data;

  self->history_timeout_id = 0;
  _rexian_order_editor_history_refresh (self);

  return G_SOURCE_REMOVE;
}

void
_rexian_order_editor_history_schedule (RexianOrderEditor *self)
{
  g_clear_handle_id (&self->history_timeout_id, g_source_remove);
  self->history_timeout_id = g_timeout_add (HISTORY_DELAY_MS, history_timeout, self);
}

/* The rule the store applies to a merge (并单), for a request that is not saved yet:
 * a blank order stands for it, and its id of 0 cannot clash with a stored one. */
static gboolean
can_take_merge (RexianWorkOrder  *target,
                GError          **error)
{
  g_autoptr(RexianWorkOrder) request = rexian_work_order_new ();

  return rexian_lifecycle_check_merge_target (request, target, error);
}

static GtkWidget *
new_history_row (RexianWorkOrder *order)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *when = NULL;
  g_autofree char *caller = NULL;
  g_autoptr(GDateTime) created = NULL;
  const char *summary = rexian_work_order_get_summary (order);
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *label;

  created = g_date_time_new_from_unix_local (rexian_work_order_get_created_at (order));
  when = created != NULL ? g_date_time_format (created, "%Y-%m-%d") : g_strdup ("");
  /* Masked for a confidential order, as everywhere else. */
  caller = rexian_work_order_dup_display_caller (order);

  title = g_strdup_printf ("%s · %s", rexian_work_order_get_number (order),
                           rexian_state_get_label (rexian_work_order_get_state (order)));
  if (caller != NULL && caller[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s · %s", when, caller, summary ? summary : "");
  else
    subtitle = g_strdup_printf ("%s · %s", when, summary ? summary : "");

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  /* A closed, archived or merged order is listed for the record, without the offer. */
  if (!can_take_merge (order, NULL))
    return row;

  /* The label wraps so the button stays narrow enough for a phone-sized window. */
  label = gtk_label_new (_("Merge into this order"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.merge-into");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                    rexian_work_order_get_id (order));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "merge-button", button);

  return row;
}

/* One indexed read on the store's main connection, quick enough for the main loop. */
void
_rexian_order_editor_history_refresh (RexianOrderEditor *self)
{
  g_autofree char *phone = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->history_timeout_id, g_source_remove);
  remove_rows (self);

  phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));
  if (self->order != NULL || count_digits (phone) < HISTORY_MIN_DIGITS)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      return;
    }

  orders = rexian_store_find_by_phone (self->store, phone, HISTORY_LIMIT, &error);
  if (orders == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The caller’s earlier requests could not be "
                                                 "read: %s"), error->message);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_add_css_class (label, "error");
      gtk_list_box_append (self->history_list, label);
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), TRUE);
      return;
    }

  for (guint i = 0; i < orders->len; i++)
    gtk_list_box_append (self->history_list, new_history_row (g_ptr_array_index (orders, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->history_group), orders->len > 0);
}

void
_rexian_order_editor_merge_into (RexianOrderEditor *self,
                                 gint64             target_id)
{
  g_autoptr(RexianWorkOrder) target = NULL;
  g_autoptr(GError) error = NULL;

  if (self->order != NULL || self->busy)
    return;

  target = rexian_store_get_order (self->store, target_id, &error);
  if (target == NULL)
    {
      _rexian_order_editor_show_message (self, error->message);
      return;
    }

  /* The target may have been closed since the list was shown.  Checking before the
   * request is saved keeps it from being recorded only to have the merge refused. */
  if (!can_take_merge (target, &error))
    {
      _rexian_order_editor_show_message (self, error->message);
      _rexian_order_editor_history_schedule (self);
      return;
    }

  self->merge_target_id = target_id;
  g_free (self->merge_target_number);
  self->merge_target_number = g_strdup (rexian_work_order_get_number (target));

  _rexian_order_editor_create (self, REXIAN_AFTER_CREATE_MERGE);
}

guint
_rexian_order_editor_get_history_merge_count (RexianOrderEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (REXIAN_IS_ORDER_EDITOR (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "merge-button") != NULL)
        n++;
    }

  return n;
}

guint
_rexian_order_editor_get_history_count (RexianOrderEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (REXIAN_IS_ORDER_EDITOR (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        n++;
    }

  return n;
}
