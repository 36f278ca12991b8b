package keywords

import (
	"os"
	"strings"
	"testing"

	"zhpolicy/internal/testenv"
)

func TestFormCell(t *testing.T) {
	cases := []struct {
		text, term string
		proc, want bool
	}{
		{"企业规模：□大型企业 □中型企业 □小型企业", "中型企业", false, true},
		{"附件\n起止日期\n　\n", "起止日期", true, true},
		{"法人代表/负责人\n", "法人代表", true, true},
		{"示例：\n", "示例", true, true},
		// a line of its own outside a form: a heading or a table of content
		{"合成树脂\n", "合成树脂", false, false},
		// inside a sentence of a form: not a cell
		{"请填写起止日期和建设内容。\n", "起止日期", true, false},
		// a long alternative after the slash is text, not a cell
		{"法人代表/负责人须对申报材料的真实性负责\n", "法人代表", true, false},
	}
	for _, c := range cases {
		s := strings.Index(c.text, c.term)
		if got := formCell(c.text, s, s+len(c.term), c.proc); got != c.want {
			t.Errorf("formCell(%q, %q, proc=%v) = %v, want %v", c.text, c.term, c.proc, got, c.want)
		}
	}
}

func TestFormParts(t *testing.T) {
	text := "正文。\n附件3\n智能制造示范工厂揭榜任务\n任务内容。\n附件4-1\n智能制造试点示范项目申报书\n（优秀场景）\n起止日期\n附件4-2\n智能制造试点示范项目申报书\n（示范工厂）\n法人代表\n附件5\n推荐汇总表\n"
	id := func(s, e int) string { return text[s:e] }
	got := formParts(text, id)
	if len(got) != 2 {
		t.Fatalf("formParts: %d parts, want 2: %v", len(got), got)
	}
	for i, want := range []string{"附件4-1\n智能制造试点示范项目申报书\n（优秀场景）\n起止日期\n", "附件4-2\n智能制造试点示范项目申报书\n（示范工厂）\n法人代表\n"} {
		if p := text[got[i][0]:got[i][1]]; p != want {
			t.Errorf("part %d = %q, want %q", i, p, want)
		}
	}
	// a part whose title is no form's is not procedure
	if p := formParts("附件1-1\n实施方案\n内容\n", func(s, e int) string { return "附件1-1\n实施方案\n内容\n"[s:e] }); len(p) != 0 {
		t.Errorf("formParts of a plan's part = %v, want none", p)
	}
}

func TestFormTitleQualifier(t *testing.T) {
	for title, want := range map[string]bool{
		"智能制造试点示范项目申报书（优秀场景）": true,
		"项目推荐汇总表":          true,
		"智能制造典型场景参考指引（试行）": false,
	} {
		if got := formTitle(title); got != want {
			t.Errorf("formTitle(%q) = %v, want %v", title, got, want)
		}
	}
}

// A word gse tags as an organisation's name (nt) is a suspect piece, as a
// place's or a person's is: used twice, both times before the same word
// (公共信息+服务 in central_156, a DEV notice), it is a piece of the longer
// unit and not ranked.
func TestOrganisationTagIsSuspect(t *testing.T) {
	if !suspectPOS("nt") {
		t.Fatal("suspectPOS(nt) = false")
	}
	b, err := os.ReadFile(testenv.Shared(t, "corpus", "ministry_provincial_notices", "central_156.txt"))
	if err != nil {
		t.Fatal(err)
	}
	in := realInput(t, "central_156", string(b))
	opts, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Extract(in, opts, 20) {
		if k.Key == "公共信息" {
			t.Errorf("公共信息 (a piece of 公共信息服务) is ranked: %+v", k)
		}
	}
}
