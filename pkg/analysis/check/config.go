package check

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"zhpolicy/pkg/input"
)

// Expected scripts (Settings.Script).
const (
	ScriptAuto        = "auto"
	ScriptSimplified  = "simplified"
	ScriptTraditional = "traditional"
)

// Byte-order-mark policies (Settings.BOM).
const (
	BOMAllow   = "allow"
	BOMForbid  = "forbid"
	BOMRequire = "require"
)

// ConfigFileNames are the names looked for upward from the current directory.
var configFileNames = [...]string{".zhpolicy.yaml", ".zhpolicy.yml"}

// ConfigFileNames returns the file names FindConfig looks for.
func ConfigFileNames() []string { return slices.Clone(configFileNames[:]) }

// Settings are the rule settings that apply to one file.
type Settings struct {
	severity   map[string]Severity // by rule ID
	Script     string              // ScriptAuto, ScriptSimplified or ScriptTraditional
	Variant    string              // conversion to Traditional: "s2t", "s2tw" or "s2hk"
	ScriptFix  bool                // --fix converts stray characters
	Encodings  []string            // allowed encodings (canonical names; "utf-8" covers a BOM, see BOM)
	BOM        string
	WidthPunct bool
	WidthAlnum bool
	Pairs      []Pair
	MaxSize    int64
	Terms      *TermSet
	// DuplicateMinChars: shorter normalised texts take no part in the
	// duplicate rule.
	DuplicateMinChars int

	terms []Term // before compiling
}

// DefaultSettings returns the settings used without a configuration file.
func DefaultSettings() *Settings {
	s := &Settings{
		Script:            ScriptAuto,
		Variant:           "s2t",
		Encodings:         []string{input.EncUTF8},
		BOM:               BOMAllow,
		WidthPunct:        true,
		WidthAlnum:        true,
		Pairs:             DefaultPairs(),
		MaxSize:           1 << 20,
		DuplicateMinChars: 50,
	}
	s.severity = make(map[string]Severity, len(registry))
	for _, r := range registry {
		s.severity[r.ID] = r.Default
	}
	return s
}

// Severity returns the severity of a rule (Off when disabled or unknown).
func (s *Settings) Severity(rule string) Severity { return s.severity[rule] }

// SetSeverity sets the severity of a rule; unknown rules are ignored.
func (s *Settings) SetSeverity(rule string, sev Severity) {
	if ruleIndex(rule) < 0 {
		return
	}
	if s.severity == nil {
		s.severity = map[string]Severity{}
	}
	s.severity[rule] = sev
}

func (s *Settings) clone() *Settings {
	c := *s
	c.severity = maps.Clone(s.severity)
	c.Encodings = slices.Clone(s.Encodings)
	c.Pairs = slices.Clone(s.Pairs)
	c.terms = slices.Clone(s.terms)
	return &c
}

func (s *Settings) encodingAllowed(enc string) bool {
	return slices.Contains(s.Encodings, enc)
}

// Config is a parsed configuration file.
type Config struct {
	Path   string   // the file read ("" for the built-in defaults)
	Dir    string   // globs are relative to it (absolute)
	FailOn Severity // Off: not set in the file
	// FailOnNone: the file says fail-on: none.
	FailOnNone bool
	Include    []string
	Exclude    []string
	// DuplicateSimilarity is the Jaccard similarity from which two
	// documents are near-duplicates.
	DuplicateSimilarity float64

	base      *Settings
	overrides []override
	only      []string

	mu    sync.Mutex
	cache map[string]*Settings
}

type override struct {
	files []string
	apply []func(*Settings)
}

// DefaultConfig is the configuration used when there is no file: every
// rule at its default severity. dir is where globs would be relative to.
func DefaultConfig(dir string) *Config {
	return &Config{Dir: dir, DuplicateSimilarity: 0.9, base: DefaultSettings()}
}

