package keywords

import (
	"math"
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/analysis/keyness"
	"zhpolicy/pkg/script"
)

// long pads a hand-segmented document to a long one (minCountUnits words
// or more) with a filler line, so that the rules of long documents apply.
func long(spec string) string {
	return spec + " |" + strings.Repeat(" 填充/n ，/w", minCountUnits)
}

// notShort pads a hand-segmented document past a short text (shortUnits
// words) with function words that are never keywords, so that the phrase
// rules of policy documents apply.
func notShort(spec string) string {
	return spec + " |" + strings.Repeat(" 的/uj ，/w", shortUnits)
}

// shortPad does the same for a real text.
func shortPad(text string) string {
	return text + "\n" + strings.Repeat("的，", shortUnits)
}

func allKeys(t *testing.T, spec string, opts Options) []string {
	t.Helper()
	got := keys(Extract(doc(t, script.Simplified, spec), opts, 0))
	slices.Sort(got)
	return slices.DeleteFunc(got, func(k string) bool { return k == "填充" })
}

func TestWellFormedPhrases(t *testing.T) {
	tests := []struct {
		name string
		spec string
		want []string // all keyword keys, sorted
	}{
		{
			name: "a verb begins a phrase only when it is hardly used otherwise",
			spec: "搅拌/v 系统/n 。/w 搅拌/v 系统/n 。/w 搅拌/v 系统/n 。/w 发表/v 讲话/n 。/w 发表/v 讲话/n 。/w 发表/v 声明/n 。/w 发表/v 评论/n",
			want: []string{"搅拌系统", "声明", "讲话", "评论"},
		},
		{
			name: "no verb or stopword inside a phrase: it would be a clause",
			spec: "平台/n 入选/v 国家/n 。/w 平台/n 入选/v 国家/n 。/w 入选/v 名单/n 。/w 县域/n 推进/v 改革/vn 。/w 县域/n 推进/v 改革/vn",
			want: []string{"县域", "名单", "国家", "平台", "改革"},
		},
		{
			name: "a word only the HMM found never heads a phrase",
			spec: "推深/x 做实/x 。/w 推深/x 做实/x 。/w 科创/n 走廊/n 。/w 科创/n 走廊/n",
			// (nor, in a document that is not short, is it a keyword
			// unless the background knows it)
			want: []string{"科创走廊"},
		},
		{
			name: "a single character begins a phrase only when it is hardly used otherwise",
			spec: "光/n 动力疗法/n 。/w 光/n 动力疗法/n 。/w 省/n 新质生产力/n 。/w 省/n 新质生产力/n 。/w 省/n 。/w 省/n",
			want: []string{"光动力疗法", "新质生产力"},
		},
		{
			name: "a phrase never ends with a function character",
			spec: "专家/n 考察/vn 时/n 。/w 专家/n 考察/vn 时/n 。/w 专家/n 考察/vn",
			want: []string{"专家考察", "时"},
		},
		{
			name: "quoted words are the author's term, numbers and all",
			spec: "“/w 四个/m 中心/n ”/w 建设/vn 。/w 提高/v “/w 四个/m 中心/n ”/w 水平/n 。/w “/w 五子/m ”/w 联动/v",
			want: []string{"四个中心"},
		},
		{
			name: "a quoted term used once is joined (a report quotes a new formulation once)",
			spec: "“/w 四个/m 中心/n ”/w 建设/vn 。/w 中心/n",
			want: []string{"中心", "四个中心"},
		},
		{
			name: "a verb and its object are no term: a name, a long term, a term used alone",
			spec: "接见/v 德拉瓦州/ns 。/w 接见/v 德拉瓦州/ns 。/w 接见/v 德拉瓦州/ns 。/w" +
				" 挖掘/v 人工智能/n 。/w 挖掘/v 人工智能/n 。/w 挖掘/v 人工智能/n 。/w" +
				" 帮助/v 老年人/n 。/w 帮助/v 老年人/n 。/w 帮助/v 老年人/n 。/w 老年人/n 。/w 人工智能/n 。/w 德拉瓦州/ns",
			want: []string{"人工智能", "德拉瓦州", "老年人"},
		},
		{
			name: "a quoted clause that begins with a function word is a label, not a term",
			spec: "“/w 由/p 人工智能/n 生成/v ”/w 。/w “/w 由/p 人工智能/n 生成/v ”/w",
			want: []string{"人工智能"},
		},
		{
			name: "a phrase followed by a conjunction and more words is the first half of a name",
			spec: "省/n 工业/n 和/c 信息化厅/n 。/w 省/n 工业/n 和/c 信息化厅/n 。/w 省/n 工业/n 和/c 信息化厅/n 。/w 工业/n",
			want: []string{"信息化厅", "工业"},
		},
		{
			name: "a phrase ending in one character glued to the next word ends inside a word",
			spec: "行业/n 协/n 会/v 。/w 行业/n 协/n 会/v 。/w 行业/n 协/n 会/v 。/w 行业/n",
			want: []string{"行业"},
		},
		{
			name: "a phrase always followed by a localizer is the inside of a frame",
			spec: "在/p 省委/n 领导/vn 下/f 。/w 在/p 省委/n 领导/vn 下/f 。/w 省委/n 。/w 领导/vn",
			want: []string{"省委", "领导"},
		},
		{
			name: "a phrase before a verb every time ends inside a longer unit",
			spec: "构件/n 智能/n 制造/v 。/w 构件/n 智能/n 生产/v 。/w 构件/n 智能/n 检测/v 。/w 智能/n 。/w 构件/n",
			want: []string{"构件", "智能"},
		},
		{
			name: "a word ending in 于 is a verb, never a term nor the end of one",
			spec: "标准/n 侧重于/n 。/w 标准/n 侧重于/n 。/w 标准/n 侧重于/n 。/w 适用于/n",
			want: nil,
		},
		{
			name: "a verb before one character is no term",
			spec: "依托/v 省/n 。/w 依托/v 省/n 。/w 依托/v 省/n 。/w",
			want: nil,
		},
		{
			name: "a form's field name is structure: followed by a colon and a short value",
			spec: "联系电话/n ：/w 88886666/m | 联系电话/n ：/w 88886667/m | 养老院/n ：/w 集成/v 应用/v 智慧/n 健康/a 养老/vn 产品/n 及/c 信息化/n 管理系统/n 和/c 服务/vn 平台/n 提供/v 照护/vn | 养老院/n ：/w 集成/v 应用/v 智慧/n 健康/a 养老/vn 产品/n 及/c 信息化/n 管理系统/n 和/c 服务/vn 平台/n 提供/v 照护/vn",
			want: []string{"养老院", "服务平台", "照护"},
		},
		{
			name: "the issuer's code of a document number is structure",
			spec: "发改/j 能源/n 〔/w 2020/m 〕/w 12/m 号/q 。/w 发改/j 能源/n 〔/w 2021/m 〕/w 3/m 号/q 。/w 能源/n",
			want: []string{"能源"},
		},
		{
			name: "a word only the HMM found, used once, is a piece of its neighbours",
			spec: "标省/x 。/w 科创/n 走廊/n 。/w 科创/n 走廊/n",
			want: []string{"科创走廊"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := allKeys(t, notShort(tt.spec), Options{MinLen: 1})
			got = slices.DeleteFunc(got, func(k string) bool { return k == "光" || k == "省" || k == "专家" || k == "考察" })
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("keywords = %q, want %q", got, want)
			}
		})
	}
}

