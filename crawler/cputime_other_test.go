//go:build !unix

package crawler

import "time"

// cpuTime is not measured here; the cpu-µs/page metric reads 0.
func cpuTime() time.Duration { return 0 }
