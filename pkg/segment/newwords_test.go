package segment

import (
	"slices"
	"testing"

	"zhpolicy/pkg/script"
)

// checkNewWords says whether NewWords of the plain cut of text is the cut
// with HMM, token for token (text, offsets, part of speech).
func checkNewWords(t *testing.T, s *Segmenter, name, text string, pos bool) {
	t.Helper()
	plain, err := s.Cut(text, Options{Mode: Precise, POS: pos})
	if err != nil {
		t.Fatal(err)
	}
	kept := slices.Clone(plain)
	got, err := s.NewWords(text, "", plain, Options{Mode: Precise, POS: pos})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	folded := text
	if f, ok := script.FoldIfTraditional(text); ok {
		folded = f
	}
	if given, err := s.NewWords(text, folded, plain, Options{Mode: Precise, POS: pos}); err != nil || !slices.Equal(given, got) {
		t.Fatalf("%s: with the folded text given: %v", name, err)
	}
	if !slices.Equal(plain, kept) {
		t.Fatalf("%s: NewWords changed its input", name)
	}
	want, err := s.Cut(text, Options{Mode: Precise, HMM: true, POS: pos})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(got, want) {
		return
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			lo, hi := max(0, i-3), min(len(want), i+4)
			t.Fatalf("%s: token %d: got %v, want (Cut with HMM) %v", name, i, got[lo:min(len(got), hi)], want[lo:hi])
		}
	}
	t.Fatalf("%s: got %d tokens, want %d", name, len(got), len(want))
}

func TestNewWordsIsTheHMMCut(t *testing.T) {
	s, err := New(Config{Fold: script.FoldIfTraditional})
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{
		"在脱贫攻坚、污染防治三大攻坚战方面取得决定性进展",
		"建设算力中心，推行免申即享，上云用数赋智",
		"推動「五大信賴產業」，游錫堃院長說",
		"ＧＤＰ增长５．２％，5G基站3.2万个，A股",
		"", "。", "算力",
		"数字李生城市建设，阴性一致率达到99%",
	} {
		checkNewWords(t, s, "case "+string(rune('0'+i)), text, i%2 == 0)
	}
	for name, text := range corpusDocs(t, 60) {
		checkNewWords(t, s, name, text, true)
	}
}

func TestNewWordsWithUserWords(t *testing.T) {
	s, err := New(Config{Fold: script.FoldIfTraditional, User: []Entry{{Word: "数位转型", Freq: 900}, {Word: "免申即享", Freq: 50}}})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range corpusDocs(t, 20) {
		checkNewWords(t, s, name, text, true)
	}
	checkNewWords(t, s, "user", "推行免申即享，推動數位轉型與算力中心建設", true)
}

func TestNewWordsRefusesOtherModes(t *testing.T) {
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.NewWords("算力", "", nil, Options{Mode: Search}); err == nil {
		t.Fatal("NewWords of a search cut: no error")
	}
}

// BenchmarkNewWords compares recutting a document's runs with cutting it
// again with HMM (what analyze would do without NewWords).
func BenchmarkNewWords(b *testing.B) {
	s, err := New(Config{Fold: script.FoldIfTraditional})
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, text := range corpusDocs(b, 40) {
		texts = append(texts, text)
	}
	plains := make([][]Token, len(texts))
	folds := make([]string, len(texts)) // as analysis.Input.Folded has them
	for i, text := range texts {
		plains[i], _ = s.Cut(text, Options{Mode: Precise, POS: true})
		folds[i] = text
		if f, ok := script.FoldIfTraditional(text); ok {
			folds[i] = f
		}
	}
	b.Run("recut", func(b *testing.B) {
		for range b.N {
			for i, text := range texts {
				if _, err := s.NewWords(text, folds[i], plains[i], Options{Mode: Precise, POS: true}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("cut-again", func(b *testing.B) {
		for range b.N {
			for _, text := range texts {
				if _, err := s.Cut(text, Options{Mode: Precise, HMM: true, POS: true}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
