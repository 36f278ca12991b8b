package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/freq"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/cmd/analyze"
	"zhpolicy/pkg/cmd/freq/shared"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/idf"
	"zhpolicy/pkg/script"
	seg "zhpolicy/pkg/segment"
)

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

// collected is everything the page is built from.
type collected struct {
	corpus *overview.Summary
	// a and b are the sides of --compare (nil without it).
	a, b         *overview.Summary
	aName, bName string

	docs     []docInfo
	keywords []kw.CorpusKeyword
	idf      string

	skipped   []problem // inputs that could not be read
	warnings  []problem // decoding warnings
	noChinese []string  // documents without Chinese text
	cleaning  map[string]*cleanCount

	track []trackTerm
	// traditional and simplified count the documents of each script: the
	// page's own words follow the majority under --script auto.
	traditional, simplified int
}

// trackTerm is a --track term: as given, and its Simplified key.
type trackTerm struct {
	Text, Key string
}

// docResult is what a worker hands back for one document.
type docResult struct {
	path     string // cleaned absolute path, for membership
	doc      *corpus.Doc
	summary  *overview.Summary
	terms    *kw.Terms
	changes  map[string]int64
	tracked  map[string]int64
	warnings []string
}

// reportAnalyzers are the analyzers of a report: those of analyze, but
// keywords, whose IDF may come from the corpus, are run apart.
func reportAnalyzers() (overview.Analyzers, error) {
	an, err := analyze.Analyzers()
	if err != nil {
		return an, err
	}
	an.Keywords = nil
	return an, nil
}

// lineRecorder passes what is written to w and keeps the lines, to list in
// the report the inputs that could not be read.
type lineRecorder struct {
	mu    sync.Mutex
	w     io.Writer
	buf   []byte
	lines []string
}

func (r *lineRecorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.buf = append(r.buf, p...)
	for {
		i := bytes.IndexByte(r.buf, '\n')
		if i < 0 {
			break
		}
		r.lines = append(r.lines, string(r.buf[:i]))
		r.buf = r.buf[i+1:]
	}
	return r.w.Write(p)
}

func (r *lineRecorder) taken() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.lines...)
}

