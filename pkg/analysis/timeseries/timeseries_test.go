package timeseries

import (
	"encoding/json"
	"math"
	"math/rand"
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"2021-07-30", "2021-07-30", true},
		{"2021/7/3", "2021-07-03", true},
		{"2021.07.30", "2021-07-30", true},
		{"20210730", "2021-07-30", true},
		{"2021-07", "2021-07", true},
		{"2021", "2021", true},
		{"2026年3月18日", "2026-03-18", true},
		{"二〇二六年三月十八日", "2026-03-18", true},
		{"2024年十二月", "2024-12", true},
		{"1850", "", false},
		{"20211330", "", false},
		{"abc", "", false},
		{"2021-07-30x", "", false},
	} {
		d, ok := ParseDate(c.in)
		if ok != c.ok || d.String() != c.want {
			t.Errorf("%q: %q %v, want %q %v", c.in, d.String(), ok, c.want, c.ok)
		}
	}
}

func TestDateInText(t *testing.T) {
	gongwen := "临江市人民政府办公室文件\n临政办发〔2026〕12号\n根据《规划》（2021年印发），到2028年……\n临江市人民政府办公室\n2026年3月18日\n（此件公开发布）\n"
	if d, ok := DateInText(gongwen); !ok || d.String() != "2026-03-18" || d.Source != "text" {
		t.Errorf("gongwen: %v %v", d, ok)
	}
	// the signature date in Chinese numerals
	if d, ok := DateInText("正文。\n国务院\n二〇二一年七月三十日\n"); !ok || d.String() != "2021-07-30" {
		t.Errorf("Chinese numerals: %v %v", d, ok)
	}
	// a header date when the end has none
	head := "发布日期：2019-05-21\n" + strings.Repeat("正文。\n", 30)
	if d, ok := DateInText(head); !ok || d.String() != "2019-05-21" {
		t.Errorf("header: %v %v", d, ok)
	}
	// years alone are not dates
	if d, ok := DateInText("到2025年，建成……\n2030年远景目标。\n"); ok {
		t.Errorf("years alone: %v", d)
	}
}

func TestDateInName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"gwr/2024.txt", "2024"},
		{"2024年政府工作报告.docx", "2024"},
		{"gwr-2019-full.txt", "2019"},
		{"20241.txt", ""},
		{"notice_2021-07-30.txt", "2021-07-30"},
		{"x20210730y.txt", "2021-07-30"},
		{"central_070.txt", ""},
		{"2005-02-21_9221.txt", "2005-02-21"},
	} {
		d, _ := DateInName(c.in)
		if d.String() != c.want {
			t.Errorf("%q: %q, want %q", c.in, d.String(), c.want)
		}
	}
}

func TestMeta(t *testing.T) {
	csv := "file\tlevel\trelease_date\tdepartment_en\ndocs/central_001.txt\tcentral\t2013-08-21\tForestry\ndocs/shandong_002.txt\tshandong\t2020\tX\n"
	m, err := ReadMeta(strings.NewReader(csv), "index.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := m.Date("/data/central_001.txt"); !ok || d.String() != "2013-08-21" || d.Source != "meta" {
		t.Errorf("by base name: %v %v", d, ok)
	}
	if r, ok := m.Row("shandong_002"); !ok || r["level"] != "shandong" {
		t.Errorf("row %v", r)
	}
	if _, ok := m.Date("other.txt"); ok {
		t.Error("an unknown document has a date")
	}
	// meta beats text beats name
	if d, _ := DateOf(m, "central_001.txt", "2020年1月1日\n"); d.String() != "2013-08-21" {
		t.Errorf("DateOf meta: %v", d)
	}
	if d, _ := DateOf(m, "x2019.txt", "\n2020年1月1日\n"); d.String() != "2020-01-01" {
		t.Errorf("DateOf text: %v", d)
	}
	if d, _ := DateOf(nil, "x-2019.txt", "no date"); d.String() != "2019" || d.Source != "name" {
		t.Errorf("DateOf name: %v", d)
	}
	for _, c := range []struct{ in, want string }{
		{"", "empty"},
		{"a,b\n1,2\n", "no file column"},
		{"file,date\na.txt,yesterday\n", `"yesterday" is not a date`},
	} {
		if _, err := ReadMeta(strings.NewReader(c.in), "m.csv"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v", c.in, err)
		}
	}
}

