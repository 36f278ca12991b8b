package timeseries

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"zhpolicy/pkg/partial"
)

// PartialVersion is the version of the Series JSON encoding.
const PartialVersion = 1

// Undated is the period of documents without a year.
const Undated = "undated"

// Settings say what a series counts (the command and the options that
// change counts); series merge only when equal.
type Settings struct {
	Command string `json:"command"`
	// What counts are kept: terms, formulations, instruments…
	What string `json:"what"`
	// Options is a digest or listing of the options that change counts.
	Options string `json:"options,omitempty"`
	// By names the second dimension, if any (a --meta column).
	By string `json:"by,omitempty"`
}

type periodKey struct{ Period, Group string }

type periodTotals struct {
	Docs  int64
	Chars int64
}

type cellStat struct {
	Count int64
	Docs  int64
}

// Series are term counts per period (year) and group. Add documents,
// Merge other series; Tidy gives the table.
type Series struct {
	settings Settings
	periods  map[periodKey]*periodTotals
	cells    map[periodKey]map[string]*cellStat
}

// New makes an empty series.
func New(s Settings) *Series {
	return &Series{settings: s, periods: map[periodKey]*periodTotals{}, cells: map[periodKey]map[string]*cellStat{}}
}

// Settings returns what the series counts.
func (s *Series) Settings() Settings { return s.settings }

// Period is the period name of a date: its year, or Undated.
func Period(d Date) string {
	if !d.Known() {
		return Undated
	}
	return strconv.Itoa(d.Year)
}

// Add counts one document: its period (Period(date)), its group ("" when
// there is no second dimension), its length in characters and its term
// counts.
func (s *Series) Add(period, group string, chars int64, counts map[string]int64) {
	k := periodKey{period, group}
	t := s.periods[k]
	if t == nil {
		t = &periodTotals{}
		s.periods[k] = t
	}
	t.Docs++
	t.Chars += chars
	cell := s.cells[k]
	if cell == nil {
		cell = map[string]*cellStat{}
		s.cells[k] = cell
	}
	for term, n := range counts {
		if n <= 0 {
			continue
		}
		c := cell[term]
		if c == nil {
			c = &cellStat{}
			cell[term] = c
		}
		c.Count += n
		c.Docs++
	}
}

// Merge adds o into s, refusing other settings.
func (s *Series) Merge(o *Series) error {
	if s.settings != o.settings {
		return fmt.Errorf("timeseries: cannot merge series of %+v with %+v", s.settings, o.settings)
	}
	for k, ot := range o.periods {
		t := s.periods[k]
		if t == nil {
			t = &periodTotals{}
			s.periods[k] = t
		}
		t.Docs += ot.Docs
		t.Chars += ot.Chars
	}
	for k, oc := range o.cells {
		cell := s.cells[k]
		if cell == nil {
			cell = map[string]*cellStat{}
			s.cells[k] = cell
		}
		for term, c := range oc {
			x := cell[term]
			if x == nil {
				x = &cellStat{}
				cell[term] = x
			}
			x.Count += c.Count
			x.Docs += c.Docs
		}
	}
	return nil
}

// Row is one line of the tidy table: a period, a group, a term, its count,
// the documents it is in, the period's documents and characters, and the
// count per 10,000 characters.
type Row struct {
	Period string  `json:"period"`
	Group  string  `json:"group,omitempty"`
	Term   string  `json:"term"`
	Count  int64   `json:"count"`
	Docs   int64   `json:"docs"`
	Per10k float64 `json:"per_10k_chars"`
	// PeriodDocs and PeriodChars are the totals of the period (and group).
	PeriodDocs  int64 `json:"period_docs"`
	PeriodChars int64 `json:"period_chars"`
}

// Periods lists the periods in order (years ascending, Undated last).
func (s *Series) Periods() []string {
	seen := map[string]bool{}
	var ps []string
	for k := range s.periods {
		if !seen[k.Period] {
			seen[k.Period] = true
			ps = append(ps, k.Period)
		}
	}
	slices.SortFunc(ps, comparePeriods)
	return ps
}

func comparePeriods(a, b string) int {
	if a == b {
		return 0
	}
	if a == Undated {
		return 1
	}
	if b == Undated {
		return -1
	}
	x, ex := strconv.Atoi(a)
	y, ey := strconv.Atoi(b)
	if ex == nil && ey == nil {
		return x - y
	}
	return strings.Compare(a, b)
}

