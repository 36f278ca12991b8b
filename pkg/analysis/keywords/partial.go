package keywords

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/partial"
)

// Keyword results in the partial format (see package partial): a saved
// background (kind "keywords-background": `keywords --save-background`,
// read back by `--background FILE` and added up by `merge`), and a corpus
// ranking (kind "keywords": `keywords --corpus --emit partial`). Headers
// record the Settings the documents were read with; partials read with
// other settings are refused, not merged.
//
//	{"format":"zhpolicy-partial","version":2,"kind":"keywords-background","parts":["…"],"records":2,"settings":{…},"docs":2,"units":345,"min_df":1}
//	{"kind":"term","term":"营商环境","docs":2,"count":5}
//
//	{"format":"zhpolicy-partial","version":2,"kind":"keywords","parts":["…"],"records":1,"settings":{…},"docs":2}
//	{"kind":"keyword","term":"营商环境","docs":2,"count":5,"score":81234567,"forms":{"營商環境":2,"营商环境":3}}

// The kinds of keyword partials.
const (
	KindBackground = "keywords-background"
	KindCorpus     = "keywords"
)

// Settings describe how keyword partials were computed.
type Settings struct {
	// Version is PartialVersion: what a document adds (its vocabulary,
	// its scores) changes with it.
	Version int      `json:"keywords_version"`
	MinLen  int      `json:"min_len"`
	POS     []string `json:"pos,omitempty"`
	// Stopwords, Dicts: digests of the stopword lists and the user
	// dictionaries (empty when none beyond the built-in).
	Stopwords string `json:"stopwords,omitempty"`
	Dicts     string `json:"dicts,omitempty"`
	// HMM: the candidates have the HMM's new words (--hmm, or added to
	// the cut by --new-words: the same candidates)
	HMM   bool `json:"hmm"`
	Clean bool `json:"clean"`
	// The scoring of a corpus ranking (empty in a background): method,
	// the IDF it was scored with (a description of the background), key
	// phrases, names.
	Method  string `json:"method,omitempty"`
	IDF     string `json:"idf,omitempty"`
	Phrases bool   `json:"phrases,omitempty"`
	Names   string `json:"names,omitempty"`
}

// Equal says whether two settings count the same way.
func (s Settings) Equal(o Settings) bool { return s.Diff(o) == "" }

// Diff names the first setting that differs ("" when none), for error
// messages.
func (s Settings) Diff(o Settings) string {
	switch {
	case s.Version != o.Version:
		return fmt.Sprintf("keywords version %d vs %d", s.Version, o.Version)
	case s.MinLen != o.MinLen:
		return fmt.Sprintf("--min-len %d vs %d", s.MinLen, o.MinLen)
	case !slices.Equal(s.POS, o.POS):
		return fmt.Sprintf("--pos %s vs %s", strings.Join(s.POS, ","), strings.Join(o.POS, ","))
	case s.Stopwords != o.Stopwords:
		return "different --stopwords"
	case s.Dicts != o.Dicts:
		return "different --dict files"
	case s.HMM != o.HMM:
		return fmt.Sprintf("the HMM's new words (--new-words, --hmm) %v vs %v", s.HMM, o.HMM)
	case s.Clean != o.Clean:
		return fmt.Sprintf("--no-clean %v vs %v", !s.Clean, !o.Clean)
	case s.Method != o.Method:
		return fmt.Sprintf("--method %s vs %s", s.Method, o.Method)
	case s.IDF != o.IDF:
		return fmt.Sprintf("scored against %s vs %s", s.IDF, o.IDF)
	case s.Phrases != o.Phrases:
		return fmt.Sprintf("--phrases %v vs %v", s.Phrases, o.Phrases)
	case s.Names != o.Names:
		return fmt.Sprintf("--names %s vs %s", s.Names, o.Names)
	}
	return ""
}

// BackgroundHeader is the first line of a background partial.
type BackgroundHeader struct {
	partial.Envelope
	Settings Settings `json:"settings"`
	Docs     int64    `json:"docs"`
	Units    int64    `json:"units"`
	MinDF    int64    `json:"min_df"`
}

// BackgroundRecord is one term line of a background partial.
type BackgroundRecord struct {
	Kind  string `json:"kind"`
	Term  string `json:"term"`
	Docs  int64  `json:"docs"`
	Count int64  `json:"count"`
	Set   int64  `json:"set,omitempty"` // see bgEntry
}

