/* rexian-store-reference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-private.h"

/* Reference data */

/* Every row of @sql made into a record by @row_func, in the statement's order. */
static GPtrArray *
list_rows (RexianStore        *self,
           const char         *sql,
           RexianStoreRowFunc  row_func,
           GDestroyNotify      free_func,
           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = rexian_store_prepare (self, rexian_store_get_db (self), sql,
                                                       error);

  if (stmt == NULL)
    return NULL;

  return rexian_store_collect_rows (self, stmt, row_func, free_func, error);
}

static gpointer
department_from_row (sqlite3_stmt *stmt)
{
  RexianDepartment *department = rexian_department_new ();

  department->id = sqlite3_column_int64 (stmt, 0);
  department->name = g_strdup (rexian_store_column_text (stmt, 1));
  department->contact_person = g_strdup (rexian_store_column_text (stmt, 2));
  department->phone = g_strdup (rexian_store_column_text (stmt, 3));

  return department;
}

static gpointer
category_from_row (sqlite3_stmt *stmt)
{
  RexianCategory *category = rexian_category_new ();

  category->id = sqlite3_column_int64 (stmt, 0);
  category->name = g_strdup (rexian_store_column_text (stmt, 1));
  category->deadline_days = sqlite3_column_int (stmt, 2);

  return category;
}

static gpointer
agent_from_row (sqlite3_stmt *stmt)
{
  RexianAgent *agent = rexian_agent_new ();

  agent->id = sqlite3_column_int64 (stmt, 0);
  agent->agent_no = g_strdup (rexian_store_column_text (stmt, 1));
  agent->name = g_strdup (rexian_store_column_text (stmt, 2));
  agent->role = g_strdup (rexian_store_column_text (stmt, 3));

  return agent;
}

GPtrArray *
rexian_store_list_departments (RexianStore *self,
                               GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return list_rows (self,
                    "SELECT id, name, contact_person, phone FROM departments ORDER BY id",
                    department_from_row, rexian_department_free, error);
}

GPtrArray *
rexian_store_list_categories (RexianStore *self,
                              GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return list_rows (self, "SELECT id, name, deadline_days FROM categories ORDER BY id",
                    category_from_row, rexian_category_free, error);
}

GPtrArray *
rexian_store_list_agents (RexianStore *self,
                          GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return list_rows (self, "SELECT id, agent_no, name, role FROM agents ORDER BY agent_no",
                    agent_from_row, rexian_agent_free, error);
}

RexianAgent *
rexian_store_find_agent (RexianStore *self,
                         const char  *agent_no,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (agent_no != NULL, NULL);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "SELECT id, agent_no, name, role FROM agents WHERE agent_no = ?1",
                               error);
  if (stmt == NULL)
    return NULL;

  rexian_store_bind_text (stmt, 1, agent_no);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return agent_from_row (stmt);

  if (rc != SQLITE_DONE)
    rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
  else
    g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                 _("There is no agent with the number “%s”."), agent_no);

  return NULL;
}

/* Runs one INSERT with up to three text values and an optional integer in a write
 * transaction and returns the new row id. */
