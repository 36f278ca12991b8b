package entities

import "testing"

// BenchmarkBuildTables: the start-up cost of the recogniser (every
// command that finds names pays it once).
func BenchmarkBuildTables(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		buildTables()
	}
}
