/* axw-district-schema.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hub's schema, versioned like the shop's (district.hub_meta holds
 * the version). Shops write only through district.ingest(), a SECURITY
 * DEFINER function that takes the shop from session_user, so a shop's
 * role needs no INSERT on any table and cannot write another shop's
 * documents (docs/district.md explains the choice over row-level
 * security). Readers (the funder, reports) get SELECT and nothing else.
 */
#include "axw-district-private.h"

/* Roles are cluster-wide: created only when missing, so a second init or
 * a second hub database in the same cluster changes nothing. */
static const char hub_roles[] =
  "DO $$ BEGIN"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'axw_shop') THEN"
  "    CREATE ROLE axw_shop NOLOGIN; END IF;"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'axw_reader') THEN"
  "    CREATE ROLE axw_reader NOLOGIN; END IF;"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'axw_online') THEN"
  "    CREATE ROLE axw_online NOLOGIN; END IF;"
  "END $$;";

static const char hub_v1[] =
  "CREATE SCHEMA district;"
  "REVOKE ALL ON SCHEMA district FROM PUBLIC;"
  "CREATE TABLE district.hub_meta (key text PRIMARY KEY, value text NOT NULL);"
  "CREATE TABLE district.shops ("
  "  code       text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9]{1,8}$'),"
  "  role       name NOT NULL UNIQUE,"
  "  created_at timestamptz NOT NULL DEFAULT now());"
  "CREATE TABLE district.terminals ("
  "  shop       text NOT NULL REFERENCES district.shops (code),"
  "  code       text NOT NULL,"
  "  first_seen timestamptz NOT NULL DEFAULT now(),"
  "  PRIMARY KEY (shop, code));"
  "CREATE TABLE district.sale_docs ("
  "  uuid              uuid PRIMARY KEY,"
  "  shop              text NOT NULL,"   /* ingest writes only its caller's shop */
  "  terminal          text NOT NULL,"
  "  receipt_no        text NOT NULL,"
  "  kind              text NOT NULL CHECK (kind IN ('sale', 'refund')),"
  "  refund_of         uuid,"
  "  created_at        timestamptz NOT NULL,"
  "  business_date     date NOT NULL,"
  "  staff             text NOT NULL,"
  "  gross_fen         bigint NOT NULL,"
  "  promo_fen         bigint NOT NULL,"
  "  red_packet_fen    bigint NOT NULL,"
  "  total_fen         bigint NOT NULL,"
  "  cash_rounding_fen bigint NOT NULL,"
  "  rp_code           text,"
  "  rp_campaign       text,"
  "  rp_funder         text,"
  "  received_at       timestamptz NOT NULL DEFAULT now());"
  "CREATE INDEX sale_docs_date ON district.sale_docs (business_date, shop);"
  "CREATE INDEX sale_docs_refund_of ON district.sale_docs (refund_of) WHERE refund_of IS NOT NULL;"
  "CREATE INDEX sale_docs_red_packets ON district.sale_docs (business_date) WHERE rp_code IS NOT NULL;"
  /* Lines are most of the rows: one partition per month, created by
   * ingest when a month first appears (district.ensure_month). */
  "CREATE TABLE district.sale_lines ("
  "  business_date  date NOT NULL,"
  "  sale_uuid      uuid NOT NULL,"
  "  line           integer NOT NULL,"
  "  shop           text NOT NULL,"
  "  kind           text NOT NULL,"
  "  barcode        text,"
  "  name           text NOT NULL,"
  "  qty_milli      bigint NOT NULL,"
  "  unit_price_fen bigint NOT NULL,"
  "  gross_fen      bigint NOT NULL,"
  "  promo_fen      bigint NOT NULL,"
  "  promotion      text,"
  "  net_fen        bigint NOT NULL,"
  "  aid_eligible   boolean NOT NULL,"
  "  red_packet_fen bigint NOT NULL,"
  "  pay_fen        bigint NOT NULL,"
  "  PRIMARY KEY (business_date, sale_uuid, line)) PARTITION BY RANGE (business_date);"
  /* The document's date and kind are repeated here so that a report sums
   * payments without joining 500 000 documents a year. */
  "CREATE TABLE district.payments ("
  "  sale_uuid     uuid NOT NULL,"
  "  seq           integer NOT NULL,"
  "  business_date date NOT NULL,"
  "  kind          text NOT NULL,"
  "  method        text NOT NULL,"
  "  amount_fen    bigint NOT NULL,"
  "  PRIMARY KEY (sale_uuid, seq));"
  "CREATE INDEX payments_date ON district.payments (business_date);"
  "CREATE VIEW district.refunds AS"
  "  SELECT uuid, refund_of, shop, receipt_no, business_date, total_fen, red_packet_fen, rp_code"
  "  FROM district.sale_docs WHERE kind = 'refund';"
  /* The first redemption of a code to reach the hub is the one claimed;
   * any later one is a conflict, kept whole for the funder. */
  "CREATE TABLE district.redemptions ("
  "  code          text PRIMARY KEY,"
  "  campaign      text NOT NULL,"
  "  funder        text NOT NULL,"
  "  sale_uuid     uuid NOT NULL UNIQUE REFERENCES district.sale_docs (uuid),"
  "  shop          text NOT NULL,"
  "  receipt_no    text NOT NULL,"
  "  business_date date NOT NULL,"
  "  created_at    timestamptz NOT NULL,"
  "  amount_fen    bigint NOT NULL);"
  "CREATE INDEX redemptions_funder ON district.redemptions (funder, business_date);"
  "CREATE TABLE district.conflicts ("
  "  id                bigserial PRIMARY KEY,"
  "  code              text NOT NULL REFERENCES district.redemptions (code),"
  "  sale_uuid         uuid NOT NULL UNIQUE REFERENCES district.sale_docs (uuid),"
  "  shop              text NOT NULL,"
  "  receipt_no        text NOT NULL,"
  "  business_date     date NOT NULL,"
  "  created_at        timestamptz NOT NULL,"
  "  amount_fen        bigint NOT NULL,"
  "  detected_at       timestamptz NOT NULL DEFAULT now(),"
  "  resolved_at       timestamptz);"
  "CREATE TABLE district.catalog ("
  "  sku          text PRIMARY KEY,"
  "  barcode      text,"
  "  plu          text,"
  "  name         text NOT NULL,"
  "  category     text NOT NULL DEFAULT '',"
  "  origin       text NOT NULL DEFAULT '',"
  "  price_fen    bigint NOT NULL CHECK (price_fen >= 0),"
  "  unit         text NOT NULL DEFAULT 'piece' CHECK (unit IN ('piece', 'kg')),"
  "  aid_eligible boolean NOT NULL DEFAULT false,"
  "  active       boolean NOT NULL DEFAULT true,"
  "  updated_at   timestamptz NOT NULL DEFAULT now());"
  "CREATE TABLE district.promotions ("
  "  name         text PRIMARY KEY,"
  "  scope        text NOT NULL CHECK (scope IN ('aid', 'all')),"
  "  percent_bp   integer NOT NULL CHECK (percent_bp BETWEEN 1 AND 10000),"
  "  day_of_month integer,"
  "  month        integer,"
  "  date_from    date,"
  "  date_to      date,"
  "  updated_at   timestamptz NOT NULL DEFAULT now());"
  "CREATE TABLE district.voucher_batches ("
  "  code          text PRIMARY KEY,"
  "  campaign      text NOT NULL,"
  "  funder        text NOT NULL,"
  "  face_fen      bigint NOT NULL CHECK (face_fen > 0),"
  "  min_spend_fen bigint NOT NULL DEFAULT 0,"
  "  valid_from    date NOT NULL,"
  "  valid_to      date NOT NULL,"
  "  scope         text NOT NULL CHECK (scope IN ('aid', 'all')));"
  /* Orders taken by the online shop, each shipped (and taken from the
   * stock) by one shop: data/EXPORT.md §3's lines, one JSON object each. */
  "CREATE TABLE district.online_orders ("
  "  order_id   text PRIMARY KEY CHECK (order_id <> ''),"
  "  ship_shop  text NOT NULL,"
  "  doc        json NOT NULL CHECK (doc->>'order_id' = order_id),"
  "  created_at timestamptz NOT NULL DEFAULT now());"
  "CREATE INDEX online_orders_shop ON district.online_orders (ship_shop, created_at);"
  "CREATE TABLE district.trusted_keys ("
  "  funder     text NOT NULL,"
  "  public_key text NOT NULL,"
  "  added_at   timestamptz NOT NULL DEFAULT now(),"
  "  PRIMARY KEY (funder, public_key));"

  "CREATE FUNCTION district.ensure_month (m date) RETURNS void"
  "  LANGUAGE plpgsql SET search_path = district, pg_temp AS $f$"
  "DECLARE part text := 'sale_lines_' || to_char (m, 'YYYYMM');"
  "BEGIN"
  "  IF to_regclass ('district.' || part) IS NOT NULL THEN RETURN; END IF;"
  "  PERFORM pg_advisory_xact_lock (hashtext ('district.ensure_month'));"
  "  EXECUTE format ('CREATE TABLE IF NOT EXISTS district.%I PARTITION OF district.sale_lines"
  "                   FOR VALUES FROM (%L) TO (%L)', part, m, (m + interval '1 month')::date);"
  "END $f$;"

  /* The shop is session_user's, never the document's word; partitions
   * first, before this transaction holds a lock on sale_lines, so two
   * shops creating months cannot deadlock. Each document is read once,
   * typed by json_to_recordset (much cheaper than ->> per field). */
  "CREATE FUNCTION district.ingest (docs json) RETURNS SETOF uuid"
  "  LANGUAGE plpgsql SECURITY DEFINER SET search_path = district, pg_temp AS $f$"
  "DECLARE"
  "  my_shop text;"
  "  all_own boolean;"
  "  uuids uuid[];"
  "  months date[];"
  "  terms text[];"
  "  m date;"
  "BEGIN"
  "  SELECT code INTO my_shop FROM shops WHERE role = session_user;"
  "  IF my_shop IS NULL THEN"
  "    RAISE EXCEPTION 'the role % is not a shop of this hub', session_user USING ERRCODE = '42501';"
  "  END IF;"
  "  IF json_typeof (docs) <> 'array' THEN"
  "    RAISE EXCEPTION 'the documents must be a JSON array' USING ERRCODE = '22023';"
  "  END IF;"
  "  SELECT bool_and (d.shop IS NOT DISTINCT FROM my_shop), array_agg (d.uuid),"
  "         array_agg (DISTINCT date_trunc ('month', d.business_date)::date), array_agg (DISTINCT d.terminal)"
  "    INTO all_own, uuids, months, terms"
  "    FROM json_to_recordset (docs) AS d (uuid uuid, shop text, terminal text, business_date date);"
  "  IF NOT coalesce (all_own, true) THEN"
  "    RAISE EXCEPTION 'the shop % may send only its own documents', my_shop USING ERRCODE = '42501';"
  "  END IF;"
  "  IF uuids IS NULL THEN RETURN; END IF;"
  "  FOREACH m IN ARRAY months LOOP"
  "    PERFORM ensure_month (m);"
  "  END LOOP;"
  "  INSERT INTO terminals (shop, code) SELECT my_shop, t FROM unnest (terms) t ON CONFLICT DO NOTHING;"
  "  WITH src AS ("
  "    SELECT * FROM json_to_recordset (docs) AS d (uuid uuid, receipt_no text, kind text, refund_of uuid,"
  "      created_at timestamptz, business_date date, terminal text, staff text, lines json, gross_fen bigint,"
  "      promo_fen bigint, red_packet json, total_fen bigint, payments json, cash_rounding_fen bigint)),"
  "  ins AS ("
  "    INSERT INTO sale_docs (uuid, shop, terminal, receipt_no, kind, refund_of, created_at,"
  "                           business_date, staff, gross_fen, promo_fen, red_packet_fen, total_fen,"
  "                           cash_rounding_fen, rp_code, rp_campaign, rp_funder)"
  "    SELECT uuid, my_shop, terminal, receipt_no, kind, refund_of, created_at, business_date, staff,"
  "           gross_fen, promo_fen, coalesce ((red_packet->>'discount_fen')::bigint, 0), total_fen,"
  "           cash_rounding_fen, red_packet->>'code', red_packet->>'campaign', red_packet->>'funder'"
  "    FROM src ON CONFLICT (uuid) DO NOTHING"
  "    RETURNING uuid),"
  "  joined AS (SELECT s.* FROM src s JOIN ins USING (uuid)),"
  "  lines AS ("
  "    INSERT INTO sale_lines (business_date, sale_uuid, line, shop, kind, barcode, name, qty_milli,"
  "                            unit_price_fen, gross_fen, promo_fen, promotion, net_fen, aid_eligible,"
  "                            red_packet_fen, pay_fen)"
  "    SELECT j.business_date, j.uuid, l.line, my_shop, j.kind, l.barcode, l.name, l.qty_milli,"
  "           l.unit_price_fen, l.gross_fen, l.promo_fen, l.promotion, l.net_fen, l.aid_eligible,"
  "           l.red_packet_fen, l.pay_fen"
  "    FROM joined j, json_to_recordset (j.lines) AS l (line int, barcode text, name text, qty_milli bigint,"
  "      unit_price_fen bigint, gross_fen bigint, promo_fen bigint, promotion text, net_fen bigint,"
  "      aid_eligible boolean, red_packet_fen bigint, pay_fen bigint)),"
  "  pays AS ("
  "    INSERT INTO payments (sale_uuid, seq, business_date, kind, method, amount_fen)"
  "    SELECT j.uuid, p.n, j.business_date, j.kind, p.method, p.amount_fen"
  "    FROM joined j, ROWS FROM (json_to_recordset (j.payments) AS (method text, amount_fen bigint))"
  "      WITH ORDINALITY AS p (method, amount_fen, n)),"
  /* One redemption per code, district-wide: the unique key decides,
   * even between two shops' transactions at the same moment, and
   * between two sales of one batch (the earlier one wins). */
  "  red AS ("
  "    INSERT INTO redemptions (code, campaign, funder, sale_uuid, shop, receipt_no, business_date,"
  "                             created_at, amount_fen)"
  "    SELECT red_packet->>'code', red_packet->>'campaign', red_packet->>'funder', uuid, my_shop, receipt_no,"
  "           business_date, created_at, (red_packet->>'discount_fen')::bigint"
  "    FROM joined WHERE kind = 'sale' AND json_typeof (red_packet) = 'object' ORDER BY created_at, uuid"
  "    ON CONFLICT (code) DO NOTHING RETURNING sale_uuid)"
  "  INSERT INTO conflicts (code, sale_uuid, shop, receipt_no, business_date, created_at, amount_fen)"
  "    SELECT red_packet->>'code', uuid, my_shop, receipt_no, business_date, created_at,"
  "           (red_packet->>'discount_fen')::bigint"
  "    FROM joined WHERE kind = 'sale' AND json_typeof (red_packet) = 'object'"
  "      AND uuid NOT IN (SELECT sale_uuid FROM red);"
  "  RETURN QUERY SELECT s.uuid FROM sale_docs s WHERE s.uuid = ANY (uuids) AND s.shop = my_shop;"
  "END $f$;"

  /* What the counter asks before it accepts a red packet. */
  "CREATE FUNCTION district.redemption_of (c text)"
  "  RETURNS TABLE (shop text, receipt_no text, business_date date, created_at timestamptz)"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = district, pg_temp AS $f$"
  "  SELECT shop, receipt_no, business_date, created_at FROM redemptions WHERE code = c $f$;"

  /* The conflicts a shop's manager should review: its own on either side. */
  "CREATE FUNCTION district.my_conflicts ()"
  "  RETURNS TABLE (code text, amount_fen bigint, first_shop text, first_receipt text, first_date date,"
  "                 second_shop text, second_receipt text, second_date date)"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = district, pg_temp AS $f$"
  "  SELECT c.code, c.amount_fen, r.shop, r.receipt_no, r.business_date, c.shop, c.receipt_no, c.business_date"
  "  FROM conflicts c JOIN redemptions r USING (code) JOIN shops s ON s.role = session_user"
  "  WHERE (c.shop = s.code OR r.shop = s.code) AND c.resolved_at IS NULL ORDER BY c.id $f$;"

  "CREATE FUNCTION district.my_online_orders () RETURNS SETOF text"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = district, pg_temp AS $f$"
  "  SELECT o.doc::text FROM online_orders o JOIN shops s ON s.code = o.ship_shop"
  "  WHERE s.role = session_user ORDER BY o.created_at, o.order_id $f$;"

  "REVOKE ALL ON FUNCTION district.ingest (json), district.ensure_month (date),"
  "  district.redemption_of (text), district.my_conflicts (), district.my_online_orders () FROM PUBLIC;"
  "GRANT USAGE ON SCHEMA district TO axw_shop, axw_reader;"
  "GRANT EXECUTE ON FUNCTION district.ingest (json), district.redemption_of (text),"
  "  district.my_conflicts (), district.my_online_orders () TO axw_shop;"
  "GRANT USAGE ON SCHEMA district TO axw_online;"
  "GRANT SELECT, INSERT ON district.online_orders, district.catalog TO axw_online;"
  "GRANT SELECT ON district.hub_meta, district.catalog, district.promotions,"
  "  district.voucher_batches, district.trusted_keys TO axw_shop;"
  "GRANT SELECT ON ALL TABLES IN SCHEMA district TO axw_reader;"
  "ALTER DEFAULT PRIVILEGES IN SCHEMA district GRANT SELECT ON TABLES TO axw_reader;"
  "INSERT INTO district.hub_meta VALUES ('schema_version', '1');";

