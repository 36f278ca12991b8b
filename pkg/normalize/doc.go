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
// # Boilerplate (Options.Boilerplate)
//
// Whole lines that are web-page bars are removed together with their line end: print/close
// bars (【打印本页】【关闭窗口】, 打印 | 关闭), font-size bars (【字号 大 中 小】, 字号：大 中 小),
// share bars (分享到：), editor credits and page metadata (责任编辑：张三, (责任编辑：李四),
// 来源：XX 发布时间：2024-01-02 浏览次数：123), 扫一扫在手机打开当前页, 相关链接, 上一篇/下一篇,
// 【纠错】, 附件下载. The words are listed in boilerplateTable. The test runs on the cleaned
// line: it is split at separators (spaces, | ｜ 丨 / ／, brackets, ·, 、 and colons) and every
// chunk must be a word from the table, or the value of a label followed by a colon (at most
// 40 runes, no sentence punctuation 。，；！？). A line of labels alone needs a strong label
// (责任编辑, 发布时间, 浏览次数 …) or two labels: 来源：新华社 on its own stays. Lines longer
// than 60 runes are never boilerplate, and body text that mentions 打印 or 分享 is kept.
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
// Clean never panics, runs in linear time, returns valid UTF-8, and is idempotent:
// Clean(Clean(x, o).Text, o).Text == Clean(x, o).Text. When nothing needs cleaning, the
// input string is returned as Result.Text without a copy.
package normalize
