/* axw-manager-products.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog: search (name, pinyin initials, barcode), edit or add a
 * product, and import a CSV file after a preview of what it changes. The
 * list shows at most AXW_MANAGER_PRODUCTS_SHOWN rows of a search, so a
 * catalog of 100 000 products never becomes 100 000 widgets or rows. The
 * import is checked and applied by axw_products_import_csv_full(), the
 * code behind `aixinwu products import [--dry-run]`, in a thread with its
 * own connection to the database.
 */
#include <glib/gi18n.h>

#include "axw-funds.h"
#include "axw-list-label.h"
#include "axw-manager-products.h"
#include "axw-money.h"
#include "axw-product-item.h"
#include "axw-products.h"
#include "axw-suppliers.h"

typedef struct {
  GFile          *file;
  GBytes         *text;        /* read from @file by the thread when NULL */
  char           *db_path;
  char           *staff;
  gboolean        dry_run;
  int             done;        /* atomic: rows checked */
  int             total;       /* atomic */
  AxwImportStats  stats;
  GPtrArray      *changes;
} ImportJob;

struct _AxwManagerProducts
{
  GtkBox                parent_instance;

  AxwDb                *db;
  char                 *manager;
  GListStore           *items;        /* AxwProductItem */
  GtkSingleSelection   *selection;
  GtkStringList        *preview;
  gint64                editing_id;   /* 0: a new product */
  gint64                shown_stock;  /* the stock the form was filled with */
  gboolean              filling;
  gboolean              dirty;
  GBytes               *import_text;  /* the previewed file, applied as previewed */
  ImportJob            *job;          /* (unowned) the running job; %NULL when none or cancelled */
  gboolean              applying;
  guint                 progress_id;

  GtkStack             *pages;
  GtkSearchEntry       *search;
  GtkLabel             *shown;
  GtkColumnView        *list;
  GtkLabel             *form_title;
  GtkEntry             *barcode;
  GtkEntry             *plu;
  GtkEntry             *name;
  GtkEntry             *category;
  GtkEntry             *origin;
  GtkEntry             *cost;
  GtkEntry             *low_stock;
  GtkEntry             *price;
  GtkEntry             *stock;
  GtkCheckButton       *aid;
  GtkCheckButton       *open_price;
  GtkDropDown          *supplier;     /* "None", then the suppliers by name */
  GtkDropDown          *fund;         /* "None", then the funds */
  GtkCheckButton       *fund_discounts;
  GtkButton            *retire_button;
  gboolean              editing_retired;
  GtkLabel             *message;
  GtkLabel             *import_file;
  GtkProgressBar       *progress;
  GtkLabel             *summary;
  GtkListView          *changes;
  GtkWidget            *apply;
};

G_DEFINE_FINAL_TYPE (AxwManagerProducts, axw_manager_products, GTK_TYPE_BOX)

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->text, g_bytes_unref);
  g_clear_pointer (&job->changes, g_ptr_array_unref);
  g_free (job->db_path);
  g_free (job->staff);
  g_free (job);
}

/* The list ---------------------------------------------------------------- */

static void
reload (AxwManagerProducts *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *shown = NULL;

  if (self->db == NULL)
    return;
  found = axw_products_search_with_retired (self->db,
                                            gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                            AXW_MANAGER_PRODUCTS_SHOWN, &error);
  if (found == NULL)
    {
      gtk_label_set_text (self->shown, error->message);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (items, axw_product_item_new (g_steal_pointer (&found->pdata[i])));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  if (items->len == AXW_MANAGER_PRODUCTS_SHOWN)
    shown = g_strdup_printf (_("The first %u products are shown. Type in the search to narrow them."),
                             items->len);
  else
    shown = g_strdup_printf (_("%u products found."), items->len);
  gtk_label_set_text (self->shown, shown);
}

static void
search_changed_cb (AxwManagerProducts *self)
{
  reload (self);
}

/* The form ---------------------------------------------------------------- */

static void
set_text (GtkEntry   *entry,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

/* Fills @drop with "None" and @names, @current among them even when it is
 * no longer listed, and selects @current. */
static void
set_choices (GtkDropDown *drop,
             GPtrArray   *names,
             const char  *current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (list, _("None"));
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (names, i));
      if (g_strcmp0 (current, g_ptr_array_index (names, i)) == 0)
        selected = i + 1;
    }
  if (selected == 0 && current != NULL && *current)
    {
      gtk_string_list_append (list, current);
      selected = g_list_model_get_n_items (G_LIST_MODEL (list)) - 1;
    }
  gtk_drop_down_set_model (drop, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop, selected);
}

