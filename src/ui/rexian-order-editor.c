/* rexian-order-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "rexian-order-editor.h"
#include "rexian-order-editor-private.h"
#include "rexian-order-editor-wrap-layout.h"
#include "rexian-transition-dialog.h"
#include "rexian-ui-util.h"

G_DEFINE_FINAL_TYPE (RexianOrderEditor, rexian_order_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ORDER_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The caller's title is stored as the record form writes it (先生, 女士), so that the
 * stored data reads the same whatever language the seat's interface uses.  Position 0
 * of the combo means not specified. */
static const char * const caller_titles[] = { NULL, "先生", "女士" };

static void update_mode          (RexianOrderEditor *self);

static void
set_editable_text (gpointer    editable,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

char *
_rexian_order_editor_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_time == 0)
    return g_strdup ("");

  time = g_date_time_new_from_unix_local (unix_time);
  if (time == NULL)
    return g_strdup ("");

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

/* Reads "YYYY-MM-DD HH:MM" (or a bare date, meaning its start) as local time.  An empty
 * text is a valid "not known". */
static gboolean
parse_event_time (const char  *text,
                  gint64      *out_time,
                  char       **out_message)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) now = NULL;
  int year, month, day, hour = 0, minute = 0;
  int consumed = 0;

  *out_time = 0;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  if (!(sscanf (text, "%4d-%2d-%2d %2d:%2d%n", &year, &month, &day, &hour, &minute,
                &consumed) == 5 && text[consumed] == '\0'))
    {
      consumed = 0;
      hour = minute = 0;
      if (!(sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) == 3
            && text[consumed] == '\0'))
        {
          *out_message = g_strdup (_("Write the event time as year-month-day and hour:minute, "
                                     "for example 2026-03-05 14:30."));
          return FALSE;
        }
    }

  if (hour < 0 || hour > 23 || minute < 0 || minute > 59
      || (time = g_date_time_new_local (year, month, day, hour, minute, 0)) == NULL)
    {
      *out_message = g_strdup_printf (_("“%s” is not a valid time."), text);
      return FALSE;
    }

  /* A few minutes of slack allow for clocks that differ between seats. */
  now = g_date_time_new_now_local ();
  if (g_date_time_difference (time, now) > 10 * G_TIME_SPAN_MINUTE)
    {
      *out_message = g_strdup (_("The event time is in the future. Check the date."));
      return FALSE;
    }

  *out_time = g_date_time_to_unix (time);
  return TRUE;
}

void
_rexian_order_editor_show_message (RexianOrderEditor *self,
                                   const char        *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

void
_rexian_order_editor_show_toast (RexianOrderEditor *self,
                                 const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
_rexian_order_editor_set_busy (RexianOrderEditor *self,
                               gboolean           busy)
{
  self->busy = !!busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  _rexian_order_editor_update_action_states (self);
}

void
_rexian_order_editor_update_action_states (RexianOrderEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean intake = self->order == NULL;
  gboolean idle = !self->busy;

  gtk_widget_action_set_enabled (widget, "editor.save",
                                 idle && self->editable && (intake || self->dirty));
  gtk_widget_action_set_enabled (widget, "editor.save-and-submit", idle && intake);
  gtk_widget_action_set_enabled (widget, "editor.answer-and-close", idle && intake);
  gtk_widget_action_set_enabled (widget, "editor.merge-into", idle && intake);
  gtk_widget_action_set_enabled (widget, "editor.apply-action", idle && !intake);
  gtk_widget_action_set_enabled (widget, "editor.reveal", !intake && !self->revealed);
  _rexian_order_editor_update_print_actions (self);
}

static void
update_confidential_hint (RexianOrderEditor *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  /* GB/T 33358 asks agents to offer confidentiality to anyone who complains about or
   * reports someone, so the hint appears exactly when that question is due. */
  if (self->editable && (kind == REXIAN_REQUEST_COMPLAINT || kind == REXIAN_REQUEST_REPORT))
    {
      adw_action_row_set_subtitle (self->confidential_row,
                                   _("Ask the caller whether they want to stay confidential: "
                                     "it must be asked for every complaint and report."));
      gtk_widget_add_css_class (GTK_WIDGET (self->confidential_row), "warning");
    }
  else
    {
      adw_action_row_set_subtitle (self->confidential_row,
                                   _("The caller’s name and phone number are hidden from other "
                                     "seats and departments"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->confidential_row), "warning");
    }
}

/* Whether the caller's name and phone are shown masked: a stored confidential order,
 * until the user asks to see them. */
static gboolean
caller_is_masked (RexianOrderEditor *self)
{
  return self->order != NULL
         && rexian_work_order_get_confidential (self->order)
         && !self->revealed;
}

static void
set_form_editable (RexianOrderEditor *self,
                   gboolean           editable)
{
  gboolean caller_editable = editable && !caller_is_masked (self);
  GtkTextView *views[] = { self->course_view, self->present_view, self->request_view,
                           self->answer_view };
  GtkWidget *choices[] = { GTK_WIDGET (self->channel_row), GTK_WIDGET (self->kind_row),
                           GTK_WIDGET (self->category_row), GTK_WIDGET (self->caller_title_row),
                           GTK_WIDGET (self->confidential_switch),
                           GTK_WIDGET (self->emergency_switch) };

  gtk_editable_set_editable (GTK_EDITABLE (self->caller_name_row), caller_editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->phone_row), caller_editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->address_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->event_time_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->place_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->summary_row), editable);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_text_view_set_editable (views[i], editable);
      gtk_text_view_set_cursor_visible (views[i], editable);
    }

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_widget_set_sensitive (choices[i], editable);
}

