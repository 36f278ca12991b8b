package script

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// configSpec is an OpenCC configuration: the dictionary that segments the
// text, then the chain of conversions, each a group of dictionaries tried in
// order (the first that matches at a position wins; within a dictionary the
// longest key wins). These are the chains of OpenCC 1.1.6's JSON files.
type configSpec struct {
	name, desc string
	seg        string
	chain      [][]string
}

var configSpecs = [...]configSpec{
	{"s2t", "Simplified to Traditional (OpenCC standard)", "STPhrases", [][]string{{"STPhrases", "STCharacters"}}},
	{"t2s", "Traditional (OpenCC standard) to Simplified", "TSPhrases", [][]string{{"TSPhrases", "TSCharacters"}}},
	{"s2tw", "Simplified to Traditional (Taiwan standard)", "STPhrases", [][]string{{"STPhrases", "STCharacters"}, {"TWVariants"}}},
	{"tw2s", "Traditional (Taiwan standard) to Simplified", "TSPhrases", [][]string{{"TWVariantsRevPhrases", "TWVariantsRev"}, {"TSPhrases", "TSCharacters"}}},
	{"s2hk", "Simplified to Traditional (Hong Kong standard)", "STPhrases", [][]string{{"STPhrases", "STCharacters"}, {"HKVariants"}}},
	{"hk2s", "Traditional (Hong Kong standard) to Simplified", "TSPhrases", [][]string{{"HKVariantsRevPhrases", "HKVariantsRev"}, {"TSPhrases", "TSCharacters"}}},
	{"s2twp", "Simplified to Traditional (Taiwan standard) with Taiwanese phrases", "STPhrases", [][]string{{"STPhrases", "STCharacters"}, {"TWPhrases"}, {"TWVariants"}}},
	{"tw2sp", "Traditional (Taiwan standard) to Simplified with Mainland phrases", "TSPhrases", [][]string{{"TWPhrasesRev", "TWVariantsRevPhrases", "TWVariantsRev"}, {"TSPhrases", "TSCharacters"}}},
	{"t2tw", "Traditional (OpenCC standard) to Taiwan standard", "TWVariants", [][]string{{"TWVariants"}}},
	{"t2hk", "Traditional (OpenCC standard) to Hong Kong standard", "HKVariants", [][]string{{"HKVariants"}}},
	{"tw2t", "Traditional (Taiwan standard) to OpenCC standard", "TWVariantsRevPhrases", [][]string{{"TWVariantsRevPhrases", "TWVariantsRev"}}},
	{"hk2t", "Traditional (Hong Kong standard) to OpenCC standard", "HKVariantsRevPhrases", [][]string{{"HKVariantsRevPhrases", "HKVariantsRev"}}},
	// fold is FoldToSimplified's: any Traditional variant to Simplified.
	{"fold", "", "TSPhrases", [][]string{
		{"HKVariantsRevPhrases", "TWVariantsRevPhrases", "HKVariantsRev", "TWVariantsRev"},
		{"TSPhrases", "TSCharacters"}}},
}

// Configs returns the names of the conversions NewConverter accepts.
func Configs() []string {
	out := make([]string, 0, len(configSpecs))
	for _, c := range configSpecs {
		if c.desc != "" {
			out = append(out, c.name)
		}
	}
	return out
}

// Describe returns a one-line description of a configuration, or "".
func Describe(config string) string {
	for _, c := range configSpecs {
		if c.name == config {
			return c.desc
		}
	}
	return ""
}

// Converter converts text as OpenCC 1.1.6 does with one configuration: it
// segments the text by longest match in the configuration's segmentation
// dictionary (runs of unmatched characters form one segment), then runs each
// conversion of the chain over every segment separately, so no conversion
// matches across a segment boundary. It is safe for concurrent use.
type Converter struct {
	name string
	// chain, when not nil, makes this a composition (see Chain): the
	// converters run one after the other on each line; the fields below
	// are then unused.
	chain []*Converter

	seg    *table
	stages []stage
	// direct: the result is the same without segmenting, so each stage runs
	// over the whole line (true for every configuration whose later stages
	// only have single-character keys).
	direct bool
	// starts has a bit for every BMP rune that begins a key of any
	// dictionary used: a line with none of them is returned as it is.
	starts bitmap

	// bufs holds the buffers of ConvertLines (*lineBufs) between calls:
	// a corpus converts one document after the other, and fresh 64 KiB
	// buffers for each cost their clearing and the collector's work.
	bufs sync.Pool
}

type stage struct {
	dicts  []*table
	starts bitmap
	// single: every key of every dictionary is one rune.
	single bool
}

type lazyConverter struct {
	once sync.Once
	c    *Converter
	err  error
}

var converters [len(configSpecs)]lazyConverter

// NewConverter returns the converter for an OpenCC configuration (see
// Configs). Converters are built once per process, on first use, and shared.
func NewConverter(config string) (*Converter, error) {
	for i := range configSpecs {
		if configSpecs[i].name == config && configSpecs[i].desc != "" {
			return converter(i)
		}
	}
	return nil, fmt.Errorf("unknown conversion %q: use one of %s", config, strings.Join(Configs(), ", "))
}

func converter(i int) (*Converter, error) {
	lc := &converters[i]
	lc.once.Do(func() { lc.c, lc.err = buildConverter(&configSpecs[i]) })
	return lc.c, lc.err
}

func buildConverter(spec *configSpec) (*Converter, error) {
	return assemble(spec, loadTable)
}