/* The suppliers and funds to choose from, read afresh: the Goods in page
 * or the CLI may have added some since. */
static void
fill_choices (AxwManagerProducts *self,
              const AxwProduct   *p)
{
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (self->db != NULL)
    {
      suppliers = axw_suppliers_list (self->db, NULL);
      funds = axw_funds_list (self->db, NULL);
    }
  for (guint i = 0; suppliers != NULL && i < suppliers->len; i++)
    g_ptr_array_add (names, ((AxwSupplier *) g_ptr_array_index (suppliers, i))->name);
  set_choices (self->supplier, names, p ? p->supplier : NULL);
  g_ptr_array_set_size (names, 0);
  /* an ended fund takes no new goods, but a product's own stays shown */
  for (guint i = 0; funds != NULL && i < funds->len; i++)
    if (((AxwFund *) g_ptr_array_index (funds, i))->active)
      g_ptr_array_add (names, ((AxwFund *) g_ptr_array_index (funds, i))->name);
  set_choices (self->fund, names, p ? p->fund : NULL);
}

/* Returns: (transfer full): the chosen name, "" for None */
static char *
choice_text (GtkDropDown *drop)
{
  guint selected = gtk_drop_down_get_selected (drop);
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || item == NULL)
    return g_strdup ("");
  return g_strdup (gtk_string_object_get_string (item));
}

static void
fill_form (AxwManagerProducts *self,
           const AxwProduct   *p)
{
  g_autofree char *price = p ? axw_money_format (p->price_fen) : NULL;
  g_autofree char *stock = p ? axw_qty_format (p->stock_milli) : NULL;
  g_autofree char *cost = p ? axw_money_format (p->cost_fen) : NULL;
  g_autofree char *low = p ? axw_qty_format (p->low_stock_milli) : NULL;
  g_autofree char *title = p
    ? g_strdup_printf (_("Edit “%s”"), p->name) : g_strdup (_("New product"));

  self->filling = TRUE;
  set_text (self->barcode, p ? p->barcode : NULL);
  set_text (self->plu, p ? p->plu : NULL);
  set_text (self->name, p ? p->name : NULL);
  set_text (self->category, p ? p->category : NULL);
  set_text (self->origin, p ? p->origin : NULL);
  set_text (self->price, price);
  set_text (self->stock, stock);
  set_text (self->cost, cost);
  set_text (self->low_stock, low);
  gtk_check_button_set_active (self->aid, p ? p->aid_eligible : FALSE);
  gtk_check_button_set_active (self->open_price, p ? p->open_price : FALSE);
  fill_choices (self, p);
  gtk_check_button_set_active (self->fund_discounts, p ? p->fund_discounts : FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fund_discounts),
                            gtk_drop_down_get_selected (self->fund) > 0);
  self->editing_retired = p ? p->retired : FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->retire_button), p != NULL);
  gtk_button_set_label (self->retire_button,
                        self->editing_retired ? _("Bring bac_k") : _("_Retire"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retire_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->editing_retired ? _("Bring back: sell this product again")
                                                        : _("Retire: keep it for history, sell it "
                                                            "no more"), -1);
  gtk_label_set_text (self->form_title, title);
  self->editing_id = p ? p->id : 0;
  self->shown_stock = p ? p->stock_milli : 0;
  self->filling = FALSE;
  self->dirty = FALSE;
}

static void
form_changed_cb (AxwManagerProducts *self)
{
  if (!self->filling)
    self->dirty = TRUE;
}

static void
choice_changed_cb (AxwManagerProducts *self)
{
  form_changed_cb (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fund_discounts),
                            gtk_drop_down_get_selected (self->fund) > 0);
}

static void
selection_changed_cb (AxwManagerProducts *self)
{
  AxwProductItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item)
    fill_form (self, axw_product_item_get_product (item));
}

static char *
field_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static char *
nullable (char *text)
{
  if (*text)
    return text;
  g_free (text);
  return NULL;
}