static guint
category_position (RexianOrderEditor *self,
                   gint64             category_id)
{
  for (guint i = 0; i < self->category_ids->len; i++)
    {
      if (g_array_index (self->category_ids, gint64, i) == category_id)
        return i + 1;
    }

  return 0;
}

static guint
caller_title_position (const char *title)
{
  if (title == NULL || title[0] == '\0')
    return 0;

  for (guint i = 1; i < G_N_ELEMENTS (caller_titles); i++)
    {
      if (g_strcmp0 (title, caller_titles[i]) == 0)
        return i;
    }

  /* Older or imported data may use the English forms. */
  if (g_ascii_strncasecmp (title, "mr", 2) == 0)
    return 1;
  if (g_ascii_strncasecmp (title, "ms", 2) == 0 || g_ascii_strncasecmp (title, "mrs", 3) == 0)
    return 2;

  return 0;
}

static void
load_caller_identity (RexianOrderEditor *self)
{
  if (self->order == NULL)
    {
      set_editable_text (self->caller_name_row, NULL);
      set_editable_text (self->phone_row, NULL);
    }
  else if (caller_is_masked (self))
    {
      g_autofree char *name = rexian_work_order_dup_display_caller (self->order);
      g_autofree char *phone = rexian_work_order_dup_display_phone (self->order);

      set_editable_text (self->caller_name_row, name);
      set_editable_text (self->phone_row, phone);
    }
  else
    {
      set_editable_text (self->caller_name_row, rexian_work_order_get_caller_name (self->order));
      set_editable_text (self->phone_row, rexian_work_order_get_caller_phone (self->order));
    }
}

