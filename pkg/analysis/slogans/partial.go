package slogans

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/partial"
)

// The partial form of a Corpus (`zhpolicy slogans --corpus --emit
// partial`, added up by `zhpolicy merge`): the pkg/partial envelope with
// the settings that change what is found and how it is judged, then one
// record per formulation, sorted by key, holding everything Merge needs
// (counts, forms, the first and last documents, the first use):
//
//	{"format":"zhpolicy-partial","version":2,"kind":"slogans",…,"settings":{…},"docs":3}
//	{"kind":"formulation","key":"三个大抓","type":"numbered","count":3,"quoted":3,"docs":1,…}
//
// A partial is the same file for any order of the documents, and partials
// of any split of a corpus merge to the partial of the whole.

// PartialKind is the partial kind of slogans corpora.
const PartialKind = "slogans"

// PartialVersion is the version of the records of a slogans partial: a
// merge refuses partials of another version. Version 2 (round 14) records
// each formulation's Quality.
const PartialVersion = 3 // 3: cleaning joins the lines of text broken at the page width (normalize.Options.Unwrap)

const recordFormulation = "formulation"

// Settings are what a slogans partial was found with. Two partials merge
// only when their settings are equal.
type Settings struct {
	Version   int `json:"version"` // PartialVersion
	Rules     int `json:"rules"`   // RulesVersion
	MaxQuoted int `json:"max_quoted"`
	// Lexicon and Baseline are digests of the lexicon and the baseline
	// used ("" when none).
	Lexicon  string `json:"lexicon,omitempty"`
	Baseline string `json:"baseline,omitempty"`
	Context  bool   `json:"context"`
	HMM      bool   `json:"hmm"`
	Clean    bool   `json:"clean"`
}

// NewSettings gives the settings of a run with opts (hmm and clean are the
// command's segmentation and cleaning flags).
func NewSettings(opts Options, hmm, clean bool) Settings {
	mq := opts.MaxQuoted
	if mq == 0 {
		mq = DefaultMaxQuoted
	}
	return Settings{Version: PartialVersion, Rules: RulesVersion, MaxQuoted: mq, Lexicon: opts.Lexicon.Digest(),
		Baseline: opts.Baseline.Digest(), Context: opts.Context > 0, HMM: hmm, Clean: clean}
}

// Diff names the first setting that differs ("" when none), for errors.
func (s Settings) Diff(o Settings) string {
	switch {
	case s.Version != o.Version:
		return fmt.Sprintf("partial version %d vs %d", s.Version, o.Version)
	case s.Rules != o.Rules:
		return fmt.Sprintf("rules version %d vs %d", s.Rules, o.Rules)
	case s.MaxQuoted != o.MaxQuoted:
		return fmt.Sprintf("--max-quoted %d vs %d", s.MaxQuoted, o.MaxQuoted)
	case s.Lexicon != o.Lexicon:
		return "different lexicons (--lexicon, --no-builtin)"
	case s.Baseline != o.Baseline:
		return "different baselines (--baseline, --no-baseline)"
	case s.Context != o.Context:
		return fmt.Sprintf("--context %v vs %v", s.Context, o.Context)
	case s.HMM != o.HMM:
		return fmt.Sprintf("--hmm %v vs %v", s.HMM, o.HMM)
	case s.Clean != o.Clean:
		return fmt.Sprintf("--no-clean %v vs %v", !s.Clean, !o.Clean)
	}
	return ""
}

// Header is the first line of a slogans partial.
type Header struct {
	partial.Envelope
	Settings Settings `json:"settings"`
	Docs     int64    `json:"docs"`
}

type docJSON struct {
	Name  string `json:"name"`
	Order string `json:"order,omitempty"`
}

type occurrenceJSON struct {
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Text    string   `json:"text"`
	Quoted  bool     `json:"quoted,omitempty"`
	Members []string `json:"members,omitempty"`
}

// Record is one formulation line of a slogans partial.
type Record struct {
	Kind    string         `json:"kind"`
	Key     string         `json:"key"`
	Core    string         `json:"core,omitempty"`
	Type    Kind           `json:"type"`
	Count   int64          `json:"count"`
	Quoted  int64          `json:"quoted"`
	Bare    int64          `json:"bare"`
	Docs    int64          `json:"docs"`
	Gloss   string         `json:"gloss,omitempty"`
	Members []string       `json:"members,omitempty"`
	Novelty Novelty        `json:"novelty"`
	First   docJSON        `json:"first"`
	Last    docJSON        `json:"last"`
	FirstAt occurrenceJSON `json:"first_occurrence"`
	Context string         `json:"context,omitempty"`
	Quality float64        `json:"quality,omitempty"`
	// Forms are the written forms, Texts the extents written (the
	// representative text of each document, weighted by its count).
	Forms map[string]int64 `json:"forms,omitempty"`
	Texts map[string]int64 `json:"texts,omitempty"`
}

