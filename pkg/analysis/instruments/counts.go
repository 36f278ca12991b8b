package instruments

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"zhpolicy/pkg/partial"
)

// PartialVersion is the version of the Counts JSON encoding. Raise it when
// the encoding or the meaning of a count changes.
const PartialVersion = 1

// Settings are what a Counts counted. Counts merge only when their
// settings are equal.
type Settings struct {
	Frame       string   `json:"frame"`
	FrameDigest string   `json:"frame_digest"`
	Unit        UnitKind `json:"unit"`
	// Multi counts every code of a unit; otherwise only its primary code.
	Multi bool `json:"multi"`
	// By names the grouping dimensions (doc, year, a --meta column…).
	By []string `json:"by,omitempty"`
}

// SettingsFor returns the settings of a coding with this coder.
func (c *Coder) SettingsFor(unit UnitKind, multi bool, by ...string) Settings {
	return Settings{Frame: c.frame.Name, FrameDigest: c.frame.Digest(), Unit: unit, Multi: multi, By: by}
}

func (s Settings) diff(o Settings) string {
	switch {
	case s.Frame != o.Frame || s.FrameDigest != o.FrameDigest:
		return fmt.Sprintf("frame %s (%s) vs %s (%s)", s.Frame, s.FrameDigest, o.Frame, o.FrameDigest)
	case s.Unit != o.Unit:
		return fmt.Sprintf("unit %s vs %s", s.Unit, o.Unit)
	case s.Multi != o.Multi:
		return fmt.Sprintf("multi %v vs %v", s.Multi, o.Multi)
	case !slices.Equal(s.By, o.By):
		return fmt.Sprintf("by %s vs %s", strings.Join(s.By, ","), strings.Join(o.By, ","))
	}
	return ""
}

// Group is the value of the (up to two) grouping dimensions of a document:
// its name, its year, a policy stage… Empty B when there is one dimension.
type Group struct {
	A string `json:"a"`
	B string `json:"b,omitempty"`
}

type groupTotals struct {
	Docs  int64 `json:"docs"`
	Units int64 `json:"units"`
	Coded int64 `json:"coded"` // units with at least one code
	Chars int64 `json:"chars"`
}

// Counts are coded units counted by group and subcategory. Add a document,
// Merge another Counts: the result is the same for any split and any order
// of the documents.
type Counts struct {
	settings Settings
	docs     int64
	groups   map[Group]*groupTotals
	cells    map[Group]map[string]int64 // subcategory (or "category/sub") → units
	// refs of the frame, for order and category lookup
	refs []Ref
}

// NewCounts makes empty counts for a frame's subcategories.
func NewCounts(s Settings, refs []Ref) *Counts {
	return &Counts{settings: s, groups: map[Group]*groupTotals{}, cells: map[Group]map[string]int64{}, refs: slices.Clone(refs)}
}

// Settings returns what the counts counted.
func (c *Counts) Settings() Settings { return c.settings }

// Docs is the number of documents added.
func (c *Counts) Docs() int64 { return c.docs }

// Add counts one coded document under group g.
func (c *Counts) Add(r *Result, g Group) {
	c.docs++
	t := c.groups[g]
	if t == nil {
		t = &groupTotals{}
		c.groups[g] = t
	}
	t.Docs++
	t.Chars += int64(r.Chars)
	cell := c.cells[g]
	if cell == nil {
		cell = map[string]int64{}
		c.cells[g] = cell
	}
	for _, u := range r.Units {
		t.Units++
		if len(u.Codes) == 0 {
			continue
		}
		t.Coded++
		codes := u.Codes
		if !c.settings.Multi {
			codes = codes[:1]
		}
		for _, code := range codes {
			cell[code.Category+"/"+code.Subcategory]++
		}
	}
}

// Merge adds other into c. It refuses counts made with other settings.
func (c *Counts) Merge(o *Counts) error {
	if d := c.settings.diff(o.settings); d != "" {
		return fmt.Errorf("instruments: cannot merge counts made with different settings: %s", d)
	}
	c.docs += o.docs
	for g, ot := range o.groups {
		t := c.groups[g]
		if t == nil {
			t = &groupTotals{}
			c.groups[g] = t
		}
		t.Docs += ot.Docs
		t.Units += ot.Units
		t.Coded += ot.Coded
		t.Chars += ot.Chars
	}
	for g, ocell := range o.cells {
		cell := c.cells[g]
		if cell == nil {
			cell = map[string]int64{}
			c.cells[g] = cell
		}
		for k, n := range ocell {
			cell[k] += n
		}
	}
	if len(c.refs) == 0 {
		c.refs = slices.Clone(o.refs)
	}
	return nil
}

