// Command clean measures boilerplate removal on the 25 provincial government work reports
// of ../shared/corpus/provincial_gwr_2026 (scraped from the portals, page chrome left in)
// against the hand-made gold in bench/clean/gold.
//
//	go run ./bench/clean [-split dev|test|all] [-corpus DIR] [-list] [-markdown]
//
// For every report it runs normalize.Clean with the default options (the rules alone), and
// again with the corpus-level pass (line counts over the reports of the split), and reports:
//
//   - boilerplate lines left: gold boilerplate lines not removed, and gold credits still at
//     the end of their line;
//   - lines removed by mistake: removed lines the gold does not call boilerplate;
//   - body sentences removed: the sentences (split after 。！？) of every line the gold does not
//     call boilerplate, credits left out, that are missing from the cleaned text, and the
//     sentence-final punctuation of those lines before and after;
//   - metadata: the title, occasion, speaker and caption lines marked (Result.Meta) against
//     the gold, as recall and precision.
//
// The split is the team's (/work/brief/SPLIT.md): TEST when the first byte of the SHA-256
// of the file name is below 77, plus 2026_海南省.txt.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"zhpolicy/internal/docsplit"
	"zhpolicy/pkg/normalize"
)

type goldLine struct {
	line  int
	label string
	text  string
}

type doc struct {
	name  string
	text  string
	lines [][2]int // content [start, end) of every line (\n ends a line)
	gold  map[int][]goldLine
}

func main() {
	corpus := flag.String("corpus", "../shared/corpus/provincial_gwr_2026", "the reports")
	goldDir := flag.String("gold", "bench/clean/gold", "the gold files (one .tsv per report)")
	split := flag.String("split", "all", "dev, test or all")
	list := flag.Bool("list", false, "list every boilerplate line left and every line removed by mistake")
	markdown := flag.Bool("markdown", false, "print the tables as Markdown for bench/RESULTS.md")
	flag.Parse()
	if err := run(*corpus, *goldDir, *split, *list, *markdown); err != nil {
		fmt.Fprintln(os.Stderr, "clean bench:", err)
		os.Exit(1)
	}
}

func run(corpus, goldDir, split string, list, markdown bool) error {
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no reports in %s", corpus)
	}
	sort.Strings(files)
	sets := map[string][]*doc{}
	for _, f := range files {
		name := filepath.Base(f)
		set := "dev"
		if docsplit.IsTest(name) {
			set = "test"
		}
		if split != "all" && split != set {
			continue
		}
		d, err := load(f, filepath.Join(goldDir, strings.TrimSuffix(name, ".txt")+".tsv"))
		if err != nil {
			return err
		}
		if d == nil {
			fmt.Fprintf(os.Stderr, "%s: no gold, skipped\n", name)
			continue
		}
		sets[set] = append(sets[set], d)
	}
	for _, set := range []string{"dev", "test"} {
		docs := sets[set]
		if len(docs) == 0 {
			continue
		}
		opts := normalize.DefaultOptions()
		counts := normalize.NewLineCounts(opts)
		for _, d := range docs {
			if err := counts.Add(normalize.Clean(d.text, opts)); err != nil {
				return err
			}
		}
		rep := counts.Repeated(normalize.DefaultRepeat())
		withRep := opts
		withRep.Repeated = rep
		rules := measure(docs, opts)
		corpusPass := measure(docs, withRep)
		report(strings.ToUpper(set), docs, rules, corpusPass, rep.Len(), markdown)
		siteChrome(strings.ToUpper(set), docs, markdown)
		if list {
			for _, l := range rules.notes {
				fmt.Println("  " + l)
			}
			for _, l := range corpusPass.notes {
				if !contains(rules.notes, l) {
					fmt.Println("  (corpus pass) " + l)
				}
			}
		}
	}
	if split == "all" {
		otherCorpora(filepath.Dir(corpus), list, markdown)
	}
	return nil
}

