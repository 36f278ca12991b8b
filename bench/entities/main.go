// Command entities scores zhpolicy's entity recogniser against the
// policy-domain gold of bench/entities/gold (issue 16): precision, recall
// and F1 of PER, ORG and LOC over the distinct entities of each document,
// the attachment of titles to people, and the organisations of those
// titles. See gold/README.md for the guidelines and the scoring rules.
//
//	go run ./bench/entities [-errors] [-check] gold/dev.txt gold/test.txt
//
// The documents are read from ../shared/corpus and prepared as the
// command line prepares them: decoded, cleaned (normalize), folded,
// segmented with POS tags, then recognised.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"zhpolicy/internal/docsplit"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// person is a gold person: name and posts, each with its organisation.
type person struct {
	name  string
	posts []post
}

type post struct{ title, org string }

// goldDoc is the gold of one document (or of the lines from, to of it,
// counted from 1, when to > 0).
type goldDoc struct {
	path     string
	from, to int
	per      []person
	typ      map[string][]string // ORG, LOC, OPT → names
	only     map[string]bool     // when set (`only PER`), the types scored in this document
}

func main() {
	corpusDir := flag.String("corpus", "../shared/corpus", "directory the gold's paths are relative to")
	showErrors := flag.Bool("errors", false, "list the false positives and misses of each document")
	check := flag.Bool("check", false, "only check that every gold name occurs in its document")
	list := flag.String("list", "", "instead of scoring, list the entities of these types (comma-separated) over the DEV documents given as arguments")
	speed := flag.Int("speed", 0, "instead of scoring, time segmentation and recognition over the files and directories given, alternating, this many rounds")
	flag.Parse()
	if *speed > 0 {
		if err := speedRun(*speed, flag.Args()); err != nil {
			fmt.Fprintln(os.Stderr, "entities:", err)
			os.Exit(1)
		}
		return
	}
	if *list != "" {
		if err := listDev(*list, flag.Args()); err != nil {
			fmt.Fprintln(os.Stderr, "entities:", err)
			os.Exit(1)
		}
		return
	}
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: entities [-errors] [-check] GOLD.txt...")
		os.Exit(2)
	}
	if err := run(*corpusDir, flag.Args(), *showErrors, *check); err != nil {
		fmt.Fprintln(os.Stderr, "entities:", err)
		os.Exit(1)
	}
}

func run(dir string, golds []string, showErrors, check bool) error {
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		return err
	}
	x := entities.New(nil)
	fmt.Println("| gold | type | gold | found | right | P | R | F1 |")
	fmt.Println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	var titleRows []string
	for _, g := range golds {
		docs, err := readGold(g)
		if err != nil {
			return err
		}
		var tot = map[string]*score{"PER": {}, "ORG": {}, "LOC": {}}
		var ta titleScore
		for _, gd := range docs {
			d, err := prepare(seg, filepath.Join(dir, gd.path))
			if err != nil {
				return err
			}
			if check {
				checkGold(d.Text, gd)
				continue
			}
			ms := inLines(d, x.Extract(d.In), gd.from, gd.to)
			r := scoreDoc(d, gd, ms)
			for t, s := range r.scores {
				tot[t].add(s)
			}
			ta.add(r.titles)
			if showErrors {
				r.print(gd.path)
			}
		}
		if check {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(g), ".txt")
		var all score
		for _, t := range []string{"PER", "ORG", "LOC"} {
			s := tot[t]
			all.add(*s)
			fmt.Printf("| %s | %s | %d | %d | %d | %.3f | %.3f | %.3f |\n", name, t, s.gold, s.found, s.right, s.p(), s.r(), s.f())
		}
		fmt.Printf("| %s | micro | %d | %d | %d | %.3f | %.3f | %.3f |\n", name, all.gold, all.found, all.right, all.p(), all.r(), all.f())
		titleRows = append(titleRows, fmt.Sprintf("| %s | %d | %d | %d | %s | %s | %d | %d | %s |", name,
			ta.titled, ta.found, ta.right, ratio(ta.right, ta.found), ratio(ta.right, ta.titled),
			ta.orgFound, ta.orgRight, ratio(ta.orgRight, ta.orgFound)))
	}
	if check {
		return nil
	}
	fmt.Println()
	fmt.Println("| gold | people with a title | found | title right | attachment (found) | attachment (all) | found with an org | org right | org attachment |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range titleRows {
		fmt.Println(r)
	}
	return nil
}

