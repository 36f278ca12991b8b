package normalize

import (
	"strings"
	"sync"
)

// Reason says why cleaning removed a line or the end of a line (Change.Reason).
type Reason string

// The reasons for removing web-page boilerplate.
const (
	ReasonToolbar    Reason = "toolbar"                   // 下载 打印 全屏 收藏 【字号 大 中 小】 关闭窗口 …
	ReasonBreadcrumb Reason = "breadcrumb"                // 当前位置：首页 > 政务公开 > …
	ReasonShare      Reason = "share widget"              // 分享到：微信 微博 …
	ReasonQRCode     Reason = "QR code"                   // 扫一扫在手机打开当前页
	ReasonCounter    Reason = "view counter"              // 浏览次数：123, 阅读量：
	ReasonPageInfo   Reason = "page information"          // 发布时间：… 索引号：… 作者：…
	ReasonSource     Reason = "source credit"             // 来源：北京日报
	ReasonEditor     Reason = "editor credit"             // 责任编辑：… 审核：…
	ReasonPhoto      Reason = "photo credit"              // 本报记者 戴冰摄
	ReasonRelated    Reason = "related reports"           // 相关报道： and the list after it
	ReasonNavigation Reason = "page navigation"           // 上一篇：… 下一篇：…, menus
	ReasonHeader     Reason = "portal header"             // the site's name, a repeated page title
	ReasonFooter     Reason = "portal footer"             // 主办：… ICP备… 版权所有 …
	ReasonRepeated   Reason = "repeated across documents" // Options.Repeated
)

// reasons indexes the reasons so that a line's plan stays small.
var reasons = [...]Reason{"", ReasonToolbar, ReasonBreadcrumb, ReasonShare, ReasonQRCode, ReasonCounter,
	ReasonPageInfo, ReasonSource, ReasonEditor, ReasonPhoto, ReasonRelated, ReasonNavigation,
	ReasonHeader, ReasonFooter, ReasonRepeated}

type reasonIndex uint8

const (
	rNone reasonIndex = iota
	rToolbar
	rBreadcrumb
	rShare
	rQRCode
	rCounter
	rPageInfo
	rSource
	rEditor
	rPhoto
	rRelated
	rNavigation
	rHeader
	rFooter
	rRepeated
)

// wordClass is the role a word plays on a boilerplate line.
type wordClass uint8

const (
	wNone         wordClass = iota
	wAction                 // a link or button: 打印, 关闭窗口, 收藏 …
	wSizeTrigger            // 字号, 字体: allows the size items after it
	wSize                   // 大 中 小 加大 还原 … (only after a size trigger)
	wShareTrigger           // 分享, 分享到: allows the share targets after it
	wShare                  // 微信 微博 … (only after a share trigger)
	wNav                    // 上一篇, 下一篇: an action, or a label whose value is a title
	wCrumbLabel             // 当前位置, 您的位置: a label whose value is a breadcrumb
	wHome                   // 首页: a link; with > after it, a breadcrumb
	wMenu                   // 政务公开, 网站地图 …: portal menu items (two or more on a line)
	wRelated                // 相关报道, 延伸阅读: the header of a list of links
	wStrong                 // a label that makes a line boilerplate on its own (责任编辑：, 来源：)
	wWeak                   // a label that needs company (时间：, 作者：)
	wContact                // 地址：, 电话： (only on a line that is boilerplate anyway)
)

// takesValue says whether a word of the class, before a colon, is a label
// whose value follows it (来源：…, 上一篇：…, 相关链接：…).
func (c wordClass) takesValue() bool {
	return c == wStrong || c == wWeak || c == wContact || c == wNav || c == wRelated
}

type vocabEntry struct {
	class  wordClass
	reason reasonIndex
}

