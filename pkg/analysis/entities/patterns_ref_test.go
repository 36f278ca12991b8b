package entities

// The regular expressions the pattern scanners replaced (issue 23), kept
// here as the reference the scanners are tested against.

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"zhpolicy/internal/testenv"
)

const (
	refCnum  = `[〇零一二三四五六七八九十百千万两]`
	refDigit = `[0-9０-９]`
	refNum   = `(?:` + refDigit + `+(?:[.．]` + refDigit + `+)?|` + refCnum + `+(?:点` + refCnum + `+)?)`
)

type refPattern struct {
	typ Type
	re  *regexp.Regexp
	// block: nothing else may be found inside (dates, amounts)
	block bool
}

var refPatternList = sync.OnceValue(func() []refPattern {
	p := func(t Type, block bool, re string) refPattern {
		return refPattern{typ: t, re: regexp.MustCompile(re), block: block}
	}
	year := `(?:` + refDigit + `{4}|[〇零一二三四五六七八九]{4})年`
	month := `(?:` + refDigit + `{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?`
	dayNum := `(?:` + refDigit + `{1,2}|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])`
	day := dayNum + `日`
	mday := dayNum + `[日号]` // 号 only after a month: 9月24号, not 〔2021〕73号
	return []refPattern{
		p(DOC, false, `《[^《》\n]{1,80}》`),
		p(PERCENT, true, refNum+`(?:多|余)?[%％]|百分之`+refCnum+`+(?:点`+refCnum+`+)?|`+refNum+`(?:多|余)?个百分点`),
		p(MONEY, true, `(?:人民币|美元|港币|欧元)?`+refNum+`(?:多|余)?(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)?(?:多|余)?(?:元|美元|欧元|日元|英镑|港元|港币|卢布|人民币|法郎|马克)`),
		p(MEETING, false, `(?:中国共产党|中共)?第?`+refCnum+`+届[\p{Han}]{0,12}?第?`+refCnum+`+次(?:全体)?(?:会议|全会)`),
		// the old expression had one numeral after 届 and missed 八届十一中全会;
		// the scanner takes several, and so does the reference
		p(MEETING, false, `(?:中国共产党|中共)?`+refCnum+`+届`+refCnum+`+中全会`),
		p(MEETING, false, `(?:中国共产党|中共)?`+refCnum+`中全会`),
		p(MEETING, false, `(?:中国共产党|中共|[\p{Han}]{1,6}?党)?第`+refCnum+`+次全国代表大会`),
		p(MEETING, false, `中共`+refCnum+`{1,3}大|(?:二十|十[三四五六七八九])大`),
		p(MEETING, false, `(?:中央|全国)[\p{Han}]{2,12}?(?:工作会议|电视电话会议|座谈会|表彰大会)|国务院常务会议|国务院全体会议|中央政治局(?:常委会)?会议|中央政治局[\p{Han}]{0,4}集体学习|全国两会|(?:市委|省委|县委|区委)常委会(?:会议|扩大会议)`),
		p(DATE, true, `(?:公元)?`+year+`(?:`+month+`(?:`+mday+`)?)?(?:(?:上|下)半年|第?[一二三四1-4]季度|底|初|末|年底|以来|前后|上旬|中旬|下旬)?|`+
			`(?:(?:`+refDigit+`{4}|[〇零一二三四五六七八九]{4})[—\-－~～至到](?:`+refDigit+`{4}|[〇零一二三四五六七八九]{4})年)|`+
			`(?:今年|去年|明年|`+year+`)?(?:`+refDigit+`{1,2}|[一二三四五六七八九十]{1,2})(?:至|到|—|－|-|~|～)`+month+`|`+
			month+`(?:`+mday+`)?(?:以来|上旬|中旬|下旬|底|初)?|`+day+`(?:(?:上午|下午|晚上|晚|凌晨|早上|中午)`+`)?|`+
			refDigit+`{2,4}年代|`+refCnum+`+世纪`+refCnum+`*(?:年代)?|`+refDigit+`{2}世纪|`+
			`(?:今年|去年|明年|前年|后年|本年度|上年)(?:以来|上半年|下半年|前`+refCnum+`季度|第?[一二三四]季度|年初|年底|年末|`+month+`)?|`+
			`(?:上|下)半年|前`+refCnum+`季度|第?[一二三四]季度|近年来|近年|近几年|年初|年底|年末|年内|全年|同期|上旬|中旬|下旬|元旦|春节|国庆节|中秋节|`+
			`[“「『]十[一二三四五六七八九]五[”」』](?:时期|期间|末)?|十[一二三四五六七八九]五(?:时期|期间)|新世纪|本世纪`),
	}
})

// TestPatternsMatchRegexps runs every scanner and the regular expression it
// replaced over the lines of the shared corpus (and some hand-made lines)
// and requires the same matches.
var allPatterns = flag.Bool("patterns.all", false, "compare the pattern scanners with the regular expressions on the whole corpus")

func TestPatternsMatchRegexps(t *testing.T) {
	lines := []string{
		"2025年第三季度，上半年，今年以来，9月24日，增长5.2%，百分之五点二，投资5000亿元，下降0.3个百分点。",
		"2021—2025年，2025年9月24号，9至10月，三十一日上午，二十五日，二日，90年代，二十一世纪，21世纪，今年前三季度。",
		"十四届全国人大三次会议，二十届三中全会，中共十八大，十九大，中国致公党第十一次全国代表大会，中央经济工作会议。",
		"人民币5亿元，美元3千万美元，十万元，万元，二元结构，“十四五”时期，十五五期间，中央政治局第十次集体学习。",
		"《》《a\nb》《中华人民共和国民法典》", "", "2", "二", "五月份", "十二月", "三十日", "公元2025年底",
	}
	// the policy documents; the work reports and congress reports too with
	// -patterns.all (they take twenty seconds more)
	dirs := []string{"provincial_gwr_2026", "ministry_provincial_notices", "taiwan_presidential_office"}
	if *allPatterns {
		dirs = append(dirs, "gwr", "cpc_congress", "npc_resolutions")
	}
	for _, dir := range dirs {
		err := filepath.WalkDir(testenv.Shared(t, "corpus", dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	refs := refPatternList()
	pats := patternList()
	if len(refs) != len(pats) {
		t.Fatalf("%d scanners for %d regular expressions", len(pats), len(refs))
	}
	diffs := 0
	var spans [][2]int
	for _, l := range lines {
		rs := []rune(l)
		ri := make([]int, len(l)+1)
		n := 0
		for b := range l {
			ri[b] = n
			n++
		}
		ri[len(l)] = n
		for i, ref := range refs {
			var want [][2]int
			for _, m := range ref.re.FindAllStringIndex(l, -1) {
				want = append(want, [2]int{ri[m[0]], ri[m[1]]})
			}
			spans = pats[i].f.all(rs, spans[:0])
			if !slices.Equal(spans, want) {
				diffs++
				if diffs <= 10 {
					t.Errorf("pattern %d (%s) on %q:\n got %v\nwant %v", i, ref.typ, l, spans, want)
				}
			}
		}
	}
	if diffs > 10 {
		t.Errorf("%d differences in all", diffs)
	}
}
