package entities

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// PartialVersion is the version of the Counts JSON encoding. Raise it when
// the encoding or the meaning of a count changes (3: the rules of round 13
// recognise other names, so counts of 2 and 3 do not add up; 4: a
// conjunction before a list of levels of government, 和省、市, is no name;
// 5: cleaning joins the lines of text broken at the page width,
// normalize.Options.Unwrap; 6: a particle after a name, 国民党|的, no
// longer reads it as cut from a word, 党的).
const PartialVersion = 6

// PartialKind names the Counts encoding.
const PartialKind = "entities"

// Settings are what a Counts counted. Counts merge only when their
// settings are equal: the genre and the user's gazetteer change what is
// recognised, the types what is counted.
type Settings struct {
	Genre Genre `json:"genre"`
	// Types counted, in the order of Types; empty: all.
	Types []Type `json:"types,omitempty"`
	// Gazetteer is a digest of the user's entries ("" when none).
	Gazetteer string `json:"gazetteer,omitempty"`
	// How the documents were read and cut, set by the caller: the HMM
	// for new words, cleaning, and a digest of the user's dictionaries
	// ("" when none). They change what is found, so counts made
	// differently do not merge.
	HMM   bool   `json:"hmm"`
	Clean bool   `json:"clean"`
	Dicts string `json:"dicts,omitempty"`
}

// Settings returns the settings of counts made with this Extractor over
// the given types (all when empty).
func (x *Extractor) Settings(types []Type) Settings {
	s := Settings{Genre: x.genre}
	for _, t := range Types {
		if slices.Contains(types, t) {
			s.Types = append(s.Types, t)
		}
	}
	if len(x.user) > 0 {
		lines := make([]string, 0, len(x.user))
		for k, g := range x.user {
			lines = append(lines, k+"\t"+string(g.Type))
		}
		slices.Sort(lines)
		sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
		s.Gazetteer = hex.EncodeToString(sum[:8])
	}
	return s
}

// Diff names the first setting that differs ("" when none), for messages.
func (s Settings) Diff(o Settings) string { return s.diff(o) }

func (s Settings) diff(o Settings) string {
	switch {
	case s.Genre != o.Genre:
		return fmt.Sprintf("genre %s vs %s", s.Genre, o.Genre)
	case !slices.Equal(s.Types, o.Types):
		return fmt.Sprintf("types %v vs %v", s.Types, o.Types)
	case s.Gazetteer != o.Gazetteer:
		return "different --gazetteer files"
	case s.HMM != o.HMM:
		return fmt.Sprintf("--hmm %v vs %v", s.HMM, o.HMM)
	case s.Clean != o.Clean:
		return fmt.Sprintf("--no-clean %v vs %v", !s.Clean, !o.Clean)
	case s.Dicts != o.Dicts:
		return "different --dict files"
	}
	return ""
}

// countItem is what Counts keep of one entity.
type countItem struct {
	count, docs int64
	titles      map[string]int64 // full title key → mentions
	forms       map[string]int64 // surface form → mentions
}

// Counts are entity counts over a corpus: for every entity (Simplified key
// and type) its mentions, the documents that name it, its titles and its
// surface forms. Add one document's mentions, Merge another Counts: the
// result is the same for any split and any order of the documents. Counts
// keep no mentions; per-document output lists them.
type Counts struct {
	settings Settings
	docs     int64
	items    map[entKey]*countItem
}

// NewCounts returns empty counts.
func NewCounts(s Settings) *Counts {
	return &Counts{settings: s, items: map[entKey]*countItem{}}
}

// Settings returns what the counts counted.
func (c *Counts) Settings() Settings { return c.settings }

// Docs is the number of documents added.
func (c *Counts) Docs() int64 { return c.docs }

func (c *Counts) item(k entKey) *countItem {
	it := c.items[k]
	if it == nil {
		it = &countItem{titles: map[string]int64{}, forms: map[string]int64{}}
		// a copy: a mention's key is a substring of its document's text,
		// which the counts must not keep in memory
		c.items[entKey{strings.Clone(k.key), k.typ}] = it
	}
	return it
}

// addOwned adds n to m[k] under a copy of k (a substring of a document's
// text): assigning to a map replaces an equal string key with the one
// given, so even an existing entry must be written with a copy.
func addOwned(m map[string]int64, k string, n int64) {
	m[strings.Clone(k)] += n
}

// Add counts the mentions of one document (of the types the settings
// name; all when they name none).
func (c *Counts) Add(ms []Mention) {
	c.docs++
	seen := map[entKey]bool{}
	for _, m := range ms {
		if len(c.settings.Types) > 0 && !slices.Contains(c.settings.Types, m.Type) {
			continue
		}
		k := entKey{m.Key, m.Type}
		it := c.item(k)
		it.count++
		addOwned(it.forms, dropSpaces(m.Text), 1)
		if m.Title != "" {
			addOwned(it.titles, m.Title, 1)
		}
		if !seen[k] {
			seen[k] = true
			it.docs++
		}
	}
}

