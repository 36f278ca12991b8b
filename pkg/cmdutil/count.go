package cmdutil

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/freq"
	kw "zhpolicy/pkg/analysis/keywords"
)

// CountFlags are the flags that say what freq and compare count.
type CountFlags struct {
	Ngram     int
	Chars     bool
	MinLen    int
	Han       bool
	POS       []string
	Stopwords []string // "builtin" or files
	Seg       SegFlags
}

// AddCountFlags registers the counting flags on cmd, with the defaults of
// --min-len and --han given.
func AddCountFlags(cmd *cobra.Command, c *CountFlags, minLen int, han bool) {
	fl := cmd.Flags()
	fl.IntVarP(&c.Ngram, "ngram", "n", 1, "count sequences of N adjacent words (or characters with --chars)")
	fl.BoolVar(&c.Chars, "chars", false, "count characters (letters and digits) instead of words")
	fl.IntVar(&c.MinLen, "min-len", minLen, "leave out words shorter than this, in characters")
	fl.BoolVar(&c.Han, "han", han, "count only words with a Chinese character: no numbers (5.2%, 1958年, nor 一九五八年, 两个), no Latin words")
	fl.StringSliceVar(&c.POS, "pos", nil, "count only words of these parts of speech (gse tags, comma-separated; n* for n, nr, ns …)")
	fl.StringArrayVar(&c.Stopwords, "stopwords", nil, "leave out stopwords: `builtin` (the policy-text list of zhpolicy keywords) or a file, one word a line (repeatable)")
	AddSegFlags(cmd, &c.Seg, false)
}

// Validate checks the flag values (usage errors).
func (c *CountFlags) Validate() error {
	if c.Ngram < 1 || c.Ngram > 8 {
		return FlagErrorf("invalid --ngram %d: use 1 to 8", c.Ngram)
	}
	if c.MinLen < 1 {
		return FlagErrorf("invalid --min-len %d: must be at least 1", c.MinLen)
	}
	if c.Chars && len(c.POS) > 0 {
		return FlagErrorf("--pos cannot be used with --chars: characters have no part of speech")
	}
	if c.Chars && c.MinLen > 1 {
		return FlagErrorf("--min-len cannot be used with --chars")
	}
	if len(c.POS) > 0 {
		if _, err := kw.NewPOSFilter(c.POS); err != nil {
			return FlagErrorf("invalid --pos: %v", err)
		}
	}
	return nil
}

// Spec is what the flags ask to count; clean is whether the text is
// cleaned.
func (c *CountFlags) Spec(clean bool) (freq.Spec, error) {
	s := freq.Spec{Ngram: c.Ngram, Chars: c.Chars, MinLen: c.MinLen, Han: c.Han, POS: c.POS,
		Stopwords: c.Stopwords, HMM: c.Seg.HMM, Clean: clean}
	d, err := c.Seg.Digest()
	s.Dicts = d
	return s, err
}

// Digest is a digest of the --dict files' contents (empty when none), so
// that partials counted with other dictionaries are not merged.
func (s *SegFlags) Digest() (string, error) {
	if len(s.Dicts) == 0 {
		return "", nil
	}
	h := sha256.New()
	for _, p := range s.Dicts {
		b, err := os.ReadFile(p)
		if err != nil {
			return "", fmt.Errorf("--dict %s: %w", p, PathErr(err))
		}
		fmt.Fprintf(h, "%d\n", len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}
