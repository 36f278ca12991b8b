// Command gen writes dict/keywords/background.tsv, the built-in policy
// background of `zhpolicy keywords`: the document frequency of every
// candidate term over the reference policy documents of the shared corpus
// (../shared/corpus/), read as the keywords command reads a document.
//
//	go generate ./dict/keywords        # or: go run ./dict/keywords/gen -o dict/keywords/background.tsv
//	go run ./dict/keywords/gen -table  # only background.bin, from background.tsv
//
// What it leaves out, so that no measurement is made on a document the
// background has seen (dict/SOURCES.md, section Keywords):
//   - every TEST document of the team's split (SPLIT.md: sha256 of the file
//     name below 77, and the glossary reports 2026_广东省 and 2026_海南省) in
//     provincial_gwr_2026, taiwan_presidential_office and
//     ministry_provincial_notices;
//   - every other document that shares at least a tenth of its own or of a
//     TEST document's 8-character runs of Chinese text with a TEST document
//     or with a glossary report (../shared/bench/glossary_2026/): the
//     corpus's duplicates and near-duplicates (central_049 = central_048 …)
//     and texts that reproduce a TEST document in large part.
//
// It also writes, next to the output, background_docs.txt: every document
// of the corpus and whether it is in the background, or why not.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"zhpolicy/bench/keywords/kwdocs"
	"zhpolicy/pkg/analysis/keywords"
)

// minDF: terms in fewer documents of the background are left out of the
// embedded table (they are read as unseen, which they nearly are).
const minDF = 2

// overlap is the share of a document's 8-character runs that, shared with
// a TEST document, keeps it out of the background.
const overlap = 0.10

func main() {
	out := flag.String("o", "dict/keywords/background.tsv", "output file (its table form is written beside it, .bin)")
	corpusDir := flag.String("corpus", "", "the shared corpus (default: ../shared/corpus from the repository root)")
	table := flag.Bool("table", false, "only write the table form (.bin) of the existing output file, reading no corpus")
	flag.Parse()
	run := run
	if *table {
		run = func(out, _ string) error { return writeTable(out) }
	}
	if err := run(*out, *corpusDir); err != nil {
		fmt.Fprintln(os.Stderr, "dict/keywords/gen:", err)
		os.Exit(1)
	}
}

func run(out, corpusDir string) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if corpusDir == "" {
		corpusDir = filepath.Join(root, "..", "shared", "corpus")
	}
	glossaryDir := filepath.Join(filepath.Dir(corpusDir), "bench", "glossary_2026")
	if !filepath.IsAbs(out) {
		if wd, _ := os.Getwd(); filepath.Base(wd) == "keywords" && filepath.Base(filepath.Dir(wd)) == "dict" {
			out = filepath.Join(wd, filepath.Base(out)) // go generate runs in dict/keywords
		} else {
			out = filepath.Join(root, out)
		}
	}
	// the TEST documents and the others are read apart, so that nothing
	// of a TEST document (not even the corpus pass of the cleaning, which
	// counts repeated lines) bears on the background
	tests, err := kwdocs.Load([]string{corpusDir}, kwdocs.IsTest)
	if err != nil {
		return err
	}
	docs, err := kwdocs.Load([]string{corpusDir}, func(p string) bool { return !kwdocs.IsTest(p) })
	if err != nil {
		return err
	}
	// the TEST side: TEST documents and the glossary reports.
	type sh struct {
		name string
		runs map[string]bool
	}
	var test []sh
	for _, d := range tests {
		test = append(test, sh{rel(corpusDir, d.Path), runs(d.In.Folded)})
	}
	gl, _ := filepath.Glob(filepath.Join(glossaryDir, "*.txt"))
	for _, p := range gl {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		test = append(test, sh{"glossary_2026/" + filepath.Base(p), runs(string(b))})
	}
	bg := keywords.NewBackground()
	var report []string
	in, left := 0, 0
	for _, d := range tests {
		report = append(report, rel(corpusDir, d.Path)+"\tout\tTEST document")
		left++
	}
	for _, d := range docs {
		name := rel(corpusDir, d.Path)
		own := runs(d.In.Folded)
		why := ""
		for _, t := range test {
			n := 0
			for r := range own {
				if t.runs[r] {
					n++
				}
			}
			a, b := share(n, len(own)), share(n, len(t.runs))
			if a >= overlap || b >= overlap {
				why = fmt.Sprintf("shares %.0f%% of its and %.0f%% of %s's 8-character runs", 100*a, 100*b, t.name)
				break
			}
		}
		if why != "" {
			report = append(report, name+"\tout\t"+why)
			left++
			continue
		}
		bg.Add(keywords.Collect(d.In, keywords.BackgroundOptions()))
		report = append(report, name+"\tin")
		in++
	}
	pruned := bg.Prune(minDF)
	if err := writeFile(out, pruned.WriteTSV); err != nil {
		return err
	}
	if err := writeFile(tableName(out), pruned.WriteTable); err != nil {
		return err
	}
	slices.Sort(report)
	list := "# The documents of ../shared/corpus and whether dict/keywords/background.tsv counts them\n" +
		"# (written by dict/keywords/gen; see dict/SOURCES.md, section Keywords).\n" + strings.Join(report, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(filepath.Dir(out), "background_docs.txt"), []byte(list), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "background: %d documents in, %d out; %d terms (%d in at least %d documents), %d words\n",
		in, left, bg.Len(), pruned.Len(), minDF, bg.Units())
	return nil
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// runs returns the 8-character runs of the Chinese characters of s.
func runs(s string) map[string]bool {
	var han []rune
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9fff || r >= 0xf900 && r <= 0xfaff {
			han = append(han, r)
		}
	}
	m := make(map[string]bool, len(han))
	for i := 0; i+8 <= len(han); i++ {
		m[string(han[i:i+8])] = true
	}
	return m
}

func rel(base, p string) string {
	r, err := filepath.Rel(base, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}

// repoRoot finds the repository root (the directory with go.mod) from the
// working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
	}
}

// tableName is the file of the table form of the background in out: what
// the binary embeds and reads in place (keywords.Background.WriteTable).
func tableName(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".bin"
}

// writeTable writes the table form of the background text in out.
func writeTable(out string) error {
	f, err := os.Open(out)
	if err != nil {
		return err
	}
	defer f.Close()
	bg, err := keywords.ReadBackgroundTSV(out, f)
	if err != nil {
		return err
	}
	return writeFile(tableName(out), bg.WriteTable)
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
