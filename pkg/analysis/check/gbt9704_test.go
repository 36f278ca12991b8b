package check

import (
	"strings"
	"testing"
)

// gbDoc is a small 公文 with one departure from GB/T 9704 of each kind.
const gbDoc = `国务院文件
国发[2024]第05号
国务院关于加快发展某某产业的规划
各省、自治区、直辖市人民政府：
根据国发（2021）33号文件精神，现提出以下意见。
一、总体要求
1.坚持创新驱动。
三、重点任务
（一）、加强领导。
（二）完善机制。
（四）强化保障。
附件：1.重点任务分工表
国务院
二〇二四年三月五日
-3-
附件1
重点任务分工表
— 5 —
`

func gbFindings(t *testing.T, rule string) []Finding {
	t.Helper()
	return Check(doc("text", gbDoc), only(rule, func(s *Settings) { s.SetSeverity(rule, Warning) })).Findings
}

func TestGBT9704OffByDefault(t *testing.T) {
	res := Check(doc("text", gbDoc), DefaultSettings())
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule, "gbt9704") {
			t.Errorf("rule %s on by default: %v", f.Rule, f)
		}
	}
	for _, id := range []string{RuleGBNumber, RuleGBDate, RuleGBHeadings, RuleGBTitle, RuleGBAttachments, RuleGBPages} {
		if r, ok := LookupRule(id); !ok || r.Default != Off {
			t.Errorf("rule %s: %+v %v", id, r, ok)
		}
	}
}

func TestGBT9704Preset(t *testing.T) {
	cfg := DefaultConfig(".")
	if err := cfg.EnablePreset("nope"); err == nil {
		t.Error("unknown preset accepted")
	}
	if err := cfg.EnablePreset("gbt9704"); err != nil {
		t.Fatal(err)
	}
	s := cfg.Base()
	for _, id := range []string{RuleGBNumber, RuleGBPages} {
		if s.Severity(id) != Warning {
			t.Errorf("%s: %v after the preset", id, s.Severity(id))
		}
	}
	// a severity the configuration set is kept
	cfg2, err := ParseConfig("c.yaml", ".", []byte("rules:\n  gbt9704-pages: error\n"))
	if err != nil {
		t.Fatal(err)
	}
	_ = cfg2.EnablePreset("gbt9704")
	if s := cfg2.Base(); s.Severity(RuleGBPages) != Error || s.Severity(RuleGBTitle) != Warning {
		t.Errorf("pages %v title %v", s.Severity(RuleGBPages), s.Severity(RuleGBTitle))
	}
}

func TestGBT9704Rules(t *testing.T) {
	for _, c := range []struct {
		rule string
		want []string
	}{
		{RuleGBNumber, []string{"2:1 gbt9704-number 国发[2024]第05号", "5:3 gbt9704-number 国发（2021）33号"}},
		{RuleGBDate, []string{"14:1 gbt9704-date 二〇二四年三月五日"}},
		{RuleGBHeadings, []string{"7:1 gbt9704-headings 1.", "8:1 gbt9704-headings 三、", "9:1 gbt9704-headings （一）、", "11:1 gbt9704-headings （四）"}},
		{RuleGBTitle, []string{"3:1 gbt9704-title 国务院关于加快发展某某产业的规划"}},
		{RuleGBAttachments, []string{"12:6 gbt9704-attachments 重点任务分工表"}},
		{RuleGBPages, []string{"15:1 gbt9704-pages -3-", "18:1 gbt9704-pages — 5 —"}},
	} {
		got := short(gbFindings(t, c.rule))
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got  %q\n want %q", c.rule, got, c.want)
		}
	}
}

func TestGBT9704Fixes(t *testing.T) {
	s := DefaultSettings()
	for _, id := range RuleIDs() {
		s.SetSeverity(id, Off)
	}
	for _, id := range []string{RuleGBNumber, RuleGBDate, RuleGBHeadings, RuleGBPages} {
		s.SetSeverity(id, Warning)
	}
	res := Check(doc("text", gbDoc), s)
	fixed, _ := ApplyEdits(gbDoc, res.Findings)
	for _, want := range []string{"国发〔2024〕5号", "国发〔2021〕33号文件精神", "2024年3月5日", "— 3 —", "（一）加强领导"} {
		if !strings.Contains(fixed, want) {
			t.Errorf("fixed text lacks %q:\n%s", want, fixed)
		}
	}
	// what is left after the fix is what no safe fix exists for
	left := Check(doc("text", fixed), s)
	for _, f := range left.Findings {
		if f.Fixable {
			t.Errorf("still fixable after --fix: %v", f)
		}
	}
}

func TestGBT9704Clean(t *testing.T) {
	text := "国务院文件\n国发〔2024〕5号\n国务院关于加快发展某某产业的意见\n各省：\n一、总体要求\n（一）指导思想\n1.坚持创新。\n（1）加大支持。\n二、重点任务\n附件：重点任务分工表\n国务院\n2024年3月5日\n— 1 —\n附件\n重点任务分工表\n— 2 —\n"
	s := DefaultSettings()
	for _, id := range RuleIDs() {
		if !strings.HasPrefix(id, "gbt9704") {
			s.SetSeverity(id, Off)
		} else {
			s.SetSeverity(id, Warning)
		}
	}
	if fs := Check(doc("text", text), s).Findings; len(fs) > 0 {
		t.Errorf("findings on a conforming document: %v", short(fs))
	}
}