// otherCorpora cleans the other corpora of ../shared/corpus (no web chrome in them: national
// reports, notices, speeches) with the rules and with the corpus pass over each corpus, and
// counts what goes: every line removed there is a suspect.
func otherCorpora(root string, list, markdown bool) {
	var rows [][]string
	for _, name := range []string{"gwr", "cpc_congress", "npc_resolutions", "ministry_provincial_notices", "taiwan_presidential_office"} {
		files, _ := filepath.Glob(filepath.Join(root, name, "*.txt"))
		if len(files) == 0 {
			continue
		}
		opts := normalize.DefaultOptions()
		counts := normalize.NewLineCounts(opts)
		texts := make([]string, len(files))
		for i, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			texts[i] = string(b)
			_ = counts.Add(normalize.Clean(texts[i], opts))
		}
		rep := counts.Repeated(normalize.DefaultRepeat())
		withRep := opts
		withRep.Repeated = rep
		byRules, byCorpus, cuts, sents, lost := 0, 0, 0, 0, 0
		for i, t := range texts {
			r := normalize.Clean(t, withRep)
			for _, c := range r.Changes {
				if c.Kind != normalize.ChangeBoilerplate {
					continue
				}
				whole := strings.HasSuffix(c.Old, "\n") || c.End == len(t)
				switch {
				case c.Reason == normalize.ReasonRepeated:
					byCorpus++
				case whole && (c.Start == 0 || t[c.Start-1] == '\n'):
					byRules++
				default:
					cuts++
				}
				if list {
					fmt.Printf("  %s/%s: %s: %q\n", name, filepath.Base(files[i]), c.Reason, strings.TrimRight(c.Old, "\n"))
				}
			}
			base := normalize.Clean(t, normalize.Options{Pinyin: true, Invisible: true, Width: true, LineEnds: true}).Text
			for _, line := range strings.Split(base, "\n") {
				for _, snt := range sentences(line) {
					sents++
					if !strings.Contains(r.Text, snt) {
						lost++
					}
				}
			}
		}
		rows = append(rows, []string{name, strconv.Itoa(len(files)), strconv.Itoa(byRules), strconv.Itoa(cuts),
			strconv.Itoa(rep.Len()), strconv.Itoa(byCorpus), fmt.Sprintf("%d / %d", lost, sents)})
	}
	fmt.Printf("\nOther corpora (no page chrome): what cleaning removes there\n\n")
	printTable([]string{"corpus", "documents", "lines removed by rules", "credits cut", "repeated lines", "lines removed by the corpus pass", "sentences lost"}, rows, markdown)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func load(path, goldPath string) (*doc, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g, err := os.Open(goldPath)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer g.Close()
	d := &doc{name: filepath.Base(path), text: string(data), gold: map[int][]goldLine{}}
	for s := 0; s < len(d.text); {
		e := strings.IndexByte(d.text[s:], '\n')
		if e < 0 {
			d.lines = append(d.lines, [2]int{s, len(d.text)})
			break
		}
		d.lines = append(d.lines, [2]int{s, s + e})
		s += e + 1
	}
	sc := bufio.NewScanner(g)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want line<TAB>label<TAB>text", goldPath, n)
		}
		ln, err := strconv.Atoi(f[0])
		if err != nil || ln < 1 || ln > len(d.lines) {
			return nil, fmt.Errorf("%s:%d: bad line number %q", goldPath, n, f[0])
		}
		lt := d.text[d.lines[ln-1][0]:d.lines[ln-1][1]]
		if f[1] == "credit" && !strings.HasSuffix(strings.TrimRight(lt, " \u3000"), f[2]) ||
			f[1] != "credit" && lt != f[2] {
			return nil, fmt.Errorf("%s:%d: line %d of %s is %q, not %q", goldPath, n, ln, d.name, lt, f[2])
		}
		d.gold[ln-1] = append(d.gold[ln-1], goldLine{ln - 1, f[1], f[2]})
	}
	return d, sc.Err()
}

func (d *doc) has(i int, label string) bool {
	for _, g := range d.gold[i] {
		if g.label == label {
			return true
		}
	}
	return false
}

type result struct {
	goldB, leftB         int // gold boilerplate lines, left
	goldCredit, leftCred int
	wrongLines           int // lines removed that the gold keeps
	wrongCuts            int // credits cut that the gold does not have
	sentences, lostSent  int // body sentences, missing after cleaning
	puncBefore, puncAfer int
	meta                 map[string]*pr
	notes                []string
}

type pr struct{ gold, found, hit int }

var metaKinds = []string{"title", "occasion", "speaker", "caption"}