// Groups returns the groups in order (by A, then B; numbers as numbers).
func (c *Counts) Groups() []Group {
	gs := make([]Group, 0, len(c.groups))
	for g := range c.groups {
		gs = append(gs, g)
	}
	slices.SortFunc(gs, func(x, y Group) int {
		if d := naturalCompare(x.A, y.A); d != 0 {
			return d
		}
		return naturalCompare(x.B, y.B)
	})
	return gs
}

// naturalCompare orders strings, comparing runs of digits as numbers
// (2 before 10, 2019 before 2020).
func naturalCompare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if isDigit(ca) && isDigit(cb) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			na, nb := strings.TrimLeft(a[si:i], "0"), strings.TrimLeft(b[sj:j], "0")
			if len(na) != len(nb) {
				return len(na) - len(nb)
			}
			if d := strings.Compare(na, nb); d != 0 {
				return d
			}
			continue
		}
		if ca != cb {
			return int(ca) - int(cb)
		}
		i++
		j++
	}
	return (len(a) - i) - (len(b) - j)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Cell is one row of the tidy table: a group, a code, its count and its
// shares. Level "category" rows sum the subcategories (Subcategory empty).
type Cell struct {
	A           string `json:"a"`
	B           string `json:"b,omitempty"`
	Category    string `json:"category"`
	Subcategory string `json:"subcategory,omitempty"`
	Units       int64  `json:"units"`
	// Share is Units over the group's coded units (in Multi mode, over
	// the codes of the group): the instrument mix.
	Share float64 `json:"share"`
	// UnitShare is Units over all the group's units, coded or not.
	UnitShare float64 `json:"unit_share"`
	// Per10k is Units per 10,000 characters of the group's documents.
	Per10k float64 `json:"per_10k_chars"`
	Docs   int64   `json:"docs"`
	Total  int64   `json:"group_units"`
	Chars  int64   `json:"group_chars"`
}

// Tidy returns one row per group and code of the frame (zeros included, so
// that a table pivots cleanly), at level "category" or "subcategory".
func (c *Counts) Tidy(level string) []Cell {
	var out []Cell
	for _, g := range c.Groups() {
		t := c.groups[g]
		cell := c.cells[g]
		denom := t.Coded
		if c.settings.Multi {
			denom = 0
			for _, n := range cell {
				denom += n
			}
		}
		mk := func(cat, sub string, n int64) Cell {
			x := Cell{A: g.A, B: g.B, Category: cat, Subcategory: sub, Units: n, Docs: t.Docs, Total: t.Units, Chars: t.Chars}
			if denom > 0 {
				x.Share = float64(n) / float64(denom)
			}
			if t.Units > 0 {
				x.UnitShare = float64(n) / float64(t.Units)
			}
			if t.Chars > 0 {
				x.Per10k = float64(n) * 10000 / float64(t.Chars)
			}
			return x
		}
		if level == "category" {
			var cats []string
			sums := map[string]int64{}
			for _, r := range c.refs {
				if !slices.Contains(cats, r.Category) {
					cats = append(cats, r.Category)
				}
				sums[r.Category] += cell[r.Category+"/"+r.Subcategory]
			}
			for _, cat := range cats {
				out = append(out, mk(cat, "", sums[cat]))
			}
			continue
		}
		for _, r := range c.refs {
			out = append(out, mk(r.Category, r.Subcategory, cell[r.Category+"/"+r.Subcategory]))
		}
	}
	return out
}

// Crosstab is codes (rows) by groups (columns).
type Crosstab struct {
	Level string   `json:"level"`
	Rows  []string `json:"rows"` // category or category/subcategory
	Cols  []Group  `json:"cols"`
	// Counts[r][c] units; Shares[r][c] their share of column c's coded
	// units.
	Counts [][]int64   `json:"counts"`
	Shares [][]float64 `json:"shares"`
	// Totals per column: coded units and all units.
	Coded []int64 `json:"coded"`
	Units []int64 `json:"units"`
}

