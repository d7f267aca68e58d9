/* rexian-knowledge-view-points.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The service points page of the knowledge view (the halls and points callers are sent
 * to, DB1405 4.1.1), and importing and exporting either page as CSV or JSON. */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-knowledge-view-private.h"
#include "rexian-service-point-dialog.h"

static gboolean
showing_points (RexianKnowledgeView *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "points") == 0;
}

static GtkWidget *
new_point_row (const RexianServicePoint *point)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;
  GtkWidget *button;

  if (point->hours != NULL && point->hours[0] != '\0')
    g_string_append (subtitle, point->hours);
  if (point->address != NULL && point->address[0] != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", point->address);
  if (point->note != NULL && point->note[0] != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", point->note);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), point->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  /* The number is the button: one click calls it with the seat's phone. */
  if (point->phone != NULL && point->phone[0] != '\0')
    {
      g_autofree char *tooltip = g_strdup_printf (_("Call %s"), point->phone);

      button = gtk_button_new_with_label (point->phone);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.call-number");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", point->phone);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_object_set_data (G_OBJECT (row), "call-button", button);
    }

  button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Edit"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "knowledge.edit-point");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", point->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Delete"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "knowledge.delete-point");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", point->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* The directory is a few hundred rows at most, read on the main connection. */
void
_rexian_knowledge_view_refresh_points (RexianKnowledgeView *self)
{
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  guint n_halls = 0;
  guint n_points = 0;

  if (self->store == NULL)
    return;

  points = rexian_store_list_service_points (self->store, NULL, &error);
  if (points == NULL)
    {
      _rexian_knowledge_view_message (self, error->message);
      return;
    }

  clear_list (self->hall_list);
  clear_list (self->point_list);
  for (guint i = 0; i < points->len; i++)
    {
      RexianServicePoint *point = g_ptr_array_index (points, i);

      if (point->kind == REXIAN_SERVICE_POINT_HALL)
        {
          gtk_list_box_append (self->hall_list, new_point_row (point));
          n_halls++;
        }
      else
        {
          gtk_list_box_append (self->point_list, new_point_row (point));
          n_points++;
        }
    }

  if (n_halls == 0)
    add_placeholder (self->hall_list, _("No service halls yet"));
  if (n_points == 0)
    add_placeholder (self->point_list, _("No service points yet"));
}

static void
edit_point_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RexianKnowledgeView *self = REXIAN_KNOWLEDGE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(RexianServicePoint) point = NULL;
  g_autoptr(GError) error = NULL;
  RexianServicePointDialog *dialog;

  if (id != 0)
    {
      point = rexian_store_get_service_point (self->store, id, &error);
      if (point == NULL)
        {
          _rexian_knowledge_view_message (self, error->message);
          return;
        }
    }

  dialog = rexian_service_point_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            self->store, point);
  _rexian_knowledge_view_set_last_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_point (RexianKnowledgeView *self,
              gint64               id)
{
  g_autoptr(GError) error = NULL;

  if (!rexian_store_delete_service_point (self->store, id, &error))
    _rexian_knowledge_view_message (self, error->message);

  _rexian_knowledge_view_refresh_points (self);
}

static void
delete_point_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RexianKnowledgeView *self = REXIAN_KNOWLEDGE_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(RexianServicePoint) point = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  point = rexian_store_get_service_point (self->store, id, &error);
  if (point == NULL)
    {
      _rexian_knowledge_view_message (self, error->message);
      return;
    }

  body = g_strdup_printf (_("“%s” will be removed from the directory."), point->name);
  _rexian_knowledge_view_confirm_delete (self, _("Delete Service Point?"), body, delete_point,
                                         id);
}

/* Import and export. */

static gboolean
format_for_file (GFile                  *file,
                 RexianKnowledgeFormat  *out_format,
                 GError                **error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (name != NULL && rexian_knowledge_format_for_path (name, out_format))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
               _("“%s” is neither a CSV nor a JSON file: choose a name ending in .csv or "
                 ".json."), name != NULL ? name : "");
  return FALSE;
}

static void
import_done (RexianKnowledgeView *self,
             gboolean             points,
             guint                count)
{
  g_autofree char *text = NULL;

  if (points)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u service point",
                                         "Imported %u service points", count), count);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u article",
                                         "Imported %u articles", count), count);

  _rexian_knowledge_view_message (self, text);
  rexian_knowledge_view_refresh (self);
}

static void
on_articles_imported (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RexianKnowledgeView) self = user_data;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (!rexian_store_import_articles_finish (REXIAN_STORE (object), result, &count, &error))
    _rexian_knowledge_view_message (self, error->message);
  else
    import_done (self, FALSE, count);
}

