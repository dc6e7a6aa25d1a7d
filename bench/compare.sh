#!/usr/bin/env bash
# bench/compare.sh — parlens next to Miller, VisiData, DuckDB and the
# encoding/csv floor on the L file, printed to standard output: the tools
# table of bench/report.sh alone (see there, and BENCHMARKS.md, for what
# each command does and how the runs are alternated).
#
#   bench/compare.sh            # L, 10 rounds
#   RUNS=3 bench/compare.sh     # fewer rounds
#   bench/compare.sh --quick    # a file 100× smaller, one round
exec "$(dirname "$0")/report.sh" --only tools -o - "$@"