void
_rexian_order_editor_load_order (RexianOrderEditor *self,
                                 RexianWorkOrder   *order)
{
  g_autofree char *event_time = NULL;
  gboolean same_order;

  same_order = order != NULL && self->order != NULL
               && rexian_work_order_get_id (order) == rexian_work_order_get_id (self->order);
  if (!same_order)
    self->revealed = FALSE;

  g_set_object (&self->order, order);

  self->loading = TRUE;

  if (order == NULL)
    {
      adw_combo_row_set_selected (self->channel_row, REXIAN_CHANNEL_PHONE);
      adw_combo_row_set_selected (self->kind_row, REXIAN_REQUEST_CONSULTATION);
      adw_combo_row_set_selected (self->category_row, 0);
      adw_combo_row_set_selected (self->caller_title_row, 0);
      set_editable_text (self->address_row, NULL);
      gtk_switch_set_active (self->confidential_switch, FALSE);
      gtk_switch_set_active (self->emergency_switch, FALSE);
      set_editable_text (self->event_time_row, NULL);
      set_editable_text (self->place_row, NULL);
      rexian_text_view_set_text (self->course_view, NULL);
      rexian_text_view_set_text (self->present_view, NULL);
      rexian_text_view_set_text (self->request_view, NULL);
      set_editable_text (self->summary_row, NULL);
      rexian_text_view_set_text (self->answer_view, NULL);
    }
  else
    {
      adw_combo_row_set_selected (self->channel_row, rexian_work_order_get_channel (order));
      adw_combo_row_set_selected (self->kind_row, rexian_work_order_get_kind (order));
      adw_combo_row_set_selected (self->category_row,
                                  category_position (self,
                                                     rexian_work_order_get_category_id (order)));
      adw_combo_row_set_selected (self->caller_title_row,
                                  caller_title_position (
                                    rexian_work_order_get_caller_title (order)));
      set_editable_text (self->address_row, rexian_work_order_get_caller_address (order));
      gtk_switch_set_active (self->confidential_switch, rexian_work_order_get_confidential (order));
      gtk_switch_set_active (self->emergency_switch, rexian_work_order_get_emergency (order));
      event_time = _rexian_order_editor_format_time (rexian_work_order_get_event_time (order));
      set_editable_text (self->event_time_row, event_time);
      set_editable_text (self->place_row, rexian_work_order_get_event_place (order));
      rexian_text_view_set_text (self->course_view, rexian_work_order_get_event_course (order));
      rexian_text_view_set_text (self->present_view, rexian_work_order_get_present_state (order));
      rexian_text_view_set_text (self->request_view, rexian_work_order_get_request (order));
      set_editable_text (self->summary_row, rexian_work_order_get_summary (order));
    }

  load_caller_identity (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->event_time_row), "error");

  self->loading = FALSE;
  self->dirty = FALSE;

  update_mode (self);
}

void
_rexian_order_editor_rebase (RexianOrderEditor *self,
                             RexianWorkOrder   *order)
{
  gboolean was_masked = caller_is_masked (self);

  g_return_if_fail (self->order != NULL && order != NULL);
  g_return_if_fail (rexian_work_order_get_id (order) == rexian_work_order_get_id (self->order));

  g_set_object (&self->order, order);

  if (!was_masked && caller_is_masked (self))
    {
      /* Another seat made the order confidential.  The name and phone in the form were
       * shown in the clear and may have been edited: masking them now would make the
       * next save skip what was typed there. */
      self->revealed = TRUE;
    }
  else if (was_masked && !caller_is_masked (self))
    {
      /* The masked text could not be edited and stands for the stored values, which
       * may now be shown as they are. */
      self->loading = TRUE;
      load_caller_identity (self);
      self->loading = FALSE;
    }

  update_mode (self);
}

static void
update_mode (RexianOrderEditor *self)
{
  gboolean intake = self->order == NULL;

  if (intake)
    {
      self->editable = TRUE;
      adw_window_title_set_title (self->window_title, _("New Request"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("New Request"));
    }
  else
    {
      RexianState state = rexian_work_order_get_state (self->order);
      const char *number = rexian_work_order_get_number (self->order);
      g_autofree char *title = g_strdup_printf (_("Order %s"), number);

      self->editable = state != REXIAN_STATE_ARCHIVED
                       && rexian_lifecycle_can_apply (self->order, REXIAN_ACTION_EDIT, NULL);
      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, rexian_state_get_label (state));
      gtk_window_set_title (GTK_WINDOW (self), title);
      _rexian_order_editor_history_clear (self);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->answer_group), intake);
  gtk_widget_set_visible (GTK_WIDGET (self->status_box), !intake);
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), !intake);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), !intake);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), caller_is_masked (self));

  set_form_editable (self, self->editable);
  update_confidential_hint (self);

  _rexian_order_editor_update_status (self);
  _rexian_order_editor_update_details (self);
  _rexian_order_editor_update_timeline (self);
  _rexian_order_editor_update_calls (self);
  _rexian_order_editor_update_supervision (self);
  _rexian_order_editor_knowledge_update (self);
  _rexian_order_editor_update_actions (self);
  _rexian_order_editor_update_action_states (self);
}

static void
flag_field (RexianOrderEditor *self,
            GtkWidget         *widget,
            const char        *message)
{
  gtk_widget_add_css_class (widget, "error");
  _rexian_order_editor_show_message (self, message);
  gtk_widget_grab_focus (widget);
}

/* Copies the form into @order.  On a problem the message is shown, the field marked and
 * focused, nothing typed is touched, and FALSE comes back. */
