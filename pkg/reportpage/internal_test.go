package reportpage

import (
	"slices"
	"testing"

	"zhpolicy/pkg/analysis/overview"
)

func TestBuildTimeline(t *testing.T) {
	docs := []docInfo{
		{Name: "2019.txt", Year: 2019, Chars: 1000, Forms: map[string]int64{"a": 1}},
		{Name: "2020.txt", Year: 2020, Chars: 2000, Forms: map[string]int64{"a": 2, "b": 5}},
		{Name: "2020b.txt", Year: 2020, Chars: 500, Forms: map[string]int64{"a": 1}},
		{Name: "2022.txt", Year: 2022, Chars: 1000, Forms: map[string]int64{"a": 3, "c": 1}, Tracked: map[string]int64{"w": 4}},
		{Name: "x.txt", Chars: 10, Forms: map[string]int64{"a": 100}},
	}
	items := []*overview.Item{
		{Key: "a", Type: "lexicon", Count: 107, Docs: 5, Forms: map[string]int64{"a": 107}},
		{Key: "b", Type: "numbered", Count: 5, Docs: 1, Forms: map[string]int64{"b": 5}},
		{Key: "c", Type: "quoted", Count: 1, Docs: 1, Forms: map[string]int64{"c": 1}},
	}
	track := []trackTerm{{Text: "W", Key: "w"}, {Text: "缺", Key: "缺"}}
	tl := buildTimeline(docs, items, track, 5)
	if tl == nil {
		t.Fatal("no timeline")
	}
	if !slices.Equal(tl.Years, []int{2019, 2020, 2022}) || !slices.Equal(tl.Chars, []int64{1000, 2500, 1000}) || !slices.Equal(tl.Docs, []int{1, 2, 1}) {
		t.Errorf("years %v chars %v docs %v", tl.Years, tl.Chars, tl.Docs)
	}
	var keys []string
	for _, l := range tl.Lines {
		keys = append(keys, l.Key)
	}
	// tracked first (w as a word, 缺 found nowhere), then a; b and c occur
	// in one year only and are left out (three years or more)
	if !slices.Equal(keys, []string{"w", "缺", "a"}) {
		t.Fatalf("lines %v", keys)
	}
	if !tl.Lines[0].Words || !slices.Equal(tl.Lines[0].Counts, []int64{0, 0, 4}) {
		t.Errorf("tracked word line %+v", tl.Lines[0])
	}
	if !slices.Equal(tl.Lines[2].Counts, []int64{1, 3, 3}) {
		t.Errorf("a counts %v (the undated document is left out)", tl.Lines[2].Counts)
	}
	if !slices.Equal(tl.Missing, []string{"缺"}) || !slices.Equal(tl.Undated, []string{"x.txt"}) {
		t.Errorf("missing %v undated %v", tl.Missing, tl.Undated)
	}
	if tl := buildTimeline(docs, items, track, 0); len(tl.Lines) != 2 {
		t.Errorf("top 0 keeps the tracked terms only: %d lines", len(tl.Lines))
	}
	// two years: a formulation of one year is enough; ranked by its count
	// in the documents dated
	if tl := buildTimeline(docs[:2], items, nil, 5); len(tl.Lines) != 2 || tl.Lines[0].Key != "b" || tl.Lines[1].Key != "a" {
		t.Errorf("two years: %+v", tl.Lines)
	}
	// one year: no timeline
	if buildTimeline(docs[:1], items, nil, 5) != nil {
		t.Error("a timeline of one year")
	}
}

func TestPageScript(t *testing.T) {
	tests := []struct {
		mode       string
		trad, simp int
		cfg, lang  string
	}{
		{"auto", 1, 2, "", "zh-Hans"},
		{"auto", 3, 2, "s2t", "zh-Hant"},
		{"auto", 1, 1, "", "zh-Hans"},
		{"s", 5, 0, "", "zh-Hans"},
		{"t", 0, 5, "s2t", "zh-Hant"},
		{"tw", 0, 5, "s2tw", "zh-TW"},
		{"hk", 0, 5, "s2hk", "zh-HK"},
	}
	for _, tt := range tests {
		cfg, lang := pageScript(tt.mode, &Collected{traditional: tt.trad, simplified: tt.simp})
		if cfg != tt.cfg || lang != tt.lang {
			t.Errorf("pageScript(%s, %d trad, %d simp) = %s %s, want %s %s", tt.mode, tt.trad, tt.simp, cfg, lang, tt.cfg, tt.lang)
		}
	}
}

func TestShortName(t *testing.T) {
	for in, want := range map[string]string{"gwr/2025.txt": "2025", "gwr/": "gwr", "a.b/c": "c", ".hidden": ".hidden", "x.tar.gz": "x.tar"} {
		if got := shortName(in); got != want {
			t.Errorf("shortName(%q) = %q, want %q", in, got, want)
		}
	}
}
