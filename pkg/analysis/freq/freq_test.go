package freq

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// input builds an Input from words separated by "|" (and "/pos" tags):
// "推动/v|高质量/n|发展/vn|。/w". A "\n" inside a word starts a new line.
func input(name, spec string, kind script.Kind) *analysis.Input {
	var text strings.Builder
	var toks []segment.Token
	for _, w := range strings.Split(spec, "|") {
		pos := ""
		if i := strings.LastIndex(w, "/"); i > 0 {
			w, pos = w[:i], w[i+1:]
		}
		lead := len(w) - len(strings.TrimLeft(w, "\n "))
		text.WriteString(w[:lead])
		w = w[lead:]
		s := text.Len()
		text.WriteString(w)
		toks = append(toks, segment.Token{Text: w, Start: int32(s), End: int32(text.Len()), POS: pos})
	}
	return analysis.NewInput(name, text.String(), kind, toks)
}

type set map[string]bool

func (s set) Has(k string) bool { return s[k] }

type posSet map[string]bool

func (s posSet) Allows(p string) bool { return s[p] }

func counts(c *Counts) map[string]int64 {
	m := map[string]int64{}
	for _, t := range c.Terms(0, 0) {
		m[t.Key] = t.Count
	}
	return m
}

func TestCount(t *testing.T) {
	tests := []struct {
		name  string
		spec  string
		kind  script.Kind
		opts  Options
		want  map[string]int64
		units int64
	}{
		{"words, punctuation left out", "推动/v|高质量/n|发展/vn|，/w|高质量/n|发展/vn|。/w", script.Simplified, Options{},
			map[string]int64{"推动": 1, "高质量": 2, "发展": 2}, 5},
		{"traditional folds to simplified keys", "推動/v|高質量/n|發展/vn|、/w|發展/vn", script.Traditional, Options{},
			map[string]int64{"推动": 1, "高质量": 1, "发展": 2}, 4},
		{"ascii lower-cased, numbers kept", "GDP/eng|增长/v|5.2/m|%/x|gdp/eng", script.Simplified, Options{},
			map[string]int64{"gdp": 2, "增长": 1, "5.2": 1}, 4},
		{"han only", "GDP/eng|增长/v|5.2/m", script.Simplified, Options{HanOnly: true},
			map[string]int64{"增长": 1}, 1},
		{"min len", "的/u|高质量/n|发展/vn|和/c", script.Simplified, Options{MinLen: 2},
			map[string]int64{"高质量": 1, "发展": 1}, 2},
		{"stopwords", "推动/v|高质量/n|发展/vn", script.Simplified, Options{Stopwords: set{"推动": true}},
			map[string]int64{"高质量": 1, "发展": 1}, 2},
		{"pos", "推动/v|高质量/n|发展/vn", script.Simplified, Options{POS: posSet{"n": true, "vn": true}},
			map[string]int64{"高质量": 1, "发展": 1}, 2},
		{"bigrams stop at punctuation and line breaks", "推动/v|高质量/n|发展/vn|，/w|扎实/a|推进/v|\n共同/d|富裕/a", script.Simplified, Options{N: 2},
			map[string]int64{"推动 高质量": 1, "高质量 发展": 1, "扎实 推进": 1, "共同 富裕": 1}, 4},
		{"bigrams stop at filtered words", "推动/v|高质量/n|的/u|发展/vn|道路/n", script.Simplified, Options{N: 2, MinLen: 2},
			map[string]int64{"推动 高质量": 1, "发展 道路": 1}, 2},
		{"trigrams in traditional", "推動/v|高質量/n|發展/vn", script.Traditional, Options{N: 3},
			map[string]int64{"推动 高质量 发展": 1}, 1},
		{"characters", "發展/vn|，/w|发展/vn|GDP/eng", script.Mixed, Options{Chars: true},
			map[string]int64{"发": 2, "展": 2, "g": 1, "d": 1, "p": 1}, 7},
		{"character bigrams", "發展/vn|，/w|发展/vn|经济/n", script.Mixed, Options{Chars: true, N: 2},
			map[string]int64{"发展": 2, "展经": 1, "经济": 1}, 4},
		{"character stopwords break bigrams", "发展的经济", script.Simplified, Options{Chars: true, N: 2, Stopwords: set{"的": true}},
			map[string]int64{"发展": 1, "经济": 1}, 2},
		{"empty", "", script.Unknown, Options{}, map[string]int64{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Count(input("a", tt.spec, tt.kind), tt.opts)
			got := counts(c)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("counts %v, want %v", got, tt.want)
			}
			if c.Units != tt.units || c.Docs != 1 {
				t.Errorf("units %d docs %d, want %d and 1", c.Units, c.Docs, tt.units)
			}
		})
	}
}