// assemble builds the converter of spec from the tables that load returns.
func assemble(spec *configSpec, load func(string) (*table, error)) (*Converter, error) {
	c := &Converter{name: spec.name}
	var err error
	if c.seg, err = load(spec.seg); err != nil {
		return nil, err
	}
	c.starts.or(c.seg.starts)
	for _, names := range spec.chain {
		st := stage{single: true}
		for _, n := range names {
			t, err := load(n)
			if err != nil {
				return nil, err
			}
			st.dicts = append(st.dicts, t)
			st.starts.or(t.starts)
			if t.maxRunes > 1 {
				st.single = false
			}
		}
		c.starts.or(&st.starts)
		c.stages = append(c.stages, st)
	}
	// Without segmentation the first stage gives the same result when it
	// starts with the segmentation dictionary and its other dictionaries
	// have single-character keys only: inside a run that the segmenter left
	// unmatched, the segmentation dictionary matches nowhere, bounded or not.
	first := c.stages[0]
	c.direct = first.dicts[0] == c.seg
	for _, t := range first.dicts[1:] {
		c.direct = c.direct && t.maxRunes <= 1
	}
	for _, st := range c.stages[1:] {
		c.direct = c.direct && st.single
	}
	return c, nil
}

// Name returns the configuration name, for example "s2t"; "hk2t+t2tw" for
// a chain, "none" for the identity.
func (c *Converter) Name() string { return c.name }

// Chain returns a converter that applies the given configurations one after
// the other (for example Chain("hk2t", "t2tw") for Hong Kong to Taiwan
// Traditional). With no configuration it returns the identity, which
// changes nothing.
func Chain(configs ...string) (*Converter, error) {
	if len(configs) == 1 {
		return NewConverter(configs[0])
	}
	c := &Converter{name: strings.Join(configs, "+"), chain: []*Converter{}}
	if len(configs) == 0 {
		c.name = "none"
	}
	for _, name := range configs {
		part, err := NewConverter(name)
		if err != nil {
			return nil, err
		}
		c.chain = append(c.chain, part)
	}
	return c, nil
}

// Convert converts s. Lines are converted independently (no dictionary key
// contains a line break), and line endings are kept as they are. Bytes that
// are not valid UTF-8 are copied through unchanged.
func (c *Converter) Convert(s string) string {
	var b *strings.Builder
	last := 0 // s[:last] is in b
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start + 1
		}
		line := s[start:end]
		if out := c.convertLine(line); out != line {
			if b == nil {
				b = new(strings.Builder)
				b.Grow(len(s) + len(s)/8)
			}
			b.WriteString(s[last:start])
			b.WriteString(out)
			last = end
		}
		start = end
	}
	if b == nil {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// needsWork reports whether some rune of s may begin a dictionary key.
func (c *Converter) needsWork(s string) bool {
	for i := 0; i < len(s); {
		ch := s[i]
		if ch < utf8.RuneSelf {
			if c.starts.hasByte(ch) {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 65536 || c.starts.has(r) {
			return true
		}
		i += size
	}
	return false
}

func (c *Converter) convertLine(line string) string {
	if c.chain != nil {
		for _, part := range c.chain {
			line = part.convertLine(line)
		}
		return line
	}
	if !c.needsWork(line) {
		return line
	}
	if c.direct {
		for i := range c.stages {
			line = c.stages[i].convert(line)
		}
		return line
	}
	// Segment by longest match in the segmentation dictionary (the runs
	// between matches are segments too) and run the whole chain over each
	// segment as it is found: no stage sees across a segment boundary.
	var b []byte
	last := 0 // line[:last] is in b
	emit := func(start, end int) {
		seg := line[start:end]
		out := seg
		for i := range c.stages {
			out = c.stages[i].convert(out)
		}
		if out == seg {
			return
		}
		if b == nil {
			b = make([]byte, 0, len(line)+len(line)/4)
		}
		b = append(b, line[last:start]...)
		b = append(b, out...)
		last = end
	}
	run := 0 // start of the current unmatched run
	for p := 0; p < len(line); {
		r, size := rune(line[p]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(line[p:])
		}
		if r < 65536 && !c.seg.starts.has(r) {
			p += size
			continue
		}
		n, _, ok := c.seg.match(line[p:])
		if !ok {
			p += size
			continue
		}
		if run < p {
			emit(run, p)
		}
		emit(p, p+n)
		p += n
		run = p
	}
	if run < len(line) {
		emit(run, len(line))
	}
	if b == nil {
		return line
	}
	b = append(b, line[last:]...)
	return string(b)
}

// convert runs one stage over s by forward maximum matching.
func (st *stage) convert(s string) string {
	var b []byte
	last := 0
	for p := 0; p < len(s); {
		r, size := rune(s[p]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[p:])
		}
		if r < 65536 && !st.starts.has(r) {
			p += size
			continue
		}
		var n int
		var val string
		var ok bool
		for _, t := range st.dicts {
			if n, val, ok = t.match(s[p:]); ok {
				break
			}
		}
		if !ok {
			p += size
			continue
		}
		if val != s[p:p+n] {
			if b == nil {
				b = make([]byte, 0, len(s)+len(s)/4)
			}
			b = append(b, s[last:p]...)
			b = append(b, val...)
			last = p + n
		}
		p += n
	}
	if b == nil {
		return s
	}
	b = append(b, s[last:]...)
	return string(b)
}
