/* axw-schema.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Versioned migrations. Each runs in one transaction with the bump of
 * PRAGMA user_version; a released migration is never edited, only followed
 * by a new one.
 */
#include "axw-schema.h"

static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"

  "CREATE TABLE categories ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"

  "CREATE TABLE products ("
  "  id           INTEGER PRIMARY KEY,"
  "  barcode      TEXT UNIQUE,"
  "  plu          TEXT UNIQUE,"
  "  name         TEXT NOT NULL CHECK (name <> ''),"
  "  category_id  INTEGER REFERENCES categories (id),"
  "  origin       TEXT NOT NULL DEFAULT '',"
  "  price_fen    INTEGER NOT NULL CHECK (price_fen >= 0),"
  "  unit         TEXT NOT NULL DEFAULT 'piece' CHECK (unit IN ('piece', 'kg')),"
  "  aid_eligible INTEGER NOT NULL DEFAULT 0 CHECK (aid_eligible IN (0, 1)),"
  "  stock_milli  INTEGER NOT NULL DEFAULT 0,"
  "  active       INTEGER NOT NULL DEFAULT 1,"
  "  updated_at   TEXT NOT NULL,"
  "  CHECK (barcode IS NOT NULL OR plu IS NOT NULL));"
  "CREATE INDEX products_updated ON products (updated_at);"

  "CREATE TABLE staff ("
  "  id              INTEGER PRIMARY KEY,"
  "  name            TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  role            TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),"
  "  pin_hash        TEXT NOT NULL,"
  "  failed_attempts INTEGER NOT NULL DEFAULT 0,"
  "  locked_until    TEXT,"
  "  active          INTEGER NOT NULL DEFAULT 1,"
  "  created_at      TEXT NOT NULL);"

  "CREATE TABLE z_reports ("
  "  id            INTEGER PRIMARY KEY,"
  "  number        INTEGER NOT NULL UNIQUE,"
  "  business_date TEXT NOT NULL UNIQUE,"
  "  closed_at     TEXT NOT NULL,"
  "  staff_id      INTEGER REFERENCES staff (id),"
  "  report_json   TEXT NOT NULL);"
  "CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports"
  "  BEGIN SELECT RAISE (ABORT, 'a Z report is closed and cannot change'); END;"
  "CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports"
  "  BEGIN SELECT RAISE (ABORT, 'a Z report is closed and cannot be deleted'); END;"

  "CREATE TABLE shifts ("
  "  id            INTEGER PRIMARY KEY,"
  "  staff_id      INTEGER NOT NULL REFERENCES staff (id),"
  "  opened_at     TEXT NOT NULL,"
  "  closed_at     TEXT,"
  "  float_fen     INTEGER NOT NULL DEFAULT 0 CHECK (float_fen >= 0),"
  "  expected_fen  INTEGER,"
  "  counted_fen   INTEGER,"
  "  count_json    TEXT);"
  "CREATE UNIQUE INDEX shifts_one_open ON shifts (closed_at IS NULL) WHERE closed_at IS NULL;"

  "CREATE TABLE cash_movements ("
  "  id         INTEGER PRIMARY KEY,"
  "  shift_id   INTEGER NOT NULL REFERENCES shifts (id),"
  "  at         TEXT NOT NULL,"
  "  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),"
  "  reason     TEXT NOT NULL CHECK (reason <> ''),"
  "  staff_id   INTEGER REFERENCES staff (id));"

  "CREATE TABLE promotions ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  scope        TEXT NOT NULL CHECK (scope IN ('aid', 'all')),"
  "  percent_bp   INTEGER NOT NULL CHECK (percent_bp > 0 AND percent_bp <= 10000),"
  "  day_of_month INTEGER CHECK (day_of_month BETWEEN 1 AND 31),"
  "  month        INTEGER CHECK (month BETWEEN 1 AND 12),"
  "  date_from    TEXT,"
  "  date_to      TEXT,"
  "  active       INTEGER NOT NULL DEFAULT 1);"

  "CREATE TABLE funder_keys ("
  "  id         INTEGER PRIMARY KEY,"
  "  funder     TEXT NOT NULL CHECK (funder <> ''),"
  "  public_key TEXT NOT NULL,"
  "  added_at   TEXT NOT NULL,"
  "  UNIQUE (funder, public_key));"

  "CREATE TABLE campaigns ("
  "  id     INTEGER PRIMARY KEY,"
  "  name   TEXT NOT NULL CHECK (name <> ''),"
  "  funder TEXT NOT NULL CHECK (funder <> ''),"
  "  UNIQUE (name, funder));"

  "CREATE TABLE vouchers ("
  "  id            INTEGER PRIMARY KEY,"
  "  code          TEXT NOT NULL UNIQUE CHECK (code <> ''),"
  "  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),"
  "  face_fen      INTEGER NOT NULL CHECK (face_fen > 0),"
  "  min_spend_fen INTEGER NOT NULL DEFAULT 0 CHECK (min_spend_fen >= 0),"
  "  valid_from    TEXT NOT NULL,"
  "  valid_to      TEXT NOT NULL,"
  "  scope         TEXT NOT NULL CHECK (scope IN ('aid', 'all')),"
  "  imported_at   TEXT NOT NULL);"

  "CREATE TABLE sales ("
  "  id                INTEGER PRIMARY KEY,"
  "  uuid              TEXT NOT NULL UNIQUE,"
  "  receipt_no        TEXT NOT NULL UNIQUE,"
  "  kind              TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),"
  "  refund_of         INTEGER REFERENCES sales (id),"
  "  created_at        TEXT NOT NULL,"
  "  business_date     TEXT NOT NULL,"
  "  seq               INTEGER NOT NULL,"
  "  shop              TEXT NOT NULL,"
  "  terminal          TEXT NOT NULL,"
  "  staff_id          INTEGER NOT NULL REFERENCES staff (id),"
  "  staff_name        TEXT NOT NULL,"
  "  shift_id          INTEGER REFERENCES shifts (id),"
  "  gross_fen         INTEGER NOT NULL,"
  "  promo_fen         INTEGER NOT NULL,"
  "  net_fen           INTEGER NOT NULL,"
  "  red_packet_fen    INTEGER NOT NULL DEFAULT 0,"
  "  total_fen         INTEGER NOT NULL,"
  "  cash_rounding_fen INTEGER NOT NULL DEFAULT 0,"
  "  change_fen        INTEGER NOT NULL DEFAULT 0 CHECK (change_fen >= 0),"
  "  voucher_code      TEXT,"
  "  campaign          TEXT,"
  "  funder            TEXT,"
  "  z_id              INTEGER REFERENCES z_reports (id),"
  "  CHECK ((kind = 'refund') = (refund_of IS NOT NULL)),"
  "  UNIQUE (shop, terminal, business_date, seq));"
  "CREATE INDEX sales_business_date ON sales (business_date);"
  "CREATE INDEX sales_refund_of ON sales (refund_of);"

  "CREATE TABLE sale_lines ("
  "  id             INTEGER PRIMARY KEY,"
  "  sale_id        INTEGER NOT NULL REFERENCES sales (id),"
  "  line_no        INTEGER NOT NULL,"
  "  product_id     INTEGER REFERENCES products (id),"
  "  barcode        TEXT NOT NULL,"
  "  name           TEXT NOT NULL,"
  "  category       TEXT NOT NULL DEFAULT '',"
  "  qty_milli      INTEGER NOT NULL CHECK (qty_milli > 0),"
  "  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),"
  "  gross_fen      INTEGER NOT NULL CHECK (gross_fen >= 0),"
  "  promo_fen      INTEGER NOT NULL CHECK (promo_fen >= 0),"
  "  promotion      TEXT,"
  "  net_fen        INTEGER NOT NULL CHECK (net_fen >= 0),"
  "  aid_eligible   INTEGER NOT NULL,"
  "  red_packet_fen INTEGER NOT NULL CHECK (red_packet_fen >= 0),"
  "  pay_fen        INTEGER NOT NULL CHECK (pay_fen >= 0),"
  "  refund_of_line INTEGER REFERENCES sale_lines (id),"
  "  UNIQUE (sale_id, line_no));"
  "CREATE INDEX sale_lines_refund_of ON sale_lines (refund_of_line);"
  "CREATE INDEX sale_lines_product ON sale_lines (product_id);"

  "CREATE TABLE payments ("
  "  id           INTEGER PRIMARY KEY,"
  "  sale_id      INTEGER NOT NULL REFERENCES sales (id),"
  "  seq          INTEGER NOT NULL,"
  "  method       TEXT NOT NULL CHECK (method IN ('cash', 'wechat', 'alipay', 'unionpay')),"
  "  amount_fen   INTEGER NOT NULL CHECK (amount_fen >= 0),"
  "  tendered_fen INTEGER,"
  "  UNIQUE (sale_id, seq));"

  /* One redemption per code, enforced here: two terminals racing on one
   * file cannot both redeem it. */
  "CREATE TABLE redemptions ("
  "  code         TEXT PRIMARY KEY,"
  "  sale_id      INTEGER NOT NULL UNIQUE REFERENCES sales (id),"
  "  campaign     TEXT NOT NULL,"
  "  funder       TEXT NOT NULL,"
  "  discount_fen INTEGER NOT NULL CHECK (discount_fen > 0),"
  "  redeemed_at  TEXT NOT NULL);"

  "CREATE TABLE print_jobs ("
  "  id         INTEGER PRIMARY KEY,"
  "  sale_id    INTEGER REFERENCES sales (id),"
  "  kind       TEXT NOT NULL DEFAULT 'receipt',"
  "  status     TEXT NOT NULL DEFAULT 'pending'"
  "             CHECK (status IN ('pending', 'printing', 'done', 'failed')),"
  "  printer    TEXT,"
  "  payload    BLOB,"
  "  attempts   INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX print_jobs_status ON print_jobs (status);"

  "CREATE TABLE outbox ("
  "  id              INTEGER PRIMARY KEY,"
  "  sale_id         INTEGER NOT NULL UNIQUE REFERENCES sales (id),"
  "  status          TEXT NOT NULL DEFAULT 'pending'"
  "                  CHECK (status IN ('pending', 'sent', 'dead')),"
  "  attempts        INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at TEXT,"
  "  last_error      TEXT,"
  "  sent_at         TEXT,"
  "  created_at      TEXT NOT NULL);"
  "CREATE INDEX outbox_status ON outbox (status, id);"

  "CREATE TABLE export_cursor ("
  "  name          TEXT PRIMARY KEY,"
  "  last_sale_id  INTEGER NOT NULL DEFAULT 0,"
  "  products_hash TEXT);"

  "CREATE TABLE online_orders ("
  "  order_id   TEXT PRIMARY KEY,"
  "  applied_at TEXT NOT NULL);"

  "CREATE TABLE audit_log ("
  "  id     INTEGER PRIMARY KEY,"
  "  at     TEXT NOT NULL,"
  "  staff  TEXT,"
  "  action TEXT NOT NULL,"
  "  detail TEXT NOT NULL DEFAULT '');"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;";

