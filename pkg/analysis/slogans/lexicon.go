package slogans

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	slogansdict "zhpolicy/dict/slogans"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
)

// Entry is one known formulation of a lexicon.
type Entry struct {
	// Text is the canonical form. Parallel series list their members
	// separated by 、.
	Text string `yaml:"text"`
	// Kind is numbered, plan, parallel or lexicon (a formulation of no
	// particular shape: 高质量发展, 放管服). Empty means: guess from the text.
	Kind Kind `yaml:"kind"`
	// Aliases are other ways of writing it that count as the same
	// formulation (乡村全面振兴 for 乡村振兴).
	Aliases []string `yaml:"aliases"`
	Gloss   string   `yaml:"gloss"`
}

// maxEntryRunes bounds the length of a lexicon text or alias.
const maxEntryRunes = 60

// Lexicon is a set of known formulations, looked up by their Simplified key
// or any alias. A Lexicon is read-only once built and safe for concurrent
// use.
type Lexicon struct {
	entries map[string]*Entry // canonical key → entry (Text holds the key)
	alias   map[string]string // key of the text or an alias → canonical key

	once sync.Once // builds idx on first use
	idx  *lexIndex
}

// NewLexicon builds a lexicon from sets of entries; an entry of a later set
// replaces an entry of an earlier one with the same key.
func NewLexicon(sets ...[]Entry) *Lexicon {
	l := &Lexicon{entries: make(map[string]*Entry), alias: make(map[string]string)}
	for _, set := range sets {
		for _, e := range set {
			l.add(e)
		}
	}
	return l
}

func (l *Lexicon) add(e Entry) {
	key := formKey(e.Text)
	if key == "" {
		return
	}
	kind := e.Kind
	if kind == "" {
		kind = guessKind(key)
	}
	var members []string
	if kind == Parallel {
		members = splitMembers(key)
		key = strings.Join(members, "、")
	}
	ne := &Entry{Text: key, Kind: kind, Gloss: strings.TrimSpace(e.Gloss)}
	forms := append([]string{e.Text}, e.Aliases...)
	for _, f := range forms {
		k := formKey(f)
		if k == "" {
			continue
		}
		if kind == Parallel {
			ms := splitMembers(k)
			if len(ms) < 2 {
				ne.Aliases = append(ne.Aliases, k) // a written-together alias: 共商共建共享
				continue
			}
			ne.Aliases = append(ne.Aliases, strings.Join(ms, "、"), strings.Join(ms, "，"))
		} else {
			ne.Aliases = append(ne.Aliases, k)
		}
	}
	if old, ok := l.entries[key]; ok {
		for _, a := range old.Aliases {
			if l.alias[a] == key {
				delete(l.alias, a)
			}
		}
	}
	l.entries[key] = ne
	for _, a := range ne.Aliases {
		l.alias[a] = key
	}
}

// Lookup finds the entry of a key or alias (Simplified).
func (l *Lexicon) Lookup(key string) (*Entry, bool) {
	if l == nil {
		return nil, false
	}
	k, ok := l.alias[key]
	if !ok {
		return nil, false
	}
	e := l.entries[k]
	return e, true
}

// Len is the number of formulations.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.entries)
}

// Entries returns the entries sorted by text (canonical keys).
func (l *Lexicon) Entries() []Entry {
	if l == nil {
		return nil
	}
	out := make([]Entry, 0, len(l.entries))
	for _, e := range l.entries {
		out = append(out, *e)
	}
	sortEntries(out)
	return out
}

// formKey folds a lexicon form to the key it is counted under: Simplified,
// quotation marks and spaces removed, ASCII lower-cased, full-width plus
// as +.
func formKey(s string) string {
	s = strings.TrimSpace(s)
	if k := script.Detect(s).Kind; k == script.Traditional || k == script.Mixed {
		if f, ok := script.FoldToSimplified(s); ok {
			s = f
		}
	}
	return textKey(s)
}

// textKey is formKey for text that is already Simplified (the document's
// folded text): quotation marks and spaces removed, ASCII lower-cased.
func textKey(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case isQuoteMark(c), c == ' ', c == '\t', c == '\u3000', c == '\n', c == '\r':
			continue // a line break inside a formulation is a wrapped line
		case c == '＋':
			c = '+'
		case c == '，' || c == ',':
			c = '，'
		}
		b.WriteRune(c)
	}
	return analysis.Key(b.String())
}

// splitMembers splits a series at 、 and ，.
func splitMembers(s string) []string {
	f := strings.FieldsFunc(s, func(c rune) bool { return isDun(c) || isComma(c) })
	out := f[:0]
	for _, m := range f {
		if m = strings.TrimSpace(m); m != "" {
			out = append(out, m)
		}
	}
	return out
}

