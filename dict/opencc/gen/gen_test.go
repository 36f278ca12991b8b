package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommittedTablesAreFresh regenerates the tables from gocc's data and
// the overlay into a temporary tree and compares them with the committed
// ones: an overlay edit without `go generate ./dict/opencc` fails here.
func TestCommittedTablesAreFresh(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/liuzl/gocc").Output()
	if err != nil {
		t.Skipf("gocc module not available: %v", err)
	}
	goccDir := strings.TrimSpace(string(out))
	root := filepath.Join("..", "..", "..")
	tmp := t.TempDir()
	for _, d := range []string{"dict/opencc/overlay", "dict/opencc/tables", "pkg/script"} {
		if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	overlays, _ := filepath.Glob(filepath.Join(root, "dict", "opencc", "overlay", "*.txt"))
	if len(overlays) == 0 {
		t.Fatal("no overlay files")
	}
	for _, f := range overlays {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, "dict", "opencc", "overlay", filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := run(goccDir, "", tmp); err != nil {
		t.Fatal(err)
	}
	generated, _ := filepath.Glob(filepath.Join(tmp, "dict", "opencc", "tables", "*.bin"))
	generated = append(generated, filepath.Join(tmp, "pkg", "script", "detect_table.go"))
	for _, g := range generated {
		rel, _ := filepath.Rel(tmp, g)
		want, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatalf("%s: %v (run go generate ./dict/opencc)", rel, err)
		}
		got, _ := os.ReadFile(g)
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./dict/opencc", rel)
		}
	}
}

func TestReadDictAndOverlay(t *testing.T) {
	d := dict{}
	if err := readDict(strings.NewReader("发\t發 髮\n后\t後 后\r\n\n"), "x", d); err != nil {
		t.Fatal(err)
	}
	if strings.Join(d["发"], " ") != "發 髮" || strings.Join(d["后"], " ") != "後 后" {
		t.Fatalf("parsed %v", d)
	}
	if err := readDict(strings.NewReader("broken line\n"), "x", dict{}); err == nil {
		t.Error("a line without a tab was accepted")
	}
	ov := filepath.Join(t.TempDir(), "o.txt")
	os.WriteFile(ov, []byte("# comment\n发\t发 發\t# was 發 髮\n-\t后\t# was 後\n新\t新\n"), 0o644)
	if err := applyOverlay(ov, d); err != nil {
		t.Fatal(err)
	}
	if strings.Join(d["发"], " ") != "发 發" || d["后"] != nil || d["新"][0] != "新" {
		t.Fatalf("after overlay: %v", d)
	}
	os.WriteFile(ov, []byte("-\t无\n"), 0o644)
	if err := applyOverlay(ov, d); err == nil {
		t.Error("removing a missing key was accepted")
	}
}