func measure(docs []*doc, opts normalize.Options) *result {
	res := &result{meta: map[string]*pr{}}
	for _, k := range metaKinds {
		res.meta[k] = &pr{}
	}
	for _, d := range docs {
		r := normalize.Clean(d.text, opts)
		removed := make([]bool, len(d.lines))
		cut := make([]string, len(d.lines))
		for _, c := range r.Changes {
			if c.Kind != normalize.ChangeBoilerplate {
				continue
			}
			for i, ln := range d.lines {
				if c.Start <= ln[0] && c.End >= ln[1] && ln[1] > ln[0] {
					removed[i] = true
				} else if c.Start >= ln[0] && c.Start < ln[1] {
					cut[i] = d.text[c.Start:min(c.End, ln[1])]
				}
			}
		}
		for i, ln := range d.lines {
			lt := d.text[ln[0]:ln[1]]
			switch {
			case d.has(i, "boilerplate"):
				res.goldB++
				if !removed[i] {
					res.leftB++
					res.notes = append(res.notes, fmt.Sprintf("%s:%d: left: %s", d.name, i+1, lt))
				}
			case removed[i]:
				res.wrongLines++
				res.notes = append(res.notes, fmt.Sprintf("%s:%d: removed by mistake: %s", d.name, i+1, lt))
			}
			credit := ""
			for _, g := range d.gold[i] {
				if g.label == "credit" {
					credit = g.text
				}
			}
			if credit != "" {
				res.goldCredit++
				if removed[i] || strings.Contains(cut[i], credit) {
					// gone
				} else {
					res.leftCred++
					res.notes = append(res.notes, fmt.Sprintf("%s:%d: credit left: %s", d.name, i+1, credit))
				}
			} else if cut[i] != "" && !d.has(i, "boilerplate") {
				res.wrongCuts++
				res.notes = append(res.notes, fmt.Sprintf("%s:%d: cut by mistake: %q", d.name, i+1, cut[i]))
			}
		}
		// Body sentences: every line the gold keeps, without its credit.
		clean := r.Text
		used := map[string]int{}
		for i, ln := range d.lines {
			if d.has(i, "boilerplate") {
				continue
			}
			lt := d.text[ln[0]:ln[1]]
			for _, g := range d.gold[i] {
				if g.label == "credit" {
					lt = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(lt, " \u3000"), g.text), " \u3000")
				}
			}
			res.puncBefore += countEnds(lt)
			for _, s := range sentences(lt) {
				res.sentences++
				used[s]++
				if strings.Count(clean, s) < used[s] {
					res.lostSent++
					res.notes = append(res.notes, fmt.Sprintf("%s:%d: sentence lost: %s", d.name, i+1, s))
				}
			}
		}
		res.puncAfer += countEnds(clean)
		// Metadata: a span of the kind on the gold line.
		lineOf := func(off int) int {
			o := r.Original(off)
			return sort.Search(len(d.lines), func(i int) bool { return d.lines[i][1] >= o })
		}
		found := map[string]map[int]bool{}
		for _, m := range r.Meta {
			k := string(m.Kind)
			if res.meta[k] == nil {
				continue
			}
			if found[k] == nil {
				found[k] = map[int]bool{}
			}
			found[k][lineOf(m.Start)] = true
		}
		for _, k := range metaKinds {
			p := res.meta[k]
			for i := range d.lines {
				g := d.has(i, k)
				f := found[k][i]
				if g {
					p.gold++
				}
				if f {
					p.found++
				}
				if g && f {
					p.hit++
				}
				if g && !f {
					res.notes = append(res.notes, fmt.Sprintf("%s:%d: %s not marked", d.name, i+1, k))
				}
				if f && !g {
					res.notes = append(res.notes, fmt.Sprintf("%s:%d: marked %s by mistake", d.name, i+1, k))
				}
			}
		}
	}
	// Punctuation after cleaning counts the whole text: boilerplate lines have none in gold.
	return res
}

// sentences splits a line after 。！？ and returns the pieces of at least two runes.
func sentences(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if r == '。' || r == '！' || r == '？' {
			p := strings.TrimSpace(s[start : i+len(string(r))])
			if len([]rune(p)) >= 2 {
				out = append(out, p)
			}
			start = i + len(string(r))
		}
	}
	if p := strings.TrimSpace(s[start:]); len([]rune(p)) >= 2 {
		out = append(out, p)
	}
	return out
}

func countEnds(s string) int {
	n := 0
	for _, r := range s {
		if r == '。' || r == '！' || r == '？' {
			n++
		}
	}
	return n
}