// vocabulary is the documented list of the words boilerplate is made of. A line is
// boilerplate when every chunk of it (split at separators) is one of these words, the value
// of a label, or a run of these words written together (下载打印全屏收藏); see classifier.
var vocabulary = [...]struct {
	class  wordClass
	reason reasonIndex
	words  string
}{
	{wAction, rToolbar, "下载 打印 全屏 收藏 关闭 关闭窗口 关闭本页 关闭页面 关闭此页 打印本页 打印此页 打印本文 " +
		"打印文章 打印页面 打印正文 打印该页 返回 返回顶部 回到顶部 顶部 返回列表 返回上一页 返回上页 加入收藏 " +
		"收藏本页 收藏本站 纠错 我要纠错 我要评论 发表评论 评论 点赞 转发 在看 复制 附件下载 下载附件 相关附件 " +
		"保存 朗读 语音播报 播报 听全文 视力保护色 护眼模式 夜间模式 背景色 默认色 大字版 字号切换 更多 " +
		"网友评论 我要留言 列印 友善列印 回上一页 回上页 回首页 回顶端 找错 我要找错 网站找错 政府网站找错"},
	{wSizeTrigger, rToolbar, "字号 字体 文字大小 字体大小 字号大小 调整字号 字号调整"},
	{wSize, rToolbar, "大 中 小 默认 标准 加大 还原 减小 放大 缩小 特大 较大 较小 超大 A A+ A- T T+ T-"},
	{wShareTrigger, rShare, "分享 分享到 分享至 转发到 一键分享 分享本页"},
	{wShare, rShare, "微信 微博 新浪微博 腾讯微博 QQ QQ空间 QQ好友 朋友圈 微信好友 微信朋友圈 豆瓣 人人网 " +
		"今日头条 钉钉 抖音 Facebook Twitter 复制链接"},
	{wAction, rQRCode, "扫一扫 手机扫一扫 微信扫一扫 扫一扫在手机打开当前页 扫一扫在手机上打开当前页 在手机上打开当前页 " +
		"在手机打开当前页 手机阅读 手机浏览 扫码阅读 扫码分享 扫描二维码 二维码 手机扫码 微信扫码 手机打开"},
	{wNav, rNavigation, "上一篇 下一篇 上一条 下一条 上一页 下一页 上篇 下篇"},
	{wNav, rPageInfo, "标题 原标题"},
	{wCrumbLabel, rBreadcrumb, "当前位置 您的位置 您现在的位置 您当前的位置 您所在的位置 所在位置 当前页面 当前栏目 位置"},
	{wHome, rBreadcrumb, "首页 网站首页 主页"},
	{wMenu, rHeader, "政务公开 信息公开 政府信息公开 政务服务 办事服务 网上办事 互动交流 公众参与 政民互动 " +
		"新闻中心 新闻动态 要闻动态 政务要闻 通知公告 政策文件 政策解读 数据开放 数据发布 专题专栏 机构设置 " +
		"机构职能 领导信息 English 无障碍 无障碍浏览 长者模式 关怀版 适老化 网站地图 联系我们 关于我们 " +
		"使用帮助 设为首页 登录 注册 搜索 智能问答 个人中心 用户中心 繁体 繁體 简体 简 繁 EN ENGLISH 移动版 " +
		"手机版 网站导览 新闻 政策 互动 服务 数据 国情 要闻 动态 公告 政务 机构 领导 专题 视频 图解 解读 文件 " +
		"办事 咨询 投诉 留言 信箱 调查 征集 访谈 发布会 政务微博 政务微信 官方微博 官方微信"},
	{wRelated, rRelated, "相关报道 相关新闻 相关阅读 相关文章 相关链接 相关稿件 相关内容 相关推荐 延伸阅读 " +
		"推荐阅读 热点推荐 热门推荐 热门文章 猜你喜欢 相关专题 往期回顾 更多阅读 更多新闻"},
	{wStrong, rEditor, "责任编辑 责编 编辑 审核 审校 校对 初审 复审 终审 一审 二审 三审 监制 值班编辑 编审 " +
		"摄影 摄像 记者 通讯员 特约记者 撰稿 供稿 图片 制图 美编"},
	{wWeak, rEditor, "统筹 策划"},
	{wStrong, rSource, "来源 信息来源 文章来源 稿件来源 稿源 内容来源 新闻来源 本文来源 出处 转自 原文链接"},
	{wStrong, rPageInfo, "发布时间 发布日期 发表时间 发文时间 更新时间 发稿时间 上传时间 录入时间 索引号 信息索引号 " +
		"主题分类 成文日期 公开方式 有效性 信息分类 所属机构 发布机构 更新日期 上版日期"},
	{wWeak, rPageInfo, "时间 日期 发布 作者 发布者 发布人 发布单位 主题词 发文机关 发文单位 发文字号 文号 公开范围"},
	{wStrong, rCounter, "浏览次数 浏览量 浏览 点击数 点击量 点击次数 点击率 阅读次数 阅读数 阅读量 访问量 访问次数 阅读 人气 " +
		"点阅次数 浏览人次"},
	{wStrong, rFooter, "主办 主办单位 承办 承办单位 协办 协办单位 技术支持 运行维护 运维 网站标识码 网站识别码 " +
		"版权所有 备案号 ICP备案号"},
	{wContact, rFooter, "地址 邮编 电话 联系电话 传真 邮箱 电子邮箱 网址 Email E-mail"},
}

// vocab maps every word of the vocabulary, and its Traditional forms, to its entry; maxWordRunes
// is the length of the longest word.
type vocabTable struct {
	words        map[string]vocabEntry
	maxWordRunes int
}

//go:generate go test -run TestTradForms -update-tradforms .

var vocab = sync.OnceValue(func() *vocabTable { return buildVocab(parseForms(tradFormsData)) })

// parseForms reads the lines of tradFormsData: a word, a tab, its forms.
func parseForms(data string) map[string]string {
	forms := make(map[string]string, strings.Count(data, "\n"))
	for line := range strings.Lines(data) {
		w, f, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		forms[w] = f
	}
	return forms
}

// buildVocab makes the table from the vocabulary and each word's
// Traditional forms (forms[w]: its s2t, s2tw and s2hk conversions, in that
// order, separated by spaces). The forms are converted at `go generate`
// time (tradforms.go): converting them here built three OpenCC converters,
// most of the start-up of a command on a small file.
func buildVocab(forms map[string]string) *vocabTable {
	t := &vocabTable{words: make(map[string]vocabEntry, 1024)}
	add := func(w string, e vocabEntry) {
		if _, dup := t.words[w]; !dup {
			t.words[w] = e
		}
		if n := len([]rune(w)); n > t.maxWordRunes {
			t.maxWordRunes = n
		}
	}
	for _, row := range vocabulary {
		for _, w := range strings.Fields(row.words) {
			e := vocabEntry{row.class, row.reason}
			add(w, e)
			for _, f := range strings.Split(forms[w], " ") {
				if f != "" {
					add(f, e)
				}
			}
		}
	}
	return t
}

func (t *vocabTable) lookup(w string) (vocabEntry, bool) {
	e, ok := t.words[w]
	return e, ok
}
