package overview

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/entities"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

var texts = []string{
	"市委常委会召开会议，研究部署巡视整改和高质量发展工作。市委书记姜冬冬主持会议。\n会议强调，要扎实推进“三个大抓”，加快发展新质生产力，推动传统产业高端化、智能化、绿色化。",
	"行政院院長卓榮泰於立法院提出施政報告，說明政府推動數位轉型、淨零排放的具體措施。\n政府將持續推動「五大信賴產業」，以「創新、包容、永續」為施政主軸。",
	"省政府办公厅关于印发《山东省数字经济高质量发展三年行动方案》的通知。\n各市人民政府：坚持以习近平新时代中国特色社会主义思想为指导，完整准确全面贯彻新发展理念。",
	"会议指出，全市上下坚持稳中求进工作总基调，扎实推进“三个大抓”，经济运行总体平稳。前三季度，地区生产总值增长5.2%。",
	"",
	"GDP增长5.2%，CPI上涨0.2%。",
	"要堅持高質量發展，加快發展新質生產力，扎實推進「三個大抓」。",
}

func inputs(t testing.TB) []*analysis.Input {
	t.Helper()
	sg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]*analysis.Input, len(texts))
	for i, text := range texts {
		toks, err := sg.Cut(text, segment.Options{POS: true})
		if err != nil {
			t.Fatal(err)
		}
		out[i] = analysis.NewInput(fmt.Sprintf("d%d.txt", i), text, script.Detect(text).Kind, toks)
	}
	return out
}

func analyzers(t testing.TB) Analyzers {
	lex, err := slogans.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	words := WordOptions()
	return Analyzers{Words: &words, Keywords: &kw.Options{Method: kw.TFIDF}, Slogans: &slogans.Options{Lexicon: lex}, Entities: entities.New(nil)}
}

func doc(in *analysis.Input, i int) Doc {
	encs := []string{"utf-8", "gb18030", "big5"}
	return Doc{Encoding: encs[i%3], Format: "text", Size: int64(len(in.Text)), Script: in.Script.String()}
}

func TestAnalyze(t *testing.T) {
	ins := inputs(t)
	a := analyzers(t)
	whole := New(a)
	for i, in := range ins {
		whole.Merge(Analyze(in, doc(in, i), a))
	}
	if whole.Docs != int64(len(texts)) || whole.Scripts["traditional"] != 2 || whole.Encodings["gb18030"] != 2 {
		t.Errorf("docs %d scripts %v encodings %v", whole.Docs, whole.Scripts, whole.Encodings)
	}
	var chars int64
	for _, s := range texts {
		for _, r := range s {
			if r != '\n' {
				chars++
			}
		}
	}
	if whole.Chars != chars || whole.Han == 0 || whole.Han >= chars || whole.Tokens == 0 {
		t.Errorf("chars %d (want %d) han %d tokens %d", whole.Chars, chars, whole.Han, whole.Tokens)
	}
	// Traditional and Simplified count together: 三个大抓 in three documents
	f := whole.Formulations.ByCount(0)
	found := false
	for _, it := range f {
		if it.Key == "三个大抓" {
			found = true
			if it.Docs != 3 || it.Count != 3 || it.Forms["三個大抓"] != 1 {
				t.Errorf("三个大抓: %+v", it)
			}
		}
	}
	if !found {
		t.Errorf("三个大抓 not among the formulations %v", f)
	}
	if got := whole.Words.Get("高质量").Count + whole.Words.Get("高质量发展").Count; got < 2 {
		t.Errorf("高质量(发展) counted %d times", got)
	}
	if whole.Words.Get("要").Count != 0 || whole.Words.Get("gdp").Count != 0 {
		t.Error("top words keep single characters or Latin words")
	}
	kws := whole.Keywords.ByScore(3)
	if len(kws) != 3 || kws[0].Score < kws[2].Score || whole.Keywords.MeanScore(kws[0]) <= 0 {
		t.Errorf("keywords %v", kws)
	}
	var per bool
	for _, it := range whole.Entities.ByCount(0) {
		if it.Key == "姜冬冬" && it.Type == "PER" {
			per = true
		}
	}
	if !per {
		t.Error("姜冬冬 is not among the entities")
	}
}

