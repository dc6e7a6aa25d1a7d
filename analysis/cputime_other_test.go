//go:build !unix

package analysis

import "time"

// processCPU is not measured here: BenchmarkAnalyzeAll's cpu-ms/op reads 0.
func processCPU() time.Duration { return 0 }