// WritePartial writes the background as a partial; h gives the envelope's
// Tool and Parts and the settings.
func (b *Background) WritePartial(w io.Writer, h BackgroundHeader) error {
	h.Format, h.Version, h.Kind = partial.Magic, partial.Version, KindBackground
	h.Docs, h.Units, h.MinDF, h.Records = b.docs, b.units, b.MinDF(), int64(b.Len())
	pw, err := partial.NewWriter(w, h)
	if err != nil {
		return err
	}
	var err2 error
	b.sortedEach(func(k string, e bgEntry) bool {
		err2 = pw.Write(BackgroundRecord{Kind: "term", Term: k, Docs: e.df, Count: e.count, Set: e.set})
		return err2 == nil
	})
	if err2 != nil {
		return err2
	}
	return pw.Close()
}

// ReadBackgroundBody reads the rest of a background partial whose header
// line pr has read (partial.Reader.Next).
func ReadBackgroundBody(pr *partial.Reader, headerLine []byte) (BackgroundHeader, *Background, error) {
	var h BackgroundHeader
	at := pr.Line
	if err := pr.Header(headerLine, &h); err != nil {
		return h, nil, err
	}
	if h.Docs < 0 || h.Units < 0 || h.Records < 0 || h.MinDF < 0 {
		return h, nil, fmt.Errorf("%s:%d: negative totals in the header", pr.Name, at)
	}
	if h.Settings.Version != PartialVersion {
		return h, nil, fmt.Errorf("%s:%d: a keyword background of version %d; this zhpolicy reads version %d: build it again", pr.Name, at, h.Settings.Version, PartialVersion)
	}
	b := &Background{docs: h.Docs, units: h.Units, minDF: h.MinDF, terms: newTermTable()}
	for {
		var r BackgroundRecord
		ok, err := pr.Record(&r)
		if err != nil {
			return h, nil, err
		}
		if !ok {
			break
		}
		switch {
		case r.Kind != "term":
			return h, nil, pr.Errorf("unexpected line of kind %q in a keyword background", r.Kind)
		case r.Term == "" || !utf8.ValidString(r.Term):
			return h, nil, pr.Errorf("empty or invalid term")
		case r.Docs < 1 || r.Docs > h.Docs || r.Count < r.Docs || r.Set < 0 || r.Set > r.Count:
			return h, nil, pr.Errorf("term %q: docs %d, count %d, set %d: want 1 ≤ docs ≤ %d, count ≥ docs and 0 ≤ set ≤ count", r.Term, r.Docs, r.Count, r.Set, h.Docs)
		}
		e := b.terms.ref(r.Term)
		if e.df != 0 { // (every term read has docs ≥ 1)
			return h, nil, pr.Errorf("term %q appears twice", r.Term)
		}
		*e = bgEntry{df: r.Docs, count: r.Count, set: r.Set}
	}
	return h, b, nil
}

// ReadBackgroundPartial reads a background partial; a stream of several
// (read with the same settings) is read as their merge.
func ReadBackgroundPartial(name string, r io.Reader) (BackgroundHeader, *Background, error) {
	h, b, found, err := partial.ReadStream(name, r, KindBackground,
		func(k string) string {
			return fmt.Sprintf("a partial of kind %q, not a keyword background (write one with keywords --save-background)", k)
		},
		ReadBackgroundBody, (*BackgroundHeader).Add)
	if err == nil && !found {
		err = fmt.Errorf("%s: empty, not a keyword background", name)
	}
	if err != nil {
		return h, nil, err
	}
	return h, b, nil
}

// Add merges the background b2 of a partial with header h2 into total,
// whose header is h.
func (h *BackgroundHeader) Add(h2 BackgroundHeader, total, b2 *Background) error {
	if d := h.Settings.Diff(h2.Settings); d != "" {
		return fmt.Errorf("built differently (%s): merge backgrounds built with the same flags", d)
	}
	return h.Join(h2.Envelope, func() error {
		if err := total.Merge(b2); err != nil {
			return err
		}
		h.Docs, h.Units, h.MinDF, h.Records = total.docs, total.units, total.MinDF(), int64(total.Len())
		return nil
	})
}

// CorpusHeader is the first line of a corpus ranking partial.
type CorpusHeader struct {
	partial.Envelope
	Settings Settings `json:"settings"`
	Docs     int64    `json:"docs"`
}

// CorpusRecord is one term line of a corpus ranking partial.
type CorpusRecord struct {
	Kind  string           `json:"kind"`
	Term  string           `json:"term"`
	Docs  int64            `json:"docs"`
	Count int64            `json:"count"`
	Score int64            `json:"score"`
	Forms map[string]int64 `json:"forms,omitempty"`
	// Names counts the documents that tagged the term as a name, by type.
	Names map[string]int64 `json:"names,omitempty"`
}