func ratio(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

// prepare reads and prepares a document as the command line does.
func prepare(seg *segment.Segmenter, path string) (*corpus.Doc, error) {
	return corpus.Load(path, seg, segment.Options{Mode: segment.Precise, HMM: segment.DefaultHMM, POS: true})
}

// folder gives the Simplified key of a gold name: folded when the document
// is Traditional (乾县 stays 乾县 in a Simplified one), compatibility
// ideographs (as some Traditional sources write them) read as their
// unified equivalents.
func folder(trad bool) func(string) string {
	return func(s string) string {
		s = norm.NFC.String(s)
		if !trad {
			return analysis.Key(s)
		}
		if f, ok := script.FoldToSimplified(s); ok && utf8.RuneCountInString(f) == utf8.RuneCountInString(s) {
			s = f
		}
		return analysis.Key(s)
	}
}

type score struct{ gold, found, right int }

func (s *score) add(o score) { s.gold += o.gold; s.found += o.found; s.right += o.right }
func (s score) p() float64 {
	if s.found == 0 {
		return 0
	}
	return float64(s.right) / float64(s.found)
}
func (s score) r() float64 {
	if s.gold == 0 {
		return 0
	}
	return float64(s.right) / float64(s.gold)
}
func (s score) f() float64 {
	if s.p()+s.r() == 0 {
		return 0
	}
	return 2 * s.p() * s.r() / (s.p() + s.r())
}

type titleScore struct{ titled, found, right, orgFound, orgRight int }

func (t *titleScore) add(o titleScore) {
	t.titled += o.titled
	t.found += o.found
	t.right += o.right
	t.orgFound += o.orgFound
	t.orgRight += o.orgRight
}

type docResult struct {
	scores     map[string]score
	fp, fn     map[string][]string
	titles     titleScore
	titleNotes []string
}

// scoreDoc compares the distinct PER, ORG and LOC of one document.
func scoreDoc(d *corpus.Doc, gd goldDoc, ms []entities.Mention) docResult {
	fold := folder(d.In.Folded != d.In.Text)
	opt := map[string]bool{}
	for _, n := range gd.typ["OPT"] {
		opt[fold(n)] = true
	}
	gold := map[string]map[string]bool{"PER": {}, "ORG": {}, "LOC": {}}
	for _, p := range gd.per {
		gold["PER"][fold(p.name)] = true
	}
	for _, t := range []string{"ORG", "LOC"} {
		for _, n := range gd.typ[t] {
			gold[t][fold(n)] = true
		}
	}
	books := bookSpans(d.Text)
	pred := map[string]map[string]bool{"PER": {}, "ORG": {}, "LOC": {}}
	// titles the tool gives each person: organisation + post
	titles := map[string][]entities.Mention{}
	for _, m := range ms {
		t := string(m.Type)
		// not scored: other types, OPT names, and mentions inside 《》
		if pred[t] == nil || opt[m.Key] || inside(books, m.Start, m.End) {
			continue
		}
		pred[t][m.Key] = true
		if m.Type == entities.PER && m.Title != "" {
			titles[m.Key] = append(titles[m.Key], m)
		}
	}
	r := docResult{scores: map[string]score{}, fp: map[string][]string{}, fn: map[string][]string{}}
	for _, t := range []string{"PER", "ORG", "LOC"} {
		if gd.only != nil && !gd.only[t] {
			continue // a document annotated for some types only
		}
		var s score
		s.gold = len(gold[t])
		for k := range pred[t] {
			s.found++
			if gold[t][k] {
				s.right++
			} else {
				r.fp[t] = append(r.fp[t], k)
			}
		}
		for k := range gold[t] {
			if !pred[t][k] {
				r.fn[t] = append(r.fn[t], k)
			}
		}
		sort.Strings(r.fp[t])
		sort.Strings(r.fn[t])
		r.scores[t] = s
	}
	for _, p := range gd.per {
		if len(p.posts) == 0 {
			continue
		}
		k := fold(p.name)
		r.titles.titled++
		if !pred["PER"][k] {
			continue
		}
		r.titles.found++
		got := titles[k]
		ok := false
		for _, m := range got {
			for _, ps := range p.posts {
				if titleMatches(m, fold(ps.title)) {
					ok = true
				}
			}
		}
		if ok {
			r.titles.right++
		}
		var gotS []string
		for _, m := range got {
			gotS = append(gotS, fullTitle(m))
		}
		slices.Sort(gotS)
		gotS = slices.Compact(gotS)
		if !ok {
			r.titleNotes = append(r.titleNotes, fmt.Sprintf("%s: gold %v, got %v", p.name, p.posts, gotS))
		}
		var orgs []string
		for _, ps := range p.posts {
			if ps.org != "" {
				orgs = append(orgs, fold(ps.org))
			}
		}
		if len(orgs) == 0 {
			continue
		}
		r.titles.orgFound++
		orgOK := false
		for _, m := range got {
			for _, o := range orgs {
				if mo := mentionOrg(m); mo != "" && (strings.HasSuffix(mo, o) || strings.HasSuffix(o, mo)) {
					orgOK = true
				}
			}
		}
		if orgOK {
			r.titles.orgRight++
		} else {
			r.titleNotes = append(r.titleNotes, fmt.Sprintf("%s: org %v, got %v", p.name, orgs, gotS))
		}
	}
	return r
}

// postModifiers make another post of the one they stand before: 副省长 is
// not 省长, 总书记 not 书记.
var postModifiers = []string{"副", "总", "常务", "代", "名誉", "前"}

// titleMatches says whether the title of m (its organisation written
// before it) names post p.
func titleMatches(m entities.Mention, p string) bool {
	t := fullTitle(m)
	if !strings.HasSuffix(t, p) {
		return false
	}
	before := strings.TrimSuffix(t, p)
	for _, mod := range postModifiers {
		if strings.HasSuffix(before, mod) {
			return false
		}
	}
	return true
}

// fullTitle is the organisation and post of a mention's title, as one key.
func fullTitle(m entities.Mention) string { return m.Title }

// mentionOrg is the organisation of a mention's title, if the recogniser
// gives one.
func mentionOrg(m entities.Mention) string { return m.Org }

// inLines keeps the mentions on the lines from, to (counted from 1) of the
// document as given (all when to is 0).
func inLines(d *corpus.Doc, ms []entities.Mention, from, to int) []entities.Mention {
	if to == 0 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		s, _ := d.OriginalSpan(m.Start, m.End)
		line := strings.Count(d.Original[:s], "\n") + 1
		if line >= from && line <= to {
			out = append(out, m)
		}
	}
	return out
}