func TestSurfaceForms(t *testing.T) {
	c := Count(input("t", "發展/vn|發展/vn|GDP/eng", script.Traditional), Options{})
	c.Merge(Count(input("s", "发展/vn|gdp/eng|GDP/eng", script.Simplified), Options{}))
	tests := []struct {
		key, surface string
		count, docs  int64
		forms        string
	}{
		{"发展", "發展", 3, 2, "[{发展 1} {發展 2}]"},
		{"gdp", "GDP", 3, 2, "[{GDP 2} {gdp 1}]"},
	}
	for _, tt := range tests {
		got := c.Get(tt.key)
		if got.Surface != tt.surface || got.Count != tt.count || got.Docs != tt.docs {
			t.Errorf("%s: %+v, want surface %s count %d docs %d", tt.key, got, tt.surface, tt.count, tt.docs)
		}
		if f := fmt.Sprint(c.Forms(tt.key)); f != tt.forms {
			t.Errorf("%s: forms %s, want %s", tt.key, f, tt.forms)
		}
	}
	// equally frequent forms: the first in string order
	c = Count(input("m", "發展/vn|发展/vn", script.Mixed), Options{})
	if s := c.Get("发展").Surface; s != "发展" {
		t.Errorf("tie: surface %s, want 发展 (the first in string order)", s)
	}
	if got := c.Get("absent"); got.Count != 0 || got.Surface != "absent" {
		t.Errorf("absent term: %+v", got)
	}
}

func TestTermsOrderAndFilters(t *testing.T) {
	c := Count(input("a", "乙/n|甲/n|丙/n|甲/n|乙/n|丁/n", script.Simplified), Options{})
	tests := []struct {
		min  int64
		top  int
		want string
	}{
		{0, 0, "乙 甲 丁 丙"}, // count desc, ties by key (byte order)
		{2, 0, "乙 甲"},
		{0, 3, "乙 甲 丁"},
		{3, 0, ""},
	}
	for _, tt := range tests {
		var keys []string
		for _, term := range c.Terms(tt.min, tt.top) {
			keys = append(keys, term.Key)
		}
		if got := strings.Join(keys, " "); got != tt.want {
			t.Errorf("Terms(%d,%d) = %q, want %q", tt.min, tt.top, got, tt.want)
		}
	}
	if s := c.Get("甲").Share; s != 2.0/6 {
		t.Errorf("share %v, want 1/3", s)
	}
}

// randomCorpus makes n documents of words from a small vocabulary in both
// scripts, with punctuation and line breaks.
func randomCorpus(r *rand.Rand, n int) []*analysis.Input {
	vocab := []string{"发展/vn", "發展/vn", "改革/vn", "經濟/n", "经济/n", "GDP/eng", "gdp/eng", "，/w", "。/w", "\n坚持/v", "的/u", "5.2/m", "新质生产力/n"}
	docs := make([]*analysis.Input, n)
	for i := range docs {
		k := r.IntN(40)
		words := make([]string, k)
		for j := range words {
			words[j] = vocab[r.IntN(len(vocab))]
		}
		docs[i] = input(fmt.Sprintf("d%d", i), strings.Join(words, "|"), script.Mixed)
	}
	return docs
}

