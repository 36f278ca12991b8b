package reportpage

import (
	"strings"

	"zhpolicy/pkg/analysis/freq"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/idf"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/structure"
)

// Options are what the page shows and how.
type Options struct {
	Title   string
	Paths   []string // the paths given (for the title)
	Script  string   // auto, s, t, tw, hk
	Version string
	Top     int
	Cloud   int
	// CompareA and CompareB are the two sides of --compare ("" without it).
	CompareA, CompareB string
	TimelineTop        int
}

// New returns an empty collection for a report whose sections count with
// an; with compare, the two sides of --compare are counted too.
func New(an overview.Analyzers, idfMode string, track []string, compareA, compareB string) *Collected {
	res := &Collected{corpus: overview.New(an), cleaning: map[string]*cleanCount{}, idf: idfMode}
	if compareA != "" {
		res.a, res.b = overview.New(an), overview.New(an)
		res.aName, res.bName = compareA, compareB
	}
	for _, t := range track {
		for _, p := range strings.Split(t, ",") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			key := p
			if k, ok := script.FoldToSimplified(p); ok {
				key = k
			}
			key = strings.ToLower(key)
			dup := false
			for _, o := range res.track {
				dup = dup || o.Key == key
			}
			if !dup {
				res.track = append(res.track, trackTerm{Text: p, Key: key})
			}
		}
	}
	return res
}

// Docs is the number of documents of the corpus.
func (res *Collected) Docs() int64 { return res.corpus.Docs }

// Track are the keys of the --track terms.
func (res *Collected) Track() []string {
	var out []string
	for _, t := range res.track {
		out = append(out, t.Key)
	}
	return out
}

// AddSides adds a document's summary to the --compare sides it is in.
func (res *Collected) AddSides(s *overview.Summary, inA, inB bool) {
	if inA {
		res.a.Merge(s)
	}
	if inB {
		res.b.Merge(s)
	}
}

// Skipped lists an input that could not be read.
func (res *Collected) Skipped(msg string) {
	res.skipped = append(res.skipped, problem{Message: msg})
}

// docInfo is what the report keeps of one document of the corpus: its
// description and the few counts the timeline needs (not its text, nor
// its word counts, so that a large corpus costs little memory).
type docInfo struct {
	Name     string
	Year     int // 0: none found in the name
	Script   string
	Encoding string
	Format   string
	Size     int64
	Chars    int64
	Han      int64
	Words    int64
	// Forms counts the formulations, by key.
	Forms map[string]int64
	// Tracked counts the --track terms as words (for those no rule finds as
	// a formulation), by key.
	Tracked map[string]int64
}

// problem is something met while reading.
type problem struct {
	Doc     string
	Message string
}

// cleanCount is what cleaning changed, of one kind.
type cleanCount struct {
	Docs, Changes int64
}

// Collected is everything the page is built from.
type Collected struct {
	corpus *overview.Summary
	// a and b are the sides of --compare (nil without it).
	a, b         *overview.Summary
	aName, bName string

	docs     []docInfo
	keywords []kw.CorpusKeyword
	idf      string

	skipped   []problem   // inputs that could not be read
	terms     []*kw.Terms // each document's keyword candidates, in order
	warnings  []problem   // decoding warnings
	noChinese []string    // documents without Chinese text
	cleaning  map[string]*cleanCount

	track []trackTerm
	// structure counts the documents' GB/T 9704 elements; metas keeps each
	// document's metadata (structure.go)
	structure *structure.Summary
	metas     []docMeta
	// traditional and simplified count the documents of each script: the
	// page's own words follow the majority under --script auto.
	traditional, simplified int
}

// trackTerm is a --track term: as given, and its Simplified key.
type trackTerm struct {
	Text, Key string
}

// DocResult is what the report keeps of one document of the corpus, as a
// worker hands it back.
type DocResult struct {
	Doc      *corpus.Doc
	Summary  *overview.Summary
	Terms    *kw.Terms
	Changes  map[string]int64
	Tracked  map[string]int64
	Warnings []string
	// Structure and Meta are the document's GB/T 9704 structure and its
	// metadata (nil when not read).
	Structure *structure.Document
	Meta      structure.Meta
}

// TrackedCounts counts the --track terms among a document's words.
func TrackedCounts(words *freq.Counts, track []string) map[string]int64 {
	if words == nil || len(track) == 0 {
		return nil
	}
	m := map[string]int64{}
	for _, key := range track {
		if n := words.Get(key).Count; n > 0 {
			m[key] = n
		}
	}
	return m
}

// Add keeps a document of the corpus.
func (res *Collected) Add(r DocResult, years *timeseries.NameFinder) {
	s := r.Summary
	res.corpus.Merge(s)
	d := docInfo{Name: r.Doc.Name, Year: years.Year(r.Doc.Name), Script: r.Doc.Script.Kind.String(),
		Encoding: r.Doc.Encoding, Format: r.Doc.Format, Size: r.Doc.Size,
		Chars: s.Chars, Han: s.Han, Words: s.Tokens, Forms: map[string]int64{}, Tracked: r.Tracked}
	for _, it := range s.Formulations.Items() {
		d.Forms[it.Key] += it.Count
	}
	res.docs = append(res.docs, d)
	if r.Structure != nil {
		res.addStructure(r.Doc.Name, r.Structure, r.Meta)
	}
	switch r.Doc.Script.Kind {
	case script.Traditional:
		res.traditional++
	case script.Simplified:
		res.simplified++
	}
	for _, w := range r.Warnings {
		res.warnings = append(res.warnings, problem{Doc: r.Doc.Name, Message: w})
	}
	if r.Terms != nil && !r.Terms.Chinese && !r.Terms.Empty {
		res.noChinese = append(res.noChinese, r.Doc.Name)
	}
	res.terms = append(res.terms, r.Terms)
	for k, n := range r.Changes {
		c := res.cleaning[k]
		if c == nil {
			c = &cleanCount{}
			res.cleaning[k] = c
		}
		c.Docs++
		c.Changes += n
	}
}

// RankKeywords scores the keywords of every document (in input order, so
// that sums are the same on every run) and ranks them over the corpus, as
// `zhpolicy keywords --corpus` does with the same options. o.IDF is the
// built-in policy background's; background "corpus" weighs terms by the
// documents given instead, "none" by the general table alone.
func (res *Collected) RankKeywords(o kw.Options, background string) error {
	terms := res.terms
	if background != "builtin" {
		general, err := idf.Default()
		if err != nil {
			return err
		}
		o.IDF = general
		if background == "corpus" {
			df := kw.NewBackground()
			for _, t := range terms {
				df.Add(t)
			}
			o.IDF = df.IDF(general)
		}
	}
	c := kw.NewCorpus()
	which := kw.All
	for _, t := range terms {
		if o.Names == kw.NamesApart {
			// the names are the entities section's
			c.Add(t, t.Score(o, 0), t.Names(o, 0))
			which = kw.KeywordsOnly
		} else {
			c.Add(t, t.Score(o, 0))
		}
	}
	res.keywords = c.Ranking(0, which)
	return nil
}
