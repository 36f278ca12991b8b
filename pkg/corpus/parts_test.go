package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"zhpolicy/pkg/input"
)

func TestCutPoint(t *testing.T) {
	tests := []struct {
		pending string
		chunk   int
		eof     bool
		cut     int
		ok      bool
	}{
		{"ab\ncd", 10, false, 5, false},       // short: read on
		{"ab\ncd", 10, true, 5, true},         // short at the end: all of it
		{"", 10, true, 0, true},               // empty end
		{"abc\ndefgh\nij", 8, false, 4, true}, // last line end within chunk
		{"abcdefghij\nk", 4, false, 11, true}, // long line: to its end
		{"abcdefghij", 4, false, 0, false},    // long line, no end yet
		{"abcdefghij", 4, true, 10, true},     // long last line
		{"一二三。四五六七八九", 3, false, 12, true},    // 4*chunk without a line end: after 。
	}
	for _, tt := range tests {
		cut, ok := cutPoint([]byte(tt.pending), tt.chunk, tt.eof)
		if cut != tt.cut || ok != tt.ok {
			t.Errorf("cutPoint(%q, %d, %v) = %d, %v; want %d, %v", tt.pending, tt.chunk, tt.eof, cut, ok, tt.cut, tt.ok)
		}
	}
	// no 。 either: cut at a character boundary
	p := []byte(strings.Repeat("数", 20))
	cut, ok := cutPoint(p, 4, false)
	if !ok || !utf8.Valid(p[:cut]) || !utf8.Valid(p[cut:]) {
		t.Errorf("cut %d of a line of 数 splits a character", cut)
	}
}

// A big file read in parts gives, part by part, exactly the text of the
// whole file, with each part's Base its offset; cleaning per part changes
// nothing that cleaning the whole would not.
func TestEachPartCoversTheWholeText(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 400; i++ {
		b.WriteString("市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研，推动高质量发展。\r\n")
		if i%37 == 0 {
			b.WriteString("\n【字号 大 中 小】【打印本页】【关闭窗口】\n")
		}
	}
	text := b.String()
	dir := t.TempDir()
	path := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	gbk := filepath.Join(dir, "big-gbk.txt")
	if err := input.WriteEncoded(gbk, strings.ReplaceAll(text, "(huì)", ""), "gb18030"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{path, gbk} {
		for _, jobs := range []int{1, 3} {
			in, err := input.Read(input.Source{Path: name}, input.Options{})
			if err != nil {
				t.Fatal(err)
			}
			whole := Prepare(in, true)
			var orig, clean strings.Builder
			parts := 0
			cfg := Config{Jobs: jobs, Clean: true, PartSize: 1000}
			srcs, _ := input.Expand([]string{name}, input.ExpandOptions{})
			out, err := Run(context.Background(), cfg, srcs, nil,
				func(_ context.Context, d *Doc) (*Doc, error) { return d, nil },
				func(d *Doc, _ *Doc) error {
					if d.Base != orig.Len() || d.Part != parts {
						t.Fatalf("part %d: base %d, part %d; want base %d", parts, d.Base, d.Part, orig.Len())
					}
					orig.WriteString(d.Original)
					clean.WriteString(d.Text)
					parts++
					return nil
				})
			if err != nil || out.Docs != 1 || len(out.Skipped) > 0 {
				t.Fatalf("%s: %v, outcome %+v", name, err, out)
			}
			if parts < 10 {
				t.Errorf("%s: %d parts, want the file cut into many", name, parts)
			}
			if orig.String() != whole.Original {
				t.Errorf("%s: the parts' text differs from the whole decoded text", name)
			}
			if clean.String() != whole.Text {
				t.Errorf("%s, -j %d: cleaning in parts differs from cleaning the whole", name, jobs)
			}
		}
	}
}

// With PartsAsDocs, a big input is several whole documents named name#k,
// each counted, covering the input in order; a small one keeps its name.
func TestPartsAsDocs(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	small := filepath.Join(dir, "small.txt")
	text := strings.Repeat("推动高质量发展，建设现代化产业体系。\n", 300)
	if err := os.WriteFile(big, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(small, []byte("短文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	srcs, _ := input.Expand([]string{big, small}, input.ExpandOptions{})
	for _, jobs := range []int{1, 2} {
		var names []string
		var whole strings.Builder
		cfg := Config{Jobs: jobs, PartSize: 4000, PartsAsDocs: true}
		out, err := Run(context.Background(), cfg, srcs, nil,
			func(_ context.Context, d *Doc) (int, error) { return len(d.Text), nil },
			func(d *Doc, _ int) error {
				if d.Part != 0 || !d.Final {
					t.Errorf("%s: part %d, final %v; want a whole document", d.Name, d.Part, d.Final)
				}
				names = append(names, filepath.Base(d.Name))
				if strings.HasPrefix(filepath.Base(d.Name), "big.txt#") {
					if d.Base != whole.Len() {
						t.Errorf("%s: base %d, want %d", d.Name, d.Base, whole.Len())
					}
					whole.WriteString(d.Original)
				}
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(text)/4000 + 1; len(names) < n-1 || names[0] != "big.txt#1" || names[1] != "big.txt#2" || names[len(names)-1] != "small.txt" {
			t.Fatalf("-j %d: documents %v, want big.txt#1 … big.txt#%d, small.txt", jobs, names, n)
		}
		if out.Docs != len(names) {
			t.Errorf("-j %d: outcome counts %d documents, %d were emitted", jobs, out.Docs, len(names))
		}
		if whole.String() != text {
			t.Errorf("-j %d: the parts do not make up the input", jobs)
		}
	}
}