func TestLongDocumentRules(t *testing.T) {
	tests := []struct {
		name      string
		spec      string
		want      []string // must be keywords
		wantNot   []string // must not
		shortToo  bool     // the rule holds in a short document too
		shortWant []string // in the short document instead
	}{
		{
			name:      "a word used once is not a keyword of a long document",
			spec:      "北京日报/nz 。/w 中轴线/n 。/w 中轴线/n",
			want:      []string{"中轴线"},
			wantNot:   []string{"北京日报"},
			shortWant: []string{"北京日报", "中轴线"},
		},
		{
			name:    "a word next to the same extending word every time is a piece",
			spec:    "马池/nr 口/n 。/w 马池/nr 口/n 。/w 18/m 号线/x 。/w 13/m 号线/x 。/w 19/m 号线/x 。/w 南口/ns 。/w 南口/ns",
			want:    []string{"南口"},
			wantNot: []string{"马池", "号线"},
		},
		{
			name:    "most uses next to the same extending word make a piece too",
			spec:    "云控/n 基础平台/x 。/w 云控/n 基础平台/x 。/w 云控/n 基础平台/x 。/w 云控/n 基础平台/x 。/w 云控/n 。/w 路网/n 。/w 路网/n",
			want:    []string{"路网"},
			wantNot: []string{"云控"},
		},
		{
			name:    "a word of two characters beside the same character every time is a piece: 投+用率",
			spec:    "投/vn 用率/n 。/w 投/vn 用率/n 。/w 省/n 新质生产力/n 。/w 省/n 新质生产力/n 。/w 省/n 。/w 省/n",
			want:    []string{"新质生产力"},
			wantNot: []string{"用率"},
		},
		{
			name:      "a phrase that begins with a verb recurs three times in a long document",
			spec:      "表示/v 满意/n 。/w 表示/v 满意/n",
			wantNot:   []string{"表示满意"},
			shortWant: []string{"表示满意"},
		},
		{
			name:    "a suffix of compounds is a piece: 经济+强省, 文化+强省",
			spec:    "经济/n 强省/x 。/w 文化/n 强省/x 。/w 制造/vn 强省/x",
			wantNot: []string{"强省"},
		},
		{
			name:      "a phrase ends with a stopword only in a short document",
			spec:      "平安/n 贵州/ns 建设/vn 。/w 平安/n 贵州/ns 建设/vn",
			want:      []string{"平安贵州"},
			wantNot:   []string{"平安贵州建设"},
			shortWant: []string{"平安贵州建设"},
		},
		{
			name:      "a two-character word only the HMM found, unknown elsewhere, is no keyword of a long document unless quoted",
			spec:      "创近/x 十年/m 。/w 创近/x 新高/n 。/w “/w 众管/x ”/w 。/w 众管/x",
			want:      []string{"众管"},
			wantNot:   []string{"创近"},
			shortWant: []string{"创近", "众管"},
		},
		{
			name:    "a word made of two stopwords is a stopword: 确保+重点",
			spec:    "确保重点/n 。/w 确保重点/n 。/w 路网/n 。/w 路网/n",
			want:    []string{"路网"},
			wantNot: []string{"确保重点"},
		},
		{
			name:    "a phrase does not begin with a verb of one character: 在+研+项目",
			spec:    "在/p 研/vn 项目/n 。/w 在/p 研/vn 项目/n 。/w 路网/n 。/w 路网/n",
			want:    []string{"路网"},
			wantNot: []string{"研项目"},
		},
		{
			name:    "the words of a line of contact details are no keywords",
			spec:    "联系人/n ：/w 王广明/nr ，/w 010-58884321/m | 联系人/n ：/w 王广明/nr ，/w 010-58884321/m | 寄送/v 地址/n ：/w 海淀区/ns 复兴路/ns 15/m 号/q ，/w 邮编/n ：/w 100038/m | 寄送/v 地址/n ：/w 海淀区/ns 复兴路/ns 15/m 号/q ，/w 邮编/n ：/w 100038/m | 路网/n 。/w 路网/n",
			want:    []string{"路网"},
			wantNot: []string{"王广明", "海淀区", "复兴路"},
		},
		{
			name:      "a piece of a better-ranked word is left out in a long document",
			spec:      "大湾区/n 。/w 大湾区/n 。/w 大湾区/n 。/w 湾区/n 。/w 湾区/n",
			want:      []string{"大湾区"},
			wantNot:   []string{"湾区"},
			shortWant: []string{"大湾区", "湾区"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := allKeys(t, long(tt.spec), Options{})
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("long: %q lacks %s", got, w)
				}
			}
			for _, w := range tt.wantNot {
				if slices.Contains(got, w) {
					t.Errorf("long: %q has %s", got, w)
				}
			}
			short := allKeys(t, tt.spec, Options{})
			for _, w := range tt.shortWant {
				if !slices.Contains(short, w) {
					t.Errorf("short: %q lacks %s", short, w)
				}
			}
		})
	}
}