// bookSpans are the byte spans of the 《》 titles of a text.
func bookSpans(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "《")
		if j < 0 {
			break
		}
		s := i + j
		k := strings.Index(text[s:], "》")
		if k < 0 {
			break
		}
		if nl := strings.IndexByte(text[s:s+k], '\n'); nl >= 0 {
			i = s + nl
			continue
		}
		out = append(out, [2]int{s, s + k + len("》")})
		i = s + k
	}
	return out
}

func inside(spans [][2]int, s, e int) bool {
	for _, sp := range spans {
		if s >= sp[0] && e <= sp[1] {
			return true
		}
	}
	return false
}

func (r docResult) print(path string) {
	fmt.Fprintf(os.Stderr, "== %s\n", path)
	for _, t := range []string{"PER", "ORG", "LOC"} {
		if len(r.fp[t]) > 0 {
			fmt.Fprintf(os.Stderr, "  %s false: %s\n", t, strings.Join(r.fp[t], " "))
		}
		if len(r.fn[t]) > 0 {
			fmt.Fprintf(os.Stderr, "  %s missed: %s\n", t, strings.Join(r.fn[t], " "))
		}
	}
	for _, n := range r.titleNotes {
		fmt.Fprintf(os.Stderr, "  title: %s\n", n)
	}
}

