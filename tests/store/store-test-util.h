/* store-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "rexian-order-model.h"
#include "rexian-order-query.h"
#include "rexian-store-private.h"
#include "rexian-store.h"

/* Helpers shared by the store tests.  Every test works in its own temporary folder and
 * at a fixed moment the shipped holiday data covers, so deadlines and colours are the
 * same on every run. */

/* Wednesday 2026-06-10 10:00 in Asia/Shanghai (the tests run with TZ set to it). */
static inline gint64
test_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 6, 10, 10, 0, 0);

  return g_date_time_to_unix (now);
}

static inline char *
test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rexian-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }

  g_rmdir (dir);
}

static inline RexianWorkOrder *
test_make_draft (const char *summary,
                 const char *phone)
{
  RexianWorkOrder *draft = rexian_work_order_new ();

  rexian_work_order_set_caller_name (draft, "张三");
  rexian_work_order_set_caller_title (draft, "先生");
  rexian_work_order_set_caller_phone (draft, phone);
  rexian_work_order_set_caller_address (draft, "城区凤台街道书院街1号");
  rexian_work_order_set_summary (draft, summary);
  rexian_work_order_set_request (draft, "请尽快处理");

  return draft;
}

static inline RexianWorkOrder *
test_create (RexianStore *store,
             const char  *summary,
             const char  *phone,
             gint64       now)
{
  g_autoptr(RexianWorkOrder) draft = test_make_draft (summary, phone);
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *order;

  order = rexian_store_create_order (store, draft, 0, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (order);

  return order;
}

static inline RexianStore *
test_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  RexianStore *store = rexian_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* One value from a query on a connection of the test's own. */
static inline gint64
test_query_int (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static inline gboolean
test_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until *@flag is set or @timeout_ms passed; TRUE when set. */
static inline gboolean
test_wait_for (gboolean *flag,
               guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, test_timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return *flag;
}

static inline void
test_count_signal_cb (gpointer  instance,
                      guint    *count)
{
  (*count)++;
}
