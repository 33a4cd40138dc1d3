#!/usr/bin/env node
/* global process, console */
// A large list database in minutes instead of hours: a kept bench database of `n` cases (seeded by
// bench/seed.sql, made here if missing) copied as a template, its cases, parties and their links
// copied `copies` times with new ids. What the list pages read grows (cases, parties, case_party);
// evidence, deadlines and events stay at `n`, which no list page reads. Each copy keeps its case's
// office, status and party name (so a search term matches copies × as many cases, as the full seed
// at that size would), and is moved back by copy × (span / (copies + 1)) inside the seed's span of
// creation times: a page's neighbours are other cases, as in the full seed, not the same case's
// copies a millisecond apart. Copies are written copy after copy, each in the source's physical
// order, so the offices interleave in the heap as in the full seed (a scan filtered by office
// does not meet one case's copies in a row).
//   BENCH_DB_SUFFIX=name BENCH_PORT=port node bench/scale-copy.mjs [cases=10000] [copies=99]
// prints the source and the copy's database URLs; BENCH_DATABASE_URL names the server.
import { databaseUrl, recreateDatabase, seed, startZhifa, withClient } from './lib/setup.mjs';

const env = process.env;
const [cases = '10000', copies = '99'] = process.argv.slice(2);
const serverUrl = env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = (env.BENCH_DB_SUFFIX || '').replace(/[^a-z0-9_]/g, '');
const named = (scale) => `zhifa_bench_${scale}${suffix ? `_${suffix}` : ''}`;
const source = named(cases);
const target = `${named(Number(cases) * (Number(copies) + 1))}_copy`;
const log = (message) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

const exists = await withClient(
  serverUrl,
  async (client) =>
    (await client.query('select 1 from pg_database where datname = $1', [source])).rowCount === 1,
);
if (!exists) {
  log(`seeding ${source} (${cases} cases)`);
  await recreateDatabase(serverUrl, source);
  const server = await startZhifa({
    url: databaseUrl(serverUrl, source),
    port: Number(env.BENCH_PORT || 4800),
  });
  await server.stop();
  await seed(databaseUrl(serverUrl, source), Number(cases));
}

log(`copying ${source} to ${target}`);
await withClient(serverUrl, async (client) => {
  await client.query(`drop database if exists ${target} with (force)`);
  await client.query(`create database ${target} template ${source}`);
});

/** The columns of `table` as a select list, with `overrides` (column → expression) replacing some. */
async function selectList(client, table, overrides) {
  const { rows } = await client.query(
    `select column_name from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
     order by ordinal_position`,
    [table],
  );
  const columns = rows.map((row) => `"${row.column_name}"`);
  const expressions = rows.map((row) => overrides[row.column_name] ?? `"${row.column_name}"`);
  return { columns: columns.join(', '), expressions: expressions.join(', ') };
}

const TABLES = ['case', 'party', 'case_party'];
await withClient(databaseUrl(serverUrl, target), async (client) => {
  await client.query('set statement_timeout = 0');
  await client.query("set maintenance_work_mem = '256MB'");
  // Indexes other than the keys and unique constraints are built once after the copy, not row by row.
  const { rows: indexes } = await client.query(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i
     where i.indrelid = any($1::regclass[])
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [TABLES.map((t) => `"${t}"`)],
  );
  await client.query('begin');
  // Copies of rows whose references are copied alongside: foreign-key triggers off for the copy.
  await client.query('set local session_replication_role = replica');
  for (const index of indexes) {
    await client.query(`drop index ${index.name}`);
  }
  const {
    rows: [span],
  } = await client.query(
    `select extract(epoch from max(created_at))::float8 as latest,
            extract(epoch from max(created_at) - min(created_at))::float8 as seconds
     from "case"`,
  );
  // Copy k of a row: back by k × span / (copies + 1), wrapped inside the span, and k µs apart.
  const moved = `to_timestamp(${span.latest} - mod((${span.latest} - extract(epoch from created_at)::float8 + k * ${span.seconds} / ${Number(copies) + 1})::numeric, ${span.seconds}::numeric)::float8) - k * interval '1 microsecond'`;
  const copyId = (column) => `md5(${column}::text || '-' || k)::uuid`;
  const copy = async (table, overrides) => {
    const list = await selectList(client, table, overrides);
    const started = Date.now();
    const result = await client.query(
      `insert into "${table}" (${list.columns})
       select ${list.expressions} from "${table}" cross join generate_series(1, $1::int) as k
       order by k, "${table}".ctid`,
      [Number(copies)],
    );
    log(`  ${table}: ${result.rowCount} rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  };
  await copy('case', {
    id: copyId('id'),
    number: `number || '-' || k`,
    search_text: `replace(search_text, number, number || '-' || k)`,
    created_at: moved,
  });
  await copy('party', {
    id: copyId('id'),
    id_number: `id_number || '-' || k`,
    created_at: moved,
  });
  await copy('case_party', { case_id: copyId('case_id'), party_id: copyId('party_id') });
  for (const index of indexes) {
    const started = Date.now();
    await client.query(index.definition);
    log(`  ${index.name} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await client.query('commit');
  await client.query('vacuum analyze');
  const {
    rows: [count],
  } = await client.query('select count(*)::int as n from "case"');
  log(`${target}: ${count.n} cases`);
});
console.log(databaseUrl(serverUrl, source));
console.log(databaseUrl(serverUrl, target));
