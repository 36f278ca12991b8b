// Package instruments codes policy documents by policy instrument: each
// coding unit (sentence, clause or headed section) gets the categories and
// subcategories of a coding frame whose terms or patterns it contains, with
// the evidence and its byte offsets. The built-in frame is Rothwell and
// Zegveld's (supply / environment / demand, 15 subcategories) as Chinese
// policy-instrument studies use it; users write their own frames in the
// same YAML form. Coded documents add up into mergeable Counts (crosstabs
// and shares by document, year or any two dimensions), and Agree measures
// agreement with a human coder (Cohen's κ and a confusion table).
//
// Matching runs on the document folded to Simplified, ASCII lower-cased,
// with a table of terms by first character (no regular expressions); a
// match inside a book title 《…》 is not evidence (《…规划》 cites a plan, it
// does not make one), and a match inside a longer match is dropped.
package instruments

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	instrumentsdict "zhpolicy/dict/instruments"
	"zhpolicy/pkg/script"
)

// Frame is a coding frame: categories, each with subcategories, each with
// the terms and patterns that are evidence for it.
type Frame struct {
	Name    string `yaml:"name" json:"name"`
	Label   string `yaml:"label" json:"label,omitempty"`
	Version int    `yaml:"version" json:"version,omitempty"`
	// MaxGap is the most characters a pattern allows between two of its
	// pieces (default 12).
	MaxGap int `yaml:"max_gap" json:"max_gap,omitempty"`
	// KeepTitles counts matches inside 《…》 too (default: they are not
	// evidence).
	KeepTitles bool `yaml:"keep_titles" json:"keep_titles,omitempty"`
	// Exclude lists strings whose matches hide every term they overlap,
	// whatever the subcategory.
	Exclude []string `yaml:"exclude" json:"exclude,omitempty"`
	// SkipUnits mark boilerplate units that are never coded: a unit that
	// starts with a rule's first piece and contains its other pieces in
	// order (any distance apart) is left uncoded (为…制定本方案,
	// （牵头单位…).
	SkipUnits  []string   `yaml:"skip_units" json:"skip_units,omitempty"`
	Categories []Category `yaml:"categories" json:"categories"`

	digest string
}

// Category is a top-level class of instruments (供给型).
type Category struct {
	ID            string        `yaml:"id" json:"id"`
	Label         string        `yaml:"label" json:"label,omitempty"`
	Subcategories []Subcategory `yaml:"subcategories" json:"subcategories"`
}

// Subcategory is one instrument (资金投入) with its evidence.
type Subcategory struct {
	ID    string `yaml:"id" json:"id"`
	Label string `yaml:"label" json:"label,omitempty"`
	// Terms are literal strings; a match counts 1.
	Terms []string `yaml:"terms" json:"terms,omitempty"`
	// Strong terms count 2: the unmistakable signs of the instrument.
	Strong []string `yaml:"strong" json:"strong,omitempty"`
	// Patterns are pieces in order with at most MaxGap characters between
	// them, written with … or * between pieces (给予…补助); a match counts 2.
	Patterns []string `yaml:"patterns" json:"patterns,omitempty"`
	// Exclude: matches of these strings hide this subcategory's terms
	// they overlap (人才 in 人才市场监管 if 人才市场 is excluded).
	Exclude []string `yaml:"exclude" json:"exclude,omitempty"`
}

// Digest identifies the frame's content: two codings with the same digest
// used the same frame (recorded in partials so that merges can refuse
// mixed frames).
func (f *Frame) Digest() string { return f.digest }

// Builtin returns the built-in Rothwell–Zegveld frame
// (dict/instruments/rothwell_zegveld.yaml).
func Builtin() (*Frame, error) {
	return ParseFrame([]byte(instrumentsdict.RothwellZegveld), "rothwell_zegveld.yaml")
}

// BuiltinYAML is the text of the built-in frame, to start a frame of one's
// own from.
func BuiltinYAML() string { return instrumentsdict.RothwellZegveld }