// guessKind gives the kind of a user formulation written without one.
func guessKind(key string) Kind {
	if _, ok := planKey([]rune(key)); ok {
		return Plan
	}
	if len(splitMembers(key)) >= 2 {
		return Parallel
	}
	if numberedShape([]rune(key)) {
		return Numbered
	}
	return Lex
}

func parseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "numbered":
		return Numbered, nil
	case "plan":
		return Plan, nil
	case "parallel":
		return Parallel, nil
	case "lexicon", "term", "quoted":
		return Lex, nil
	}
	return "", fmt.Errorf("unknown kind %q: use numbered, plan, parallel or lexicon", s)
}

// ParseLexicon reads a lexicon file. YAML files (.yaml, .yml, or text
// starting with "- ") hold a list of {text, kind, aliases, gloss}; any
// other file has one formulation a line: text, then optionally a tab and the
// kind, a tab and aliases separated by ; or |, a tab and a gloss. Lines
// starting with # are comments. Errors name the file and the line.
func ParseLexicon(name string, r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8 text", name)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".yaml" || ext == ".yml" || bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("- ")) {
		return parseYAML(name, data)
	}
	return parseLines(name, data)
}

func parseYAML(name string, data []byte) ([]Entry, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %v", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	list := root.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: expected a list of formulations ({text, kind, aliases, gloss})", name, list.Line)
	}
	out := make([]Entry, 0, len(list.Content))
	for _, n := range list.Content {
		var raw struct {
			Text    string   `yaml:"text"`
			Kind    string   `yaml:"kind"`
			Aliases []string `yaml:"aliases"`
			Gloss   string   `yaml:"gloss"`
		}
		if n.Kind == yaml.ScalarNode {
			raw.Text = n.Value
		} else if err := n.Decode(&raw); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n.Line, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		e, err := checkEntry(raw.Text, raw.Kind, raw.Aliases, raw.Gloss)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n.Line, err)
		}
		out = append(out, e)
	}
	return out, nil
}

func parseLines(name string, data []byte) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if t := strings.TrimSpace(s); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		var kind, gloss string
		var aliases []string
		if len(f) > 1 {
			kind = f[1]
		}
		if len(f) > 2 && strings.TrimSpace(f[2]) != "" {
			aliases = strings.FieldsFunc(f[2], func(c rune) bool { return c == ';' || c == '|' || c == '；' })
		}
		if len(f) > 3 {
			gloss = strings.Join(f[3:], " ")
		}
		e, err := checkEntry(f[0], kind, aliases, gloss)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", name, line+1, err)
	}
	return out, nil
}

func checkEntry(text, kind string, aliases []string, gloss string) (Entry, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return Entry{}, fmt.Errorf("empty formulation text")
	}
	k, err := parseKind(kind)
	if err != nil {
		return Entry{}, err
	}
	for _, f := range append([]string{text}, aliases...) {
		if n := utf8.RuneCountInString(f); n > maxEntryRunes {
			return Entry{}, fmt.Errorf("%q is %d characters long: formulations are at most %d", f, n, maxEntryRunes)
		}
		if strings.ContainsAny(f, "\n\r") {
			return Entry{}, fmt.Errorf("%q spans lines", f)
		}
	}
	if k == Parallel && len(splitMembers(formKey(text))) < 2 {
		return Entry{}, fmt.Errorf("parallel formulation %q needs two or more members separated by 、", text)
	}
	if k == Plan {
		if _, ok := planKey([]rune(formKey(text))); !ok {
			return Entry{}, fmt.Errorf("plan %q is not a five-year plan period such as 十四五", text)
		}
	}
	return Entry{Text: text, Kind: k, Aliases: aliases, Gloss: strings.TrimSpace(gloss)}, nil
}

// Builtin returns the built-in lexicon (dict/slogans/lexicon.yaml), parsed
// once.
func Builtin() (*Lexicon, error) { return builtin() }

var builtin = sync.OnceValues(func() (*Lexicon, error) {
	entries, err := BuiltinEntries()
	if err != nil {
		return nil, err
	}
	return NewLexicon(entries), nil
})

// BuiltinEntries parses the built-in lexicon: the standard phrases derived
// from the national documents (dict/slogans/national.tsv) first, then the
// hand-written file (dict/slogans/lexicon.yaml), whose entries replace a
// derived one of the same key.
func BuiltinEntries() ([]Entry, error) {
	nat, err := ParseLexicon("dict/slogans/national.tsv", strings.NewReader(slogansdict.National))
	if err != nil {
		return nil, err
	}
	hand, err := ParseLexicon("dict/slogans/lexicon.yaml", strings.NewReader(slogansdict.Lexicon))
	if err != nil {
		return nil, err
	}
	return append(nat, hand...), nil
}

func sortEntries(es []Entry) {
	slices.SortFunc(es, func(a, b Entry) int { return strings.Compare(a.Text, b.Text) })
}