func TestSeries(t *testing.T) {
	s := New(Settings{Command: "slogans", What: "formulations"})
	s.Add("2020", "", 10000, map[string]int64{"新发展理念": 3, "高质量发展": 1})
	s.Add("2020", "", 30000, map[string]int64{"高质量发展": 4})
	s.Add("2019", "", 5000, map[string]int64{"高质量发展": 1})
	s.Add(Undated, "", 1000, nil)
	rows := s.Tidy(nil)
	// terms by total: 高质量发展 (6), 新发展理念 (3); periods 2019, 2020, undated
	if len(rows) != 6 || rows[0].Period != "2019" || rows[0].Term != "高质量发展" || rows[5].Period != Undated {
		t.Fatalf("%+v", rows)
	}
	r := rows[2] // 2020 高质量发展
	if r.Count != 5 || r.Docs != 2 || r.PeriodDocs != 2 || r.PeriodChars != 40000 || math.Abs(r.Per10k-1.25) > 1e-12 {
		t.Errorf("2020 高质量发展 %+v", r)
	}
	if rows[1].Count != 0 || rows[1].Per10k != 0 { // 2019 新发展理念: a zero row
		t.Errorf("zero row %+v", rows[1])
	}
	if got := s.Periods(); strings.Join(got, ",") != "2019,2020,undated" {
		t.Errorf("periods %v", got)
	}
}

func TestSeriesMerge(t *testing.T) {
	type doc struct {
		p, g  string
		chars int64
		c     map[string]int64
	}
	docs := []doc{{"2020", "a", 100, map[string]int64{"x": 1}}, {"2021", "b", 200, map[string]int64{"x": 2, "y": 1}},
		{"2020", "b", 50, map[string]int64{"y": 5}}, {Undated, "", 10, nil}, {"2021", "b", 70, map[string]int64{"z": 1}}}
	st := Settings{Command: "freq", What: "terms", By: "level"}
	whole := New(st)
	for _, d := range docs {
		whole.Add(d.p, d.g, d.chars, d.c)
	}
	want, _ := json.Marshal(whole)
	rng := rand.New(rand.NewSource(9))
	for trial := 0; trial < 20; trial++ {
		parts := []*Series{New(st), New(st), New(st)}
		for _, i := range rng.Perm(len(docs)) {
			d := docs[i]
			parts[rng.Intn(3)].Add(d.p, d.g, d.chars, d.c)
		}
		acc := New(st)
		for _, k := range rng.Perm(3) {
			b, _ := json.Marshal(parts[k])
			var back Series
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if err := acc.Merge(&back); err != nil {
				t.Fatal(err)
			}
		}
		if got, _ := json.Marshal(acc); string(got) != string(want) {
			t.Fatalf("got %s\nwant %s", got, want)
		}
	}
	if err := whole.Merge(New(Settings{Command: "slogans"})); err == nil {
		t.Error("merged series of different commands")
	}
	var bad Series
	if err := json.Unmarshal([]byte(`{"kind":"timeseries","version":1,"settings":{},"periods":[{"period":"2020","docs":1,"chars":5,"terms":[{"term":"x","count":1,"docs":2}]}]}`), &bad); err == nil {
		t.Error("accepted a term in more documents than its period has")
	}
}

func FuzzDates(f *testing.F) {
	f.Add("2026年3月18日")
	f.Add("二〇二六年十二月三十一日 2021-07-30 20210730")
	f.Fuzz(func(t *testing.T, s string) {
		DateInText(s)
		DateInName(s)
		if d, ok := ParseDate(s); ok && !d.Known() {
			t.Fatalf("ok without a year: %q", s)
		}
	})
}