/* Reads the form into @p; on a bad field says which and what to type. */
static gboolean
form_to_product (AxwManagerProducts  *self,
                 AxwProduct          *p,
                 GError             **error)
{
  g_autofree char *price = field_text (self->price);
  g_autofree char *stock = field_text (self->stock);
  g_autofree char *cost = field_text (self->cost);
  g_autofree char *low = field_text (self->low_stock);
  g_autoptr(GError) local = NULL;
  gint64 stock_milli = p->stock_milli;

  if (!axw_money_parse (price, &p->price_fen, &local))
    {
      g_set_error (error, local->domain, local->code, _("Price: %s. Type yuan, for example 12.5."),
                   local->message);
      return FALSE;
    }
  if (*stock && !axw_qty_parse (stock, &stock_milli, &local))
    {
      g_set_error (error, local->domain, local->code,
                   _("Stock: %s. Type a number, for example 20."), local->message);
      return FALSE;
    }
  if (*cost && !axw_money_parse (cost, &p->cost_fen, &local))
    {
      g_set_error (error, local->domain, local->code,
                   _("Unit cost: %s. Type yuan, for example 18.5."), local->message);
      return FALSE;
    }
  if (*low && !g_str_equal (low, "0") && !axw_qty_parse (low, &p->low_stock_milli, &local))
    {
      g_set_error (error, local->domain, local->code,
                   _("Low-stock alert: %s. Type a number, for example 10, or 0 for none."),
                   local->message);
      return FALSE;
    }
  if (g_str_equal (low, "0"))
    p->low_stock_milli = 0;
  /* a stock left as shown keeps what sales made of it meanwhile */
  if (p->id == 0 || stock_milli != self->shown_stock)
    p->stock_milli = stock_milli;
  g_free (p->barcode);
  p->barcode = nullable (field_text (self->barcode));
  g_free (p->plu);
  p->plu = nullable (field_text (self->plu));
  g_free (p->name);
  p->name = field_text (self->name);
  g_free (p->category);
  p->category = field_text (self->category);
  g_free (p->origin);
  p->origin = field_text (self->origin);
  p->aid_eligible = gtk_check_button_get_active (self->aid);
  p->open_price = gtk_check_button_get_active (self->open_price);
  g_free (p->supplier);
  p->supplier = choice_text (self->supplier);
  g_free (p->fund);
  p->fund = choice_text (self->fund);
  p->fund_discounts = *p->fund && gtk_check_button_get_active (self->fund_discounts);
  return TRUE;
}

static void
select_product (AxwManagerProducts *self,
                gint64              id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(AxwProductItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (axw_product_item_get_product (item)->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
save_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  AxwManagerProducts *self = AXW_MANAGER_PRODUCTS (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwProduct) p = NULL;
  g_autofree char *done = NULL;

  p = self->editing_id ? axw_products_get (self->db, self->editing_id, &error) : axw_product_new ();
  if (p == NULL || !form_to_product (self, p, &error) ||
      !axw_products_save (self->db, p, self->manager, &error))
    {
      gtk_label_set_text (self->message, error->message);
      return;
    }
  done = g_strdup_printf (_("Saved “%s”."), p->name);
  reload (self);
  select_product (self, p->id);
  fill_form (self, p);
  gtk_label_set_text (self->message, done);
}

/* Retired products stay in the catalog for history; the same button
 * brings one back. */
static void
retire_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  AxwManagerProducts *self = AXW_MANAGER_PRODUCTS (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwProduct) p = self->editing_id
    ? axw_products_get (self->db, self->editing_id, &error) : NULL;
  g_autofree char *code = NULL;
  g_autofree char *done = NULL;
  gboolean retire = !self->editing_retired;

  if (p == NULL)
    {
      gtk_label_set_text (self->message, error ? error->message : _("Choose a product first."));
      return;
    }
  code = g_strdup (p->barcode ? p->barcode : p->plu);
  if (!axw_products_set_retired (self->db, code, retire, self->manager, &error))
    {
      gtk_label_set_text (self->message, error->message);
      return;
    }
  done = g_strdup_printf (retire ? _("“%s” is retired: kept for history, no longer sold.")
                                 : _("“%s” is back on sale."), p->name);
  g_clear_pointer (&p, axw_product_free);
  p = axw_products_get (self->db, self->editing_id, NULL);
  reload (self);
  select_product (self, self->editing_id);
  fill_form (self, p);
  gtk_label_set_text (self->message, done);
}

static void
form_activate_cb (AxwManagerProducts *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "products.save", NULL);
}