// Digest identifies a lexicon's content ("" for none).
func (l *Lexicon) Digest() string {
	if l == nil || len(l.entries) == 0 {
		return ""
	}
	keys := slices.Sorted(maps.Keys(l.alias))
	h := sha256.New()
	for _, a := range keys {
		e := l.entries[l.alias[a]]
		fmt.Fprintf(h, "%s\t%s\t%s\t%s\n", a, l.alias[a], e.Kind, e.Gloss)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// WritePartial writes the corpus as a slogans partial; h gives the
// envelope's Tool and Parts and the settings, the rest comes from c.
func WritePartial(w io.Writer, h Header, c *Corpus) error {
	h.Format, h.Version, h.Kind = partial.Magic, partial.Version, PartialKind
	h.Docs, h.Records = int64(c.docs), int64(len(c.m))
	pw, err := partial.NewWriter(w, h)
	if err != nil {
		return err
	}
	keys := slices.Sorted(maps.Keys(c.m))
	for _, k := range keys {
		if err := pw.Write(c.m[k].record()); err != nil {
			return err
		}
	}
	return pw.Close()
}

func (e *CorpusEntry) record() Record {
	fo := e.FirstOccurrence
	r := Record{Kind: recordFormulation, Key: e.Key, Core: e.Core, Type: e.Kind, Count: int64(e.Count),
		Quoted: int64(e.Quoted), Bare: int64(e.Bare), Docs: int64(e.Docs), Gloss: e.Gloss, Members: e.Members,
		Novelty: e.Novelty, First: docJSON{e.firstOrder.name, e.firstOrder.key}, Last: docJSON{e.lastOrder.name, e.lastOrder.key},
		FirstAt: occurrenceJSON(fo), Context: e.Context, Quality: e.Quality}
	if r.Core == r.Key {
		r.Core = ""
	}
	r.Forms = counts64(e.forms)
	r.Texts = counts64(e.texts)
	return r
}

func counts64(m map[string]int) map[string]int64 {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]int64, len(m))
	for k, v := range m {
		out[k] = int64(v)
	}
	return out
}

// entry checks a record read from a partial of docs documents and makes
// it a corpus entry.
func (r Record) entry(docs int64) (*CorpusEntry, error) {
	const maxInt = int64(^uint(0) >> 1)
	switch {
	case r.Key == "" || !utf8.ValidString(r.Key):
		return nil, errors.New("empty or invalid key")
	case !slices.Contains(Kinds, r.Type):
		return nil, fmt.Errorf("formulation %q: unknown type %q", r.Key, r.Type)
	case r.Count < 1 || r.Count > maxInt || r.Quoted < 0 || r.Bare < 0 || r.Quoted+r.Bare != r.Count:
		return nil, fmt.Errorf("formulation %q: count %d, quoted %d, bare %d: want count ≥ 1 = quoted + bare", r.Key, r.Count, r.Quoted, r.Bare)
	case r.Docs < 1 || r.Docs > r.Count || r.Docs > docs:
		return nil, fmt.Errorf("formulation %q: docs %d, want 1 to min(count %d, documents %d)", r.Key, r.Docs, r.Count, docs)
	case r.First.Name == "" || r.Last.Name == "":
		return nil, fmt.Errorf("formulation %q: no first or last document", r.Key)
	}
	e := &CorpusEntry{Key: r.Key, Core: r.Core, Kind: r.Type, Count: int(r.Count), Quoted: int(r.Quoted), Bare: int(r.Bare),
		Docs: int(r.Docs), Gloss: r.Gloss, Members: r.Members, Novelty: r.Novelty, New: r.Novelty.New(),
		firstOrder: docOrder{r.First.Order, r.First.Name}, lastOrder: docOrder{r.Last.Order, r.Last.Name},
		FirstOccurrence: Occurrence(r.FirstAt),
		Context:         r.Context, Quality: r.Quality, forms: map[string]int{}, texts: map[string]int{}}
	if e.Core == "" {
		e.Core = e.Key
	}
	for _, m := range []struct {
		what string
		in   map[string]int64
		out  map[string]int
	}{{"form", r.Forms, e.forms}, {"text", r.Texts, e.texts}} {
		var sum int64
		for k, n := range m.in {
			if k == "" || n < 1 || !utf8.ValidString(k) {
				return nil, fmt.Errorf("formulation %q: invalid %s %q (%d)", r.Key, m.what, k, n)
			}
			sum += n
			if sum > r.Count {
				return nil, fmt.Errorf("formulation %q: %ss count more than the formulation's %d", r.Key, m.what, r.Count)
			}
			m.out[k] = int(n)
		}
	}
	return e, nil
}