// Merge adds o to c. It refuses counts made with other settings.
func (c *Counts) Merge(o *Counts) error {
	if d := c.settings.diff(o.settings); d != "" {
		return fmt.Errorf("entity counts differ in their settings: %s", d)
	}
	c.docs += o.docs
	for k, oi := range o.items {
		it := c.item(k)
		it.count += oi.count
		it.docs += oi.docs
		for t, n := range oi.titles {
			it.titles[t] += n
		}
		for f, n := range oi.forms {
			it.forms[f] += n
		}
	}
	return nil
}

// Entities returns the counted entities, most frequent first; ties by type
// (in the order of Types), then by key. Their Titles are sorted, their
// Mentions empty.
func (c *Counts) Entities() []*Entity {
	out := make([]*Entity, 0, len(c.items))
	for k, it := range c.items {
		e := &Entity{Key: k.key, Type: k.typ, Count: int(it.count), Docs: int(it.docs), Forms: map[string]int{}}
		for t := range it.titles {
			e.Titles = append(e.Titles, t)
		}
		slices.Sort(e.Titles)
		for f, n := range it.forms {
			e.Forms[f] = int(n)
		}
		out = append(out, e)
	}
	sortEntities(out)
	return out
}

// TitleCounts returns how often each title was written next to a person.
func (c *Counts) TitleCounts(key string) map[string]int64 {
	it := c.items[entKey{key, PER}]
	if it == nil {
		return nil
	}
	return maps.Clone(it.titles)
}

type countsJSON struct {
	Kind     string       `json:"kind"`
	Version  int          `json:"version"`
	Settings Settings     `json:"settings"`
	Docs     int64        `json:"docs"`
	Entities []entityJSON `json:"entities"`
}

type entityJSON struct {
	Key    string      `json:"key"`
	Type   Type        `json:"type"`
	Count  int64       `json:"count"`
	Docs   int64       `json:"docs"`
	Titles []formCount `json:"titles,omitempty"`
	Forms  []formCount `json:"forms"`
}

type formCount struct {
	Text  string `json:"text"`
	Count int64  `json:"count"`
}

func sortedCounts(m map[string]int64) []formCount {
	out := make([]formCount, 0, len(m))
	for k, v := range m {
		out = append(out, formCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return out
}

// MarshalJSON writes the counts deterministically: entities by type (in
// the order of Types) and key, titles and forms by text, no maps.
func (c *Counts) MarshalJSON() ([]byte, error) {
	p := countsJSON{Kind: PartialKind, Version: PartialVersion, Settings: c.settings, Docs: c.docs, Entities: []entityJSON{}}
	keys := make([]entKey, 0, len(c.items))
	for k := range c.items {
		keys = append(keys, k)
	}
	rank := typeRank()
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].typ != keys[j].typ {
			return rank[keys[i].typ] < rank[keys[j].typ]
		}
		return keys[i].key < keys[j].key
	})
	for _, k := range keys {
		it := c.items[k]
		e := entityJSON{Key: k.key, Type: k.typ, Count: it.count, Docs: it.docs, Forms: sortedCounts(it.forms)}
		if len(it.titles) > 0 {
			e.Titles = sortedCounts(it.titles)
		}
		p.Entities = append(p.Entities, e)
	}
	return json.Marshal(p)
}

// UnmarshalJSON reads counts written by MarshalJSON, refusing another kind
// or version and impossible counts.
func (c *Counts) UnmarshalJSON(b []byte) error {
	var p countsJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return fmt.Errorf("entity counts: %v", err)
	}
	if p.Kind != PartialKind {
		return fmt.Errorf("entity counts: kind %q, want %q", p.Kind, PartialKind)
	}
	if p.Version != PartialVersion {
		return fmt.Errorf("entity counts: version %d, this zhpolicy reads %d", p.Version, PartialVersion)
	}
	if p.Docs < 0 {
		return fmt.Errorf("entity counts: negative number of documents")
	}
	n := NewCounts(p.Settings)
	n.docs = p.Docs
	for _, e := range p.Entities {
		if _, err := ParseType(string(e.Type)); err != nil {
			return fmt.Errorf("entity counts: %v", err)
		}
		k := entKey{e.Key, e.Type}
		if _, dup := n.items[k]; dup {
			return fmt.Errorf("entity counts: %s %q twice", e.Type, e.Key)
		}
		if e.Count < 1 || e.Docs < 1 || e.Docs > e.Count || e.Docs > p.Docs {
			return fmt.Errorf("entity counts: %s %q has impossible counts (%d mentions in %d documents of %d)",
				e.Type, e.Key, e.Count, e.Docs, p.Docs)
		}
		it := n.item(k)
		it.count, it.docs = e.Count, e.Docs
		var forms int64
		for _, f := range e.Forms {
			if f.Count < 1 {
				return fmt.Errorf("entity counts: %s %q: form %q counted %d", e.Type, e.Key, f.Text, f.Count)
			}
			it.forms[f.Text] += f.Count
			forms += f.Count
		}
		if forms != e.Count {
			return fmt.Errorf("entity counts: %s %q: forms add up to %d, mentions %d", e.Type, e.Key, forms, e.Count)
		}
		for _, t := range e.Titles {
			if t.Count < 1 || t.Count > e.Count {
				return fmt.Errorf("entity counts: %s %q: title %q counted %d", e.Type, e.Key, t.Text, t.Count)
			}
			it.titles[t.Text] += t.Count
		}
	}
	*c = *n
	return nil
}
