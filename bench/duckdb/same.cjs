// bench/duckdb/same.cjs PARLENS_JSON DUCKDB_JSON — checks that DuckDB's
// query (summary.cjs) gives what `parlens summary --format json` gives, per
// year and bloc: units scored, mean and its change, leader and bottom (names,
// ties included), grade counts and their change, units up, down and same.
// Means are compared to 1e-9 relative (the two sum in different orders).
// A grade no unit holds this year is left out (DuckDB lists only grades held).
// Prints what differs and exits 1, or prints a one-line count and exits 0.
'use strict';
const fs = require('node:fs');

const [pFile, dFile] = process.argv.slice(2);
if (!pFile || !dFile) {
  console.error('usage: node bench/duckdb/same.cjs PARLENS_JSON DUCKDB_JSON');
  process.exit(2);
}
const num = (v) => (v === null || v === undefined ? null : Number(v));
const names = (list) => [...(list || [])].sort().join(' | ');
const byName = (pairs) => Object.fromEntries(pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

const want = new Map();
for (const y of JSON.parse(fs.readFileSync(pFile, 'utf8')).result) {
  for (const b of y.blocs) {
    want.set(`${y.year} ${b.bloc}`, {
      units: b.scored, mean: b.mean, mean_change: b.mean_change,
      leader: names(b.leader.map((u) => u.unit)), bottom: names(b.bottom.map((u) => u.unit)),
      grades: byName(b.grades.filter((g) => g.count > 0).map((g) => [g.grade, [g.count, g.change]])),
      up: b.up, down: b.down, same: b.same,
    });
  }
}
const got = new Map();
for (const r of JSON.parse(fs.readFileSync(dFile, 'utf8'))) {
  got.set(`${r.year} ${r.bloc}`, {
    units: num(r.units), mean: r.mean, mean_change: r.mean_change,
    leader: names(r.leader), bottom: names(r.bottom),
    grades: byName((r.grades || []).map((g) => [g.grade, [num(g.count), num(g.change)]])),
    up: num(r.up), down: num(r.down), same: num(r.same),
  });
}

const close = (a, b) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
const diffs = [];
for (const key of new Set([...want.keys(), ...got.keys()])) {
  const w = want.get(key), g = got.get(key);
  if (!w || !g) {
    diffs.push(`${key}: only in ${w ? 'parlens' : 'DuckDB'}`);
    continue;
  }
  for (const f of Object.keys(w)) {
    const same = f === 'mean' || f === 'mean_change' ? close(w[f], g[f]) : JSON.stringify(w[f]) === JSON.stringify(g[f]);
    if (!same) diffs.push(`${key}: ${f}: parlens ${JSON.stringify(w[f])}, DuckDB ${JSON.stringify(g[f])}`);
  }
}
if (diffs.length > 0) {
  console.log(diffs.slice(0, 20).join('\n'));
  console.log(`${diffs.length} differences`);
  process.exit(1);
}
console.log(`the same on all ${want.size} (year, bloc) pairs`);