/* v2: per-staff accessibility settings and pinyin initials for search. */
static const char migration_2[] =
  "ALTER TABLE staff ADD COLUMN font_scale_pct INTEGER NOT NULL DEFAULT 100"
  "  CHECK (font_scale_pct BETWEEN 100 AND 200);"
  "ALTER TABLE staff ADD COLUMN high_contrast INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE staff ADD COLUMN sound INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE staff ADD COLUMN speech INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE products ADD COLUMN pinyin TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX products_pinyin ON products (pinyin);"
  /* Sales of a closed day are immutable. */
  "CREATE TRIGGER sales_closed_no_update BEFORE UPDATE ON sales"
  "  WHEN OLD.z_id IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'this sale belongs to a closed day'); END;"
  "CREATE TRIGGER sales_closed_no_delete BEFORE DELETE ON sales"
  "  WHEN OLD.z_id IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'this sale belongs to a closed day'); END;"
  "CREATE TRIGGER sale_lines_closed_no_update BEFORE UPDATE ON sale_lines"
  "  WHEN (SELECT z_id FROM sales WHERE id = OLD.sale_id) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'this sale belongs to a closed day'); END;"
  "CREATE TRIGGER sale_lines_closed_no_delete BEFORE DELETE ON sale_lines"
  "  WHEN (SELECT z_id FROM sales WHERE id = OLD.sale_id) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'this sale belongs to a closed day'); END;"
  "CREATE TRIGGER payments_closed_no_update BEFORE UPDATE ON payments"
  "  WHEN (SELECT z_id FROM sales WHERE id = OLD.sale_id) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'this sale belongs to a closed day'); END;"
  "CREATE TRIGGER payments_closed_no_delete BEFORE DELETE ON payments"
  "  WHEN (SELECT z_id FROM sales WHERE id = OLD.sale_id) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'this sale belongs to a closed day'); END;";