// The summaries of any split of the documents, written as partials and
// merged in any order, give exactly the summary of the whole and the same
// partial file.
func TestMergeAnySplitAnyOrder(t *testing.T) {
	ins := inputs(t)
	a := analyzers(t)
	per := make([]*Summary, len(ins))
	whole := New(a)
	for i, in := range ins {
		per[i] = Analyze(in, doc(in, i), a)
		whole.Merge(Analyze(in, doc(in, i), a))
	}
	var want bytes.Buffer
	if err := WritePartial(&want, Header{Envelope: partial.Envelope{Parts: []string{"a"}}}, whole); err != nil {
		t.Fatal(err)
	}
	if _, back, err := ReadBody(readHeader(t, want.Bytes())); err != nil || !back.Equal(whole) {
		t.Fatalf("round trip: %v", err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 15; trial++ {
		k := 1 + r.IntN(4)
		shards := make([]*Summary, k)
		for i := range shards {
			shards[i] = New(a)
		}
		for _, i := range r.Perm(len(per)) {
			shards[r.IntN(k)].Merge(per[i])
			per[i] = Analyze(ins[i], doc(ins[i], i), a) // Merge must not be relied on to leave its argument alone
		}
		var files [][]byte
		for _, s := range shards {
			var b bytes.Buffer
			if err := WritePartial(&b, Header{Envelope: partial.Envelope{Parts: []string{"a"}}}, s); err != nil {
				t.Fatal(err)
			}
			files = append(files, b.Bytes())
		}
		r.Shuffle(len(files), func(i, j int) { files[i], files[j] = files[j], files[i] })
		var total *Summary
		for _, f := range files {
			_, s, err := ReadBody(readHeader(t, f))
			if err != nil {
				t.Fatal(err)
			}
			if total == nil {
				total = s
			} else {
				total.Merge(s)
			}
		}
		if !total.Equal(whole) {
			t.Fatalf("trial %d: merged summary differs from the whole", trial)
		}
		var got bytes.Buffer
		if err := WritePartial(&got, Header{Envelope: partial.Envelope{Parts: []string{"a"}}}, total); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("trial %d: merged partial differs from the partial of the whole", trial)
		}
	}
}

func readHeader(t *testing.T, b []byte) (*partial.Reader, []byte) {
	t.Helper()
	pr := partial.NewReader("p.jsonl", bytes.NewReader(b))
	env, line, err := pr.Next(true)
	if err != nil || env.Kind != Kind {
		t.Fatalf("envelope %+v: %v", env, err)
	}
	return pr, line
}

func TestReadBodyErrors(t *testing.T) {
	hdr := `{"format":"zhpolicy-partial","version":2,"kind":"analyze","parts":["a"],"settings":{"sections":["words","keywords","formulations","entities"],"hmm":false,"clean":true},"docs":2,"bytes":10,"chars":8,"han":8,"tokens":4,"scripts":{"simplified":2},"encodings":{"utf-8":2},"formats":{"text":2},"words":%d,"records":%d}` + "\n"
	tests := []struct{ name, body, want string }{
		{"ok", fmt.Sprintf(hdr, 3, 2) + `{"kind":"word","term":"发展","count":3,"docs":2}` + "\n" + `{"kind":"entity","term":"北京","type":"LOC","count":1,"docs":1,"forms":{"北京":1}}` + "\n", ""},
		{"truncated", fmt.Sprintf(hdr, 3, 2) + `{"kind":"word","term":"发展","count":3,"docs":2}` + "\n", "ends after 1 of the 2 records"},
		{"words do not add up", fmt.Sprintf(hdr, 4, 1) + `{"kind":"word","term":"发展","count":3,"docs":2}` + "\n", "add up to 3"},
		{"unknown kind", fmt.Sprintf(hdr, 0, 1) + `{"kind":"topic","term":"x","count":1,"docs":1}` + "\n", "p.jsonl:2: unexpected line of kind \"topic\""},
		{"score on an entity", fmt.Sprintf(hdr, 0, 1) + `{"kind":"entity","term":"x","type":"LOC","count":1,"docs":1,"score":5}` + "\n", "a score on a entity line"},
		{"docs above documents", fmt.Sprintf(hdr, 0, 1) + `{"kind":"keyword","term":"x","count":5,"docs":3}` + "\n", "docs 3"},
		{"duplicate", fmt.Sprintf(hdr, 0, 2) + strings.Repeat(`{"kind":"formulation","term":"x","type":"quoted","count":1,"docs":1}`+"\n", 2), "p.jsonl:3: \"x\" appears twice"},
		{"fields of another kind on a word", fmt.Sprintf(hdr, 1, 1) + `{"kind":"word","term":"x","type":"LOC","count":1,"docs":1}` + "\n", "fields of another kind"},
		{"unknown section", strings.Replace(fmt.Sprintf(hdr, 0, 0), `"entities"]`, `"topics"]`, 1), "unknown section \"topics\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadBody(readHeader(t, []byte(tt.body)))
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestAddDocAsMerge: documents added one by one to sums (AddDoc, as -j
// workers do), the sums merged, give the whole of Analyze and Merge, in
// any split and order; and the sums keep no substring of a document.
func TestAddDocAsMerge(t *testing.T) {
	ins := inputs(t)
	a := analyzers(t)
	whole := New(a)
	for i, in := range ins {
		whole.Merge(Analyze(in, doc(in, i), a))
	}
	r := rand.New(rand.NewPCG(7, 8))
	for trial := range 12 {
		k := 1 + r.IntN(3)
		sums := make([]*Summary, k)
		for i := range sums {
			sums[i] = New(a)
		}
		order := r.Perm(len(ins))
		for _, i := range order {
			sums[r.IntN(k)].AddDoc(ins[i], doc(ins[i], i), a)
		}
		total := New(a)
		for _, j := range r.Perm(k) {
			total.Merge(sums[j])
		}
		if !total.Equal(whole) {
			t.Fatalf("trial %d (%d sums): AddDoc sums differ from the merged summaries", trial, k)
		}
		one := New(a)
		for _, i := range order {
			one.AddDoc(ins[i], doc(ins[i], i), a)
		}
		if !one.Equal(whole) {
			t.Fatalf("trial %d: one AddDoc sum differs from the merged summaries", trial)
		}
	}
	for _, tl := range []*Tally{whole.Keywords, whole.Formulations, whole.Entities} {
		if tl.Len() == 0 {
			t.Fatalf("a section counted nothing: the test checks too little")
		}
	}
	// a sum keeps copies
	s := New(a)
	for i, in := range ins {
		s.AddDoc(in, doc(in, i), a)
	}
	for _, tl := range []*Tally{s.Keywords, s.Formulations, s.Entities} {
		for _, it := range tl.Items() {
			strs := append([]string{it.Key, it.Type, it.Gloss}, it.Titles...)
			for f := range it.Forms {
				strs = append(strs, f)
			}
			for _, str := range strs {
				for _, in := range ins {
					if within(str, in.Text) {
						t.Fatalf("%q is a substring of %s", str, in.Name)
					}
				}
			}
		}
	}
}

// Names are the entities section's, as keywords --corpus ranks them apart:
// a short document (which keywords ranks with its names among its keywords)
// must not bring its names into the corpus keywords, while a long one's are
// left out (audit of the NPC resolutions: 国务院 was a corpus keyword of 19
// documents of 20, the long one's being apart).
func TestKeywordsLeaveNamesOut(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ins := inputs(t)
	s := Analyze(ins[0], doc(ins[0], 0), a)
	names := make(map[string]bool)
	for _, it := range s.Entities.Items() {
		names[it.Key] = true
	}
	if !names["市委常委会"] {
		t.Fatalf("市委常委会 is not among the entities %v", s.Entities.Items())
	}
	for _, it := range s.Keywords.Items() {
		if names[it.Key] {
			t.Errorf("the name %s is among the keywords", it.Key)
		}
	}
}

// TestRulesNameEveryAnalyzer: the rules an analyze partial records name
// the version of every analyzer whose counts it holds, so that a partial
// counted by older entity rules is refused, not added up (the entity
// recogniser was left out until session 14).
func TestRulesNameEveryAnalyzer(t *testing.T) {
	r := Rules()
	for _, want := range []string{
		fmt.Sprintf("analyze %d", RulesVersion),
		fmt.Sprintf("keywords %d", kw.PartialVersion),
		fmt.Sprintf("slogans %d", slogans.RulesVersion),
		fmt.Sprintf("entities %d", entities.PartialVersion),
	} {
		if !strings.Contains(r, want) {
			t.Errorf("Rules() = %q: no %q", r, want)
		}
	}
	a := Settings{Sections: []string{"entities"}, Rules: r}
	b := a
	b.Rules = strings.Replace(r, fmt.Sprintf("entities %d", entities.PartialVersion), "entities 2", 1)
	if a.Equal(b) {
		t.Error("partials of two entity versions are equal")
	}
}
