package check

import (
	"fmt"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// longLineText is one line of n bytes or a little more, made of a
// paragraph that gives several findings of every per-document rule:
// half-width punctuation, full-width digits, a Traditional character, a
// pinyin annotation, a zero-width space and an unclosed bracket.
func longLineText(n int) string {
	const para = "坚持稳中求进工作总基调,完整准确全面贯彻新发展理念，加快構建新发展格局（２０２４年），" +
		"市委常委會(huì)在醫藥高新区调研\u200b，着力推动《高质量发展，更好统筹发展和安全。"
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(para)
	}
	return b.String()
}

// BenchmarkCheckLongLine checks one line of growing length: the time per
// byte must stay flat (it grew with the line when every finding counted
// the runes from the start of its line).
func BenchmarkCheckLongLine(b *testing.B) {
	s := DefaultSettings()
	for _, size := range []int{1 << 20, 2 << 20, 4 << 20, 8 << 20} {
		text := longLineText(size)
		d := doc("text", text)
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Check(d, s)
			}
		})
	}
}

// nearDuplicates returns n notices that are all near-copies of one another
// (a few words changed in each), normalised as the duplicate rule reads them.
func nearDuplicates(n int) []string {
	rng := rand.New(rand.NewPCG(7, 11))
	pool := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严")
	base := make([]rune, 1500)
	for i := range base {
		base[i] = pool[rng.IntN(len(pool))]
	}
	out := make([]string, n)
	for i := range out {
		t := append([]rune(nil), base...)
		for range 6 {
			t[rng.IntN(len(t))] = pool[rng.IntN(len(pool))]
		}
		out[i] = normaliseForDuplicates(string(t))
	}
	return out
}

// BenchmarkFindDuplicates runs the duplicate rule over n near-duplicate
// notices; the time per document must stay flat as n grows.
func BenchmarkFindDuplicates(b *testing.B) {
	for _, n := range []int{5000, 10000, 20000} {
		texts := nearDuplicates(n)
		fps := make([]Fingerprint, n)
		for i, t := range texts {
			fps[i] = fingerprint(t, 50)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			pairs := 0
			for b.Loop() {
				pairs = len(FindDuplicates(fps, 0.85, func(i, j int) (float64, bool) {
					return Similarity(texts[i], texts[j]), true
				}))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/doc")
			b.ReportMetric(float64(pairs), "pairs")
		})
	}
}

// TestLocatorColumnsOnLongLines: columns from checkpoints equal a count
// from the line start, on valid and invalid UTF-8.
func TestLocatorColumnsOnLongLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	parts := []string{"a", "发展", "\n", "\xe4\xb8", "\xff", "𠀀", "，", "\xe4"}
	var b strings.Builder
	for b.Len() < 40000 {
		if rng.IntN(500) == 0 {
			b.WriteString("\n")
		}
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	text := b.String()
	l := newLocator(text)
	offs := make([]int, 6000)
	for i := range offs {
		offs[i] = rng.IntN(len(text) + 1)
	}
	slices.Sort(offs[3000:]) // rules ask in order of position
	for _, off := range offs {
		line, col := l.position(off)
		start := strings.LastIndexByte(text[:off], '\n') + 1
		if want := utf8.RuneCountInString(text[start:off]) + 1; col != want || line != strings.Count(text[:off], "\n")+1 {
			t.Fatalf("position(%d) = %d:%d, want %d:%d", off, line, col, strings.Count(text[:off], "\n")+1, want)
		}
	}
}

// TestNoRegexp: the linter's per-document paths are scanners; no file of
// the package imports regexp (issue 23).
func TestNoRegexp(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range af.Imports {
			if strings.Trim(im.Path.Value, `"`) == "regexp" {
				t.Errorf("%s imports regexp", f)
			}
		}
	}
}

// TestRegistry: every rule has an ID constant's value, a summary and help,
// and a function unless it is the corpus-level duplicate rule.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range registry {
		if r.ID == "" || r.Summary == "" || r.Help == "" || seen[r.ID] {
			t.Errorf("incomplete or repeated rule %+v", r.Rule)
		}
		seen[r.ID] = true
		if (r.run == nil) != (r.ID == RuleDuplicate) {
			t.Errorf("rule %s: run function %v", r.ID, r.run != nil)
		}
	}
	if s := DefaultSettings(); s.Severity(RuleWidth) != Warning || s.Severity("nope") != Off {
		t.Error("default severities")
	}
}