/* v3: held (parked) sales survive a restart. Only the scanned lines are
 * kept: a held cart is priced again when it is recalled, and it never
 * touches stock, sales or the outbox. */
static const char migration_3[] =
  "CREATE TABLE held_sales ("
  "  id           INTEGER PRIMARY KEY,"
  "  position     INTEGER NOT NULL UNIQUE,"   /* recall takes the largest */
  "  staff        TEXT NOT NULL,"
  "  held_at      TEXT NOT NULL,"
  "  voucher_code TEXT);"
  "CREATE TABLE held_sale_lines ("
  "  held_id        INTEGER NOT NULL REFERENCES held_sales (id) ON DELETE CASCADE,"
  "  line_no        INTEGER NOT NULL,"
  "  product_id     INTEGER NOT NULL,"
  "  barcode        TEXT,"
  "  name           TEXT NOT NULL,"
  "  category       TEXT NOT NULL DEFAULT '',"
  "  qty_milli      INTEGER NOT NULL CHECK (qty_milli > 0),"
  "  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),"
  "  per_kg         INTEGER NOT NULL,"
  "  weighed        INTEGER NOT NULL,"
  "  aid_eligible   INTEGER NOT NULL,"
  "  PRIMARY KEY (held_id, line_no));";

/* v4: a weighed line's price is its scale label's (docs/design.md §5.1), not unit
 * price × weight, so a held one keeps it. Lines held before v4 get unit
 * price × weight: the label's own price was not kept (it may differ by a
 * fen), and that is nearer than the ¥0 they came back with. */
