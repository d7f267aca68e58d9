/* rexian-archive-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-archive-view-private.h"
#include "rexian-ui-util.h"

/* Entries read at a time: a month of a city hotline's archive is thousands of orders, and
 * a list box of that many rows would be slow to build; more come with "Show More". */
#define PAGE_SIZE 100

G_DEFINE_FINAL_TYPE (RexianArchiveView, rexian_archive_view, GTK_TYPE_WIDGET)

enum {
  ORDER_ACTIVATED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload_entries (RexianArchiveView *self);

void
_rexian_archive_view_toast (RexianArchiveView *self,
                            const char        *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

char *
_rexian_archive_view_node_title (RexianStoreArchiveNode *node)
{
  const char *name = rexian_store_archive_node_get_name (node);

  switch (rexian_store_archive_node_get_depth (node))
    {
    case 0:
      return g_strdup (_("All Archived Orders"));

    case 1:
      /* Translators: a year in the archive's catalogue (2026年). */
      return g_strdup_printf (C_("archive catalogue", "%d"),
                              rexian_store_archive_node_get_year (node));

    case 2:
      {
        g_autoptr(GDateTime) month =
          g_date_time_new_local (rexian_store_archive_node_get_year (node),
                                 rexian_store_archive_node_get_month (node), 1, 0, 0, 0);

        /* The month's name as the locale writes it (十一月, November). */
        return g_date_time_format (month, "%B");
      }

    case 3:
      return g_strdup (name != NULL && name[0] != '\0' ? name : _("No category"));

    default:
      /* Orders answered on the spot (直接办理) had no department. */
      return g_strdup (name != NULL && name[0] != '\0' ? name : _("Answered directly"));
    }
}

/* The catalogue */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = rexian_store_archive_node_get_children (item);

  return g_list_model_get_n_items (children) > 0 ? g_object_ref (children) : NULL;
}

static void
setup_catalogue_row (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_catalogue_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *count = gtk_widget_get_last_child (box);
  RexianStoreArchiveNode *node = gtk_tree_list_row_get_item (row);
  g_autofree char *text = _rexian_archive_view_node_title (node);
  g_autofree char *number = g_strdup_printf ("%u", rexian_store_archive_node_get_count (node));

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_label_set_text (GTK_LABEL (count), number);
  g_object_unref (node);
}

static gboolean
node_matches (RexianStoreArchiveNode   *node,
              const RexianArchivePlace *place,
              guint                     depth)
{
  RexianArchivePlace here;

  rexian_archive_place_from_node (node, &here);
  return (depth < 1 || here.year == place->year) &&
         (depth < 2 || here.month == place->month) &&
         (depth < 3 || here.category_id == place->category_id) &&
         (depth < 4 || here.department_id == place->department_id);
}

/* Walks down the tree towards @place: each ancestor of it is expanded, which brings its
 * children into the rows that follow, and the node itself is selected when @select. */
static gboolean
walk_to_place (RexianArchiveView        *self,
               const RexianArchivePlace *place,
               gboolean                  select)
{
  GListModel *rows = G_LIST_MODEL (self->tree);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(RexianStoreArchiveNode) node = gtk_tree_list_row_get_item (row);
      guint depth = rexian_store_archive_node_get_depth (node);

      if (depth > place->depth || !node_matches (node, place, depth))
        continue;

      if (depth == place->depth)
        {
          if (select)
            gtk_single_selection_set_selected (self->selection, i);
          else
            gtk_tree_list_row_set_expanded (row, TRUE);
          return TRUE;
        }

      gtk_tree_list_row_set_expanded (row, TRUE);
    }

  return FALSE;
}

gboolean
_rexian_archive_view_select_place (RexianArchiveView        *self,
                                   const RexianArchivePlace *place)
{
  g_return_val_if_fail (REXIAN_IS_ARCHIVE_VIEW (self), FALSE);
  g_return_val_if_fail (place != NULL, FALSE);

  return walk_to_place (self, place, TRUE);
}

static void
set_catalogue (RexianArchiveView *self,
               GListModel        *years)
{
  g_autoptr(RexianStoreArchiveNode) root = rexian_store_archive_node_new (0, 0, 0, 0, 0, NULL);
  GListStore *children = G_LIST_STORE (rexian_store_archive_node_get_children (root));
  g_autoptr(GListStore) roots = g_list_store_new (REXIAN_TYPE_STORE_ARCHIVE_NODE);
  RexianArchivePlace place = self->place;

  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(RexianStoreArchiveNode) year = g_list_model_get_item (years, i);

      rexian_store_archive_node_add_count (root, rexian_store_archive_node_get_count (year));
      g_list_store_append (children, year);
    }
  g_list_store_append (roots, root);

  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                                        create_children, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));

  /* The newest year is open, as that is where agents look first; the place shown
   * before a reload stays shown when it is still in the catalogue. */
  if (g_list_model_get_n_items (years) > 0)
    {
      g_autoptr(RexianStoreArchiveNode) year = g_list_model_get_item (years, 0);
      RexianArchivePlace newest = { 1, rexian_store_archive_node_get_year (year), 0, 0, 0 };

      walk_to_place (self, &newest, FALSE);
    }

  if (!walk_to_place (self, &place, TRUE))
    {
      RexianArchivePlace whole = { 0 };

      walk_to_place (self, &whole, TRUE);
    }
}

