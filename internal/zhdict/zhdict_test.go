package zhdict

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// a small word list in gse's format, written for the test: upper case,
// a duplicate after lower-casing (the first wins), frequencies below 2
// and missing ones (skipped), a single character (frequency 2), extra
// spaces (a skipped line, as in gse), a rune outside the BMP; wide (see
// below) adds a node with enough children to be hashed.
const words = `中国 100 ns
中国人 50 n
中 5 f
中华人民共和国 80 ns
4S店 3 n
4s店 9 n
GDP 30 eng
国 1 n
人民
人民日报 20 nt
人民日报  20 nt
华人 7 n
民 3 n
𠀋中 4 n
`

// wide is a node with more than HashMin children: 国 followed by each
// of these.
const wide = "一二三四五六七八九十百千万亿元角分"

func wordList() string {
	var b strings.Builder
	b.WriteString(words)
	for i, r := range wide {
		fmt.Fprintf(&b, "国%c %d n\n", r, i+2)
	}
	return b.String()
}

const idfText = `中国 2.5
人民日报 7.25
人民 3.5
未登录词 11
GDP 4
`

func testSource(t *testing.T) *Source {
	base, total, err := ParseWords(wordList())
	if err != nil {
		t.Fatal(err)
	}
	idf, median := ParseIDF(idfText)
	return &Source{
		Base:      base,
		BaseTotal: total,
		Policy: []Word{
			{Key: "中国", Freq: 300, POS: "nz"},    // replaces gse's
			{Key: "人民日报社", Freq: 300, POS: "nt"}, // extends
			{Key: "新质生产力", Freq: 300, POS: "nz"}, // new first rune
		},
		PolicyChecksum: Checksum("policy"),
		IDF:            idf,
		IDFMedian:      median,
		HMM: HMM{
			Start: [4]float64{-0.26, MinFloat, MinFloat, -1.46},
			Trans: [4][4]float64{{MinFloat, -0.9, -0.5, MinFloat}, {MinFloat, -1.2, -0.3, MinFloat}, {-0.5, MinFloat, MinFloat, -0.8}, {-0.7, MinFloat, MinFloat, -0.6}},
			Emit:  map[rune][4]float64{'中': {-3, -4, -5, -6}, '国': {-7, -8, -9, -10}},
		},
	}
}

func TestParseWords(t *testing.T) {
	base, total, err := ParseWords(words)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, w := range base {
		keys = append(keys, w.Key)
	}
	want := "中国 中国人 中 中华人民共和国 4s店 gdp 人民日报 华人 民 𠀋中"
	if strings.Join(keys, " ") != want {
		t.Errorf("keys %q, want %q", keys, want)
	}
	if total != 100+50+2+80+3+30+20+7+2+4 { // single characters count 2
		t.Errorf("total %v", total)
	}
	if base[4].Freq != 3 || base[2].Freq != 2 {
		t.Errorf("4s店 %v (the first line wins), 中 %v (one character: 2)", base[4].Freq, base[2].Freq)
	}
	if _, _, err := ParseWords("中国 2.5 n\n"); err == nil {
		t.Error("a fractional frequency was accepted")
	}
}