func TestRedundantTermPlusGenericWord(t *testing.T) {
	idf := NewMapIDF(map[string]float64{"新质生产力": 10, "发展": 1, "新质生产力发展": 11, "数字经济": 8, "核心产业": 9, "数字经济核心产业": 12})
	spec := "新质生产力/n 。/w 新质生产力/n 。/w 新质生产力/n 。/w 新质生产力发展/n 。/w 新质生产力发展/n 。/w " +
		"数字经济/n 。/w 数字经济/n 。/w 数字经济/n 。/w 数字经济核心产业/n 。/w 数字经济核心产业/n"
	got := keys(Extract(doc(t, script.Simplified, spec), Options{IDF: idf}, 0))
	if slices.Contains(got, "新质生产力发展") || !slices.Contains(got, "新质生产力") {
		t.Errorf("%q: 新质生产力发展 is 新质生产力 plus a generic word", got)
	}
	if !slices.Contains(got, "数字经济核心产业") {
		t.Errorf("%q: 数字经济核心产业 adds a term, not a generic word", got)
	}
}

func TestPhraseIDFCap(t *testing.T) {
	idf := NewMapIDF(map[string]float64{"北京": 3, "重要讲话精神": 1, "四个": 1, "中心": 2, "甲": 12, "乙": 12, "丙": 12, "丁": 12, "戊": 12})
	in := doc(t, script.Simplified, notShort("北京/ns 重要讲话精神/nz 。/w 北京/ns 重要讲话精神/nz 。/w “/w 四个/m 中心/n ”/w 。/w “/w 四个/m 中心/n ”/w"))
	tm := Collect(in, Options{})
	got := map[string]float64{}
	for i := range tm.terms {
		got[tm.terms[i].key] = termIDF(idf, &tm.terms[i], tm.short)
	}
	if v := got["北京重要讲话精神"]; v != 3+phraseIDFBonus {
		t.Errorf("IDF(北京重要讲话精神) = %v, want the best part's 3 + %v", v, phraseIDFBonus)
	}
	if v := got["四个中心"]; v != idf.Median() {
		t.Errorf("IDF(四个中心) = %v, want the unknown word's %v (a quoted term is not capped)", v, idf.Median())
	}
}