func report(set string, docs []*doc, rules, withRep *result, repLines int, markdown bool) {
	n := float64(len(docs))
	row := func(name string, r *result) []string {
		return []string{name,
			fmt.Sprintf("%d / %d", r.leftB, r.goldB),
			fmt.Sprintf("%.2f", float64(r.leftB+r.leftCred)/n),
			fmt.Sprintf("%d / %d", r.leftCred, r.goldCredit),
			strconv.Itoa(r.wrongLines), strconv.Itoa(r.wrongCuts),
			fmt.Sprintf("%d / %d", r.lostSent, r.sentences),
			fmt.Sprintf("%d → %d", r.puncBefore, r.puncAfer),
		}
	}
	header := []string{"run", "boilerplate lines left", "left per report", "credits left", "lines removed by mistake",
		"cuts by mistake", "body sentences removed", "。！？ of body lines → after"}
	rows := [][]string{row("rules", rules), row(fmt.Sprintf("rules + corpus pass (%d repeated lines)", repLines), withRep)}
	metaHeader := []string{"metadata", "gold", "marked", "recall", "precision"}
	var metaRows [][]string
	for _, k := range metaKinds {
		p := rules.meta[k]
		metaRows = append(metaRows, []string{k, strconv.Itoa(p.gold), strconv.Itoa(p.found), ratio(p.hit, p.gold), ratio(p.hit, p.found)})
	}
	fmt.Printf("\n%s: %d reports\n\n", set, len(docs))
	printTable(header, rows, markdown)
	fmt.Println()
	printTable(metaHeader, metaRows, markdown)
}

func ratio(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

func printTable(header []string, rows [][]string, markdown bool) {
	if markdown {
		fmt.Println("| " + strings.Join(header, " | ") + " |")
		fmt.Println("|" + strings.Repeat("---|", len(header)))
		for _, r := range rows {
			fmt.Println("| " + strings.Join(r, " | ") + " |")
		}
		return
	}
	fmt.Println(strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Println(strings.Join(r, "\t"))
	}
}

// Chrome no rule knows, as one portal would put around every page: a menu of its own
// sections, a slogan, a service banner, footer lines without registration numbers. Written
// for this bench; the corpus pass should find it because every page repeats it.
var (
	unseenHead = []string{"走进本省 | 省情概况 | 政务动态 | 市县之窗 | 专题专栏", "本省政务服务品牌 一网通办 一网统管", "今日本省"}
	unseenTail = []string{"本网站支持IPv6访问", "本省人民政府办公厅主办 本省大数据局承办", "政府网站找错 | 站点导航"}
)

// siteChrome wraps every report of the set in unseenHead and unseenTail and reports the
// chrome left and the body sentences lost, with the rules alone and with the corpus pass.
func siteChrome(set string, docs []*doc, markdown bool) {
	opts := normalize.DefaultOptions()
	wrapped := make([]string, len(docs))
	for i, d := range docs {
		wrapped[i] = strings.Join(unseenHead, "\n") + "\n" + d.text + "\n" + strings.Join(unseenTail, "\n") + "\n"
	}
	counts := normalize.NewLineCounts(opts)
	for _, w := range wrapped {
		if err := counts.Add(normalize.Clean(w, opts)); err != nil {
			panic(err)
		}
	}
	withRep := opts
	withRep.Repeated = counts.Repeated(normalize.DefaultRepeat())
	chrome := append(append([]string{}, unseenHead...), unseenTail...)
	var rows [][]string
	for _, run := range []struct {
		name string
		o    normalize.Options
	}{{"rules", opts}, {"rules + corpus pass", withRep}} {
		left, lost, sents := 0, 0, 0
		for i, d := range docs {
			r := normalize.Clean(wrapped[i], run.o)
			for _, c := range chrome {
				if strings.Contains(r.Text, c) {
					left++
				}
			}
			base := normalize.Clean(d.text, opts).Text
			for _, line := range strings.Split(base, "\n") {
				for _, snt := range sentences(line) {
					sents++
					if !strings.Contains(r.Text, snt) {
						lost++
					}
				}
			}
		}
		rows = append(rows, []string{run.name, fmt.Sprintf("%d / %d", left, len(chrome)*len(docs)), fmt.Sprintf("%d / %d", lost, sents)})
	}
	fmt.Printf("\n%s with unseen site chrome (%d lines added to each report)\n\n", set, len(chrome))
	printTable([]string{"run", "chrome lines left", "body sentences lost"}, rows, markdown)
}
