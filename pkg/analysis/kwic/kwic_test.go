package kwic

import (
	"fmt"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// doc builds an Input with tokens from words separated by "|".
func doc(spec string, kind script.Kind) *analysis.Input {
	var text strings.Builder
	var toks []segment.Token
	for _, w := range strings.Split(spec, "|") {
		lead := len(w) - len(strings.TrimLeft(w, "\n "))
		text.WriteString(w[:lead])
		w = w[lead:]
		s := text.Len()
		text.WriteString(w)
		toks = append(toks, segment.Token{Text: w, Start: int32(s), End: int32(text.Len())})
	}
	return analysis.NewInput("d", text.String(), kind, toks)
}

func TestFind(t *testing.T) {
	simp := doc("推动|高质量|发展|，|坚持|高质量|发展|。", script.Simplified)
	trad := doc("推動|高質量|發展|，|\n堅持|高質量|發展|。", script.Traditional)
	mixed := doc("GDP|增长|5.2%|，|gdp|总量|创|新高|。", script.Simplified)
	tests := []struct {
		name   string
		in     *analysis.Input
		term   string
		opts   QueryOptions
		window int
		want   string
	}{
		{"simplified term", simp, "高质量发展", QueryOptions{}, 3, "[推动 高质量发展 ，坚持] [，坚持 高质量发展 。]"},
		{"traditional term finds simplified", simp, "高質量", QueryOptions{}, 2, "[推动 高质量 发展] [坚持 高质量 发展]"},
		{"simplified term finds traditional, shown as written", trad, "发展", QueryOptions{}, 2, "[質量 發展 ， ] [質量 發展 。]"},
		{"line break in context is a space", trad, "堅持", QueryOptions{}, 3, "[展，  堅持 高質量]"},
		{"ascii any case", mixed, "gdp", QueryOptions{}, 2, "[ GDP 增长] [%， gdp 总量]"},
		{"regex on folded text", trad, "高质量.展", QueryOptions{Regex: true}, 1, "[動 高質量發展 ，] [持 高質量發展 。]"},
		{"regex in traditional", simp, "堅持|推動", QueryOptions{Regex: true}, 1, "[ 推动 高] [， 坚持 高]"},
		{"window 0", simp, "坚持", QueryOptions{}, 0, "[ 坚持 ]"},
		{"no match", simp, "共同富裕", QueryOptions{}, 5, "[]"},
		{"whole words", simp, "质量", QueryOptions{Words: true}, 2, "[]"},
		{"whole words match", simp, "发展", QueryOptions{Words: true}, 1, "[量 发展 ，] [量 发展 。]"},
		{"substring", simp, "质量", QueryOptions{}, 1, "[高 质量 发] [高 质量 发]"},
		{"empty regex matches skipped", simp, "x*", QueryOptions{Regex: true}, 1, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := NewQuery(tt.term, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			hits := Find(tt.in, q, tt.window)
			parts := make([]string, len(hits))
			for i, h := range hits {
				parts[i] = fmt.Sprintf("[%s %s %s]", h.Left, h.Match, h.Right)
				if tt.in.Text[h.Start:h.End] != h.Match {
					t.Errorf("offsets [%d,%d) give %q, not %q", h.Start, h.End, tt.in.Text[h.Start:h.End], h.Match)
				}
			}
			if got := strings.Join(parts, " "); got != tt.want && !(got == "" && tt.want == "[]") {
				t.Errorf("got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestNewQueryErrors(t *testing.T) {
	tests := []struct {
		term string
		opts QueryOptions
		want string
	}{
		{"", QueryOptions{}, "empty term"},
		{"发展(", QueryOptions{Regex: true}, "invalid regular expression"},
		{"\xff", QueryOptions{}, "not valid UTF-8"},
	}
	for _, tt := range tests {
		if _, err := NewQuery(tt.term, tt.opts); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewQuery(%q): err %v, want %q", tt.term, err, tt.want)
		}
	}
}

func TestWidth(t *testing.T) {
	tests := []struct {
		s string
		w int
	}{
		{"abc", 3},
		{"发展", 4},
		{"發展，", 6},
		{"“三个大抓”", 10},
		{"ＧＤＰ", 6},
		{"e\u0301", 1},
		{"a\u200bb", 2},
		{"", 0},
	}
	for _, tt := range tests {
		if got := Width(tt.s); got != tt.w {
			t.Errorf("Width(%q) = %d, want %d", tt.s, got, tt.w)
		}
	}
	if got := PadLeft("发展", 6); got != "  发展" {
		t.Errorf("PadLeft: %q", got)
	}
	if got := PadRight("发展", 5); got != "发展 " {
		t.Errorf("PadRight: %q", got)
	}
}
