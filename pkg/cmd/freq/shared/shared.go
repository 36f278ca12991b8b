// Package shared holds what the corpus-statistics commands (freq, kwic,
// compare, analyze, merge) share: the counting flags, the display of terms
// in the script asked for, progress on a terminal, and reading partial
// files.
package shared

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	dictkw "zhpolicy/dict/keywords"
	"zhpolicy/pkg/analysis/freq"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
	seg "zhpolicy/pkg/segment"
)

// CountFlags are the flags that say what freq and compare count.
type CountFlags struct {
	Ngram     int
	Chars     bool
	MinLen    int
	Han       bool
	POS       []string
	Stopwords []string // "builtin" or files
	HMM       bool
	Dicts     []string
}

// Add registers the counting flags on cmd, with the defaults of --min-len
// and --han given.
func (c *CountFlags) Add(cmd *cobra.Command, minLen int, han bool) {
	fl := cmd.Flags()
	fl.IntVarP(&c.Ngram, "ngram", "n", 1, "count sequences of N adjacent words (or characters with --chars)")
	fl.BoolVar(&c.Chars, "chars", false, "count characters (letters and digits) instead of words")
	fl.IntVar(&c.MinLen, "min-len", minLen, "leave out words shorter than this, in characters")
	fl.BoolVar(&c.Han, "han", han, "count only words with a Chinese character (no numbers, no Latin words)")
	fl.StringSliceVar(&c.POS, "pos", nil, "count only words of these parts of speech (gse tags, comma-separated; n* for n, nr, ns …)")
	fl.StringArrayVar(&c.Stopwords, "stopwords", nil, "leave out stopwords: `builtin` (the policy-text list of `zhpolicy keywords`) or a file, one word a line (repeatable)")
	fl.BoolVar(&c.HMM, "hmm", seg.DefaultHMM, "segment with gse's HMM new-word detection")
	fl.StringArrayVar(&c.Dicts, "dict", nil, "user dictionary, one `word [freq] [pos]` a line (repeatable)")
}

// Validate checks the flag values (usage errors).
func (c *CountFlags) Validate() error {
	if c.Ngram < 1 || c.Ngram > 8 {
		return cmdutil.FlagErrorf("invalid --ngram %d: use 1 to 8", c.Ngram)
	}
	if c.MinLen < 1 {
		return cmdutil.FlagErrorf("invalid --min-len %d: must be at least 1", c.MinLen)
	}
	if c.Chars && len(c.POS) > 0 {
		return cmdutil.FlagErrorf("--pos cannot be used with --chars: characters have no part of speech")
	}
	if c.Chars && c.MinLen > 1 {
		return cmdutil.FlagErrorf("--min-len cannot be used with --chars")
	}
	if len(c.POS) > 0 {
		if _, err := kw.NewPOSFilter(c.POS); err != nil {
			return cmdutil.FlagErrorf("invalid --pos: %v", err)
		}
	}
	return nil
}

// Counting is what the flags resolve to.
type Counting struct {
	Opts     freq.Options
	Settings freq.Settings
	Cut      seg.Options
	// NeedsCut is false when characters are counted: no segmentation.
	NeedsCut bool
}

// Resolve reads the stopword files and builds the counting options.
func (c *CountFlags) Resolve(clean bool) (*Counting, error) {
	r := &Counting{
		Opts: freq.Options{Chars: c.Chars, N: c.Ngram, MinLen: c.MinLen, HanOnly: c.Han},
		Settings: freq.Settings{Unit: "word", N: c.Ngram, MinLen: c.MinLen, HanOnly: c.Han,
			HMM: c.HMM, Clean: clean},
		Cut:      seg.Options{Mode: seg.Precise, HMM: c.HMM, POS: len(c.POS) > 0},
		NeedsCut: !c.Chars,
	}
	if c.Chars {
		r.Settings.Unit = "char"
		r.Settings.HMM = false
	}
	if len(c.POS) > 0 {
		p, err := kw.NewPOSFilter(c.POS)
		if err != nil {
			return nil, cmdutil.FlagErrorf("invalid --pos: %v", err)
		}
		r.Opts.POS = p
		r.Settings.POS = p.Tags()
	}
	if len(c.Stopwords) > 0 {
		set, digest, err := LoadStopwords(c.Stopwords)
		if err != nil {
			return nil, err
		}
		r.Opts.Stopwords = set
		r.Settings.Stopwords = digest
	}
	if len(c.Dicts) > 0 && !c.Chars {
		h := sha256.New()
		for _, p := range c.Dicts {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("--dict %s: %w", p, unwrapPathError(err))
			}
			fmt.Fprintf(h, "%d\n", len(b))
			h.Write(b)
		}
		r.Settings.Dicts = hex.EncodeToString(h.Sum(nil))[:16]
	}
	return r, nil
}

