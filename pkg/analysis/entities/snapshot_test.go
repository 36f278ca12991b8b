package entities

import (
	"flag"
	"os"
	"reflect"
	"testing"

	entdict "zhpolicy/dict/entities"
)

var updateTables = flag.Bool("update-tables", false, "rewrite dict/entities/tables.bin from the word lists")

// TestTablesSnapshot: the embedded snapshot decodes to exactly the tables
// the word lists give (run `go generate ./pkg/analysis/entities/` after
// editing a list).
func TestTablesSnapshot(t *testing.T) {
	want := buildTables()
	if *updateTables {
		if err := os.WriteFile("../../../dict/entities/tables.bin", encodeTables(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := decodeTables(entdict.Snapshot)
	if err != nil {
		t.Fatalf("%v: run go generate ./pkg/analysis/entities/", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("dict/entities/tables.bin does not match the word lists: run go generate ./pkg/analysis/entities/")
	}
	// the encoding round-trips, and building twice gives the same tables
	if again, err := decodeTables(encodeTables(buildTables())); err != nil || !reflect.DeepEqual(again, want) {
		t.Fatalf("round trip: %v", err)
	}
}

// TestTablesSnapshotDamaged: a cut or corrupted snapshot is an error, never
// a panic, and loadTables then parses the lists.
func TestTablesSnapshotDamaged(t *testing.T) {
	b := encodeTables(buildTables())
	for _, n := range []int{0, 3, len(snapshotMagic), len(snapshotMagic) + 1, len(b) / 3, len(b) / 2, len(b) - 1} {
		if _, err := decodeTables(b[:n]); err == nil {
			t.Errorf("a snapshot cut at %d of %d bytes decoded", n, len(b))
		}
	}
	if _, err := decodeTables(append(b[:len(b):len(b)], 0)); err == nil {
		t.Error("a snapshot with a byte too many decoded")
	}
	// flipped bytes: an error or tables, but no panic
	for i := len(snapshotMagic); i < len(b); i += len(b)/97 + 1 {
		c := append([]byte(nil), b...)
		c[i] ^= 0xff
		_, _ = decodeTables(c)
	}
}

// BenchmarkLoadTables: decoding the embedded snapshot, what start-up costs
// now (beside BenchmarkBuildTables, parsing the lists).
func BenchmarkLoadTables(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(entdict.Snapshot)))
	for b.Loop() {
		if _, err := decodeTables(entdict.Snapshot); err != nil {
			b.Fatal(err)
		}
	}
}
