package overview

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"unicode/utf8"

	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/analysis/freq"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/partial"
)

// The analyze partial (see package partial for the format) has the kind
// "analyze", the corpus totals in its header, then one line per item,
// sorted by section, then key (and type):
//
//	{"format":"zhpolicy-partial","version":2,"kind":"analyze","parts":["…"],"records":412,"settings":{…},"docs":7,…}
//	{"kind":"word","term":"发展","count":12,"docs":5,"forms":{"發展":2}}
//	{"kind":"keyword","term":"巡视整改","count":3,"docs":1,"score":812345678,"forms":{"巡视整改":3}}
//	{"kind":"formulation","term":"三个大抓","type":"numbered","count":2,"docs":2,"forms":{"三个大抓":1,"三個大抓":1}}
//	{"kind":"entity","term":"姜冬冬","type":"PER","count":1,"docs":1,"forms":{"姜冬冬":1},"titles":["市委书记"]}
//
// Word lines are freq term lines (forms other than the key); the others
// list all forms. Keyword scores are sums in units of 1/ScoreScale.

// Settings describe how an analyze partial was computed; partials merge
// only when they are equal.
type Settings struct {
	Sections []string `json:"sections"`
	HMM      bool     `json:"hmm"`
	Clean    bool     `json:"clean"`
	Dicts    string   `json:"dicts,omitempty"`
	// Rules names the versions of what the analyzers find (Rules()):
	// partials counted by other rules are not added up.
	Rules string `json:"rules"`
}

// RulesVersion counts the changes to what analyze itself finds (2: the
// keywords ranked as `keywords` ranks them, new judged against the
// built-in baseline; 3: a short document's names, which keywords ranks
// with its keywords, left out of them as keywords --corpus leaves them;
// 4: top words without numbers written in Chinese numerals, 一九五八年).
const RulesVersion = 4

// Rules is the Settings.Rules of this build: analyze's own, the keyword
// ranking's (and its background's), the formulation rules' (and the
// novelty baseline's) and the entity recogniser's: partials counted by
// other rules are refused, not added up.
func Rules() string {
	return fmt.Sprintf("analyze %d, keywords %d, slogans %d, entities %d", RulesVersion, kw.PartialVersion, slogans.RulesVersion, entities.PartialVersion)
}

// Equal says whether two settings are the same.
func (s Settings) Equal(o Settings) bool {
	return slices.Equal(s.Sections, o.Sections) && s.HMM == o.HMM && s.Clean == o.Clean && s.Dicts == o.Dicts && s.Rules == o.Rules
}

// Diff names the first setting that differs, for error messages.
func (s Settings) Diff(o Settings) string {
	switch {
	case !slices.Equal(s.Sections, o.Sections):
		return fmt.Sprintf("sections %v vs %v", s.Sections, o.Sections)
	case s.HMM != o.HMM:
		return fmt.Sprintf("--hmm %v vs %v", s.HMM, o.HMM)
	case s.Clean != o.Clean:
		return fmt.Sprintf("--no-clean %v vs %v", !s.Clean, !o.Clean)
	case s.Dicts != o.Dicts:
		return "different --dict files"
	case s.Rules != o.Rules:
		return fmt.Sprintf("rules %q vs %q (made by different zhpolicy versions)", s.Rules, o.Rules)
	}
	return ""
}

// Kind is the kind of analyze partials.
const Kind = "analyze"

// Header is the first line of an analyze partial.
type Header struct {
	partial.Envelope
	Settings  Settings         `json:"settings"`
	Docs      int64            `json:"docs"`
	Bytes     int64            `json:"bytes"`
	Chars     int64            `json:"chars"`
	Han       int64            `json:"han"`
	Tokens    int64            `json:"tokens"`
	Scripts   map[string]int64 `json:"scripts"`
	Encodings map[string]int64 `json:"encodings"`
	Formats   map[string]int64 `json:"formats"`
	Words     int64            `json:"words"`
}

