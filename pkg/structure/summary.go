package structure

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// PartialVersion versions the JSON encoding of Summary. Raise it when the
// encoding or the meaning of a count changes.
const PartialVersion = 1

// Totals are the counts of a set of documents.
type Totals struct {
	Docs      int64 `json:"docs"`
	Titled    int64 `json:"titled"`    // with a title
	Dated     int64 `json:"dated"`     // with a 成文日期
	Numbered  int64 `json:"numbered"`  // with a 发文字号
	Signed    int64 `json:"signed"`    // with a 发文机关署名
	Joint     int64 `json:"joint"`     // with two issuers or more
	Headings  int64 `json:"headings"`  // headings in all
	Citations int64 `json:"citations"` // citations in all
	// DocTypes, Issuers and Years count documents by document type, by
	// issuer (a joint document counts for each) and by year.
	DocTypes map[string]int64 `json:"doctypes,omitempty"`
	Issuers  map[string]int64 `json:"issuers,omitempty"`
	Years    map[string]int64 `json:"years,omitempty"`
	// DateSources counts where the documents' years came from (meta, text,
	// dateline, printed, number, name; "" unknown).
	DateSources map[string]int64 `json:"date_sources,omitempty"`
	// First and Last are the earliest and the latest date known.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
}

func inc(m *map[string]int64, k string, n int64) {
	if *m == nil {
		*m = map[string]int64{}
	}
	(*m)[k] += n
}

func (t *Totals) add(d *Document, m Meta) {
	t.Docs++
	if d != nil {
		if d.Title != nil {
			t.Titled++
		}
		if d.Date != nil {
			t.Dated++
		}
		if d.Number != nil {
			t.Numbered++
		}
		if len(d.Signatures) > 0 {
			t.Signed++
		}
		t.Headings += int64(len(d.Headings))
		t.Citations += int64(len(d.Citations))
	}
	if len(m.Issuers) > 1 {
		t.Joint++
	}
	if m.DocType != "" {
		inc(&t.DocTypes, m.DocType, 1)
	}
	seen := map[string]bool{}
	for _, is := range m.Issuers {
		if !seen[is] {
			seen[is] = true
			inc(&t.Issuers, is, 1)
		}
	}
	if m.Year > 0 {
		inc(&t.Years, strconv.Itoa(m.Year), 1)
	}
	inc(&t.DateSources, m.DateSource, 1)
	if m.Date != "" {
		if t.First == "" || m.Date < t.First {
			t.First = m.Date
		}
		if m.Date > t.Last {
			t.Last = m.Date
		}
	}
}

func (t *Totals) merge(o *Totals) {
	t.Docs += o.Docs
	t.Titled += o.Titled
	t.Dated += o.Dated
	t.Numbered += o.Numbered
	t.Signed += o.Signed
	t.Joint += o.Joint
	t.Headings += o.Headings
	t.Citations += o.Citations
	for _, p := range []struct{ dst, src *map[string]int64 }{{&t.DocTypes, &o.DocTypes}, {&t.Issuers, &o.Issuers}, {&t.Years, &o.Years}, {&t.DateSources, &o.DateSources}} {
		for k, v := range *p.src {
			inc(p.dst, k, v)
		}
	}
	if o.First != "" && (t.First == "" || o.First < t.First) {
		t.First = o.First
	}
	if o.Last > t.Last {
		t.Last = o.Last
	}
}

// Summary counts documents' structure by group (a value of a dimension:
// year, issuer, doctype or a --meta column; one group "" without one).
// Add one document at a time, Merge another Summary: the result is the same
// for any split and any order of the documents.
type Summary struct {
	// By is the grouping dimension ("" for none).
	By     string
	All    Totals
	Groups map[string]*Totals
}

// NewSummary returns an empty summary grouped by dimension by.
func NewSummary(by string) *Summary {
	return &Summary{By: by, Groups: map[string]*Totals{}}
}

// Add counts one document.
func (s *Summary) Add(d *Document, m Meta) {
	s.All.add(d, m)
	if s.By == "" {
		return
	}
	g := m.Group(s.By)
	t := s.Groups[g]
	if t == nil {
		t = &Totals{}
		s.Groups[g] = t
	}
	t.add(d, m)
}

// Merge adds o into s; it refuses a summary grouped another way.
func (s *Summary) Merge(o *Summary) error {
	if s.By != o.By {
		return fmt.Errorf("structure: cannot merge summaries grouped by %q and %q", s.By, o.By)
	}
	s.All.merge(&o.All)
	for g, t := range o.Groups {
		if s.Groups[g] == nil {
			s.Groups[g] = &Totals{}
		}
		s.Groups[g].merge(t)
	}
	return nil
}

// GroupNames lists the groups, most documents first, ties by name
// (Unknown last).
func (s *Summary) GroupNames() []string {
	var out []string
	for g := range s.Groups {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a == Unknown) != (b == Unknown) {
			return b == Unknown
		}
		if s.By == "year" && a != Unknown && b != Unknown {
			return a < b
		}
		if na, nb := s.Groups[a].Docs, s.Groups[b].Docs; na != nb {
			return na > nb
		}
		return a < b
	})
	return out
}

// Ranked lists the keys of a count, highest first, ties by key.
func Ranked(m map[string]int64) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if m[out[i]] != m[out[j]] {
			return m[out[i]] > m[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

type summaryJSON struct {
	Version int                `json:"version"`
	By      string             `json:"by,omitempty"`
	All     Totals             `json:"all"`
	Groups  map[string]*Totals `json:"groups,omitempty"`
}

// MarshalJSON writes the summary with PartialVersion (maps are written
// with sorted keys: the encoding is deterministic).
func (s *Summary) MarshalJSON() ([]byte, error) {
	return json.Marshal(summaryJSON{Version: PartialVersion, By: s.By, All: s.All, Groups: s.Groups})
}

// UnmarshalJSON reads a summary, refusing another version.
func (s *Summary) UnmarshalJSON(b []byte) error {
	var j summaryJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.Version != PartialVersion {
		return fmt.Errorf("structure: summary version %d, this build reads %d", j.Version, PartialVersion)
	}
	s.By, s.All, s.Groups = j.By, j.All, j.Groups
	if s.Groups == nil {
		s.Groups = map[string]*Totals{}
	}
	return nil
}
