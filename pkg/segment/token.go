package segment

import (
	"fmt"
	"strings"
)

// Token is one word of a text. Start and End are byte offsets into the text
// given to Cut, so that text[Start:End] == Text always holds: tokens come
// out in the document's own script and case even though gse works on
// folded (Simplified, lower-case) text.
type Token struct {
	Text  string `json:"text"`
	Start int32  `json:"start"` // 32-bit: see MaxText
	End   int32  `json:"end"`
	POS   string `json:"pos,omitempty"`
}

// Mode selects how text is cut.
type Mode int

const (
	// Precise gives one best segmentation (gse's DAG cut, as jieba's default).
	Precise Mode = iota
	// Search additionally emits the dictionary words of two and three
	// characters inside each long word, before it (for indexing).
	Search
	// All emits every dictionary word found at every position.
	All
)

func (m Mode) String() string {
	switch m {
	case Search:
		return "search"
	case All:
		return "all"
	}
	return "precise"
}

// ParseMode reads a --mode value.
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(s) {
	case "precise", "":
		return Precise, nil
	case "search":
		return Search, nil
	case "all":
		return All, nil
	}
	return Precise, fmt.Errorf("unknown mode %q: use precise, search or all", s)
}

// DefaultHMM is whether HMM new-word detection is on unless asked otherwise;
// chosen by measurement on the SIGHAN 2005 test sets (bench/RESULTS.md).
const DefaultHMM = false

// Options controls one call of Cut.
type Options struct {
	Mode Mode
	// HMM lets gse's hidden Markov model join runs of single characters
	// that are not in the dictionary into new words.
	HMM bool
	// POS fills Token.POS from the dictionary (and simple rules for
	// numbers, Latin words and punctuation).
	POS bool
}
