package main

import "testing"

func TestCnNum(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "十": 10, "十四": 14, "二十": 20, "二十三": 23} {
		if got, ok := cnNum(s); !ok || got != want {
			t.Errorf("cnNum(%s) = %d, %v; want %d", s, got, ok, want)
		}
	}
	if _, ok := cnNum("百"); ok {
		t.Error("cnNum(百) read")
	}
}

// TestShaped: the shape rules on phrases of the DEV national documents.
func TestShaped(t *testing.T) {
	heads := map[string]bool{"建设": true, "改革": true}
	words := map[string]bool{"社会主义": true, "体制": true}
	mk := func(first, firstW, last, lastW string, inner []string, next map[string]int, nextPOS map[string]string) *cand {
		return &cand{first: first, firstW: firstW, last: last, lastW: lastW, inner: inner, uses: 10,
			next: next, prev: map[string]int{"": 10}, nextPOS: nextPOS, prevPOS: map[string]string{}}
	}
	none := map[string]int{"": 10}
	for _, c := range []struct {
		k    string
		c    *cand
		want bool
	}{
		{"社会主义现代化建设", mk("n", "社会主义", "vn", "建设", []string{"现代化/vn"}, none, nil), true},
		{"基础设施建设", mk("n", "基础设施", "vn", "建设", nil, none, nil), false},                                                               // no word of the lexicon before the head
		{"深化经济体制改革", mk("j", "深化", "vn", "改革", []string{"经济体制/n"}, none, nil), false},                                                // an opener
		{"社会主义市场", mk("n", "社会主义", "n", "市场", nil, none, nil), false},                                                                // no head
		{"经济体制改革", mk("n", "经济", "vn", "改革", []string{"体制/n"}, map[string]int{"试点": 8, "": 2}, map[string]string{"试点": "n"}), false}, // continued
		{"以习近平同志为核心的党中央", mk("nz", "以习近平同志为核心的党中央", "nz", "以习近平同志为核心的党中央", nil, none, nil), true},                                    // one policy word
		{"全国人民代表大会常务委员会", mk("nt", "全国人民代表大会常务委员会", "nt", "全国人民代表大会常务委员会", nil, none, nil), false},
	} {
		if got := shaped(c.k, c.c, heads, words); got != c.want {
			t.Errorf("shaped(%s) = %v, want %v", c.k, got, c.want)
		}
	}
}
