package normalize

import (
	"strings"
	"testing"
)

// removed returns the boilerplate changes of r: the text each took (line ends trimmed)
// and why.
func removed(r *Result) map[string]Reason {
	out := map[string]Reason{}
	for _, c := range r.Changes {
		if c.Kind == ChangeBoilerplate {
			out[strings.TrimSpace(strings.TrimRight(c.Old, "\r\n"))] = c.Reason
		}
	}
	return out
}

func TestBoilerplateReasons(t *testing.T) {
	tests := []struct {
		line string
		want Reason
	}{
		{"【字号 大 中 小】", ReasonToolbar},
		{"下载 打印 全屏 收藏", ReasonToolbar},
		{"下载打印全屏收藏", ReasonToolbar}, // links written together by an HTML extraction
		{"【打印本页】【关闭窗口】【返回顶部】", ReasonToolbar},
		{"当前位置：首页 > 政务公开 > 通知公告", ReasonBreadcrumb},
		{"您现在的位置：首页 » 新闻中心 » 要闻", ReasonBreadcrumb},
		{"当前位置：首页 - 新闻中心 - 要闻", ReasonBreadcrumb},
		{"首页 > 政府信息公开 > 政府工作报告", ReasonBreadcrumb},
		{"分享到： 微信 微博 QQ空间", ReasonShare},
		{"分享:", ReasonShare},
		{"扫一扫在手机打开当前页", ReasonQRCode},
		{"扫描二维码关注我们", ReasonQRCode},
		{"浏览次数：1234", ReasonCounter},
		{"阅读 1234", ReasonCounter},
		{"1234次浏览", ReasonCounter},
		{"发布时间：2024-01-02 10:30:00", ReasonPageInfo},
		{"2024-01-02 10:30 来源：人民网-人民日报", ReasonSource},
		{"索引号：000014349/2024-00012\t主题分类：综合政务\\其他", ReasonPageInfo},
		{"来源：北京日报", ReasonSource},
		{"来源：新华社 作者：李明", ReasonSource},
		{"责任编辑：张三", ReasonEditor},
		{"（责任编辑：王五）", ReasonEditor},
		{"编辑：王五 审核：赵六", ReasonEditor},
		{"本报记者 戴冰 摄", ReasonPhoto},
		{"（新华社记者 李学仁 摄）", ReasonPhoto},
		{"上一篇：关于开展专项检查的通知", ReasonNavigation},
		{"下一篇：没有了", ReasonNavigation},
		{"相关报道：", ReasonRelated},
		{"首页 | 政务公开 | 政务服务 | 互动交流 | 无障碍", ReasonHeader},
		{"联系我们 | 网站地图 | 使用帮助", ReasonHeader},
		{"主办：某省人民政府办公厅 承办：某省大数据中心 网站标识码：4100000001", ReasonFooter},
		{"京ICP备05070218号 京公网安备11010202000001号", ReasonFooter},
		{"版权所有：某省人民政府办公厅", ReasonFooter},
		{"Copyright © 2024 某省人民政府 All Rights Reserved", ReasonFooter},
		{"建议使用1920×1080分辨率，IE10以上版本浏览器", ReasonFooter},
		// session 14, chrome of portals the shared corpus does not hold: a
		// counter with thousands separators, the labels of a 信息公开 table
		// spaced to their column's width, related links with a colon
		{"发布日期：2026年02月01日    点击数：8,231", ReasonPageInfo},
		{"浏览次数：12,345", ReasonCounter},
		{"索 引 号：11370000004143929M/2026-00012    主题分类：综合政务", ReasonPageInfo},
		{"标　　题：政府工作报告", ReasonPageInfo},
		{"发 布 日 期：2026年02月01日", ReasonPageInfo},
		{"相关链接：中国政府网 国务院部门网站 地方政府网站", ReasonRelated},
		{"网站首页 | 政务公开 | 政务服务 | 政民互动 | 走进某省", ReasonHeader},
		{"政府网站找错", ReasonToolbar},
		{"本网站由某省人民政府办公厅主办  某省电子政务办公室承办", ReasonFooter},
	}
	for _, tt := range tests {
		in := "正文第一段，坚持稳中求进工作总基调，内容充实。\n" + tt.line + "\n正文第二段，完整准确全面贯彻新发展理念，内容充实。"
		r := Clean(in, DefaultOptions())
		if want := "正文第一段，坚持稳中求进工作总基调，内容充实。\n正文第二段，完整准确全面贯彻新发展理念，内容充实。"; r.Text != want {
			t.Errorf("%q: Clean = %q, want the line removed", tt.line, r.Text)
			continue
		}
		got := removed(r)
		if len(got) != 1 || got[strings.TrimSpace(tt.line)] != tt.want {
			t.Errorf("%q: removed %v, want reason %q", tt.line, got, tt.want)
		}
		checkResult(t, in, r, DefaultOptions())
	}
}