static void
search_activate_cb (AxwManagerProducts *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  selection_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->price));
}

static void
new_cb (GtkWidget  *widget,
        const char *action,
        GVariant   *param)
{
  AxwManagerProducts *self = AXW_MANAGER_PRODUCTS (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  fill_form (self, NULL);
  gtk_label_set_text (self->message, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->barcode));
}

/* The import -------------------------------------------------------------- */

static void
job_progress (guint    done,
              guint    total,
              gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->total, (int) total);
  g_atomic_int_set (&job->done, (int) done);
}

/* its own connection: the counter's sales keep their own transactions */
static gboolean
import_job (AxwDb         *db,
            gpointer       task_data,
            GCancellable  *cancellable,
            GError       **error)
{
  ImportJob *job = task_data;
  gconstpointer text;
  gsize len;

  if (job->text == NULL)
    {
      char *contents;

      if (!g_file_load_contents (job->file, cancellable, &contents, &len, NULL, error))
        return FALSE;
      job->text = g_bytes_new_take (contents, len);
    }
  text = g_bytes_get_data (job->text, &len);
  return axw_products_import_csv_full (db, text, len, job->dry_run, job->staff, job_progress, job,
                                       &job->stats, &job->changes, error);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  AxwManagerProducts *self = user_data;
  g_autofree char *text = NULL;
  int done, total;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;
  done = g_atomic_int_get (&self->job->done);
  total = g_atomic_int_get (&self->job->total);
  if (total > 0)
    {
      text = g_strdup_printf (_("%d of %d rows"), done, total);
      gtk_progress_bar_set_fraction (self->progress, (double) done / total);
      gtk_progress_bar_set_text (self->progress, text);
    }
  else
    gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
show_catalog (AxwManagerProducts *self)
{
  self->job = NULL;
  self->applying = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_pointer (&self->import_text, g_bytes_unref);
  gtk_string_list_splice (self->preview, 0, g_list_model_get_n_items (G_LIST_MODEL (self->preview)),
                          NULL);
  gtk_stack_set_visible_child_name (self->pages, "catalog");
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AxwManagerProducts *self = AXW_MANAGER_PRODUCTS (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;

  if (job != self->job)
    return;    /* cancelled meanwhile */
  self->job = NULL;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->applying = FALSE;
      gtk_progress_bar_set_fraction (self->progress, 0);
      gtk_progress_bar_set_text (self->progress, _("Stopped"));
      text = g_strdup_printf (_("%s\nFix the file and import it again."), error->message);
      gtk_label_set_text (self->summary, text);
      gtk_widget_set_sensitive (self->apply, FALSE);
      return;
    }
  counts = axw_import_stats_describe (&job->stats);
  if (!job->dry_run)
    {
      text = g_strdup_printf (_("Imported: %s."), counts);
      show_catalog (self);
      reload (self);
      gtk_label_set_text (self->message, text);
      return;
    }
  gtk_progress_bar_set_fraction (self->progress, 1);
  gtk_progress_bar_set_text (self->progress, _("All rows checked"));
  self->import_text = g_bytes_ref (job->text);
  if (job->changes->len == 0)
    text = g_strdup_printf (_("%s. The catalog already matches the file: nothing to import."),
                            counts);
  else
    text = g_strdup_printf (_("%s. Nothing is changed until you apply."), counts);
  gtk_label_set_text (self->summary, text);
  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < job->changes->len; i++)
    g_ptr_array_add (lines, axw_import_change_describe (g_ptr_array_index (job->changes, i)));
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->preview, 0, g_list_model_get_n_items (G_LIST_MODEL (self->preview)),
                          (const char * const *) lines->pdata);
  gtk_widget_set_sensitive (self->apply, job->changes->len > 0);
  gtk_widget_grab_focus (job->changes->len > 0 ? self->apply : GTK_WIDGET (self->summary));
}

static void
start_job (AxwManagerProducts *self,
           ImportJob          *job)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, import_done_cb, NULL);

  job->db_path = g_strdup (axw_db_get_path (self->db));
  job->staff = g_strdup (self->manager);
  self->job = job;
  g_task_set_task_data (task, job, import_job_free);
  gtk_widget_set_sensitive (self->apply, FALSE);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, job->dry_run ? _("Checking…") : _("Importing…"));
  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->progress_id = g_timeout_add (100, progress_tick_cb, self);
  axw_db_job_run (task, job->db_path, import_job);
}

