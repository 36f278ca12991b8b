package main

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"zhpolicy/dict"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// carriers are the sentences every policy term is put in; %s is the term.
// They give the term neighbours on the left, on the right, on both sides
// and none, in the phrasing of government documents.
var carriers = []string{
	"%s",
	"关于%s的实施意见",
	"要深入推进%s，",
	"全面落实%s各项要求。",
	"坚持和完善%s",
	"《%s》提出",
}

func policyTerms(t *testing.T) []segment.Entry {
	t.Helper()
	es, err := segment.ParseDict("dict/policy.txt", strings.NewReader(dict.Policy))
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// TestPolicyDictionaryFormat checks dict/policy.txt: every line is
// `word freq pos` with a frequency and a tag, and no word is listed twice.
func TestPolicyDictionaryFormat(t *testing.T) {
	seen := map[string]int{}
	n := 0
	for i, line := range strings.Split(dict.Policy, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n++
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Errorf("dict/policy.txt:%d: want `word freq pos`, got %q", i+1, line)
			continue
		}
		if prev, dup := seen[f[0]]; dup {
			t.Errorf("dict/policy.txt:%d: %s already on line %d", i+1, f[0], prev)
		}
		seen[f[0]] = i + 1
		if utf8.RuneCountInString(f[0]) < 2 {
			t.Errorf("dict/policy.txt:%d: %q: single characters do not belong here", i+1, f[0])
		}
	}
	if n < 500 {
		t.Errorf("dict/policy.txt has %d terms; want at least 500", n)
	}
}

// TestPolicyTermsWhole checks that the default segmenter keeps every term
// of the policy dictionary as one token in every carrier sentence, with and
// without HMM, in Simplified and (folded) in Traditional script.
func TestPolicyTermsWhole(t *testing.T) {
	terms := policyTerms(t)
	plain, err := segment.New(segment.Config{})
	if err != nil {
		t.Fatal(err)
	}
	folding, err := segment.New(segment.Config{Fold: script.FoldToSimplified})
	if err != nil {
		t.Fatal(err)
	}
	toTrad, err := newConverter("s2t")
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, e := range terms {
		var bad []string
		for _, c := range carriers {
			for _, trad := range []bool{false, true} {
				text, term, s := fmt.Sprintf(c, e.Word), e.Word, plain
				if trad {
					if text, err = toTrad(text); err != nil {
						t.Fatal(err)
					}
					if term, err = toTrad(term); err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(text, term) {
						continue // the conversion of the term depends on its neighbours
					}
					s = folding
				}
				start := strings.Index(text, term)
				for _, hmm := range []bool{false, true} {
					toks, err := s.Cut(text, segment.Options{HMM: hmm})
					if err != nil {
						t.Fatal(err)
					}
					if !hasToken(toks, start, start+len(term)) {
						bad = append(bad, fmt.Sprintf("%s (hmm=%v): %s", text, hmm, joinTokens(toks)))
					}
				}
			}
		}
		if len(bad) > 0 {
			failed++
			t.Errorf("%s (freq %g) is split:\n\t%s", e.Word, e.Freq, strings.Join(bad, "\n\t"))
		}
	}
	t.Logf("%d terms, %d split in some carrier", len(terms), failed)
}

func hasToken(toks []segment.Token, start, end int) bool {
	for _, tk := range toks {
		if int(tk.Start) == start && int(tk.End) == end {
			return true
		}
	}
	return false
}

func joinTokens(toks []segment.Token) string {
	parts := make([]string, len(toks))
	for i, tk := range toks {
		parts[i] = tk.Text
	}
	return strings.Join(parts, " | ")
}
