// bench/duckdb/summary.cjs FILE — DuckDB's take on `parlens summary` for
// bench/report.sh: one SQL query over a wide file from `parlens gen` that
// ranks every unit within (year, bloc) by total and gives, per (year, bloc),
// the units, the mean and its change against the previous year, the grade
// counts and their change, the leader and the bottom (every unit tied there),
// and how many units scored more, less or the same as the year before. It prints the result as
// JSON. @duckdb/node-api is looked up in DUCKDB_NODE_DIR (the scratch folder
// bench/report.sh installs it into). With DUCKDB_QUERY_TIMES set, the time
// from opening the database to holding the result, in seconds, is appended
// to that file: the query time, without Node's start and the module's load.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/duckdb/summary.cjs FILE');
  process.exit(2);
}
const dir = process.env.DUCKDB_NODE_DIR || '.';
const { DuckDBInstance } = require(path.join(path.resolve(dir), 'node_modules', '@duckdb', 'node-api'));

const literal = (s) => "'" + s.replaceAll("'", "''") + "'";

// Only the columns the job needs are typed; the criteria columns are read
// (the CSV is parsed whole) but DuckDB does not convert what no query uses.
const sql = `
WITH t AS (
  SELECT year, bloc, unit_code, unit, total, grade
  FROM read_csv(${literal(file)}, header = true,
    types = {'year': 'INTEGER', 'bloc': 'VARCHAR', 'unit_code': 'VARCHAR',
             'unit': 'VARCHAR', 'total': 'DOUBLE', 'grade': 'VARCHAR'})
),
ranked AS (
  SELECT *,
    rank() OVER (PARTITION BY year, bloc ORDER BY total DESC) AS rank,
    rank() OVER (PARTITION BY year, bloc ORDER BY total ASC) AS rank_from_bottom
  FROM t WHERE total IS NOT NULL
),
years AS (
  SELECT year, lag(year) OVER (ORDER BY year) AS prev_year FROM (SELECT DISTINCT year FROM t)
),
blocs AS (
  SELECT year, bloc, count(*) AS units, avg(total) AS mean,
    list(unit ORDER BY unit) FILTER (WHERE rank = 1) AS leader,
    list(unit ORDER BY unit) FILTER (WHERE rank_from_bottom = 1) AS bottom
  FROM ranked GROUP BY year, bloc
),
grade_counts AS (
  SELECT year, bloc, grade, count(*) AS n FROM t WHERE grade IS NOT NULL GROUP BY year, bloc, grade
),
grades AS (
  SELECT c.year, c.bloc,
    list({'grade': c.grade, 'count': c.n, 'change': CASE WHEN y.prev_year IS NULL THEN NULL ELSE c.n - coalesce(p.n, 0) END} ORDER BY c.grade) AS grades
  FROM grade_counts c JOIN years y ON y.year = c.year
  LEFT JOIN grade_counts p ON p.year = y.prev_year AND p.bloc = c.bloc AND p.grade = c.grade
  GROUP BY c.year, c.bloc
),
moves AS (
  SELECT c.year, c.bloc,
    count(*) FILTER (WHERE round(c.total, 2) > round(p.total, 2)) AS up,
    count(*) FILTER (WHERE round(c.total, 2) < round(p.total, 2)) AS down,
    count(*) FILTER (WHERE round(c.total, 2) = round(p.total, 2)) AS same
  FROM ranked c JOIN years y ON y.year = c.year
  JOIN ranked p ON p.year = y.prev_year AND p.bloc = c.bloc AND p.unit_code = c.unit_code
  GROUP BY c.year, c.bloc
)
SELECT b.year, b.bloc, b.units, b.mean, b.mean - p.mean AS mean_change,
  b.leader, b.bottom, g.grades, m.up, m.down, m.same
FROM blocs b JOIN years y ON y.year = b.year
LEFT JOIN blocs p ON p.year = y.prev_year AND p.bloc = b.bloc
LEFT JOIN grades g ON g.year = b.year AND g.bloc = b.bloc
LEFT JOIN moves m ON m.year = b.year AND m.bloc = b.bloc
ORDER BY b.year, b.bloc`;

async function main() {
  const start = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const reader = await conn.runAndReadAll(sql);
  const rows = reader.getRowObjectsJson();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (process.env.DUCKDB_QUERY_TIMES) {
    fs.appendFileSync(process.env.DUCKDB_QUERY_TIMES, seconds.toFixed(6) + '\n');
  }
  process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
}

main().catch((err) => {
  console.error('duckdb: ' + (err && err.message ? err.message : err));
  process.exit(1);
});
