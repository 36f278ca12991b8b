package normalize_test

import (
	"archive/zip"
	"bytes"
	"html"
	"strings"
	"testing"

	"zhpolicy/pkg/input"
	"zhpolicy/pkg/normalize"
)

// A portal page written for these tests: the chrome of provincial portals around a report.
var (
	pageHead = []string{
		"某省人民政府门户网站",
		"首页 | 政务公开 | 政务服务 | 互动交流 | 无障碍 | 长者模式",
		"您现在的位置：首页 > 政务公开 > 政府工作报告",
	}
	pageTitle = "2025年某省政府工作报告"
	pageInfo  = []string{
		"发布时间：2025-01-20 09:30 来源：某某日报 浏览次数：3256",
		"【字体：大 中 小】【打印本页】【关闭窗口】",
		"分享到：",
	}
	pageMeta = []string{
		"——2025年1月15日在某省第十四届人民代表大会第三次会议上",
		"某省人民政府省长\u3000张建国",
	}
	pageCaption = "1月15日，省长张建国作政府工作报告。"
	pageCredit  = " 某某日报记者 李明 摄"
	pageBody    = []string{
		"各位代表：",
		"现在，我代表省人民政府，向大会报告政府工作，请予审议，并请省政协委员提出意见。",
		"一、2024年工作回顾",
		"过去一年，全省地区生产总值增长5.3%，一般公共预算收入增长3.1%。我们坚持稳中求进工作总基调，着力扩大有效需求，来源于新兴产业的税收增长12%。",
		"二、2025年重点工作",
		"全面深化改革，编辑出版地方志丛书，完善打印、复印等政务服务设施，推进扫码办事全覆盖。",
		"各位代表！让我们更加紧密地团结在一起，奋力谱写现代化建设新篇章！",
	}
	pageTail = []string{
		"（责任编辑：刘洋）",
		"【我要纠错】 【打印】 【关闭】",
		"扫一扫在手机打开当前页",
		"上一篇：关于2024年全省经济运行情况的通报",
		"下一篇：没有了",
		"相关新闻",
		"· 省十四届人大三次会议开幕",
		"· 图解：2025年政府工作报告",
		"联系我们 | 网站地图 | 使用帮助",
		"主办：某省人民政府办公厅 承办：某省大数据中心 网站标识码：4100000001",
		"某ICP备05001234号-1 某公网安备41010502000123号",
		"建议使用1920×1080分辨率，IE10以上版本浏览器",
	}
)

func pageLines() []string {
	var l []string
	l = append(l, pageHead...)
	l = append(l, pageTitle)
	l = append(l, pageInfo...)
	l = append(l, pageMeta...)
	l = append(l, pageCaption+pageCredit)
	l = append(l, pageBody...)
	return append(l, pageTail...)
}

func pageHTML() string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + pageTitle + "_某省人民政府门户网站</title></head><body>\n")
	b.WriteString("<div class=\"top\">" + pageHead[0] + "</div>\n<ul class=\"nav\">")
	for _, m := range []string{"首页", "政务公开", "政务服务", "互动交流", "无障碍", "长者模式"} {
		b.WriteString("<li><a href=\"#\">" + m + "</a></li>")
	}
	b.WriteString("</ul>\n<div class=\"crumb\">您现在的位置：<a>首页</a> &gt; <a>政务公开</a> &gt; 政府工作报告</div>\n")
	b.WriteString("<h1>" + pageTitle + "</h1>\n")
	// Links on lines of their own in the source: a browser writes them together.
	b.WriteString("<div class=\"tools\"><a>下载</a>\n<a>打印</a>\n<a>收藏</a></div>\n")
	b.WriteString("<table><tr><td>索引号：</td><td>000014349/2025-00012</td><td>主题分类：</td><td>综合政务</td></tr></table>\n")
	for _, l := range pageInfo {
		b.WriteString("<div>" + html.EscapeString(l) + "</div>\n")
	}
	for _, l := range pageMeta {
		b.WriteString("<p>" + l + "</p>\n")
	}
	b.WriteString("<p><img src=\"a.jpg\"><span>" + pageCaption + pageCredit + "</span></p>\n")
	for _, l := range pageBody {
		b.WriteString("<p>\u3000\u3000" + l + "</p>\n")
	}
	for _, l := range pageTail {
		b.WriteString("<div>" + html.EscapeString(l) + "</div>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

func pageDOCX(t *testing.T) []byte {
	var body strings.Builder
	for _, l := range pageLines() {
		body.WriteString("<w:p><w:r><w:t xml:space=\"preserve\">" + html.EscapeString(l) + "</w:t></w:r></w:p>")
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body.String() + `<w:sectPr/></w:body></w:document>`
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml": doc,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPortalPageInEveryFormat reads the same page as text, HTML and DOCX and cleans it: every
// line of chrome goes, every line of the report stays, and the header is marked.
func TestPortalPageInEveryFormat(t *testing.T) {
	inputs := map[string][]byte{
		"page.txt":  []byte(strings.Join(pageLines(), "\n") + "\n"),
		"page.html": []byte(pageHTML()),
		"page.docx": pageDOCX(t),
	}
	for name, raw := range inputs {
		doc, err := input.ReadFrom(name, bytes.NewReader(raw), input.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r := normalize.Clean(doc.Text, normalize.DefaultOptions())
		kept := map[string]bool{}
		for _, l := range strings.Split(r.Text, "\n") {
			kept[strings.TrimSpace(l)] = true
		}
		for _, l := range pageBody {
			if !kept[l] {
				t.Errorf("%s: body line %q lost", name, l)
			}
		}
		for _, l := range []string{pageTitle, pageCaption, pageMeta[0]} {
			if !kept[l] {
				t.Errorf("%s: header line %q lost", name, l)
			}
		}
		chrome := append(append(append([]string{}, pageHead...), pageInfo...), pageTail...)
		chrome = append(chrome, "下载打印收藏", "下载 打印 收藏", strings.TrimSpace(pageCredit))
		for _, l := range chrome {
			if strings.Contains(r.Text, strings.TrimPrefix(l, "· ")) {
				t.Errorf("%s: chrome %q left", name, l)
			}
		}
		if strings.Contains(r.Text, "索引号") || strings.Contains(r.Text, "门户网站") {
			t.Errorf("%s: page information left", name)
		}
		kinds := map[normalize.MetaKind]string{}
		for _, m := range r.Meta {
			kinds[m.Kind] = r.Text[m.Start:m.End]
		}
		for k, want := range map[normalize.MetaKind]string{
			normalize.MetaTitle: pageTitle, normalize.MetaOccasion: pageMeta[0],
			normalize.MetaSpeaker: "某省人民政府省长 张建国", normalize.MetaName: "张建国", normalize.MetaCaption: pageCaption,
		} {
			if kinds[k] != want {
				t.Errorf("%s: %s %q, want %q", name, k, kinds[k], want)
			}
		}
		if again := normalize.Clean(r.Text, normalize.DefaultOptions()); again.Text != r.Text {
			t.Errorf("%s: not idempotent", name)
		}
	}
}
