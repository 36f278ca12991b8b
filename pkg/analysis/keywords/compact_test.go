package keywords

import (
	"os"
	"reflect"
	"testing"

	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/idf"
)

// TestCompactRanksAsBefore checks that a compacted document ranks as it did
// whole, by every method and names mode, against its corpus and against a
// background, with its positions mapped by the span function; and that it
// holds only what it ranks.
func TestCompactRanksAsBefore(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	report, err := os.ReadFile(testenv.Shared(t, "corpus", "gwr", "2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{
		"long":  string(report),
		"mid":   readSample(t, "municipal_report.txt"),
		"trad":  readSample(t, "traditional_notice.txt"),
		"short": "推进新质生产力发展，加快建设现代化产业体系。发展新质生产力是推动高质量发展的内在要求。",
	}
	shift := func(s, e int) (int, int) { return s + 7, e + 11 }
	for name, text := range docs {
		for _, m := range []Method{TFIDF, TextRank, Both} {
			for _, names := range []NamesMode{NamesKeep, NamesApart, NamesDrop} {
				o := def
				o.Method, o.Names = m, names
				in := realInput(t, name, text)
				whole := Collect(in, o)
				other := Collect(realInput(t, "other", readSample(t, "municipal_report.txt")), o)
				corpus := NewBackground()
				corpus.Add(whole)
				corpus.Add(other)
				rank := func(x *Terms) []any {
					return []any{x.Score(o, 0), x.Names(o, 0),
						x.Keyness(corpus, true, o, 0), x.KeynessNames(corpus, true, o, 0),
						x.Keyness(def.IDF.(*bgIDF).bg, false, o, 20)}
				}
				want := rank(whole)
				n := whole.Len()
				c := whole.Compact(m, shift)
				if c.seq != nil || c.Len() > n || len(c.vocab) != c.Len() {
					t.Errorf("%s %v: compacted to %d terms of %d, vocabulary %d, seq %d", name, m, c.Len(), n, len(c.vocab), len(c.seq))
				}
				for i := range c.terms {
					if len(c.terms[i].spans) != 1 || len(c.terms[i].forms) != 1 {
						t.Fatalf("%s: term %q keeps %d spans and %d forms", name, c.terms[i].key, len(c.terms[i].spans), len(c.terms[i].forms))
					}
				}
				got := rank(c)
				enc, err := c.AppendBinary(nil)
				if err != nil {
					t.Fatal(err)
				}
				var back Terms
				if err := back.UnmarshalBinary(enc); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !reflect.DeepEqual(rank(&back), got) {
					t.Errorf("%s %v %v: decoded terms rank differently", name, m, names)
				}
				if len(want[0].([]Keyword)) == 0 {
					t.Fatalf("%s: no keywords", name)
				}
				for i := range got {
					switch g := got[i].(type) {
					case []Keyword:
						for j := range g {
							g[j].Start -= 7
							g[j].End -= 11
						}
					case []KeyTerm:
						for j := range g {
							g[j].Start -= 7
							g[j].End -= 11
						}
					}
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s %v %v: compacted ranking differs\nwant %.600v\ngot  %.600v", name, m, names, want, got)
				}
			}
		}
	}
}

func TestEncodedTermsRefuseDamage(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	whole := Collect(realInput(t, "m", readSample(t, "municipal_report.txt")), def)
	if _, err := whole.AppendBinary(nil); err == nil {
		t.Error("terms that were not compacted were encoded")
	}
	enc, err := whole.Compact(Both, nil).AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(enc) {
		var x Terms
		if x.UnmarshalBinary(enc[:n]) == nil {
			t.Fatalf("a truncated encoding (%d of %d bytes) was read", n, len(enc))
		}
	}
	var x Terms
	if x.UnmarshalBinary(append(enc, 0)) == nil {
		t.Error("trailing bytes were accepted")
	}
}

// TestCountVocabulary checks that a background counting only the terms it
// wants answers for them as the whole background does.
func TestCountVocabulary(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Terms
	for _, name := range []string{"municipal_report.txt", "traditional_notice.txt", "pinyin_annotated.txt", "municipal_report.txt"} {
		docs = append(docs, Collect(realInput(t, name, readSample(t, name)), def))
	}
	full, part := NewBackground(), NewBackground()
	var vocabs [][]byte
	for _, d := range docs {
		full.Add(d)
		vocabs = append(vocabs, d.AppendVocabulary(nil))
	}
	var wanted []string
	for _, d := range docs[:2] {
		d.Compact(TFIDF, nil)
		part.WantTerms(d)
		for i := range d.terms {
			wanted = append(wanted, d.terms[i].key)
		}
	}
	for _, v := range vocabs {
		if err := part.CountVocabulary(v); err != nil {
			t.Fatal(err)
		}
	}
	if part.Docs() != full.Docs() || part.Units() != full.Units() || len(wanted) == 0 || part.Len() >= full.Len() {
		t.Fatalf("docs %d/%d, units %d/%d, %d wanted, %d of %d terms", part.Docs(), full.Docs(), part.Units(), full.Units(), len(wanted), part.Len(), full.Len())
	}
	for _, k := range wanted {
		df, n := part.Lookup(k)
		wdf, wn := full.Lookup(k)
		if df != wdf || n != wn || df == 0 {
			t.Errorf("%s: df %d count %d, want %d %d", k, df, n, wdf, wn)
		}
	}
	if err := part.CountVocabulary(vocabs[0][:len(vocabs[0])-1]); err == nil {
		t.Error("a truncated vocabulary was counted")
	}
}

// TestLookupKeysRankAsFull checks that a corpus background counting only
// the keys its documents' rankings look up (LookupKeys) ranks every
// compacted document as the background of every term does: keywords and names, all
// terms (top 0, so that every redundancy test runs), each method.
func TestLookupKeysRankAsFull(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	general, err := idf.Default()
	if err != nil {
		t.Fatal(err)
	}
	def.IDF = general // what --background corpus collects with
	names := []string{"municipal_report.txt", "traditional_notice.txt", "pinyin_annotated.txt", "2021.txt", "2024.txt"}
	full, part := NewBackground(), NewBackground()
	var texts []string
	var vocabs [][]byte
	wanted := 0
	for _, name := range names {
		var text string
		if len(name) == 8 { // a long report, of the shared corpus
			b, err := os.ReadFile(testenv.Shared(t, "corpus", "gwr", name))
			if err != nil {
				t.Fatal(err)
			}
			text = string(b)
		} else {
			text = readSample(t, name)
		}
		d := Collect(realInput(t, name, text), def)
		full.Add(d)
		vocabs = append(vocabs, d.AppendVocabulary(nil))
		texts = append(texts, text)
		keys := d.Compact(TFIDF, nil).LookupKeys()
		part.WantKeys(keys)
		wanted += len(keys)
	}
	for _, v := range vocabs {
		if err := part.CountVocabulary(v); err != nil {
			t.Fatal(err)
		}
	}
	if wanted == 0 || part.Len() >= full.Len() {
		t.Fatalf("%d keys wanted, %d of %d terms counted", wanted, part.Len(), full.Len())
	}
	for _, m := range []Method{TFIDF, TextRank, Both} {
		for _, nm := range []NamesMode{NamesApart, NamesKeep} {
			o := def
			o.Method, o.Names = m, nm
			for i, text := range texts {
				// ranked compacted, as keywords --background corpus does
				d := Collect(realInput(t, names[i], text), def).Compact(m, nil)
				o.IDF = full.IDF(general)
				want, wantNames := d.Score(o, 0), d.Names(o, 0)
				o.IDF = part.IDF(general)
				got, gotNames := d.Score(o, 0), d.Names(o, 0)
				if len(want) == 0 {
					t.Fatalf("%s: no keywords", names[i])
				}
				if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotNames, wantNames) {
					t.Errorf("%s, method %v, names %v: ranked differently with the counted keys (a key the ranking looks up is missing from Terms.LookupKeys)", names[i], m, nm)
				}
			}
		}
	}
}
