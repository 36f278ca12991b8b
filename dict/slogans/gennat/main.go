// Command gennat writes dict/slogans/national.tsv: the standard phrases
// (固定提法) of the national documents, derived from the DEV side of the
// team's split only (sha256(file name)[0] >= 77) of the national government
// work reports, the reports to the CPC National Congresses and the NPC
// resolutions on the work report (../shared/corpus/gwr, cpc_congress,
// npc_resolutions). A phrase is kept when
//
//   - it is a run of whole words (gse's cut, POS-tagged) of 6 to 16 Han
//     characters inside one clause, written identically in at least minDocs
//     of those documents of at least minYears different years;
//   - it has the shape of a formulation: either one word of the compiled
//     dictionary's proper nouns and set phrases (nz, l, i: 稳中求进工作总基调,
//     以习近平同志为核心的党中央), or a noun phrase whose last word is a head
//     of the hand-written lexicon's entries (their last word or last two
//     characters: 建设, 改革, 体系, 制度 …), with a word of those entries
//     before it (社会主义|现代化建设, not 基础设施建设), no verb, adverb,
//     pronoun or particle inside (but the frame 以…为…的 and 和, 与, 及),
//     not opened by a function word, a verb or an opener of tasks (深化,
//     大力 …), not a body, a session or a date, not ending in 发展;
//   - it is closed: not continued (or preceded) by one word in most of its
//     uses (社会主义市场|经济, 国家安全和社会|稳定);
//   - it is maximal: no longer kept phrase that contains it is written in
//     as many documents; and it holds no entry of the hand-written lexicon
//     (法治政府|建设 is that entry with a head), nor is one.
//
// Each line is a lexicon entry (text, kind lexicon, a gloss with the counts:
// documents, years, first and last year). Counts over named public
// documents are facts; no other text of the documents is kept.
//
//	cd dict/slogans && go run ./gennat -root ../..
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	slogansdict "zhpolicy/dict/slogans"
	"zhpolicy/internal/docsplit"
	"zhpolicy/internal/hannum"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

const (
	minRunes = 6
	maxRunes = 16
	minDocs  = 4
	minYears = 4
)

// npcYears gives the year of the first session of each National People's Congress.
var npcYears = map[int]int{
	1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003,
	11: 2008, 12: 2013, 13: 2018, 14: 2023,
}

type doc struct {
	path string
	year int
}

func main() {
	root := flag.String("root", ".", "repository root (the shared data is ROOT/../shared)")
	out := flag.String("o", "national.tsv", "output file")
	flag.Parse()
	if err := run(*root, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gennat:", err)
		os.Exit(1)
	}
}

func docs(root string) ([]doc, error) {
	base := filepath.Join(root, "..", "shared", "corpus")
	reports, err := slogansdict.NationalReports(base)
	if err != nil {
		return nil, err
	}
	var out []doc
	for _, r := range reports {
		out = append(out, doc{r.Path, r.Year})
	}
	npc, _ := filepath.Glob(filepath.Join(base, "npc_resolutions", "*.txt"))
	sess := regexp.MustCompile(`^第(.+?)届全国人民代表大会第(.+?)次会议`)
	for _, p := range npc {
		m := sess.FindStringSubmatch(filepath.Base(p))
		if m == nil {
			continue
		}
		n, ok1 := cnNum(m[1])
		s, ok2 := cnNum(m[2])
		if y, ok := npcYears[n]; ok && ok1 && ok2 {
			out = append(out, doc{p, y + s - 1})
		}
	}
	kept := out[:0]
	for _, d := range out {
		if !docsplit.IsTest(d.path) {
			kept = append(kept, d)
		}
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("no DEV national documents under %s", base)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].path < kept[j].path })
	return kept, nil
}

// cnNum reads the number of a congress or of its session, 一 … 九十九 (not
// 百: no congress has a hundredth session).
func cnNum(s string) (int, bool) {
	v, n := hannum.Number(s, false)
	return v, n == len(s) && v > 0 && v < 100
}