static const char migration_4[] =
  "ALTER TABLE held_sale_lines ADD COLUMN gross_fen INTEGER NOT NULL DEFAULT 0;"
  "UPDATE held_sale_lines SET gross_fen = (unit_price_fen * qty_milli + 500) / 1000 WHERE weighed;";

/* v5: a closed day takes nothing new either: no sale dated that day, no
 * line or payment added to one of its sales, no row moved into it
 * (v2 refuses changing or deleting what it has). A sale is of a closed
 * day when it is marked (z_id) or its business date has a Z report.
 * Numbered 5, not 4: another branch's migration 4 comes before it. */
#define CLOSED_DAY_REFUSAL "BEGIN SELECT RAISE (ABORT, 'this sale belongs to a closed day'); END;"
#define SALE_IS_CLOSED(id) \
  "  WHEN (SELECT z_id IS NOT NULL OR business_date IN (SELECT business_date FROM z_reports)" \
  "        FROM sales WHERE id = " id ")"
static const char migration_5[] =
  "CREATE TRIGGER sales_closed_no_insert BEFORE INSERT ON sales"
  "  WHEN NEW.z_id IS NOT NULL OR NEW.business_date IN (SELECT business_date FROM z_reports)"
  "  " CLOSED_DAY_REFUSAL
  "CREATE TRIGGER sales_closed_no_move_in BEFORE UPDATE OF business_date ON sales"
  "  WHEN NEW.business_date IN (SELECT business_date FROM z_reports)"
  "  " CLOSED_DAY_REFUSAL
  "CREATE TRIGGER sale_lines_closed_no_insert BEFORE INSERT ON sale_lines"
  SALE_IS_CLOSED ("NEW.sale_id") CLOSED_DAY_REFUSAL
  "CREATE TRIGGER sale_lines_closed_no_move_in BEFORE UPDATE OF sale_id ON sale_lines"
  SALE_IS_CLOSED ("NEW.sale_id") CLOSED_DAY_REFUSAL
  "CREATE TRIGGER payments_closed_no_insert BEFORE INSERT ON payments"
  SALE_IS_CLOSED ("NEW.sale_id") CLOSED_DAY_REFUSAL
  "CREATE TRIGGER payments_closed_no_move_in BEFORE UPDATE OF sale_id ON payments"
  SALE_IS_CLOSED ("NEW.sale_id") CLOSED_DAY_REFUSAL;

