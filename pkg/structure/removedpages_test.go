package structure

import (
	"strings"
	"testing"
)

func TestReadPageNumber(t *testing.T) {
	for _, c := range []struct {
		in      string
		n       int
		std, ok bool
	}{
		{"— 3 —", 3, true, true},
		{"-12-", 12, false, true},
		{"第 3 页 共 10 页", 3, false, true},
		{" 7 ", 7, false, true},
		{"3/12", 3, false, true},
		{"3/ab", 0, false, false},
		{"12345", 0, false, false},
		{"三", 0, false, false},
		{"", 0, false, false},
	} {
		n, std, ok := ReadPageNumber(c.in)
		if n != c.n || std != c.std || ok != c.ok {
			t.Errorf("ReadPageNumber(%q) = %d, %v, %v; want %d, %v, %v", c.in, n, std, ok, c.n, c.std, c.ok)
		}
	}
}

// TestRemovedPagesJoinTheRun: bare numbers 2 and 8 on lines of their own
// are page numbers only with the pages between (3-7) that cleaning removed
// with the line ends it joined: alone they jump by 6 and read as text.
func TestRemovedPagesJoinTheRun(t *testing.T) {
	var b strings.Builder
	b.WriteString("关于开展试点工作的通知\n各有关单位：\n")
	para := strings.Repeat("为推进工作，现将有关事项通知如下，请结合实际认真贯彻落实。", 3) + "\n"
	b.WriteString(para)
	b.WriteString("2\n")
	var removed []PageNumber
	for n := 3; n <= 7; n++ {
		b.WriteString(para)
		removed = append(removed, PageNumber{Field: Field{Start: b.Len() - 10, End: b.Len() - 10}, Number: n})
	}
	b.WriteString("8\n")
	b.WriteString(para)
	text := b.String()
	if got := Parse(text).PageNumbers; len(got) != 0 {
		t.Fatalf("without the removed pages: %d page numbers, want 0 (2 then 8 is no run)", len(got))
	}
	got := ParseFoldedPages(text, "", removed).PageNumbers
	if len(got) != 2 || got[0].Number != 2 || got[1].Number != 8 || text[got[1].Start:got[1].End] != "8" {
		t.Fatalf("with the removed pages: %+v, want the bare 2 and 8", got)
	}
}