gboolean
_rexian_order_editor_read_form (RexianOrderEditor *self,
           RexianWorkOrder   *order)
{
  g_autofree char *summary = rexian_editable_dup_text (GTK_EDITABLE (self->summary_row));
  g_autofree char *event_text = rexian_editable_dup_text (GTK_EDITABLE (self->event_time_row));
  g_autofree char *message = NULL;
  guint category = adw_combo_row_get_selected (self->category_row);
  guint title = adw_combo_row_get_selected (self->caller_title_row);
  guint channel = adw_combo_row_get_selected (self->channel_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  gint64 event_time = 0;

  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->event_time_row), "error");

  if (!parse_event_time (event_text, &event_time, &message))
    {
      flag_field (self, GTK_WIDGET (self->event_time_row), message);
      return FALSE;
    }

  if (summary == NULL)
    {
      flag_field (self, GTK_WIDGET (self->summary_row),
                  _("Write a one-line summary of the request: it is what the board shows."));
      return FALSE;
    }

  _rexian_order_editor_show_message (self, NULL);

  rexian_work_order_set_channel (order, channel < REXIAN_N_CHANNELS ? channel : 0);
  rexian_work_order_set_kind (order, kind < REXIAN_N_REQUEST_KINDS ? kind : 0);
  rexian_work_order_set_category_id (order,
                                     category > 0 && category <= self->category_ids->len
                                     ? g_array_index (self->category_ids, gint64, category - 1)
                                     : 0);

  /* Masked values stand for the stored ones, which stay as they are. */
  if (!caller_is_masked (self))
    {
      g_autofree char *name = rexian_editable_dup_text (GTK_EDITABLE (self->caller_name_row));
      g_autofree char *phone = rexian_editable_dup_text (GTK_EDITABLE (self->phone_row));

      rexian_work_order_set_caller_name (order, name);
      rexian_work_order_set_caller_phone (order, phone);
    }

  rexian_work_order_set_caller_title (order,
                                      title < G_N_ELEMENTS (caller_titles)
                                      ? caller_titles[title] : NULL);
  {
    g_autofree char *address = rexian_editable_dup_text (GTK_EDITABLE (self->address_row));
    g_autofree char *place = rexian_editable_dup_text (GTK_EDITABLE (self->place_row));
    g_autofree char *course = rexian_text_view_dup_text (self->course_view);
    g_autofree char *present = rexian_text_view_dup_text (self->present_view);
    g_autofree char *request = rexian_text_view_dup_text (self->request_view);

    rexian_work_order_set_caller_address (order, address);
    rexian_work_order_set_event_place (order, place);
    rexian_work_order_set_event_course (order, course);
    rexian_work_order_set_present_state (order, present);
    rexian_work_order_set_request (order, request);
  }
  rexian_work_order_set_confidential (order, gtk_switch_get_active (self->confidential_switch));
  rexian_work_order_set_emergency (order, gtk_switch_get_active (self->emergency_switch));
  rexian_work_order_set_event_time (order, event_time);
  rexian_work_order_set_summary (order, summary);

  return TRUE;
}

void
_rexian_order_editor_emit_saved (RexianOrderEditor *self,
                                 RexianWorkOrder   *order)
{
  g_signal_emit (self, signals[SIGNAL_ORDER_SAVED], 0, order);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RexianOrderEditor *self = REXIAN_ORDER_EDITOR (widget);
  gboolean was_dirty = self->dirty;

  if (self->order == NULL || self->revealed)
    return;

  self->revealed = TRUE;
  self->loading = TRUE;
  load_caller_identity (self);
  self->loading = FALSE;
  self->dirty = was_dirty;

  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), FALSE);
  _rexian_order_editor_update_calls (self);
  set_form_editable (self, self->editable);
  _rexian_order_editor_update_action_states (self);
}

static void
hide_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _rexian_order_editor_show_message (REXIAN_ORDER_EDITOR (widget), NULL);
}

static void
on_field_changed (RexianOrderEditor *self)
{
  if (self->loading)
    return;

  if (!self->dirty)
    {
      self->dirty = TRUE;
      _rexian_order_editor_update_action_states (self);
    }
}

static void
on_summary_changed (RexianOrderEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_row), "error");
  on_field_changed (self);
}

static void
on_event_time_changed (RexianOrderEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->event_time_row), "error");
  on_field_changed (self);
}

static void
on_kind_changed (RexianOrderEditor *self)
{
  update_confidential_hint (self);
  on_field_changed (self);
}