/* v6: which copy of its receipt a print job is. 0 is the first; a later
 * job of the same sale is a reprint, marked on paper with its number. The
 * count lives on the jobs because a closed day's sales cannot change. */
static const char migration_6[] =
  "ALTER TABLE print_jobs ADD COLUMN reprint INTEGER NOT NULL DEFAULT 0 CHECK (reprint >= 0);"
  "CREATE INDEX print_jobs_sale ON print_jobs (sale_id);";

/* v7: counter exceptions. A sale line whose price a manager changed keeps
 * the catalog price it replaced (NULL: not overridden), and the manager
 * marks products whose price the cashier types at each sale; a held line
 * keeps both, so a recalled sale is the sale that was held. */
static const char migration_7[] =
  "ALTER TABLE sale_lines ADD COLUMN list_price_fen INTEGER CHECK (list_price_fen >= 0);"
  "ALTER TABLE products ADD COLUMN open_price INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE held_sale_lines ADD COLUMN list_price_fen INTEGER CHECK (list_price_fen >= 0);"
  "ALTER TABLE held_sale_lines ADD COLUMN open_price INTEGER NOT NULL DEFAULT 0;";

/* v8: stock is a whole number of milli-units, always. An overflowing
 * "stock_milli + ?" made SQLite store a REAL (9.22e18) that later sales no
 * longer moved; such a value is set back to the nearest integer, with an
 * audit row naming the product so a stocktake follows. And the lines of
 * online orders are kept, so a return is checked against what the order
 * sold. (Numbers 4–7 are other changes of the same release.) */
static const char migration_8[] =
  "INSERT INTO audit_log (at, staff, action, detail)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), NULL, 'stock.repair',"
  "         'product ' || id || ' ' || name || ': stock ' || stock_milli ||"
  "         ' was not a whole number; set to ' || CAST (stock_milli AS INTEGER) || ', count it'"
  "  FROM products WHERE typeof (stock_milli) <> 'integer';"
  "UPDATE products SET stock_milli = CAST (stock_milli AS INTEGER)"
  "  WHERE typeof (stock_milli) <> 'integer';"
  "CREATE TRIGGER products_stock_integer_insert BEFORE INSERT ON products"
  "  WHEN typeof (NEW.stock_milli) <> 'integer'"
  "  BEGIN SELECT RAISE (ABORT, 'the stock must be a whole number of milli-units'); END;"
  "CREATE TRIGGER products_stock_integer_update BEFORE UPDATE OF stock_milli ON products"
  "  WHEN typeof (NEW.stock_milli) <> 'integer'"
  "  BEGIN SELECT RAISE (ABORT, 'the stock must be a whole number of milli-units'); END;"
  "CREATE TABLE online_order_lines ("
  "  order_id   TEXT NOT NULL REFERENCES online_orders (order_id),"
  "  product_id INTEGER NOT NULL REFERENCES products (id),"
  "  qty_milli  INTEGER NOT NULL CHECK (qty_milli > 0),"
  "  return_of  TEXT REFERENCES online_orders (order_id));"
  "CREATE INDEX online_order_lines_order ON online_order_lines (order_id);"
  "CREATE INDEX online_order_lines_return ON online_order_lines (return_of);";

