package freq

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"

	dictkw "zhpolicy/dict/keywords"
	kw "zhpolicy/pkg/analysis/keywords"
	seg "zhpolicy/pkg/segment"
)

// Spec is what a user asks to count (the flags of freq and compare).
type Spec struct {
	Ngram     int
	Chars     bool
	MinLen    int
	Han       bool
	POS       []string
	Stopwords []string // "builtin" or files
	HMM       bool
	// Dicts is a digest of the user dictionaries (empty when none).
	Dicts string
	Clean bool
}

// Counting is a Spec resolved: the counting options, the settings a
// partial records, and how to segment.
type Counting struct {
	Opts     Options
	Settings Settings
	Cut      seg.Options
	// NeedsCut is false when characters are counted: no segmentation.
	NeedsCut bool
}

// Resolve reads the stopword lists and builds the counting options. Its
// errors name the list that could not be read.
func (s Spec) Resolve() (*Counting, error) {
	r := &Counting{
		Opts: Options{Chars: s.Chars, N: s.Ngram, MinLen: s.MinLen, HanOnly: s.Han},
		Settings: Settings{Unit: "word", N: s.Ngram, MinLen: s.MinLen, HanOnly: s.Han,
			HMM: s.HMM, Clean: s.Clean, Rules: RulesVersion},
		Cut:      seg.Options{Mode: seg.Precise, HMM: s.HMM, POS: len(s.POS) > 0},
		NeedsCut: !s.Chars,
	}
	if s.Chars {
		r.Settings.Unit = "char"
		r.Settings.HMM = false
	} else {
		r.Settings.Dicts = s.Dicts
	}
	if len(s.POS) > 0 {
		p, err := kw.NewPOSFilter(s.POS)
		if err != nil {
			return nil, err
		}
		r.Opts.POS = p
		r.Settings.POS = p.Tags()
	}
	if len(s.Stopwords) > 0 {
		set, digest, err := LoadStopwords(s.Stopwords)
		if err != nil {
			return nil, err
		}
		r.Opts.Stopwords = set
		r.Settings.Stopwords = digest
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
				var pe *os.PathError
				if errors.As(err, &pe) {
					err = pe.Err
				}
				return nil, "", fmt.Errorf("--stopwords %s: %w (give a file, one word a line, or builtin)", spec, err)
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

// UnitName is what a unit is called in titles: words, characters, n-grams.
func UnitName(s Settings) string {
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
