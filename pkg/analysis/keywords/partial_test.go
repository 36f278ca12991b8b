package keywords

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/script"
)

func settings() Settings {
	return Settings{Version: PartialVersion, MinLen: 2, HMM: true, Clean: true}
}

func TestBackgroundPartial(t *testing.T) {
	a, b := NewBackground(), NewBackground()
	a.Add(vocabTerms(10, "发展", "疫情"))
	b.Add(vocabTerms(20, "发展", "乡村振兴"))
	whole := NewBackground()
	whole.Add(vocabTerms(10, "发展", "疫情"))
	whole.Add(vocabTerms(20, "发展", "乡村振兴"))

	var buf bytes.Buffer
	if err := a.WritePartial(&buf, BackgroundHeader{Envelope: partial.Envelope{Parts: []string{"a"}}, Settings: settings()}); err != nil {
		t.Fatal(err)
	}
	if err := b.WritePartial(&buf, BackgroundHeader{Envelope: partial.Envelope{Parts: []string{"b"}}, Settings: settings()}); err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(buf.String(), "\n", 2)[0]
	if want := `{"format":"zhpolicy-partial","version":2,"kind":"keywords-background","parts":["a"],"records":2,"settings":{"keywords_version":7,"min_len":2,"hmm":true,"clean":true},"docs":1,"units":10,"min_df":1}`; first != want {
		t.Errorf("header\n%s\nwant\n%s", first, want)
	}
	h, got, err := ReadBackgroundPartial("bg.jsonl", strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	var x, y bytes.Buffer
	got.WriteTSV(&x)
	whole.WriteTSV(&y)
	if x.String() != y.String() || !slices.Equal(h.Parts, []string{"a", "b"}) || h.Docs != 2 || h.Units != 30 {
		t.Errorf("read back the merge of two partials:\n%s\nwant\n%s (header %+v)", x.String(), y.String(), h)
	}

	// refused: the same run twice, other settings, other kinds, damage.
	var twice bytes.Buffer
	a.WritePartial(&twice, BackgroundHeader{Envelope: partial.Envelope{Parts: []string{"a"}}, Settings: settings()})
	a.WritePartial(&twice, BackgroundHeader{Envelope: partial.Envelope{Parts: []string{"a"}}, Settings: settings()})
	if _, _, err := ReadBackgroundPartial("x", &twice); err == nil || !strings.Contains(err.Error(), "counted twice") {
		t.Errorf("same run twice: %v", err)
	}
	var other bytes.Buffer
	a.WritePartial(&other, BackgroundHeader{Envelope: partial.Envelope{Parts: []string{"a"}}, Settings: settings()})
	s := settings()
	s.HMM = false
	b.WritePartial(&other, BackgroundHeader{Envelope: partial.Envelope{Parts: []string{"b"}}, Settings: s})
	if _, _, err := ReadBackgroundPartial("x", &other); err == nil || !strings.Contains(err.Error(), "--hmm") {
		t.Errorf("other settings: %v", err)
	}
	var old bytes.Buffer
	s = settings()
	s.Version = PartialVersion + 1
	a.WritePartial(&old, BackgroundHeader{Envelope: partial.Envelope{Parts: []string{"a"}}, Settings: s})
	if _, _, err := ReadBackgroundPartial("x", &old); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("other version: %v", err)
	}
	cut := strings.Join(strings.Split(buf.String(), "\n")[:2], "\n") + "\n"
	if _, _, err := ReadBackgroundPartial("x", strings.NewReader(cut)); err == nil || !strings.Contains(err.Error(), "cut short") {
		t.Errorf("cut short: %v", err)
	}
	bad := strings.Replace(buf.String(), `"docs":1,"count":1`, `"docs":5,"count":1`, 1)
	if _, _, err := ReadBackgroundPartial("x", strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "docs 5") {
		t.Errorf("bad record: %v", err)
	}
}

func TestCorpusPartial(t *testing.T) {
	opts := Options{IDF: NewMapIDF(map[string]float64{"经济": 2, "疫情": 8})}
	var docs []*Terms
	for _, s := range []string{"经济/n 。/w 經濟/n 。/w 疫情/n", "疫情/n 防控/vn 。/w 疫情/n 防控/vn", "乡村/n 经济/n"} {
		docs = append(docs, Collect(doc(t, script.Mixed, s), opts))
	}
	whole := NewCorpus()
	a, b := NewCorpus(), NewCorpus()
	for i, d := range docs {
		whole.Add(d, d.Score(opts, 0))
		if i == 1 {
			a.Add(d, d.Score(opts, 0))
		} else {
			b.Add(d, d.Score(opts, 0))
		}
	}
	var buf bytes.Buffer
	s := settings()
	s.Method, s.IDF, s.Names = "tfidf", "test", "keep"
	for _, p := range []struct {
		id string
		c  *Corpus
	}{{"b", b}, {"a", a}} {
		if err := p.c.WritePartial(&buf, CorpusHeader{Envelope: partial.Envelope{Parts: []string{p.id}}, Settings: s}); err != nil {
			t.Fatal(err)
		}
	}
	pr := partial.NewReader("c.jsonl", &buf)
	var h CorpusHeader
	var total *Corpus
	for first := true; ; first = false {
		_, line, err := pr.Next(first)
		if err != nil {
			break
		}
		hh, c, err := ReadCorpusBody(pr, line)
		if err != nil {
			t.Fatal(err)
		}
		if total == nil {
			h, total = hh, c
			continue
		}
		if err := h.Add(hh, total, c); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := total.Ranking(0, All), whole.Ranking(0, All); !slices.Equal(got, want) {
		t.Errorf("merged partials: %+v\nwant %+v", got, want)
	}
	if h.Docs != 3 || !slices.Equal(h.Parts, []string{"a", "b"}) {
		t.Errorf("header %+v", h)
	}
}