// ConfigError is a problem in a configuration file, with its position.
type ConfigError struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// ParseConfig parses a configuration. name is shown in errors, dir is the
// directory its globs are relative to. Unknown keys and bad values are
// errors naming the line.
func ParseConfig(name, dir string, data []byte) (*Config, error) {
	cfg := DefaultConfig(dir)
	cfg.Path = name
	p := &cfgParser{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, p.yamlError(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return cfg, nil // empty file: the defaults
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cfg, nil
	}
	if err := p.top(cfg, root); err != nil {
		return nil, err
	}
	if err := cfg.base.compile(); err != nil {
		return nil, &ConfigError{File: name, Msg: err.Error()}
	}
	return cfg, nil
}

// Only restricts the run to the given rules (the others are switched off).
// Unknown rule IDs are an error.
func (c *Config) Only(ids []string) error {
	for _, id := range ids {
		if ruleIndex(id) < 0 {
			return fmt.Errorf("unknown rule %q: the rules are %s", id, strings.Join(RuleIDs(), ", "))
		}
	}
	c.mu.Lock()
	c.only = slices.Clone(ids)
	c.cache = nil
	c.mu.Unlock()
	return nil
}

// Base returns the settings outside every override.
func (c *Config) Base() *Settings { return c.finish(c.base.clone()) }

func (c *Config) finish(s *Settings) *Settings {
	if len(c.only) > 0 {
		for _, r := range registry {
			if !slices.Contains(c.only, r.ID) {
				s.SetSeverity(r.ID, Off)
			}
		}
	}
	return s
}

// Rel returns path relative to the configuration's directory,
// slash-separated, as globs see it.
func (c *Config) Rel(p string) string {
	if c.Dir == "" {
		return filepath.ToSlash(filepath.Clean(p))
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(p))
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(p))
	}
	return filepath.ToSlash(rel)
}

// Selected reports whether a file is checked: it matches include (when
// set) and no exclude pattern.
func (c *Config) Selected(p string) bool {
	rel := c.Rel(p)
	if len(c.Include) > 0 && !matchAny(c.Include, rel) {
		return false
	}
	return !matchAny(c.Exclude, rel)
}

