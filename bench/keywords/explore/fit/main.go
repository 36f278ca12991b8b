package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"zhpolicy/bench/keywords/kwdocs"
	"zhpolicy/pkg/analysis"
	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/script"
)

func share(bg *kw.Background, in *analysis.Input) float64 {
	known, all := 0, 0
	for i, k := range in.Keys {
		_ = i
		r := []rune(k)
		if len(r) < 2 || !(r[0] >= 0x4e00 && r[0] <= 0x9fff) {
			continue
		}
		all++
		if df, _ := bg.Lookup(k); df >= 2 {
			known++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(known) / float64(all)
}

func q(v []float64) string {
	sort.Float64s(v)
	return fmt.Sprintf("n=%d p10=%.2f p50=%.2f p90=%.2f min=%.2f", len(v), v[len(v)/10], v[len(v)/2], v[len(v)*9/10], v[0])
}

func main() {
	bg, _ := kw.BuiltinBackground()
	for _, dir := range []string{"provincial_gwr_2026", "ministry_provincial_notices", "taiwan_presidential_office", "gwr"} {
		docs, _ := kwdocs.Load([]string{"../shared/corpus/" + dir}, func(p string) bool { return !kwdocs.IsTest(p) })
		var v []float64
		for _, d := range docs {
			v = append(v, share(bg, d.In))
		}
		fmt.Println(dir, q(v))
	}
	seg, _ := kwdocs.Segmenter()
	for _, f := range []string{"/tmp/kwx/devsoc.jsonl", "../shared/bench/keywords/test.jsonl"} {
		fh, _ := os.Open(f)
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		var v []float64
		for sc.Scan() {
			var d struct{ Title, Abstract string }
			json.Unmarshal(sc.Bytes(), &d)
			t := d.Title + "\n" + d.Abstract
			toks, _ := seg.Cut(t, kwdocs.CutOptions)
			v = append(v, share(bg, analysis.NewInput("", t, script.Simplified, toks)))
		}
		fmt.Println(f, q(v))
	}
}