func TestNames(t *testing.T) {
	text := shortPad("北京市人民政府工作报告\n北京市推进中轴线保护，中轴线申遗成功。北京市加快建设国际科技创新中心，中关村示范区和中关村科学城发展迅速。北京市长殷勇指出，殷勇同志代表北京市政府作报告。")
	in := realInput(t, "names.txt", text)
	x := entities.New(nil)
	keep := Options{Entities: x, Names: NamesKeep}
	tm := Collect(in, keep)
	byKey := map[string]Keyword{}
	for _, k := range tm.Score(keep, 0) {
		byKey[k.Key] = k
	}
	if byKey["北京市"].Name != entities.LOC || byKey["中轴线"].Name != "" {
		t.Fatalf("tags: 北京市 %q 中轴线 %q (keywords %q)", byKey["北京市"].Name, byKey["中轴线"].Name, keys(tm.Score(keep, 0)))
	}
	if k := byKey["北京市"]; text[k.Start:k.End] != "北京市" {
		t.Errorf("offsets of 北京市: %d..%d = %q", k.Start, k.End, text[k.Start:k.End])
	}
	apart := keep
	apart.Names = NamesApart
	ks, ns := keys(tm.Score(apart, 0)), keys(tm.Names(apart, 0))
	if slices.Contains(ks, "北京市") || !slices.Contains(ns, "北京市") || !slices.Contains(ks, "中轴线") || slices.Contains(ns, "中轴线") {
		t.Errorf("apart: keywords %q, names %q", ks, ns)
	}
	drop := keep
	drop.Names = NamesDrop
	if ks := keys(tm.Score(drop, 0)); slices.Contains(ks, "北京市") {
		t.Errorf("drop: keywords %q", ks)
	}
	// an organ of government the recogniser may miss is a name too.
	organ := Collect(doc(t, script.Simplified, notShort("省/n 科技厅/n 。/w 省科技厅/nt 。/w 省科技厅/nt 。/w 算力/n")), keep)
	if ns := keys(organ.Names(apart, 0)); !slices.Contains(ns, "省科技厅") {
		t.Errorf("organ: names %q", ns)
	}
	for w, want := range map[string]bool{"省科技厅": true, "监察分局": true, "发展改革委": true, "新发展格局": false, "产业布局": false, "营业大厅": false, "决策部署": false,
		"科技处": true, "监管司": true, "专题组": true, "专委会": true, "领导小组": true,
		"有限公司": false, "不足之处": false, "风电机组": false, "资产重组": false, "博览会": false} {
		if isOrganEnding(w) != want {
			t.Errorf("isOrganEnding(%s) = %v", w, !want)
		}
	}

	// without an extractor nothing is tagged and Names is empty.
	plain := Collect(in, Options{Names: NamesApart})
	if ks := keys(plain.Score(Options{Names: NamesApart}, 0)); !slices.Contains(ks, "北京市") || plain.Names(Options{}, 0) != nil {
		t.Errorf("untagged: keywords %q", ks)
	}
	for _, s := range []string{"keep", "apart", "drop"} {
		if m, err := ParseNames(s); err != nil || m.String() != s {
			t.Errorf("ParseNames(%q) = %v, %v", s, m, err)
		}
	}
	if _, err := ParseNames("hide"); err == nil {
		t.Error("ParseNames(hide) should fail")
	}
}

