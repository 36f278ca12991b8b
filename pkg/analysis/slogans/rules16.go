package slogans

import "strings"

// Rules 16: names of activities, selections and designations in quotes,
// and runs of quotes that name events.

// eventTails after a quoted span (an optional 等 between) make it the name
// of an activity or a selection: 开展“红色研学行”等活动, “山东好成果”遴选发布.
var eventTails = []string{"活动", "专题活动", "评选", "遴选", "评比", "推选", "征集活动", "系列活动", "主题活动",
	// rules 18: the topic of a meeting or a study, and meetings named after
	// it: 市政协“加快发展数字经济”专题协商会, “数字赋能”论坛 (not 专题教育:
	// “爱的生长”等专题教育 is a campaign's label)
	"专题协商", "专题调研", "专题会议", "专题研讨", "协商会", "座谈会", "研讨会", "论坛", "峰会", "发布会", "博览会"}

// designationCues before a quoted span make it a designation conferred on
// someone: 认定为“智能制造标杆企业”, 被命名“科普示范基地”.
var designationCues = []string{"认定为", "评定为", "确定为", "命名", "授牌", "冠名", "评选为", "遴选为"}

// eventName reports whether the quoted runes r[a:b] (r[a-1] and r[b] the
// marks) name an activity, a selection or a designation.
func (x *extractor) eventName(a, b int) bool {
	r := x.v.r
	j := b + 1
	if hasPrefixAt(r, j, "等") {
		j++
	}
	for _, w := range eventTails {
		if hasPrefixAt(r, j, w) {
			return true
		}
	}
	for _, w := range designationCues {
		if endsWithAt(r, a-1, w) {
			return true
		}
	}
	return x.designationBefore(a)
}

// titleRuns makes every quote of a run of three or more a name when most of
// the run are names already (“网上年货节”“双品网购节”“数商兴农庆丰收”: festivals
// side by side), unless it is a formulation known or numbered.
func (x *extractor) titleRuns() {
	r := x.v.r
	for run := range x.quoteRuns() {
		if len(run) < 3 {
			continue
		}
		titles := 0
		for _, q := range run {
			if q.class == ClassTitle {
				titles++
			}
		}
		if 2*titles <= len(run) {
			continue
		}
		for m := range run {
			q := &run[m]
			c := r[q.i+1 : q.k]
			if q.class != ClassFormulation || strings.ContainsAny(q.key, "+＋") || hasCountingNumeral(c) || numberedShape(c) || x.knownTerm(q.key) {
				continue
			}
			x.retitle(q)
		}
	}
}
