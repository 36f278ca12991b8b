package keywords

import (
	"strings"
	"testing"
)

// reportTerm collects a long document (the text padded to minCountUnits
// words) and says whether the term key was found and marked a piece.
func reportTerm(t *testing.T, text, key string) (found, partial bool) {
	t.Helper()
	text += "\n" + strings.Repeat("填充。", minCountUnits)
	tm := Collect(realInput(t, "report", text), policyOpts(t))
	if tm.Units < minCountUnits {
		t.Fatalf("not a long document: %d units", tm.Units)
	}
	for i := range tm.terms {
		if tm.terms[i].key == key {
			return true, tm.terms[i].partial
		}
	}
	return false, false
}

// TestReportPieces: in a long report, a predicate (能+打胜仗, 要/必须+讲清楚,
// 被+错划), a unit cut by 的 (伟大工程 of 党的建设新的伟大工程) and a piece of
// a run of words sharing their first character (治党治国 of 治党治国治军) are
// pieces; the same words written otherwise are terms (the congress reports
// 15, 16, 19 and the 1983 work report).
func TestReportPieces(t *testing.T) {
	for _, c := range []struct {
		name, text, key string
		piece           bool
	}{
		{"after an auxiliary, and in a list after one", "建设一支听党指挥、能打胜仗、作风优良的人民军队。要建设一支听党指挥、能打胜仗、作风优良的人民军队。向能打仗、打胜仗聚焦。", "打胜仗", true},
		// (搞清楚 itself, the congress report's, is a stopword since kw22)
		{"after an auxiliary or an adverb", "对这个问题没有完全讲清楚。就是逐渐讲清楚这个根本问题。我们讲要讲清楚什么是社会主义。就必须讲清楚什么是初级阶段。", "讲清楚", true},
		{"after the passive", "对被错划为右派的作了改正。原为小商小贩、手工业者被错划为资本家的作了改正。", "错划", true},
		{"a term used otherwise too", "坚持听党指挥、能打胜仗。打胜仗是强军之要。强军目标要求打胜仗。", "打胜仗", false},
		{"after the passive once only", "对被错划为右派的作了改正。错划问题已经纠正。", "错划", false},
		{"after 的, the whole unit written once", "开创了党的建设新的伟大工程。全党正在继续推进这个新的伟大工程。成功地实施党的建设的伟大工程。", "伟大工程", true},
		{"after 的, no whole unit", "全党正在继续推进这个新的伟大工程。成功地实施党的建设的伟大工程。", "伟大工程", false},
		{"a run of words sharing their first character", "内政外交国防、治党治国治军各方面都取得重大成就。培养造就大批善于治党治国治军的优秀领导人。这是我们要长期坚持的治党治国之道。坚持依法治军、从严治军。推进政治建军、依法治军。", "治党治国", true},
		{"no longer run", "这是我们要长期坚持的治党治国之道。坚持治党治国方略。治党治国必须从严。", "治党治国", false},
	} {
		found, partial := reportTerm(t, c.text, c.key)
		if !found {
			t.Errorf("%s: %s not collected", c.name, c.key)
			continue
		}
		if partial != c.piece {
			t.Errorf("%s: %s a piece %v, want %v", c.name, c.key, partial, c.piece)
		}
	}
}

// TestReportPiecesLongOnly: a short policy text keeps its rules (chainTerms,
// onceCut); the report rules read only a long document.
func TestReportPiecesLongOnly(t *testing.T) {
	text := "会议要求，建设一支听党指挥、能打胜仗、作风优良的人民军队，能打胜仗是强军之要。"
	tm := Collect(realInput(t, "brief", text), policyOpts(t))
	if tm.Units >= minCountUnits {
		t.Fatalf("long: %d units", tm.Units)
	}
	for i := range tm.terms {
		if tm.terms[i].key == "打胜仗" && tm.terms[i].partial {
			t.Errorf("打胜仗 a piece in a short text")
		}
	}
}
