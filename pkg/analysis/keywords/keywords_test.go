package keywords

import (
	"math"
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// doc builds an Input from a hand-segmented text: "word/pos" items
// separated by spaces, concatenated without the spaces; "|" is a line
// break. This keeps the tests independent of the segmenter.
func doc(t testing.TB, kind script.Kind, spec string) *analysis.Input {
	t.Helper()
	var text strings.Builder
	var toks []segment.Token
	for _, item := range strings.Fields(spec) {
		if item == "|" {
			text.WriteString("\n")
			continue
		}
		i := strings.LastIndexByte(item, '/')
		if i <= 0 {
			t.Fatalf("bad item %q", item)
		}
		w, pos := item[:i], item[i+1:]
		start := text.Len()
		text.WriteString(w)
		toks = append(toks, segment.Token{Text: w, Start: int32(start), End: int32(text.Len()), POS: pos})
	}
	return analysis.NewInput("test.txt", text.String(), kind, toks)
}

// checkRanked fails the test for every key of dropped that got holds and
// every key of kept that it lacks (got: the keys of a ranking, see keys).
func checkRanked(t *testing.T, got, dropped, kept []string) {
	t.Helper()
	for _, k := range dropped {
		if slices.Contains(got, k) {
			t.Errorf("%s ranked: %v", k, got)
		}
	}
	for _, k := range kept {
		if !slices.Contains(got, k) {
			t.Errorf("%s not ranked: %v", k, got)
		}
	}
}

func keys(kws []Keyword) []string {
	out := make([]string, len(kws))
	for i, k := range kws {
		out[i] = k.Key
	}
	return out
}

func surfaces(kws []Keyword) []string {
	out := make([]string, len(kws))
	for i, k := range kws {
		out[i] = k.Surface
	}
	return out
}

func TestExtractFilters(t *testing.T) {
	tests := []struct {
		name    string
		spec    string
		opts    Options
		want    []string // keys, in order; nil: no keywords
		wantNot []string
	}{
		{
			name: "punctuation digits single characters pinyin and stopwords are never keywords",
			spec: "要/v 进一步/d 加强/v 医/n 药/n 产业/n ，/w 2024/m 年/m huì/eng 产业/n 。/w 区/n 公司/n 化/n 园区/n",
			want: []string{"产业", "园区"},
		},
		{
			name:    "min-len 1 allows single characters",
			spec:    "医/n 产业/n ，/w 医/n",
			opts:    Options{MinLen: 1},
			want:    []string{"医", "产业"},
			wantNot: []string{"，"},
		},
		{
			name: "verbs and adjectives are left out by default",
			spec: "编制/v 规划/n ，/w 美丽/a 乡村/n",
			want: []string{"乡村", "规划"},
		},
		{
			name: "a custom part-of-speech list",
			spec: "编制/v 规划/n ，/w 美丽/a 乡村/n",
			opts: Options{POS: mustPOS(t, "v")},
			want: []string{"编制"},
		},
		{
			name: "an empty stopword set lets policy verbs through when their tag allows",
			spec: "加强/n 建设/vn",
			opts: Options{Stopwords: NewStopwords()},
			want: []string{"加强", "建设"},
		},
		{
			name: "Chinese numerals are not keywords but 十四五 is (ties: the longer first)",
			spec: "三千/m 企业/n 十四五/nz",
			want: []string{"十四五", "企业"},
		},
		{
			name: "acronyms and lower-case Latin are left out",
			spec: "GDP/eng 增长/v ，/w xinzhi/eng 产业/n",
			want: []string{"产业"},
		},
		{
			name: "a new word the HMM glued to a function character is dropped",
			spec: "以龙/x 凤山/x 灌区/n",
			want: []string{"凤山", "灌区"},
		},
		{
			name: "no tokens",
			spec: "",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(doc(t, script.Simplified, tt.spec), tt.opts, 0)
			if !slices.Equal(keys(got), tt.want) {
				t.Errorf("keywords = %q, want %q", keys(got), tt.want)
			}
			for _, k := range got {
				if slices.Contains(tt.wantNot, k.Key) {
					t.Errorf("%q must not be a keyword", k.Key)
				}
			}
		})
	}
}

