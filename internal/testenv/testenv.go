// Package testenv finds the team's public data for tests: ../shared beside
// the repository (or $ZHPOLICY_SHARED). A test that needs it skips on a
// user's clone without it, and fails in CI (CI set to a true value), where
// the data must be there.
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// Root is the repository's top directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// SharedRoot is the directory of the shared data: $ZHPOLICY_SHARED, or
// ../shared beside the repository.
func SharedRoot() string {
	if d := os.Getenv("ZHPOLICY_SHARED"); d != "" {
		return d
	}
	return filepath.Join(Root(), "..", "shared")
}

// InCI says whether the tests run in CI (CI=true, CI=1 …).
func InCI() bool {
	v, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && v
}

// Shared returns the path of elem under the shared data. When it is
// missing the test is skipped, or fails in CI.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{SharedRoot()}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		if InCI() {
			t.Fatalf("shared data missing in CI: %v (CI needs ../shared beside the repository, or ZHPOLICY_SHARED)", err)
		}
		t.Skipf("shared data not available: %v (set ZHPOLICY_SHARED to run this test)", err)
	}
	return p
}
