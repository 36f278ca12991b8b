package slogans

import "testing"

// TestFrameRules21: in the frame 以…为 the series ends before 为, whether
// the segmenter makes 为 a word (科学发展观|为|指导) or glues it to the
// members' shared ending (智能|化为); a 为 with no 以 before the series, or
// inside a word (有为), stays; a series that starts inside the frame's list
// is a piece of it.
func TestFrameRules21(t *testing.T) {
	for text, want := range map[string]string{
		"以邓小平理论、“三个代表”重要思想、科学发展观为指导，紧紧围绕主题主线。":           "",
		"以数字化、网络化、智能化为主攻方向，加快技术改造。":                      "数字化、网络化、智能化",
		"推动有效市场和有为政府更好结合，市场有效有序、政府有为有度。":                 "市场有效有序、政府有为有度",
		"以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观为指导，全面贯彻。": "",
	} {
		// the lexicon's own series 马克思列宁主义、毛泽东思想 stays
		checkSeries(t, text, want, "马克思列宁主义、毛泽东思想")
	}
}

// checkSeries checks that text yields the parallel series want and no
// other ("": none), series written as ignore aside.
func checkSeries(t *testing.T, text, want, ignore string) {
	t.Helper()
	var got []string
	for _, f := range Extract(prep(t, text), Options{Lexicon: builtinLex(t)}) {
		if f.Kind == Parallel && (ignore == "" || f.Text != ignore) {
			got = append(got, f.Text)
		}
	}
	switch {
	case want == "" && len(got) > 0:
		t.Errorf("%s: series %v, want none", text, got)
	case want != "" && (len(got) != 1 || got[0] != want):
		t.Errorf("%s: series %v, want %s", text, got, want)
	}
}

// TestSpacedCodesRules22: spaces a PDF or a typist sets beside Latin
// letters, digits and plus signs do not hide a code or a numbered label
// (“1 + 5 + N”, “一个平台+ N 个智能应用”, 中国制造 2025); a space between two
// Han phrases still makes two phrases.
func TestSpacedCodesRules22(t *testing.T) {
	fs := Extract(prep(t, "构建“一个平台+ N 个智能应用”的服务体系。实施“1 + 5 + N”工程，对标中国制造 2025。打造“雄奇山水 新韵重庆”品牌。"), Options{Lexicon: builtinLex(t)})
	for _, want := range []string{"一个平台+n个智能应用", "1+5+n工程", "中国制造2025"} {
		if _, ok := find(fs, want); !ok {
			t.Errorf("%s not found in %v", want, keys(fs))
		}
	}
	if f, ok := find(fs, "雄奇山水新韵重庆"); ok {
		t.Errorf("two phrases read as one: %s", f.Text)
	}
}
