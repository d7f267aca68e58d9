/* rexian-store-archive-node.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-archive-node.h"

struct _RexianStoreArchiveNode
{
  GObject     parent_instance;

  guint       depth;
  int         year;
  int         month;
  gint64      category_id;
  gint64      department_id;
  char       *name;
  guint       count;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (RexianStoreArchiveNode, rexian_store_archive_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rexian_store_archive_node_finalize (GObject *object)
{
  RexianStoreArchiveNode *self = (RexianStoreArchiveNode *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (rexian_store_archive_node_parent_class)->finalize (object);
}

static void
rexian_store_archive_node_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RexianStoreArchiveNode *self = REXIAN_STORE_ARCHIVE_NODE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_store_archive_node_class_init (RexianStoreArchiveNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rexian_store_archive_node_finalize;
  object_class->get_property = rexian_store_archive_node_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rexian_store_archive_node_init (RexianStoreArchiveNode *self)
{
  self->children = g_list_store_new (REXIAN_TYPE_STORE_ARCHIVE_NODE);
}

RexianStoreArchiveNode *
rexian_store_archive_node_new (guint       depth,
                               int         year,
                               int         month,
                               gint64      category_id,
                               gint64      department_id,
                               const char *name)
{
  RexianStoreArchiveNode *self = g_object_new (REXIAN_TYPE_STORE_ARCHIVE_NODE, NULL);

  self->depth = depth;
  self->year = year;
  self->month = month;
  self->category_id = category_id;
  self->department_id = department_id;
  self->name = g_strdup (name);

  return self;
}

guint
rexian_store_archive_node_get_depth (RexianStoreArchiveNode *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE_ARCHIVE_NODE (self), 0);

  return self->depth;
}

int
rexian_store_archive_node_get_year (RexianStoreArchiveNode *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE_ARCHIVE_NODE (self), 0);

  return self->year;
}

int
rexian_store_archive_node_get_month (RexianStoreArchiveNode *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE_ARCHIVE_NODE (self), 0);

  return self->month;
}

gint64
rexian_store_archive_node_get_category_id (RexianStoreArchiveNode *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE_ARCHIVE_NODE (self), 0);

  return self->category_id;
}

gint64
rexian_store_archive_node_get_department_id (RexianStoreArchiveNode *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE_ARCHIVE_NODE (self), 0);

  return self->department_id;
}

const char *
rexian_store_archive_node_get_name (RexianStoreArchiveNode *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE_ARCHIVE_NODE (self), NULL);

  return self->name;
}

guint
rexian_store_archive_node_get_count (RexianStoreArchiveNode *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE_ARCHIVE_NODE (self), 0);

  return self->count;
}

void
rexian_store_archive_node_add_count (RexianStoreArchiveNode *self,
                                     guint                   count)
{
  g_return_if_fail (REXIAN_IS_STORE_ARCHIVE_NODE (self));

  if (count == 0)
    return;

  self->count += count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

GListModel *
rexian_store_archive_node_get_children (RexianStoreArchiveNode *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE_ARCHIVE_NODE (self), NULL);

  return G_LIST_MODEL (self->children);
}
