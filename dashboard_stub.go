//go:build stub

package main

import "io"

func runDashboard(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 0 }
