package instruments

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"zhpolicy/pkg/partial"
)

// The partial form of Counts (`zhpolicy instruments --by … --emit partial`,
// added up by `zhpolicy merge`): the pkg/partial envelope with the settings
// and the frame's subcategories, then one record per group:
//
//	{"format":"zhpolicy-partial","version":2,"kind":"instruments",…,"settings":{…},"subcategories":[…],"docs":3}
//	{"kind":"group","a":"2021","docs":2,"units":40,"coded":25,"chars":5120,"codes":[{"code":"supply/funding","units":7},…]}
//
// Groups are sorted and codes within a group too, so a partial is the same
// file for any order of the documents.

// Kind is the partial kind of instrument counts.
const Kind = "instruments"

// Header is the first line of an instruments partial.
type Header struct {
	partial.Envelope
	Settings      Settings  `json:"settings"`
	Subcategories []refJSON `json:"subcategories"`
	Docs          int64     `json:"docs"`
}

// GroupRecord is one group line of a partial.
type GroupRecord struct {
	Kind  string      `json:"kind"`
	A     string      `json:"a"`
	B     string      `json:"b,omitempty"`
	Docs  int64       `json:"docs"`
	Units int64       `json:"units"`
	Coded int64       `json:"coded"`
	Chars int64       `json:"chars"`
	Codes []codeCount `json:"codes"`
}

const recordGroup = "group"

// WritePartial writes counts as a partial; h gives Tool, Parts and
// nothing else (the rest comes from c).
func WritePartial(w io.Writer, h Header, c *Counts) error {
	h.Format, h.Version, h.Kind = partial.Magic, partial.Version, Kind
	h.Settings, h.Docs, h.Records = c.settings, c.docs, int64(len(c.groups))
	h.Subcategories = nil
	for _, r := range c.refs {
		h.Subcategories = append(h.Subcategories, refJSON{r.Category, r.Subcategory})
	}
	pw, err := partial.NewWriter(w, h)
	if err != nil {
		return err
	}
	for _, g := range c.Groups() {
		t := c.groups[g]
		rec := GroupRecord{Kind: recordGroup, A: g.A, B: g.B, Docs: t.Docs, Units: t.Units, Coded: t.Coded, Chars: t.Chars, Codes: []codeCount{}}
		keys := slices.Sorted(maps.Keys(c.cells[g]))
		for _, k := range keys {
			rec.Codes = append(rec.Codes, codeCount{k, c.cells[g][k]})
		}
		if err := pw.Write(rec); err != nil {
			return err
		}
	}
	return pw.Close()
}

// ReadBody reads the rest of an instruments partial whose header line pr
// has read.
func ReadBody(pr *partial.Reader, headerLine []byte) (Header, *Counts, error) {
	var h Header
	at := pr.Line
	if err := pr.Header(headerLine, &h); err != nil {
		return h, nil, err
	}
	if h.Docs < 0 || h.Records < 0 {
		return h, nil, fmt.Errorf("%s:%d: negative totals in the header", pr.Name, at)
	}
	var refs []Ref
	for _, r := range h.Subcategories {
		refs = append(refs, Ref{Category: r.Category, Subcategory: r.Subcategory})
	}
	c := NewCounts(h.Settings, refs)
	for {
		var rec GroupRecord
		ok, err := pr.Record(&rec)
		if err != nil {
			return h, nil, err
		}
		if !ok {
			break
		}
		if rec.Kind != recordGroup {
			return h, nil, pr.Errorf("unexpected line of kind %q in an instruments partial", rec.Kind)
		}
		g := Group{A: rec.A, B: rec.B}
		if _, dup := c.groups[g]; dup {
			return h, nil, pr.Errorf("group %q/%q appears twice", rec.A, rec.B)
		}
		if rec.Docs < 1 || rec.Units < 0 || rec.Coded < 0 || rec.Coded > rec.Units || rec.Chars < 0 {
			return h, nil, pr.Errorf("group %q/%q: impossible totals", rec.A, rec.B)
		}
		cell := map[string]int64{}
		var sum int64
		for _, cc := range rec.Codes {
			if cc.Units < 1 {
				return h, nil, pr.Errorf("group %q/%q: code %q with %d units", rec.A, rec.B, cc.Code, cc.Units)
			}
			if _, dup := cell[cc.Code]; dup {
				return h, nil, pr.Errorf("group %q/%q: code %q twice", rec.A, rec.B, cc.Code)
			}
			cell[cc.Code] = cc.Units
			if err := partial.Add(&sum, cc.Units); err != nil {
				return h, nil, pr.Errorf("%v", err)
			}
		}
		if !h.Settings.Multi && sum != rec.Coded {
			return h, nil, pr.Errorf("group %q/%q: codes add up to %d, coded units %d", rec.A, rec.B, sum, rec.Coded)
		}
		c.groups[g] = &groupTotals{Docs: rec.Docs, Units: rec.Units, Coded: rec.Coded, Chars: rec.Chars}
		c.cells[g] = cell
		if err := partial.Add(&c.docs, rec.Docs); err != nil {
			return h, nil, pr.Errorf("%v", err)
		}
	}
	if c.docs != h.Docs {
		return h, nil, fmt.Errorf("%s:%d: the header announces %d documents, the groups hold %d: the file is damaged", pr.Name, at, h.Docs, c.docs)
	}
	return h, c, nil
}

// Add merges the counts c2 of a partial with header h2 into total, whose
// header is h: the same settings and frame, other runs, no overflow.
func (h *Header) Add(h2 Header, total, c2 *Counts) error {
	if d := h.Settings.diff(h2.Settings); d != "" {
		return fmt.Errorf("coded differently (%s): merge partials made with the same frame and flags", d)
	}
	if !slices.Equal(h.Subcategories, h2.Subcategories) {
		return fmt.Errorf("coded with frames of other subcategories")
	}
	return h.Join(h2.Envelope, func() error {
		if err := total.fits(c2); err != nil {
			return err
		}
		if err := total.Merge(c2); err != nil {
			return err
		}
		h.Docs, h.Records = total.docs, int64(len(total.groups))
		return nil
	})
}

// fits checks that merging o into c overflows no count.
func (c *Counts) fits(o *Counts) error {
	docs := c.docs
	if partial.Add(&docs, o.docs) != nil {
		return partial.ErrOverflow
	}
	for g, ot := range o.groups {
		if t := c.groups[g]; t != nil {
			for _, p := range [][2]int64{{t.Docs, ot.Docs}, {t.Units, ot.Units}, {t.Coded, ot.Coded}, {t.Chars, ot.Chars}} {
				x := p[0]
				if partial.Add(&x, p[1]) != nil {
					return partial.ErrOverflow
				}
			}
		}
		for k, n := range o.cells[g] {
			x := c.cells[g][k]
			if partial.Add(&x, n) != nil {
				return partial.ErrOverflow
			}
		}
	}
	return nil
}
