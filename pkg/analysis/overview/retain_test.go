package overview

import (
	"strings"
	"testing"
	"unsafe"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// in2 is a document of the same two words as TestMergeKeepsNoText's, in a
// text of its own.
func in2(t *testing.T) *analysis.Input {
	t.Helper()
	text := "改革" + "全面深化改革"
	return analysis.NewInput("b", text, script.Simplified, []segment.Token{
		{Text: text[0:6], Start: 0, End: 6}, {Text: text[6:24], Start: 6, End: 24},
	})
}

// within says whether s lies in the memory of text.
func within(s, text string) bool {
	p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
	return len(s) > 0 && p >= b && p < b+uintptr(len(text))
}

// A sum of documents keeps copies of the strings it holds, not substrings
// of each document's text (which would keep every text of a corpus, or
// every part of a big file, in memory for as long as the sum).
func TestMergeKeepsNoText(t *testing.T) {
	text := strings.Repeat("发展", 1000) + "改革" + "全面深化改革"
	in := analysis.NewInput("a", text, script.Simplified, []segment.Token{
		{Text: text[6000:6006], Start: 6000, End: 6006}, {Text: text[6006:6024], Start: 6006, End: 6024},
	})
	words := freq.Count(in, freq.Options{})
	if ks := words.Keys(); len(ks) == 0 || !within(ks[0], text) {
		t.Skip("freq.Count copies its keys already: nothing to check")
	}
	total := freq.New()
	total.Merge(freq.Count(in2(t), freq.Options{})) // the same terms from another text first
	total.Merge(words)
	for _, k := range total.Keys() {
		if within(k, text) {
			t.Errorf("freq sum: key %q is a substring of the document", k)
		}
	}
	part := freq.New()
	part.MergePart(freq.Count(in2(t), freq.Options{}))
	part.MergePart(words)
	for _, k := range part.Keys() {
		if within(k, text) {
			t.Errorf("freq parts: key %q is a substring of the document", k)
		}
	}

	doc := NewTally()
	doc.add(text[6000:6006], "", text[6006:6024], 1, 1, []string{text[6006:6012]})
	// a sum that holds the item and its form already (from another text):
	// adding to a map entry replaces its key with the one given
	other := strings.Clone(text[6000:6024])
	first := NewTally()
	first.add(other[:6], "", other[6:], 1, 1, []string{other[6:12]})
	sum := NewTally()
	sum.Merge(first)
	sum.Merge(doc)
	for _, it := range sum.Items() {
		if within(it.Key, text) {
			t.Errorf("tally: key %q is a substring of the document", it.Key)
		}
		for f := range it.Forms {
			if within(f, text) {
				t.Errorf("tally: form %q is a substring of the document", f)
			}
		}
		for _, ti := range it.Titles {
			if within(ti, text) {
				t.Errorf("tally: title %q is a substring of the document", ti)
			}
		}
	}
	for k := range sum.items {
		if within(k.key, text) {
			t.Errorf("tally: map key %q is a substring of the document", k.key)
		}
	}
}
