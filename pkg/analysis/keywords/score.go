package keywords

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	slogansdict "zhpolicy/dict/slogans"
	"zhpolicy/pkg/analysis/slogans"
)

// tfidf scores every term: its term frequency over the document's number
// of candidate occurrences, times its IDF. The term frequency is the
// weighted count w (headings count more), damped to 1 + ln w: a policy
// text repeats its broad words (体系, 改革, 服务) dozens of times, and raw
// counts would let them outrank the terms it names a few times.
func (t *Terms) tfidf(idf IDF) []float64 {
	out := make([]float64, len(t.terms))
	if t.weight == 0 {
		return out
	}
	for i := range t.terms {
		tm := &t.terms[i]
		out[i] = (1 + math.Log(tm.weight)) / t.weight * termIDF(idf, tm, t.short)
	}
	return out
}

// ranked says whether a term may be ranked at all: in a long document
// (minCountUnits words or more) a term must occur at least twice, since a
// long report's one-off words are not its keywords, and the one-offs of
// web-page chrome (来源：北京日报, a reporter's name, a photo credit) never
// are; in any document that is not short, a word only the HMM found
// (x: 标省, 类共, 局报) must occur twice, since a one-off guess is mostly a
// piece of its neighbours; and it must not be part of a longer unit (see
// partialTerms). A short term the document quotes (“四上”, “一区三中心”, at
// most quotedOnceRunes characters) is ranked even once: a report quotes,
// and explains, its new formulations once; a longer quoted sequence used
// once is mostly a clause (“重构房地产商业模式”).
func (t *Terms) ranked(tm *term) bool {
	once := tm.quoted && runeLen(tm.key) <= quotedOnceRunes
	if tm.partial || tm.count < 2 && !once && (t.Units >= minCountUnits || !t.short && tm.pos == "x" && !tm.phrase) {
		return false
	}
	return true
}

// genericOnce says whether a term is a word general text uses everywhere
// (generic by the general table: 思想, 领导, 指导, 胜利) that a short policy
// text (fewer than shortUnits words, ranked against the background: see
// policyText) uses once: no keyword. A resolution of a hundred words has
// fewer than ten terms besides such words, which then filled its list.
func (t *Terms) genericOnce(idf IDF, tm *term) bool {
	x, ok := idf.(*bgIDF)
	return ok && !t.short && t.Units < shortUnits && tm.count == 1 && !tm.phrase && !tm.quoted && generic(x.general, tm.key)
}

// stockOnce says whether a term is a stock formula that a short policy
// document (ranked against the background, under minCountUnits words: a
// resolution, a brief notice) uses once: a formulation that the
// national reference reports attest in stockDocs documents or more (the
// slogans baseline, dict/slogans/baseline.tsv) and that they too use once
// wherever they use it, never explaining or developing it (at most
// stockUses times a document on average: 四个意识 10 uses in 10 documents,
// 四个自信 8 in 8, 两个维护 6 in 6, 两个确立 4 in 4, 专精特新 5 in 5).
// Recent resolutions and notices repeat such a formula in their guiding
// ideas or closing call, quoted or not: it dates the text and says
// nothing of what it is about. A formula that reports develop stays, as
// the topic of its time (科学发展观 81 uses in 19, 三个代表 77 in 23, 中国梦
// 26 in 10, 一带一路 47 in 12), and so does a formulation of one report
// (双目标, 三个支撑带 of the 2015 work report) and any formula a document
// uses more than once. A long report is left alone: the one formulation
// it quotes once is ranked only because it is quoted (see ranked), and a
// report quotes the policies of its year (收支两条线 in 2000's, 4 uses in 4
// reports).
func (t *Terms) stockOnce(idf IDF, tm *term) bool {
	if t.usedOnceInPolicy(idf, tm) == nil {
		return false
	}
	_, ok := stockFormulas()[tm.key]
	return ok
}

// usedOnceInPolicy is the background of a term that a policy document of
// under minCountUnits words, ranked against the background, uses once (the
// case of stockOnce and idiomOnce), or nil.
func (t *Terms) usedOnceInPolicy(idf IDF, tm *term) *bgIDF {
	x, ok := idf.(*bgIDF)
	if !ok || t.short || t.Units >= minCountUnits || tm.count != 1 {
		return nil
	}
	return x
}

// idiomOnce says whether a term is a four-character idiom or set phrase
// (gse's tags i and l) that a short policy document (ranked against the
// background, under minCountUnits words) uses once, and that the policy
// background finds in idiomDocs documents or more, used there at most
// stockUses times a document on average: the closing and approving
// rhetoric every resolution repeats (开拓进取 30 uses in 27 documents,
// 稳中求进 21 in 20, 优异成绩 18 in 16, 锐意进取 17 in 15, 开拓创新 17 in 15,
// 切实可行 14 in 12). A set phrase of a policy comes in bursts where it is
// used and stays (扩大内需 35 in 16, 一带一路 95 in 36), and so does one of
// fewer documents (一网通办 11 in 10, see idiomDocs), an idiom the
// background does not know (发奋图强 of 1960), a longer set phrase
// (高水平对外开放 3 in 3) and any idiom a document uses twice.
func (t *Terms) idiomOnce(idf IDF, tm *term) bool {
	x := t.usedOnceInPolicy(idf, tm)
	if x == nil || tm.phrase || tm.quoted || tm.pos != "i" && tm.pos != "l" || utf8.RuneCountInString(tm.key) != 4 {
		return false
	}
	df, n := x.bg.Lookup(tm.key)
	return df >= idiomDocs && float64(n) <= stockUses*float64(df)
}

