package segment

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// checkTokens checks the offset contract of Cut's result.
func checkTokens(t testing.TB, text string, toks []Token, opt Options) {
	t.Helper()
	prevEnd := 0
	for i, tk := range toks {
		if tk.Start < 0 || int(tk.End) > len(text) || tk.Start >= tk.End {
			t.Fatalf("token %d %+v out of range (len %d)", i, tk, len(text))
		}
		if text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d %+v: text[Start:End] = %q", i, tk, text[tk.Start:tk.End])
		}
		if !utf8.RuneStart(text[tk.Start]) || int(tk.End) < len(text) && !utf8.RuneStart(text[tk.End]) {
			t.Fatalf("token %d %+v not on rune boundaries", i, tk)
		}
		if opt.Mode == Precise {
			if int(tk.Start) < prevEnd {
				t.Fatalf("token %d %+v overlaps the previous one (end %d)", i, tk, prevEnd)
			}
			if gap := text[prevEnd:tk.Start]; strings.TrimSpace(gap) != "" {
				t.Fatalf("token %d %+v: %q between tokens is not covered", i, tk, gap)
			}
			prevEnd = int(tk.End)
		}
	}
	if opt.Mode == Precise && strings.TrimSpace(text[prevEnd:]) != "" {
		t.Fatalf("%q at the end is not covered", text[prevEnd:])
	}
}

func TestCutOffsets(t *testing.T) {
	s := segFor(t, "user")
	texts := []string{
		"", " \n\t", "GDP增长5.2%", "ＡＩ＋制造", "İstanbul和ΑΒΓ的K线", "本报记者1", "a\x00b中国",
		"Ⱥ中国Ⱥ人民", // lower-casing changes the byte length of Ⱥ
	}
	for _, text := range sampleTexts(t) {
		texts = append(texts, text)
	}
	for _, text := range texts {
		for _, opt := range allOptions {
			toks, err := s.Cut(text, opt)
			if err != nil {
				t.Fatal(err)
			}
			checkTokens(t, text, toks, opt)
		}
	}
	if _, err := s.Cut("bad \xff utf-8", Options{}); err == nil {
		t.Error("invalid UTF-8 should be an error")
	}
}

func TestCutCase(t *testing.T) {
	s := segFor(t, "default")
	toks, err := s.Cut("推动GDP和CPI", Options{POS: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Text+"/"+tk.POS)
	}
	if strings.Join(got, " ") != "推动/v GDP/eng 和/c CPI/eng" {
		t.Errorf("got %q", got)
	}
}

// TestFold: with a folding function, Traditional text is cut as its
// Simplified form and tokens keep the text given.
func TestFold(t *testing.T) {
	fold := func(s string) (string, bool) {
		r := strings.NewReplacer("醫", "医", "藥", "药", "區", "区", "數", "数", "轉", "转", "關", "关", "於", "于")
		f := r.Replace(s)
		return f, f != s
	}
	trad, err := New(Config{Fold: fold, User: []Entry{{Word: "數位轉型", Freq: 900}}})
	if err != nil {
		t.Fatal(err)
	}
	simp, _ := New(Config{User: []Entry{{Word: "数位转型", Freq: 900}}})
	text := "醫藥高新區關於推動數位轉型"
	a, _ := trad.Cut(text, Options{POS: true})
	folded, _ := fold(text)
	b, _ := simp.Cut(folded, Options{POS: true})
	checkTokens(t, text, a, Options{})
	if len(a) != len(b) {
		t.Fatalf("%v vs %v", a, b)
	}
	for i := range a {
		if utf8.RuneCountInString(a[i].Text) != utf8.RuneCountInString(b[i].Text) || a[i].POS != b[i].POS {
			t.Errorf("token %d: %+v vs %+v", i, a[i], b[i])
		}
	}
}