// TestBoilerplateKeepsBody: body text that merely mentions the words of page chrome stays.
func TestBoilerplateKeepsBody(t *testing.T) {
	keep := []string{
		"来源：国家统计局数据显示，全年增长5.2%。",
		"编辑部要加强审核，落实三审三校制度。",
		"请各单位及时打印并分享本通知。",
		"四、相关附件",
		"（四）政策咨询",
		"一、总体要求",
		"政策解读",
		"时间：2024年1月2日 地点：市政府",
		"联系人：张三 联系电话：010-12345678",
		"附件：1.实施方案",
		"ICP备案号",
		"化塑汇APP",
		"山东省人民政府",
		"2024年3月18日",
		"（此件公开发布）",
		"举办摄影展",
		"开展扫码支付便民行动",
		"大 中 小",
		"地址：北京市西城区 邮编：100000",
		"联 系 人：张三",
		"标 题 党 建：引领发展",
		"时间：2024年1月2日，地点：市政府，人数：1,234,56",
		"政务公开 | 优化营商环境",
		"政务公开 | 政务服务 | 走进某省 | 乡村振兴",
		"本网站由省政府主办的说法不准确，应予更正。",
	}
	for _, line := range keep {
		in := "正文第一段，坚持稳中求进工作总基调，内容充实。\n" + line + "\n正文第二段，完整准确全面贯彻新发展理念，内容充实。"
		r := Clean(in, DefaultOptions())
		if got := removed(r); len(got) != 0 {
			t.Errorf("%q: removed %v, want it kept", line, got)
		}
	}
}

// TestBoilerplateOverLines: the widgets of scraped pages, one word a line.
func TestBoilerplateOverLines(t *testing.T) {
	in := "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n" +
		"2026年某省政府工作报告\n" +
		"当前位置：\n首页\n>\n政务信息\n>\n要闻\n" +
		"发表时间：\n2026-02-09 09:45:30\n来源：\n某某日报客户端\n阅读量：\n【字体：\n小\n中\n大\n】\n" +
		"各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n" +
		"扫一扫在手机打开当前页\n【\n打印本页\n】\n【\n关闭窗口\n】\n"
	r := Clean(in, DefaultOptions())
	want := "2026年某省政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n"
	if r.Text != want {
		t.Errorf("Clean = %q, want %q", r.Text, want)
	}
	got := removed(r)
	for line, reason := range map[string]Reason{"加大": ReasonToolbar, "】": ReasonToolbar, ">": ReasonBreadcrumb,
		"政务信息": ReasonBreadcrumb, "某某日报客户端": ReasonSource, "2026-02-09 09:45:30": ReasonPageInfo,
		"打印本页": ReasonToolbar} {
		if got[line] != reason {
			t.Errorf("%q removed for %q, want %q", line, got[line], reason)
		}
	}
	checkResult(t, in, r, DefaultOptions())
}

// TestSignatureStays: the issuing body and date at the foot of a notice stay, even right
// above page chrome.
func TestSignatureStays(t *testing.T) {
	in := "一、总体要求。坚持以习近平新时代中国特色社会主义思想为指导，推动高质量发展。\n山东省人民政府\n2024年3月18日\n责任编辑：王晓明\n分享到：\n"
	want := "一、总体要求。坚持以习近平新时代中国特色社会主义思想为指导，推动高质量发展。\n山东省人民政府\n2024年3月18日\n"
	if r := Clean(in, DefaultOptions()); r.Text != want {
		t.Errorf("Clean = %q, want %q", r.Text, want)
	}
}

func TestRelatedList(t *testing.T) {
	body := "正文最后一段，内容充实。\n"
	// The list runs to the end: it goes with its header.
	in := body + "相关新闻\n· 省十四届人大三次会议开幕\n· 图解：2025年政府工作报告\n网友评论\n"
	if r := Clean(in, DefaultOptions()); r.Text != body {
		t.Errorf("Clean = %q, want %q", r.Text, body)
	}
	// Body after the header: only the header goes.
	in = "相关报道：\n一、总体要求\n正文第一段，内容充实。\n"
	if r := Clean(in, DefaultOptions()); r.Text != "一、总体要求\n正文第一段，内容充实。\n" {
		t.Errorf("Clean = %q", r.Text)
	}
}

func TestCredits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"殷勇同志作政府工作报告。本报记者 戴冰摄", "殷勇同志作政府工作报告。"},
		{"政府工作报告。 贵州日报天眼新闻记者 李森 摄", "政府工作报告。"},
		{"1月27日，代表自治区人民政府，向大会作政府工作报告。石榴云/新疆日报记者谢龙摄", "1月27日，代表自治区人民政府，向大会作政府工作报告。"},
		{"图为会场。 王鼎 摄", "图为会场。"},
		{"图为会场。（新华社记者 李学仁 摄）", "图为会场。"},
		{"图为会场。新华社发", "图为会场。"},
		{"全年增长5.2%。（责任编辑：张三）", "全年增长5.2%。"},
		{"全年增长5.2%。编辑：王五 审核：赵六", "全年增长5.2%。"},
		{"全年增长5.2%。（来源：人民日报）", "全年增长5.2%。"},
		// Kept: no credit.
		{"开展城市影像拍摄", "开展城市影像拍摄"},
		{"全年增长5.2%（初步核算）", "全年增长5.2%（初步核算）"},
		{"依照《数据安全法》（2021年）", "依照《数据安全法》（2021年）"},
		{"组织全省摄影记者参加培训。", "组织全省摄影记者参加培训。"},
	}
	for _, tt := range tests {
		r := Clean(tt.in, DefaultOptions())
		if r.Text != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, r.Text, tt.want)
		}
		checkResult(t, tt.in, r, DefaultOptions())
	}
}