static void
on_phone_changed (RexianOrderEditor *self)
{
  on_field_changed (self);
  if (self->order == NULL)
    _rexian_order_editor_history_schedule (self);
}

static void
on_store_changed (RexianOrderEditor *self)
{
  g_autoptr(RexianWorkOrder) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->order == NULL || self->busy)
    return;

  /* A call linked to the order does not change the order's version. */
  _rexian_order_editor_update_calls (self);
  /* Nor does another seat's supervision record on an order already supervised. */
  _rexian_order_editor_update_supervision (self);

  fresh = rexian_store_get_order (self->store, rexian_work_order_get_id (self->order), &error);
  if (fresh == NULL)
    {
      g_debug ("Could not re-read order %s: %s",
               rexian_work_order_get_number (self->order), error->message);
      return;
    }

  if (rexian_work_order_get_version (fresh) == rexian_work_order_get_version (self->order))
    {
      /* Nothing changed in the order itself, but the deadline chip moves with the clock
       * and the deadline rules. */
      _rexian_order_editor_update_status (self);
      return;
    }

  /* Unsaved edits win over a silent reload; saving them then settles the conflict. */
  if (self->dirty)
    return;

  _rexian_order_editor_load_order (self, fresh);
}

static void
on_discard_response (RexianOrderEditor *self,
                     const char        *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
rexian_order_editor_close_request (GtkWindow *window)
{
  RexianOrderEditor *self = REXIAN_ORDER_EDITOR (window);
  GtkWidget *dialog;

  /* A write is on its way; its outcome has to be shown before the window goes. */
  if (self->busy)
    return TRUE;

  if (self->dirty && !self->discard_confirmed)
    {
      if (self->order == NULL)
        dialog = adw_message_dialog_new (window, _("Discard This Request?"),
                                         _("What was typed has not been saved."));
      else
        dialog = adw_message_dialog_new (window, _("Discard Your Changes?"),
                                         _("The changes to this order have not been saved."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Editing"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (rexian_order_editor_parent_class)->close_request (window);
}

static void
setup_models (RexianOrderEditor *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < REXIAN_N_CHANNELS; i++)
    gtk_string_list_append (channels, rexian_channel_get_label (i));
  for (int i = 0; i < REXIAN_N_REQUEST_KINDS; i++)
    gtk_string_list_append (kinds, rexian_request_kind_get_label (i));

  gtk_string_list_append (titles, _("Not specified"));
  gtk_string_list_append (titles, _("Mr."));
  gtk_string_list_append (titles, _("Ms."));

  gtk_string_list_append (categories, _("Not chosen"));
  list = rexian_store_list_categories (self->store, &error);
  if (list == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The categories could not be read: %s"),
                                               error->message);
      _rexian_order_editor_show_message (self, text);
    }
  else
    {
      for (guint i = 0; i < list->len; i++)
        {
          RexianCategory *category = g_ptr_array_index (list, i);

          gtk_string_list_append (categories, category->name);
          g_array_append_val (self->category_ids, category->id);
        }
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->caller_title_row, G_LIST_MODEL (titles));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  self->loading = FALSE;
}

static void
rexian_order_editor_dispose (GObject *object)
{
  RexianOrderEditor *self = REXIAN_ORDER_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->history_timeout_id, g_source_remove);
  g_clear_signal_handler (&self->store_changed_id, self->store);
  _rexian_order_editor_knowledge_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_ORDER_EDITOR);

  G_OBJECT_CLASS (rexian_order_editor_parent_class)->dispose (object);
}

static void
rexian_order_editor_finalize (GObject *object)
{
  RexianOrderEditor *self = REXIAN_ORDER_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->order);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->pending_answer, g_free);
  g_clear_pointer (&self->merge_target_number, g_free);
  g_clear_pointer (&self->call_players, g_hash_table_unref);

  G_OBJECT_CLASS (rexian_order_editor_parent_class)->finalize (object);
}

static void
on_call_phone_clicked (RexianOrderEditor *self)
{
  const char *phone = gtk_editable_get_text (GTK_EDITABLE (self->phone_row));

  /* The application owns the phone, so the call survives this window. */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.call-number", "s", phone);
}