type cand struct {
	docs          map[int]bool
	years         map[int]bool
	first         string // POS of the first and last word
	last          string
	firstW, lastW string
	inner         []string       // the words inside (not the first or the last), word/POS
	uses          int            // occurrences in all documents
	next, prev    map[string]int // the word after and before each use ("" at a clause's end)
	nextPOS       map[string]string
	prevPOS       map[string]string
}

func run(root, out string) error {
	ds, err := docs(root)
	if err != nil {
		return err
	}
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		return err
	}
	heads, words, err := lexiconHeads(seg)
	if err != nil {
		return err
	}
	cands := map[string]*cand{}
	for di, d := range ds {
		raw, err := input.Read(input.Source{Path: d.path, Size: -1}, input.Options{})
		if err != nil {
			return err
		}
		pd := corpus.Prepare(raw, true)
		toks, err := seg.Cut(pd.Text, segment.Options{Mode: segment.Precise, POS: true})
		if err != nil {
			return err
		}
		in := analysis.NewInput(filepath.Base(d.path), pd.Text, pd.Script.Kind, toks)
		// words in Simplified, clause by clause: a word with a rune that is
		// not Han ends the clause.
		var clause []segment.Token
		flush := func() {
			for i := range clause {
				n := 0
				var b strings.Builder
				for j := i; j < len(clause); j++ {
					n += utf8.RuneCountInString(clause[j].Text)
					if n > maxRunes {
						break
					}
					b.WriteString(clause[j].Text)
					if n < minRunes {
						continue
					}
					k := b.String()
					c := cands[k]
					if c == nil {
						c = &cand{docs: map[int]bool{}, years: map[int]bool{}, first: clause[i].POS, last: clause[j].POS, firstW: clause[i].Text, lastW: clause[j].Text,
							inner: innerWords(clause[min(i+1, j):j]),
							next:  map[string]int{}, prev: map[string]int{}, nextPOS: map[string]string{}, prevPOS: map[string]string{}}
						cands[k] = c
					}
					c.uses++
					if j+1 < len(clause) {
						c.next[clause[j+1].Text]++
						c.nextPOS[clause[j+1].Text] = clause[j+1].POS
					} else {
						c.next[""]++
					}
					if i > 0 {
						c.prev[clause[i-1].Text]++
						c.prevPOS[clause[i-1].Text] = clause[i-1].POS
					} else {
						c.prev[""]++
					}
					c.docs[di] = true
					c.years[d.year] = true
				}
			}
			clause = clause[:0]
		}
		for _, t := range toks {
			w := in.Folded[t.Start:t.End]
			if !allHan(w) {
				flush()
				continue
			}
			clause = append(clause, segment.Token{Text: w, POS: t.POS})
		}
		flush()
	}
	var keep []string
	for k, c := range cands {
		if len(c.docs) >= minDocs && len(c.years) >= minYears && shaped(k, c, heads, words) {
			keep = append(keep, k)
		}
	}
	// maximal: drop a phrase that a longer kept phrase contains, written in
	// as many documents.
	sort.Slice(keep, func(i, j int) bool {
		a, b := utf8.RuneCountInString(keep[i]), utf8.RuneCountInString(keep[j])
		if a != b {
			return a > b
		}
		return keep[i] < keep[j]
	})
	var final []string
	for _, k := range keep {
		sub := false
		for _, l := range final {
			if strings.Contains(l, k) && len(cands[l].docs) >= len(cands[k].docs) {
				sub = true
				break
			}
		}
		if !sub {
			final = append(final, k)
		}
	}
	hand, err := slogans.ParseLexicon("lexicon.yaml", strings.NewReader(slogansdict.Lexicon))
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, e := range hand {
		for _, f := range append([]string{e.Text}, e.Aliases...) {
			if fk := strings.Map(func(r rune) rune {
				if unicode.Is(unicode.Han, r) {
					return r
				}
				return -1
			}, f); fk != "" {
				known[fk] = true
			}
		}
	}
	listed := final[:0]
	// a phrase holding a hand-written entry is that formulation with a head
	// or a tail (扫黑除恶|专项斗争, 法治政府|建设): the entry names it, and a
	// longer key would hide it where the document writes it so.