// Merging the partials of any split of a corpus, in any order, gives
// exactly the counts of one run over the whole, and the same partial file.
func TestMergeAnySplitAnyOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	docs := randomCorpus(r, 60)
	for _, opts := range []Options{{}, {N: 2}, {Chars: true}, {Chars: true, N: 3}, {MinLen: 2, Stopwords: set{"坚持": true}}} {
		whole := New()
		for _, d := range docs {
			whole.Merge(Count(d, opts))
		}
		for trial := 0; trial < 20; trial++ {
			// split into 1..6 shards at random, each shard a partial file
			k := 1 + r.IntN(6)
			var all []string
			for i := range k {
				all = append(all, fmt.Sprint("run", i))
			}
			var want bytes.Buffer
			if err := WritePartial(&want, Header{Envelope: partial.Envelope{Parts: all}}, whole); err != nil {
				t.Fatal(err)
			}
			shards := make([]*Counts, k)
			for i := range shards {
				shards[i] = New()
			}
			for _, d := range docs {
				shards[r.IntN(k)].Merge(Count(d, opts))
			}
			files := make([][]byte, k)
			for i, s := range shards {
				var b bytes.Buffer
				if err := WritePartial(&b, Header{Envelope: partial.Envelope{Parts: all[i : i+1]}}, s); err != nil {
					t.Fatal(err)
				}
				files[i] = b.Bytes()
			}
			// merge them in a random order, as a random tree
			r.Shuffle(len(files), func(i, j int) { files[i], files[j] = files[j], files[i] })
			// and as one stream of partials one after the other (cat)
			_, cat, err := ReadPartial("cat", bytes.NewReader(bytes.Join(files, nil)))
			if err != nil {
				t.Fatal(err)
			}
			if !cat.Equal(whole) {
				t.Fatalf("%+v trial %d: concatenated partials read differently from the whole", opts, trial)
			}
			for len(files) > 1 {
				i := r.IntN(len(files) - 1)
				ha, a, err := ReadPartial("a", bytes.NewReader(files[i]))
				if err != nil {
					t.Fatal(err)
				}
				hb, b, err := ReadPartial("b", bytes.NewReader(files[i+1]))
				if err != nil {
					t.Fatal(err)
				}
				if err := ha.Add(hb, a, b); err != nil {
					t.Fatal(err)
				}
				var out bytes.Buffer
				if err := WritePartial(&out, ha, a); err != nil {
					t.Fatal(err)
				}
				files = append(files[:i], append([][]byte{out.Bytes()}, files[i+2:]...)...)
			}
			_, got, err := ReadPartial("merged", bytes.NewReader(files[0]))
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(whole) {
				t.Fatalf("%+v trial %d: merged counts differ from the whole", opts, trial)
			}
			if !bytes.Equal(files[0], want.Bytes()) {
				t.Fatalf("%+v trial %d: merged partial differs from the partial of the whole", opts, trial)
			}
		}
	}
}

