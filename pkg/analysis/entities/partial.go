package entities

import (
	"fmt"
	"io"
	"sort"
	"unicode/utf8"

	"zhpolicy/pkg/partial"
)

// The partial form of Counts (`zhpolicy entities --corpus --emit partial`,
// added up by `zhpolicy merge`): the pkg/partial envelope with the settings
// (what was recognised and how the documents were read: partials made
// differently are never merged) and the number of documents, then one line
// per entity, by type (in the order of Types) and key:
//
//	{"format":"zhpolicy-partial","version":2,"kind":"entities","parts":["…"],"records":2,"entities_version":2,"settings":{…},"docs":3}
//	{"kind":"entity","key":"习近平","type":"PER","count":5,"docs":3,"titles":[{"text":"总书记","count":4}],"forms":[{"text":"习近平","count":5}]}

// Kind is the partial kind of entity counts.
const Kind = PartialKind

// KindEntity is the kind of the entity lines of a partial.
const KindEntity = "entity"

// Header is the first line of an entities partial.
type Header struct {
	partial.Envelope
	// EntitiesVersion is PartialVersion of the writer: what the counts
	// mean (the recogniser's rules) can change without the envelope's.
	EntitiesVersion int      `json:"entities_version"`
	Settings        Settings `json:"settings"`
	Docs            int64    `json:"docs"`
}

// Record is one entity line.
type Record struct {
	Kind   string      `json:"kind"`
	Key    string      `json:"key"`
	Type   Type        `json:"type"`
	Count  int64       `json:"count"`
	Docs   int64       `json:"docs"`
	Titles []formCount `json:"titles,omitempty"`
	Forms  []formCount `json:"forms"`
}

// sortedKeys are the keys of c by type (in the order of Types), then key.
func (c *Counts) sortedKeys() []entKey {
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
	return keys
}

// WritePartial writes counts as a partial; h gives Tool and Parts.
func WritePartial(w io.Writer, h Header, c *Counts) error {
	h.Format, h.Version, h.Kind = partial.Magic, partial.Version, Kind
	h.EntitiesVersion = PartialVersion
	h.Settings, h.Docs, h.Records = c.settings, c.docs, int64(len(c.items))
	pw, err := partial.NewWriter(w, h)
	if err != nil {
		return err
	}
	for _, k := range c.sortedKeys() {
		it := c.items[k]
		r := Record{Kind: KindEntity, Key: k.key, Type: k.typ, Count: it.count, Docs: it.docs, Forms: sortedCounts(it.forms)}
		if len(it.titles) > 0 {
			r.Titles = sortedCounts(it.titles)
		}
		if err := pw.Write(r); err != nil {
			return err
		}
	}
	return pw.Close()
}

// ReadBody reads the rest of an entities partial whose header line pr has
// read. It refuses another version of the counts and lines no run could
// have written.
func ReadBody(pr *partial.Reader, headerLine []byte) (Header, *Counts, error) {
	var h Header
	if err := pr.Header(headerLine, &h); err != nil {
		return h, nil, err
	}
	if h.EntitiesVersion != PartialVersion {
		return h, nil, pr.Errorf("entity counts of version %d; this zhpolicy reads version %d (count again with this version)", h.EntitiesVersion, PartialVersion)
	}
	if h.Docs < 0 || h.Records < 0 {
		return h, nil, pr.Errorf("negative totals in the header")
	}
	for _, t := range h.Settings.Types {
		if _, err := ParseType(string(t)); err != nil {
			return h, nil, pr.Errorf("settings: %v", err)
		}
	}
	c := NewCounts(h.Settings)
	c.docs = h.Docs
	for {
		var r Record
		ok, err := pr.Record(&r)
		if err != nil {
			return h, nil, err
		}
		if !ok {
			break
		}
		if err := c.addRecord(r); err != nil {
			return h, nil, pr.Errorf("%v", err)
		}
	}
	return h, c, nil
}

// addRecord adds an entity line, checking that a run could have written it.
func (c *Counts) addRecord(r Record) error {
	if r.Kind != KindEntity {
		return fmt.Errorf("unexpected line of kind %q in an entities partial", r.Kind)
	}
	if _, err := ParseType(string(r.Type)); err != nil {
		return err
	}
	if r.Key == "" || !utf8.ValidString(r.Key) {
		return fmt.Errorf("%s: empty or invalid key", r.Type)
	}
	if len(c.settings.Types) > 0 && !containsType(c.settings.Types, r.Type) {
		return fmt.Errorf("%s %q: a type the settings do not count", r.Type, r.Key)
	}
	k := entKey{r.Key, r.Type}
	if _, dup := c.items[k]; dup {
		return fmt.Errorf("%s %q twice", r.Type, r.Key)
	}
	if r.Count < 1 || r.Docs < 1 || r.Docs > r.Count || r.Docs > c.docs {
		return fmt.Errorf("%s %q: impossible counts (%d mentions in %d documents of %d)", r.Type, r.Key, r.Count, r.Docs, c.docs)
	}
	it := &countItem{count: r.Count, docs: r.Docs, titles: map[string]int64{}, forms: map[string]int64{}}
	var forms int64
	for _, f := range r.Forms {
		if f.Count < 1 || f.Text == "" || !utf8.ValidString(f.Text) || it.forms[f.Text] != 0 {
			return fmt.Errorf("%s %q: form %q counted %d", r.Type, r.Key, f.Text, f.Count)
		}
		it.forms[f.Text] = f.Count
		if partial.Add(&forms, f.Count) != nil {
			return partial.ErrOverflow
		}
	}
	if forms != r.Count {
		return fmt.Errorf("%s %q: forms add up to %d, mentions %d", r.Type, r.Key, forms, r.Count)
	}
	for _, t := range r.Titles {
		if t.Count < 1 || t.Count > r.Count || t.Text == "" || !utf8.ValidString(t.Text) || it.titles[t.Text] != 0 {
			return fmt.Errorf("%s %q: title %q counted %d", r.Type, r.Key, t.Text, t.Count)
		}
		it.titles[t.Text] = t.Count
	}
	c.items[k] = it
	return nil
}

func containsType(ts []Type, t Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// Add merges the counts c2 of a partial with header h2 into total, whose
// header is h: the settings must be equal, no run may be counted twice,
// and no count may overflow (then nothing is changed).
func (h *Header) Add(h2 Header, total, c2 *Counts) error {
	if d := h.Settings.diff(h2.Settings); d != "" {
		return fmt.Errorf("counted differently (%s): merge partials made with the same flags", d)
	}
	if h.EntitiesVersion != h2.EntitiesVersion {
		return fmt.Errorf("entity counts of versions %d and %d", h.EntitiesVersion, h2.EntitiesVersion)
	}
	return h.Join(h2.Envelope, func() error {
		docs := total.docs
		if partial.Add(&docs, c2.docs) != nil {
			return partial.ErrOverflow
		}
		for k, it := range c2.items {
			t := total.items[k]
			if t == nil {
				continue
			}
			a, b := t.count, t.docs
			if partial.Add(&a, it.count) != nil || partial.Add(&b, it.docs) != nil {
				return partial.ErrOverflow
			}
		}
		if err := total.Merge(c2); err != nil {
			return err
		}
		h.Docs, h.Records = total.docs, int64(len(total.items))
		return nil
	})
}
