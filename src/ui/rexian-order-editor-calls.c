/* rexian-order-editor-calls.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Calls section of a stored order: the calls taken or made for it (the call log's
 * rows linked to the order), newest first, each with its recording's player, so that
 * whoever handles the order can hear what the caller said in their own words. */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-order-editor-private.h"
#include "rexian-recording-player.h"
#include "rexian-store-calls.h"

/* As the caller's phone in the form: masked for a confidential order until revealed. */
static char *
display_number (RexianOrderEditor *self,
                const char        *number)
{
  if (rexian_work_order_get_confidential (self->order) && !self->revealed)
    return rexian_mask_phone (number);

  return g_strdup (number);
}

static char *
format_duration (gint64 seconds)
{
  if (seconds >= 60)
    /* Translators: how long a call lasted, in minutes and seconds: "3 min 05 s". */
    return g_strdup_printf (_("%d min %02d s"), (int) (seconds / 60), (int) (seconds % 60));

  /* Translators: how long a call lasted, in seconds: "12 s". */
  return g_strdup_printf (_("%d s"), (int) seconds);
}

/* Why a call has nothing to play. */
static const char *
no_recording_reason (RexianCallRecord *record)
{
  if (record->answered_at == 0)
    return record->outcome >= 0 ? _("Not answered, nothing recorded") : NULL;

  return record->outcome >= 0 ? _("Not recorded") : _("Recording until the call ends");
}

static GtkWidget *
call_row_new (RexianOrderEditor *self,
              RexianCallRecord  *record,
              GHashTable        *old_players)
{
  gboolean incoming = record->direction == REXIAN_CALL_RECORD_INCOMING;
  gboolean recorded = record->recording_path != NULL && record->recording_path[0] != '\0'
                      && record->outcome >= 0;
  g_autofree char *number = display_number (self, record->remote_number);
  g_autofree char *when = _rexian_order_editor_format_time (record->offered_at);
  g_autoptr(GString) subtitle = g_string_new (when);
  const char *direction = rexian_call_record_direction_get_label (record->direction);
  const char *reason = recorded ? NULL : no_recording_reason (record);
  GtkWidget *icon = gtk_image_new_from_icon_name (incoming ? "call-incoming-symbolic"
                                                           : "call-outgoing-symbolic");
  GtkWidget *row;

  g_string_append_printf (subtitle, " · %s", direction);
  if (record->answered_at > 0 && record->ended_at > 0)
    {
      g_autofree char *talk = format_duration (rexian_call_record_get_talk_seconds (record));

      g_string_append_printf (subtitle, " · %s", talk);
    }
  g_string_append_printf (subtitle, " · %s",
                          record->outcome >= 0 ? rexian_call_outcome_get_label (record->outcome)
                                               : _("In progress"));
  if (record->agent_name != NULL)
    g_string_append_printf (subtitle, " · %s", record->agent_name);
  if (reason != NULL)
    g_string_append_printf (subtitle, " · %s", reason);

  gtk_widget_set_tooltip_text (icon, direction);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  direction, -1);

  if (!recorded)
    {
      row = adw_action_row_new ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
    }
  else
    {
      GtkWidget *player_row = rexian_recording_player_table_take (old_players,
                                                                  self->call_players,
                                                                  record->call_id,
                                                                  record->recording_path);
      GtkWidget *player = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (player_row));

      rexian_recording_player_set_duration_hint (REXIAN_RECORDING_PLAYER (player),
                                                 rexian_call_record_get_talk_seconds (record)
                                                 * 1000);
      row = adw_expander_row_new ();
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), player_row);
      /* An order has few calls: their players are open from the start. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), number);
  gtk_widget_add_css_class (row, "order-call-row");

  return row;
}

static void
show_calls (RexianOrderEditor *self,
            GPtrArray         *calls)
{
  g_autoptr(GHashTable) old_players = g_steal_pointer (&self->call_players);
  g_autoptr(GPtrArray) old_rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->calls_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (old_rows, child);

  /* The new rows take the players out of the old ones before these go, so that a
   * recording being listened to plays on. */
  self->call_players = rexian_recording_player_table_new ();
  for (guint i = 0; i < calls->len; i++)
    gtk_list_box_append (self->calls_list,
                         call_row_new (self, g_ptr_array_index (calls, i), old_players));

  for (guint i = 0; i < old_rows->len; i++)
    gtk_list_box_remove (self->calls_list, g_ptr_array_index (old_rows, i));

  adw_preferences_group_set_description (self->calls_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->calls_group), calls->len > 0);
}

typedef struct
{
  GWeakRef editor;
  guint    generation;
} CallsLoad;

static void
calls_load_free (CallsLoad *load)
{
  g_weak_ref_clear (&load->editor);
  g_free (load);
}

static void
on_calls_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CallsLoad *load = user_data;
  g_autoptr(RexianOrderEditor) self = g_weak_ref_get (&load->editor);
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = load->generation;

  calls_load_free (load);
  calls = rexian_store_list_calls_for_order_finish (REXIAN_STORE (source), result, &error);

  /* The window closed, or a newer load (another seat's change) will show its list. */
  if (self == NULL || generation != self->calls_generation || self->order == NULL)
    return;

  if (calls == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The calls of this order could not be "
                                                 "read: %s"), error->message);

      adw_preferences_group_set_description (self->calls_group, text);
      gtk_widget_set_visible (GTK_WIDGET (self->calls_group), TRUE);
      return;
    }

  show_calls (self, calls);
}

void
_rexian_order_editor_update_calls (RexianOrderEditor *self)
{
  CallsLoad *load;

  self->calls_generation++;

  if (self->order == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      show_calls (self, none);
      return;
    }

  /* Read on the store's worker thread: the window never waits for the database. */
  load = g_new0 (CallsLoad, 1);
  g_weak_ref_init (&load->editor, self);
  load->generation = self->calls_generation;
  rexian_store_list_calls_for_order_async (self->store, rexian_work_order_get_id (self->order),
                                           self->cancellable, on_calls_loaded, load);
}