/* v9: the district hub (docs/district.md) has its own delivery state per
 * sale, apart from the online shop's outbox.status: a row per target in
 * outbox_targets, queued by a trigger with every outbox row, sent_at set
 * once the hub confirmed the sale's UUID. A redemption says whether the
 * hub was asked about its code before it was accepted ("not_checked"
 * when the hub could not be reached, and for every older one). */
static const char migration_9[] =
  "CREATE TABLE outbox_targets ("
  "  target  TEXT NOT NULL CHECK (target IN ('hub')),"
  "  sale_id INTEGER NOT NULL REFERENCES sales (id),"
  "  sent_at TEXT,"
  "  PRIMARY KEY (target, sale_id));"
  "CREATE INDEX outbox_targets_pending ON outbox_targets (target, sale_id) WHERE sent_at IS NULL;"
  "INSERT INTO outbox_targets (target, sale_id) SELECT 'hub', sale_id FROM outbox;"
  "CREATE TRIGGER outbox_to_hub AFTER INSERT ON outbox"
  "  BEGIN INSERT INTO outbox_targets (target, sale_id) VALUES ('hub', NEW.sale_id); END;"
  "ALTER TABLE redemptions ADD COLUMN district_check TEXT NOT NULL DEFAULT 'not_checked'"
  "  CHECK (district_check IN ('checked', 'not_checked'));"
  "CREATE TABLE district_state ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);";
/* v10: goods in (issue 18). Suppliers, what a product costs and who
 * supplies it, deliveries and returns to the supplier, consignment
 * settlements. Each sale line keeps where its goods came from as they
 * were when it was sold (sale_line_sources, filled by a trigger, so the
 * checkout is unchanged and a closed day's origins never move); a refund
 * line takes its sold line's. A sale line is settled at most once: its id
 * is the key of settled_lines. (Numbers 6, 7 and 9 are other branches'.) */