/**
 * axw_manager_products_import_file:
 *
 * Checks @file in a thread and shows what importing it would change;
 * nothing is written until the manager applies. The file chooser calls this.
 */
void
axw_manager_products_import_file (AxwManagerProducts *self,
                                  GFile              *file)
{
  ImportJob *job = g_new0 (ImportJob, 1);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Import “%s”"), name);

  g_return_if_fail (AXW_IS_MANAGER_PRODUCTS (self));
  show_catalog (self);
  gtk_label_set_text (self->import_file, title);
  gtk_label_set_text (self->summary, _("Checking every row. Nothing is changed yet."));
  gtk_stack_set_visible_child_name (self->pages, "import");
  job->file = g_object_ref (file);
  job->dry_run = TRUE;
  start_job (self, job);
}

static void
import_apply_cb (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  AxwManagerProducts *self = AXW_MANAGER_PRODUCTS (widget);
  ImportJob *job;

  if (self->import_text == NULL || self->job != NULL)
    return;
  job = g_new0 (ImportJob, 1);
  job->text = g_bytes_ref (self->import_text);
  self->applying = TRUE;
  gtk_label_set_text (self->summary, _("Importing…"));
  start_job (self, job);
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     AxwManagerProducts *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file)
        axw_manager_products_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
import_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import products from a CSV file"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check the file"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Cancel and Escape ------------------------------------------------------- */

/* Returns: whether there was something to cancel; when not, Escape goes on
 * to close the window. */
static gboolean
cancel (AxwManagerProducts *self)
{
  AxwProductItem *item;

  if (g_str_equal (gtk_stack_get_visible_child_name (self->pages), "import"))
    {
      if (self->applying)
        return TRUE;    /* the import is being written; it finishes or fails whole */
      show_catalog (self);
      gtk_label_set_text (self->message, _("Import cancelled. Nothing was changed."));
      return TRUE;
    }
  if (!self->dirty)
    return FALSE;
  item = gtk_single_selection_get_selected_item (self->selection);
  fill_form (self, item ? axw_product_item_get_product (item) : NULL);
  gtk_label_set_text (self->message, _("Changes discarded."));
  return TRUE;
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  cancel (AXW_MANAGER_PRODUCTS (widget));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  return cancel (AXW_MANAGER_PRODUCTS (widget));
}

/* The search entry takes Escape for itself: cancel, or close the window
 * like Escape elsewhere. */
static void
search_stop_cb (AxwManagerProducts *self)
{
  if (!cancel (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "window.close", NULL);
}

/* The type ---------------------------------------------------------------- */

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkStringObject *s = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (s));
}

static void
axw_manager_products_dispose (GObject *object)
{
  AxwManagerProducts *self = AXW_MANAGER_PRODUCTS (object);

  self->job = NULL;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_PRODUCTS);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->import_text, g_bytes_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_products_parent_class)->dispose (object);
}

static void
axw_manager_products_class_init (AxwManagerProductsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_products_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-products.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, pages);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, search);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, shown);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, form_title);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, barcode);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, plu);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, name);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, category);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, origin);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, cost);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, low_stock);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, price);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, stock);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, aid);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, open_price);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, supplier);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, fund);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, fund_discounts);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, retire_button);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, import_file);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, progress);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, summary);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, changes);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerProducts, apply);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_install_action (widget_class, "products.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "products.retire", NULL, retire_cb);
  gtk_widget_class_install_action (widget_class, "products.new", NULL, new_cb);
  gtk_widget_class_install_action (widget_class, "products.cancel", NULL, cancel_cb);
  gtk_widget_class_install_action (widget_class, "products.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "products.import-apply", NULL, import_apply_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
axw_manager_products_init (AxwManagerProducts *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *none;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (AXW_TYPE_PRODUCT_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  axw_product_item_append_column (self->list, _("Barcode / PLU"), "code", 0, FALSE);
  axw_product_item_append_column (self->list, _("Name"), "name", 0, TRUE);
  axw_product_item_append_column (self->list, _("Category"), "category", 0, FALSE);
  axw_product_item_append_column (self->list, _("Origin"), "origin", 0, FALSE);
  axw_product_item_append_column (self->list, _("Price"), "price", 100, FALSE);
  axw_product_item_append_column (self->list, _("Stock"), "stock", 100, FALSE);
  axw_product_item_append_column (self->list, _("Aid"), "aid", 0, FALSE);
  axw_product_item_name_list (self->list, _("Products; pick one to edit it"));

  self->preview = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (axw_list_label_setup_cb),
                    GINT_TO_POINTER (AXW_LIST_LABEL_ELLIPSIZE));
  g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), NULL);
  gtk_list_view_set_factory (self->changes, factory);
  g_object_unref (factory);
  none = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->preview)));
  gtk_list_view_set_model (self->changes, GTK_SELECTION_MODEL (none));
  g_object_unref (none);
  fill_form (self, NULL);
}

