// Package golden compares test output with golden files, or rewrites them
// when the tests run with -update (in the packages whose tests use it) or
// with ZHPOLICY_UPDATE_GOLDEN=1 in the environment (for go test ./...:
// a -update flag would be refused by the packages without goldens).
package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update is the -update flag of every golden test: rewrite golden files
// with the current output instead of comparing.
var Update = flag.Bool("update", false, "rewrite golden files")

// Check compares got with the file at path, or writes it under -update.
// A difference is reported with the first line that differs.
func Check(t testing.TB, path, got string) {
	t.Helper()
	if *Update || os.Getenv("ZHPOLICY_UPDATE_GOLDEN") == "1" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v (run the test with ZHPOLICY_UPDATE_GOLDEN=1 to create it)", path, err)
	}
	if got != string(want) {
		t.Errorf("output differs from golden file %s (ZHPOLICY_UPDATE_GOLDEN=1 go test ./... accepts it):\n%s", path, FirstDiff(string(want), got))
	}
}

// FirstDiff describes the first line where want and got differ.
func FirstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("first difference at line %d:\n  want: %s\n  got:  %s", i+1, w, g)
		}
	}
	return "(no line differs; check trailing bytes)"
}