static const char migration_10[] =
  "CREATE TABLE suppliers ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  contact     TEXT NOT NULL DEFAULT '',"
  "  origin      TEXT NOT NULL DEFAULT '',"
  "  consignment INTEGER NOT NULL DEFAULT 0 CHECK (consignment IN (0, 1)),"
  "  partner     INTEGER NOT NULL DEFAULT 0 CHECK (partner IN (0, 1)),"
  "  created_at  TEXT NOT NULL);"
  "ALTER TABLE products ADD COLUMN supplier_id INTEGER REFERENCES suppliers (id);"
  "ALTER TABLE products ADD COLUMN cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0);"
  "ALTER TABLE products ADD COLUMN low_stock_milli INTEGER NOT NULL DEFAULT 0"
  "  CHECK (low_stock_milli >= 0);"

  "CREATE TABLE deliveries ("
  "  id           INTEGER PRIMARY KEY,"
  "  supplier_id  INTEGER NOT NULL REFERENCES suppliers (id),"
  "  kind         TEXT NOT NULL CHECK (kind IN ('delivery', 'return')),"
  "  return_of    INTEGER REFERENCES deliveries (id),"
  "  delivered_on TEXT NOT NULL,"
  "  received_at  TEXT NOT NULL,"
  "  staff        TEXT NOT NULL,"
  "  note         TEXT NOT NULL DEFAULT '',"
  "  CHECK ((kind = 'return') = (return_of IS NOT NULL)));"
  "CREATE TABLE delivery_lines ("
  "  id             INTEGER PRIMARY KEY,"
  "  delivery_id    INTEGER NOT NULL REFERENCES deliveries (id),"
  "  line_no        INTEGER NOT NULL,"
  "  product_id     INTEGER NOT NULL REFERENCES products (id),"
  "  qty_milli      INTEGER NOT NULL CHECK (qty_milli > 0),"
  "  unit_cost_fen  INTEGER NOT NULL CHECK (unit_cost_fen >= 0),"
  "  amount_fen     INTEGER NOT NULL CHECK (amount_fen >= 0),"
  "  return_of_line INTEGER REFERENCES delivery_lines (id),"
  "  UNIQUE (delivery_id, line_no));"
  "CREATE INDEX delivery_lines_return ON delivery_lines (return_of_line);"
  "CREATE TRIGGER deliveries_no_update BEFORE UPDATE ON deliveries"
  "  BEGIN SELECT RAISE (ABORT, 'a delivery is recorded; return it instead'); END;"
  "CREATE TRIGGER deliveries_no_delete BEFORE DELETE ON deliveries"
  "  BEGIN SELECT RAISE (ABORT, 'a delivery is recorded; return it instead'); END;"
  "CREATE TRIGGER delivery_lines_no_update BEFORE UPDATE ON delivery_lines"
  "  BEGIN SELECT RAISE (ABORT, 'a delivery is recorded; return it instead'); END;"
  "CREATE TRIGGER delivery_lines_no_delete BEFORE DELETE ON delivery_lines"
  "  BEGIN SELECT RAISE (ABORT, 'a delivery is recorded; return it instead'); END;"

  "CREATE TABLE sale_line_sources ("
  "  sale_line_id INTEGER PRIMARY KEY REFERENCES sale_lines (id),"
  "  supplier_id  INTEGER REFERENCES suppliers (id),"
  "  origin       TEXT NOT NULL DEFAULT '',"
  "  cost_fen     INTEGER NOT NULL DEFAULT 0,"
  "  consignment  INTEGER NOT NULL DEFAULT 0,"
  "  partner      INTEGER NOT NULL DEFAULT 0);"
  "CREATE TRIGGER sale_lines_source AFTER INSERT ON sale_lines"
  "  WHEN NEW.refund_of_line IS NULL BEGIN"
  "  INSERT INTO sale_line_sources"
  "    SELECT NEW.id, p.supplier_id, coalesce (nullif (p.origin, ''), s.origin, ''), p.cost_fen,"
  "           coalesce (s.consignment, 0), coalesce (s.partner, 0)"
  "    FROM products p LEFT JOIN suppliers s ON s.id = p.supplier_id WHERE p.id = NEW.product_id;"
  "  END;"
  "CREATE TRIGGER sale_lines_refund_source AFTER INSERT ON sale_lines"
  "  WHEN NEW.refund_of_line IS NOT NULL BEGIN"
  "  INSERT INTO sale_line_sources"
  "    SELECT NEW.id, supplier_id, origin, cost_fen, consignment, partner"
  "    FROM sale_line_sources WHERE sale_line_id = NEW.refund_of_line;"
  "  END;"
  /* Lines sold before v10: from the product as it is now. */
  "INSERT INTO sale_line_sources (sale_line_id, origin)"
  "  SELECT l.id, p.origin FROM sale_lines l JOIN products p ON p.id = l.product_id;"

  "CREATE TABLE consignment_settlements ("
  "  id          INTEGER PRIMARY KEY,"
  "  number      INTEGER NOT NULL UNIQUE CHECK (number > 0),"
  "  supplier_id INTEGER NOT NULL REFERENCES suppliers (id),"
  "  date_from   TEXT NOT NULL,"
  "  date_to     TEXT NOT NULL,"
  "  owed_fen    INTEGER NOT NULL,"
  "  settled_at  TEXT NOT NULL,"
  "  staff       TEXT NOT NULL);"
  "CREATE TABLE settled_lines ("
  "  sale_line_id  INTEGER PRIMARY KEY REFERENCES sale_lines (id),"
  "  settlement_id INTEGER NOT NULL REFERENCES consignment_settlements (id),"
  "  cost_fen      INTEGER NOT NULL);"
  "CREATE TRIGGER consignment_settlements_no_change BEFORE UPDATE ON consignment_settlements"
  "  BEGIN SELECT RAISE (ABORT, 'a settlement is closed'); END;"
  "CREATE TRIGGER consignment_settlements_no_delete BEFORE DELETE ON consignment_settlements"
  "  BEGIN SELECT RAISE (ABORT, 'a settlement is closed'); END;"
  "CREATE TRIGGER settled_lines_no_change BEFORE UPDATE ON settled_lines"
  "  BEGIN SELECT RAISE (ABORT, 'a settlement is closed'); END;"
  "CREATE TRIGGER settled_lines_no_delete BEFORE DELETE ON settled_lines"
  "  BEGIN SELECT RAISE (ABORT, 'a settlement is closed'); END;";