/* v2: donations and charity goods (docs/design.md §15), the funds' and
 * not the shops' revenue. The documents have carried them since the shop's
 * schema 12; ingest_funds() keeps them beside what ingest() keeps, for
 * the documents ingest() just confirmed (the push calls both in one
 * statement, so one transaction), and only the caller's own: a shop can
 * no more write another shop's donations than its sales. Each keeps the
 * hub's date and kind of its document, so reports sum them as they sum
 * the payments. */
static const char hub_v2[] =
  "CREATE TABLE district.donations ("
  "  sale_uuid     uuid PRIMARY KEY REFERENCES district.sale_docs (uuid),"
  "  shop          text NOT NULL,"
  "  business_date date NOT NULL,"
  "  kind          text NOT NULL,"
  "  fund          text NOT NULL,"
  "  amount_fen    bigint NOT NULL CHECK (amount_fen > 0));"
  "CREATE INDEX donations_date ON district.donations (business_date);"
  "CREATE TABLE district.charity_lines ("
  "  sale_uuid     uuid NOT NULL REFERENCES district.sale_docs (uuid),"
  "  line          integer NOT NULL,"
  "  shop          text NOT NULL,"
  "  business_date date NOT NULL,"
  "  kind          text NOT NULL,"
  "  fund          text NOT NULL,"
  "  barcode       text,"
  "  qty_milli     bigint NOT NULL,"
  "  pay_fen       bigint NOT NULL,"
  "  PRIMARY KEY (sale_uuid, line));"
  "CREATE INDEX charity_lines_date ON district.charity_lines (business_date);"

  "CREATE FUNCTION district.ingest_funds (docs json, confirmed uuid[]) RETURNS SETOF uuid"
  "  LANGUAGE plpgsql SECURITY DEFINER SET search_path = district, pg_temp AS $f$"
  "DECLARE"
  "  my_shop text;"
  "BEGIN"
  "  SELECT code INTO my_shop FROM shops WHERE role = session_user;"
  "  IF my_shop IS NULL THEN"
  "    RAISE EXCEPTION 'the role % is not a shop of this hub', session_user USING ERRCODE ="
  " '42501';"
  "  END IF;"
  "  INSERT INTO donations (sale_uuid, shop, business_date, kind, fund, amount_fen)"
  "    SELECT s.uuid, my_shop, s.business_date, s.kind, d.donation->>'fund',"
  "           (d.donation->>'amount_fen')::bigint"
  "    FROM json_to_recordset (docs) AS d (uuid uuid, donation json)"
  "    JOIN sale_docs s ON s.uuid = d.uuid AND s.shop = my_shop"
  "    WHERE d.uuid = ANY (confirmed) AND json_typeof (d.donation) = 'object'"
  "    ON CONFLICT (sale_uuid) DO NOTHING;"
  "  INSERT INTO charity_lines (sale_uuid, line, shop, business_date, kind, fund, barcode,"
  " qty_milli, pay_fen)"
  "    SELECT s.uuid, l.line, my_shop, s.business_date, s.kind, l.fund, l.barcode,"
  " l.qty_milli, l.pay_fen"
  "    FROM json_to_recordset (docs) AS d (uuid uuid, lines json)"
  "    JOIN sale_docs s ON s.uuid = d.uuid AND s.shop = my_shop,"
  "    json_to_recordset (d.lines) AS l (line int, fund text, barcode text, qty_milli bigint,"
  " pay_fen bigint)"
  "    WHERE d.uuid = ANY (confirmed) AND l.fund IS NOT NULL"
  "    ON CONFLICT (sale_uuid, line) DO NOTHING;"
  "  RETURN QUERY SELECT unnest (confirmed);"
  "END $f$;"
  "REVOKE ALL ON FUNCTION district.ingest_funds (json, uuid[]) FROM PUBLIC;"
  "GRANT EXECUTE ON FUNCTION district.ingest_funds (json, uuid[]) TO axw_shop;"
  "GRANT SELECT ON district.donations, district.charity_lines TO axw_reader;";

static const char *const hub_migrations[] = {
  hub_v1,
  hub_v2,
};

int
axw_district_hub_latest_version (void)
{
  return G_N_ELEMENTS (hub_migrations);
}

const char *
axw_district_hub_roles_sql (void)
{
  return hub_roles;
}

/* Returns: (transfer none): the SQL that brings a hub from version
 * @version - 1 to @version */
const char *
axw_district_hub_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= (int) G_N_ELEMENTS (hub_migrations), NULL);
  return hub_migrations[version - 1];
}