// Record is one item line.
type Record struct {
	Kind   string           `json:"kind"`
	Term   string           `json:"term"`
	Type   string           `json:"type,omitempty"`
	Count  int64            `json:"count"`
	Docs   int64            `json:"docs"`
	Score  int64            `json:"score,omitempty"`
	Forms  map[string]int64 `json:"forms,omitempty"`
	Titles []string         `json:"titles,omitempty"`
	New    bool             `json:"new,omitempty"`
	Gloss  string           `json:"gloss,omitempty"`
}

// Record kinds.
const (
	KindWord        = "word"
	KindKeyword     = "keyword"
	KindFormulation = "formulation"
	KindEntity      = "entity"
)

// Sections lists the sections a Summary has, in order.
func (s *Summary) Sections() []string {
	var out []string
	if s.Words != nil {
		out = append(out, "words")
	}
	if s.Keywords != nil {
		out = append(out, "keywords")
	}
	if s.Formulations != nil {
		out = append(out, "formulations")
	}
	if s.Entities != nil {
		out = append(out, "entities")
	}
	return out
}

// WritePartial writes a summary as an analyze partial; h gives the tool
// version, the parts and the settings (Settings.Sections is filled in).
func WritePartial(w io.Writer, h Header, s *Summary) error {
	h.Format, h.Version, h.Kind = partial.Magic, partial.Version, Kind
	h.Settings.Sections = s.Sections()
	h.Settings.Rules = Rules()
	h.Docs, h.Bytes, h.Chars, h.Han, h.Tokens = s.Docs, s.Bytes, s.Chars, s.Han, s.Tokens
	h.Scripts, h.Encodings, h.Formats = s.Scripts, s.Encodings, s.Formats
	h.Records = int64(s.Keywords.Len() + s.Formulations.Len() + s.Entities.Len())
	if s.Words != nil {
		h.Words = s.Words.Units
		h.Records += int64(s.Words.Len())
	}
	pw, err := partial.NewWriter(w, h)
	if err != nil {
		return err
	}
	if s.Words != nil {
		err := s.Words.EachRecord(KindWord, func(r freq.Record) error {
			return pw.Write(Record{Kind: KindWord, Term: r.Term, Count: r.Count, Docs: r.Docs, Forms: r.Forms})
		})
		if err != nil {
			return err
		}
	}
	for _, sec := range []struct {
		kind string
		t    *Tally
	}{{KindKeyword, s.Keywords}, {KindFormulation, s.Formulations}, {KindEntity, s.Entities}} {
		for _, it := range sec.t.Items() {
			r := Record{Kind: sec.kind, Term: it.Key, Type: it.Type, Count: it.Count, Docs: it.Docs, Score: it.Score,
				Forms: it.Forms, Titles: it.Titles, New: it.New, Gloss: it.Gloss}
			if err := pw.Write(r); err != nil {
				return err
			}
		}
	}
	return pw.Close()
}

