package entities

import "testing"

// TestPlanPeriodInCornerBrackets: a plan period quoted with the corner
// brackets of Traditional text (「十四五」時期) is a date as “十四五”时期 is,
// and counts under the same key.
func TestPlanPeriodInCornerBrackets(t *testing.T) {
	checkMentions(t, New(nil), []mentionCase{
		{"推动「十四五」时期的建设，完成『十三五』规划。", []string{"DATE “十四五”时期", "DATE “十三五”"}, []string{"DATE 「十四五」时期"}},
		{"推动“十四五”时期的建设。", []string{"DATE “十四五”时期"}, nil},
	})
}