func TestReadPartialErrors(t *testing.T) {
	hdr := func(docs, units, terms int) string {
		return fmt.Sprintf(`{"format":"zhpolicy-partial","version":2,"kind":"freq","parts":["p%d%d%d"],"records":%d,"settings":{"unit":"word","ngram":1,"min_len":1,"han_only":false,"hmm":false,"clean":true},"docs":%d,"units":%d}`+"\n", docs, units, terms, terms, docs, units)
	}
	term := func(k string, n, d int) string {
		return fmt.Sprintf(`{"kind":"term","term":%q,"count":%d,"docs":%d}`+"\n", k, n, d)
	}
	tests := []struct {
		name, file, want string
	}{
		{"ok", hdr(2, 5, 2) + term("发展", 3, 2) + term("改革", 2, 1), ""},
		{"ok with blank lines and CRLF", hdr(1, 1, 1) + "\r\n" + strings.TrimSuffix(term("发展", 1, 1), "\n") + "\r\n", ""},
		{"empty", "", "empty file"},
		{"a document, not a partial", "推动高质量发展\n", "in.jsonl:1: not a zhpolicy partial"},
		{"other json", `{"term":"x"}` + "\n", "in.jsonl:1: not a zhpolicy partial"},
		{"newer version", strings.Replace(hdr(1, 1, 1), `"version":2`, `"version":3`, 1), "newer than this zhpolicy reads"},
		{"older version", strings.Replace(hdr(1, 1, 1), `"version":2`, `"version":1`, 1), "count the documents again"},
		{"other command", strings.Replace(hdr(1, 1, 1), `"kind":"freq"`, `"kind":"analyze"`, 1), "not of freq"},
		{"no parts", strings.Replace(hdr(1, 1, 1), `"parts":["p111"]`, `"parts":[]`, 1), "without parts"},
		{"truncated", hdr(2, 5, 2) + term("发展", 3, 2), "ends after 1 of the 2 records"},
		{"units do not add up", hdr(2, 6, 2) + term("发展", 3, 2) + term("改革", 2, 1), "add up to 5"},
		{"cut mid-line", hdr(2, 5, 2) + term("发展", 3, 2) + `{"kind":"term","te`, "in.jsonl:3: bad record"},
		{"duplicate", hdr(1, 2, 2) + term("发展", 1, 1) + term("发展", 1, 1), "in.jsonl:3: term \"发展\" appears twice"},
		{"docs above count", hdr(3, 1, 1) + term("发展", 1, 2), "in.jsonl:2: term \"发展\": docs 2"},
		{"docs above documents", hdr(1, 5, 1) + term("发展", 5, 2), "in.jsonl:2: term \"发展\": docs 2"},
		{"zero count", hdr(1, 0, 1) + term("发展", 0, 1), "count 0"},
		{"unknown field", hdr(1, 1, 1) + `{"kind":"term","term":"a","count":1,"docs":1,"extra":1}` + "\n", "in.jsonl:2: bad record"},
		{"wrong kind", hdr(1, 1, 1) + `{"kind":"keyword","term":"a","count":1,"docs":1}` + "\n", "kind \"keyword\""},
		{"two partials in a row", hdr(2, 5, 2) + term("发展", 3, 2) + term("改革", 2, 1) + hdr(1, 1, 1) + term("发展", 1, 1), ""},
		{"second partial cut short", hdr(1, 1, 1) + term("发展", 1, 1) + hdr(1, 2, 2) + term("发展", 1, 1), "ends after 1 of the 2 records"},
		{"second partial counted differently", hdr(1, 1, 1) + term("发展", 1, 1) + strings.Replace(hdr(1, 1, 1), `"ngram":1`, `"ngram":2`, 1) + term("a b", 1, 1), "in.jsonl:3: counted differently"},
		{"the same partial twice", hdr(1, 1, 1) + term("发展", 1, 1) + hdr(1, 1, 1) + term("发展", 1, 1), "counted twice"},
		{"overflow", strings.Replace(hdr(1, 1, 1), `"units":1`, `"units":9223372036854775807`, 1) + strings.Replace(term("发展", 1, 1), `"count":1`, `"count":9223372036854775807`, 1) +
			strings.Replace(hdr(1, 1, 1), "p111", "q", 1) + term("发展", 1, 1), "overflows"},
		{"overflow in one partial", strings.Replace(hdr(1, 2, 2), `"units":2`, `"units":1`, 1) + strings.Replace(term("a", 1, 1), `"count":1`, `"count":9223372036854775807`, 1) + term("b", 2, 1), "overflows"},
		{"form equal to key", hdr(1, 1, 1) + `{"kind":"term","term":"a","count":1,"docs":1,"forms":{"a":1}}` + "\n", "invalid form"},
		{"forms above count", hdr(1, 1, 1) + `{"kind":"term","term":"a","count":1,"docs":1,"forms":{"A":2}}` + "\n", "forms count 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, c, err := ReadPartial("in.jsonl", strings.NewReader(tt.file))
			if tt.want == "" {
				if err != nil || c == nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSettingsEqual(t *testing.T) {
	a := Settings{Unit: "word", N: 1, POS: []string{"n", "v"}, Clean: true}
	tests := []struct {
		b    Settings
		diff string
	}{
		{Settings{Unit: "word", N: 1, POS: []string{"n", "v"}, Clean: true}, ""},
		{Settings{Unit: "char", N: 1, POS: []string{"n", "v"}, Clean: true}, "unit word vs char"},
		{Settings{Unit: "word", N: 2, POS: []string{"n", "v"}, Clean: true}, "--ngram 1 vs 2"},
		{Settings{Unit: "word", N: 1, POS: []string{"n"}, Clean: true}, "--pos n,v vs n"},
		{Settings{Unit: "word", N: 1, POS: []string{"n", "v"}, Clean: true, Stopwords: "x"}, "different --stopwords"},
		{Settings{Unit: "word", N: 1, POS: []string{"n", "v"}}, "--no-clean false vs true"},
	}
	for _, tt := range tests {
		if got := a.Diff(tt.b); got != tt.diff || a.Equal(tt.b) != (tt.diff == "") {
			t.Errorf("Diff = %q (Equal %v), want %q", got, a.Equal(tt.b), tt.diff)
		}
	}
}

func BenchmarkCountWords(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	docs := randomCorpus(r, 200)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	for b.Loop() {
		total := New()
		for _, d := range docs {
			total.Merge(Count(d, Options{}))
		}
	}
}

// TestAddDocAsMerge: documents counted into sums with AddDoc (documents
// dealt to sums at random, the sums merged, some starting from merged
// counts) come to the same counts as every document's Count merged.
func TestAddDocAsMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	docs := randomCorpus(r, 60)
	for _, opts := range []Options{{}, {N: 2}, {Chars: true}, {Chars: true, N: 3}, {MinLen: 2, Stopwords: set{"坚持": true}}} {
		whole := New()
		in := map[string]int64{} // documents a term is in, from each document's terms
		for _, d := range docs {
			c := Count(d, opts)
			whole.Merge(c)
			for _, k := range c.Keys() {
				in[k]++
			}
		}
		for _, k := range whole.Keys() {
			if got := whole.Get(k).Docs; got != in[k] {
				t.Fatalf("%+v: %q in %d documents, counted in %d", opts, k, in[k], got)
			}
		}
		for trial := range 10 {
			sums := []*Counts{New(), {}, Count(docs[0], opts)}
			for _, d := range docs[1:] {
				s := sums[r.IntN(len(sums))]
				if r.IntN(10) == 0 {
					s.Merge(Count(d, opts))
					continue
				}
				s.AddDoc(d, opts)
			}
			got := New()
			for _, s := range sums {
				got.Merge(s)
			}
			if !got.Equal(whole) || got.Docs != whole.Docs || got.Units != whole.Units {
				t.Fatalf("%+v trial %d: AddDoc sums differ from the merged counts (docs %d/%d, units %d/%d)",
					opts, trial, got.Docs, whole.Docs, got.Units, whole.Units)
			}
			// and one sum of every document
			one := New()
			for _, d := range docs {
				one.AddDoc(d, opts)
			}
			if !one.Equal(whole) {
				t.Fatalf("%+v: one AddDoc sum differs from the merged counts", opts)
			}
		}
	}
}

// Terms with a small top (picked by a heap, topTerms) is the head of the
// whole sorted list, on counts with many ties and with surface forms.
func TestTopTermsAsTheSortedHead(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 1))
	for round := 0; round < 50; round++ {
		c := New()
		c.Units = 1000
		n := 1 + rng.IntN(400)
		for i := 0; i < n; i++ {
			key := fmt.Sprintf("k%03d", rng.IntN(500))
			c.add(key, key, int64(1+rng.IntN(6)))
			if rng.IntN(5) == 0 {
				c.add(key, strings.ToUpper(key), 1)
			}
		}
		for _, atLeast := range []int64{0, 2, 5} {
			all := c.Terms(atLeast, 0)
			for _, top := range []int{1, 2, 3, 7, 20, c.Len()/4 - 1, c.Len() / 4} {
				if top <= 0 {
					continue
				}
				want := all[:min(top, len(all))]
				got := c.topTerms(atLeast, top)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("round %d, min %d, top %d:\n got %v\nwant %v", round, atLeast, top, got, want)
				}
				if got := c.Terms(atLeast, top); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("Terms(%d, %d) = %v, want %v", atLeast, top, got, want)
				}
			}
		}
	}
}

