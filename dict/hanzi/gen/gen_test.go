package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommittedTablesAreFresh regenerates tables.go from the machine's
// Unihan data and gse's word list and compares it with the committed file.
// It skips where Debian's unicode-data package is not installed.
func TestCommittedTablesAreFresh(t *testing.T) {
	const unihan = "/usr/share/unicode/Unihan_Readings.txt.bz2"
	if _, err := os.Stat(unihan); err != nil {
		t.Skipf("%s not available (apt-get install unicode-data)", unihan)
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		t.Skipf("gse module not available: %v", err)
	}
	tmp := filepath.Join(t.TempDir(), "tables.go")
	if err := run(unihan, strings.TrimSpace(string(out)), tmp); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(tmp)
	want, err := os.ReadFile(filepath.Join("..", "tables.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("dict/hanzi/tables.go is stale: run go generate ./dict/hanzi")
	}
}
