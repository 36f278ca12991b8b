package compare_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/pkg/cmd/compare"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *compare.Options)
	}{
		{args: []string{"a.txt", "b.txt"}, check: func(t *testing.T, o *compare.Options) {
			if o.A != "a.txt" || o.B != "b.txt" || o.Top != 20 || o.MinCount != 3 || o.MaxP != 0.05 || o.Count.MinLen != 2 || !o.Count.Han || o.Count.Ngram != 1 {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--ngram", "2", "--min-len", "1", "--han=false", "--p", "1", "--top", "0", "--min-count", "1", "a/", "b/"}, check: func(t *testing.T, o *compare.Options) {
			if o.Count.Ngram != 2 || o.Count.MinLen != 1 || o.Count.Han || o.MaxP != 1 || o.Top != 0 || o.MinCount != 1 {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{"a.txt"}, wantErr: "expected two paths"},
		{args: []string{"a", "b", "c"}, wantErr: "expected two paths"},
		{args: []string{"--p", "0", "a", "b"}, wantErr: "invalid --p"},
		{args: []string{"--p", "1.5", "a", "b"}, wantErr: "invalid --p"},
		{args: []string{"--min-count", "0", "a", "b"}, wantErr: "invalid --min-count"},
		{args: []string{"-", "-"}, wantErr: "both be standard input"},
		{args: []string{"--chars", "--pos", "n", "a", "b"}, wantErr: "--pos cannot be used with --chars"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, compare.NewCmdCompare, nil, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

const (
	municipal  = "testdata/sample/municipal_report.txt"
	provincial = "testdata/sample/provincial_notice.html"
	trad       = "testdata/sample/traditional_notice.txt"
	pinyin     = "testdata/sample/pinyin_annotated.txt"
)

func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"compare/municipal_provincial.txt", []string{"compare", "--min-count", "2", "--p", "1", "--top", "8", municipal, provincial}},
		{"compare/municipal_provincial.json", []string{"compare", "--format", "json", "--min-count", "2", "--top", "5", municipal, provincial}},
		{"compare/municipal_provincial_bigrams.csv", []string{"compare", "--format", "csv", "--ngram", "2", "--min-count", "2", "--p", "1", "--top", "5", municipal, provincial}},
		{"compare/municipal_traditional.md", []string{"compare", "--format", "markdown", "--min-count", "2", "--top", "5", "--script", "s", municipal, trad}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			clitest.Golden(t, tt.golden, clitest.MustRun(t, clitest.Options{}, tt.args...))
		})
	}
}

type side struct{ Documents, Units int64 }

type row struct{ Term string }

type result struct {
	A                   side                            `json:"a"`
	B                   side                            `json:"b"`
	MoreInA             []row                           `json:"more_in_a"`
	MoreInB             []row                           `json:"more_in_b"`
	OnlyInA             []row                           `json:"only_in_a"`
	OnlyInB             []row                           `json:"only_in_b"`
	FormulationsOnlyInA *[]struct{ Formulation string } `json:"formulations_only_in_a"`
	FormulationsOnlyInB *[]struct{ Formulation string } `json:"formulations_only_in_b"`
}

func decode(t *testing.T, s string) result {
	t.Helper()
	var r result
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func terms(rows []row) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Term)
	}
	return strings.Join(out, " ")
}

