package keywords

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"zhpolicy/internal/docsplit"
	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/idf"
)

// policyOpts are the default ranking options without the entity recogniser:
// TF-IDF against the built-in background and the general table.
func policyOpts(t testing.TB) Options {
	t.Helper()
	general, err := idf.Default()
	if err != nil {
		t.Fatal(err)
	}
	bg, err := BuiltinBackground()
	if err != nil {
		t.Fatal(err)
	}
	return Options{IDF: bg.IDF(general)}
}

// resolutionText is a resolution on a work report, written for the test in
// the formulas such resolutions repeat, with the sentences given.
func resolutionText(extra ...string) string {
	return "会议听取和审议了国务院总理所作的政府工作报告。会议充分肯定国务院过去一年的工作，同意报告提出的经济社会发展总体要求和政策取向，决定批准这个报告。\n" +
		"会议号召，全国各族人民紧密团结在党中央周围，高举中国特色社会主义伟大旗帜，以邓小平理论、“三个代表”重要思想、科学发展观为指导，" +
		"坚持稳中求进工作总基调，坚持新发展理念，统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局，坚持以供给侧结构性改革为主线，" +
		strings.Join(extra, "") + "为实现中华民族伟大复兴的中国梦而努力奋斗！\n"
}

// abstractText is an abstract of a paper on policy, written for the test:
// some words of policy text, none of its formulas.
const abstractText = "地方政府债务风险的测度与防范\n" +
	"本文基于省级面板数据，构建地方政府债务风险的测度指标体系，运用熵值法和回归分析考察债务规模、财政收入与经济增长之间的关系。" +
	"研究发现，债务风险存在明显的区域差异，中西部地区的风险高于东部地区；财政透明度的提高能够显著降低债务风险。" +
	"文章据此提出完善预算管理、健全考核机制和加强信息公开的政策建议。"

// noticeText is a short notice of the test's own, numbered as a 公文 is.
const noticeText = "关于开展中小学图书馆藏书清查的通知\n各区县教育局：\n" +
	"为摸清中小学图书馆藏书情况，现就开展藏书清查有关事项通知如下。\n" +
	"一、清查范围\n全市公办和民办中小学的图书馆、阅览室及班级图书角。\n" +
	"二、清查内容\n藏书数量、分类编目、借阅登记和破损图书的处置情况。\n" +
	"三、时间安排\n各校于五月底前完成自查，区县教育局于六月中旬前完成抽查。\n"

// TestShortPolicyText: a short text is told a policy text by its formulas
// (a resolution) or by a 公文's numbered headings (a notice), not an
// abstract of a paper on policy, which keeps the plain rules.
func TestShortPolicyText(t *testing.T) {
	opts := policyOpts(t)
	for _, c := range []struct {
		name, text string
		short      bool
	}{
		{"resolution", resolutionText(), false},
		{"notice", noticeText, false},
		{"abstract", abstractText, true},
		// the notice without its numbering: an abstract-like text
		{"notice without headings", strings.NewReplacer("一、", "", "二、", "", "三、", "").Replace(noticeText), true},
	} {
		tm := Collect(realInput(t, c.name, c.text), opts)
		if tm.Units >= shortUnits {
			t.Fatalf("%s: %d words, not a short text", c.name, tm.Units)
		}
		if tm.short != c.short {
			t.Errorf("%s: short = %v, want %v", c.name, tm.short, c.short)
		}
	}
	// only the built-in background decides
	bg, err := BuiltinBackground()
	if err != nil {
		t.Fatal(err)
	}
	own := *bg // the same counts, as a background of the user's own
	own.builtin = false
	general, _ := idf.Default()
	if tm := Collect(realInput(t, "resolution", resolutionText()), Options{IDF: own.IDF(general)}); !tm.short {
		t.Error("a background of the user's own decided that a short text is policy")
	}
}

// TestShortPolicyRanking: a short policy text ranks its formulas against
// the background: what every resolution says (中国特色社会主义,
// 稳中求进工作总基调) below what this one adds.
func TestShortPolicyRanking(t *testing.T) {
	opts := policyOpts(t)
	text := resolutionText("打好防范化解重大风险、精准脱贫、污染防治的攻坚战，做好“六稳”工作、落实“六保”任务，")
	kws := Collect(realInput(t, "resolution", text), opts).Score(opts, 0)
	pos := func(k string) int {
		return slices.IndexFunc(kws, func(x Keyword) bool { return x.Key == k })
	}
	for _, k := range []string{"六稳", "六保", "精准脱贫"} {
		for _, common := range []string{"中国特色社会主义", "稳中求进工作总基调", "新发展理念"} {
			if p, q := pos(k), pos(common); p < 0 || q >= 0 && q < p {
				t.Errorf("%s at %d, above it %s at %d: %v", k, p, common, q, keys(kws))
			}
		}
	}
}