// Crosstab returns the codes by group at level "category" or
// "subcategory".
func (c *Counts) Crosstab(level string) *Crosstab {
	x := &Crosstab{Level: level, Cols: c.Groups()}
	rowIdx := map[string]int{}
	for _, cell := range c.Tidy(level) {
		name := cell.Category
		if level != "category" {
			name += "/" + cell.Subcategory
		}
		if _, ok := rowIdx[name]; !ok {
			rowIdx[name] = len(x.Rows)
			x.Rows = append(x.Rows, name)
		}
	}
	x.Counts = make([][]int64, len(x.Rows))
	x.Shares = make([][]float64, len(x.Rows))
	for i := range x.Rows {
		x.Counts[i] = make([]int64, len(x.Cols))
		x.Shares[i] = make([]float64, len(x.Cols))
	}
	colIdx := map[Group]int{}
	for i, g := range x.Cols {
		colIdx[g] = i
		x.Coded = append(x.Coded, c.groups[g].Coded)
		x.Units = append(x.Units, c.groups[g].Units)
	}
	for _, cell := range c.Tidy(level) {
		name := cell.Category
		if level != "category" {
			name += "/" + cell.Subcategory
		}
		r, k := rowIdx[name], colIdx[Group{cell.A, cell.B}]
		x.Counts[r][k] = cell.Units
		x.Shares[r][k] = cell.Share
	}
	return x
}

// partialJSON is the encoding of Counts.
type partialJSON struct {
	Kind     string      `json:"kind"`
	Version  int         `json:"version"`
	Settings Settings    `json:"settings"`
	Refs     []refJSON   `json:"subcategories"`
	Docs     int64       `json:"docs"`
	Groups   []groupJSON `json:"groups"`
}

func (p *partialJSON) KindVersion() (string, int) { return p.Kind, p.Version }

type refJSON struct {
	Category    string `json:"category"`
	Subcategory string `json:"subcategory"`
}

type groupJSON struct {
	Group
	groupTotals
	Codes []codeCount `json:"codes"`
}

type codeCount struct {
	Code  string `json:"code"`
	Units int64  `json:"units"`
}

// PartialKind names the Counts encoding.
const PartialKind = "instruments"

// MarshalJSON writes the counts deterministically: groups in order, codes
// sorted, no maps.
func (c *Counts) MarshalJSON() ([]byte, error) {
	p := partialJSON{Kind: PartialKind, Version: PartialVersion, Settings: c.settings, Docs: c.docs, Groups: []groupJSON{}}
	for _, r := range c.refs {
		p.Refs = append(p.Refs, refJSON{r.Category, r.Subcategory})
	}
	for _, g := range c.Groups() {
		gj := groupJSON{Group: g, groupTotals: *c.groups[g], Codes: []codeCount{}}
		keys := slices.Sorted(maps.Keys(c.cells[g]))
		for _, k := range keys {
			gj.Codes = append(gj.Codes, codeCount{k, c.cells[g][k]})
		}
		p.Groups = append(p.Groups, gj)
	}
	return json.Marshal(p)
}

// UnmarshalJSON reads counts written by MarshalJSON, refusing another
// version or inconsistent totals.
func (c *Counts) UnmarshalJSON(b []byte) error {
	var p partialJSON
	if err := partial.DecodeVersioned(b, &p, "instruments counts", PartialKind, PartialVersion); err != nil {
		return err
	}
	n := NewCounts(p.Settings, nil)
	for _, r := range p.Refs {
		n.refs = append(n.refs, Ref{Category: r.Category, Subcategory: r.Subcategory})
	}
	var docs int64
	for _, g := range p.Groups {
		if _, dup := n.groups[g.Group]; dup {
			return fmt.Errorf("instruments counts: group %v twice", g.Group)
		}
		t := g.groupTotals
		if t.Docs < 0 || t.Units < 0 || t.Coded < 0 || t.Coded > t.Units || t.Chars < 0 {
			return fmt.Errorf("instruments counts: group %v has impossible totals", g.Group)
		}
		docs += t.Docs
		n.groups[g.Group] = &t
		cell := map[string]int64{}
		var sum int64
		for _, cc := range g.Codes {
			if cc.Units < 0 {
				return fmt.Errorf("instruments counts: negative count for %s", cc.Code)
			}
			cell[cc.Code] += cc.Units
			sum += cc.Units
		}
		if !p.Settings.Multi && sum != t.Coded {
			return fmt.Errorf("instruments counts: group %v: codes add up to %d, coded units %d", g.Group, sum, t.Coded)
		}
		n.cells[g.Group] = cell
	}
	if docs != p.Docs {
		return fmt.Errorf("instruments counts: groups hold %d documents, header says %d", docs, p.Docs)
	}
	n.docs = p.Docs
	*c = *n
	return nil
}
