package reuse

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
)

// prose makes n sentences of pseudo-random Chinese text: unique enough that
// unrelated documents share no passage.
func prose(rng *rand.Rand, n int) string {
	const chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
	rs := []rune(chars)
	var b strings.Builder
	for i := 0; i < n; i++ {
		l := 15 + rng.Intn(25)
		for j := 0; j < l; j++ {
			b.WriteRune(rs[rng.Intn(len(rs))])
			if j%7 == 6 && j+1 < l {
				b.WriteRune('，')
			}
		}
		b.WriteString("。")
		if i%4 == 3 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func sketch(t *testing.T, name, date, text string) *Sketch {
	t.Helper()
	s, err := NewSketch(Doc{Name: name, Date: date, In: analysis.NewInput(name, text, script.Detect(text).Kind, nil)}, Params{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func find(t *testing.T, sk []*Sketch, o Options) []Pair {
	t.Helper()
	x, err := NewIndex(Params{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sk {
		if err := x.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	pairs, _, err := x.Find(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return pairs
}

func TestAlign(t *testing.T) {
	al := &aligner{}
	a := []rune("甲乙丙丁戊己庚辛壬癸子丑寅卯")
	b := []rune("天地丙丁戊己庚X壬癸子丑人")
	l := al.align(a, b)
	// 丙丁戊己庚 (5) mismatch 辛/X then 壬癸子丑 (4): score 5-1+4 = 8
	if l.score != 8 || l.m != 9 || string(a[l.as:l.ae]) != "丙丁戊己庚辛壬癸子丑" || string(b[l.bs:l.be]) != "丙丁戊己庚X壬癸子丑" {
		t.Fatalf("%+v: %q / %q", l, string(a[l.as:l.ae]), string(b[l.bs:l.be]))
	}
	// a gap in b
	l = al.align([]rune("一二三四五六七八九"), []rune("一二三四六七八九"))
	if l.m != 8 || l.ae-l.as != 9 || l.be-l.bs != 8 {
		t.Errorf("gap: %+v", l)
	}
	if l := al.align([]rune("甲乙"), []rune("丙丁")); l.m != 0 || l.score != 0 {
		t.Errorf("no match: %+v", l)
	}
	if l := al.align([]rune("甲乙丙"), []rune("甲乙丙")); l.m != 3 || l.ae != 3 {
		t.Errorf("identical: %+v", l)
	}
	if n := al.shared([]rune("甲乙丙丁戊己"), []rune("乙丙丁戊己庚"), 5); n != 1 {
		t.Errorf("shared shingles %d", n)
	}
}

func TestFindSynthetic(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	base := prose(rng, 60)
	other := prose(rng, 50)
	unrelated := prose(rng, 40)
	// B: the middle part of base (sentences 10–50), with a few edits, inside other text
	sents := strings.SplitAfter(base, "。")
	mid := strings.Join(sents[10:50], "")
	edited := strings.Replace(mid, "的", "地", 3)
	reused := other[:len(other)/2] + edited + other[len(other)/2:]
	// C: base written in Traditional characters: a duplicate once folded
	conv, err := script.NewConverter("s2t")
	if err != nil {
		t.Fatal(err)
	}
	trad := conv.Convert(base)
	if trad == base {
		t.Fatal("no Traditional characters in the test text")
	}
	sk := []*Sketch{
		sketch(t, "a", "2021-07-30", base),
		sketch(t, "b", "2022-03-03", reused),
		sketch(t, "c", "", trad),
		sketch(t, "d", "2020", unrelated),
	}
	pairs := find(t, sk, Options{MinContainment: 0.3, MinAligned: 200})
	got := map[string]Pair{}
	for _, p := range pairs {
		got[p.A+"-"+p.B] = p
	}
	if len(pairs) != 3 {
		t.Fatalf("%d pairs: %v", len(pairs), got)
	}
	ac := got["a-c"]
	if ac.Kind != KindDuplicate || ac.ContainmentA != 1 || ac.Source != "" {
		t.Errorf("a-c %+v", ac)
	}
	ab := got["a-b"]
	// B holds sentences 10–50 of A's 60: about two thirds of A
	if ab.Kind != KindReuse || ab.ContainmentA < 0.6 || ab.ContainmentA > 0.72 || ab.ContainmentB < 0.4 {
		t.Errorf("a-b containment %.3f %.3f kind %s", ab.ContainmentA, ab.ContainmentB, ab.Kind)
	}
	if ab.Source != "a" || ab.Target != "b" || ab.LagDays == nil || *ab.LagDays != 216 {
		t.Errorf("a-b direction %s→%s lag %v", ab.Source, ab.Target, ab.LagDays)
	}
	// offsets: passages are where they say in both texts
	for _, ps := range ab.Passages {
		if base[ps.AStart:ps.AEnd] != ps.Text {
			t.Errorf("passage text is not A[%d:%d]", ps.AStart, ps.AEnd)
		}
		bt := reused[ps.BStart:ps.BEnd]
		if ps.Chars < 30 || !strings.Contains(edited, strings.TrimSpace(bt)[:9]) {
			t.Errorf("passage B side %q", bt)
		}
	}
	if _, ok := got["b-c"]; !ok {
		t.Errorf("b-c (b reuses a, and c is a) not found")
	}
	for k := range got {
		if strings.Contains(k, "d") {
			t.Errorf("unrelated document paired: %s", k)
		}
	}
	// on several workers: the same pairs in the same order
	for _, jobs := range []int{2, 5} {
		if p := find(t, sk, Options{MinContainment: 0.3, MinAligned: 200, Jobs: jobs}); !reflect.DeepEqual(p, pairs) {
			t.Errorf("Jobs %d: %d pairs, want %d as with one worker", jobs, len(p), len(pairs))
		}
	}
	// the threshold filters
	if p := find(t, sk, Options{MinContainment: 0.95}); len(p) != 1 {
		t.Errorf("min containment 0.95: %d pairs", len(p))
	}
}

func TestMergeOrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var sk []*Sketch
	shared := prose(rng, 20)
	for i := 0; i < 8; i++ {
		text := prose(rng, 20)
		if i%3 == 0 {
			text += shared
		}
		sk = append(sk, sketch(t, fmt.Sprintf("doc%d", i), "", text))
	}
	want := fmt.Sprint(find(t, sk, Options{}))
	for trial := 0; trial < 5; trial++ {
		perm := rng.Perm(len(sk))
		x1, _ := NewIndex(Params{})
		x2, _ := NewIndex(Params{})
		for k, i := range perm {
			if k%2 == 0 {
				x1.Add(sk[i])
			} else {
				x2.Add(sk[i])
			}
		}
		if err := x2.Merge(x1); err != nil {
			t.Fatal(err)
		}
		pairs, _, err := x2.Find(context.Background(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(pairs); got != want {
			t.Fatalf("order %v gives other pairs", perm)
		}
	}
	x, _ := NewIndex(Params{})
	x.Add(sk[0])
	if err := x.Add(sk[0]); err == nil {
		t.Error("a document added twice")
	}
	y, _ := NewIndex(Params{Shingle: 4})
	if err := x.Merge(y); err == nil {
		t.Error("merged indexes with different parameters")
	}
}

func TestParams(t *testing.T) {
	for _, p := range []Params{{Shingle: 30}, {Bands: 100, Rows: 10}, {MinSimilarity: 2}, {MaxChunk: 6000}, {ChunkTarget: 400}} {
		if _, err := NewIndex(p); err == nil {
			t.Errorf("%+v accepted", p)
		}
	}
	if _, err := NewIndex(Params{}); err != nil {
		t.Error(err)
	}
}

func TestChunkBounds(t *testing.T) {
	// sentence ends every 50 characters: chunks of 150 (first end ≥ 120)
	var strong []int32
	for i := int32(50); i < 1000; i += 50 {
		strong = append(strong, i)
	}
	b := chunkBounds(1000, strong, nil, 120, 300)
	if b[0] != 0 || b[1] != 150 || b[len(b)-1] != 1000 {
		t.Errorf("bounds %v", b)
	}
	for i := 1; i < len(b); i++ {
		if b[i]-b[i-1] > 300 || b[i] <= b[i-1] {
			t.Errorf("chunk %d: %d–%d", i, b[i-1], b[i])
		}
	}
	// no sentence end: cut at lines, else at max
	b = chunkBounds(1000, nil, []int32{100, 200, 500}, 120, 300)
	if !slices.Equal(b, []int32{0, 200, 500, 800, 1000}) {
		t.Errorf("bounds %v", b)
	}
	if b := chunkBounds(0, nil, nil, 120, 300); !slices.Equal(b, []int32{0, 0}) {
		t.Errorf("empty: %v", b)
	}
}

// The known cases of the shared corpus (corpus/README.md): every listed
// duplicate, and the 2021 road-test rules (central_070) reused by Qingdao
// (shandong_036) and Jinan (shandong_032) with containment about 0.7.
func TestKnownCases(t *testing.T) {
	dir := testenv.Shared(t, "corpus", "ministry_provincial_notices")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := NewIndex(Params{})
	spilled, _ := NewIndex(Params{})
	spilled.spill(t.TempDir(), 256<<10) // the corpus is 3.5 MB
	defer spilled.Close()
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(e.Name(), ".txt")
		s := sketch(t, name, "", string(b))
		if err := x.Add(s); err != nil {
			t.Fatal(err)
		}
		if err := spilled.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	pairs, st, err := x.Find(context.Background(), Options{MinContainment: 0.3, MinAligned: 400})
	if err != nil {
		t.Fatal(err)
	}
	// the index kept on disk finds the same pairs and passages
	if spilled.bodies.f == nil || spilled.sigs.f == nil || spilled.bands[0].f == nil {
		t.Fatalf("the index did not spill: %d %d %d bytes", spilled.bodies.n, spilled.sigs.n, spilled.bands[0].n)
	}
	sp, sst, err := spilled.Find(context.Background(), Options{MinContainment: 0.3, MinAligned: 400})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sp, pairs) || sst != st {
		t.Errorf("spilled to disk: %d pairs, %+v; in memory %d, %+v", len(sp), sst, len(pairs), st)
	}
	// aligned on several workers, from disk: the same pairs, in the same order
	for _, jobs := range []int{2, 3} {
		jp, jst, err := spilled.Find(context.Background(), Options{MinContainment: 0.3, MinAligned: 400, Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(jp, pairs) || jst != st {
			t.Errorf("-j %d: %d pairs, %+v; one worker %d, %+v", jobs, len(jp), jst, len(pairs), st)
		}
	}
	// without text: the same pairs, offsets and all
	nt, _, err := spilled.Find(context.Background(), Options{MinContainment: 0.3, MinAligned: 400, NoText: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range sp {
		for j := range sp[i].Passages {
			if sp[i].Passages[j].Text == "" {
				t.Fatal("a passage without text")
			}
			sp[i].Passages[j].Text = ""
		}
	}
	if !reflect.DeepEqual(nt, sp) {
		t.Error("NoText changes the pairs")
	}
	got := map[string]Pair{}
	for _, p := range pairs {
		got[p.A+" "+p.B] = p
	}
	for _, k := range []string{"central_048 central_049", "central_048 central_050", "central_049 central_050",
		"central_122 central_129", "central_007 central_162", "central_077 central_080", "central_062 central_081",
		"central_037 shandong_033"} {
		p, ok := got[k]
		if !ok {
			t.Errorf("known duplicate %s not found", k)
			continue
		}
		if p.MaxContainment() < 0.95 || (p.Kind != KindDuplicate && p.Kind != KindNear) {
			t.Errorf("%s: %s, containment %.3f/%.3f", k, p.Kind, p.ContainmentA, p.ContainmentB)
		}
	}
	for _, k := range []string{"central_070 shandong_036", "central_070 shandong_032"} {
		p, ok := got[k]
		if !ok {
			t.Errorf("known reuse %s not found", k)
			continue
		}
		if p.Kind != KindReuse || p.ContainmentA < 0.65 || p.ContainmentA > 0.85 {
			t.Errorf("%s: %s, containment of central_070 %.3f", k, p.Kind, p.ContainmentA)
		}
	}
	if len(pairs) > 40 {
		t.Errorf("%d pairs above the default thresholds (inspected: 29)", len(pairs))
	}
}

func TestFindCancelled(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	shared := prose(rng, 20)
	x, _ := NewIndex(Params{})
	for i := 0; i < 6; i++ {
		if err := x.Add(sketch(t, fmt.Sprint(i), "", prose(rng, 10)+shared)); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, jobs := range []int{1, 3} {
		if _, _, err := x.Find(ctx, Options{Jobs: jobs}); !errors.Is(err, context.Canceled) {
			t.Errorf("Jobs %d: a cancelled Find returned %v", jobs, err)
		}
	}
}
