package normalize

import (
	"strings"
	"sync"
)

// bpKind is the role a word plays on a web-page boilerplate line.
type bpKind uint8

const (
	bpNone         bpKind = iota
	bpAction              // a link or button: 打印, 关闭窗口, 纠错 …
	bpSizeTrigger         // 字号, 字体: an action that allows the size items after it
	bpShareTrigger        // 分享, 分享到: an action that allows the share targets after it
	bpSize                // 大 中 小 … (only after a size trigger)
	bpShare               // 微信 微博 … (only after a share trigger)
	bpNav                 // 上一篇, 下一篇: an action alone, a strong label before a colon
	bpStrongLabel         // 责任编辑：, 发布时间：, 浏览次数： … (a label before a colon)
	bpWeakLabel           // 来源：, 作者：, 日期： … (a label; not enough on its own)
)

// boilerplateTable is the documented list of words that make up boilerplate bars. A line is
// boilerplate when, split at separators (spaces, | ｜ 丨 / ／ \, brackets 【】[]()（）〖〗〔〕〈〉<>,
// · • ・ 、 and colons), every chunk is one of these words or the value of a label, see
// isBoilerplate.
var boilerplateTable = [...]struct {
	kind  bpKind
	words string
}{
	{bpAction, "打印 打印本页 打印此页 打印本文 打印文章 打印页面 打印正文 " +
		"关闭 关闭窗口 关闭本页 关闭页面 关闭此页 " +
		"返回 返回顶部 回到顶部 返回首页 返回列表 " +
		"收藏 加入收藏 收藏本页 收藏本站 " +
		"纠错 我要纠错 " +
		"扫一扫 手机扫一扫 扫一扫在手机打开当前页 扫一扫在手机上打开当前页 在手机上打开当前页 在手机打开当前页 " +
		"相关链接 附件下载"},
	{bpSizeTrigger, "字号 字体 文字大小"},
	{bpShareTrigger, "分享 分享到"},
	{bpSize, "大 中 小 默认 标准 加大 减小 放大 缩小 T A"},
	{bpShare, "微信 微博 新浪微博 腾讯微博 QQ QQ空间 QQ好友 朋友圈 豆瓣 人人网 今日头条 复制链接 更多"},
	{bpNav, "上一篇 下一篇 上一条 下一条"},
	{bpStrongLabel, "责任编辑 责编 编辑 审核 审校 校对 " +
		"发布时间 发布日期 发表时间 更新时间 " +
		"浏览次数 浏览量 点击数 点击量 点击次数 阅读次数 阅读数 阅读量 访问量 访问次数"},
	{bpWeakLabel, "来源 信息来源 文章来源 稿件来源 稿源 作者 发布机构 发布单位 时间 日期"},
}

var boilerplateWords = sync.OnceValue(func() map[string]bpKind {
	m := make(map[string]bpKind, 128)
	for _, row := range boilerplateTable {
		for _, w := range strings.Fields(row.words) {
			m[w] = row.kind
		}
	}
	return m
})

const (
	maxBoilerplateRunes  = 60 // runes between the first and last non-separator of the line
	maxBoilerplateBytes  = 4 * 128
	maxLabelValueRunes   = 40
	maxBoilerplateChunks = maxBoilerplateRunes/2 + 1
)

func isBoilerplateSep(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f', '|', '｜', '丨', '/', '／', '\\', ':', '：',
		'【', '】', '[', ']', '(', ')', '（', '）', '〖', '〗', '〔', '〕', '〈', '〉', '<', '>',
		'·', '•', '・', '、':
		return true
	}
	return r > 0x7F && (isOddSpace(r) || isInvisible(r))
}

// isSentencePunct marks text that reads as a sentence; such a chunk is never a label value.
func isSentencePunct(r rune) bool {
	switch r {
	case '。', '，', '；', '！', '？', ';', '!', '?':
		return true
	}
	return false
}

type bpChunk struct {
	start, end int
	colon      bool // a colon follows in the separator run after the chunk
}

// isBoilerplate reports whether a line (without its terminator, already cleaned) is a
// web-page bar: at most maxBoilerplateRunes long, and made only of words from
// boilerplateTable, where a label followed by a colon may carry a value (up to
// maxLabelValueRunes, no sentence punctuation) — "责任编辑：张三", "来源：XX 发布时间：
// 2024-01-02 浏览次数：123". Lines made only of labels need a strong label or two labels.
func isBoilerplate[T ~string | ~[]byte](line T) bool {
	if len(line) == 0 || len(line) > maxBoilerplateBytes {
		return false
	}
	var chunks [maxBoilerplateChunks]bpChunk
	n := 0
	inChunk := false
	firstRune, runeIdx := -1, 0
	for i := 0; i < len(line); runeIdx++ {
		r, size := decodeAt(line, i)
		if isBoilerplateSep(r) {
			if inChunk {
				chunks[n-1].end = i
				inChunk = false
			}
			if n > 0 && (r == ':' || r == '：') {
				chunks[n-1].colon = true
			}
			i += size
			continue
		}
		if firstRune < 0 {
			firstRune = runeIdx
		}
		if runeIdx-firstRune >= maxBoilerplateRunes {
			return false
		}
		if !inChunk {
			if n == len(chunks) {
				return false
			}
			chunks[n] = bpChunk{start: i}
			n++
			inChunk = true
		}
		i += size
	}
	if n == 0 {
		return false
	}
	if inChunk {
		chunks[n-1].end = len(line)
	}

	words := boilerplateWords()
	actions, labels, strongLabels := 0, 0, 0
	sizeOK, shareOK, inValue := false, false, false
	valueRunes := 0
	for _, c := range chunks[:n] {
		kind := words[string(line[c.start:c.end])]
		switch {
		case (kind == bpStrongLabel || kind == bpNav) && c.colon:
			labels++
			strongLabels++
			inValue, valueRunes = true, 0
		case kind == bpWeakLabel && c.colon:
			labels++
			inValue, valueRunes = true, 0
		case kind == bpAction || kind == bpNav:
			actions++
			inValue = false
		case kind == bpSizeTrigger:
			actions++
			sizeOK, inValue = true, false
		case kind == bpShareTrigger:
			actions++
			shareOK, inValue = true, false
		case kind == bpSize && sizeOK, kind == bpShare && shareOK:
			inValue = false
		case inValue:
			digits := true
			for i := c.start; i < c.end; {
				r, size := decodeAt(line, i)
				if isSentencePunct(r) {
					return false
				}
				digits = digits && r >= '0' && r <= '9'
				valueRunes++
				i += size
			}
			if c.colon && !digits {
				return false // an unknown label (地点：…): a field we do not know
			}
			if valueRunes > maxLabelValueRunes {
				return false
			}
		default:
			return false
		}
	}
	return actions > 0 || strongLabels > 0 || labels >= 2
}