static void
on_catalogue_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RexianArchiveView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) years = NULL;

  years = rexian_store_archive_get_catalogue_finish (REXIAN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (years == NULL)
    {
      _rexian_archive_view_toast (self, error->message);
      return;
    }

  set_catalogue (self, years);
  reload_entries (self);

  if (self->reload_again)
    {
      self->reload_again = FALSE;
      rexian_archive_view_refresh (self);
    }
}

void
rexian_archive_view_refresh (RexianArchiveView *self)
{
  g_return_if_fail (REXIAN_IS_ARCHIVE_VIEW (self));

  if (self->store == NULL)
    return;

  if (self->loading)
    {
      self->reload_again = TRUE;
      return;
    }

  self->loading = TRUE;
  rexian_store_archive_get_catalogue_async (self->store, self->cancellable,
                                            on_catalogue_loaded, g_object_ref (self));
}

/* The entries */

char *
_rexian_archive_view_describe_place (RexianArchiveView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GtkTreeListRow) row = NULL;
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    row = g_list_model_get_item (G_LIST_MODEL (self->tree), selected);

  /* From the node up to the year: "2026 · 三月 · 市政设施". */
  for (g_autoptr(GtkTreeListRow) up = row != NULL ? g_object_ref (row) : NULL; up != NULL;)
    {
      g_autoptr(RexianStoreArchiveNode) node = gtk_tree_list_row_get_item (up);
      g_autofree char *title = _rexian_archive_view_node_title (node);
      GtkTreeListRow *parent = gtk_tree_list_row_get_parent (up);

      if (rexian_store_archive_node_get_depth (node) > 0 || text->len == 0)
        {
          if (text->len > 0)
            g_string_prepend (text, " · ");
          g_string_prepend (text, title);
        }
      g_object_unref (up);
      up = parent;
    }

  if (text->len == 0)
    g_string_append (text, _("All Archived Orders"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_day (gint64 at)
{
  g_autoptr(GDateTime) time = NULL;

  if (at <= 0)
    return g_strdup ("");

  time = g_date_time_new_from_unix_local (at);
  return g_date_time_format (time, "%Y-%m-%d");
}

static GtkWidget *
make_entry_row (RexianArchiveEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *closed = format_day (entry->closed_at);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *category = entry->category[0] != '\0' ? entry->category : _("No category");
  const char *department = entry->department[0] != '\0' ? entry->department
                                                         : _("Answered directly");

  title = g_strdup_printf ("%s  %s", entry->number, entry->summary);
  /* Translators: an archived order's line: closing date, caller and phone, category,
   * department. */
  subtitle = g_strdup_printf (_("Closed %s · %s %s · %s · %s"), closed, entry->caller_name,
                              entry->caller_phone, category, department);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "order-id",
                          g_memdup2 (&entry->order_id, sizeof entry->order_id), g_free);

  return row;
}

/* Reads the next page of entries into the list; from the first when @restart. */
static void
load_page (RexianArchiveView *self,
           gboolean           restart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *place_text = NULL;
  guint total = 0;

  if (self->store == NULL)
    return;

  if (restart)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entry_list))) != NULL)
        gtk_list_box_remove (self->entry_list, child);
      self->n_shown = 0;
    }

  entries = rexian_store_archive_list (self->store, &self->place, self->text, self->n_shown,
                                       PAGE_SIZE, &total, &error);
  if (entries == NULL)
    {
      _rexian_archive_view_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->entry_list, make_entry_row (g_ptr_array_index (entries, i)));
  self->n_shown += entries->len;
  self->total = total;

  place_text = _rexian_archive_view_describe_place (self);
  gtk_label_set_text (self->place_label, place_text);
  total_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order", "%u orders", total),
                                total);
  gtk_label_set_text (self->total_label, total_text);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->n_shown < total);

  if (total == 0 && self->text != NULL && self->text[0] != '\0')
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Orders"));
      adw_status_page_set_description (self->empty_page,
                                       _("No archived order here has these words. Try "
                                         "other words, or search the whole archive."));
    }
  else if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Archived Orders"));
      adw_status_page_set_description (self->empty_page,
                                       _("Closed orders are filed here by the year and month "
                                         "they were closed, their category and their "
                                         "department."));
    }
  gtk_stack_set_visible_child_name (self->entries_stack, total > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.export", total > 0);
}

