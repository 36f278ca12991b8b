package reportpage

import (
	"cmp"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis/overview"
)

// timeline is the formulations followed year by year.
type timeline struct {
	Years []int
	// Chars are the characters of each year's documents; Docs their number.
	Chars []int64
	Docs  []int
	Lines []timelineLine
	// Undated lists the documents without a year.
	Undated []string
	// Missing are --track terms found in no document.
	Missing []string
}

// timelineLine is one followed formulation.
type timelineLine struct {
	Key, Surface, Kind string
	Tracked            bool
	// Words is set when the term is counted as a word, not found as a
	// formulation.
	Words  bool
	Counts []int64
}

// buildTimeline follows the --track terms and the top most frequent
// formulations over the years of the documents. A formulation needs to
// occur in two years or more (when there are three years or more), so that
// one document's quirk does not fill the chart. It returns nil when fewer
// than two years are known. items are the formulations of the corpus.
func buildTimeline(docs []docInfo, items []*overview.Item, track []trackTerm, top int) *timeline {
	byYear := map[int][]int{}
	var undated []string
	for i, d := range docs {
		if d.Year == 0 {
			undated = append(undated, d.Name)
			continue
		}
		byYear[d.Year] = append(byYear[d.Year], i)
	}
	if len(byYear) < 2 {
		return nil
	}
	tl := &timeline{Undated: undated}
	for y := range byYear {
		tl.Years = append(tl.Years, y)
	}
	slices.Sort(tl.Years)
	tl.Chars = make([]int64, len(tl.Years))
	tl.Docs = make([]int, len(tl.Years))
	for i, y := range tl.Years {
		for _, di := range byYear[y] {
			tl.Chars[i] += docs[di].Chars
			tl.Docs[i]++
		}
	}
	counts := func(get func(d *docInfo) int64) []int64 {
		c := make([]int64, len(tl.Years))
		for i, y := range tl.Years {
			for _, di := range byYear[y] {
				c[i] += get(&docs[di])
			}
		}
		return c
	}
	byKey := map[string]*overview.Item{}
	for _, it := range items {
		byKey[it.Key] = it
	}
	taken := map[string]bool{}
	for _, t := range track {
		line := timelineLine{Key: t.Key, Surface: t.Text, Tracked: true}
		if it := byKey[t.Key]; it != nil {
			line.Surface, line.Kind = it.Surface(), it.Type
			line.Counts = counts(func(d *docInfo) int64 { return d.Forms[t.Key] })
		} else {
			line.Words = true
			line.Counts = counts(func(d *docInfo) int64 { return d.Tracked[t.Key] })
		}
		if sum(line.Counts) == 0 {
			tl.Missing = append(tl.Missing, t.Text)
		}
		taken[t.Key] = true
		tl.Lines = append(tl.Lines, line)
	}
	minYears := 1
	if len(tl.Years) >= 3 {
		minYears = 2
	}
	var cands []timelineLine
	for _, it := range items {
		if taken[it.Key] {
			continue
		}
		key := it.Key
		c := counts(func(d *docInfo) int64 { return d.Forms[key] })
		nYears := 0
		for _, n := range c {
			if n > 0 {
				nYears++
			}
		}
		if nYears < minYears {
			continue
		}
		cands = append(cands, timelineLine{Key: key, Surface: it.Surface(), Kind: it.Type, Counts: c})
	}
	slices.SortFunc(cands, func(a, b timelineLine) int {
		if c := cmp.Compare(sum(b.Counts), sum(a.Counts)); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	if len(cands) > top {
		cands = cands[:top]
	}
	tl.Lines = append(tl.Lines, cands...)
	return tl
}

func sum(xs []int64) int64 {
	var s int64
	for _, x := range xs {
		s += x
	}
	return s
}