next:
	for _, k := range final {
		for f := range known {
			if strings.Contains(k, f) && utf8.RuneCountInString(f) >= 3 {
				continue next
			}
		}
		listed = append(listed, k)
	}
	final = listed
	sort.Strings(final)
	var b strings.Builder
	fmt.Fprintf(&b, "# Standard phrases of the national documents, derived by dict/slogans/gennat from the %d DEV documents\n", len(ds))
	fmt.Fprintf(&b, "# (sha256(file name)[0] >= 77) of ../shared/corpus/gwr, cpc_congress, npc_resolutions: runs of whole words of\n")
	fmt.Fprintf(&b, "# %d-%d Han characters in >= %d documents of >= %d years, formulation-shaped, maximal. See dict/SOURCES.md.\n", minRunes, maxRunes, minDocs, minYears)
	fmt.Fprintf(&b, "# text, kind, aliases, gloss (documents, years, first-last year)\n")
	for _, k := range final {
		c := cands[k]
		lo, hi := 9999, 0
		for y := range c.years {
			lo, hi = min(lo, y), max(hi, y)
		}
		fmt.Fprintf(&b, "%s\tlexicon\t\tnational documents (DEV): %d documents, %d years, %d–%d\n", k, len(c.docs), len(c.years), lo, hi)
	}
	fmt.Fprintf(os.Stderr, "%s: %d phrases from %d documents (%d candidates)\n", out, len(final), len(ds), len(keep))
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

func allHan(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if !unicode.Is(unicode.Han, c) {
			return false
		}
	}
	return true
}

// badStart are parts of speech a formulation does not open with.
var badStart = map[string]bool{"u": true, "uj": true, "ul": true, "uz": true, "ud": true, "ug": true, "uv": true,
	"p": true, "c": true, "r": true, "m": true, "q": true, "mq": true, "f": true, "t": true, "y": true, "e": true, "o": true, "zg": true}

// openers are the verbs and adverbs a work report opens its tasks with
// (深化经济体制改革, 大力发展经济, 面向经济建设), which the tagger often
// reads as nouns: a clause of action, not a name.
var openers = map[string]bool{"深化": true, "面向": true, "繁荣": true, "大力": true, "加强": true, "加快": true,
	"推进": true, "坚持": true, "完善": true, "健全": true, "积极": true, "继续": true, "进一步": true, "努力": true,
	"认真": true, "充分": true, "实行": true, "实施": true, "推动": true, "促进": true, "提高": true, "贯彻": true,
	"落实": true, "建立": true, "发展": true, "建设": true, "搞好": true, "做好": true, "抓好": true, "主要": true}

var verbOrAdverb = map[string]bool{"v": true, "vn": true, "vd": true, "vg": true, "d": true, "ad": true}

// goodEnd are parts of speech a formulation ends with: nouns, verbal nouns.
var goodEnd = map[string]bool{"n": true, "vn": true, "nz": true, "an": true, "l": true, "i": true, "j": true, "nt": true, "nr": true, "ns": true}

// bodyOrDate marks names of bodies, sessions and dates.
var bodyOrDate = []string{"届", "次会议", "委员会", "代表大会", "人民政府", "常务", "年", "月", "日", "同志们", "代表们", "会议", "协定"}

// nounLike are parts of speech that continue a noun phrase.
var nounLike = map[string]bool{"n": true, "vn": true, "nz": true, "ng": true, "an": true, "nt": true, "b": true, "j": true}

// lexiconHeads gives the last words (two Han characters or more) of the
// hand-written entries of the built-in lexicon (lexicon.yaml) of no
// particular shape: the head nouns formulations have (主义, 思想, 体系,
// 战略, 道路 …).
func lexiconHeads(seg *segment.Segmenter) (heads, words map[string]bool, err error) {
	es, err := slogans.ParseLexicon("lexicon.yaml", strings.NewReader(slogansdict.Lexicon))
	if err != nil {
		return nil, nil, err
	}
	heads, words = map[string]bool{}, map[string]bool{}
	for _, e := range es {
		if e.Kind != slogans.Lex && e.Kind != "" {
			continue
		}
		if r := []rune(e.Text); len(r) >= 4 && allHan(string(r[len(r)-2:])) {
			heads[string(r[len(r)-2:])] = true // 供给侧结构性改革: 改革
		}
		toks, err := seg.Cut(e.Text, segment.Options{Mode: segment.Precise})
		if err != nil {
			return nil, nil, err
		}
		for _, t := range toks[:len(toks)-1] {
			if utf8.RuneCountInString(t.Text) >= 2 && allHan(t.Text) {
				words[t.Text] = true
			}
		}
		if len(toks) > 1 {
			if w := toks[len(toks)-1].Text; utf8.RuneCountInString(w) >= 2 && allHan(w) {
				heads[w] = true
			}
		}
	}
	return heads, words, nil
}