// pathKey identifies a file whatever way it was named.
func pathKey(p string) string {
	if isStdinPath(p) {
		return "-"
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// group is a set of paths expanded to files.
type group struct {
	files []string
	keys  map[string]bool
}

func expandGroup(ds *cmdutil.DocSource, paths []string, errOut io.Writer, res *collected) (group, int, error) {
	g := group{keys: map[string]bool{}}
	srcs, skipped, err := ds.Sources(paths)
	if err != nil {
		return g, 0, err
	}
	for _, e := range skipped {
		fmt.Fprintf(errOut, "zhpolicy: %v\n", e)
		res.skipped = append(res.skipped, problem{Message: e.Error()})
	}
	for _, s := range srcs {
		g.files = append(g.files, s.Path)
		g.keys[pathKey(s.Path)] = true
	}
	return g, len(skipped), nil
}

// collect reads and analyses every document of the corpus and of the two
// sides of --compare, each once.
func collect(ctx context.Context, f *cmdutil.Factory, opts *Options) (*collected, error) {
	an, err := reportAnalyzers()
	if err != nil {
		return nil, err
	}
	res := &collected{corpus: overview.New(an), cleaning: map[string]*cleanCount{}, idf: opts.IDF}
	comparing := opts.CompareA != ""
	if comparing {
		res.a, res.b = overview.New(an), overview.New(an)
		res.aName, res.bName = opts.CompareA, opts.CompareB
	}
	for _, t := range opts.Track {
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
	years, err := newYearFinder(opts.DateFromName)
	if err != nil {
		return nil, cmdutil.FlagErrorf("invalid --date-from-name: %v", err)
	}

	// Read through a DocSource whose error stream is recorded, so that the
	// inputs that could not be read are listed in the report too.
	rec := &lineRecorder{w: opts.IO.ErrOut}
	ios := *opts.IO
	ios.ErrOut = rec
	rf := cmdutil.New(&ios, f.Version)
	rf.Global = opts.Global
	ds := cmdutil.NewDocSource(rf)

	corpusPaths := opts.Paths
	if len(corpusPaths) == 0 && comparing {
		corpusPaths = []string{opts.CompareA, opts.CompareB}
	}
	nSkipped := 0
	gc, n, err := expandGroup(ds, corpusPaths, opts.IO.ErrOut, res)
	if err != nil {
		return nil, err
	}
	nSkipped += n
	var ga, gb group
	if comparing {
		if ga, n, err = expandGroup(ds, []string{opts.CompareA}, opts.IO.ErrOut, res); err != nil {
			return nil, err
		}
		nSkipped += n
		if gb, n, err = expandGroup(ds, []string{opts.CompareB}, opts.IO.ErrOut, res); err != nil {
			return nil, err
		}
		nSkipped += n
	}
	// every file once, in the order given
	var files []string
	seen := map[string]bool{}
	for _, g := range []group{gc, ga, gb} {
		for _, p := range g.files {
			if k := pathKey(p); !seen[k] {
				seen[k] = true
				files = append(files, p)
			}
		}
	}
	if len(files) == 0 {
		if nSkipped > 0 {
			return res, &cmdutil.PartialError{Skipped: nSkipped}
		}
		return res, errors.New("no document found in the paths given")
	}

	if err := cmdutil.LoadUserDicts(f, opts.Dicts); err != nil {
		return nil, err
	}
	shared.HintSize(f, ds, files)
	sg, err := opts.Segmenter()
	if err != nil {
		return nil, err
	}
	kwOpts := kw.Options{Method: kw.TFIDF}
	cut := seg.Options{Mode: seg.Precise, HMM: opts.HMM, POS: true}
	progress := shared.NewProgress(opts.IO, opts.Global, ds, "report", files, false)

	work := func(ctx context.Context, d *corpus.Doc) (docResult, error) {
		toks, err := sg.Cut(d.Text, cut)
		if err != nil {
			return docResult{}, fmt.Errorf("%s: %w", d.Name, err)
		}
		in := analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
		r := docResult{path: pathKey(d.Name), doc: d}
		r.summary = overview.Analyze(in, overview.Doc{Encoding: d.Encoding, Format: d.Format, Size: d.Size, Script: d.Script.Kind.String()}, an)
		if gc.keys[r.path] {
			r.terms = kw.Collect(in, kwOpts)
			r.changes = map[string]int64{}
			for _, c := range d.Changes() {
				r.changes[string(c.Kind)]++
			}
			r.tracked = trackedCounts(r.summary.Words, res.track)
		}
		for _, w := range d.Warnings {
			r.warnings = append(r.warnings, w.Message)
		}
		return r, nil
	}
	var terms []*kw.Terms
	done := map[string]bool{}
	runErr := cmdutil.EachDoc(ctx, ds, files, work, func(r docResult) error {
		progress.Step()
		if done[r.path] {
			return nil
		}
		done[r.path] = true
		if ga.keys[r.path] {
			res.a.Merge(r.summary)
		}
		if gb.keys[r.path] {
			res.b.Merge(r.summary)
		}
		if !gc.keys[r.path] {
			return nil
		}
		res.add(r, years)
		terms = append(terms, r.terms)
		return nil
	})
	progress.Done()
	var partial *cmdutil.PartialError
	if runErr != nil && !errors.As(runErr, &partial) {
		return res, runErr
	}
	for _, l := range rec.taken() {
		msg, ok := strings.CutPrefix(l, "zhpolicy: ")
		if !ok || strings.HasPrefix(msg, "warning: ") {
			continue // warnings are taken from the documents themselves
		}
		res.skipped = append(res.skipped, problem{Message: msg})
	}
	if nSkipped > 0 {
		if partial == nil {
			partial = &cmdutil.PartialError{}
		}
		partial.Skipped += nSkipped
	}
	if err := res.rankKeywords(terms, kwOpts, opts.IDF); err != nil {
		return res, err
	}
	if partial != nil {
		return res, partial
	}
	return res, nil
}

// trackedCounts counts the --track terms among a document's words.
func trackedCounts(words *freq.Counts, track []trackTerm) map[string]int64 {
	if words == nil || len(track) == 0 {
		return nil
	}
	m := map[string]int64{}
	for _, t := range track {
		if n := words.Get(t.Key).Count; n > 0 {
			m[t.Key] = n
		}
	}
	return m
}

// add keeps a document of the corpus.
func (res *collected) add(r docResult, years *yearFinder) {
	s := r.summary
	res.corpus.Merge(s)
	d := docInfo{Name: r.doc.Name, Year: years.find(r.doc.Name), Script: r.doc.Script.Kind.String(),
		Encoding: r.doc.Encoding, Format: r.doc.Format, Size: r.doc.Size,
		Chars: s.Chars, Han: s.Han, Words: s.Tokens, Forms: map[string]int64{}, Tracked: r.tracked}
	for _, it := range s.Formulations.Items() {
		d.Forms[it.Key] += it.Count
	}
	res.docs = append(res.docs, d)
	switch r.doc.Script.Kind {
	case script.Traditional:
		res.traditional++
	case script.Simplified:
		res.simplified++
	}
	for _, w := range r.warnings {
		res.warnings = append(res.warnings, problem{Doc: r.doc.Name, Message: w})
	}
	if r.terms != nil && !r.terms.Chinese && !r.terms.Empty {
		res.noChinese = append(res.noChinese, r.doc.Name)
	}
	for k, n := range r.changes {
		c := res.cleaning[k]
		if c == nil {
			c = &cleanCount{}
			res.cleaning[k] = c
		}
		c.Docs++
		c.Changes += n
	}
}

// rankKeywords scores the keywords of every document (in input order, so
// that sums are the same on every run) and ranks them over the corpus, as
// `zhpolicy keywords --corpus` does.
func (res *collected) rankKeywords(terms []*kw.Terms, o kw.Options, idfMode string) error {
	prior, err := idf.Default()
	if err != nil {
		return err
	}
	o.IDF = prior
	if idfMode == "corpus" {
		df := kw.NewDocFreq()
		for _, t := range terms {
			df.Add(t)
		}
		o.IDF = df.IDF(prior)
	}
	c := kw.NewCorpus()
	for _, t := range terms {
		c.Add(t, t.Score(o, 0))
	}
	res.keywords = c.Ranking(0)
	return nil
}
