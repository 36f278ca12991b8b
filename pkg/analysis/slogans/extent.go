package slogans

import "strings"

// The full extent of a quoted or numbered core: the head and the tail the
// document attaches to it. 轨道交通“四网融合”, 金融“五篇大文章”,
// 三张“零关税”清单, “45432”发展架构, “一本三基四梁八柱”战略框架,
// “双环”旅游公路, 重大慢性病防治“四早”工程, 稳增长“21条”. A head is the
// noun phrase right before the core that says what it is about; a tail is
// the noun phrase right after it that says what kind of thing it names.
// Neither takes the verb that governs the formulation (推进“四网融合”), an
// attribute (“五个中心”能级, “三个作用”发挥) or a generic word (“两新”政策).

const (
	maxHead = 8 // runes
	maxTail = 7
)

// attributeNouns name a property or a measure of something, not a kind of
// thing: they never end a tail.
var attributeNouns = wordSet("作用 效应 成效 效果 效能 水平 能力 功能 地位 优势 潜力 活力 动力 成果 成绩 规模 质量 品质 " +
	"比重 占比 增速 体量 基础 短板 弱项 问题 现象 情况 局面 态势 形势 风险 压力 床位 营收 收入 数量 内涵 " +
	"意义 价值 特色 亮点 经验做法 做法 举措 成就 进展 格局中 范围 标准 导向 要求 效益 底线 红线")

// genericTails follow many formulations without naming them: “两新”政策,
// “五个中心”建设.
var genericTails = wordSet("政策 工作 领域 方面 部署 任务 目标 建设 发展 改革 方向 重点 内容 事项 要点 理论 思想 精神 方针")

// governingVerbs govern a formulation even when the segmenter tags them as
// nouns (vn): 建设“数智北京”, 推进“四网融合”.
var governingVerbs = wordSet("建设 推进 实施 落实 打造 开展 推动 深化 加快 加强 完善 构建 提升 做好 抓好 用好 " +
	"发挥 坚持 实现 促进 巩固 健全 优化 强化 扩大 培育 创建 推行 探索 启动 举办 出台 制定 印发 发布 " +
	"贯彻 学习 运用 落地 服务 支持 保障 聚焦 围绕 突出 统筹 一体推进 持续 深入 全面 积极 大力 高水平 " +
	"高质量 高标准 全方位 全链条 全过程 全力 着力 努力 进一步 更好 更大 继续 不断 切实 扎实 认真 系统 " +
	// verbs that take a formulation as their object after a subject
	// (rules 12): 视频数据采用“xx”模式 has no head
	"采用 采取 使用 利用 引入 形成 建立 提出 推广 遵循 树立 践行 弘扬 秉持 秉承 依托 借助 通过 按照 " +
	"纳入 列入 融入 对接 瞄准 面向 争创 参与 参加")

// governing reports whether a word governs what follows it: a governing
// verb, or a word ending in one (全面实施, 加快推进).
func governing(w string) bool {
	if governingVerbs[w] {
		return true
	}
	r := []rune(w)
	return len(r) >= 3 && governingVerbs[string(r[len(r)-2:])]
}

// scopeWords name where, not what: 全省“四大主导产业” has no head.
var scopeWords = wordSet("全省 全市 全区 全县 全州 全盟 全国 全党 全军 全社会 我省 我市 我区 我县 本省 本市 本区 各地 各级 各类 各项 " +
	"省 市 区 县 乡 镇 村 国家 中央 地方 今年 明年 去年 当前 今后 近年 新一轮 首批 新一批 所谓")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// nounish reports whether a part of speech names things.
func nounish(pos string) bool {
	return pos != "" && (pos[0] == 'n' || pos == "vn" || pos == "an" || pos == "b" || pos == "j" || pos == "l" || pos == "s")
}

// verbish reports whether a part of speech is a verb (not a verbal noun).
func verbish(pos string) bool {
	return pos != "" && pos[0] == 'v' && pos != "vn"
}

// closedPOS are parts of speech that end a head or a tail: particles,
// prepositions, conjunctions, adverbs, pronouns, numerals, localisers.
func closedPOS(pos string) bool {
	switch pos {
	case "u", "uj", "ul", "uz", "ug", "uv", "ud", "p", "c", "d", "ad", "vd", "r", "y", "e", "o", "f", "q", "w", "x", "t", "tg", "z", "zg", "m", "mq", "k", "h", "eng":
		return true
	}
	return false
}