// stockFormulas are the stock formulas of stockOnce, read once from the
// slogans baseline's index (key, kind, first year, count, documents, first
// document; dict/slogans/baseline.tsv), row by row as the slogans package
// reads it (slogans.ParseIndexLine): a few hundred keys, not the whole baseline's five thousand attestations,
// which would cost a short run more than its ranking does.
var stockFormulas = sync.OnceValue(func() map[string]struct{} {
	out := map[string]struct{}{}
	for line := range strings.Lines(slogansdict.Baseline) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if a, err := slogans.ParseIndexLine(line); err == nil && a.Docs >= stockDocs && float64(a.Count) <= stockUses*float64(a.Docs) {
			out[a.Key] = struct{}{}
		}
	}
	return out
})

// termIDF is the IDF of a term: the table's value, or its default for a
// term it does not know. A phrase the table does not know is worth at most
// phraseIDFBonus more than the most informative of its words: it is not as
// rare as a new word, and a term glued to generic words (北京+重要讲话精神)
// is worth no more than the term. A quoted phrase (“四个中心”) is the
// author's own term and keeps its value, and so does a phrase of a short
// text (Terms.short), which has no glue of formulas to guard against.
func termIDF(idf IDF, tm *term, short bool) float64 {
	if idf == nil {
		return 1
	}
	v, ok := idf.Lookup(tm.key)
	if !ok {
		v = idf.Median()
	}
	if !tm.phrase && !short && plainWord(idf, tm.key) {
		v *= plainKeep
	}
	if tm.phrase && !tm.quoted && !short {
		best := 0.0
		for _, p := range tm.parts {
			pv, ok := idf.Lookup(p)
			if !ok {
				pv = idf.Median()
			}
			best = max(best, pv)
		}
		v = min(v, best+phraseIDFBonus)
	}
	return v
}

// plainWord says whether a word is one of the plain words of policy text:
// a word of plainRunes characters that general text knows (the general
// table has it) and that the policy background finds in plainDocs
// documents or more (场景, 课堂, 税务, 营销, 审判, 雙方, 總統). Such a word
// names no topic of its own in a long document, which names its topics
// by the compounds it builds on them (智慧法院, 人工智能伦理, 船体分段); a
// two-character word general text does not know (算力, 链主, 双碳) is a
// coinage of the domain, and is left alone, as is a word the document
// quotes (a phrase). Chosen on the labelled DEV documents (bench/RESULTS.md,
// session 9).
func plainWord(idf IDF, key string) bool {
	x, ok := idf.(*bgIDF)
	if !ok || runeLen(key) != plainRunes {
		return false
	}
	if _, known := x.gen(key); !known {
		return false
	}
	df, _ := x.bg.Lookup(key)
	return df >= plainDocs
}

// textRank scores every term by weighted PageRank (damping 0.85) over the
// undirected graph that links two terms once for each time they occur
// within textRankWindow words of each other, scaled so that the best term
// has 1. This is TextRank as jieba computes it, run to convergence.
func (t *Terms) textRank() []float64 {
	if t.tr != nil {
		return slices.Clone(t.tr)
	}
	n := len(t.terms)
	adj := make([]map[int32]float64, n)
	for i, a := range t.seq {
		if a < 0 {
			continue
		}
		for j := i + 1; j < len(t.seq) && j < i+textRankWindow; j++ {
			b := t.seq[j]
			if b < 0 || b == a {
				continue
			}
			if adj[a] == nil {
				adj[a] = make(map[int32]float64)
			}
			if adj[b] == nil {
				adj[b] = make(map[int32]float64)
			}
			adj[a][b]++
			adj[b][a]++
		}
	}
	// edges in a fixed order, so that sums are the same on every run.
	type edge struct {
		to int32
		w  float64
	}
	edges := make([][]edge, n)
	deg := make([]float64, n)
	for i := range adj {
		for to, w := range adj[i] {
			edges[i] = append(edges[i], edge{to, w})
			deg[i] += w
		}
		slices.SortFunc(edges[i], func(a, b edge) int { return int(a.to - b.to) })
	}
	const d = 0.85
	ws := make([]float64, n)
	for i := range ws {
		ws[i] = 1
	}
	next := make([]float64, n)
	for iter := 0; iter < 100; iter++ {
		delta := 0.0
		for i := range ws {
			s := 0.0
			for _, e := range edges[i] {
				s += e.w / deg[e.to] * ws[e.to]
			}
			next[i] = (1 - d) + d*s
			delta += math.Abs(next[i] - ws[i])
		}
		ws, next = next, ws
		if delta < 1e-9*float64(n) {
			break
		}
	}
	return scaleMax(ws)
}

func scaleMax(v []float64) []float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, x)
	}
	if m > 0 {
		for i := range v {
			v[i] /= m
		}
	}
	return v
}

// combine merges TF-IDF and TextRank scores: a weighted geometric mean of
// the two, each scaled to a maximum of 1, so that a term must do well on
// both. The result is scaled back to the TF-IDF range, so that Both
// scores of different documents compare as TF-IDF scores do.
func combine(tfidf, tr []float64) []float64 {
	m := 0.0
	for _, x := range tfidf {
		m = math.Max(m, x)
	}
	out := make([]float64, len(tfidf))
	for i := range tfidf {
		x := 0.0
		if m > 0 {
			x = tfidf[i] / m
		}
		out[i] = m * math.Pow(x, bothAlpha) * math.Pow(tr[i], 1-bothAlpha)
	}
	return out
}

func (t *Terms) both(idf IDF) []float64 {
	return combine(t.tfidf(idf), t.textRank())
}