func TestSiteSuffixOfTitle(t *testing.T) {
	in := "2026年某省政府工作报告_某省人民政府门户网站\n当前位置：首页 > 要闻\n2026年某省政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。"
	r := Clean(in, DefaultOptions())
	// The <title> line loses the site's name; it stays, marked as a title like the h1 below.
	if want := "2026年某省政府工作报告\n2026年某省政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。"; r.Text != want {
		t.Errorf("Clean = %q, want %q", r.Text, want)
	}
	checkResult(t, in, r, DefaultOptions())
}

func metaOfKind(r *Result, k MetaKind) []string {
	var out []string
	for _, m := range r.Meta {
		if m.Kind == k {
			out = append(out, r.Text[m.Start:m.End])
		}
	}
	return out
}

func TestMeta(t *testing.T) {
	in := "下载\n打印\n2026年某省政府工作报告\n——2026年1月25日在某省第十六届人民代表大会第四次会议上\n" +
		"来源：某某日报\n某省人民政府省长 张建国\n张建国同志作政府工作报告。本报记者 李明摄\n各位代表：\n" +
		"现在，我代表省人民政府，向大会报告政府工作，请予审议。\n省长　王某\n"
	r := Clean(in, DefaultOptions())
	checks := map[MetaKind][]string{
		MetaTitle:    {"2026年某省政府工作报告"},
		MetaOccasion: {"——2026年1月25日在某省第十六届人民代表大会第四次会议上"},
		MetaSpeaker:  {"某省人民政府省长 张建国"},
		MetaName:     {"张建国"},
		MetaCaption:  {"张建国同志作政府工作报告。"},
	}
	for k, want := range checks {
		if got := metaOfKind(r, k); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	// Spans are in order and nest.
	for i := 1; i < len(r.Meta); i++ {
		if r.Meta[i].Start < r.Meta[i-1].Start {
			t.Errorf("Meta out of order: %+v", r.Meta)
		}
	}
	// Only in the head: 省长 王某 after the salutation is body.
	if n := len(metaOfKind(r, MetaSpeaker)); n != 1 {
		t.Errorf("%d speaker spans", n)
	}
	// The ideographic space of 省长　XXX, and an occasion with the speaker on one line.
	for _, tt := range []struct{ in, occasion, speaker, name string }{
		{"政府工作报告\n省长\u3000李炳军\n各位代表：", "", "省长 李炳军", "李炳军"},
		{"政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚\n各位代表：",
			"2026年1月27日在陕西省第十四届人民代表大会第四次会议上", "陕西省省长 赵刚", "赵刚"},
		{"政府工作报告\n（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）\n上海市市长 龚 正\n各位代表：",
			"（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）", "上海市市长 龚 正", "龚 正"},
		{"政府工作报告\n自治区主席 艾尔肯·吐尼亚孜\n各位代表：", "", "自治区主席 艾尔肯·吐尼亚孜", "艾尔肯·吐尼亚孜"},
	} {
		r := Clean(tt.in, DefaultOptions())
		if got := strings.Join(metaOfKind(r, MetaOccasion), ""); got != tt.occasion {
			t.Errorf("%q: occasion %q, want %q", tt.in, got, tt.occasion)
		}
		if got := strings.Join(metaOfKind(r, MetaSpeaker), ""); got != tt.speaker {
			t.Errorf("%q: speaker %q, want %q", tt.in, got, tt.speaker)
		}
		if got := strings.Join(metaOfKind(r, MetaName), ""); got != tt.name {
			t.Errorf("%q: name %q, want %q", tt.in, got, tt.name)
		}
	}
	// A Traditional header.
	tr := Clean("行政院關於推動數位轉型的施政報告\n——2025年3月12日在立法院第11屆第3會期會議上\n行政院院長 卓榮泰\n各位委員：\n", DefaultOptions())
	for k, want := range map[MetaKind]string{MetaTitle: "行政院關於推動數位轉型的施政報告", MetaOccasion: "——2025年3月12日在立法院第11屆第3會期會議上",
		MetaSpeaker: "行政院院長 卓榮泰", MetaName: "卓榮泰"} {
		if got := strings.Join(metaOfKind(tr, k), "|"); got != want {
			t.Errorf("Traditional %s: %q, want %q", k, got, want)
		}
	}
	// Without the boilerplate step, no metadata.
	if r := Clean(in, Options{Width: true}); r.Meta != nil {
		t.Errorf("Meta without Boilerplate: %+v", r.Meta)
	}
}
