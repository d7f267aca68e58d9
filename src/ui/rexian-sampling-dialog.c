/* rexian-sampling-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-sampling.h"
#include "rexian-sampling-dialog.h"

struct _RexianSamplingDialog
{
  AdwWindow      parent_instance;

  RexianStore   *store;
  gint64         agent_id;
  GHashTable    *department_names; /* gint64* id -> name */
  GCancellable  *cancellable;      /* the window's life */
  GCancellable  *preview_cancellable;
  GArray        *drawn;

  AdwEntryRow   *from_row;
  AdwEntryRow   *to_row;
  GtkSpinButton *share_spin;
  AdwEntryRow   *seed_row;
  GtkLabel      *preview_label;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (RexianSamplingDialog, rexian_sampling_dialog, ADW_TYPE_WINDOW)

enum {
  PLANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A local day "YYYY-MM-DD" as the Unix time its day starts. */
static gboolean
parse_day (const char *text,
           gint64     *out)
{
  int year, month, day;
  char end;
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || sscanf (text, "%d-%d-%d%c", &year, &month, &day, &end) != 3)
    return FALSE;
  dt = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (dt == NULL)
    return FALSE;

  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/* The period from the form, the end day included; FALSE with a sentence when it is not
 * a period. */
static gboolean
read_form (RexianSamplingDialog  *self,
           gint64                *out_start,
           gint64                *out_end,
           guint64               *out_seed,
           char                 **out_problem)
{
  const char *seed_text = gtk_editable_get_text (GTK_EDITABLE (self->seed_row));
  char *seed_end = NULL;

  if (!parse_day (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), out_start) ||
      !parse_day (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), out_end))
    {
      *out_problem = g_strdup (_("Enter the period as two days, for example 2026-06-01 and "
                                 "2026-06-30."));
      return FALSE;
    }

  /* The end day is included: the period ends when the next day starts. */
  *out_end += 24 * 60 * 60;
  if (*out_end <= *out_start)
    {
      *out_problem = g_strdup (_("The period ends before it starts."));
      return FALSE;
    }

  *out_seed = g_ascii_strtoull (seed_text, &seed_end, 10);
  if (*seed_text == '\0' || seed_end == NULL || *seed_end != '\0')
    {
      *out_problem = g_strdup (_("The seed must be a whole number."));
      return FALSE;
    }

  return TRUE;
}

static void
show_preview (RexianSamplingDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint i = 0;

  if (self->drawn->len == 0)
    {
      gtk_label_set_text (self->preview_label, _("No closed orders in this period."));
      return;
    }

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u order in all",
                                             "%u orders in all", self->drawn->len),
                          self->drawn->len);
  while (i < self->drawn->len)
    {
      gint64 department_id = g_array_index (self->drawn, RexianSampleCandidate, i).department_id;
      const char *name = g_hash_table_lookup (self->department_names, &department_id);
      guint n = 0;

      while (i < self->drawn->len
             && g_array_index (self->drawn, RexianSampleCandidate, i).department_id
                == department_id)
        {
          n++;
          i++;
        }
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %u order",
                                                 "%s: %u orders", n),
                              name != NULL ? name : _("No department"), n);
    }

  gtk_label_set_text (self->preview_label, text->str);
}

