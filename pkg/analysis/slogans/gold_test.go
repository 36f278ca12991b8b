package slogans

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

var (
	goldVerbose = flag.Bool("gold.v", false, "list the misses and false alarms of the gold test")
	goldNoLex   = flag.Bool("gold.nolex", false, "run the gold test without the built-in lexicon (rules only)")
)

type goldFile struct {
	Documents []struct {
		File         string `yaml:"file"`
		Lines        string `yaml:"lines"`
		HeldOut      bool   `yaml:"heldout"`
		Formulations []struct {
			Text  string `yaml:"text"`
			Kind  Kind   `yaml:"kind"`
			Count int    `yaml:"count"`
		} `yaml:"formulations"`
	} `yaml:"documents"`
}

// repoRoot is the repository root, two levels up from this package.
const repoRoot = "../../.."

// prepareFile reads, cleans and segments a file as the command does;
// lines, when not empty ("a-b"), keeps only those lines.
func prepareFile(t testing.TB, seg *segment.Segmenter, path string, lines ...string) *analysis.Input {
	t.Helper()
	d, err := input.Read(input.Source{Path: path, Size: -1}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) > 0 && lines[0] != "" {
		var a, b int
		if _, err := fmt.Sscanf(lines[0], "%d-%d", &a, &b); err != nil || a < 1 || b < a {
			t.Fatalf("%s: bad lines %q", path, lines[0])
		}
		ls := strings.SplitAfter(d.Text, "\n")
		d.Text = strings.Join(ls[a-1:min(b, len(ls))], "")
	}
	doc := corpus.Prepare(d, true)
	toks, err := seg.Cut(doc.Text, segment.Options{Mode: segment.Precise, POS: true})
	if err != nil {
		t.Fatal(err)
	}
	return analysis.NewInput(doc.Name, doc.Text, doc.Script.Kind, toks)
}

type prf struct{ tp, fp, fn, countOK int }

func (p prf) precision() float64 {
	if p.tp+p.fp == 0 {
		return 1
	}
	return float64(p.tp) / float64(p.tp+p.fp)
}

func (p prf) recall() float64 {
	if p.tp+p.fn == 0 {
		return 1
	}
	return float64(p.tp) / float64(p.tp+p.fn)
}