// ReadBody reads the rest of an analyze partial whose header line pr has
// read (partial.Reader.Next).
func ReadBody(pr *partial.Reader, headerLine []byte) (Header, *Summary, error) {
	var h Header
	at := pr.Line
	if err := pr.Header(headerLine, &h); err != nil {
		return h, nil, err
	}
	if h.Docs < 0 || h.Bytes < 0 || h.Chars < 0 || h.Han < 0 || h.Tokens < 0 || h.Words < 0 || h.Records < 0 {
		return h, nil, fmt.Errorf("%s:%d: negative totals in the header", pr.Name, at)
	}
	for _, m := range []map[string]int64{h.Scripts, h.Encodings, h.Formats} {
		for k, n := range m {
			if n < 0 {
				return h, nil, fmt.Errorf("%s:%d: negative count of %q in the header", pr.Name, at, k)
			}
		}
	}
	s := &Summary{Docs: h.Docs, Bytes: h.Bytes, Chars: h.Chars, Han: h.Han, Tokens: h.Tokens,
		Scripts: orEmpty(h.Scripts), Encodings: orEmpty(h.Encodings), Formats: orEmpty(h.Formats)}
	tallies := map[string]*Tally{}
	for _, sec := range h.Settings.Sections {
		switch sec {
		case "words":
			s.Words = &freq.Counts{Docs: h.Docs}
		case "keywords":
			s.Keywords = NewTally()
			tallies[KindKeyword] = s.Keywords
		case "formulations":
			s.Formulations = newKindTally()
			tallies[KindFormulation] = s.Formulations
		case "entities":
			s.Entities = NewTally()
			tallies[KindEntity] = s.Entities
		default:
			return h, nil, fmt.Errorf("%s:%d: unknown section %q (written by a newer zhpolicy?)", pr.Name, at, sec)
		}
	}
	for _, t := range tallies {
		t.Docs = h.Docs
	}
	for {
		var r Record
		ok, err := pr.Record(&r)
		if err != nil {
			return h, nil, err
		}
		if !ok {
			break
		}
		if r.Kind == KindWord {
			if s.Words == nil {
				return h, nil, pr.Errorf("word line in a partial without the words section")
			}
			if r.Type != "" || r.Score != 0 || len(r.Titles) > 0 || r.New || r.Gloss != "" {
				return h, nil, pr.Errorf("word line with fields of another kind")
			}
			if err := s.Words.AddRecord(freq.Record{Kind: freq.KindTerm, Term: r.Term, Count: r.Count, Docs: r.Docs, Forms: r.Forms}, h.Docs); err != nil {
				return h, nil, pr.Errorf("%v", err)
			}
			continue
		}
		t := tallies[r.Kind]
		if t == nil {
			return h, nil, pr.Errorf("unexpected line of kind %q", r.Kind)
		}
		if err := t.addRecord(r, h.Docs); err != nil {
			return h, nil, pr.Errorf("%v", err)
		}
	}
	if s.Words != nil && s.Words.Units != h.Words {
		return h, nil, fmt.Errorf("%s:%d: the header announces %d words, the word lines add up to %d: the file is damaged", pr.Name, at, h.Words, s.Words.Units)
	}
	return h, s, nil
}

// Add merges the summary s2 of a partial with header h2 into total, whose
// header is h: they must have been made the same way, by other runs.
func (h *Header) Add(h2 Header, total, s2 *Summary) error {
	if !h2.Settings.Equal(h.Settings) {
		return fmt.Errorf("made with different settings (%s): merge partials made with the same flags", h.Settings.Diff(h2.Settings))
	}
	return h.Join(h2.Envelope, func() error { return total.MergeChecked(s2) })
}

// MergeChecked is Merge for summaries read from partials: it refuses (and
// leaves s as it was) when a sum would overflow 64 bits.
func (s *Summary) MergeChecked(o *Summary) error {
	for _, p := range [][2]int64{{s.Docs, o.Docs}, {s.Bytes, o.Bytes}, {s.Chars, o.Chars}, {s.Han, o.Han}, {s.Tokens, o.Tokens}} {
		if partial.Add(&p[0], p[1]) != nil {
			return partial.ErrOverflow
		}
	}
	for _, m := range [][2]map[string]int64{{s.Scripts, o.Scripts}, {s.Encodings, o.Encodings}, {s.Formats, o.Formats}} {
		for k, n := range m[1] {
			x := m[0][k]
			if partial.Add(&x, n) != nil {
				return partial.ErrOverflow
			}
		}
	}
	if s.Words != nil && o.Words != nil {
		if err := s.Words.Fits(o.Words); err != nil {
			return err
		}
	}
	for _, t := range [][2]*Tally{{s.Keywords, o.Keywords}, {s.Formulations, o.Formulations}, {s.Entities, o.Entities}} {
		if err := t[0].fits(t[1]); err != nil {
			return err
		}
	}
	s.Merge(o)
	return nil
}

