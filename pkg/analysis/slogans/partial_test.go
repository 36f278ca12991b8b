package slogans

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/partial"
)

var partialDocs = []struct{ name, order, text string }{
	{"a.txt", "20240305", "坚持稳中求进，着力稳就业、稳企业、稳市场、稳预期，深化“放管服”改革，落实“三个大抓”。"},
	{"b.txt", "20230101", "实施“三个大抓”攻坚行动，推动高端化、智能化、绿色化发展，“十五五”开局。"},
	{"c.txt", "", "打好政策“组合拳”，推动“人工智能+”行动，推进「三個大抓」，稳就业、稳企业、稳市场、稳预期。"},
	{"d.txt", "20250101", "想干事、能干事、干成事，坚持“两个毫不动摇”，轨道交通“四网融合”。"},
	{"e.txt", "20240305", "推动“放管服”改革走深走实，“十四五”规划收官，高端化、智能化、绿色化。"},
}

// partialOf writes the corpus of the documents idx as a partial.
func partialOf(t *testing.T, fs [][]Formulation, idx []int, set Settings) []byte {
	t.Helper()
	c := NewCorpus()
	var parts []string
	for _, i := range idx {
		c.Add(partialDocs[i].name, partialDocs[i].order, fs[i])
		parts = append(parts, partial.RunID([]partial.Input{{Path: partialDocs[i].name, Size: int64(len(partialDocs[i].text))}}))
	}
	slices.Sort(parts) // as partial.MergeParts keeps them
	var b bytes.Buffer
	if err := WritePartial(&b, Header{Envelope: partial.Envelope{Tool: "test", Parts: parts}, Settings: set}, c); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPartialsMergeToTheWhole: partials of any split of the documents,
// merged in any order, give the partial of the whole, byte for byte, and
// the same corpus results.
func TestPartialsMergeToTheWhole(t *testing.T) {
	lex := builtinLex(t)
	base, err := BuiltinBaseline()
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Lexicon: lex, Baseline: base, Context: 8}
	set := NewSettings(opts, false, true)
	fs := make([][]Formulation, len(partialDocs))
	for i, d := range partialDocs {
		fs[i] = Extract(prep(t, d.text), opts)
	}
	all := []int{0, 1, 2, 3, 4}
	whole := partialOf(t, fs, all, set)
	_, wc, err := ReadPartial("whole", bytes.NewReader(whole))
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 20; trial++ {
		perm := rnd.Perm(len(all))
		cut1 := 1 + rnd.IntN(len(all)-1)
		cut2 := cut1 + rnd.IntN(len(all)-cut1+1)
		var stream bytes.Buffer
		for _, g := range [][]int{perm[:cut1], perm[cut1:cut2], perm[cut2:]} {
			if len(g) > 0 {
				stream.Write(partialOf(t, fs, g, set))
			}
		}
		h, c, err := ReadPartial("split", &stream)
		if err != nil {
			t.Fatal(err)
		}
		if d := sameEntries(wc, c); d != "" {
			t.Fatalf("split %v at %d,%d: %s", perm, cut1, cut2, d)
		}
		var again bytes.Buffer
		h.Tool = "test"
		if err := WritePartial(&again, h, c); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again.Bytes(), whole) {
			t.Fatalf("split %v: merged partial differs from the whole:\n%s\n%s", perm, again.Bytes(), whole)
		}
		if fmt.Sprint(c.Results()) != fmt.Sprint(wc.Results()) {
			t.Fatalf("split %v: results differ", perm)
		}
	}
	if e := wc.Results(); len(e) == 0 || wc.Docs() != 5 {
		t.Fatalf("whole: %d results, %d docs", len(e), wc.Docs())
	}
}

// TestPartialRefuses: other settings, the same documents twice, damaged
// records.
func TestPartialRefuses(t *testing.T) {
	opts := Options{Lexicon: builtinLex(t)}
	set := NewSettings(opts, false, true)
	fs := [][]Formulation{Extract(prep(t, partialDocs[0].text), opts), Extract(prep(t, partialDocs[1].text), opts)}
	a := partialOf(t, fs, []int{0}, set)
	other := set
	other.MaxQuoted = 20
	b := partialOf(t, fs, []int{1}, other)
	if _, _, err := ReadPartial("x", bytes.NewReader(append(append([]byte{}, a...), b...))); err == nil || !strings.Contains(err.Error(), "--max-quoted") {
		t.Errorf("other settings: %v", err)
	}
	if _, _, err := ReadPartial("x", bytes.NewReader(append(append([]byte{}, a...), a...))); err == nil {
		t.Errorf("the same part twice: no error")
	}
	bad := strings.Replace(string(a), `"bare":0`, `"bare":5`, 1)
	if _, _, err := ReadPartial("x", strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "quoted + bare") {
		t.Errorf("damaged counts: %v", err)
	}
	ver := strings.Replace(string(a), fmt.Sprintf(`"version":%d,`, PartialVersion), `"version":9,`, 1)
	if _, _, err := ReadPartial("x", strings.NewReader(ver)); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("other version: %v", err)
	}
}
