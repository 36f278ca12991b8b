package keywords

import (
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis/slogans"
)

// TestStockFormulaOnce: a short policy text (a resolution) that names the
// formulas every recent resolution names, once each and unexplained
// (增强“四个意识”、坚定“四个自信”、做到“两个维护”, 深刻领悟“两个确立”), does not
// rank them: the national reports use each of them once wherever they use
// it (the slogans baseline). A formula the reports develop (四个全面,
// 五位一体) still ranks when used once, and a stock formula the text uses
// twice ranks.
func TestStockFormulaOnce(t *testing.T) {
	opts := policyOpts(t)
	stock := []string{"四个意识", "四个自信", "两个维护", "两个确立"}
	once := resolutionText("深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，")
	tm := Collect(realInput(t, "resolution", once), opts)
	if tm.short || tm.Units >= minCountUnits {
		t.Fatalf("not a short policy text: short %v, %d units", tm.short, tm.Units)
	}
	got := keys(tm.Score(opts, 0))
	checkRanked(t, got, stock, []string{"四个全面", "五位一体"})
	twice := resolutionText("深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，",
		"把增强“四个意识”落实到经济社会发展各领域，")
	got = keys(Collect(realInput(t, "resolution", twice), opts).Score(opts, 0))
	if !slices.Contains(got, "四个意识") {
		t.Errorf("四个意识, used twice, not ranked: %v", got)
	}
}

// TestStockFormulaReport: a long report ranks the formulation it quotes
// once (收支两条线 of the 2000 work report, used in four reports, once in
// each): stockOnce is for short texts only.
func TestStockFormulaReport(t *testing.T) {
	opts := policyOpts(t)
	para := "各级政府要坚持依法行政，严格财政管理，推进财政体制改革，加强税收征管，规范转移支付，完善预算编制和执行制度，提高资金使用效益。\n"
	text := strings.Repeat(para, 40) + "全面实行“收支两条线”管理，坚决制止乱收费。\n"
	tm := Collect(realInput(t, "report", text), opts)
	if tm.Units < minCountUnits {
		t.Fatalf("a report of %d units, want %d or more", tm.Units, minCountUnits)
	}
	if got := keys(tm.Score(opts, 0)); !slices.Contains(got, "收支两条线") {
		t.Errorf("收支两条线 not ranked: %v", got)
	}
}

// TestStockFormulasBaseline: the stock formulas read from the baseline's
// index are those the slogans package's own reading of it gives, by the
// rule of stockOnce (3 documents or more, at most 1.25 uses a document).
func TestStockFormulasBaseline(t *testing.T) {
	base, err := slogans.BuiltinBaseline()
	if err != nil {
		t.Fatal(err)
	}
	got := stockFormulas()
	want := 0
	for _, a := range base.Attestations() {
		stock := a.Docs >= stockDocs && float64(a.Count) <= stockUses*float64(a.Docs)
		if _, ok := got[a.Key]; ok != stock {
			t.Errorf("%s (%d uses in %d documents): stock %v, want %v", a.Key, a.Count, a.Docs, ok, stock)
		}
		if stock {
			want++
		}
	}
	if len(got) != want || want < 100 {
		t.Errorf("%d stock formulas, the baseline gives %d", len(got), want)
	}
	for _, k := range []string{"四个意识", "两个维护"} {
		if _, ok := got[k]; !ok {
			t.Errorf("%s is no stock formula", k)
		}
	}
}