// tailAfter gives the length in runes of the tail starting at r[k]: noun
// words up to maxTail runes (verbal nouns inside: 融合发展机制), ending
// with a word that names a kind of thing: a word of programmeHeads or a
// noun ending in a character of kindEnds (旅游公路, 启动区).
func (x *extractor) tailAfter(k int) int {
	v := x.v
	if !v.hasTokens || k >= len(v.r) {
		return 0
	}
	e, last := k, 0
	for e < len(v.r) {
		t, ok := v.tokenAt(e)
		if !ok {
			break
		}
		w := string(v.r[t.a:t.b])
		n := t.b - t.a
		// a generic word opens a tail only before the word that names the
		// kind (“45432”发展架构; not “两新”政策, “五个中心”建设)
		generic := genericTails[w]
		if generic && e == k {
			if nt, ok := v.tokenAt(t.b); ok && programmeHeads[string(v.r[nt.a:nt.b])] && !genericTails[string(v.r[nt.a:nt.b])] {
				generic = false
			}
		}
		if !allHan(v.r[t.a:t.b]) || e-k+n > maxTail || closedPOS(t.pos) || generic || attributeNouns[w] || governing(w) {
			break
		}
		if n == 1 || !nounish(t.pos) && t.pos != "a" && !programmeHeads[w] {
			break // a verb, or a one-character word: a new phrase starts
		}
		e = t.b
		if programmeHeads[w] || nounish(t.pos) && t.pos != "vn" && strings.ContainsRune(kindEnds, v.r[t.b-1]) {
			// the tail must end where the noun phrase ends: 启动区|示范段 no
			if nt, ok := v.tokenAt(e); !ok || !nounish(nt.pos) || genericTails[string(v.r[nt.a:nt.b])] || attributeNouns[string(v.r[nt.a:nt.b])] {
				last = e - k
			}
		}
	}
	return last
}

// kindEnds end nouns that name a kind of place or thing a formulation can
// name: 旅游公路, 启动区, 产业带, 服务站, 消费券.
const kindEnds = "区园带圈线路站港城馆台室所队库网码卡券包单牌赛节展谷岛湾廊道"

// headBefore gives the length in runes of the head ending before r[i]:
// noun words up to maxHead runes (a verb only inside a compound after a
// noun: 慢性病防治), or a numeral with its classifier (三张). A head is
// left out in a list (数字金融“五篇大文章” after 、) and never includes the
// verb governing the formulation.
func (x *extractor) headBefore(i int) int {
	v := x.v
	if !v.hasTokens || i <= 0 {
		return 0
	}
	var toks []vtok
	st := i
	for st > 0 {
		t, ok := v.tokenBefore(st)
		if !ok {
			break
		}
		w := string(v.r[t.a:t.b])
		n := t.b - t.a
		if i-st+n > maxHead && len(toks) > 0 && nounish(t.pos) {
			// the head would start inside a longer name (国家新一代人工智能
			// 创新|发展试验区“双区同建”): no head
			return 0
		}
		if i-st+n > maxHead || !allHan(v.r[t.a:t.b]) {
			break
		}
		if t.pos == "m" || t.pos == "mq" {
			if classifierHead(v.r[t.a:t.b]) {
				toks = append(toks, t)
			}
			break
		}
		if closedPOS(t.pos) || scopeWords[w] || headVerb(w) && len(toks) == 0 {
			break
		}
		if !nounish(t.pos) && !verbish(t.pos) && t.pos != "a" {
			break
		}
		toks = append(toks, t)
		st = t.a
	}
	// a verb of one character right before the core takes it as its
	// object: 主要产品有“三酸两碱” has no head
	if len(toks) > 0 && verbish(toks[0].pos) && toks[0].b-toks[0].a == 1 {
		return 0
	}
	// toks run from the core backwards; keep the longest run whose verbs
	// each follow a noun of the head (慢性病防治 yes, 加快推进 no), and
	// which starts with no verb
	// a head never starts with a one-character word (在京|高校: 京 belongs
	// to the preposition's phrase)
	for len(toks) > 0 && toks[len(toks)-1].b-toks[len(toks)-1].a == 1 && toks[len(toks)-1].pos != "m" {
		toks = toks[:len(toks)-1]
	}
	// a head right after a determiner belongs to its phrase (纳入本|地区
	// 职业技能培训“两目录一系统”): no head (rules 12)
	if len(toks) > 0 {
		if pt, ok := v.tokenBefore(toks[len(toks)-1].a); ok && pt.b-pt.a == 1 && pt.pos == "r" {
			return 0
		}
	}
	keep := 0
	for j := 0; j < len(toks); j++ {
		t := toks[j]
		w := string(v.r[t.a:t.b])
		if verbish(t.pos) || headVerb(w) {
			if j+1 >= len(toks) || !nounish(toks[j+1].pos) || verbish(toks[j+1].pos) {
				break
			}
			// a name before the verb is its subject, not a head (中央财政
			// 用于“三农”, 邓小平同志提出“一国两制”)
			if namePOS(toks[j+1].pos) || j+2 < len(toks) && namePOS(toks[j+2].pos) {
				break
			}
			continue // decided by the next word
		}
		if t.pos == "m" || t.pos == "mq" {
			keep = j + 1
			break
		}
		keep = j + 1
	}
	// an adjective before a name is a predicate taking it (壮大/a 山东省
	// “十强”产业), not part of the head
	if keep >= 2 && toks[keep-1].pos == "a" && namePOS(toks[keep-2].pos) {
		keep--
	}
	if keep == 0 {
		return 0
	}
	start := toks[keep-1].a
	// a head of one word must follow the verb or the particle that takes
	// the whole phrase (加快|轨道交通, 实施|三张): after an adverb or at the
	// start of a clause, a lone word is a verb the tagger took for a noun
	// (深刻|领悟“两个确立”, ，部署“三个大抓”)
	if keep == 1 {
		// one character is the end of a verb the segmenter cut (筑|牢“六个严防”,
		// 解决|好“三农”): no head (rules 20)
		if oneCharHead(v.r[toks[0].a:toks[0].b]) {
			return 0
		}
		pt, ok := v.tokenBefore(start)
		if !ok || !(verbish(pt.pos) || headVerb(string(v.r[pt.a:pt.b])) || pt.pos == "p" || pt.pos == "uj" || pt.pos == "u") {
			return 0
		}
		// a verbal noun after an adverb of manner (全力|打响“重庆制造”品牌)
		// is the verb taking the label: only a verb (运用/vn 监督执纪) or a
		// particle before it makes it a head (rules 19)
		if t := toks[0]; t.pos == "vn" && !(strings.HasPrefix(pt.pos, "v") || pt.pos == "p" || pt.pos == "uj" || pt.pos == "u") {
			return 0
		}
	}
	// in a list the head belongs to the last item only: leave it out
	if p := start - 1; p >= 0 && (isDun(v.r[p]) || strings.ContainsRune("和及与或", v.r[p])) {
		return 0
	}
	if p := start - 1; p >= 0 && v.r[p] == '的' {
		return i - start // 现代化的“xx” is fine: the phrase starts after 的
	}
	return i - start
}