static void
preview_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) drawn = rexian_store_followup_plan_finish (REXIAN_STORE (object), result,
                                                               &error);
  RexianSamplingDialog *self = user_data;

  if (drawn == NULL)
    {
      /* Cancelled: the window is gone or a newer preview runs. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->preview_label, error->message);
      return;
    }

  g_clear_pointer (&self->drawn, g_array_unref);
  self->drawn = g_steal_pointer (&drawn);
  show_preview (self);
  gtk_widget_set_sensitive (self->save_button, TRUE);
}

static void
on_values_changed (RexianSamplingDialog *self)
{
  g_autofree char *problem = NULL;
  gint64 start, end;
  guint64 seed;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_array_set_size (self->drawn, 0);
  gtk_widget_set_sensitive (self->save_button, FALSE);

  if (self->store == NULL)
    return;

  if (!read_form (self, &start, &end, &seed, &problem))
    {
      gtk_label_set_text (self->preview_label, problem);
      return;
    }

  gtk_label_set_text (self->preview_label, _("Drawing…"));
  self->preview_cancellable = g_cancellable_new ();
  rexian_store_followup_plan_async (self->store, start, end,
                                    gtk_spin_button_get_value (self->share_spin), seed, FALSE,
                                    self->agent_id, self->preview_cancellable, preview_cb,
                                    self);
}

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RexianSamplingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) drawn = rexian_store_followup_plan_finish (REXIAN_STORE (object), result,
                                                               &error);
  g_autofree char *message = NULL;

  if (drawn == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->preview_label, error->message);
          gtk_widget_set_sensitive (self->save_button, TRUE);
        }
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Sampling plan saved: %u order to visit",
                                          "Sampling plan saved: %u orders to visit",
                                          drawn->len),
                             drawn->len);
  g_signal_emit (self, signals[PLANNED], 0, drawn->len, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  RexianSamplingDialog *self = REXIAN_SAMPLING_DIALOG (widget);
  g_autofree char *problem = NULL;
  gint64 start, end;
  guint64 seed;

  if (!read_form (self, &start, &end, &seed, &problem))
    {
      gtk_label_set_text (self->preview_label, problem);
      return;
    }

  gtk_widget_set_sensitive (self->save_button, FALSE);
  rexian_store_followup_plan_async (self->store, start, end,
                                    gtk_spin_button_get_value (self->share_spin), seed, TRUE,
                                    self->agent_id, self->cancellable, plan_cb,
                                    g_object_ref (self));
}

static void
rexian_sampling_dialog_dispose (GObject *object)
{
  RexianSamplingDialog *self = REXIAN_SAMPLING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_SAMPLING_DIALOG);

  G_OBJECT_CLASS (rexian_sampling_dialog_parent_class)->dispose (object);
}

static void
rexian_sampling_dialog_finalize (GObject *object)
{
  RexianSamplingDialog *self = REXIAN_SAMPLING_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_pointer (&self->department_names, g_hash_table_unref);
  g_clear_pointer (&self->drawn, g_array_unref);

  G_OBJECT_CLASS (rexian_sampling_dialog_parent_class)->finalize (object);
}

static void
rexian_sampling_dialog_class_init (RexianSamplingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_sampling_dialog_dispose;
  object_class->finalize = rexian_sampling_dialog_finalize;

  /**
   * RexianSamplingDialog::planned:
   * @n_orders: how many orders the plan drew
   * @message: what happened, for a toast
   */
  signals[PLANNED] =
    g_signal_new ("planned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rexian/Rexian/rexian-sampling-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianSamplingDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, RexianSamplingDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, RexianSamplingDialog, share_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianSamplingDialog, seed_row);
  gtk_widget_class_bind_template_child (widget_class, RexianSamplingDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, RexianSamplingDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_values_changed);

  gtk_widget_class_install_action (widget_class, "sampling.save", NULL, save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_sampling_dialog_init (RexianSamplingDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->drawn = g_array_new (FALSE, FALSE, sizeof (RexianSampleCandidate));
  self->department_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                  g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

RexianSamplingDialog *
rexian_sampling_dialog_new (GtkWindow   *parent,
                            RexianStore *store,
                            gint64       agent_id)
{
  RexianSamplingDialog *self;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) this_month = NULL;
  g_autoptr(GDateTime) last_month = NULL;
  g_autoptr(GDateTime) last_day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *seed = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  self = g_object_new (REXIAN_TYPE_SAMPLING_DIALOG, "transient-for", parent, NULL);
  self->agent_id = agent_id;

  departments = rexian_store_list_departments (store, NULL);
  for (guint i = 0; departments != NULL && i < departments->len; i++)
    {
      RexianDepartment *department = g_ptr_array_index (departments, i);

      g_hash_table_insert (self->department_names, g_memdup2 (&department->id, sizeof (gint64)),
                           g_strdup (department->name));
    }

  /* Last month by default, the usual period of a sampled follow-up; the seed from the
   * clock, shown so that the draw can be repeated. */
  this_month = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                      1, 0, 0, 0);
  last_month = g_date_time_add_months (this_month, -1);
  last_day = g_date_time_add_days (this_month, -1);
  from = g_date_time_format (last_month, "%Y-%m-%d");
  to = g_date_time_format (last_day, "%Y-%m-%d");
  seed = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (now));

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  gtk_editable_set_text (GTK_EDITABLE (self->seed_row), seed);
  gtk_spin_button_set_value (self->share_spin, rexian_store_get_followup_sample_percent (store));

  /* The store last, so that filling the form draws once. */
  self->store = g_object_ref (store);
  on_values_changed (self);

  return self;
}

void
_rexian_sampling_dialog_set_values (RexianSamplingDialog *self,
                                    const char           *from,
                                    const char           *to,
                                    double                share_percent,
                                    guint64               seed)
{
  g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);

  g_return_if_fail (REXIAN_IS_SAMPLING_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  gtk_spin_button_set_value (self->share_spin, share_percent);
  gtk_editable_set_text (GTK_EDITABLE (self->seed_row), seed_text);
}

GArray *
_rexian_sampling_dialog_get_drawn (RexianSamplingDialog *self)
{
  g_return_val_if_fail (REXIAN_IS_SAMPLING_DIALOG (self), NULL);

  return self->drawn;
}

void
_rexian_sampling_dialog_save (RexianSamplingDialog *self)
{
  g_return_if_fail (REXIAN_IS_SAMPLING_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "sampling.save", NULL);
}