// checkGold reports gold names that do not occur in the document.
func checkGold(text string, gd goldDoc) {
	fold := folder(true)
	folded := fold(text)
	// a name the layout pads with spaces (潘  庆 in a contact list) is
	// written without them in the gold
	unspaced := strings.NewReplacer(" ", "", "\u3000", "").Replace(folded)
	miss := func(kind, n string) {
		if !strings.Contains(text, n) && !strings.Contains(folded, fold(n)) && !strings.Contains(unspaced, fold(n)) {
			fmt.Printf("%s: %s %q does not occur\n", gd.path, kind, n)
		}
	}
	for _, p := range gd.per {
		miss("PER", p.name)
		for _, ps := range p.posts {
			miss("title", ps.title)
			if ps.org != "" {
				miss("org", ps.org)
			}
		}
	}
	for t, ns := range gd.typ {
		for _, n := range ns {
			miss(t, n)
		}
	}
}

// readGold parses a gold file (format: gold/README.md).
func readGold(path string) ([]goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []goldDoc
	sc := bufio.NewScanner(f)
	ln := 0
	for sc.Scan() {
		ln++
		l := sc.Text()
		if i := strings.Index(l, "#"); i >= 0 {
			l = l[:i]
		}
		fs := strings.Fields(l)
		if len(fs) == 0 {
			continue
		}
		if fs[0] == "doc" {
			if len(fs) != 2 && len(fs) != 3 {
				return nil, fmt.Errorf("%s:%d: want `doc PATH [FROM-TO]`", path, ln)
			}
			gd := goldDoc{path: fs[1], typ: map[string][]string{}}
			if len(fs) == 3 {
				if _, err := fmt.Sscanf(fs[2], "%d-%d", &gd.from, &gd.to); err != nil || gd.from < 1 || gd.to < gd.from {
					return nil, fmt.Errorf("%s:%d: want lines FROM-TO, got %q", path, ln, fs[2])
				}
			}
			out = append(out, gd)
			continue
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("%s:%d: %s before the first doc line", path, ln, fs[0])
		}
		gd := &out[len(out)-1]
		switch fs[0] {
		case "PER":
			if len(fs) < 2 {
				return nil, fmt.Errorf("%s:%d: PER without a name", path, ln)
			}
			p := person{name: fs[1]}
			for _, t := range fs[2:] {
				title, org, _ := strings.Cut(t, "@")
				p.posts = append(p.posts, post{title, org})
			}
			gd.per = append(gd.per, p)
		case "ORG", "LOC", "OPT":
			gd.typ[fs[0]] = append(gd.typ[fs[0]], fs[1:]...)
		case "only":
			gd.only = map[string]bool{}
			for _, t := range fs[1:] {
				if t != "PER" && t != "ORG" && t != "LOC" {
					return nil, fmt.Errorf("%s:%d: only takes PER, ORG or LOC, got %q", path, ln, t)
				}
				gd.only[t] = true
			}
		default:
			return nil, fmt.Errorf("%s:%d: unknown line type %q", path, ln, fs[0])
		}
	}
	return out, sc.Err()
}