// ParseFrame reads a frame from YAML; name is used in error messages.
func ParseFrame(data []byte, name string) (*Frame, error) {
	var f Frame
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty coding frame", name)
		}
		return nil, fmt.Errorf("%s: %v", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if err := f.validate(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	sum := sha256.Sum256(data)
	f.digest = hex.EncodeToString(sum[:8])
	return &f, nil
}

func (f *Frame) validate() error {
	if strings.TrimSpace(f.Name) == "" {
		return errors.New("the frame has no name (add `name: my-frame`)")
	}
	if f.MaxGap < 0 || f.MaxGap > 200 {
		return fmt.Errorf("max_gap %d out of range 0–200", f.MaxGap)
	}
	if f.MaxGap == 0 {
		f.MaxGap = 12
	}
	if len(f.Categories) == 0 {
		return errors.New("the frame has no categories")
	}
	seen := map[string]string{}
	for ci := range f.Categories {
		c := &f.Categories[ci]
		if err := checkID(c.ID, "category"); err != nil {
			return err
		}
		if w, ok := seen[c.ID]; ok {
			return fmt.Errorf("id %q used twice (%s and category)", c.ID, w)
		}
		seen[c.ID] = "category"
		if len(c.Subcategories) == 0 {
			return fmt.Errorf("category %q has no subcategories", c.ID)
		}
		for si := range c.Subcategories {
			s := &c.Subcategories[si]
			if err := checkID(s.ID, "subcategory"); err != nil {
				return fmt.Errorf("category %q: %v", c.ID, err)
			}
			if w, ok := seen[s.ID]; ok {
				return fmt.Errorf("id %q used twice (%s and subcategory of %q)", s.ID, w, c.ID)
			}
			seen[s.ID] = "subcategory of " + c.ID
			if len(s.Terms)+len(s.Strong)+len(s.Patterns) == 0 {
				return fmt.Errorf("subcategory %q has no terms, strong terms or patterns", s.ID)
			}
			for _, list := range [][]string{s.Terms, s.Strong, s.Exclude} {
				for _, t := range list {
					if strings.TrimSpace(t) == "" {
						return fmt.Errorf("subcategory %q: an empty term", s.ID)
					}
					if strings.ContainsAny(t, "…*") {
						return fmt.Errorf("subcategory %q: term %q has … or *: put it under patterns", s.ID, t)
					}
				}
			}
			for _, p := range s.Patterns {
				if pieces := patternPieces(p); len(pieces) < 2 {
					return fmt.Errorf("subcategory %q: pattern %q needs two pieces or more, with … or * between them", s.ID, p)
				}
			}
		}
	}
	for _, t := range f.Exclude {
		if strings.TrimSpace(t) == "" {
			return errors.New("an empty string under exclude")
		}
	}
	for _, t := range f.SkipUnits {
		if len(patternPieces(t)) == 0 {
			return errors.New("an empty rule under skip_units")
		}
	}
	return nil
}

func checkID(id, what string) error {
	if id == "" {
		return fmt.Errorf("a %s without id", what)
	}
	if id == "none" {
		return fmt.Errorf("%s id %q is reserved for uncoded units", what, id)
	}
	for _, r := range id {
		if r == ',' || r == '\t' || r == '\n' || r == '"' || r == ' ' {
			return fmt.Errorf("%s id %q: no spaces, commas, tabs or quotes", what, id)
		}
	}
	return nil
}

// patternPieces cuts a pattern at … and * (runs of them are one cut).
func patternPieces(p string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(p, func(r rune) bool { return r == '…' || r == '*' }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// matchKey is how a term is compared with a text: folded to Simplified,
// ASCII lower-cased (the byte length never changes).
func matchKey(s string) string {
	s = strings.TrimSpace(s)
	if f, ok := script.FoldIfTraditional(s); ok && utf8.RuneCountInString(f) == utf8.RuneCountInString(s) {
		s = f
	}
	return lowerASCII(s)
}

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

// Subcategories lists the frame's subcategories in frame order with their
// category.
func (f *Frame) Subcategories() []Ref {
	var out []Ref
	for _, c := range f.Categories {
		for _, s := range c.Subcategories {
			out = append(out, Ref{Category: c.ID, Subcategory: s.ID, CategoryLabel: c.Label, Label: s.Label})
		}
	}
	return out
}

// Ref names a subcategory and its category.
type Ref struct {
	Category, Subcategory string
	CategoryLabel, Label  string
}