static void
rexian_order_editor_class_init (RexianOrderEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rexian_order_editor_dispose;
  object_class->finalize = rexian_order_editor_finalize;
  window_class->close_request = rexian_order_editor_close_request;

  /**
   * RexianOrderEditor::order-saved:
   * @order: the order as the store saved it
   *
   * Emitted after every successful write: creation, edits and lifecycle actions.
   */
  signals[SIGNAL_ORDER_SAVED] =
    g_signal_new ("order-saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, REXIAN_TYPE_WORK_ORDER);

  /* The template names it for the badges and the action buttons. */
  g_type_ensure (REXIAN_TYPE_WRAP_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-order-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, status_box);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, number_label);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, badge_box);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, status_note_label);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, caller_name_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, caller_title_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, phone_row);
  gtk_widget_class_bind_template_callback (widget_class, on_call_phone_clicked);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, confidential_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, confidential_switch);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, emergency_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, emergency_switch);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, event_time_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, course_view);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, present_view);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, request_view);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, summary_group);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, answer_group);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, answer_view);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, details_box);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, calls_group);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, calls_list);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, action_separator);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, action_box);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, suggestion_group);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderEditor, suggestion_list);

  _rexian_order_editor_install_write_actions (widget_class);
  _rexian_order_editor_install_supervision (widget_class);
  _rexian_order_editor_install_print_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "editor.hide-message", NULL,
                                   hide_message_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
rexian_order_editor_init (RexianOrderEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();

  g_signal_connect_swapped (self->caller_name_row, "changed",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->address_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->place_row, "changed", G_CALLBACK (on_field_changed), self);

  g_signal_connect_swapped (self->phone_row, "changed", G_CALLBACK (on_phone_changed), self);
  g_signal_connect_swapped (self->summary_row, "changed", G_CALLBACK (on_summary_changed), self);
  g_signal_connect_swapped (self->event_time_row, "changed",
                            G_CALLBACK (on_event_time_changed), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected",
                            G_CALLBACK (on_kind_changed), self);
  g_signal_connect_swapped (self->channel_row, "notify::selected",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->category_row, "notify::selected",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->caller_title_row, "notify::selected",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->confidential_switch, "notify::active",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->emergency_switch, "notify::active",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->course_view), "changed",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->present_view), "changed",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->request_view), "changed",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->answer_view), "changed",
                            G_CALLBACK (on_field_changed), self);

  _rexian_order_editor_knowledge_init (self);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

RexianOrderEditor *
rexian_order_editor_new (GtkWindow       *parent,
                         RexianStore     *store,
                         gint64           agent_id,
                         RexianWorkOrder *order)
{
  RexianOrderEditor *self;
  g_autoptr(RexianWorkOrder) fresh = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);
  g_return_val_if_fail (order == NULL || REXIAN_IS_WORK_ORDER (order), NULL);

  self = g_object_new (REXIAN_TYPE_ORDER_EDITOR,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->agent_id = agent_id;

  setup_models (self);
  self->store_changed_id = g_signal_connect_swapped (store, "changed",
                                                     G_CALLBACK (on_store_changed), self);

  /* The caller's copy may be a row of a list that lags behind; show the stored one. */
  if (order != NULL)
    fresh = rexian_store_get_order (store, rexian_work_order_get_id (order), NULL);

  _rexian_order_editor_load_order (self, fresh != NULL ? fresh : order);

  return self;
}

void
rexian_order_editor_set_phone (RexianOrderEditor *self,
                               const char        *phone)
{
  g_return_if_fail (REXIAN_IS_ORDER_EDITOR (self));

  if (self->order != NULL)
    return;

  /* A number from an incoming call is not the agent's typing: closing the form right
   * away should not ask whether to discard it. */
  self->loading = TRUE;
  set_editable_text (self->phone_row, phone);
  self->loading = FALSE;
}

/* Test hooks. */

RexianWorkOrder *
_rexian_order_editor_get_order (RexianOrderEditor *self)
{
  g_return_val_if_fail (REXIAN_IS_ORDER_EDITOR (self), NULL);

  return self->order;
}

gboolean
_rexian_order_editor_is_busy (RexianOrderEditor *self)
{
  g_return_val_if_fail (REXIAN_IS_ORDER_EDITOR (self), FALSE);

  return self->busy;
}

const char *
_rexian_order_editor_get_message (RexianOrderEditor *self)
{
  g_return_val_if_fail (REXIAN_IS_ORDER_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;

  return gtk_label_get_text (self->message_label);
}