// TestShortPolicyPieces: the words a short policy text writes once, each
// time inside a longer unit of policy language, are no keywords: a fixed
// expression cut before the verb its last word goes with (推进改革+开放,
// 全面深化改革+开放), a word after a number of things or an ordinal
// (两个+大局, 第十八次+全国代表大会), a word after a distinguishing word
// (总+基调), a localizer's word after a measure word (30分钟+内向), a word
// beginning with a unit after a number (8+年长+周期); nor a word general text uses everywhere, used once (思想,
// 领导). The units they are cut from rank.
func TestShortPolicyPieces(t *testing.T) {
	opts := policyOpts(t)
	text := resolutionText("更加注重推进改革开放和自主创新，进一步全面深化改革开放，统筹国内国际两个大局，",
		"坚持稳中求进的工作总基调，坚持和加强党的全面领导，以新的成绩迎接中国共产党第十八次全国代表大会胜利召开，",
		"遇有重大事项须在30分钟内向国务院报告，对基础研究实行5—8年长周期支持，")
	tm := Collect(realInput(t, "resolution", text), opts)
	if tm.short {
		t.Fatal("not told a policy text")
	}
	got := keys(tm.Score(opts, 0))
	for _, piece := range []string{"推进改革", "全面深化改革", "大局", "全国代表大会", "基调", "内向", "年长", "领导", "思想"} {
		if slices.Contains(got, piece) {
			t.Errorf("%s ranked: %v", piece, got)
		}
	}
	for _, want := range []string{"五位一体", "四个全面", "中国梦"} {
		if !slices.Contains(got, want) {
			t.Errorf("%s not ranked: %v", want, got)
		}
	}
}

// TestAbstractsAreNotPolicy measures policyText on the shared data: no CSL
// abstract (title and abstract, as bench/keywords reads them) is taken for
// a policy text, every DEV resolution under shortUnits words is.
func TestAbstractsAreNotPolicy(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 1,000 abstracts")
	}
	opts := policyOpts(t)
	f, err := os.Open(testenv.Shared(t, "bench", "keywords", "test.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var d struct{ ID, Title, Abstract string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		n++
		if tm := Collect(realInput(t, d.ID, d.Title+"\n"+d.Abstract), opts); !tm.short && tm.Units < shortUnits {
			t.Errorf("abstract %s taken for a policy text", d.ID)
		}
	}
	if n < 1000 {
		t.Fatalf("%d abstracts", n)
	}
	files, _ := filepath.Glob(filepath.Join(testenv.Shared(t, "corpus", "npc_resolutions"), "*.txt"))
	short := 0
	for _, p := range files {
		if docsplit.IsTest(p) {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		tm := Collect(realInput(t, filepath.Base(p), string(b)), opts)
		if tm.Units >= shortUnits {
			continue
		}
		short++
		if tm.short {
			t.Errorf("%s (%d words) not told a policy text", filepath.Base(p), tm.Units)
		}
	}
	if short < 8 {
		t.Errorf("%d short DEV resolutions", short)
	}
	// the first page of every DEV notice (its lines until 420 Han
	// characters: a one-page notice, the corpus having none under
	// shortUnits words), but those the held-out rounds picked
	picked := map[string]bool{}
	rounds, _ := filepath.Glob(filepath.Join("..", "..", "..", "bench", "keywords", "round*", "picks.tsv"))
	for _, r := range rounds {
		b, err := os.ReadFile(r)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			if f := strings.Split(strings.TrimSpace(line), "\t"); !strings.HasPrefix(line, "#") && f[0] != "" {
				picked[filepath.Base(f[0])] = true
			}
		}
	}
	if len(rounds) == 0 || len(picked) == 0 {
		t.Fatal("no held-out picks read")
	}
	files, _ = filepath.Glob(filepath.Join(testenv.Shared(t, "corpus", "ministry_provincial_notices"), "*.txt"))
	pages, told := 0, 0
	for _, p := range files {
		if docsplit.IsTest(p) || picked[filepath.Base(p)] {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var page strings.Builder
		han := 0
		for line := range strings.Lines(string(b)) {
			page.WriteString(line)
			for _, r := range line {
				if unicode.Is(unicode.Han, r) {
					han++
				}
			}
			if han >= 420 {
				break
			}
		}
		tm := Collect(realInput(t, filepath.Base(p), page.String()), opts)
		if tm.Units >= shortUnits {
			continue
		}
		pages++
		if !tm.short {
			told++
		}
	}
	t.Logf("first pages of DEV notices: %d of %d told policy texts", told, pages)
	if pages < 50 || told < pages*9/10 {
		t.Errorf("first pages of DEV notices: %d of %d told policy texts", told, pages)
	}
}