// fits checks that merging o into t overflows no count.
func (t *Tally) fits(o *Tally) error {
	if t == nil || o == nil {
		return nil
	}
	d := t.Docs
	if partial.Add(&d, o.Docs) != nil {
		return partial.ErrOverflow
	}
	for k, oi := range o.items {
		it := t.items[k]
		if it == nil {
			continue
		}
		c, dc, sc := it.Count, it.Docs, it.Score
		if partial.Add(&c, oi.Count) != nil || partial.Add(&dc, oi.Docs) != nil || partial.Add(&sc, oi.Score) != nil {
			return fmt.Errorf("%q: %w", oi.Key, partial.ErrOverflow)
		}
		for f, n := range oi.Forms {
			x := it.Forms[f]
			if partial.Add(&x, n) != nil {
				return fmt.Errorf("%q: %w", oi.Key, partial.ErrOverflow)
			}
		}
	}
	return nil
}

func orEmpty(m map[string]int64) map[string]int64 {
	if m == nil {
		return map[string]int64{}
	}
	return maps.Clone(m)
}

func (t *Tally) addRecord(r Record, docs int64) error {
	switch {
	case r.Term == "" || !utf8.ValidString(r.Term):
		return errors.New("empty or invalid term")
	case r.Count < 1:
		return fmt.Errorf("%q: count %d, want at least 1", r.Term, r.Count)
	case r.Docs < 1 || r.Docs > r.Count || r.Docs > docs:
		return fmt.Errorf("%q: docs %d, want 1 to min(count %d, documents %d)", r.Term, r.Docs, r.Count, docs)
	case r.Kind != KindKeyword && r.Score != 0:
		return fmt.Errorf("%q: a score on a %s line", r.Term, r.Kind)
	}
	typ := r.Type
	if t.kinds {
		typ = ""
	}
	k := tallyKey{r.Term, typ}
	if _, dup := t.items[k]; dup {
		return fmt.Errorf("%q appears twice", r.Term)
	}
	var sum int64
	for f, n := range r.Forms {
		if f == "" || n < 1 || !utf8.ValidString(f) {
			return fmt.Errorf("%q: invalid form %q (%d)", r.Term, f, n)
		}
		sum += n
	}
	if sum > r.Count {
		return fmt.Errorf("%q: forms count %d, more than its %d", r.Term, sum, r.Count)
	}
	it := &Item{Key: r.Term, Type: r.Type, Count: r.Count, Docs: r.Docs, Score: r.Score, Forms: maps.Clone(r.Forms),
		Titles: slices.Clone(r.Titles), New: r.New, Gloss: r.Gloss}
	if it.Forms == nil {
		it.Forms = map[string]int64{}
	}
	slices.Sort(it.Titles)
	t.items[k] = it
	return nil
}

// Equal says whether two summaries are the same (used by tests and by
// merge checks).
func (s *Summary) Equal(o *Summary) bool {
	if s.Docs != o.Docs || s.Bytes != o.Bytes || s.Chars != o.Chars || s.Han != o.Han || s.Tokens != o.Tokens ||
		!maps.Equal(s.Scripts, o.Scripts) || !maps.Equal(s.Encodings, o.Encodings) || !maps.Equal(s.Formats, o.Formats) {
		return false
	}
	if (s.Words == nil) != (o.Words == nil) || s.Words != nil && !s.Words.Equal(o.Words) {
		return false
	}
	return s.Keywords.equal(o.Keywords) && s.Formulations.equal(o.Formulations) && s.Entities.equal(o.Entities)
}

func (t *Tally) equal(o *Tally) bool {
	if t == nil || o == nil {
		return t == nil && o == nil
	}
	if t.Docs != o.Docs || len(t.items) != len(o.items) {
		return false
	}
	for k, a := range t.items {
		b := o.items[k]
		if b == nil || a.Key != b.Key || a.Type != b.Type || a.Count != b.Count || a.Docs != b.Docs || a.Score != b.Score ||
			!maps.Equal(a.Forms, b.Forms) || !slices.Equal(a.Titles, b.Titles) || a.New != b.New || a.Gloss != b.Gloss {
			return false
		}
	}
	return true
}