// WritePartial writes the corpus ranking as a partial.
func (c *Corpus) WritePartial(w io.Writer, h CorpusHeader) error {
	h.Format, h.Version, h.Kind = partial.Magic, partial.Version, KindCorpus
	h.Docs, h.Records = c.docs, int64(len(c.terms))
	pw, err := partial.NewWriter(w, h)
	if err != nil {
		return err
	}
	keys := slices.Sorted(maps.Keys(c.terms))
	for _, k := range keys {
		ct := c.terms[k]
		r := CorpusRecord{Kind: "keyword", Term: k, Docs: ct.docs, Count: ct.count, Score: ct.score, Forms: ct.forms}
		for i, n := range ct.names {
			if n > 0 {
				if r.Names == nil {
					r.Names = map[string]int64{}
				}
				r.Names[string(nameTypes[i])] = n
			}
		}
		if err := pw.Write(r); err != nil {
			return err
		}
	}
	return pw.Close()
}

// ReadCorpusBody reads the rest of a corpus ranking partial whose header
// line pr has read.
func ReadCorpusBody(pr *partial.Reader, headerLine []byte) (CorpusHeader, *Corpus, error) {
	var h CorpusHeader
	at := pr.Line
	if err := pr.Header(headerLine, &h); err != nil {
		return h, nil, err
	}
	if h.Docs < 0 || h.Records < 0 {
		return h, nil, fmt.Errorf("%s:%d: negative totals in the header", pr.Name, at)
	}
	if h.Settings.Version != PartialVersion {
		return h, nil, fmt.Errorf("%s:%d: a keyword ranking of version %d; this zhpolicy reads version %d: rank the documents again", pr.Name, at, h.Settings.Version, PartialVersion)
	}
	c := &Corpus{docs: h.Docs, terms: make(map[string]*corpusTerm, min(h.Records, 1<<20))}
	for {
		var r CorpusRecord
		ok, err := pr.Record(&r)
		if err != nil {
			return h, nil, err
		}
		if !ok {
			break
		}
		if err := c.addRecord(r); err != nil {
			return h, nil, pr.Errorf("%v", err)
		}
	}
	return h, c, nil
}

func (c *Corpus) addRecord(r CorpusRecord) error {
	switch {
	case r.Kind != "keyword":
		return fmt.Errorf("unexpected line of kind %q in a keyword ranking", r.Kind)
	case r.Term == "" || !utf8.ValidString(r.Term):
		return errors.New("empty or invalid term")
	case r.Docs < 1 || r.Docs > c.docs || r.Count < r.Docs || r.Score < 0:
		return fmt.Errorf("term %q: docs %d, count %d, score %d: want 1 ≤ docs ≤ %d, count ≥ docs, score ≥ 0", r.Term, r.Docs, r.Count, r.Score, c.docs)
	}
	if _, dup := c.terms[r.Term]; dup {
		return fmt.Errorf("term %q appears twice", r.Term)
	}
	ct := &corpusTerm{docs: r.Docs, count: r.Count, score: r.Score, forms: make(map[string]int64, len(r.Forms))}
	for f, n := range r.Forms {
		if f == "" || n < 1 || !utf8.ValidString(f) {
			return fmt.Errorf("term %q: invalid form %q (%d)", r.Term, f, n)
		}
		ct.forms[f] = n
	}
	for typ, n := range r.Names {
		i := slices.Index(nameTypes, entitiesType(typ))
		if i < 0 || n < 1 || n > r.Docs {
			return fmt.Errorf("term %q: invalid name count %s=%d", r.Term, typ, n)
		}
		ct.names[i] = n
	}
	c.terms[r.Term] = ct
	return nil
}

// Add merges the ranking c2 of a partial with header h2 into total, whose
// header is h.
func (h *CorpusHeader) Add(h2 CorpusHeader, total, c2 *Corpus) error {
	if d := h.Settings.Diff(h2.Settings); d != "" {
		return fmt.Errorf("ranked differently (%s): merge rankings made with the same flags", d)
	}
	return h.Join(h2.Envelope, func() error {
		if err := total.MergeChecked(c2); err != nil {
			return err
		}
		h.Docs, h.Records = total.docs, int64(len(total.terms))
		return nil
	})
}

// MergeChecked is Merge refusing (and leaving c as it was) a sum that would
// overflow 64 bits.
func (c *Corpus) MergeChecked(o *Corpus) error {
	docs := c.docs
	if partial.Add(&docs, o.docs) != nil {
		return partial.ErrOverflow
	}
	for k, ot := range o.terms {
		if ct := c.terms[k]; ct != nil {
			d, n, s := ct.docs, ct.count, ct.score
			if partial.Add(&d, ot.docs) != nil || partial.Add(&n, ot.count) != nil || partial.Add(&s, ot.score) != nil {
				return fmt.Errorf("term %q: %w", k, partial.ErrOverflow)
			}
		}
	}
	c.Merge(o)
	return nil
}
