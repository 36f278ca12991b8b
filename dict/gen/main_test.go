package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedIndexesAreCurrent regenerates the index files into a
// temporary directory and compares them byte for byte with the committed
// ones: a different gse release, or a changed generator, fails here until
// `go generate ./dict` is run and the result committed.
func TestCommittedIndexesAreCurrent(t *testing.T) {
	dir := t.TempDir()
	if err := run(dir, !testing.Short()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{WordsFile, IDFFile} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("dict/%s is not what `go generate ./dict` writes now: run it and commit the result", name)
		}
	}
}