func TestKeyness(t *testing.T) {
	bg := NewBackground()
	for i := 0; i < 50; i++ {
		ks := []string{"推进", "改革", "改革"}
		if i == 0 {
			ks = append(ks, "南疆")
		}
		bg.Add(vocabTerms(100, ks...))
	}
	in := doc(t, script.Simplified, strings.Repeat("南疆/ns 。/w 改革/vn 。/w 稀土/n 。/w ", 4))
	tm := Collect(in, Options{})
	got := tm.Keyness(bg, false, Options{}, 0)
	if len(got) < 2 || got[0].Key != "稀土" || got[1].Key != "南疆" || len(got) == 3 && got[2].Key != "改革" {
		t.Fatalf("keyness %+v, want 稀土, 南疆, then 改革 (common in the reference)", got)
	}
	k := got[1]
	if k.Count != 4 || k.RefCount != 1 || tm.Units != 12 {
		t.Fatalf("南疆: count %d ref %d units %d", k.Count, k.RefCount, tm.Units)
	}
	if want := keyness.G2(4, 1, 12, 5000); math.Abs(k.G2-want) > 1e-9 {
		t.Errorf("G2 %v, want %v", k.G2, want)
	}
	if want := math.Log2((4.0 / 12) / (1.0 / 5000)); math.Abs(k.LogRatio-want) > 1e-9 || k.P >= 0.01 {
		t.Errorf("log ratio %v (want %v), p %v", k.LogRatio, want, k.P)
	}
	// G² of 4 in 12 against 1 in 5000, by hand: 2·(4 ln(4/E1) + 1 ln(1/E2)).
	e1 := 12.0 * 5 / 5012
	e2 := 5000.0 * 5 / 5012
	if want := 2 * (4*math.Log(4/e1) + math.Log(1/e2)); math.Abs(k.G2-want) > 1e-9 {
		t.Errorf("G2 %v, by hand %v", k.G2, want)
	}

	// within a corpus: the document's own counts are taken out of the
	// reference, so a term only it has has a reference count of 0.
	corpus := NewBackground()
	corpus.Merge(bg)
	corpus.Add(tm)
	w := tm.Keyness(corpus, true, Options{}, 0)
	for _, x := range w {
		if x.Key == "稀土" && x.RefCount != 0 {
			t.Errorf("within: 稀土 ref count %d, want 0", x.RefCount)
		}
		if x.Key == "南疆" && (x.RefCount != 1 || math.Abs(x.G2-k.G2) > 1e-9) {
			t.Errorf("within: 南疆 %+v, want what the background alone gives", x)
		}
	}
}

// TestCorpusMergeAnySplit: corpus rankings of any split, merged in any
// order, equal the ranking of the whole.
func TestCorpusMergeAnySplit(t *testing.T) {
	specs := []string{
		"经济/n 。/w 经济/n 。/w 乡村/n", "經濟/n 。/w 疫情/n", "乡村/n 振兴/vn 。/w 乡村/n 振兴/vn",
		"数字/n 经济/n 。/w 数字/n 经济/n 。/w 营商/vn 环境/n", "疫情/n 防控/vn 。/w 疫情/n 防控/vn 。/w 经济/n",
	}
	idf := NewMapIDF(map[string]float64{"经济": 2.3, "乡村": 5.1, "疫情": 7.7, "振兴": 3.3})
	opts := Options{IDF: idf}
	var docs []*Terms
	for _, s := range specs {
		kind := script.Simplified
		if strings.Contains(s, "經") {
			kind = script.Traditional
		}
		docs = append(docs, Collect(doc(t, kind, s), opts))
	}
	whole := NewCorpus()
	for _, d := range docs {
		whole.Add(d, d.Score(opts, 0))
	}
	want := whole.Ranking(0, All)
	for _, split := range [][]int{{0, 2, 4}, {4, 3}, {1}} {
		a, b := NewCorpus(), NewCorpus()
		for i, d := range docs {
			if slices.Contains(split, i) {
				a.Add(d, d.Score(opts, 0))
			} else {
				b.Add(d, d.Score(opts, 0))
			}
		}
		b.Merge(a)
		if got := b.Ranking(0, All); !slices.Equal(got, want) {
			t.Errorf("split %v: %+v\nwant %+v", split, got, want)
		}
	}
}

