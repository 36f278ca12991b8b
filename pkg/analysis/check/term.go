package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/script"
)

// TermKind is what the configuration says about a term.
type TermKind int

const (
	// TermForbidden: the term must not appear; Replace is the suggestion.
	TermForbidden TermKind = iota
	// TermOutdated: an old formulation; Replace is the current form.
	TermOutdated
	// TermRequired: the document must contain the term.
	TermRequired
)

func (k TermKind) String() string {
	switch k {
	case TermOutdated:
		return "outdated"
	case TermRequired:
		return "required"
	}
	return "forbidden"
}

// Term is one entry of the configuration's term lists.
type Term struct {
	Kind     TermKind
	Text     string   // the term (Simplified or Traditional; matched in either script)
	Replace  string   // suggestion (forbidden) or current form (outdated)
	Message  string   // optional explanation appended to the message
	Severity Severity // Off: the term rule's severity (outdated terms default to warning)
}

// TermSet is a compiled list of terms, safe for concurrent use.
type TermSet struct {
	terms    []Term
	keys     []string // folded Simplified form of each term
	runes    []int    // rune count of each key
	byFirst  map[rune][]int
	required []int
}

// NewTermSet compiles terms. A term must not be empty.
func NewTermSet(terms []Term) (*TermSet, error) {
	ts := &TermSet{terms: slices.Clone(terms), byFirst: make(map[rune][]int)}
	for i, t := range ts.terms {
		if strings.TrimSpace(t.Text) == "" {
			return nil, fmt.Errorf("empty %s term", t.Kind)
		}
		key := fold(t.Text)
		ts.keys = append(ts.keys, key)
		ts.runes = append(ts.runes, utf8.RuneCountInString(key))
		if t.Kind == TermRequired {
			ts.required = append(ts.required, i)
			continue
		}
		r, _ := utf8.DecodeRuneInString(key)
		ts.byFirst[r] = append(ts.byFirst[r], i)
	}
	for r, idx := range ts.byFirst {
		// Longest first, so that the longest term at a position wins.
		slices.SortStableFunc(idx, func(a, b int) int { return len(ts.keys[b]) - len(ts.keys[a]) })
		ts.byFirst[r] = idx
	}
	return ts, nil
}

// Len returns the number of terms.
func (ts *TermSet) Len() int {
	if ts == nil {
		return 0
	}
	return len(ts.terms)
}

// Terms returns the terms (a copy).
func (ts *TermSet) Terms() []Term {
	if ts == nil {
		return nil
	}
	return slices.Clone(ts.terms)
}

func fold(s string) string {
	if f, ok := script.FoldToSimplified(s); ok {
		return f
	}
	return s
}

func ruleTerm(v *view) []Finding {
	ts := v.set.Terms
	if ts.Len() == 0 {
		return nil
	}
	clean := v.clean.Text
	folded := fold(clean)
	if len(folded) != len(clean) && utf8.RuneCountInString(folded) != utf8.RuneCountInString(clean) {
		folded = clean
	}
	trad := v.det.TradOnly > v.det.SimpOnly
	found := make([]bool, len(ts.terms))
	var out []Finding
	ci := 0
	for fi := 0; fi < len(folded); {
		r, fs := utf8.DecodeRuneInString(folded[fi:])
		_, cs := utf8.DecodeRuneInString(clean[ci:])
		idx := ts.byFirst[r]
		matched := false
		for _, k := range idx {
			if !strings.HasPrefix(folded[fi:], ts.keys[k]) {
				continue
			}
			ce := ci
			for n := ts.runes[k]; n > 0 && ce < len(clean); n-- {
				_, sz := utf8.DecodeRuneInString(clean[ce:])
				ce += sz
			}
			os, oe := v.clean.Span(ci, ce)
			out = append(out, termFinding(v, ts.terms[k], os, oe, trad))
			found[k] = true
			// Go on after the match.
			for n := ts.runes[k]; n > 0 && fi < len(folded); n-- {
				_, sz := utf8.DecodeRuneInString(folded[fi:])
				fi += sz
			}
			ci = ce
			matched = true
			break
		}
		if !matched {
			fi += fs
			ci += cs
		}
	}
	for _, k := range ts.required {
		if strings.Contains(folded, ts.keys[k]) {
			if v.st != nil {
				v.st.found[k] = true
			}
			continue
		}
		if v.st == nil {
			out = append(out, requiredFinding(ts.terms[k]))
		}
	}
	return out
}

// requiredFinding reports a required term the document does not mention.
func requiredFinding(t Term) Finding {
	msg := fmt.Sprintf("required term %s not found; the document must mention it", quote(t.Text))
	if t.Message != "" {
		msg += " (" + t.Message + ")"
	}
	f := documentFinding(RuleTerm, msg)
	f.Severity = t.Severity
	return f
}

func termFinding(v *view, t Term, s, e int, trad bool) Finding {
	surface := v.doc.Text[s:e]
	replace := t.Replace
	if replace != "" && trad {
		replace = toTraditional(replace, v.set.Variant)
	}
	var msg string
	sev := t.Severity
	switch t.Kind {
	case TermOutdated:
		msg = fmt.Sprintf("outdated formulation %s", quote(surface))
		if replace != "" {
			msg += fmt.Sprintf("; the current form is %s", quote(replace))
		}
		if sev == Off {
			sev = min(v.set.Severity(RuleTerm), Warning)
		}
	default:
		msg = fmt.Sprintf("forbidden term %s", quote(surface))
		if replace != "" {
			msg += fmt.Sprintf("; write %s instead", quote(replace))
		}
	}
	if t.Message != "" {
		msg += " (" + t.Message + ")"
	}
	f := v.loc.finding(RuleTerm, s, e, msg)
	f.Suggestion = replace
	f.Severity = sev
	return f
}

// toTraditional converts a Simplified suggestion for a Traditional document.
func toTraditional(s, variant string) string {
	if script.Detect(s).SimpOnly == 0 {
		return s
	}
	c, err := script.NewConverter(variant)
	if err != nil {
		return s
	}
	return c.Convert(s)
}
