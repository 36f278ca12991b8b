package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedDictionaryIsCurrent regenerates the compiled dictionary into
// a temporary directory and compares it byte for byte with the committed
// one: a different gse release, an edited dict/policy.txt or a changed
// generator fails here until `go generate ./dict` is run and the result
// committed.
func TestCommittedDictionaryIsCurrent(t *testing.T) {
	dir := t.TempDir()
	if err := run(dir, !testing.Short()); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, File))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", File))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("dict/%s is not what `go generate ./dict` writes now: run it and commit the result", File)
	}
}