static gint64
insert_row (RexianStore *self,
            const char  *sql,
            const char  *text1,
            const char  *text2,
            const char  *text3,
            int          number,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!rexian_store_begin (self, rexian_store_get_db (self), error))
    return 0;

  stmt = rexian_store_prepare (self, rexian_store_get_db (self), sql, error);
  if (stmt == NULL)
    goto failed;

  rexian_store_bind_text (stmt, 1, text1);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    {
      rexian_store_bind_text (stmt, 2, text2 != NULL ? text2 : "");
      rexian_store_bind_text (stmt, 3, text3 != NULL ? text3 : "");
    }
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int (stmt, 4, number);

  if (!rexian_store_step_done (self, rexian_store_get_db (self), stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (rexian_store_get_db (self));

  if (!rexian_store_commit (self, rexian_store_get_db (self), error))
    return 0;

  rexian_store_emit_changed (self);
  return id;

failed:
  rexian_store_rollback (rexian_store_get_db (self));
  return 0;
}

gint64
rexian_store_add_department (RexianStore *self,
                             const char  *name,
                             const char  *contact_person,
                             const char  *phone,
                             GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  return insert_row (self,
                     "INSERT INTO departments (name, contact_person, phone) "
                     "VALUES (?1, ?2, ?3)",
                     name, contact_person, phone, 0, error);
}

gint64
rexian_store_add_category (RexianStore *self,
                           const char  *name,
                           int          deadline_days,
                           GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  return insert_row (self,
                     "INSERT INTO categories (name, deadline_days) VALUES (?1, ?4)",
                     name, NULL, NULL, MAX (deadline_days, 0), error);
}

gint64
rexian_store_add_agent (RexianStore *self,
                        const char  *agent_no,
                        const char  *name,
                        const char  *role,
                        GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);
  g_return_val_if_fail (agent_no != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  return insert_row (self,
                     "INSERT INTO agents (agent_no, name, role) VALUES (?1, ?2, ?3)",
                     agent_no, name, role != NULL ? role : "agent", 0, error);
}

/* Settings */

static char *
db_get_setting (sqlite3    *db,
                const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM settings WHERE key = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }

  rexian_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (rexian_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

char *
rexian_store_get_setting (RexianStore *self,
                          const char  *key,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;

  rexian_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return g_strdup (rexian_store_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);

  return NULL;
}

static gboolean
db_set_setting (RexianStore *self,
                const char  *key,
                const char  *value,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (value == NULL)
    stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                                 "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                                 "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return FALSE;

  rexian_store_bind_text (stmt, 1, key);
  if (value != NULL)
    rexian_store_bind_text (stmt, 2, value);

  return rexian_store_step_done (self, rexian_store_get_db (self), stmt, error);
}

gboolean
rexian_store_set_setting (RexianStore *self,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!rexian_store_begin (self, rexian_store_get_db (self), error))
    return FALSE;

  if (!db_set_setting (self, key, value, error))
    {
      rexian_store_rollback (rexian_store_get_db (self));
      return FALSE;
    }

  if (!rexian_store_commit (self, rexian_store_get_db (self), error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;
}

static const struct
{
  const char *key;
  gsize       offset;
} rule_keys[] = {
  { "deadline.dispatch-days", G_STRUCT_OFFSET (RexianDeadlineRules, dispatch_days) },
  { "deadline.default-days", G_STRUCT_OFFSET (RexianDeadlineRules, default_handling_days) },
  { "deadline.consultation-days", G_STRUCT_OFFSET (RexianDeadlineRules, consultation_days) },
  { "deadline.yellow-days", G_STRUCT_OFFSET (RexianDeadlineRules, yellow_days) },
  { "deadline.max-extension-days", G_STRUCT_OFFSET (RexianDeadlineRules, max_extension_days) },
};

void
rexian_store_db_read_rules (sqlite3             *db,
                            RexianDeadlineRules *rules)
{
  rexian_deadline_rules_init_default (rules);

  for (guint i = 0; i < G_N_ELEMENTS (rule_keys); i++)
    {
      g_autofree char *value = db_get_setting (db, rule_keys[i].key);
      gint64 number;

      /* A value another tool wrote badly keeps the default rather than a nonsense
       * deadline. */
      if (value != NULL &&
          g_ascii_string_to_signed (value, 10, 0, 365, &number, NULL))
        G_STRUCT_MEMBER (int, rules, rule_keys[i].offset) = (int) number;
    }
}

void
rexian_store_get_deadline_rules (RexianStore         *self,
                                 RexianDeadlineRules *out_rules)
{
  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (out_rules != NULL);

  rexian_store_db_read_rules (rexian_store_get_db (self), out_rules);
}

gboolean
rexian_store_set_deadline_rules (RexianStore               *self,
                                 const RexianDeadlineRules *rules,
                                 GError                   **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (!rexian_store_begin (self, rexian_store_get_db (self), error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rule_keys); i++)
    {
      char value[16];

      g_snprintf (value, sizeof value, "%d",
                  G_STRUCT_MEMBER (int, rules, rule_keys[i].offset));
      if (!db_set_setting (self, rule_keys[i].key, value, error))
        {
          rexian_store_rollback (rexian_store_get_db (self));
          return FALSE;
        }
    }

  if (!rexian_store_commit (self, rexian_store_get_db (self), error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;
}