func TestProperties(t *testing.T) {
	// A document against itself: nothing distinguishes them.
	same := decode(t, clitest.MustRun(t, clitest.Options{}, "compare", "--format", "json", "--p", "1", municipal, municipal))
	if len(same.MoreInA)+len(same.MoreInB)+len(same.OnlyInA)+len(same.OnlyInB) != 0 || same.FormulationsOnlyInA == nil || len(*same.FormulationsOnlyInA) != 0 {
		t.Errorf("a document against itself: %+v", same)
	}
	// A Traditional document against its pinyin-annotated copy: the same words.
	ann := decode(t, clitest.MustRun(t, clitest.Options{}, "compare", "--format", "json", "--p", "1", "--min-count", "1", trad, pinyin))
	if len(ann.MoreInA)+len(ann.MoreInB)+len(ann.OnlyInA)+len(ann.OnlyInB) != 0 {
		t.Errorf("pinyin annotations made a difference: %+v", ann)
	}
	// Swapping A and B swaps the lists.
	ab := decode(t, clitest.MustRun(t, clitest.Options{}, "compare", "--format", "json", "--min-count", "2", municipal, provincial))
	ba := decode(t, clitest.MustRun(t, clitest.Options{}, "compare", "--format", "json", "--min-count", "2", provincial, municipal))
	if terms(ab.MoreInA) != terms(ba.MoreInB) || terms(ab.OnlyInB) != terms(ba.OnlyInA) || ab.A != ba.B {
		t.Errorf("not symmetric:\n%s | %s\n%s | %s", terms(ab.MoreInA), terms(ba.MoreInB), terms(ab.OnlyInB), terms(ba.OnlyInA))
	}
	if len(ab.MoreInA) == 0 || len(ab.MoreInB) == 0 || ab.FormulationsOnlyInA == nil || len(*ab.FormulationsOnlyInA) == 0 {
		t.Errorf("empty lists: %+v", ab)
	}
	if !strings.Contains(terms(ab.OnlyInA), "巡视") || !strings.Contains(terms(ab.OnlyInB), "数字经济") {
		t.Errorf("expected 巡视 only in the municipal report and 数字经济 only in the provincial notice: %s | %s", terms(ab.OnlyInA), terms(ab.OnlyInB))
	}
}

// Partials written by freq compare like the documents they count; partials
// counted differently are refused.
func TestPartials(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pa := write("a.jsonl", clitest.MustRun(t, clitest.Options{}, "freq", "--emit", "partial", "--min-len", "2", "--han", municipal))
	pb := write("b.jsonl", clitest.MustRun(t, clitest.Options{}, "freq", "--emit", "partial", "--min-len", "2", "--han", provincial))
	docs := decode(t, clitest.MustRun(t, clitest.Options{}, "compare", "--format", "json", municipal, provincial))
	parts := decode(t, clitest.MustRun(t, clitest.Options{}, "compare", "--format", "json", pa, pb))
	mixed := decode(t, clitest.MustRun(t, clitest.Options{}, "compare", "--format", "json", pa, provincial))
	for _, r := range []result{parts, mixed} {
		if terms(r.MoreInA) != terms(docs.MoreInA) || terms(r.OnlyInB) != terms(docs.OnlyInB) || r.A != docs.A {
			t.Errorf("partials compare differently from the documents:\n%s\n%s", terms(r.MoreInA), terms(docs.MoreInA))
		}
	}
	if parts.FormulationsOnlyInA != nil {
		t.Error("formulations listed although the sides are partials")
	}
	r := clitest.Run(t, clitest.Options{}, "compare", "--ngram", "2", pa, provincial)
	if r.Code != 2 || !strings.Contains(r.Stderr, "counted differently") || !strings.Contains(r.Stderr, "--ngram 1 vs 2") {
		t.Errorf("exit %d, stderr %q", r.Code, r.Stderr)
	}
	r = clitest.Run(t, clitest.Options{}, "compare", filepath.Join(dir, "missing"), provincial)
	if r.Code != 2 || !strings.Contains(r.Stderr, "missing") {
		t.Errorf("missing side: exit %d, stderr %q", r.Code, r.Stderr)
	}
}

// A formulation the built-in baseline attests is not new in compare, as it is
// not in slogans and analyze: 东风压倒西风 is quoted in the 1964 report, in no
// lexicon (audit of the NPC resolutions: compare flagged it new).
func TestFormulationNewAsSlogansJudgesIt(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(a, []byte("国际形势的特点是“东风压倒西风”，我们要继续努力。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("会议号召全国人民继续努力，推动经济发展。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Only []struct {
			Formulation string
			New         bool
		} `json:"formulations_only_in_a"`
	}
	out := clitest.MustRun(t, clitest.Options{}, "compare", "--format", "json", a, b)
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range r.Only {
		if f.Formulation == "东风压倒西风" {
			found = true
			if f.New {
				t.Error("东风压倒西风 flagged new although the built-in baseline attests it")
			}
		}
	}
	if !found {
		t.Fatalf("东风压倒西风 not found: %s", out)
	}
}