// For returns the settings for a file: the base settings with every
// matching override applied in order. The result is shared: do not modify it.
func (c *Config) For(p string) *Settings {
	rel := c.Rel(p)
	var key []byte
	for i, o := range c.overrides {
		if matchAny(o.files, rel) {
			key = strconv.AppendInt(key, int64(i), 10)
			key = append(key, ',')
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.cache[string(key)]; ok {
		return s
	}
	s := c.base.clone()
	for _, o := range c.overrides {
		if matchAny(o.files, rel) {
			for _, f := range o.apply {
				f(s)
			}
		}
	}
	if err := s.compile(); err != nil {
		s.Terms = nil // cannot happen: the terms were compiled when parsing
	}
	s = c.finish(s)
	if c.cache == nil {
		c.cache = make(map[string]*Settings)
	}
	c.cache[string(key)] = s
	return s
}

func (s *Settings) compile() error {
	if len(s.terms) == 0 {
		s.Terms = nil
		return nil
	}
	ts, err := NewTermSet(s.terms)
	if err != nil {
		return err
	}
	s.Terms = ts
	return nil
}

// --- parsing ---

type cfgParser struct{ file string }

func (p *cfgParser) errAt(n *yaml.Node, format string, args ...any) error {
	return &ConfigError{File: p.file, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// yamlError turns a YAML syntax error ("yaml: line 3: …") into a ConfigError.
func (p *cfgParser) yamlError(err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if strings.HasPrefix(msg, "line ") {
		rest := msg[len("line "):]
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	return &ConfigError{File: p.file, Line: line, Column: 1, Msg: "invalid YAML: " + msg}
}

// mapping checks that n is a mapping with only the known keys and calls fn
// for each key in order.
func (p *cfgParser) mapping(n *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node) error) error {
	n = resolveAlias(n)
	if n.Kind != yaml.MappingNode {
		return p.errAt(n, "%s must be a mapping of keys to values", where)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolveAlias(n.Content[i+1])
		if k.Value == "<<" {
			return p.errAt(k, "merge keys (<<) are not supported in %s", where)
		}
		if !slices.Contains(known, k.Value) {
			hint := ""
			if s := closest(k.Value, known); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			return p.errAt(k, "unknown key %q in %s%s; known keys: %s", k.Value, where, hint, strings.Join(known, ", "))
		}
		if seen[k.Value] {
			return p.errAt(k, "key %q given twice in %s", k.Value, where)
		}
		seen[k.Value] = true
		if err := fn(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// closest returns the known key nearest to s (edit distance at most 2).
func closest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(s, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func (p *cfgParser) scalar(n *yaml.Node, where string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", p.errAt(n, "%s must be a single value", where)
	}
	return n.Value, nil
}

func (p *cfgParser) boolean(n *yaml.Node, where string) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true", "yes", "on":
			return true, nil
		case "false", "no", "off":
			return false, nil
		}
	}
	return false, p.errAt(n, "invalid value %q for %s: use true or false", n.Value, where)
}

func (p *cfgParser) strings(n *yaml.Node, where string) ([]string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}, nil
	}
	if n.Kind == yaml.ScalarNode {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errAt(n, "%s must be a list", where)
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		c = resolveAlias(c)
		if c.Kind != yaml.ScalarNode {
			return nil, p.errAt(c, "the items of %s must be single values", where)
		}
		out = append(out, c.Value)
	}
	return out, nil
}

func (p *cfgParser) globs(n *yaml.Node, where string) ([]string, error) {
	pats, err := p.strings(n, where)
	if err != nil {
		return nil, err
	}
	for i, pat := range pats {
		if err := checkGlob(pat); err != nil {
			at := n
			if n.Kind == yaml.SequenceNode {
				at = n.Content[i]
			}
			return nil, p.errAt(at, "%s: %v", where, err)
		}
	}
	return pats, nil
}

func (p *cfgParser) severity(n *yaml.Node, where string) (Severity, error) {
	if n.Kind == yaml.ScalarNode {
		if sev, err := ParseSeverity(n.Value); err == nil {
			return sev, nil
		}
	}
	return Off, p.errAt(n, "invalid severity %q for %s: use error, warning, info or off", n.Value, where)
}

func parseScript(v string) (string, bool) {
	switch strings.ToLower(v) {
	case "auto", "":
		return ScriptAuto, true
	case "simplified", "s", "hans", "zh-hans", "zh-cn":
		return ScriptSimplified, true
	case "traditional", "t", "hant", "zh-hant", "zh-tw", "zh-hk":
		return ScriptTraditional, true
	}
	return "", false
}

func (p *cfgParser) top(cfg *Config, root *yaml.Node) error {
	known := []string{"version", "script", "fail-on", "include", "exclude", "rules", "terms", "overrides"}
	var setters []func(*Settings)
	err := p.mapping(root, "the configuration", known, func(key string, k, v *yaml.Node) error {
		switch key {
		case "version":
			if v.Kind != yaml.ScalarNode || v.Value != "1" {
				return p.errAt(v, "unsupported version %q: this zhpolicy reads version 1", v.Value)
			}
		case "fail-on":
			if v.Kind == yaml.ScalarNode && (v.Value == "none" || v.Value == "never") {
				cfg.FailOnNone = true
				return nil
			}
			sev, err := p.severity(v, "fail-on")
			if err != nil || sev == Off {
				return p.errAt(v, "invalid fail-on %q: use error, warning, info or none", v.Value)
			}
			cfg.FailOn = sev
		case "include":
			pats, err := p.globs(v, "include")
			if err != nil {
				return err
			}
			cfg.Include = pats
		case "exclude":
			pats, err := p.globs(v, "exclude")
			if err != nil {
				return err
			}
			cfg.Exclude = pats
		case "script", "rules", "terms":
			fs, err := p.settings(key, v, "", cfg)
			if err != nil {
				return err
			}
			setters = append(setters, fs...)
		case "overrides":
			return p.overrides(cfg, v)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range setters {
		f(cfg.base)
	}
	return nil
}

// settings parses one of the keys that overrides may also carry (script,
// rules, terms) into functions that apply it. within is "" at the top
// level, or "overrides[i]".
func (p *cfgParser) settings(key string, v *yaml.Node, within string, cfg *Config) ([]func(*Settings), error) {
	where := key
	if within != "" {
		where = within + "." + key
	}
	switch key {
	case "script":
		val, err := p.scalar(v, where)
		if err != nil {
			return nil, err
		}
		sc, ok := parseScript(val)
		if !ok {
			return nil, p.errAt(v, "invalid script %q: use simplified, traditional or auto", val)
		}
		return []func(*Settings){func(s *Settings) { s.Script = sc }}, nil
	case "rules":
		return p.rules(v, where, within != "", cfg)
	case "terms":
		terms, err := p.terms(v, where)
		if err != nil {
			return nil, err
		}
		return []func(*Settings){func(s *Settings) { s.terms = append(s.terms, terms...) }}, nil
	}
	return nil, nil
}

func (p *cfgParser) rules(n *yaml.Node, where string, inOverride bool, cfg *Config) ([]func(*Settings), error) {
	var fs []func(*Settings)
	err := p.mapping(n, where, RuleIDs(), func(id string, k, v *yaml.Node) error {
		rw := where + "." + id
		if v.Kind == yaml.ScalarNode {
			sev, err := p.severity(v, rw)
			if err != nil {
				return err
			}
			fs = append(fs, func(s *Settings) { s.SetSeverity(id, sev) })
			return nil
		}
		known := []string{"severity"}
		switch id {
		case RuleEncoding:
			known = append(known, "allow", "bom")
		case RuleScriptMix:
			known = append(known, "fix", "variant")
		case RuleWidth:
			known = append(known, "punctuation", "letters-digits")
		case RuleBrackets:
			known = append(known, "pairs")
		case RuleDuplicate:
			known = append(known, "similarity", "min-chars")
		case RuleSize:
			known = append(known, "max")
		}
		return p.mapping(v, rw, known, func(opt string, ok, ov *yaml.Node) error {
			ow := rw + "." + opt
			switch opt {
			case "severity":
				sev, err := p.severity(ov, ow)
				if err != nil {
					return err
				}
				fs = append(fs, func(s *Settings) { s.SetSeverity(id, sev) })
			case "allow":
				names, err := p.strings(ov, ow)
				if err != nil {
					return err
				}
				var encs []string
				for i, name := range names {
					enc, err := input.ParseEncoding(name)
					if err != nil || enc == "auto" || enc == "" {
						at := ov
						if ov.Kind == yaml.SequenceNode {
							at = ov.Content[i]
						}
						return p.errAt(at, "unknown encoding %q in %s: use utf-8, gb18030, big5, utf-16le or utf-16be", name, ow)
					}
					if enc == "gbk" || enc == "gb2312" {
						enc = input.EncGB18030
					}
					if enc == "utf-8-bom" {
						enc = input.EncUTF8
					}
					encs = append(encs, enc)
				}
				if len(encs) == 0 {
					return p.errAt(ov, "%s needs at least one encoding", ow)
				}
				fs = append(fs, func(s *Settings) { s.Encodings = encs })
			case "bom":
				val, err := p.scalar(ov, ow)
				if err != nil {
					return err
				}
				switch val {
				case BOMAllow, BOMForbid, BOMRequire:
				default:
					return p.errAt(ov, "invalid value %q for %s: use allow, forbid or require", val, ow)
				}
				fs = append(fs, func(s *Settings) { s.BOM = val })
			case "fix":
				b, err := p.boolean(ov, ow)
				if err != nil {
					return err
				}
				fs = append(fs, func(s *Settings) { s.ScriptFix = b })
			case "variant":
				val, err := p.scalar(ov, ow)
				if err != nil {
					return err
				}
				conv := map[string]string{"standard": "s2t", "opencc": "s2t", "tw": "s2tw", "taiwan": "s2tw", "hk": "s2hk", "hongkong": "s2hk"}[strings.ToLower(val)]
				if conv == "" {
					return p.errAt(ov, "invalid value %q for %s: use standard, tw or hk", val, ow)
				}
				fs = append(fs, func(s *Settings) { s.Variant = conv })
			case "punctuation", "letters-digits":
				b, err := p.boolean(ov, ow)
				if err != nil {
					return err
				}
				if opt == "punctuation" {
					fs = append(fs, func(s *Settings) { s.WidthPunct = b })
				} else {
					fs = append(fs, func(s *Settings) { s.WidthAlnum = b })
				}
			case "pairs":
				vals, err := p.strings(ov, ow)
				if err != nil {
					return err
				}
				pairs := make([]Pair, 0, len(vals))
				for i, val := range vals {
					pr, err := ParsePair(val)
					if err != nil {
						at := ov
						if ov.Kind == yaml.SequenceNode {
							at = ov.Content[i]
						}
						return p.errAt(at, "%s: %v", ow, err)
					}
					pairs = append(pairs, pr)
				}
				fs = append(fs, func(s *Settings) { s.Pairs = pairs })
			case "similarity":
				if inOverride {
					return p.errAt(ok, "%s applies to the whole corpus: set it at the top level, not in overrides", ow)
				}
				f, err := strconv.ParseFloat(ov.Value, 64)
				if ov.Kind != yaml.ScalarNode || err != nil || f <= 0 || f > 1 || math.IsNaN(f) {
					return p.errAt(ov, "invalid value %q for %s: use a number above 0 and at most 1 (such as 0.9)", ov.Value, ow)
				}
				cfg.DuplicateSimilarity = f
			case "min-chars":
				if inOverride {
					return p.errAt(ok, "%s applies to the whole corpus: set it at the top level, not in overrides", ow)
				}
				n, err := strconv.Atoi(ov.Value)
				if ov.Kind != yaml.ScalarNode || err != nil || n < 1 {
					return p.errAt(ov, "invalid value %q for %s: use a whole number of characters, at least 1", ov.Value, ow)
				}
				fs = append(fs, func(s *Settings) { s.DuplicateMinChars = n })
			case "max":
				size, err := ParseSize(ov.Value)
				if ov.Kind != yaml.ScalarNode || err != nil {
					return p.errAt(ov, "invalid size %q for %s: use bytes or a number with KiB, MiB or GiB (such as 2MiB)", ov.Value, ow)
				}
				fs = append(fs, func(s *Settings) { s.MaxSize = size })
			}
			return nil
		})
	})
	return fs, err
}

// ParseSize reads a size: a number of bytes, or a number with a unit B,
// K/KB/KiB, M/MB/MiB, G/GB/GiB (all binary: 1 KB = 1024 bytes).
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
		i++
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	mult := float64(1)
	switch unit {
	case "", "b":
	case "k", "kb", "kib":
		mult = 1 << 10
	case "m", "mb", "mib":
		mult = 1 << 20
	case "g", "gb", "gib":
		mult = 1 << 30
	default:
		return 0, fmt.Errorf("invalid size %q", s)
	}
	v := f * mult
	if v > math.MaxInt64/2 {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	return int64(v), nil
}

func (p *cfgParser) terms(n *yaml.Node, where string) ([]Term, error) {
	var out []Term
	err := p.mapping(n, where, []string{"forbidden", "outdated", "required"}, func(key string, k, v *yaml.Node) error {
		kind := map[string]TermKind{"forbidden": TermForbidden, "outdated": TermOutdated, "required": TermRequired}[key]
		kw := where + "." + key
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			return nil
		}
		if v.Kind != yaml.SequenceNode {
			return p.errAt(v, "%s must be a list", kw)
		}
		for i, item := range v.Content {
			item = resolveAlias(item)
			iw := fmt.Sprintf("%s[%d]", kw, i)
			t := Term{Kind: kind}
			if item.Kind == yaml.ScalarNode {
				if kind == TermOutdated {
					return p.errAt(item, "%s: write the old and the current form, as {old: 科学发展观的提法, new: 新提法}", iw)
				}
				t.Text = item.Value
			} else {
				known := []string{"term", "suggest", "message", "severity"}
				switch kind {
				case TermOutdated:
					known = []string{"old", "new", "message", "severity"}
				case TermRequired:
					known = []string{"term", "message", "severity"}
				}
				err := p.mapping(item, iw, known, func(f string, fk, fv *yaml.Node) error {
					val, err := p.scalar(fv, iw+"."+f)
					if err != nil {
						return err
					}
					switch f {
					case "term", "old":
						t.Text = val
					case "suggest", "new":
						t.Replace = val
					case "message":
						t.Message = val
					case "severity":
						sev, err := p.severity(fv, iw+".severity")
						if err != nil {
							return err
						}
						t.Severity = sev
					}
					return nil
				})
				if err != nil {
					return err
				}
			}
			if strings.TrimSpace(t.Text) == "" {
				name := "term"
				if kind == TermOutdated {
					name = "old"
				}
				return p.errAt(item, "%s needs a non-empty %s", iw, name)
			}
			if kind == TermOutdated && t.Replace == "" {
				return p.errAt(item, "%s needs the current form (new)", iw)
			}
			out = append(out, t)
		}
		return nil
	})
	return out, err
}

func (p *cfgParser) overrides(cfg *Config, n *yaml.Node) error {
	if n.Kind != yaml.SequenceNode {
		return p.errAt(n, "overrides must be a list of {files: [...], script, rules, terms}")
	}
	for i, item := range n.Content {
		item = resolveAlias(item)
		iw := fmt.Sprintf("overrides[%d]", i)
		var o override
		err := p.mapping(item, iw, []string{"files", "script", "rules", "terms"}, func(key string, k, v *yaml.Node) error {
			if key == "files" {
				pats, err := p.globs(v, iw+".files")
				if err != nil {
					return err
				}
				o.files = pats
				return nil
			}
			fs, err := p.settings(key, v, iw, cfg)
			if err != nil {
				return err
			}
			o.apply = append(o.apply, fs...)
			return nil
		})
		if err != nil {
			return err
		}
		if len(o.files) == 0 {
			return p.errAt(item, "%s needs files: the globs it applies to", iw)
		}
		cfg.overrides = append(cfg.overrides, o)
	}
	return nil
}
