package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// FuzzClean checks, for every input and every combination of options, the invariants
// documented in the package comment: valid UTF-8 output, idempotence, Changes that rebuild
// the text from the original, and offsets that stay in range and never decrease.
func FuzzClean(f *testing.F) {
	seeds := []string{
		example,
		"会(hui4)议", "会（huì）议", "调研(diào yán)", "會(huì)議(yì)第(a)条",
		"加入(WTO)", "(江苏)", "第(一)条", "会(a会(ā)o)",
		"ＧＤＰ增长５．２％", "５\u200b．２", "\ufeff\u200b\u00a0\u3000\u00ad\u202a\u2066",
		"a\r\nb\rc\n\r", "正文\n【打印本页】【关闭窗口】\n", "来源：XX 发布时间：2024-01-02 浏览次数：123",
		"(责任编辑：李四)", "分享到(fēn)：", "\xff\xfe(huì)\xe4\xb8", "X\r打印\n\n",
		"会(ｈｕì)", "嗯(ń)", "率(lu:4)",
	}
	for i, s := range seeds {
		f.Add(s, uint8(31))
		f.Add(s, uint8(i))
	}
	f.Fuzz(func(t *testing.T, in string, mask uint8) {
		opts := optionsFromMask(mask)
		r := Clean(in, opts)
		checkResult(t, in, r, opts)
		again := Clean(r.Text, opts)
		if again.Text != r.Text {
			t.Fatalf("not idempotent with %+v:\n in   %q\n once %q\n twice %q", opts, in, r.Text, again.Text)
		}
		if again.Changed() {
			t.Fatalf("second Clean reports changes %+v for %q", again.Changes, r.Text)
		}
	})
}

// TestCleanRandomTokens runs the fuzz invariants over random sequences of the tokens that
// interact (annotations, weak and strong; parentheses; invisibles; bars; line ends), which
// reach combinations byte-level fuzzing finds slowly.
func TestCleanRandomTokens(t *testing.T) {
	toks := []string{
		"会", "議", "(", ")", "（", "）", "huì", "hui", "yì", "a", "4", ",", " ", "yán",
		"\u200b", "\u00a0", "\u3000", "\r", "\n", "\r\n", "\xff",
		"打印", "|", "关闭", "：", "责任编辑", "来源", "分享到", "【", "】", "x",
		"５", "．", "Ｇ", "會(huì)議(yì)",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	n := 5000
	if testing.Short() {
		n = 500
	}
	for range n {
		var b strings.Builder
		for range rng.IntN(120) {
			b.WriteString(toks[rng.IntN(len(toks))])
		}
		in := b.String()
		opts := optionsFromMask(uint8(rng.IntN(32)))
		r := Clean(in, opts)
		checkResult(t, in, r, opts)
		if again := Clean(r.Text, opts).Text; again != r.Text {
			t.Fatalf("not idempotent with %+v:\n in    %q\n once  %q\n twice %q", opts, in, r.Text, again)
		}
	}
}
