package keywords

import (
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/script"
)

func TestWholeRegion(t *testing.T) {
	for key, want := range map[string]bool{
		"全疆": true, "全闽": true, "全皖": true, "全川": true, "全台": true,
		"全息": false, "全景": false, "全球": false, "全疆域": false, "疆": false, "": false,
	} {
		if got := wholeRegion(key); got != want {
			t.Errorf("wholeRegion(%s) = %v, want %v", key, got, want)
		}
	}
	// the region naming itself is never a keyword, nor the head of a phrase
	spec := "全疆/n 棉花/n 产量/n 。/w 全疆/n 棉花/n 产量/n 。/w 全疆/n 农业/n 。/w 全息/n 技术/n 。/w 全息/n 技术/n"
	got := allKeys(t, long(spec), Options{})
	if slices.ContainsFunc(got, func(k string) bool { return k == "全疆" || k == "全疆棉花" || k == "全疆棉花产量" }) {
		t.Errorf("全疆 ranked: %v", got)
	}
	if !slices.Contains(got, "全息技术") {
		t.Errorf("全息技术 not ranked: %v", got)
	}
}

func TestTailOfACutWordBeginsNoPhrase(t *testing.T) {
	// gse cuts 是指 into 是/v 指/n: 指 makes a word with the 是 before it,
	// so 指+人工智能 is no term; 人工智能 is. The general table knows 是指.
	general := NewMapIDF(map[string]float64{"是指": 6, "人工智能": 9, "技术": 3, "指": 7})
	spec := "本/r 规范/n 是/v 指/n 人工智能/n 技术/n 。/w 所称/v 人工智能/n ，/w 是/v 指/n 人工智能/n 系统/n 。/w " +
		"这里/r 是/v 指/n 人工智能/n 。/w 人工智能/n 发展/vn 。/w"
	got := allKeys(t, long(spec), Options{IDF: general})
	for _, k := range got {
		if k == "指人工智能" || k == "指人工智能技术" {
			t.Errorf("%s ranked: %v", k, got)
		}
	}
	if !slices.Contains(got, "人工智能") {
		t.Errorf("人工智能 not ranked: %v", got)
	}
	// without the dictionary word, a noun of one character may begin a
	// phrase as before (省+工业+园区)
	spec = "全/a 省/n 工业/n 。/w 该/r 省/n 工业/n 园区/n 。/w 省/n 工业/n 园区/n 。/w 省/n 工业/n 园区/n"
	terms := Collect(doc(t, script.Simplified, long(spec)), Options{IDF: NewMapIDF(map[string]float64{"工业": 5, "园区": 5})})
	found := false
	for _, tm := range terms.terms {
		found = found || tm.key == "省工业园区"
	}
	if !found {
		t.Error("省工业园区 not a term")
	}
}

func TestPlainWordRanksBelowTheDocumentsCompounds(t *testing.T) {
	// a background of 20 documents: 场景 and 课堂 in 10 of them (general
	// text knows them), 算力 in 10 too (a coinage general text does not
	// know); 智慧课堂 in one.
	b := NewBackground()
	for i := 0; i < 20; i++ {
		ks := []string{"推进"}
		if i < 10 {
			ks = append(ks, "场景", "课堂", "算力")
		}
		if i == 0 {
			ks = append(ks, "智慧课堂")
		}
		b.Add(vocabTerms(100, ks...))
	}
	general := NewMapIDF(map[string]float64{"场景": 9, "课堂": 9, "推进": 3, "智慧": 8})
	idf := b.IDF(general)
	for key, want := range map[string]bool{"场景": true, "课堂": true, "算力": false, "智慧课堂": false, "推进": true, "南疆": false} {
		if got := plainWord(idf, key); got != want {
			t.Errorf("plainWord(%s) = %v, want %v", key, got, want)
		}
	}
	if plainWord(general, "场景") {
		t.Error("a plain IDF table has no background: no plain words")
	}
	plain := &term{key: "场景"}
	coined := &term{key: "算力"}
	full, _ := idf.Lookup("场景")
	if got := termIDF(idf, plain, false); got != full*plainKeep {
		t.Errorf("termIDF(场景) = %v, want %v", got, full*plainKeep)
	}
	if got := termIDF(idf, plain, true); got != full {
		t.Errorf("termIDF(场景) in a short text = %v, want %v", got, full)
	}
	if v, _ := idf.Lookup("算力"); termIDF(idf, coined, false) != v {
		t.Errorf("termIDF(算力) lowered")
	}
}

func TestVocabularyCountsNumberedFormulas(t *testing.T) {
	// 两个+市场 unquoted is no term of the document (两个 is a number),
	// but the vocabulary a background counts has it, so that a document
	// quoting “两个市场” finds it common; a number before a verb is no
	// formula (两个+推进), nor a count of one noun followed by a stopword.
	in := doc(t, script.Simplified, long("用好/v 国内/s 国际/n 两个/m 市场/n 、/w 两种/m 资源/n 。/w 两个/m 推进/v 。/w 三项/m 工作/n"))
	tm := Collect(in, Options{})
	for k, want := range map[string]int32{"两个市场": 1, "两种资源": 1, "两个推进": 0, "三项工作": 0} {
		if got := tm.vocab[k]; got != want {
			t.Errorf("vocabulary[%s] = %d, want %d", k, got, want)
		}
	}
	for _, kw := range tm.Score(Options{}, 0) {
		if kw.Key == "两个市场" {
			t.Error("两个市场 ranked unquoted")
		}
	}
}

func TestVerbBeforeANameBeginsNoPhrase(t *testing.T) {
	// a short text (a news item) lets a verb begin a phrase (发表+讲话),
	// but not before a name: 接见+美国+德拉瓦州 is a verb and its object.
	spec := "总统/n ，/w 接见/v 美国/ns 德拉/nrt 瓦/nr 州/n 州长/n 。/w 今天/t 接见/v 美国/ns 德拉/nrt 瓦/nr 州/n 访问团/n 。/w " +
		"发表/v 讲话/n 。/w 发表/v 讲话/n"
	got := allKeys(t, spec, Options{})
	for _, k := range got {
		if strings.Contains(k, "接见") {
			t.Errorf("%s ranked: %v", k, got)
		}
	}
	if !slices.Contains(got, "发表讲话") {
		t.Errorf("发表讲话 not ranked: %v", got)
	}
}