// LoadStopwords reads stopword lists ("builtin" or files) into one set, and
// a digest of their contents (for partial headers).
func LoadStopwords(specs []string) (*kw.Stopwords, string, error) {
	set := kw.NewStopwords()
	h := sha256.New()
	seen := map[string]bool{}
	for _, spec := range specs {
		if seen[spec] {
			continue
		}
		seen[spec] = true
		var data []byte
		name := spec
		if spec == "builtin" {
			data, name = []byte(dictkw.Stopwords), "dict/keywords/stopwords.txt (built in)"
		} else {
			b, err := os.ReadFile(spec)
			if err != nil {
				return nil, "", fmt.Errorf("--stopwords %s: %w (give a file, one word a line, or builtin)", spec, unwrapPathError(err))
			}
			data = b
		}
		s, err := kw.ParseStopwords(name, bytes.NewReader(data))
		if err != nil {
			return nil, "", err
		}
		set = set.Union(s)
		fmt.Fprintf(h, "%d\n", len(data))
		h.Write(data)
	}
	return set, hex.EncodeToString(h.Sum(nil))[:16], nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// UnitName is what a unit is called in titles: words, characters, n-grams.
func UnitName(s freq.Settings) string {
	switch {
	case s.Unit == "char" && s.N > 1:
		return fmt.Sprintf("character %d-grams", s.N)
	case s.Unit == "char":
		return "characters"
	case s.N > 1:
		return fmt.Sprintf("word %d-grams", s.N)
	}
	return "words"
}

// Progress shows on stderr, when it is a terminal, how many documents are
// done: one line, rewritten at most ten times a second, erased at the end.
type Progress struct {
	w     io.Writer
	verb  string
	total int
	done  int
	start time.Time
	last  time.Time
	shown bool
}

// NewProgress returns a progress line for a run over paths, or nil (which
// does nothing) when stderr is not a terminal or --quiet is set, or when
// the command's output goes to the same terminal as it is produced.
func NewProgress(ios *iostreams.IOStreams, g *cmdutil.GlobalOptions, ds *cmdutil.DocSource, verb string, paths []string, streamsToTTY bool) *Progress {
	if !ios.IsStderrTTY() || g.Quiet || streamsToTTY && ios.IsStdoutTTY() {
		return nil
	}
	total := 0
	if srcs, _, err := ds.Sources(paths); err == nil {
		total = len(srcs)
	}
	if total < 2 {
		return nil
	}
	now := time.Now()
	return &Progress{w: ios.ErrOut, verb: verb, total: total, start: now}
}

// Step counts one more document.
func (p *Progress) Step() {
	if p == nil {
		return
	}
	p.done++
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond && p.done < p.total {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\r\x1b[Kzhpolicy %s: %d/%d documents (%.0f%%), %s", p.verb, p.done, p.total,
		100*float64(p.done)/float64(p.total), now.Sub(p.start).Round(time.Second))
}

// Done erases the progress line.
func (p *Progress) Done() {
	if p == nil || !p.shown {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
}

// OpenPartial opens a partial file for reading: "-" is standard input, and
// a .gz file is decompressed.
func OpenPartial(path string, stdin io.Reader) (io.ReadCloser, error) {
	var rc io.ReadCloser
	if path == "-" {
		rc = io.NopCloser(stdin)
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
		}
		rc = f
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(rc)
		if err != nil {
			rc.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return readCloser{zr, rc}, nil
	}
	return rc, nil
}

type readCloser struct {
	io.Reader
	under io.Closer
}

func (r readCloser) Close() error { return r.under.Close() }

// IsPartialPath says whether a path names a partial file rather than a
// document or a directory: a regular file ending in .jsonl or .jsonl.gz.
func IsPartialPath(path string) bool {
	if !slices.ContainsFunc([]string{".jsonl", ".jsonl.gz", ".ndjson"}, func(s string) bool { return strings.HasSuffix(path, s) }) {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// ReadFreqPartial reads a freq partial file.
func ReadFreqPartial(path string, stdin io.Reader) (freq.Header, *freq.Counts, error) {
	rc, err := OpenPartial(path, stdin)
	if err != nil {
		return freq.Header{}, nil, err
	}
	defer rc.Close()
	return freq.ReadPartial(path, rc)
}

// HintSize tells the segmenter, before it is first built, how many bytes
// the run will cut: from 4 MB on (segment.FullThreshold) it loads its full
// dictionary at once instead of first cutting with per-text subsets, which
// with several workers costs more than the load (measured in
// bench/RESULTS.md, "Corpus statistics").
func HintSize(f *cmdutil.Factory, ds *cmdutil.DocSource, paths ...[]string) {
	var total int64
	for _, p := range paths {
		srcs, _, err := ds.Sources(p)
		if err != nil {
			return
		}
		for _, s := range srcs {
			if s.Size > 0 {
				total += s.Size
			}
		}
	}
	if total > f.SegmenterConfig.SizeHint {
		f.SegmenterConfig.SizeHint = total
	}
}
