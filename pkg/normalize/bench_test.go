package normalize

import (
	"strings"
	"testing"
)

// benchClean is clean policy text: long paragraphs with short headings between them.
var benchClean = strings.ReplaceAll(benchIndented, "\u3000", "")

// benchIndented is the same text with paragraphs indented by ideographic spaces, as most
// documents are: each indentation is a change.
var benchIndented = strings.Repeat("一、总体要求\n"+
	"　　坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，完整准确全面贯彻新发展理念，"+
	"加快构建新发展格局，着力推动高质量发展，统筹发展和安全，切实增强经济活力、防范化解风险、改善社会预期。\n"+
	"二、主要任务\n"+
	"　　（一）扩大有效需求。实施扩大内需战略，促进消费持续恢复，积极扩大有效投资，2024年全市地区生产总值增长5.2%左右。\n", 2000)

// benchPinyin is text copied from a converter page, with a reading after every character.
var benchPinyin = strings.Repeat(example+"，推(tuī)動(dòng)產(chǎn)業(yè)升(shēng)級(jí)。\r\n", 5000)

func BenchmarkClean(b *testing.B) {
	opts := DefaultOptions()
	b.SetBytes(int64(len(benchClean)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(benchClean, opts)
	}
}

func BenchmarkCleanIndented(b *testing.B) {
	opts := DefaultOptions()
	b.SetBytes(int64(len(benchIndented)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(benchIndented, opts)
	}
}

func BenchmarkCleanPinyin(b *testing.B) {
	opts := DefaultOptions()
	b.SetBytes(int64(len(benchPinyin)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(benchPinyin, opts)
	}
}

func BenchmarkOriginal(b *testing.B) {
	r := Clean(benchPinyin, DefaultOptions())
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r.Original(i % len(r.Text))
		i += 7
	}
}

// benchPortal is a report as scraped from a portal: page chrome around long paragraphs.
var benchPortal = strings.Repeat("下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n"+
	"——2026年1月25日在某省第十六届人民代表大会第四次会议上\n来源：某某日报\n时间：2026-02-02\n某省省长 张建国\n"+
	"张建国同志作政府工作报告。本报记者 李明摄\n各位代表：\n"+strings.Repeat("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。\n", 60)+"相关报道：\n", 40)

func BenchmarkCleanPortal(b *testing.B) {
	opts := DefaultOptions()
	b.SetBytes(int64(len(benchPortal)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(benchPortal, opts)
	}
}