func mustPOS(t testing.TB, tags ...string) *POSFilter {
	t.Helper()
	f, err := NewPOSFilter(tags)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestPhrases(t *testing.T) {
	tests := []struct {
		name string
		spec string
		opts Options
		want []string // keys of all keywords, sorted
	}{
		{
			name: "repeated adjacent nouns become one key phrase, not pieces",
			spec: "医药/n 高新区/nr 发展/vn 。/w 医药/n 高新区/nr 建设/vn",
			want: []string{"医药高新区"},
		},
		{
			name: "pieces used on their own still count on their own",
			spec: "医药/n 高新区/nr 。/w 医药/n 高新区/nr 。/w 医药/n 企业/n",
			want: []string{"企业", "医药", "医药高新区"},
		},
		{
			name: "a pair seen once is not a phrase",
			spec: "医药/n 高新区/nr 。/w 医药/n",
			want: []string{"医药", "高新区"},
		},
		{
			name: "punctuation between words breaks a phrase",
			spec: "医药/n 、/w 高新区/nr 。/w 医药/n 、/w 高新区/nr",
			want: []string{"医药", "高新区"},
		},
		{
			name: "a phrase never starts with a stopword",
			spec: "加强/v 监管/vn 。/w 加强/v 监管/vn",
			want: []string{"监管"},
		},
		{
			name: "a stopword may end a phrase",
			spec: "高质量/n 发展/vn 。/w 高质量/n 发展/vn",
			want: []string{"高质量发展"},
		},
		{
			name: "the last word of a phrase must be of an allowed part of speech",
			spec: "巡视/v 整改/v 。/w 巡视/v 整改/v 。/w 疫情/n 防控/vn 。/w 疫情/n 防控/vn",
			want: []string{"疫情防控"},
		},
		{
			name: "verbs allowed as keywords still never end a phrase",
			// (巡视 also on its own: always before 整改 it would be a
			// piece of a fixed unit that is no term, ranked nothing)
			spec: notShort("巡视/v 整改/v 。/w 巡视/v 整改/v 。/w 巡视/v 。/w 疫情/n 防控/vn 。/w 疫情/n 防控/vn"),
			opts: Options{POS: mustPOS(t, "n", "vn", "v")},
			want: []string{"巡视", "整改", "疫情防控"},
		},
		{
			name: "in a short text (an abstract) a phrase may end in any allowed word",
			spec: "巡视/v 整改/v 。/w 巡视/v 整改/v 。/w 疫情/n 防控/vn 。/w 疫情/n 防控/vn",
			opts: Options{POS: mustPOS(t, "n", "vn", "v")},
			want: []string{"巡视整改", "疫情防控"},
		},
		{
			name: "a chance neighbourhood of frequent words is not a phrase",
			spec: "乡村/n 振兴/vn 。/w 乡村/n 振兴/vn 。/w 乡村/n 。/w 乡村/n 。/w 乡村/n 。/w 乡村/n 。/w 乡村/n 。/w 乡村/n 。/w" +
				" 振兴/vn 。/w 振兴/vn 。/w 振兴/vn 。/w 振兴/vn 。/w 振兴/vn 。/w 振兴/vn 。/w 振兴/vn",
			want: []string{"乡村", "振兴"},
		},
		{
			name: "a term nearly always inside the same longer term is counted as that term",
			spec: notShort("完善/v 导航/vn 电子地图/n 。/w 导航/vn 电子地图/n 。/w 发布/v 导航/vn 电子地图/n 。/w 导航/vn 。/w 导航/vn 。/w 导航/vn 。/w 导航/vn"),
			want: []string{"导航", "导航电子地图"},
		},
		{
			name: "a piece of a fixed unit that is no term is ranked nothing",
			spec: notShort("坚持/v 两条腿/n 走路/v 。/w 坚持/v 两条腿/n 走路/v 。/w 两条腿/n 走路/v 。/w 城市/n 发展/vn 。/w 城市/n 发展/vn"),
			want: []string{"城市发展"},
		},
		{
			name: "a word before the same verb that is said of other things too is no piece (a clause)",
			spec: notShort("平台/n 入选/v 。/w 平台/n 入选/v 。/w 城市/n 入选/v 。/w 课程/n 入选/v"),
			want: []string{"城市", "平台", "课程"},
		},
		{
			name: "phrases off",
			spec: "医药/n 高新区/nr 。/w 医药/n 高新区/nr",
			opts: Options{NoPhrases: true},
			want: []string{"医药", "高新区"},
		},
		{
			name: "a word that starts with a stopword counts as the rest when the rest is used alone",
			spec: "推动高质量发展/l 。/w 高质量发展/n 。/w 推进改革/l",
			want: []string{"推进改革", "高质量发展"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := keys(Extract(doc(t, script.Simplified, tt.spec), tt.opts, 0))
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("keywords = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPhraseCountAndSurface(t *testing.T) {
	in := doc(t, script.Simplified, "推动高质量发展/l 。/w 高质量发展/n 。/w 高质量发展/n")
	kws := Extract(in, Options{}, 0)
	if len(kws) != 1 || kws[0].Key != "高质量发展" || kws[0].Count != 3 || kws[0].Surface != "高质量发展" {
		t.Fatalf("got %+v, want 高质量发展 counted 3 times", kws)
	}
	in = doc(t, script.Simplified, "医药/n 高新区/nr 。/w 医药/n 高新区/nr")
	kws = Extract(in, Options{}, 0)
	if len(kws) != 1 || !kws[0].Phrase || kws[0].Count != 2 {
		t.Fatalf("got %+v, want one phrase counted twice", kws)
	}
}

func TestTraditional(t *testing.T) {
	trad := doc(t, script.Traditional, "醫藥/n 高新區/nr 。/w 醫藥/n 高新區/nr 。/w 經濟/n")
	kws := Extract(trad, Options{}, 0)
	if got := keys(kws); !slices.Equal(got, []string{"医药高新区", "经济"}) {
		t.Fatalf("keys = %q, want Simplified keys", got)
	}
	if got := surfaces(kws); !slices.Equal(got, []string{"醫藥高新區", "經濟"}) {
		t.Errorf("surfaces = %q, want the document's Traditional forms", got)
	}
}

func TestSurfaceMostFrequentForm(t *testing.T) {
	// a mixed document writes the same term in both scripts.
	in := doc(t, script.Mixed, "經濟/n 。/w 经济/n 。/w 经济/n")
	kws := Extract(in, Options{}, 0)
	if len(kws) != 1 || kws[0].Surface != "经济" || kws[0].Count != 3 {
		t.Fatalf("got %+v, want one term shown as 经济", kws)
	}
}

func TestTFIDFScores(t *testing.T) {
	idf := NewMapIDF(map[string]float64{"产业": 2, "医药": 4, "乡村": 6})
	in := doc(t, script.Simplified, "产业/n 。/w 产业/n 。/w 医药/n 。/w 乡村/n 。/w 园区/n")
	got := Extract(in, Options{IDF: idf}, 0)
	want := map[string]float64{
		"产业": (1 + math.Ln2) / 5 * 2, // damped: 1 + ln 2
		"医药": 1.0 / 5 * 4,
		"乡村": 1.0 / 5 * 6,
		"园区": 1.0 / 5 * idf.Median(), // unknown: the median (4)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d keywords, want %d", len(got), len(want))
	}
	for _, k := range got {
		if math.Abs(k.Score-want[k.Key]) > 1e-12 {
			t.Errorf("%s: score %v, want %v", k.Key, k.Score, want[k.Key])
		}
	}
	// 乡村 1.2 > 医药 0.8 = 园区 0.8 (ties by key) > 产业 0.68.
	if order := keys(got); !slices.Equal(order, []string{"乡村", "医药", "园区", "产业"}) {
		t.Errorf("order = %q", order)
	}
}

func TestHeadingsCountMore(t *testing.T) {
	// 乡村 once in a title line; 产业 twice in body text.
	in := doc(t, script.Simplified, "乡村/n 振兴/vn | 产业/n 发展/vn 很/d 快/a ，/w 产业/n 增长/v 。/w")
	got := Extract(in, Options{}, 0)
	if len(got) == 0 || got[0].Key != "乡村" {
		t.Fatalf("order = %q, want the heading word first", keys(got))
	}
	if got[0].Count != 1 {
		t.Errorf("count = %d, want the plain count 1", got[0].Count)
	}
}

func TestTopAndMethods(t *testing.T) {
	spec := "中心/n 甲/n 中心/n 乙/n 中心/n 丙/n 中心/n 丁/n 。/w 边缘/n"
	in := doc(t, script.Simplified, strings.ReplaceAll(spec, "甲/n", "甲方/n"))
	for _, m := range []Method{TFIDF, TextRank, Both} {
		got := Extract(in, Options{Method: m, MinLen: 1}, 2)
		if len(got) != 2 {
			t.Fatalf("%v: top 2 gave %d", m, len(got))
		}
		if got[0].Key != "中心" {
			t.Errorf("%v: first = %q, want 中心", m, got[0].Key)
		}
		if got[0].Score < got[1].Score {
			t.Errorf("%v: not sorted: %v", m, got)
		}
	}
	tr := Extract(in, Options{Method: TextRank, MinLen: 1}, 0)
	if tr[0].Score != 1 {
		t.Errorf("TextRank top score = %v, want 1 (scaled)", tr[0].Score)
	}
}

func TestEmptyAndNonChinese(t *testing.T) {
	tests := []struct {
		name          string
		text          string
		toks          []segment.Token
		empty, chines bool
	}{
		{"empty", "", nil, true, false},
		{"whitespace", " \n\t", nil, true, false},
		{"English", "Annual report", []segment.Token{{Text: "Annual", Start: 0, End: 6, POS: "eng"}, {Text: "report", Start: 7, End: 13, POS: "eng"}}, false, false},
		{"Chinese", "产业", []segment.Token{{Text: "产业", Start: 0, End: 6, POS: "n"}}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := analysis.NewInput("x", tt.text, script.Simplified, tt.toks)
			terms := Collect(in, Options{})
			if terms.Empty != tt.empty || terms.Chinese != tt.chines {
				t.Errorf("Empty=%v Chinese=%v, want %v %v", terms.Empty, terms.Chinese, tt.empty, tt.chines)
			}
			kws := terms.Score(Options{}, 10)
			if !tt.chines && kws != nil {
				t.Errorf("keywords %v, want none", kws)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	spec := strings.Repeat("医药/n 高新区/nr 产业/n 。/w 乡村/n 振兴/vn 产业/n 。/w 数字/n 经济/n 。/w ", 5)
	in := doc(t, script.Simplified, spec)
	first := Extract(in, Options{Method: Both}, 0)
	for i := 0; i < 20; i++ {
		got := Extract(in, Options{Method: Both}, 0)
		if !slices.Equal(got, first) {
			t.Fatalf("run %d differs: %v vs %v", i, got, first)
		}
	}
}

func TestParseMethod(t *testing.T) {
	for s, want := range map[string]Method{"tfidf": TFIDF, "TF-IDF": TFIDF, "": TFIDF, "textrank": TextRank, "both": Both} {
		got, err := ParseMethod(s)
		if err != nil || got != want {
			t.Errorf("ParseMethod(%q) = %v, %v", s, got, err)
		}
		if s != "" && s != "TF-IDF" && got.String() != s {
			t.Errorf("String() = %q, want %q", got.String(), s)
		}
	}
	if _, err := ParseMethod("lda"); err == nil || !strings.Contains(err.Error(), "tfidf, textrank or both") {
		t.Errorf("ParseMethod(lda) error = %v", err)
	}
}

func TestClassify(t *testing.T) {
	tests := map[string]wordKind{
		"产业": kindHan, "5G网络": kindMixed, "GDP": kindAcronym, "PM2.5": kindAcronym,
		"huì": kindOther, "hui": kindOther, "2024": kindOther, "，": kindOther, "。”": kindOther, "Wi-Fi": kindAcronym, "iPhone": kindOther,
	}
	for s, want := range tests {
		if got := classify(s); got != want {
			t.Errorf("classify(%q) = %v, want %v", s, got, want)
		}
	}
}
