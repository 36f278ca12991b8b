package script

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/liuzl/gocc"
)

// The engine is validated against gocc itself: built from gocc's own
// dictionary files (without the overlay) and run with gocc's chains, it must
// give gocc's output on every line of the corpus. gocc converts the whole
// line at each stage, which OpenCC's segment-by-segment conversion equals
// for these configurations (one stage, or later stages of single
// characters).
func TestEngineMatchesGocc(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/liuzl/gocc").Output()
	if err != nil {
		t.Skipf("gocc module not found: %v", err)
	}
	dictDir := filepath.Join(strings.TrimSpace(string(out)), "dictionary")
	cache := map[string]*table{}
	load := func(name string) (*table, error) {
		if cache[name] == nil {
			t, err := goccTable(dictDir, name)
			if err != nil {
				return nil, err
			}
			cache[name] = t
		}
		return cache[name], nil
	}
	specs := []configSpec{
		{"s2t", "x", "STPhrases", [][]string{{"STPhrases", "STCharacters"}}},
		{"t2s", "x", "TSPhrases", [][]string{{"TSPhrases", "TSCharacters"}}},
		{"s2tw", "x", "STPhrases", [][]string{{"STPhrases", "STCharacters"}, {"TWVariants"}}},
		{"t2hk", "x", "HKVariants", [][]string{{"HKVariants"}}},
		{"t2tw", "x", "TWVariants", [][]string{{"TWVariants"}}},
	}
	lines := corpusSample(t, 3000)
	for _, spec := range specs {
		ours, err := assemble(&spec, load)
		if err != nil {
			t.Fatal(err)
		}
		if !ours.direct {
			t.Fatalf("%s: not a direct configuration", spec.name)
		}
		ref, err := gocc.New(spec.name)
		if err != nil {
			t.Fatal(err)
		}
		differ := 0
		for _, line := range lines {
			want, err := ref.Convert(line)
			if err != nil {
				t.Fatal(err)
			}
			if got := ours.Convert(line); got != want {
				differ++
				if differ <= 3 {
					t.Errorf("%s(%q):\n got %q\nwant %q (gocc)", spec.name, line, got, want)
				}
			}
		}
		if differ > 0 {
			t.Errorf("%s: %d of %d lines differ from gocc", spec.name, differ, len(lines))
		}
	}
}

// corpusSample returns up to n non-empty lines of the shared corpus, with
// every Traditional document included, plus s2t conversions of them.
func corpusSample(t *testing.T, n int) []string {
	dir := filepath.Join(sharedDir(t), "corpus")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	sort.Strings(files)
	var lines []string
	for i, f := range files {
		if i%4 != 0 && !strings.Contains(f, "taiwan") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" && len(l) < 2000 {
				lines = append(lines, l)
			}
		}
		if len(lines) >= n {
			break
		}
	}
	s2t := mustConverter(t, "s2t")
	for _, l := range lines[:len(lines)/3] {
		lines = append(lines, s2t.Convert(l))
	}
	return lines
}

// goccTable reads one of gocc's dictionary files as gocc's own loader
// (github.com/liuzl/da) does and builds our table from it in memory.
func goccTable(dir, name string) (*table, error) {
	f, err := os.Open(filepath.Join(dir, name+".txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries := map[string]string{}
	br := bufio.NewReader(f)
	for {
		line, err := br.ReadString('\n')
		if err == io.EOF {
			break // da.Build drops a last line without a newline, too
		}
		items := strings.Split(strings.TrimSpace(line), "\t")
		if len(items) < 2 {
			continue
		}
		vals := strings.Fields(items[1])
		if len(items) > 2 {
			vals = items[1:]
		}
		if len(vals) > 0 {
			entries[items[0]] = vals[0]
		}
	}
	return tableFromEntries(name, entries), nil
}

// tableFromEntries lays out a trie as dict/opencc/gen does, in memory.
func tableFromEntries(name string, entries map[string]string) *table {
	type tn struct {
		kids map[rune]*tn
		val  string
		has  bool
	}
	root := &tn{}
	maxRunes := 0
	for k, v := range entries {
		n := root
		for _, r := range k {
			if n.kids == nil {
				n.kids = map[rune]*tn{}
			}
			if n.kids[r] == nil {
				n.kids[r] = &tn{}
			}
			n = n.kids[r]
		}
		maxRunes = max(maxRunes, utf8.RuneCountInString(k))
		n.val, n.has = v, true
	}
	t := &table{name: name, maxRunes: maxRunes, starts: new(bitmap)}
	var blob strings.Builder
	order := []*tn{root}
	for i := 0; i < len(order); i++ {
		n := order[i]
		rs := make([]rune, 0, len(n.kids))
		for r := range n.kids {
			rs = append(rs, r)
		}
		sort.Slice(rs, func(a, b int) bool { return rs[a] < rs[b] })
		nd := tnode{childStart: uint32(len(t.edges)), childCount: uint32(len(rs)), valOff: noValue}
		if n.has {
			nd.valOff, nd.valLen = uint32(blob.Len()), uint32(len(n.val))
			blob.WriteString(n.val)
		}
		t.nodes = append(t.nodes, nd)
		for _, r := range rs {
			t.edges = append(t.edges, r)
			order = append(order, n.kids[r])
			if i == 0 && r < 65536 {
				t.starts.set(r)
			}
		}
	}
	t.blob = blob.String()
	return t
}