static void
reload_entries (RexianArchiveView *self)
{
  load_page (self, TRUE);
}

static void
on_selection_changed (RexianArchiveView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(RexianStoreArchiveNode) node = NULL;

  if (row == NULL)
    return;

  node = gtk_tree_list_row_get_item (row);
  rexian_archive_place_from_node (node, &self->place);
  reload_entries (self);
}

static void
on_catalogue_activate (RexianArchiveView *self,
                       guint              position)
{
  /* On a narrow window the entries take the whole width once a node is chosen. */
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->entries_pane);
}

static void
on_back_clicked (RexianArchiveView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->catalogue_pane);
}

static void
on_more_clicked (RexianArchiveView *self)
{
  load_page (self, FALSE);
}

static void
on_search_changed (RexianArchiveView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->text);
  self->text = g_strstrip (g_strdup (text));
  reload_entries (self);
}

static void
on_entry_activated (RexianArchiveView *self,
                    GtkListBoxRow     *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianWorkOrder) order = NULL;
  gint64 *order_id = g_object_get_data (G_OBJECT (row), "order-id");

  if (order_id == NULL || self->store == NULL)
    return;

  order = rexian_store_get_order (self->store, *order_id, &error);
  if (order == NULL)
    {
      _rexian_archive_view_toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals[ORDER_ACTIVATED], 0, order);
}

static void
on_store_changed (RexianArchiveView *self)
{
  /* Other seats write all day; the archive catches up when it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_refresh = TRUE;
      return;
    }

  rexian_archive_view_refresh (self);
}

static void
rexian_archive_view_map (GtkWidget *widget)
{
  RexianArchiveView *self = REXIAN_ARCHIVE_VIEW (widget);

  GTK_WIDGET_CLASS (rexian_archive_view_parent_class)->map (widget);

  if (self->needs_refresh)
    {
      self->needs_refresh = FALSE;
      rexian_archive_view_refresh (self);
    }
}

/* Actions */

static void
archive_closed_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _rexian_archive_view_show_archive_dialog (REXIAN_ARCHIVE_VIEW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RexianReportFormat format = REXIAN_REPORT_FORMAT_CSV;

  rexian_report_format_from_string (g_variant_get_string (parameter, NULL), &format);
  _rexian_archive_view_choose_export_file (REXIAN_ARCHIVE_VIEW (widget), format);
}

/* The object */

static void
rexian_archive_view_dispose (GObject *object)
{
  RexianArchiveView *self = REXIAN_ARCHIVE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->archive_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->archive_dialog));
  rexian_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_ARCHIVE_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rexian_archive_view_parent_class)->dispose (object);
}

static void
rexian_archive_view_finalize (GObject *object)
{
  RexianArchiveView *self = REXIAN_ARCHIVE_VIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->text);

  G_OBJECT_CLASS (rexian_archive_view_parent_class)->finalize (object);
}

static void
rexian_archive_view_class_init (RexianArchiveViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_archive_view_dispose;
  object_class->finalize = rexian_archive_view_finalize;
  widget_class->map = rexian_archive_view_map;

  signals[ORDER_ACTIVATED] =
    g_signal_new ("order-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, REXIAN_TYPE_WORK_ORDER);
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-archive-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, export_button);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, archive_button);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, catalogue_pane);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, catalogue_view);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, entries_pane);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, place_label);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, total_label);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, entries_stack);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, entry_list);
  gtk_widget_class_bind_template_child (widget_class, RexianArchiveView, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_catalogue_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "archive.archive-closed", NULL,
                                   archive_closed_action);
  gtk_widget_class_install_action (widget_class, "archive.export", "s", export_action);
}

static void
rexian_archive_view_init (RexianArchiveView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_catalogue_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_catalogue_row), NULL);
  gtk_list_view_set_factory (self->catalogue_view, factory);
  gtk_list_view_set_model (self->catalogue_view, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.export", FALSE);
}

RexianArchiveView *
rexian_archive_view_new (void)
{
  return g_object_new (REXIAN_TYPE_ARCHIVE_VIEW, NULL);
}

void
rexian_archive_view_set_store (RexianArchiveView *self,
                               RexianStore       *store)
{
  g_return_if_fail (REXIAN_IS_ARCHIVE_VIEW (self));
  g_return_if_fail (REXIAN_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  rexian_archive_view_refresh (self);
}