void
axw_manager_products_set_db (AxwManagerProducts *self,
                             AxwDb              *db,
                             const char         *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_PRODUCTS (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  reload (self);
}

/* Shows the search's results now, without the search entry's delay. */
void
axw_manager_products_search (AxwManagerProducts *self,
                             const char         *query)
{
  g_return_if_fail (AXW_IS_MANAGER_PRODUCTS (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), query ? query : "");
  reload (self);
}

/* Returns: (transfer none): the products shown (AxwProductItem) */
GListModel *
axw_manager_products_get_model (AxwManagerProducts *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_PRODUCTS (self), NULL);
  return G_LIST_MODEL (self->items);
}

void
axw_manager_products_select (AxwManagerProducts *self,
                             guint               position)
{
  g_return_if_fail (AXW_IS_MANAGER_PRODUCTS (self));
  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * axw_manager_products_get_field:
 * @name: "barcode", "plu", "name", "category", "origin", "price", "stock", "cost"
 *   or "low_stock"
 *
 * Returns: (transfer none): the form's entry
 */
GtkEditable *
axw_manager_products_get_field (AxwManagerProducts *self,
                                const char         *name)
{
  GtkEntry *entries[] = { self->barcode, self->plu, self->name, self->category, self->origin,
                          self->price, self->stock, self->cost, self->low_stock };
  const char *names[] = { "barcode", "plu", "name", "category", "origin", "price", "stock", "cost",
    "low_stock" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return GTK_EDITABLE (entries[i]);
  g_return_val_if_reached (NULL);
}

/**
 * axw_manager_products_get_choice:
 * @name: "supplier" or "fund"
 *
 * Returns: (transfer none): the form's drop-down: item 0 is None, the
 *   others are names
 */
GtkDropDown *
axw_manager_products_get_choice (AxwManagerProducts *self,
                                 const char         *name)
{
  if (g_str_equal (name, "supplier"))
    return self->supplier;
  g_return_val_if_fail (g_str_equal (name, "fund"), NULL);
  return self->fund;
}

/* Returns: (transfer none): the check button letting promotions apply to
 *   the fund's goods */
GtkCheckButton *
axw_manager_products_get_fund_discounts (AxwManagerProducts *self)
{
  return self->fund_discounts;
}

/* Returns: (transfer none): the form's aid-eligible check button */
GtkCheckButton *
axw_manager_products_get_aid (AxwManagerProducts *self)
{
  return self->aid;
}

const char *
axw_manager_products_get_message (AxwManagerProducts *self)
{
  return gtk_label_get_text (self->message);
}

/* Whether an import is being checked or written. */
gboolean
axw_manager_products_is_busy (AxwManagerProducts *self)
{
  return self->job != NULL;
}

const char *
axw_manager_products_get_summary (AxwManagerProducts *self)
{
  return gtk_label_get_text (self->summary);
}

/* Returns: (transfer none): the preview's lines (GtkStringObject) */
GListModel *
axw_manager_products_get_preview (AxwManagerProducts *self)
{
  return G_LIST_MODEL (self->preview);
}

/* Returns: "catalog" or "import" */
const char *
axw_manager_products_get_page (AxwManagerProducts *self)
{
  return gtk_stack_get_visible_child_name (self->pages);
}

/* The import's progress bar, 0 to 1 */
double
axw_manager_products_get_progress (AxwManagerProducts *self)
{
  return gtk_progress_bar_get_fraction (self->progress);
}
