package input

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// makeTree creates the files (content = their name) under dir.
func makeTree(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		writeFile(t, dir, f, []byte(f))
	}
}

func paths(srcs []Source) []string {
	out := make([]string, len(srcs))
	for i, s := range srcs {
		out[i] = filepath.ToSlash(s.Path)
	}
	return out
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	makeTree(t, dir,
		"reports/b.md", "reports/a.txt", "reports/Z.TXT", "reports/c.doc", "reports/d.html", "reports/e.htm",
		"reports/f.docx", "reports/g.markdown", "reports/h.csv", "reports/noext",
		"reports/sub/x.txt", "reports/sub/deeper/y.txt", "reports/drafts/draft.txt",
		"reports/.git/config.txt", "reports/.hidden.txt", "reports/~$f.docx",
		"single.pdf", "other/o.txt")

	tests := []struct {
		name string
		args []string
		opts ExpandOptions
		want []string
	}{
		{"default extensions, lexical, hidden skipped", []string{"reports"}, ExpandOptions{},
			[]string{"reports/Z.TXT", "reports/a.txt", "reports/b.md", "reports/c.doc", "reports/d.html", "reports/drafts/draft.txt",
				"reports/e.htm", "reports/f.docx", "reports/g.markdown", "reports/sub/deeper/y.txt", "reports/sub/x.txt"}},
		{"trailing slash and dot paths", []string{"./reports/sub/"}, ExpandOptions{},
			[]string{"reports/sub/deeper/y.txt", "reports/sub/x.txt"}},
		{"walk from .", []string{"."}, ExpandOptions{Include: []string{"*.txt"}, Exclude: []string{"reports"}},
			[]string{"other/o.txt"}},
		{"include replaces the default extensions", []string{"reports"}, ExpandOptions{Include: []string{"*.md", "*.CSV"}},
			[]string{"reports/b.md", "reports/h.csv"}},
		{"include and exts together", []string{"reports"}, ExpandOptions{Include: []string{"no*"}, Exts: []string{"doc"}},
			[]string{"reports/c.doc", "reports/noext"}},
		{"exclude by base name", []string{"reports"}, ExpandOptions{Exclude: []string{"*.md", "*.markdown", "*.htm*", "sub", "drafts", "*.doc*"}},
			[]string{"reports/Z.TXT", "reports/a.txt"}},
		{"exclude by relative path", []string{"reports"}, ExpandOptions{Include: []string{"*.txt"}, Exclude: []string{"sub/deeper", "drafts/*.txt"}},
			[]string{"reports/Z.TXT", "reports/a.txt", "reports/sub/x.txt"}}, // include is case-insensitive
		{"exclude by shown path", []string{"reports"}, ExpandOptions{Include: []string{"*.txt"}, Exclude: []string{"reports/sub/*"}},
			[]string{"reports/Z.TXT", "reports/a.txt", "reports/drafts/draft.txt"}},
		{"exclude dir-only pattern", []string{"reports"}, ExpandOptions{Include: []string{"*"}, Exclude: []string{"*/", "*.txt", "*.TXT"}},
			[]string{"reports/b.md", "reports/c.doc", "reports/d.html", "reports/e.htm", "reports/f.docx",
				"reports/g.markdown", "reports/h.csv", "reports/noext"}},
		{"explicit files whatever their extension, in argument order", []string{"single.pdf", "reports/c.doc", "reports/.hidden.txt"}, ExpandOptions{},
			[]string{"single.pdf", "reports/c.doc", "reports/.hidden.txt"}},
		{"explicit file excluded", []string{"single.pdf", "reports/a.txt"}, ExpandOptions{Exclude: []string{"*.pdf"}},
			[]string{"reports/a.txt"}},
		{"stdin once, duplicates dropped", []string{"-", "reports/sub", "reports/sub/x.txt", "./reports/sub/x.txt", "-"}, ExpandOptions{},
			[]string{"-", "reports/sub/deeper/y.txt", "reports/sub/x.txt"}},
		{"hidden directory named explicitly is walked", []string{"reports/.git"}, ExpandOptions{},
			[]string{"reports/.git/config.txt"}},
		{"no arguments", nil, ExpandOptions{}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcs, errs := Expand(tt.args, tt.opts)
			if len(errs) != 0 {
				t.Errorf("errs = %v", errs)
			}
			if got := paths(srcs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Expand = %q\nwant     %q", got, tt.want)
			}
			// Deterministic.
			again, _ := Expand(tt.args, tt.opts)
			if !reflect.DeepEqual(again, srcs) {
				t.Errorf("second Expand differs")
			}
		})
	}
}

func TestExpandSizes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("12345"))
	srcs, errs := Expand([]string{dir, "-"}, ExpandOptions{})
	if len(errs) != 0 || len(srcs) != 2 {
		t.Fatalf("Expand = %v, %v", srcs, errs)
	}
	if srcs[0].Size != 5 || srcs[1].Size != -1 || !srcs[1].IsStdin() || srcs[0].IsStdin() {
		t.Errorf("sizes = %+v", srcs)
	}
}

func TestExpandErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	makeTree(t, dir, "docs/a.txt", "b.txt")
	srcs, errs := Expand([]string{"missing.txt", "docs", "", "nope/", "b.txt"}, ExpandOptions{Exclude: []string{"[", "ok"}, Include: []string{"x["}})
	if got := paths(srcs); !reflect.DeepEqual(got, []string{"docs/a.txt", "b.txt"}) {
		t.Errorf("the good arguments were not all expanded: %q", got)
	}
	var msgs []string
	for _, err := range errs {
		msgs = append(msgs, err.Error())
	}
	want := []string{
		`"x[": malformed include pattern; use * ? [a-z] as in path.Match`,
		`"[": malformed exclude pattern; use * ? [a-z] as in path.Match`,
		"missing.txt: no such file or directory",
		`"": empty path`,
		"nope/: no such file or directory",
	}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("errors:\n%q\nwant\n%q", msgs, want)
	}
	if !errors.Is(errs[2], fs.ErrNotExist) {
		t.Errorf("missing file error is not fs.ErrNotExist")
	}
	var pe *fs.PathError
	if !errors.As(errs[2], &pe) {
		t.Errorf("missing file error has no *fs.PathError underneath")
	}
}

func TestExpandSymlinks(t *testing.T) {
	dir := t.TempDir()
	makeTree(t, dir, "real/a.txt", "outside/b.txt")
	if err := os.Symlink(filepath.Join(dir, "outside", "b.txt"), filepath.Join(dir, "real", "link.txt")); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "outside"), filepath.Join(dir, "real", "linkdir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "real", "broken.txt")); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(dir, "real")
	srcs, errs := Expand([]string{root}, ExpandOptions{})
	want := []string{filepath.Join(root, "a.txt"), filepath.Join(root, "link.txt")}
	got := make([]string, len(srcs))
	for i, s := range srcs {
		got[i] = s.Path
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Expand = %q, want %q (file links followed, directory links not)", got, want)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), filepath.Join(root, "broken.txt")+": ") {
		t.Errorf("errs = %v, want one naming the broken link", errs)
	}
}

func TestExpandUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any directory")
	}
	dir := t.TempDir()
	makeTree(t, dir, "ok/a.txt", "locked/b.txt")
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	srcs, errs := Expand([]string{dir}, ExpandOptions{})
	if len(srcs) != 1 || filepath.Base(srcs[0].Path) != "a.txt" {
		t.Errorf("srcs = %v", srcs)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), locked+": ") || !errors.Is(errs[0], fs.ErrPermission) {
		t.Errorf("errs = %v, want one naming %s", errs, locked)
	}
}

// A directory in which the walk takes nothing is an error naming it, so
// that a mistyped folder, or one of other files, does not pass for an empty
// corpus; a directory whose files were already taken is not.
func TestExpandNoDocuments(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	makeTree(t, dir, "csv/a.csv", "csv/b.CSV", "drafts/x.txt", "docs/sub/y.txt", "docs/z.md")
	if err := os.Mkdir("empty", 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		opts ExpandOptions
		want []string // error messages
	}{
		{[]string{"empty"}, ExpandOptions{}, []string{"empty: no documents in this directory (taken: " +
			"*.txt *.md *.markdown *.html *.htm *.docx *.pdf *.ofd *.doc *.wps *.xlsx *.odt *.fodt *.rtf); " +
			"use --include to take files of other names"}},
		{[]string{"csv"}, ExpandOptions{Exts: []string{"txt", ".PDF"}}, []string{"csv: no documents in this directory (taken: " +
			"*.txt *.pdf); use --include to take files of other names"}},
		{[]string{"drafts", "docs"}, ExpandOptions{Exclude: []string{"*.txt"}}, []string{"drafts: no documents in this directory (taken: " +
			"*.txt *.md *.markdown *.html *.htm *.docx *.pdf *.ofd *.doc *.wps *.xlsx *.odt *.fodt *.rtf) once --exclude *.txt is applied; " +
			"use --include to take files of other names"}},
		{[]string{"csv"}, ExpandOptions{Include: []string{"*.json"}}, []string{"csv: no documents in this directory (taken: *.json)"}},
		{[]string{"csv"}, ExpandOptions{Include: []string{"*.csv"}}, nil},
		{[]string{"docs", "docs/sub"}, ExpandOptions{}, nil}, // docs/sub's file was taken with docs
	}
	for _, tt := range tests {
		_, errs := Expand(tt.args, tt.opts)
		var msgs []string
		for _, err := range errs {
			msgs = append(msgs, err.Error())
			if !errors.Is(err, ErrNoDocuments) {
				t.Errorf("%v: %v is not ErrNoDocuments", tt.args, err)
			}
		}
		if !reflect.DeepEqual(msgs, tt.want) {
			t.Errorf("Expand(%q, %+v) errors:\n%q\nwant\n%q", tt.args, tt.opts, msgs, tt.want)
		}
	}
}