// Tidy returns the table: one row per period, group and term, zeros
// included for the given terms (all terms seen when terms is nil), so that
// the table plots and pivots without gaps. Rows are ordered by period,
// group, then terms in the order given (or by total count, ties by term).
func (s *Series) Tidy(terms []string) []Row {
	if terms == nil {
		terms = s.Terms()
	}
	keys := make([]periodKey, 0, len(s.periods))
	for k := range s.periods {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b periodKey) int {
		if c := comparePeriods(a.Period, b.Period); c != 0 {
			return c
		}
		return strings.Compare(a.Group, b.Group)
	})
	var out []Row
	for _, k := range keys {
		t := s.periods[k]
		for _, term := range terms {
			r := Row{Period: k.Period, Group: k.Group, Term: term, PeriodDocs: t.Docs, PeriodChars: t.Chars}
			if c := s.cells[k][term]; c != nil {
				r.Count, r.Docs = c.Count, c.Docs
			}
			if t.Chars > 0 {
				r.Per10k = float64(r.Count) * 10000 / float64(t.Chars)
			}
			out = append(out, r)
		}
	}
	return out
}

// Terms lists every term by total count (descending), ties by term.
func (s *Series) Terms() []string {
	tot := map[string]int64{}
	for _, cell := range s.cells {
		for term, c := range cell {
			tot[term] += c.Count
		}
	}
	terms := make([]string, 0, len(tot))
	for t := range tot {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b string) int {
		if tot[a] != tot[b] {
			if tot[a] > tot[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	return terms
}

// JSON encoding: deterministic, versioned.
type seriesJSON struct {
	Kind     string       `json:"kind"`
	Version  int          `json:"version"`
	Settings Settings     `json:"settings"`
	Periods  []periodJSON `json:"periods"`
}

func (p *seriesJSON) KindVersion() (string, int) { return p.Kind, p.Version }

type periodJSON struct {
	Period string     `json:"period"`
	Group  string     `json:"group,omitempty"`
	Docs   int64      `json:"docs"`
	Chars  int64      `json:"chars"`
	Terms  []termJSON `json:"terms"`
}

type termJSON struct {
	Term  string `json:"term"`
	Count int64  `json:"count"`
	Docs  int64  `json:"docs"`
}

// PartialKind names the encoding.
const PartialKind = "timeseries"

// MarshalJSON writes the series deterministically.
func (s *Series) MarshalJSON() ([]byte, error) {
	p := seriesJSON{Kind: PartialKind, Version: PartialVersion, Settings: s.settings, Periods: []periodJSON{}}
	keys := make([]periodKey, 0, len(s.periods))
	for k := range s.periods {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b periodKey) int {
		if c := comparePeriods(a.Period, b.Period); c != 0 {
			return c
		}
		return strings.Compare(a.Group, b.Group)
	})
	for _, k := range keys {
		t := s.periods[k]
		pj := periodJSON{Period: k.Period, Group: k.Group, Docs: t.Docs, Chars: t.Chars, Terms: []termJSON{}}
		terms := make([]string, 0, len(s.cells[k]))
		for term := range s.cells[k] {
			terms = append(terms, term)
		}
		slices.Sort(terms)
		for _, term := range terms {
			c := s.cells[k][term]
			pj.Terms = append(pj.Terms, termJSON{term, c.Count, c.Docs})
		}
		p.Periods = append(p.Periods, pj)
	}
	return json.Marshal(p)
}

// UnmarshalJSON reads a series written by MarshalJSON.
func (s *Series) UnmarshalJSON(b []byte) error {
	var p seriesJSON
	if err := partial.DecodeVersioned(b, &p, "timeseries", PartialKind, PartialVersion); err != nil {
		return err
	}
	n := New(p.Settings)
	for _, pj := range p.Periods {
		k := periodKey{pj.Period, pj.Group}
		if _, dup := n.periods[k]; dup || pj.Docs < 0 || pj.Chars < 0 {
			return fmt.Errorf("timeseries: bad period %q/%q", pj.Period, pj.Group)
		}
		n.periods[k] = &periodTotals{Docs: pj.Docs, Chars: pj.Chars}
		cell := map[string]*cellStat{}
		for _, t := range pj.Terms {
			if t.Count < 0 || t.Docs < 0 || t.Docs > pj.Docs {
				return fmt.Errorf("timeseries: bad count for %q in %s", t.Term, pj.Period)
			}
			cell[t.Term] = &cellStat{Count: t.Count, Docs: t.Docs}
		}
		n.cells[k] = cell
	}
	*s = *n
	return nil
}
