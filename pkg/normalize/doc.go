// Package normalize cleans the text of a policy document before analysis and keeps an
// offset map from the cleaned text back to the original, so that every result can be found
// again in the text the user gave.
//
// Clean makes one left-to-right pass, line by line, applying the steps enabled in Options.
// Lines end at \n, \r\n or a lone \r.
//
// # Pinyin annotations (Options.Pinyin)
//
// Converter web pages leave a reading after each converted character:
// 市委常委會(huì)在醫(yī)藥高新區(qū)調(diào)研 becomes 市委常委會在醫藥高新區調研. An annotation is
// removed when all of these hold:
//
//   - it opens with ( or （ directly after a Han character (no space between; characters
//     removed by Options.Invisible do not count) and closes with the matching ) or ） on the
//     same line, with at most 48 runes between;
//   - it holds one to eight syllables separated by spaces, commas (, ，), 、, ·, - or
//     apostrophes, and is preceded by at least as many consecutive Han characters;
//   - every syllable is a real Mandarin syllable (about 410, generated from initials × finals
//     in pinyin.go; ü may be written ü, v or u:), with at most one tone mark (ā á ǎ à … ǖ ǘ ǚ ǜ,
//     and ḿ ń ň ǹ for the nasal interjections m, n, ng, hm, hng) or a final tone digit 1–5
//     (hui4, lv4, lu:4), or toneless (hui; the nasals always need a tone);
//   - upper case is accepted only when the syllable is clearly pinyin: it carries a tone mark
//     (Huì, HUÌ), or a tone digit with only the first letter capitalised (Hui4). (WTO), (GDP),
//     (AN), (Hui) stay.
//
// Syllables written as one word ((Zhōngguó)) are not split, and decomposed tone marks
// (a + U+0304) are not recognised: such annotations stay.
//
// An annotation whose syllables all carry a tone (and are not a lone letter with a digit,
// such as a1) is strong and is removed on its own. Toneless annotations and lone letters with
// a digit are weak: (a), (e), (o) are list markers, (ha) is a hectare, (an) may be English.
// Weak annotations are removed only when the same document had at least two toned syllables
// removed; Clean then makes a second pass. So 会(hui)议 stays on its own, but is cleaned in a
// document that also has 會(huì) and 議(yì).
//
// Full-width letters and digits, odd spaces and invisible characters inside the parentheses
// are read as their cleaned forms whatever the options, so the decision is the same on the
// original and on the cleaned text.
//
// # Invisible characters and spaces (Options.Invisible)
//
// Removed: U+00AD soft hyphen, U+180E, U+200B–U+200F (zero-width space, ZWNJ, ZWJ, LRM, RLM),
// U+202A–U+202E (bidi embeddings), U+2060–U+2064 (word joiner, invisible operators),
// U+2066–U+206F (bidi isolates, deprecated format characters), U+FEFF (BOM).
// Replaced by one ' ' each (spaces are not collapsed): U+00A0 no-break space, U+1680,
// U+2000–U+200A, U+202F, U+205F and U+3000 ideographic space. The ideographic space is also
// replaced where it indents a paragraph or separates Chinese words: a plain space carries the
// same meaning for analysis and keeps the segmenter's input uniform. Tabs and other control
// characters are kept.
//
// # Width (Options.Width)
//
// Full-width letters and digits Ａ-Ｚ ａ-ｚ ０-９ become ASCII. Punctuation is kept as it is
// (，。：；！？（）“”％ and the rest), with one exception: a full-width full stop ．between two
// digits is a decimal point and becomes '.', so ＧＤＰ增长５．２％ becomes GDP增长5.2％.
//
// # Line ends (Options.LineEnds)
//
// \r\n and a lone \r become \n.
//
// # Soft line breaks (Options.Unwrap)
//
// Text extracted from a PDF as text (pdftotext, a viewer's copy) keeps the printed lines: a
// paragraph is broken at the page width, inside sentences and inside words (构\n筑), with page
// numbers between pages. Such lines are joined again when the whole text is wrapped, and only
// then; any other text is left as it is.
//
//   - The text is wrapped when a window of 5 display columns (a Han character or CJK
//     punctuation is 2, ASCII 1) holds a quarter of its non-blank lines or more, at 24 columns
//     or more (the right edge); lines twice as wide as the edge are fewer than a quarter of
//     those; and of the lines that reach the edge (7/8 of it or more), five or more, and half
//     or more, end mid-sentence with a Han character or CJK punctuation, a third of those
//     holding punctuation (，、。；：: prose, not a list of names). At least five joins are
//     needed.
//   - A line that reaches the edge and does not end a sentence or a clause (。！？；：”…) goes
//     on in the next line, unless that line is blank, starts an element (a heading or list
//     marker, 附件, 抄送, 联系人, a date alone, a page number, a bullet, 图1 or 表1), is indented
//     further, or either line is a table row (white space of two columns or more inside it;
//     a row, or a signature with its date, still goes on in one or two Han characters alone,
//     the end of a word broken off it: …3日印\n发). A number is not a marker (4.25亿).
//   - A heading or list item without punctuation that fills the line goes on only in a short
//     line (its own rest), never in a line of body text that reaches the edge, when it is a
//     first-level heading (一、 第一章) or follows another such item (a list of titles); other
//     items (（一） 1. 第一条) run into their text and wrap with it.
//   - A page number alone on its line (— 6 —, or a number) between two lines that go on in
//     each other goes with the line end.
//   - The join removes the line end and the white space around it (trailing spaces, the next
//     line's indentation); between two Latin letters it leaves one space. A number broken at
//     the edge (20\n26年) is joined as it is.
//
// Lines that the boilerplate rules remove or cut are never joined. Each join is a Change of
// kind ChangeJoin (Old holds what was removed, a page number too); Result.Unwrapped reports
// whether there was one. Offsets keep mapping into the given text: a word joined across a line
// end maps back to its two pieces and the line end between them.
//
// # Boilerplate (Options.Boilerplate)
//
// Web-page chrome is removed, each piece with its reason (Change.Reason): toolbars (下载 打印
// 全屏 收藏 【字号 大 中 小】, also one word a line, or written together as 下载打印收藏 by an
// HTML extraction), breadcrumbs (当前位置：首页 > 政务公开 > …, over several lines too), page
// information and view counters (发布时间：… 来源：… 浏览次数：…, a label's value may stand on
// the next line), source and editor credits (来源：北京日报, 责任编辑：张三), share widgets, QR-code
// captions (扫一扫在手机打开当前页), page navigation (上一篇：…), related-report lists (相关报道：
// and the links after it when they run to the end of the page), portal menus, the site's
// name and footer (主办：… ICP备… 版权所有), and a page title repeated above the document next
// to other chrome. Credits at the end of a line are cut off and the line kept: the photo
// credit of a caption (…作政府工作报告。本报记者 戴冰摄), an editor or source credit after the last
// sentence (…。（责任编辑：张三）), the site's name after a page title (标题_某省人民政府门户网站).
//
// The words are listed in vocabulary (vocab.go). A line goes whole only when it is short (60
// runes; a footer 150) and holds no sentence punctuation (。！？；): a line of body text is
// never removed, and a credit is only ever cut after the last sentence of its line. Every
// chunk of the line (split at separators) must be a known word, the value of a label, or an
// item of a widget that an earlier chunk or line opened (size items after 字号, targets after
// 分享到, items after a breadcrumb's >); a run of such lines goes when it holds a signal (an
// action, a strong label such as 责任编辑 or 来源, a breadcrumb, or two weak labels such as 时间
// and 作者). So 来源：新华社 goes, 时间：2024年1月2日 地点：市政府 stays, and 四、相关附件 (a heading)
// stays. The site's name alone on a line goes only above the first or below the last
// sentence of body text.
//
// The rules run on the view: the text as the other steps clean it, every pinyin annotation
// removed, line for line; they repeat on the lines they kept until they remove nothing more,
// so that cleaning again changes nothing.
//
// # Metadata (Result.Meta)
//
// With Options.Boilerplate, the header of a report is kept but marked: in the head of the
// document (before the salutation 各位代表： or the first long paragraph) the title
// (…政府工作报告, …的通知), the occasion (——2026年1月25日在…会议上, also in parentheses), the
// speaker (上海市市长 龚 正, 省人民政府省长 王清宪, 省长　李炳军) with the name inside it, and the
// photo caption (殷勇同志作政府工作报告。); anywhere, a line whose photo credit was cut, or that
// starts with 图为, is a caption. Spans are byte offsets into Result.Text.
//
// # Lines a corpus repeats (Options.Repeated)
//
// See LineCounts: a first pass counts, in how many documents of a run each chrome-shaped
// line occurs; with the result in Options.Repeated, the lines held by enough documents are
// removed too (reason "repeated across documents"), when they stand above the first or below
// the last sentence of body text. Headings, dates, salutations, the issuing body at the foot
// of a notice, 附件, 抄送 and metadata are never counted.
//
// # Invalid UTF-8
//
// Always, whatever the options: each invalid byte becomes U+FFFD (kind "invalid-utf8").
//
// # Offsets
//
// Result.Changes lists the edits in order of position, with byte ranges in the original text.
// Result.Original and Result.OriginalEnd map byte offsets of Result.Text back to the original:
// a token [s, e) of the clean text came from [Original(s), OriginalEnd(e)) of the original,
// which holds the token's own characters and never an annotation removed before or after it.
// At every rune boundary off of Result.Text:
//
//	0 <= OriginalEnd(off) <= Original(off) <= len(original)
//	OriginalEnd(0) == 0, Original(len(Text)) == len(original)
//	both are non-decreasing in off, and they differ only where text was removed at off.
//
// OriginalEnd(len(Text)) is len(original) unless something was removed at the very end
// (then it is where the removed text starts).
//
// # Guarantees
//
// Clean never panics, runs in linear time (the rules make at most a few rounds over the
// lines), returns valid UTF-8, and is idempotent:
// Clean(Clean(x, o).Text, o).Text == Clean(x, o).Text — with one exception, known and left:
// with Unwrap, the soft line breaks are found on the given text, so where the other steps
// change the width of a wrapped text's lines (full-width letters, odd spaces, invisible
// characters, pinyin, removed lines), a second pass may join lines the first did not (none
// among the corpus's documents; FuzzClean checks every other guarantee there). When
// nothing needs cleaning, the input string is returned as Result.Text without a copy.
package normalize