// classifierHead reports whether a numeral word may head a formulation:
// 三张“零关税”清单, not 一批 or 若干.
func classifierHead(w []rune) bool {
	if len(w) < 2 || !strings.ContainsRune("两二三四五六七八九十", w[0]) {
		return false
	}
	return !strings.ContainsRune("批些系", w[len(w)-1]) && !isNumeral(w[len(w)-1])
}

// extentOf gives the full extent (runes of r) of a core r[i:k]: the
// quotation marks around it if any, its head and its tail.
//
// A quoted label takes a head only with a tail (三张“零关税”清单,
// 浙商“青蓝接力”行动) or a numeral head: the topic noun before a label
// (人员“零伤亡”) is no part of its name; a numbered formulation or a code
// takes one alone (金融“五篇大文章”, 稳增长“21条”).
func (x *extractor) extentOf(i, k int, quoted bool, kind Kind) (ei, ek, head, tail int) {
	ei, ek = i, k
	if quoted {
		ei, ek = i-1, k+1
	}
	head = x.headBefore(ei)
	tail = x.tailAfter(ek)
	if kind != Numbered && tail == 0 && head > 0 {
		if t, ok := x.v.tokenAt(ei - head); !ok || t.pos != "m" && t.pos != "mq" {
			head = 0
		}
	}
	// a bare core inside a longer word gets no head or tail of its own
	if !quoted && (!x.v.bound[i] || !x.v.bound[k]) {
		head, tail = 0, 0
	}
	return ei - head, ek + tail, head, tail
}

// programmeHeads name kinds of programmes and things even where the
// segmenter tags them otherwise (清单/a).
var programmeHeads = wordSet("清单 工程 行动 计划 战略 框架 架构 体系 机制 模式 格局 布局 品牌 平台 制度 体制 经验 " +
	"理念 工作法 路径 方针 原则 通道 走廊 基地 集群 产业 产业链 示范区 先行区 试验区 专项 中心 网络 矩阵 " +
	"生态圈 名录 目录 攻坚战 战役 运动 活动 工作室 企业 场景 赛道 品种 产品 政策体系 服务体系")

// namePOS reports the tags of names of people, places and organisations.
func namePOS(pos string) bool {
	switch pos {
	case "nr", "ns", "nt", "nrt", "nrfg", "nz":
		return true
	}
	return false
}
