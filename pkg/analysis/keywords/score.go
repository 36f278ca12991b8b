package keywords

import (
	"math"
	"slices"
)

// tfidf scores every term: its term frequency over the document's number
// of candidate occurrences, times its IDF. The term frequency is the
// weighted count w (headings count more), damped to 1 + ln w, unless the
// IDF was computed over the corpus being ranked: a general-language table
// gives the words a policy text repeats all the time (体系, 改革, 服务) a
// middling IDF, and their raw counts would fill the list; a corpus IDF
// already brings them near zero, and damping would only lift words used
// once.
func (t *Terms) tfidf(idf IDF) []float64 {
	out := make([]float64, len(t.terms))
	if t.weight == 0 {
		return out
	}
	_, linear := idf.(*corpusIDF)
	for i := range t.terms {
		tm := &t.terms[i]
		tf := tm.weight
		if !linear {
			tf = 1 + math.Log(tf)
		}
		out[i] = tf / t.weight * termIDF(idf, tm)
	}
	return out
}

// termIDF is the IDF of a term; a phrase the table does not know gets the
// table's default, as any unknown word: it is as rare as a new word (a
// corpus IDF knows every phrase of the corpus).
func termIDF(idf IDF, tm *term) float64 {
	if idf == nil {
		return 1
	}
	if v, ok := idf.Lookup(tm.key); ok {
		return v
	}
	return idf.Median()
}

// textRank scores every term by weighted PageRank (damping 0.85) over the
// undirected graph that links two terms once for each time they occur
// within textRankWindow words of each other, scaled so that the best term
// has 1. This is TextRank as jieba computes it, run to convergence.
func (t *Terms) textRank() []float64 {
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