// TestShortText checks the plain rules of a short text (an abstract):
// ranked against the general table, not the built-in policy background,
// with the names it mentions among its keywords; a text past shortUnits
// words is ranked against the background, names apart.
func TestShortText(t *testing.T) {
	opts, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "粤港澳大湾区高质量发展研究\n本文研究粤港澳大湾区的高质量发展与营商环境，认为广东省应当推进高质量发展，优化营商环境。"
	for _, tc := range []struct {
		text  string
		short bool
	}{{text, true}, {shortPad(text), false}} {
		tm := Collect(realInput(t, "abstract.txt", tc.text), opts)
		if tm.short != tc.short {
			t.Fatalf("short = %v for %d words", tm.short, tm.Units)
		}
		kws := tm.Score(opts, 0)
		var hq Keyword
		named := false
		for _, k := range kws {
			if k.Key == "高质量发展" {
				hq = k
			}
			named = named || k.Name != ""
		}
		general, _ := opts.IDF.(*bgIDF).gen("高质量发展")
		w := 0.0
		for i := range tm.terms {
			if tm.terms[i].key == "高质量发展" {
				w = tm.terms[i].weight
			}
		}
		gen := (1 + math.Log(w)) / tm.weight * general
		if tc.short {
			if math.Abs(hq.Score-gen) > 1e-12 || !named || tm.Names(opts, 0) != nil {
				t.Errorf("short: 高质量发展 %v (general table: %v), a name among %q: %v, names apart %q", hq.Score, gen, keys(kws), named, keys(tm.Names(opts, 0)))
			}
		} else if hq.Key != "" && hq.Score >= gen || named || len(tm.Names(opts, 0)) == 0 {
			t.Errorf("long: 高质量发展 %v (general table: %v), a name among %q: %v, names apart %q", hq.Score, gen, keys(kws), named, keys(tm.Names(opts, 0)))
		}
	}
}

// TestNoVocabulary checks that leaving out the background's vocabulary
// changes no ranking, and that such Terms add their own terms to a
// background.
func TestNoVocabulary(t *testing.T) {
	in := realInput(t, "report.txt", readSample(t, "municipal_report.txt")+"\n"+readSample(t, "municipal_report.txt"))
	opts, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	full := Collect(in, opts)
	lean := opts
	lean.NoVocabulary = true
	short := Collect(in, lean)
	if a, b := keys(full.Score(opts, 0)), keys(short.Score(opts, 0)); !slices.Equal(a, b) {
		t.Errorf("rankings differ:\n%q\n%q", a, b)
	}
	if len(short.vocab) >= len(full.vocab) || len(short.vocab) != short.Len() {
		t.Errorf("vocabulary: %d entries, full %d, terms %d", len(short.vocab), len(full.vocab), short.Len())
	}
	bg := NewBackground()
	bg.Add(short)
	if df, _ := bg.Lookup("巡视整改"); df != 1 || bg.Len() != short.Len() {
		t.Errorf("background of lean Terms: df(巡视整改) = %d, %d terms", df, bg.Len())
	}
}

func TestGluedOneOffIsAPiece(t *testing.T) {
	idf := NewMapIDF(map[string]float64{"保质保量": 9, "保质": 9, "路网": 9, "完成": 2})
	spec := "按期/d 保质/n 保量/n 完成/v 。/w 路网/n 。/w 路网/n"
	if got := allKeys(t, notShort(spec), Options{IDF: idf}); slices.Contains(got, "保质") || !slices.Contains(got, "路网") {
		t.Errorf("glued: %q", got)
	}
	// a word used once beside a neighbour it makes no word with stays
	// (after a verb: after an adverb every time, it is a predicate, see
	// TestTermAfterAnAdverbIsAPredicate)
	spec = "确保/v 保质/n 完成/v 。/w 路网/n 。/w 路网/n"
	if got := allKeys(t, notShort(spec), Options{IDF: idf}); !slices.Contains(got, "保质") {
		t.Errorf("not glued: %q", got)
	}
}