// TestGold measures precision and recall per kind against
// testdata/slogans/gold.yaml and holds the targets: recall ≥ 0.9
// for quoted, numbered and plan formulations, ≥ 0.75 for parallel series,
// precision ≥ 0.8 overall. Documents under ../shared are skipped when that
// directory is absent.
func TestGold(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "testdata/slogans/gold.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFile
	if err := yaml.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		t.Fatal(err)
	}
	lex, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if *goldNoLex {
		lex = nil
	}
	byKind := map[Kind]*prf{}
	held := map[Kind]*prf{}
	for _, k := range Kinds {
		byKind[k] = &prf{}
		held[k] = &prf{}
	}
	var all, heldAll prf
	docs, skipped := 0, 0
	var report strings.Builder
	for _, d := range gold.Documents {
		path := filepath.Join(repoRoot, d.File)
		if _, err := os.Stat(path); err != nil && strings.HasPrefix(d.File, "../shared/") {
			skipped++
			continue
		}
		docs++
		in := prepareFile(t, seg, path, d.Lines)
		// the gold names formulations by their core (四早 for
		// 重大慢性病防治“四早”工程): a formulation is found under its core
		got := map[string]Formulation{}
		for _, f := range Extract(in, Options{Lexicon: lex}) {
			got[string(f.Kind)+"|"+f.Core] = f
		}
		want := map[string]int{}
		for _, g := range d.Formulations {
			// the gold names a formulation as the document writes it; the
			// lexicon may know it under another canonical form
			key := formKey(g.Text)
			if e, ok := lex.Lookup(key); ok {
				key = e.Text
			}
			want[string(g.Kind)+"|"+key] = g.Count
		}
		var misses, alarms, counts []string
		tally := func(kind Kind, f func(p *prf)) {
			f(byKind[kind])
			f(&all)
			if d.HeldOut {
				f(held[kind])
				f(&heldAll)
			}
		}
		for k, c := range want {
			kind := Kind(k[:strings.IndexByte(k, '|')])
			if f, ok := got[k]; ok {
				tally(kind, func(p *prf) { p.tp++ })
				if f.Count == c {
					tally(kind, func(p *prf) { p.countOK++ })
				} else {
					counts = append(counts, fmt.Sprintf("%s got %d want %d", k, f.Count, c))
				}
			} else {
				tally(kind, func(p *prf) { p.fn++ })
				misses = append(misses, k)
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				kind := Kind(k[:strings.IndexByte(k, '|')])
				tally(kind, func(p *prf) { p.fp++ })
				alarms = append(alarms, k)
			}
		}
		sort.Strings(misses)
		sort.Strings(alarms)
		sort.Strings(counts)
		fmt.Fprintf(&report, "== %s: %d missed, %d false, %d count differences\n", d.File, len(misses), len(alarms), len(counts))
		if *goldVerbose {
			fmt.Fprintf(&report, "  missed: %s\n  false:  %s\n  counts: %s\n", strings.Join(misses, "  "), strings.Join(alarms, "  "), strings.Join(counts, "  "))
		}
	}
	if docs == 0 {
		t.Skip("no gold document found")
	}
	fmt.Fprintf(&report, "%d documents (%d skipped: ../shared absent)\n", docs, skipped)
	fmt.Fprintf(&report, "%-9s %5s %5s %5s %9s %7s %7s\n", "kind", "gold", "found", "right", "precision", "recall", "counts")
	for _, k := range Kinds {
		p := byKind[k]
		fmt.Fprintf(&report, "%-9s %5d %5d %5d %9.3f %7.3f %7.3f\n", k, p.tp+p.fn, p.tp+p.fp, p.tp, p.precision(), p.recall(), ratio(p.countOK, p.tp))
	}
	fmt.Fprintf(&report, "%-9s %5d %5d %5d %9.3f %7.3f %7.3f\n", "all", all.tp+all.fn, all.tp+all.fp, all.tp, all.precision(), all.recall(), ratio(all.countOK, all.tp))
	if heldAll.tp+heldAll.fn > 0 {
		fmt.Fprintf(&report, "held out only:\n")
		for _, k := range Kinds {
			p := held[k]
			fmt.Fprintf(&report, "%-9s %5d %5d %5d %9.3f %7.3f %7.3f\n", k, p.tp+p.fn, p.tp+p.fp, p.tp, p.precision(), p.recall(), ratio(p.countOK, p.tp))
		}
		fmt.Fprintf(&report, "%-9s %5d %5d %5d %9.3f %7.3f %7.3f\n", "all", heldAll.tp+heldAll.fn, heldAll.tp+heldAll.fp, heldAll.tp, heldAll.precision(), heldAll.recall(), ratio(heldAll.countOK, heldAll.tp))
	}
	t.Log("\n" + report.String())
	if *goldNoLex {
		return
	}
	check := func(what string, got, min float64) {
		if got < min {
			t.Errorf("%s = %.3f, want ≥ %.2f", what, got, min)
		}
	}
	// floors at or above those of the first release (main f70a15d measured
	// recall quoted 0.982, parallel 0.869, precision 0.941 overall)
	check("recall(quoted)", byKind[Quoted].recall(), 0.95)
	check("recall(numbered)", byKind[Numbered].recall(), 0.95)
	check("recall(plan)", byKind[Plan].recall(), 0.95)
	// parallel: 0.847 before rules 9, 0.839 since: a pair of phrases with
	// nothing repeated must be attested in the reference reports (or be
	// 保就业、惠民生-shaped); the two pairs of the hand-written documents
	// lost (无事不扰、有求必应; 层层加码、重复检查) are what the blind
	// precision criteria count as lists (bench/slogans/gold/CRITERIA.md)
	// rules 13 (precision first) keep 0.836: the series with no evidence of
	// form they drop (严肃对待、诚恳接受、照单全收) are offset by none lost
	// elsewhere; DEV notices' parallel precision 0.55 → 0.77
	check("recall(parallel)", byKind[Parallel].recall(), 0.835)
	check("recall(lexicon)", byKind[Lex].recall(), 0.95)
	check("precision(parallel)", byKind[Parallel].precision(), 0.85)
	check("precision(all)", all.precision(), 0.92)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
