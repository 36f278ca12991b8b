package keywords

import (
	"slices"
	"testing"

	"zhpolicy/pkg/script"
)

// checkPieces collects a document written as word/pos pairs (see doc,
// long) and checks that each of pieces is a term found and left out as a
// piece of a longer unit, and each of kept a term found and ranked.
func checkPieces(t *testing.T, spec string, pieces, kept []string) {
	t.Helper()
	terms := Collect(doc(t, script.Simplified, long(spec)), Options{})
	partial := map[string]bool{}
	for _, tm := range terms.terms {
		partial[tm.key] = tm.partial
	}
	for _, k := range pieces {
		if v, ok := partial[k]; !ok || !v {
			t.Errorf("%s is ranked (%v, seen %v)", k, v, ok)
		}
	}
	for _, k := range kept {
		if v, ok := partial[k]; !ok || v {
			t.Errorf("%s is not ranked (%v, seen %v)", k, v, ok)
		}
	}
}

// A phrase that begins with a modifier (an adjective, a verb) and is
// followed by a noun it modifies every time is the modifier of longer
// units, not a term: 超大跨径 of 超大跨径缆索承重桥梁 and 超大跨径桥梁
// (round 15). A phrase that heads a clause once (高速铁路。) stays, and so
// does one that begins with a noun (海洋牧场+准则, +指南: a complete
// term the document puts before its heads).
func TestModifierPhraseIsAPiece(t *testing.T) {
	spec := "超大/v 跨径/n 缆索/n 承重/v 桥梁/n 。/w 超大/v 跨径/n 桥梁/n 。/w 超大/v 跨径/n 缆索/n 。/w " +
		"高速/a 铁路/n 网络/n 。/w 高速/a 铁路/n 车站/n 。/w 高速/a 铁路/n 。/w " +
		"海洋/n 牧场/n 准则/n 。/w 海洋/n 牧场/n 指南/n 。/w 海洋/n 牧场/n 体系/n 。/w"
	checkPieces(t, spec, []string{"超大跨径"}, []string{"高速铁路", "海洋牧场"})
}

// A phrase ending in the suffix 式 or 型 before a noun every time is an
// attributive, quoted or not: 入驻式 of “入驻式”诊断服务 (round 15) is not
// ranked, though a quoted term used once is; 模式 after a noun is no
// suffix (样板/n 模式/n) and the quoted term stays.
func TestAttributiveSuffixIsAPiece(t *testing.T) {
	spec := "开展/v “/w 入驻/v 式/k ”/w 诊断/v 服务/vn 。/w 推广/v “/w 样板/n 模式/n ”/w 。/w"
	checkPieces(t, spec, []string{"入驻式"}, []string{"样板模式"})
}

// A word used twice, after a numeral both times, is a piece of the unit
// the numeral makes: 光网 of 千兆光网, once cut 千⏎兆+光网 at a line break
// (round 15); 兆 is a numeral. A word after a numeral once only stays.
func TestWordAfterANumeralTwiceIsAPiece(t *testing.T) {
	spec := "发挥/v 千兆/m 光网/n 作用/v 。/w 推动/v 千/m | 兆/m 光网/n 应用/v 。/w " +
		"建设/v 千兆/m 网络/n 。/w 网络/n 安全/an 。/w"
	checkPieces(t, spec, []string{"光网"}, []string{"网络"})
}

// A word of three characters that never heads a phrase is a piece, as one
// of two is: 高灵敏 of 高灵敏磁传感器 and 高灵敏 MEMS (an acronym after a
// space is a noun it modifies; round 15). One that heads a phrase once
// stays (实现低功耗。).
func TestThreeCharacterModifierIsAPiece(t *testing.T) {
	spec := "研究/v 高灵敏/nr 磁/n 传感器/n 。/w 研究/vn 高灵敏/nr MEMS/eng 器件/n 。/w 研究/vn 高灵敏/nr MEMS/eng 芯片/n 。/w " +
		"采用/v 低功耗/n 芯片/n 。/w 采用/v 低功耗/n 器件/n 。/w 实现/v 低功耗/n 。/w"
	checkPieces(t, spec, []string{"高灵敏"}, []string{"低功耗"})
}

// A rare word used once, written against a word of every text that it
// modifies, is a piece of the unit the two make (医卫 of 医卫交流, round
// 15; 水上运动 of 智能水上运动装备 on DEV): the unit is not counted as a
// term (its head is generic, see onceUnits), and the piece is no term
// either. A rare word used once with no noun after it stays (义诊).
func TestOnceWordBeforeAGenericHeadIsAPiece(t *testing.T) {
	extra := []string{"路竹会首度赴该国开展义诊，并进行医卫交流。"}
	for len(extra) < 12 {
		extra = append(extra, "我们要加强农田水利建设。")
	}
	text := reportText(extra...)
	keys, _ := ranked(t, text, 40)
	if slices.Contains(keys, "医卫") {
		t.Errorf("医卫 is ranked: %v", keys)
	}
	if !slices.Contains(keys, "义诊") {
		t.Errorf("义诊 is not ranked: %v", keys)
	}
}

// A term written after an adverb every time is a predicate, whatever the
// dictionary tags it (共同+举杯, round 15; 已+上市同类产品 on DEV); one
// written once without the adverb stays (联合+攻关, 攻关。).
func TestTermAfterAnAdverbIsAPredicate(t *testing.T) {
	spec := "双方/r 共同/d 举杯/n 。/w 我们/r 联合/d 攻关/n 。/w 组织/v 攻关/n 。/w"
	checkPieces(t, spec, []string{"举杯"}, []string{"攻关"})
}

// In a long document, a word used twice against content words of two
// characters or more ending in the same character on its left (公交卡,
// 银行卡+刷卡机) or beginning with the same one on its right (复式+预算制,
// +预算) is a piece, as one used three times is; a
// verb before it takes it as its object (成立+兴中会 twice), a place or a
// single character may stand before a term (省+新质生产力: see
// TestLongDocumentRules).
func TestWordTwiceInsideTheSameUnitIsAPiece(t *testing.T) {
	spec := "安装/v 公交卡/n 刷卡机/n 。/w 更新/v 银行卡/n 刷卡机/n 。/w " +
		"实行/v 复式/n 预算制/n 。/w 推行/v 复式/n 预算/n 。/w " +
		"孙中山/nr 成立/v 兴中会/n 。/w 他们/r 成立/v 兴中会/n 分会/n 。/w"
	checkPieces(t, spec, []string{"刷卡机", "复式"}, []string{"兴中会"})
}