// ReadBody reads the rest of a slogans partial whose header line pr has
// read (partial.Reader.Next).
func ReadBody(pr *partial.Reader, headerLine []byte) (Header, *Corpus, error) {
	var h Header
	at := pr.Line
	if err := pr.Header(headerLine, &h); err != nil {
		return h, nil, err
	}
	if h.Settings.Version != PartialVersion {
		return h, nil, fmt.Errorf("%s:%d: a slogans partial of version %d; this zhpolicy reads version %d", pr.Name, at, h.Settings.Version, PartialVersion)
	}
	if h.Docs < 0 || h.Records < 0 || h.Docs > int64(^uint(0)>>1) {
		return h, nil, fmt.Errorf("%s:%d: invalid totals in the header", pr.Name, at)
	}
	c := NewCorpus()
	c.docs = int(h.Docs)
	for {
		var rec Record
		ok, err := pr.Record(&rec)
		if err != nil {
			return h, nil, err
		}
		if !ok {
			break
		}
		if rec.Kind != recordFormulation {
			return h, nil, pr.Errorf("unexpected line of kind %q in a slogans partial", rec.Kind)
		}
		e, err := rec.entry(h.Docs)
		if err != nil {
			return h, nil, pr.Errorf("%v", err)
		}
		if _, dup := c.m[e.Key]; dup {
			return h, nil, pr.Errorf("formulation %q appears twice", e.Key)
		}
		c.m[e.Key] = e
	}
	return h, c, nil
}

// Add merges the corpus c2 of a partial with header h2 into total, whose
// header is h: found with the same settings, by other runs.
func (h *Header) Add(h2 Header, total, c2 *Corpus) error {
	if d := h.Settings.Diff(h2.Settings); d != "" {
		return fmt.Errorf("found differently (%s): merge partials made with the same flags", d)
	}
	return h.Envelope.Join(h2.Envelope, func() error {
		if err := total.fits(c2); err != nil {
			return err
		}
		total.Merge(c2)
		h.Docs, h.Records = int64(total.docs), int64(len(total.m))
		return nil
	})
}

// fits checks that merging o into c overflows no count.
func (c *Corpus) fits(o *Corpus) error {
	const maxInt = int64(^uint(0) >> 1)
	over := func(a, b int) bool { return int64(a) > maxInt-int64(b) }
	if over(c.docs, o.docs) {
		return partial.ErrOverflow
	}
	for k, oe := range o.m {
		e := c.m[k]
		if e == nil {
			continue
		}
		if over(e.Count, oe.Count) || over(e.Docs, oe.Docs) {
			return fmt.Errorf("formulation %q: %w", k, partial.ErrOverflow)
		}
	}
	return nil
}

// ReadPartial reads a slogans partial; a stream of several partials made
// the same way is read as their merge.
func ReadPartial(name string, r io.Reader) (Header, *Corpus, error) {
	h, c, found, err := partial.ReadStream(name, r, PartialKind,
		func(k string) string { return fmt.Sprintf("a partial of `zhpolicy %s`, not of slogans", k) },
		ReadBody, (*Header).Add)
	if err == nil && !found {
		err = fmt.Errorf("%s: no slogans partial", name)
	}
	return h, c, err
}

// sameEntries is for tests: "" when two corpora hold the same entries,
// else what differs.
func sameEntries(a, b *Corpus) string {
	if a.docs != b.docs || len(a.m) != len(b.m) {
		return fmt.Sprintf("docs %d/%d, entries %d/%d", a.docs, b.docs, len(a.m), len(b.m))
	}
	for k, e := range a.m {
		o := b.m[k]
		if o == nil {
			return "missing " + k
		}
		ra, rb := e.record(), o.record()
		sa, sb := fmt.Sprint(ra), fmt.Sprint(rb)
		if sa != sb {
			return strings.Join([]string{k, sa, sb}, "\n")
		}
	}
	return ""
}
