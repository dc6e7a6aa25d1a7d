// Command csvread is the floor parlens is measured against in
// bench/compare.sh: a bare encoding/csv read of a file that parses every
// number in it (strconv.ParseFloat on every cell that starts like one), on
// one core, with nothing kept. It prints the rows, the numbers and their sum.
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: csvread FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	rows, nums, sum := 0, 0, 0.0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		rows++
		for _, cell := range rec {
			if cell == "" || (cell[0] < '0' || cell[0] > '9') && cell[0] != '-' {
				continue
			}
			if v, err := strconv.ParseFloat(cell, 64); err == nil {
				nums++
				sum += v
			}
		}
	}
	fmt.Printf("%d rows, %d numbers, sum %.2f\n", rows, nums, sum)
}
