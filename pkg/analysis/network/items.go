package network

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Quoted finds the phrases in “…” of 2–12 characters that hold no
// punctuation of a sentence: byte spans of the inside.
func Quoted(s string) [][2]int {
	var out [][2]int
	const open, close = "“", "”"
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], open)
		if j < 0 {
			break
		}
		a := i + j + len(open)
		k := strings.Index(s[a:], close)
		if k < 0 {
			break
		}
		inner := s[a : a+k]
		if n := utf8.RuneCountInString(inner); n >= 2 && n <= 12 && !strings.ContainsAny(inner, "“，。；\n") {
			out = append(out, [2]int{a, a + k})
		}
		i = a + k
	}
	return out
}

// SplitList cuts a metadata cell listing several names (issuing bodies)
// at , ; 、 | and their full-width forms.
func SplitList(cell string) []Item {
	var out []Item
	for _, p := range strings.FieldsFunc(cell, func(r rune) bool {
		return r == ',' || r == ';' || r == '、' || r == '|' || r == '，' || r == '；'
	}) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, Item{Key: p, Label: p})
		}
	}
	return out
}

// Located is an item found at a byte offset of a text.
type Located struct {
	Item
	Start int
}

// Place puts located items into windows (byte spans, in text order): the
// window holding each item's start; items outside every window are left
// out.
func Place(windows [][2]int, items []Located) [][]Item {
	slices.SortStableFunc(items, func(a, b Located) int { return a.Start - b.Start })
	out := make([][]Item, len(windows))
	k := 0
	for _, it := range items {
		for k < len(windows) && windows[k][1] <= it.Start {
			k++
		}
		if k < len(windows) && windows[k][0] <= it.Start {
			out[k] = append(out[k], it.Item)
		}
	}
	return out
}