/* v12: donations (docs/design.md §15). A fund has a name, its
 * beneficiary and an active flag; a sale's donation is a row of its own
 * (one per document; a refund's row gives it back), so the sales and
 * lines keep meaning goods, and a closed day's donations are as
 * immutable as its sales. Products may belong to a fund (the 爱心义卖
 * corner) and lines keep that fund's name. (7, 9, 10, 11: other
 * branches.) */
static const char migration_12[] =
  "CREATE TABLE funds ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  beneficiary TEXT NOT NULL DEFAULT '',"
  "  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  created_at  TEXT NOT NULL,"
  "  ended_at    TEXT);"
  "CREATE TABLE donations ("
  "  sale_id    INTEGER PRIMARY KEY REFERENCES sales (id),"
  "  fund_id    INTEGER NOT NULL REFERENCES funds (id),"
  "  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0));"
  "CREATE INDEX donations_fund ON donations (fund_id);"
  "CREATE TRIGGER donations_closed_no_insert BEFORE INSERT ON donations"
  SALE_IS_CLOSED ("NEW.sale_id") CLOSED_DAY_REFUSAL
  "CREATE TRIGGER donations_closed_no_update BEFORE UPDATE ON donations"
  SALE_IS_CLOSED ("OLD.sale_id") CLOSED_DAY_REFUSAL
  "CREATE TRIGGER donations_closed_no_delete BEFORE DELETE ON donations"
  SALE_IS_CLOSED ("OLD.sale_id") CLOSED_DAY_REFUSAL
  "ALTER TABLE products ADD COLUMN fund_id INTEGER REFERENCES funds (id);"
  "ALTER TABLE products ADD COLUMN fund_discounts INTEGER NOT NULL DEFAULT 0 CHECK (fund_discounts "
  "IN (0, 1));"
  "ALTER TABLE sale_lines ADD COLUMN fund TEXT;"
  /* reports ask each document for its charity lines: only those are indexed */
  "CREATE INDEX sale_lines_fund ON sale_lines (sale_id) WHERE fund IS NOT NULL;";

/* v13: a held sale keeps its donation (一元捐 or round-up, docs/design.md
 * §15): the fund's name, the fixed amount asked, and what the total is
 * rounded up to; it is priced again when recalled, like the lines. */
static const char migration_13[] =
  "ALTER TABLE held_sales ADD COLUMN donation_fund TEXT;"
  "ALTER TABLE held_sales ADD COLUMN donation_ask_fen INTEGER NOT NULL DEFAULT 0 "
  "CHECK (donation_ask_fen >= 0);"
  "ALTER TABLE held_sales ADD COLUMN donation_round_to_fen INTEGER NOT NULL DEFAULT 0 "
  "CHECK (donation_round_to_fen >= 0);";

static const AxwMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 3, migration_3 },
  { 4, migration_4 },
  { 5, migration_5 },
  { 6, migration_6 },
  { 7, migration_7 },
  { 8, migration_8 },
  { 9, migration_9 },
  { 10, migration_10 },
  { 12, migration_12 },
  { 13, migration_13 },
};

const AxwMigration *
axw_schema_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
