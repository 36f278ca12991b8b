package keywords

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"zhpolicy/dict/keywords"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
)

// Stopwords is a set of words never ranked as keywords, keyed by their
// Simplified form. The zero value is an empty set; it is read-only once
// built, and safe for concurrent use.
type Stopwords struct {
	m map[string]struct{}
}

// Has says whether key (a Simplified key, as analysis.Input.Keys holds) is
// a stopword.
func (s *Stopwords) Has(key string) bool {
	if s == nil {
		return false
	}
	_, ok := s.m[key]
	return ok
}

// Len is the number of words in the set.
func (s *Stopwords) Len() int {
	if s == nil {
		return 0
	}
	return len(s.m)
}

// Union returns a new set with the words of s and of every other set.
func (s *Stopwords) Union(others ...*Stopwords) *Stopwords {
	n := s.Len()
	for _, o := range others {
		n += o.Len()
	}
	out := &Stopwords{m: make(map[string]struct{}, n)}
	for _, set := range append([]*Stopwords{s}, others...) {
		if set == nil {
			continue
		}
		for k := range set.m {
			out.m[k] = struct{}{}
		}
	}
	return out
}

// NewStopwords returns a set of the given words, folded to Simplified
// keys.
func NewStopwords(words ...string) *Stopwords {
	s := &Stopwords{m: make(map[string]struct{}, len(words))}
	for _, w := range words {
		s.add(w)
	}
	return s
}

// ParseStopwords reads a stopword list: one word a line, in either script;
// blank lines and lines starting with # are skipped. A line holding more
// than one word, or text that is not UTF-8, is an error naming the line.
func ParseStopwords(name string, r io.Reader) (*Stopwords, error) {
	s := &Stopwords{m: make(map[string]struct{})}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		w := strings.TrimSpace(sc.Text())
		if line == 1 {
			w = strings.TrimPrefix(w, "\uFEFF")
		}
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		if !utf8.ValidString(w) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", name, line)
		}
		if strings.IndexFunc(w, unicode.IsSpace) >= 0 {
			return nil, fmt.Errorf("%s:%d: want one word a line, got %q", name, line, w)
		}
		s.add(w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return s, nil
}

// add adds a word of either script under the keys documents count it
// under: its own, and its folded form (a Traditional word's Simplified
// form; folding can also change a Simplified word, 显著 → 显着, as it
// does in a Traditional document).
func (s *Stopwords) add(w string) {
	s.m[analysis.Key(w)] = struct{}{}
	if f, ok := script.FoldToSimplified(w); ok && f != w {
		s.m[analysis.Key(f)] = struct{}{}
	}
}

var builtinStopwords = sync.OnceValue(func() *Stopwords {
	s, err := ParseStopwords("dict/keywords/stopwords.txt", strings.NewReader(keywords.Stopwords))
	if err != nil {
		// The list is built in and checked by the tests; an error here is a
		// build defect, reported as an empty list rather than a crash.
		return &Stopwords{m: map[string]struct{}{}}
	}
	return s
})

// BuiltinStopwords returns the built-in list for policy text: function
// words, and the verbs, adverbs and nouns every report uses (要, 进一步,
// 坚持, 加强, 工作, 方面 …). See dict/keywords/stopwords.txt.
func BuiltinStopwords() *Stopwords { return builtinStopwords() }
