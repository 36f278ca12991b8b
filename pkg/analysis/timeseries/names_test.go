package timeseries

import "testing"

func TestNameFinder(t *testing.T) {
	auto, _ := NewNameFinder("auto")
	for _, c := range []struct{ path, key string }{
		{"gwr/2024.txt", "20240000"},
		{"2024-03-05_report.txt", "20240305"},
		{"a/20240305.html", "20240305"},
		{"2024年3月报告.docx", "20240300"},
		{"gwr/2019/report.txt", "20190000"},
		{"20241.txt", "~"},
		{"report.txt", "~"},
		{"-", "~"},
		{"2026_广东省.txt", "20260000"},
		{"2024年政府工作报告.docx", "20240000"},
		{"reports/gwr-1954-full.txt", "19540000"},
		{"report_v2.txt", "~"},
		{"1899.txt", "~"},
		{"2024年3月5日.txt", "20240305"},
		{"a_2021-03-05.txt", "20210305"},
		{"report_2023_final.txt", "20230000"},
		{"2023-13-01.txt", "20230000"},
		{"123456.txt", "~"},
		{"v1800.txt", "~"},
	} {
		if got := auto.Key(c.path); got != c.key {
			t.Errorf("Key(%q) = %q, want %q", c.path, got, c.key)
		}
	}
	if y := auto.Year("x/2015-07-27_19629.txt"); y != 2015 {
		t.Errorf("Year = %d", y)
	}
	re, err := NewNameFinder(`_(\d{4})$`)
	if err != nil {
		t.Fatal(err)
	}
	if y := re.Year("doc_1998"); y != 1998 {
		t.Errorf("regexp Year = %d", y)
	}
	if y := re.Year("1998_doc"); y != 0 {
		t.Errorf("regexp that does not match: %d", y)
	}
	congress, _ := NewNameFinder(`第(\d+)届`)
	if y := congress.Year("第12届会议.txt"); y != 12 {
		t.Errorf("第12届: %d", y)
	}
	if y := congress.Year("2024.txt"); y != 0 {
		t.Errorf("a regexp that does not match: %d", y)
	}
	if _, err := NewNameFinder("("); err == nil {
		t.Error("a bad regexp is accepted")
	}
}
