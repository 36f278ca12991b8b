package check

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"zhpolicy/pkg/input"
)

// streamText is a document with a finding of every rule that works on
// parts, some more than once, and hard-wrapped paragraphs whose brackets
// close on the next line.
func streamText(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, name := range []string{"municipal_report.txt", "pinyin_annotated.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "sample", name))
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, "第%d段：会(huì)议指出,要推进数字化转型和十三五规划，２０２%d年“发展\u200B质量。\n", i, i%10)
		b.WriteString("这是一段从PDF中提取出来的很长的文字它没有在行末结束句子而且引号“跨越了两行\n")
		b.WriteString("到下一行才闭合”，（括号也是这样。\n")
		b.WriteString("發展和進步的字在简体文件里，坏字节\uFFFD\uFFFD在这里。\n\n")
		if i%4 == 3 {
			b.WriteString("一、总体要求\n（一）主要目标\n必须坚持高质量发展。\n")
		}
	}
	return b.String()
}

func streamSettings() *Settings {
	s := DefaultSettings()
	s.terms = []Term{
		{Kind: TermForbidden, Text: "数字化转型", Replace: "数智化转型"},
		{Kind: TermOutdated, Text: "十三五规划", Replace: "十四五规划"},
		{Kind: TermRequired, Text: "高质量发展"},
		{Kind: TermRequired, Text: "数据要素乘数"},
	}
	s.DuplicateMinChars = 20
	s.MaxSize = 1000
	if err := s.compile(); err != nil {
		panic(err)
	}
	return s
}

// checkInParts checks text as Stream does, in parts of about size bytes
// cut by PartEnd.
func checkInParts(doc Document, s *Settings, size int) (*Result, int) {
	text := doc.Text
	var parts []string
	for rest := []byte(text); len(rest) > 0; {
		cut, ok := PartEnd(rest, size, true)
		if !ok || cut <= 0 {
			panic("PartEnd did not cut at eof")
		}
		parts = append(parts, string(rest[:cut]))
		rest = rest[cut:]
	}
	det := DetectPart("", doc.Format)
	for _, p := range parts {
		det = det.Add(DetectPart(p, doc.Format))
	}
	st := NewStream(doc, s, det)
	for _, p := range parts {
		st.Part(p)
	}
	return st.Close(doc.Warnings), len(parts)
}

func withoutEdits(fs []Finding) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		f.Edits = nil
		out[i] = f
	}
	return out
}

// A document checked in parts has the findings and the fingerprint of the
// document checked whole, whatever the part size.
func TestStreamEqualsWhole(t *testing.T) {
	text := streamText(t)
	warn := []input.Warning{{Message: "invalid UTF-8 bytes"}}
	cases := []struct {
		name string
		doc  Document
		set  *Settings
	}{
		{"defaults", Document{Name: "big.txt", Format: input.FormatText, Encoding: input.EncUTF8, Size: int64(len(text)), Text: text, Warnings: warn}, streamSettings()},
		{"gb18030 no warnings", Document{Name: "big.txt", Format: input.FormatText, Encoding: "gb18030", Size: int64(len(text)), Text: text}, streamSettings()},
	}
	trad, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "sample", "traditional_notice.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tt := strings.Repeat(string(trad)+"\n", 5)
	simp := streamSettings()
	simp.Script = ScriptSimplified
	cases = append(cases, struct {
		name string
		doc  Document
		set  *Settings
	}{"traditional document, simplified expected", Document{Name: "tw.txt", Format: input.FormatText, Encoding: input.EncUTF8, Size: int64(len(tt)), Text: tt}, simp})
	for _, c := range cases {
		whole := Check(&c.doc, c.set)
		rules := map[string]int{}
		for _, f := range whole.Findings {
			rules[f.Rule]++
		}
		if c.name == "defaults" {
			for _, id := range []string{RuleEncoding, RulePinyin, RuleWidth, RuleBrackets, RuleTerm, RuleInvisible, RuleScriptMix, RuleSize} {
				if rules[id] == 0 {
					t.Fatalf("%s: the test text has no %s finding: %v", c.name, id, rules)
				}
			}
			req := 0
			for _, f := range whole.Findings {
				if strings.Contains(f.Message, "required term") {
					req++
				}
			}
			if req != 1 {
				t.Fatalf("%d required-term findings, want 1 (数据要素乘数)", req)
			}
		}
		for _, size := range []int{64, 300, 1000, 4096, len(c.doc.Text)} {
			got, n := checkInParts(c.doc, c.set, size)
			if n < 2 && size < len(c.doc.Text)/2 {
				t.Fatalf("%s: size %d gave %d parts", c.name, size, n)
			}
			if !reflect.DeepEqual(got.Findings, withoutEdits(whole.Findings)) {
				w, g := short(whole.Findings), short(got.Findings)
				t.Errorf("%s, parts of %d bytes (%d): %d findings, whole %d", c.name, size, n, len(g), len(w))
				for i := 0; i < max(len(w), len(g)); i++ {
					var a, b Finding
					if i < len(whole.Findings) {
						a = whole.Findings[i]
						a.Edits = nil
					}
					if i < len(got.Findings) {
						b = got.Findings[i]
					}
					if !reflect.DeepEqual(a, b) {
						t.Errorf("first difference:\nwhole %+v\nparts %+v", a, b)
						break
					}
				}
			}
			if got.Fingerprint != whole.Fingerprint {
				t.Errorf("%s, parts of %d bytes: fingerprint differs", c.name, size)
			}
		}
	}
}

// PartEnd never ends a part inside a hard-wrapped paragraph, and waits for
// the next line before deciding.
func TestPartEnd(t *testing.T) {
	long := strings.Repeat("长", 25)
	buf := []byte("短句。\n" + long + "\n接着写完。\n新段落\n")
	cut, ok := PartEnd(buf, len("短句。\n")+10, false)
	if !ok || string(buf[:cut]) != "短句。\n" {
		t.Errorf("cut %d %v: %q", cut, ok, buf[:cut])
	}
	cut, ok = PartEnd(buf[len("短句。\n"):], len(long)+2, false)
	if !ok || string(buf[len("短句。\n"):][:cut]) != long+"\n接着写完。\n" {
		t.Errorf("cut %d %v: %q", cut, ok, buf[:cut])
	}
	if _, ok := PartEnd([]byte("一行\n没写完"), 5, false); ok {
		t.Error("cut before the next line was read")
	}
	if cut, ok := PartEnd([]byte("abc"), 10, true); !ok || cut != 3 {
		t.Errorf("eof: %d %v", cut, ok)
	}
}

// A rule lists at most MaxPerRule findings in a file, the last saying how
// many more there are, checked whole or in parts.
func TestFindingsPerRuleCapped(t *testing.T) {
	text := strings.Repeat("中,文\n", MaxPerRule+7)
	d := Document{Name: "w.txt", Format: input.FormatText, Encoding: input.EncUTF8, Size: int64(len(text)), Text: text}
	s := only(RuleWidth, nil)
	whole := Check(&d, s)
	if len(whole.Findings) != MaxPerRule || !strings.HasSuffix(whole.Findings[MaxPerRule-1].Message, "(7 more width findings in this file not listed)") {
		t.Fatalf("%d findings, last %q", len(whole.Findings), whole.Findings[len(whole.Findings)-1].Message)
	}
	got, _ := checkInParts(d, s, 4096)
	if !reflect.DeepEqual(got.Findings, withoutEdits(whole.Findings)) {
		t.Errorf("in parts: %d findings, last %q", len(got.Findings), got.Findings[len(got.Findings)-1].Message)
	}
}