// TestConcurrent cuts from many goroutines with one Segmenter (run with
// -race): every cut is the one a single goroutine gets.
func TestConcurrent(t *testing.T) {
	for _, name := range []string{"default", "user"} {
		s := segFor(t, name)
		want := make(map[bool][]Token)
		for _, hmm := range []bool{false, true} {
			want[hmm], _ = s.Cut(policyText, Options{HMM: hmm, POS: true})
		}
		var wg sync.WaitGroup
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; i < 6; i++ {
					hmm := (w+i)%2 == 0
					got, err := s.Cut(policyText, Options{HMM: hmm, POS: true})
					if err != nil {
						t.Error(err)
						return
					}
					if !reflect.DeepEqual(got, want[hmm]) {
						t.Errorf("%s worker %d: a different cut", name, w)
						return
					}
				}
			}(w)
		}
		wg.Wait()
	}
}

// FuzzCut: on any text, in any mode, Cut keeps its offset contract
// (tokens are the text at their offsets, on rune boundaries; in precise
// mode they cover every non-space character once, in order), and the
// inlined route gives what the general DAG walk (edges) gives.
//
//	go test -run=NONE -fuzz=FuzzCut -fuzztime=5m ./pkg/segment
func FuzzCut(f *testing.F) {
	for _, s := range []string{policyText[:300], "GDP增长5.2%", "Ⱥ中国", "本报记者1", "ＡＩ＋制造 Wi-Fi", "醫藥高新區"} {
		f.Add(s, uint8(0))
	}
	fold := func(s string) (string, bool) {
		r := strings.NewReplacer("醫", "医", "藥", "药", "區", "区", "數", "数", "轉", "转", "關", "关", "於", "于")
		out := r.Replace(s)
		return out, out != s
	}
	fast, err := New(Config{Fold: fold})
	if err != nil {
		f.Fatal(err)
	}
	slow, err := New(Config{Fold: fold})
	if err != nil {
		f.Fatal(err)
	}
	slow.slow = true
	user, err := New(Config{User: userWords, Fold: fold})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, o uint8) {
		if !utf8.ValidString(text) {
			if _, err := fast.Cut(text, Options{}); err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		opt := allOptions[int(o)%len(allOptions)]
		a, err := fast.Cut(text, opt)
		if err != nil {
			t.Fatal(err)
		}
		checkTokens(t, text, a, opt)
		b, err := slow.Cut(text, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("inlined route %v, edges %v", a, b)
		}
		u, err := user.Cut(text, opt)
		if err != nil {
			t.Fatal(err)
		}
		checkTokens(t, text, u, opt)
	})
}

// Numbers with a decimal part or a per cent sign are one token, full-width
// forms are cut as ASCII (and given back as written), a run of one dash or
// ellipsis character is one token; Config.Plain turns all of it off.
func TestNumbersWidthAndDashes(t *testing.T) {
	tests := []struct {
		text  string
		want  []string
		plain []string
	}{
		{"增长5.2%，", []string{"增长", "5.2%", "，"}, []string{"增长", "5", ".", "2", "%", "，"}},
		{"增长５．２％，", []string{"增长", "５．２％", "，"}, []string{"增长", "５", "．", "２", "％", "，"}},
		{"达到134.9万亿元", []string{"达到", "134.9", "万亿元"}, nil},
		{"提高0.3个百分点", []string{"提高", "0.3", "个", "百分点"}, nil},
		{"占12%以上", []string{"占", "12%", "以上"}, nil},
		{"版本v2.0和3D打印", []string{"版本", "v2", ".", "0", "和", "3D", "打印"}, nil},
		{"1.2.3节", []string{"1.2.3", "节"}, nil},
		{"这是——也是……", []string{"这", "是", "——", "也", "是", "……"}, []string{"这", "是", "—", "—", "也", "是", "…", "…"}},
		{"ＧＤＰ增长", []string{"ＧＤＰ", "增长"}, []string{"Ｇ", "Ｄ", "Ｐ", "增长"}},
	}
	for _, plain := range []bool{false, true} {
		s, err := New(Config{Plain: plain})
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			want := tt.want
			if plain {
				if tt.plain == nil {
					continue
				}
				want = tt.plain
			}
			toks, err := s.Cut(tt.text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tk := range toks {
				if tt.text[tk.Start:tk.End] != tk.Text {
					t.Fatalf("%q: token %q at [%d,%d) is not the text there", tt.text, tk.Text, tk.Start, tk.End)
				}
				got = append(got, tk.Text)
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("plain=%v %q:\n got %q\nwant %q", plain, tt.text, got, want)
			}
		}
	}
}