// BenchmarkTermsTop20 is the default freq table's selection over the
// counts of a corpus-sized vocabulary (200,000 terms).
func BenchmarkTermsTop20(b *testing.B) {
	c := New()
	c.Units = 1 << 30
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		key := fmt.Sprintf("t%06d", i)
		c.add(key, key, int64(1+rng.IntN(50)*rng.IntN(50)))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = c.Terms(1, 20)
	}
}

func TestNumeralWord(t *testing.T) {
	for _, w := range []string{"一九五八年", "五千万元", "两个", "第一", "第一个", "三年", "一些", "十", "二〇二五年", "几年", "一五六项"} {
		if !NumeralWord(w) {
			t.Errorf("%s: not a numeral word", w)
		}
	}
	for _, w := range []string{"三农", "两会", "十分", "四个全面", "第三方", "万众", "百姓", "第", "", "一体化", "一带一路", "年",
		"十五五", "十四五", "十一五", "九五", "一五", "零件", "万岁"} {
		if NumeralWord(w) {
			t.Errorf("%s: a numeral word", w)
		}
	}
}

// TestHanOnlyLeavesOutChineseNumbers: old reports write their years and
// sums in Chinese numerals (一九五八年, 五千万元); HanOnly, which leaves out
// 1958年, leaves those out too (the 1958 work report's top words had
// 一九五八年 third, 一个 tenth).
func TestHanOnlyLeavesOutChineseNumbers(t *testing.T) {
	in := input("d", "一九五八年/m|的/uj|工业/n|，/w|五千万元/m|一个/m|三农/n|两会/j", script.Simplified)
	c := Count(in, Options{HanOnly: true, MinLen: 2})
	for _, w := range []string{"一九五八年", "五千万元", "一个"} {
		if c.Get(w).Count != 0 {
			t.Errorf("%s counted", w)
		}
	}
	for _, w := range []string{"三农", "两会", "工业"} {
		if c.Get(w).Count != 1 {
			t.Errorf("%s: %d, want 1", w, c.Get(w).Count)
		}
	}
}
