/* rexian-service-point-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-article-dialog.h"
#include "rexian-service-point-dialog.h"
#include "rexian-store-knowledge.h"
#include "rexian-ui-util.h"

struct _RexianServicePointDialog
{
  AdwWindow         parent_instance;

  RexianStore      *store;
  /* 0 for a new point. */
  gint64            point_id;
  /* Ids parallel to the department row's entries (0 for its "none" entry). */
  GArray           *department_ids;

  /* Template children. */
  AdwWindowTitle   *window_title;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  AdwEntryRow      *name_row;
  AdwComboRow      *kind_row;
  AdwComboRow      *department_row;
  AdwEntryRow      *address_row;
  AdwEntryRow      *hours_row;
  AdwEntryRow      *phone_row;
  AdwEntryRow      *note_row;
};

G_DEFINE_FINAL_TYPE (RexianServicePointDialog, rexian_service_point_dialog, ADW_TYPE_WINDOW)

static char *
entry_text (AdwEntryRow *row)
{
  char *text = rexian_editable_dup_text (GTK_EDITABLE (row));

  return text != NULL ? text : g_strdup ("");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RexianServicePointDialog *self = REXIAN_SERVICE_POINT_DIALOG (widget);
  g_autoptr(RexianServicePoint) point = rexian_service_point_new ();
  g_autoptr(GError) error = NULL;
  guint department = adw_combo_row_get_selected (self->department_row);
  gint64 id = self->point_id;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  point->name = rexian_editable_dup_text (GTK_EDITABLE (self->name_row));
  if (point->name == NULL)
    {
      gtk_label_set_text (self->error_label, _("Give the service point a name."));
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  point->id = self->point_id;
  point->kind = adw_combo_row_get_selected (self->kind_row) == 0 ? REXIAN_SERVICE_POINT_HALL
                                                                  : REXIAN_SERVICE_POINT_POINT;
  point->address = entry_text (self->address_row);
  point->hours = entry_text (self->hours_row);
  point->phone = entry_text (self->phone_row);
  point->note = entry_text (self->note_row);
  if (department != GTK_INVALID_LIST_POSITION && department < self->department_ids->len)
    point->department_id = g_array_index (self->department_ids, gint64, department);

  /* One short write by key on the main connection, like the other small edits. */
  if (id == 0)
    id = rexian_store_create_service_point (self->store, point, &error);
  else if (!rexian_store_update_service_point (self->store, point, &error))
    id = 0;

  if (id == 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  /* The store's "changed" signal brings the new row to the list. */
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rexian_service_point_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REXIAN_TYPE_SERVICE_POINT_DIALOG);

  G_OBJECT_CLASS (rexian_service_point_dialog_parent_class)->dispose (object);
}

static void
rexian_service_point_dialog_finalize (GObject *object)
{
  RexianServicePointDialog *self = REXIAN_SERVICE_POINT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->department_ids, g_array_unref);

  G_OBJECT_CLASS (rexian_service_point_dialog_parent_class)->finalize (object);
}

static void
rexian_service_point_dialog_class_init (RexianServicePointDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_service_point_dialog_dispose;
  object_class->finalize = rexian_service_point_dialog_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rexian/Rexian/rexian-service-point-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, hours_row);
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RexianServicePointDialog, note_row);

  gtk_widget_class_install_action (widget_class, "point.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "point.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_service_point_dialog_init (RexianServicePointDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of RexianServicePointKind. */
  gtk_string_list_append (kinds, rexian_service_point_kind_label (REXIAN_SERVICE_POINT_HALL));
  gtk_string_list_append (kinds, rexian_service_point_kind_label (REXIAN_SERVICE_POINT_POINT));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, 1);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

RexianServicePointDialog *
rexian_service_point_dialog_new (GtkWindow                *parent,
                                 RexianStore              *store,
                                 const RexianServicePoint *point)
{
  RexianServicePointDialog *self;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  self = g_object_new (REXIAN_TYPE_SERVICE_POINT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->point_id = point != NULL ? point->id : 0;

  departments = rexian_store_list_departments (store, NULL);
  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->department_ids, none);
  selected = rexian_article_dialog_append_names (names, self->department_ids, departments, TRUE,
                                                 point != NULL ? point->department_id : 0);
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->department_row, selected);

  adw_window_title_set_title (self->window_title, point != NULL ? _("Edit Service Point")
                                                                : _("New Service Point"));
  if (point == NULL)
    return self;

  set_entry (self->name_row, point->name);
  adw_combo_row_set_selected (self->kind_row, point->kind == REXIAN_SERVICE_POINT_HALL ? 0 : 1);
  set_entry (self->address_row, point->address);
  set_entry (self->hours_row, point->hours);
  set_entry (self->phone_row, point->phone);
  set_entry (self->note_row, point->note);

  return self;
}

void
_rexian_service_point_dialog_set_field (RexianServicePointDialog *self,
                                        const char               *field,
                                        const char               *text)
{
  struct { const char *name; AdwEntryRow *row; } rows[] = {
    { "name", self->name_row },
    { "address", self->address_row },
    { "hours", self->hours_row },
    { "phone", self->phone_row },
    { "note", self->note_row },
  };

  RexianServicePointKind kind;

  if (g_str_equal (field, "kind") && rexian_service_point_kind_from_string (text, &kind))
    {
      adw_combo_row_set_selected (self->kind_row, kind == REXIAN_SERVICE_POINT_HALL ? 0 : 1);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_str_equal (field, rows[i].name))
        {
          set_entry (rows[i].row, text);
          return;
        }
    }

  g_return_if_reached ();
}