func TestBuildOpen(t *testing.T) {
	src := testSource(t)
	data, err := Build(src)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Open(string(data))
	if err != nil {
		t.Fatal(err)
	}
	freq := func(v uint16) float64 {
		if v&FreqMask == 0 {
			return 0
		}
		return d.Freqs()[v&FreqMask-1]
	}
	type entry struct {
		freq float64
		pos  string
	}
	// the default layer: the policy words over gse's
	wantDef := map[string]entry{}
	wantBase := map[string]entry{}
	for _, w := range src.Base {
		wantDef[w.Key] = entry{w.Freq, w.POS}
		wantBase[w.Key] = entry{w.Freq, w.POS}
	}
	for _, w := range src.Policy {
		wantDef[w.Key] = entry{w.Freq, w.POS}
	}
	gotDef, gotBase := map[string]entry{}, map[string]entry{}
	var keys []string
	d.Each(func(key string, n uint32) {
		keys = append(keys, key)
		if got := d.Find(key); got != n {
			t.Errorf("Find(%q) = %d, node %d", key, got, n)
		}
		v := d.Val(n)
		if v&FreqMask != 0 {
			gotDef[key] = entry{freq(v), d.POS(n)}
		}
		bv, bpos := v, d.POS(n)
		if v&Touched != 0 {
			bv, bpos = d.SideVal(n)
		}
		if bv&FreqMask != 0 {
			gotBase[key] = entry{freq(bv), bpos}
		}
		// on a word's path: a prefix of a word of the layer
		onDef, onBase := false, false
		for k := range wantDef {
			onDef = onDef || strings.HasPrefix(k, key)
		}
		for k := range wantBase {
			onBase = onBase || strings.HasPrefix(k, key)
		}
		if v&OnPath != 0 != onDef || bv&OnPath != 0 != onBase {
			t.Errorf("%q: on a path %v/%v, want %v/%v", key, v&OnPath != 0, bv&OnPath != 0, onDef, onBase)
		}
	})
	if !equal(gotDef, wantDef) || !equal(gotBase, wantBase) {
		t.Errorf("default layer %v\nwant %v\nbase layer %v\nwant %v", gotDef, wantDef, gotBase, wantBase)
	}
	if !sort.StringsAreSorted(keys) {
		t.Errorf("Each is not in key order: %q", keys)
	}
	if d.Words() != len(wantDef) || d.BaseWords() != len(wantBase) {
		t.Errorf("%d/%d words, want %d/%d", d.Words(), d.BaseWords(), len(wantDef), len(wantBase))
	}
	if d.BaseTotal() != src.BaseTotal || d.Total() != src.BaseTotal-100+900 {
		t.Errorf("totals %v %v", d.BaseTotal(), d.Total())
	}
	// IDF
	for _, w := range src.IDF {
		if v, ok := d.IDF(d.Find(w.Key)); !ok || v != w.Value {
			t.Errorf("IDF(%q) = %v %v, want %v", w.Key, v, ok, w.Value)
		}
	}
	for _, k := range []string{"中", "人", "未登录", "华人", "", "没有"} {
		if v, ok := d.IDF(d.Find(k)); ok {
			t.Errorf("IDF(%q) = %v, not in the table", k, v)
		}
	}
	if d.IDFMedian() != 4 || d.IDFWords() != 5 {
		t.Errorf("median %v, %d words", d.IDFMedian(), d.IDFWords())
	}
	// an IDF-only word is on no path of the segmentation dictionary
	if n := d.Find("未登录词"); n == 0 || d.Val(n)&(OnPath|FreqMask) != 0 {
		t.Errorf("未登录词: node %d value %x", n, d.Val(n))
	}
	// codes and children
	if d.Code('龘') != 0 || d.Find("龘") != 0 || d.Find("中国人民") != 0 {
		t.Error("a rune or key that is not there was found")
	}
	if n := d.Find("中"); n != uint32(d.Code('中')) {
		t.Errorf("a one-rune key is not the node of its code: %d vs %d", n, d.Code('中'))
	}
	// HMM
	if d.HMMStart() != src.HMM.Start || d.HMMTrans(B, E) != -0.5 || d.HMMTrans(E, M) != MinFloat {
		t.Error("HMM start or transitions differ")
	}
	if n := d.Find("国"); n == 0 || d.Val(n)&Hashed == 0 {
		t.Errorf("国 has %d children: they should be a hash table", len([]rune(wide)))
	}
	for _, r := range wide + "人民" {
		want := strings.ContainsRune(wide, r)
		if n := d.Find("国" + string(r)); (n != 0) != want {
			t.Errorf("国%c: node %d, want found %v", r, n, want)
		}
	}
	if e := d.HMMEmit('国'); e != [4]float64{-7, -8, -9, -10} {
		t.Errorf("emit 国 %v", e)
	}
	if e := d.HMMEmit('人'); e != [4]float64{MinFloat, MinFloat, MinFloat, MinFloat} {
		t.Errorf("emit of an unknown rune %v", e)
	}
	if d.PolicyChecksum() != Checksum("policy") {
		t.Error("policy checksum")
	}
}

func equal[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestOpenRefuses(t *testing.T) {
	data, err := Build(testSource(t))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for name, bad := range map[string]string{
		"empty":      "",
		"short":      s[:100],
		"magic":      "zhpdic99" + s[8:],
		"truncated":  s[:len(s)-16],
		"bit flip":   s[:200] + string(s[200]^1) + s[201:],
		"extra byte": s + "x",
	} {
		if _, err := Open(bad); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: Open = %v, want ErrFormat", name, err)
		}
	}
}

func TestBuildRefuses(t *testing.T) {
	src := testSource(t)
	src.Base = append(src.Base, src.Base[0])
	if _, err := Build(src); err == nil {
		t.Error("a repeated base word was accepted")
	}
	src = testSource(t)
	src.Policy = append(src.Policy, Word{Key: "零", Freq: 0})
	if _, err := Build(src); err == nil {
		t.Error("a policy word of frequency 0 was accepted")
	}
}

func TestMedian(t *testing.T) {
	if got := Median([]float64{3, 1, 2, 5}); got != 3 {
		t.Errorf("median of 1 2 3 5 = %v, want 3 (index len/2 of the sorted values)", got)
	}
}

func BenchmarkOpen(b *testing.B) {
	d, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	_ = d
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := openBuiltin(); err != nil {
			b.Fatal(err)
		}
	}
}
