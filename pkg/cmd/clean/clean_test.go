package clean_test

import (
	"encoding/json"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
)

// A scraped report page: chrome one word a line, a header to mark, a caption with its credit.
const page = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n" +
	"——2026年1月25日在某省第十六届人民代表大会第四次会议上\n来源：某某日报\n时间：2026-02-02\n" +
	"某省人民政府省长 张建国\n张建国同志作政府工作报告。本报记者 李明摄\n各位代表：\n" +
	"现在，我代表省人民政府，向大会报告政府工作，请予审议，并请省政协委员提出意见。\n相关报道：\n"

func TestCleanRemovesChromeKeepsReport(t *testing.T) {
	r := clitest.Run(t, clitest.Options{Stdin: page}, "clean")
	want := "2026年某省政府工作报告\n——2026年1月25日在某省第十六届人民代表大会第四次会议上\n某省人民政府省长 张建国\n" +
		"张建国同志作政府工作报告。\n各位代表：\n现在，我代表省人民政府，向大会报告政府工作，请予审议，并请省政协委员提出意见。\n"
	if r.Code != 0 || r.Stdout != want {
		t.Fatalf("exit %d, stdout %q, want %q (stderr %s)", r.Code, r.Stdout, want, r.Stderr)
	}
}

func TestListGivesReasons(t *testing.T) {
	r := clitest.Run(t, clitest.Options{Stdin: page}, "clean", "--list", "--format", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.Stdout), &rows); err != nil {
		t.Fatalf("%v: %s", err, r.Stdout)
	}
	reasons := map[string]string{}
	for _, row := range rows {
		if row["kind"] == "boilerplate" {
			reasons[strings.TrimSpace(row["old"].(string))] = row["reason"].(string)
		}
	}
	for line, want := range map[string]string{"下载": "toolbar", "来源：某某日报": "source credit", "时间：2026-02-02": "page information",
		"本报记者 李明摄": "photo credit", "相关报道：": "related reports"} {
		if reasons[line] != want {
			t.Errorf("%q: reason %q, want %q (all: %v)", line, reasons[line], want, reasons)
		}
	}
	if len(reasons) != 13 {
		t.Errorf("%d boilerplate rows, want 13: %v", len(reasons), reasons)
	}
	// Positions point into the input.
	for _, row := range rows {
		s, e := int(row["start"].(float64)), int(row["end"].(float64))
		if page[s:e] != row["old"].(string) {
			t.Errorf("row %v: input[%d:%d] = %q", row, s, e, page[s:e])
		}
	}
}

func TestMeta(t *testing.T) {
	r := clitest.Run(t, clitest.Options{Stdin: page}, "clean", "--meta", "--format", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.Stdout), &rows); err != nil {
		t.Fatalf("%v: %s", err, r.Stdout)
	}
	got := map[string]string{}
	for _, row := range rows {
		got[row["kind"].(string)] = row["text"].(string)
		s, e := int(row["start"].(float64)), int(row["end"].(float64))
		if page[s:e] != row["text"].(string) {
			t.Errorf("row %v: input[%d:%d] = %q", row, s, e, page[s:e])
		}
	}
	for k, want := range map[string]string{"title": "2026年某省政府工作报告", "occasion": "——2026年1月25日在某省第十六届人民代表大会第四次会议上",
		"speaker": "某省人民政府省长 张建国", "name": "张建国", "caption": "张建国同志作政府工作报告。"} {
		if got[k] != want {
			t.Errorf("%s: %q, want %q", k, got[k], want)
		}
	}
}

func TestFlagErrors(t *testing.T) {
	for _, args := range [][]string{{"--list", "--meta"}, {"--format", "json"}} {
		r := clitest.Run(t, clitest.Options{Stdin: page}, append([]string{"clean"}, args...)...)
		if r.Code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, r.Code, r.Stderr)
		}
	}
}
