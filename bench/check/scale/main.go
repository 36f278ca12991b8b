// Command scale times the two paths of `check` that were quadratic (issue 22): one very long
// line with many findings, and the duplicate rule over thousands of near-copies of one
// notice. It uses only the public API of pkg/analysis/check, so bench/check/scale.sh can
// build it against an older tree and compare.
//
//	go run ./bench/check/scale -what line -sizes 128,256,512      (KiB)
//	go run ./bench/check/scale -what dup -sizes 2500,5000,10000   (documents)
//
// It prints one line per size: size, seconds, and seconds per MiB or per 1000 documents.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"zhpolicy/pkg/analysis/check"
)

func main() {
	what := flag.String("what", "line", "line or dup")
	sizes := flag.String("sizes", "128,256,512", "KiB of the line, or numbers of documents")
	flag.Parse()
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			fmt.Fprintln(os.Stderr, "scale: bad size", f)
			os.Exit(2)
		}
		switch *what {
		case "line":
			text := longLine(n << 10)
			d := &check.Document{Name: "line.txt", Format: "text", Encoding: "utf-8", Size: int64(len(text)), Text: text}
			t0 := time.Now()
			res := check.Check(d, check.DefaultSettings())
			s := time.Since(t0).Seconds()
			fmt.Printf("line\t%d KiB\t%.3f s\t%.3f s/MiB\t%d findings\n", n, s, s/float64(n)*1024, len(res.Findings))
		case "dup":
			docs := nearCopies(n)
			settings := check.DefaultSettings()
			t0 := time.Now()
			fps := make([]check.Fingerprint, n)
			texts := make([]string, n)
			for i, d := range docs {
				fps[i] = check.Check(d, settings).Fingerprint
				texts[i] = check.DuplicateText(d)
			}
			tc := time.Since(t0).Seconds()
			t1 := time.Now()
			pairs := check.FindDuplicates(fps, 0.85, func(i, j int) (float64, bool) {
				return check.Similarity(texts[i], texts[j]), true
			})
			s := time.Since(t1).Seconds()
			fmt.Printf("dup\t%d docs\t%.3f s\t%.3f s/1000 docs\t%d pairs\t(checking the documents: %.1f s)\n", n, s, s/float64(n)*1000, len(pairs), tc)
		default:
			fmt.Fprintln(os.Stderr, "scale: -what line or dup")
			os.Exit(2)
		}
	}
}

// longLine is one line of about n bytes of report text with findings of several rules:
// half-width commas, full-width digits, a Traditional character, a pinyin annotation, a
// zero-width space, an unclosed bracket.
func longLine(n int) string {
	const para = "坚持稳中求进工作总基调,完整准确全面贯彻新发展理念，加快構建新发展格局（２０２４年），" +
		"市委常委會(huì)在醫藥高新区调研\u200b，着力推动《高质量发展，更好统筹发展和安全。"
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(para)
	}
	return b.String()
}

// nearCopies returns n notices of about 1,500 characters that are all near-copies of one
// another: six characters changed in each.
func nearCopies(n int) []*check.Document {
	rng := rand.New(rand.NewPCG(7, 11))
	pool := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严")
	base := make([]rune, 1500)
	for i := range base {
		base[i] = pool[rng.IntN(len(pool))]
	}
	out := make([]*check.Document, n)
	for i := range out {
		t := append([]rune(nil), base...)
		for range 6 {
			t[rng.IntN(len(t))] = pool[rng.IntN(len(pool))]
		}
		s := string(t)
		out[i] = &check.Document{Name: fmt.Sprintf("n%05d.txt", i), Format: "text", Encoding: "utf-8", Size: int64(len(s)), Text: s}
	}
	return out
}
