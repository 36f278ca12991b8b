package input

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/input")

func TestExtractHTML(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"title first", `<html><head><title> 政府
			工作报告 </title></head><body><p>正文</p></body></html>`, "政府 工作报告\n正文\n"},
		{"script style head dropped", `<head><style>p{color:red}</style><script>var a="脚本";</script><meta name="x" content="元数据"></head>` +
			`<body><script>document.write("<p>又一个脚本</p>")</script><p>可见</p><noscript>无脚本</noscript><template>模板</template></body>`, "可见\n"},
		{"entities", `<p>A&amp;B &lt;规划&gt; &quot;引号&quot; &#20013;&#x56FD; &copy; &hellip;</p>`, "A&B <规划> \"引号\" 中国 © …\n"},
		{"blocks become lines", `<div>一</div><div>二<p>三</p>四</div><h1>五</h1><section>六</section><article>七</article><blockquote>八</blockquote>`,
			"一\n二\n三\n四\n五\n六\n七\n八\n"},
		{"inline stays on the line", `<p>坚持<b>稳中求进</b>工作<a href="#">总基调</a>。</p>`, "坚持稳中求进工作总基调。\n"},
		{"br", `<p>第一行<br>第二行<br/>第三行</p>`, "第一行\n第二行\n第三行\n"},
		{"blank lines collapse", `<p>甲</p><br><br><br><br><p>乙</p>`, "甲\n\n乙\n"},
		{"whitespace collapses", "<p>  hello \n\t world  </p>", "hello world\n"},
		{"line break between CJK vanishes", "<p>中国\n特色社会主义\n  进入新时代</p>", "中国特色社会主义进入新时代\n"},
		{"space between CJK stays", "<p>中国 特色</p>", "中国 特色\n"},
		{"line break next to Latin is a space", "<p>5G\n网络 and\n中文</p>", "5G 网络 and 中文\n"},
		{"nbsp", "<p>&nbsp;&nbsp;首行缩进&nbsp;文字&nbsp;</p>", "首行缩进 文字\n"},
		{"ideographic space kept", "<p>　　第一条　为了规范</p>", "　　第一条　为了规范\n"},
		{"lists", `<ul><li>一</li><li>二<ol><li>二.1</li></ol></li></ul>`, "一\n二\n二.1\n"},
		{"table", `<table><tr><th>地区</th><th>增速</th></tr><tr><td>北京</td><td>5.2%</td></tr><tr><td></td><td>空</td></tr></table>`,
			"地区\t增速\n北京\t5.2%\n空\n"},
		{"pre keeps layout", "<p>前</p><pre>  a   b\n\n  c</pre><p>后</p>", "前\n  a   b\n\n  c\n后\n"},
		{"hidden", `<p hidden>隐</p><div style="DISPLAY: NONE">隐</div><span aria-hidden="true">隐</span><p>显</p>`, "显\n"},
		{"svg and select dropped", `<p>前</p><svg><title>图</title><text>字</text></svg><select><option>选项</option></select><p>后</p>`, "前\n后\n"},
		{"comments dropped", `<p>前<!-- 注释 -->后</p>`, "前后\n"},
		{"no html wrapper", `纯文字 <i>斜体</i>`, "纯文字 斜体\n"},
		{"malformed", `<p>未闭合<div>嵌套<p>段落</b></i></table>尾`, "未闭合\n嵌套\n段落尾\n"}, // as HTML5 parses it
		{"empty", ``, ""},
		{"only title", `<title>标题</title>`, "标题\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := extractHTML(tt.html); got != tt.want {
				t.Errorf("extractHTML = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	body := "<p>" + simpText + "</p>"
	tbody := "<p>" + tradText + "</p>"
	tests := []struct {
		name    string
		raw     []byte
		opts    Options
		wantEnc string
		want    string
	}{
		{"meta charset gbk", mustEncode(t, `<html><head><meta charset="GBK"></head><body>`+body, "gbk"), Options{}, EncGB18030, simpText},
		{"http-equiv gb2312", mustEncode(t, `<meta http-equiv="content-type" content="text/html;charset=gb2312">`+"<p>"+shortSimp+"</p>", "gb2312"), Options{}, EncGB18030, shortSimp},
		{"meta big5", mustEncode(t, `<meta charset='big5'>`+tbody, "big5"), Options{}, EncBig5, tradText},
		// The meta wins over detection when the bytes are not UTF-8: this
		// Big5 page would be detected as Big5, but it says gbk.
		{"meta honoured over detection", mustEncode(t, `<meta charset="gbk">`+"<p>"+shortSimp+"</p>", "gbk"), Options{}, EncGB18030, shortSimp},
		{"valid utf-8 ignores a wrong meta", []byte(`<meta charset="gb2312">` + body), Options{}, EncUTF8, simpText},
		{"no meta: detected", mustEncode(t, tbody, "big5"), Options{}, EncBig5, tradText},
		{"meta naming an unknown charset: detected", mustEncode(t, `<meta charset="x-unknown">`+tbody, "big5"), Options{}, EncBig5, tradText},
		{"forced encoding wins", mustEncode(t, `<meta charset="big5">`+body, "gbk"), Options{Encoding: "gbk"}, EncGB18030, simpText},
		{"utf-16 with BOM", mustEncode(t, `<meta charset="gbk">`+body, "utf-16le"), Options{}, EncUTF16LE, simpText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadFrom("page.html", strings.NewReader(string(tt.raw)), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(tt.want, "\n", "") + "\n" // CJK line breaks join in HTML
			if doc.Encoding != tt.wantEnc || doc.Text != want {
				t.Errorf("ReadFrom = %q %q, want %q %q", doc.Encoding, firstRunes(doc.Text, 30), tt.wantEnc, firstRunes(want, 30))
			}
		})
	}
}

func TestCharsetParam(t *testing.T) {
	for in, want := range map[string]string{
		"text/html; charset=gb2312":     "gb2312",
		"text/html;charset=\"GBK\"":     "GBK",
		"text/html; Charset = big5 ; x": "big5",
		"text/html":                     "",
		"charset":                       "",
	} {
		if got := charsetParam(in); got != want {
			t.Errorf("charsetParam(%q) = %q, want %q", in, got, want)
		}
	}
}

// A realistic government page against a golden file; run with -update
// to rewrite testdata/input/html/*.golden.
func TestHTMLGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "input", "html", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err := Read(Source{Path: f}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(doc.Text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if doc.Text != string(want) {
				t.Errorf("text differs from %s:\n--- got\n%s\n--- want\n%s", golden, doc.Text, want)
			}
			if strings.Contains(doc.Text, "不应出现") {
				t.Errorf("hidden text leaked into the output")
			}
		})
	}
}
