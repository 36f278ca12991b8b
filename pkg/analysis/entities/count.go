package entities

import (
	"slices"
	"sort"
)

// Entity is one entity of a document or a corpus: its mentions counted
// under one Simplified key and type.
type Entity struct {
	Key   string
	Type  Type
	Count int
	// Docs is the number of documents that mention it (1 for a document).
	Docs int
	// Titles are the titles seen with a person, sorted.
	Titles []string
	// Forms counts the surface forms as the documents wrote them.
	Forms map[string]int
	// Mentions are the occurrences, in document order (for a corpus: in the
	// order the documents were added).
	Mentions []DocMention
}

// DocMention is a mention with the document it is in.
type DocMention struct {
	File string
	Mention
}

// Surface is the most frequent surface form (ties: the smallest string).
func (e *Entity) Surface() string {
	best, n := e.Key, 0
	for f, c := range e.Forms {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	return best
}

type entKey struct {
	key string
	typ Type
}

// Counter gathers entities of one document or of many; adding documents in
// any order gives the same counts.
type Counter struct {
	m map[entKey]*Entity
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter { return &Counter{m: map[entKey]*Entity{}} }

// Add counts the mentions of one document.
func (c *Counter) Add(file string, ms []Mention) {
	seen := map[entKey]bool{}
	for _, m := range ms {
		k := entKey{m.Key, m.Type}
		e := c.m[k]
		if e == nil {
			e = &Entity{Key: m.Key, Type: m.Type, Forms: map[string]int{}}
			c.m[k] = e
		}
		e.Count++
		e.Forms[dropSpaces(m.Text)]++ // a layout's spaces inside a name (习　近　平) are no form of it
		if !seen[k] {
			seen[k] = true
			e.Docs++
		}
		if m.Title != "" && !slices.Contains(e.Titles, m.Title) {
			e.Titles = append(e.Titles, m.Title)
			slices.Sort(e.Titles)
		}
		e.Mentions = append(e.Mentions, DocMention{File: file, Mention: m})
	}
}

// Entities returns the entities, most frequent first; ties by type (in the
// order of Types), then by key.
func (c *Counter) Entities() []*Entity {
	out := make([]*Entity, 0, len(c.m))
	for _, e := range c.m {
		out = append(out, e)
	}
	sortEntities(out)
	return out
}

// typeRank is the position of every type in Types.
func typeRank() map[Type]int {
	rank := map[Type]int{}
	for i, t := range Types {
		rank[t] = i
	}
	return rank
}

// sortEntities sorts most frequent first; ties by type (in the order of
// Types), then by key.
func sortEntities(out []*Entity) {
	rank := typeRank()
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if rank[a.Type] != rank[b.Type] {
			return rank[a.Type] < rank[b.Type]
		}
		return a.Key < b.Key
	})
}

// Filter keeps the mentions of the given types (all when types is empty).
func Filter(ms []Mention, types []Type) []Mention {
	if len(types) == 0 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		if slices.Contains(types, m.Type) {
			out = append(out, m)
		}
	}
	return out
}
