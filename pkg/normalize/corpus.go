package normalize

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The corpus-level pass. Site chrome that no rule knows (a portal's menu, its name, a widget)
// comes back on every page of the site, so a line that many documents of a run repeat is a
// boilerplate candidate. It takes two passes over the documents:
//
//	counts := normalize.NewLineCounts(opts)        // per worker, or per shard
//	for each document: counts.Add(normalize.Clean(text, opts))
//	total.Merge(counts)                            // any order, any grouping
//	opts.Repeated = total.Repeated(normalize.DefaultRepeat())
//	for each document: normalize.Clean(text, opts) // the rules, and the repeated lines
//
// Counts are per document (a line counts once however often a document repeats it), keyed by
// a fixed 64-bit fingerprint of the line as cleaning sees it, so they add up across workers,
// shards and processes: Merge is associative and commutative, and the result for a document
// depends only on the corpus, never on --jobs or the order of the inputs. Only lines with the
// shape of chrome are counted (short, no sentence, no heading, date, issuing body, salutation
// or metadata), and the second pass removes one only above the first or below the last
// sentence of body text.

// PartialVersion versions the JSON encoding of LineCounts; a change of the fingerprint or of
// the lines counted changes it.
const PartialVersion = 1

// LineCounts counts, for each line fingerprint, the documents that hold the line. The zero
// value is not usable: call NewLineCounts.
type LineCounts struct {
	opts  string // the cleaning options the fingerprints were made with
	docs  int64
	count map[uint64]int64
}

// NewLineCounts returns empty counts for documents cleaned with opts.
func NewLineCounts(opts Options) *LineCounts {
	return &LineCounts{opts: optionsKey(opts), count: map[uint64]int64{}}
}

// optionsKey names the options that change the lines cleaning sees.
func optionsKey(o Options) string {
	var parts []string
	for _, f := range []struct {
		on   bool
		name string
	}{{o.Pinyin, "pinyin"}, {o.Invisible, "invisible"}, {o.Width, "width"}, {o.LineEnds, "line-ends"}, {o.Boilerplate, "boilerplate"}} {
		if f.on {
			parts = append(parts, f.name)
		}
	}
	return strings.Join(parts, ",")
}

// Add counts one document's result (cleaned with the options of NewLineCounts and without
// Repeated). It fails when r was cleaned with other options.
func (c *LineCounts) Add(r *Result) error {
	if k := optionsKey(r.opts); k != c.opts {
		return fmt.Errorf("line counts: document cleaned with options %q, counts made with %q", k, c.opts)
	}
	c.docs++
	seen := make(map[uint64]bool, len(r.fps))
	for _, fp := range r.fps {
		if !seen[fp] {
			seen[fp] = true
			c.count[fp]++
		}
	}
	return nil
}

// Merge adds the counts of other (documents counted elsewhere) into c.
func (c *LineCounts) Merge(other *LineCounts) error {
	if other.opts != c.opts {
		return fmt.Errorf("line counts: cannot merge counts made with options %q into %q", other.opts, c.opts)
	}
	if c.docs > math.MaxInt64-other.docs {
		return fmt.Errorf("line counts: document count overflows")
	}
	c.docs += other.docs
	for fp, n := range other.count {
		c.count[fp] += n
	}
	return nil
}

// Docs returns the number of documents counted.
func (c *LineCounts) Docs() int64 { return c.docs }

// Lines returns the number of distinct lines counted.
func (c *LineCounts) Lines() int { return len(c.count) }

// RepeatOptions say how many documents must hold a line for it to be boilerplate.
type RepeatOptions struct {
	MinDocs  int64   // at least this many documents
	MinShare float64 // and at least this share of the documents
}

// DefaultRepeat returns the default threshold: a line held by 3 documents and by 2% of them.
func DefaultRepeat() RepeatOptions { return RepeatOptions{MinDocs: 3, MinShare: 0.02} }

// Repeated is the frozen set of lines that a corpus repeats (Options.Repeated); it is
// read-only and safe for concurrent use.
type Repeated struct {
	docs  int64
	lines map[uint64]int64
}

// Repeated returns the lines held by enough documents.
func (c *LineCounts) Repeated(o RepeatOptions) *Repeated {
	need := o.MinDocs
	if s := int64(math.Ceil(o.MinShare * float64(c.docs))); s > need {
		need = s
	}
	need = max(need, 2)
	r := &Repeated{docs: c.docs, lines: map[uint64]int64{}}
	for fp, n := range c.count {
		if n >= need {
			r.lines[fp] = n
		}
	}
	return r
}

// Len returns the number of repeated lines.
func (r *Repeated) Len() int {
	if r == nil {
		return 0
	}
	return len(r.lines)
}

func (r *Repeated) has(fp uint64) bool {
	_, ok := r.lines[fp]
	return ok
}

// lineCountsJSON is the encoding: fingerprints as 16 hex digits, in order.
type lineCountsJSON struct {
	Version int         `json:"version"`
	Options string      `json:"options"`
	Docs    int64       `json:"docs"`
	Lines   [][2]string `json:"lines"` // [fingerprint, count]
}

// MarshalJSON writes the counts deterministically: {"version","options","docs","lines":
// [["fingerprint","count"], …]} in order of fingerprint.
func (c *LineCounts) MarshalJSON() ([]byte, error) {
	keys := make([]uint64, 0, len(c.count))
	for fp := range c.count {
		keys = append(keys, fp)
	}
	slices.Sort(keys)
	j := lineCountsJSON{Version: PartialVersion, Options: c.opts, Docs: c.docs, Lines: make([][2]string, len(keys))}
	for i, fp := range keys {
		j.Lines[i] = [2]string{fmt.Sprintf("%016x", fp), strconv.FormatInt(c.count[fp], 10)}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON wrote, refusing another version.
func (c *LineCounts) UnmarshalJSON(b []byte) error {
	var j lineCountsJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.Version != PartialVersion {
		return fmt.Errorf("line counts: version %d, this zhpolicy reads version %d", j.Version, PartialVersion)
	}
	if j.Docs < 0 {
		return fmt.Errorf("line counts: negative document count")
	}
	c.opts, c.docs, c.count = j.Options, j.Docs, make(map[uint64]int64, len(j.Lines))
	for _, l := range j.Lines {
		fp, err := strconv.ParseUint(l[0], 16, 64)
		if err != nil {
			return fmt.Errorf("line counts: bad fingerprint %q", l[0])
		}
		n, err := strconv.ParseInt(l[1], 10, 64)
		if err != nil || n <= 0 || n > j.Docs {
			return fmt.Errorf("line counts: bad count %q for %s", l[1], l[0])
		}
		c.count[fp] = n
	}
	return nil
}
