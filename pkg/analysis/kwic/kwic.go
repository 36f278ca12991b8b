// Package kwic finds a term in documents and gives each occurrence with its
// context (keyword in context, as quanteda's kwic and AntConc's
// concordance). Matching is done on the text folded to Simplified, so a
// term written in either script finds both; contexts are given as the
// document writes them.
package kwic

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
)

// Query is what to look for. Build it with NewQuery.
type Query struct {
	term  string // folded, ASCII lower-cased
	re    *regexp.Regexp
	words bool
}

// QueryOptions say how a term is matched.
type QueryOptions struct {
	// Regex takes the term as a regular expression (Go RE2 syntax),
	// matched against the text folded to Simplified.
	Regex bool
	// Words matches only whole words: a match must begin and end at token
	// boundaries (the Input must carry tokens).
	Words bool
}

// NewQuery prepares a term. A plain term is matched as it is, ASCII
// letters in any case; a Traditional term finds Simplified text and the
// other way round.
func NewQuery(term string, opts QueryOptions) (*Query, error) {
	if term == "" {
		return nil, errors.New("empty term")
	}
	if !utf8.ValidString(term) {
		return nil, errors.New("term is not valid UTF-8")
	}
	folded := term
	if f, ok := script.FoldToSimplified(term); ok && utf8.RuneCountInString(f) == utf8.RuneCountInString(term) {
		folded = f
	}
	q := &Query{words: opts.Words}
	if opts.Regex {
		re, err := regexp.Compile(folded)
		if err != nil {
			return nil, fmt.Errorf("invalid regular expression: %v", err)
		}
		q.re = re
		return q, nil
	}
	q.term = lowerASCII(folded)
	return q, nil
}

// Words says whether the query needs tokens.
func (q *Query) Words() bool { return q.words }

// Hit is one occurrence of the term.
type Hit struct {
	// Start and End are byte offsets of the match in Input.Text.
	Start, End int
	// Left, Match and Right are the context before the match, the match as
	// written, and the context after it, from Input.Text; line breaks and
	// runs of white space in the context are shown as one space.
	Left, Match, Right string
}

// Find returns every occurrence of q in the document, in text order, with
// window characters (runes) of context on each side. Matches do not
// overlap; a regular expression's empty matches are skipped.
func Find(in *analysis.Input, q *Query, window int) []Hit {
	var spans [][2]int // in Folded
	if q.re != nil {
		for _, m := range q.re.FindAllStringIndex(in.Folded, -1) {
			if m[1] > m[0] {
				spans = append(spans, [2]int{m[0], m[1]})
			}
		}
	} else {
		hay := lowerASCII(in.Folded)
		for i := 0; i <= len(hay)-len(q.term); {
			j := strings.Index(hay[i:], q.term)
			if j < 0 {
				break
			}
			spans = append(spans, [2]int{i + j, i + j + len(q.term)})
			i += j + len(q.term)
		}
	}
	if len(spans) == 0 {
		return nil
	}
	var starts, ends map[int]bool
	if q.words {
		starts, ends = make(map[int]bool, len(in.Tokens)), make(map[int]bool, len(in.Tokens))
		for _, t := range in.Tokens {
			starts[int(t.Start)], ends[int(t.End)] = true, true
		}
	}
	hits := make([]Hit, 0, len(spans))
	for _, sp := range spans {
		s, e := in.TextSpan(sp[0], sp[1])
		if q.words && (!starts[s] || !ends[e]) {
			continue
		}
		hits = append(hits, Hit{
			Start: s, End: e,
			Left:  flatten(lastRunes(in.Text[:s], window)),
			Match: flatten(in.Text[s:e]),
			Right: flatten(firstRunes(in.Text[e:], window)),
		})
	}
	return hits
}

// lowerASCII lower-cases ASCII letters only, keeping byte offsets.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// flatten shows runs of white space (line breaks, tabs, ideographic
// spaces) as one ASCII space, so that a hit is one line.
func flatten(s string) string {
	if !strings.ContainsAny(s, "\n\r\t\u3000\v\f") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\n', '\r', '\t', '\u3000', '\v', '\f':
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