static void
on_file_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RexianKnowledgeView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RexianKnowledgeFormat format;
  gboolean points = GPOINTER_TO_INT (g_object_get_data (object, "rexian-points"));
  char *contents = NULL;
  gsize length = 0;
  guint count = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error)
      || !format_for_file (G_FILE (object), &format, &error))
    {
      g_free (contents);
      _rexian_knowledge_view_message (self, error->message);
      return;
    }

  bytes = g_bytes_new_take (contents, length);
  if (!points)
    {
      rexian_store_import_articles_async (self->store, format, bytes, NULL,
                                          on_articles_imported, g_object_ref (self));
      return;
    }

  /* The directory is small; its import has no worker form. */
  if (!rexian_store_import_service_points (self->store, format, bytes, &count, &error))
    _rexian_knowledge_view_message (self, error->message);
  else
    import_done (self, TRUE, count);
}

void
_rexian_knowledge_view_import_file (RexianKnowledgeView *self,
                                    GFile               *file)
{
  g_object_set_data (G_OBJECT (file), "rexian-points", GINT_TO_POINTER (showing_points (self)));
  g_file_load_contents_async (file, NULL, on_file_loaded, g_object_ref (self));
}

static void
on_file_written (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RexianKnowledgeView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      _rexian_knowledge_view_message (self, error->message);
      return;
    }

  name = g_file_get_parse_name (G_FILE (object));
  text = g_strdup_printf (_("Exported to %s"), name);
  _rexian_knowledge_view_message (self, text);
}

static void
write_bytes (RexianKnowledgeView *self,
             GFile               *file,
             GBytes              *bytes)
{
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, on_file_written, g_object_ref (self));
}

static void
on_articles_exported (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  RexianKnowledgeView *self = g_object_get_data (G_OBJECT (file), "rexian-view");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = rexian_store_export_articles_finish (REXIAN_STORE (object), result, &error);
  if (bytes == NULL)
    _rexian_knowledge_view_message (self, error->message);
  else
    write_bytes (self, file, bytes);
}

void
_rexian_knowledge_view_export_file (RexianKnowledgeView *self,
                                    GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RexianKnowledgeFormat format;

  if (!format_for_file (file, &format, &error))
    {
      _rexian_knowledge_view_message (self, error->message);
      return;
    }

  if (!showing_points (self))
    {
      /* The view outlives the export: it is a child of the window that started it. */
      g_object_set_data_full (G_OBJECT (file), "rexian-view", g_object_ref (self),
                              g_object_unref);
      rexian_store_export_articles_async (self->store, format, NULL, on_articles_exported,
                                          g_object_ref (file));
      return;
    }

  bytes = rexian_store_export_service_points (self->store, format, &error);
  if (bytes == NULL)
    _rexian_knowledge_view_message (self, error->message);
  else
    write_bytes (self, file, bytes);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("CSV or JSON files"));
  gtk_file_filter_add_pattern (all, "*.csv");
  gtk_file_filter_add_pattern (all, "*.CSV");
  gtk_file_filter_add_pattern (all, "*.json");
  gtk_file_filter_add_pattern (all, "*.JSON");
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_set_name (json, _("JSON files"));
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_filter_add_pattern (json, "*.JSON");

  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_chooser_add_filter (chooser, json);
}

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     RexianKnowledgeView *self)
{
  g_autoptr(GFile) file = NULL;
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser))
                    == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && saving)
    _rexian_knowledge_view_export_file (self, file);
  else if (file != NULL)
    _rexian_knowledge_view_import_file (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* GtkFileChooserNative, not GtkFileDialog, which needs GTK 4.10. */
static void
open_chooser (RexianKnowledgeView  *self,
              GtkFileChooserAction  action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean points = showing_points (self);
  GtkFileChooserNative *chooser;
  const char *title;

  gtk_menu_button_popdown (self->menu_button);

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    title = points ? _("Export Service Points") : _("Export Articles");
  else
    title = points ? _("Import Service Points") : _("Import Articles");

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (chooser));
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                       points ? "service-points.csv" : "knowledge.csv");

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_chooser (REXIAN_KNOWLEDGE_VIEW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_chooser (REXIAN_KNOWLEDGE_VIEW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

void
_rexian_knowledge_view_install_point_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "knowledge.edit-point", "x",
                                   edit_point_action);
  gtk_widget_class_install_action (widget_class, "knowledge.delete-point", "x",
                                   delete_point_action);
  gtk_widget_class_install_action (widget_class, "knowledge.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "knowledge.export", NULL, export_action);
}