// listDev lists the entities of some types over DEV documents (TEST ones
// are skipped, so that nobody tunes on them by accident).
func listDev(types string, paths []string) error {
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		return err
	}
	x := entities.New(nil)
	var want []entities.Type
	for _, t := range strings.Split(types, ",") {
		ty, err := entities.ParseType(t)
		if err != nil {
			return err
		}
		want = append(want, ty)
	}
	c := entities.NewCounter()
	ctx := map[string]string{}
	for _, p := range paths {
		if docsplit.IsTest(p) {
			fmt.Fprintf(os.Stderr, "skipping TEST document %s\n", p)
			continue
		}
		d, err := prepare(seg, p)
		if err != nil {
			return err
		}
		ms := entities.Filter(x.Extract(d.In), want)
		for _, m := range ms {
			k := string(m.Type) + m.Key
			if _, ok := ctx[k]; !ok {
				a, b := max(0, m.Start-24), min(len(d.Text), m.End+24)
				for a > 0 && !utf8.RuneStart(d.Text[a]) {
					a--
				}
				for b < len(d.Text) && !utf8.RuneStart(d.Text[b]) {
					b++
				}
				ctx[k] = strings.ReplaceAll(d.Text[a:m.Start]+"["+m.Text+"]"+d.Text[m.End:b], "\n", "⏎")
			}
		}
		c.Add(p, ms)
	}
	for _, e := range c.Entities() {
		ex := e.Mentions[0]
		fmt.Printf("%s\t%s\t%d\t%d\t%s\t%s\t%s\n", e.Type, e.Key, e.Count, e.Docs, strings.Join(e.Titles, ","), filepath.Base(ex.File), ctx[string(e.Type)+e.Key])
	}
	return nil
}

// speedRun times, over every .txt file under the paths, segmentation (gse
// with POS tags, as the entities command cuts) and entity recognition on
// the tokens, alternating the two for the given number of rounds, and
// reports medians, throughput, their ratio and the bytes allocated per
// input byte.
func speedRun(rounds int, paths []string) error {
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		return err
	}
	x := entities.New(nil)
	var docs []*corpus.Doc
	total := 0
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, de os.DirEntry, err error) error {
			if err != nil || de.IsDir() || !strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, "index.tsv") {
				return err
			}
			in, err := input.Read(input.Source{Path: p, Size: -1}, input.Options{})
			if err != nil {
				return err
			}
			d := corpus.Prepare(in, true)
			docs = append(docs, d)
			total += len(d.Text)
			return nil
		})
		if err != nil {
			return err
		}
	}
	opts := segment.Options{Mode: segment.Precise, HMM: segment.DefaultHMM, POS: true}
	cut := func() error {
		for _, d := range docs {
			toks, err := seg.Cut(d.Text, opts)
			if err != nil {
				return err
			}
			d.In = analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
		}
		return nil
	}
	if err := cut(); err != nil { // warm up, and tokens for the first round
		return err
	}
	var segT, entT []time.Duration
	var segA, entA uint64
	var ms runtime.MemStats
	for r := 0; r < rounds; r++ {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		a0 := ms.TotalAlloc
		t0 := time.Now()
		if err := cut(); err != nil {
			return err
		}
		segT = append(segT, time.Since(t0))
		runtime.ReadMemStats(&ms)
		segA += ms.TotalAlloc - a0
		runtime.GC()
		runtime.ReadMemStats(&ms)
		a0 = ms.TotalAlloc
		t0 = time.Now()
		n := 0
		for _, d := range docs {
			n += len(x.Extract(d.In))
		}
		entT = append(entT, time.Since(t0))
		runtime.ReadMemStats(&ms)
		entA += ms.TotalAlloc - a0
		_ = n
	}
	med := func(ts []time.Duration) time.Duration {
		s := slices.Clone(ts)
		slices.Sort(s)
		return s[len(s)/2]
	}
	mb := float64(total) / 1e6
	sm, em := med(segT), med(entT)
	fmt.Printf("%d documents, %.1f MB of cleaned text; %d rounds, segmentation and recognition alternating, one goroutine; medians.\n\n", len(docs), mb, rounds)
	fmt.Println("| step | median | MB/s | allocated per input byte |")
	fmt.Println("| --- | ---: | ---: | ---: |")
	fmt.Printf("| segmentation (gse, POS tags) | %.2f s | %.1f | %.1f B |\n", sm.Seconds(), mb/sm.Seconds(), float64(segA)/float64(rounds)/float64(total))
	fmt.Printf("| entity recognition (on the tokens) | %.2f s | %.1f | %.1f B |\n", em.Seconds(), mb/em.Seconds(), float64(entA)/float64(rounds)/float64(total))
	fmt.Printf("\nRecognition takes %.2f× the time of segmentation.\n", em.Seconds()/sm.Seconds())
	return nil
}