func innerWords(ts []segment.Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text + "/" + t.POS
	}
	return out
}

// dominant gives the most frequent neighbour word and its share of the uses.
func dominant(m map[string]int, uses int) (string, float64) {
	best, n := "", 0
	for w, c := range m {
		if c > n || (c == n && w < best) {
			best, n = w, c
		}
	}
	return best, float64(n) / float64(uses)
}

func shaped(k string, c *cand, heads, words map[string]bool) bool {
	oneWord := false
	frame := c.firstW == "以" && strings.Contains(k, "为") && strings.Contains(k, "的")
	// a verb, a verbal noun or an adverb first opens a clause of action
	// (深化经济体制改革, 发展海洋经济, 大力支持…, 充分发挥市场…), not a
	// name: the name inside is found on its own.
	if (badStart[c.first] || verbOrAdverb[c.first] || openers[c.firstW]) && !frame && c.firstW != k {
		return false
	}
	// one word of the compiled dictionary's policy words, a proper noun
	// or a set phrase (稳中求进工作总基调, 民族区域自治制度, 防灾减灾救灾)
	oneWord = c.firstW == k && (c.first == "nz" || c.first == "l" || c.first == "i")
	if !goodEnd[c.last] || (!heads[c.lastW] && !oneWord) {
		return false
	}
	// a noun phrase: no verb, adverb, pronoun, preposition or particle
	// inside (科学技术工作必须面向经济建设, 信教群众在促进…), but the
	// words of the frame 以…为…的 and the conjunctions 和, 与, 及.
	for _, wp := range c.inner {
		w, pos, _ := strings.Cut(wp, "/")
		switch {
		case frame && (w == "为" || w == "的"):
		case w == "和" || w == "与" || w == "及":
		case nounLike[pos] || pos == "a" || pos == "ns" || pos == "nr" || pos == "l" || pos == "i" || pos == "m":
		default:
			return false
		}
	}
	// the words before the head: one of them a word the hand-written
	// lexicon's formulations are made of (社会主义|现代化建设, 法治|政府建设),
	// not a thing (基础设施建设, 教师队伍建设, 重大项目建设)
	if !oneWord {
		mod := strings.TrimSuffix(k, c.lastW)
		found := false
		for w := range words {
			if strings.Contains(mod, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	// 发展 after a noun is the development of a thing (经济社会发展,
	// 文化产业发展): the formulations ending in it are short and listed.
	if c.lastW == "发展" {
		return false
	}
	// closed: not, in half its uses or more, the part of a longer noun
	// phrase (社会主义市场|经济) or of a frame (以|江泽民同志为核心|的).
	// A phrase continued by one word in most uses whatever it is
	// (邓小平同志建设|有中国特色…), or one with a coordination whose last
	// conjunct is continued in half (国家安全和社会|稳定), is cut.
	coord := strings.ContainsAny(k, "和与及")
	if w, share := dominant(c.next, c.uses); w != "" && (share >= 0.8 || share >= 0.5 && (coord || nounLike[c.nextPOS[w]] || strings.HasPrefix(c.nextPOS[w], "u"))) {
		return false
	}
	if w, share := dominant(c.prev, c.uses); w != "" && (share >= 0.8 && !verbOrAdverb[c.prevPOS[w]] || share >= 0.5 && (nounLike[c.prevPOS[w]] || w == "以" || c.prevPOS[w] == "a" || strings.HasPrefix(c.prevPOS[w], "u") || coord && !verbOrAdverb[c.prevPOS[w]])) {
		return false
	}
	for _, s := range bodyOrDate {
		if strings.Contains(k, s) {
			return false
		}
	}
	return true
}
