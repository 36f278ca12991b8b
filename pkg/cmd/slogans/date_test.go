package slogans

import "testing"

func TestDateKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2024.txt", "20240000"},
		{"gwr/2024-03-05_report.txt", "20240305"},
		{"20240305.html", "20240305"},
		{"2024年3月报告.docx", "20240300"},
		{"2024年3月5日.txt", "20240305"},
		{"a_2021-03-05.txt", "20210305"},
		{"report_2023_final.txt", "20230000"},
		{"2023-13-01.txt", "20230000"},
		{"notes.txt", "~"},
		{"123456.txt", "~"},
		{"v1800.txt", "~"},
	} {
		if got := dateKey(c.in); got != c.want {
			t.Errorf("dateKey(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
